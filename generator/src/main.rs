//! The command line: a thin layer over [`apidocs2rs::Generator`].
//!
//! `cargo run -p apidocs2rs` regenerates `generated/` from `spec/`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turns API documentation (authentik's reference pages, or any OpenAPI
/// 3.0/3.1 document) into a Rust client crate.
///
/// Without a command, generates the crate (as `generate` does).
#[derive(Parser)]
#[command(name = "apidocs2rs", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    generate: GenerateArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Generate the client crate (the default command).
    Generate(GenerateArgs),
    /// Write what the input describes as an OpenAPI 3.0 document (YAML for
    /// a .yaml or .yml file, JSON otherwise) instead of a crate.
    ExportOpenapi(ExportArgs),
    /// Report what a new version of the API changes for Rust code written
    /// against the client of the old one.
    Diff(DiffArgs),
}

#[derive(Args)]
struct DiffArgs {
    /// The old version: a documentation page, a folder of them, or an
    /// OpenAPI document
    old: PathBuf,
    /// The new version, in either form
    new: PathBuf,
    /// Markdown for a person, JSON for CI
    #[arg(long, value_enum, default_value = "markdown")]
    format: Format,
    /// Exit with status 1 when a change breaks code written against the old
    /// version (at build or at run time)
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Markdown,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Breaking,
}

#[derive(Args)]
struct GenerateArgs {
    /// A documentation page, a folder of them, or an OpenAPI document
    /// [default: the workspace's spec/]
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,
    /// Where the crate is written [default: the workspace's generated/]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The generated crate's package name [default: authentik-api]
    #[arg(long, value_name = "CRATE_NAME")]
    name: Option<String>,
    /// Write nothing; fail and name the files that differ if the output is
    /// stale
    #[arg(long)]
    check: bool,
}

#[derive(Args)]
struct ExportArgs {
    /// A documentation page, a folder of them, or an OpenAPI document
    /// [default: the workspace's spec/]
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,
    /// The document to write
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// The workspace folder: the defaults are relative to it, so the command
/// works from any folder in it.
fn workspace() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map_or(manifest_dir.clone(), PathBuf::from)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => generate(cli.generate),
        Some(Command::Generate(args)) => generate(args),
        Some(Command::ExportOpenapi(args)) => export(args),
        Some(Command::Diff(args)) => diff(args),
    }
}

fn diff(args: DiffArgs) -> ExitCode {
    let load = |path: &PathBuf| apidocs2rs::Generator::new().spec(path).load();
    let (old, new) = match (load(&args.old), load(&args.new)) {
        (Ok((old, _)), Ok((new, _))) => (old, new),
        (Err(error), _) | (_, Err(error)) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let diff = apidocs2rs::diff::diff(&old, &new);
    let text = match args.format {
        Format::Markdown => diff.markdown(),
        Format::Json => match serde_json::to_string_pretty(&serde_json::json!({
            "summary": diff.summary(),
            "semver": diff.semver(),
            "scope": diff.scope,
            "changes": diff.changes,
        })) {
            Ok(text) => text + "\n",
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::FAILURE;
            }
        },
    };
    // A reader that stops early (`| head`) is not an error.
    if let Err(error) = std::io::stdout().lock().write_all(text.as_bytes()) {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {error}");
            return ExitCode::FAILURE;
        }
    }
    match (args.fail_on, diff.breaks()) {
        (Some(FailOn::Breaking), true) => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    }
}

fn generate(args: GenerateArgs) -> ExitCode {
    let spec = args.spec.unwrap_or_else(|| workspace().join("spec"));
    let out = args.out.unwrap_or_else(|| workspace().join("generated"));
    let mut generator = apidocs2rs::Generator::new().spec(&spec);
    if let Some(name) = &args.name {
        generator = generator.crate_name(name);
    }
    let (result, verb) = match args.check {
        true => (generator.check_crate(&out), "is up to date"),
        false => (generator.write_crate(&out), "written"),
    };
    report(result, &spec, &out, verb)
}

fn export(args: ExportArgs) -> ExitCode {
    let spec = args.spec.unwrap_or_else(|| workspace().join("spec"));
    let generator = apidocs2rs::Generator::new().spec(&spec);
    report(
        generator.export_openapi(&args.out),
        &spec,
        &args.out,
        "written",
    )
}

/// Prints the warnings (with a count by kind) and a summary line, or the
/// error.
fn report(
    result: Result<apidocs2rs::Report, apidocs2rs::Error>,
    spec: &std::path::Path,
    out: &std::path::Path,
    verb: &str,
) -> ExitCode {
    match result {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("{warning}");
            }
            let kinds = apidocs2rs::warning_kinds(&report.warnings);
            if kinds.len() > 1 || kinds.iter().any(|(_, count)| *count > 1) {
                eprintln!("warnings by kind:");
                for (kind, count) in kinds {
                    eprintln!("{count:>6} × {kind}");
                }
            }
            println!(
                "{}: {} operations, {} types, {} warnings; {} {verb}",
                spec.display(),
                report.operations,
                report.schemas,
                report.warnings.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
