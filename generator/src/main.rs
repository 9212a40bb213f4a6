//! The command line: a thin layer over [`apidocs2rs::Generator`].
//!
//! `apidocs2rs --spec openapi.yaml` writes the client crate of a document
//! (or of documentation pages) into a folder named after it. In this
//! repository, `cargo run -p apidocs2rs` without `--spec` regenerates the
//! committed `generated/` from the seed pages in `spec/`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// mimalloc: the generator allocates and frees many small strings and
/// token trees, and glibc's allocator spent about 30 % of a run on them
/// (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns API documentation (the reference pages of a docs site, or an
/// OpenAPI 3.0/3.1 document) into a Rust client crate.
///
/// Without a command, generates the crate (as `generate` does):
/// `apidocs2rs --spec openapi.yaml` writes it to `./<name>/`.
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
    /// The layout of documentation pages, where detection reads a page
    /// wrongly: docusaurus, redoc, elements, swagger-ui, scalar, readme,
    /// mintlify, fern, gitbook, bump.sh [default: detected per page]
    #[arg(long, value_name = "LAYOUT", value_parser = parse_layout)]
    layout: Option<apidocs2rs::Layout>,
}

/// A layout by its name, or the list of names.
fn parse_layout(name: &str) -> Result<apidocs2rs::Layout, String> {
    apidocs2rs::Layout::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = apidocs2rs::Layout::ALL.iter().map(|l| l.name()).collect();
        format!(
            "unknown layout `{name}`; expected one of: {}",
            names.join(", ")
        )
    })
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
    /// (.json, .yaml, .yml) [default, under `cargo run` in the apidocs2rs
    /// repository: its spec/]
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,
    /// Where the crate is written [default: ./<CRATE_NAME>; for the
    /// repository's spec/, its generated/]
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The generated crate's package name [default: made from the API's
    /// title, `Ory Hydra API` → ory-hydra-client; for the repository's
    /// spec/, authentik-api]
    #[arg(long, value_name = "CRATE_NAME")]
    name: Option<String>,
    /// The API's name, where the input gives none (documentation pages do
    /// not show it) or to replace its title [default: the input's title,
    /// else the folder's name]
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// The layout of documentation pages, where detection reads a page
    /// wrongly: docusaurus, redoc, elements, swagger-ui, scalar, readme,
    /// mintlify, fern, gitbook, bump.sh [default: detected per page]
    #[arg(long, value_name = "LAYOUT", value_parser = parse_layout)]
    layout: Option<apidocs2rs::Layout>,
    /// Write nothing; fail and name the files that differ if the output is
    /// stale
    #[arg(long)]
    check: bool,
}

#[derive(Args)]
struct ExportArgs {
    /// A documentation page, a folder of them, or an OpenAPI document
    /// [default, under `cargo run` in the apidocs2rs repository: its spec/]
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,
    /// The API's name, where the input gives none [default: the input's
    /// title, else the folder's name]
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// The layout of documentation pages, where detection reads a page
    /// wrongly: docusaurus, redoc, elements, swagger-ui, scalar, readme,
    /// mintlify, fern, gitbook, bump.sh [default: detected per page]
    #[arg(long, value_name = "LAYOUT", value_parser = parse_layout)]
    layout: Option<apidocs2rs::Layout>,

    /// The document to write
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// The input without `--spec`: in the apidocs2rs repository, run by
/// `cargo run` (which says where the package is), its seed pages; they are
/// authentik's, and the crate they make is committed as `generated/`.
struct RepositoryDefault {
    spec: PathBuf,
    out: PathBuf,
}

/// The API of the repository's seed pages, which the pages do not name.
const SEED_TITLE: &str = "authentik";
/// The package name of the committed crate.
const SEED_CRATE: &str = "authentik-api";

impl RepositoryDefault {
    fn find() -> Option<RepositoryDefault> {
        // Set by `cargo run` (not in an installed binary's environment).
        let package = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
        let repository = package.parent()?;
        let spec = repository.join("spec");
        let is_ours = package.join("runtime").is_dir() && spec.is_dir();
        is_ours.then(|| RepositoryDefault {
            spec,
            out: repository.join("generated"),
        })
    }
}

/// The input of a command without `--spec`, or the error to print.
fn default_input() -> Result<RepositoryDefault, ExitCode> {
    RepositoryDefault::find().ok_or_else(|| {
        eprintln!("error: no input: give one with --spec PATH (a documentation page, a folder of them, or an OpenAPI document); see --help");
        ExitCode::from(2)
    })
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
    let load = |path: &PathBuf| {
        let mut generator = apidocs2rs::Generator::new().spec(path);
        if let Some(layout) = args.layout {
            generator = generator.layout(layout);
        }
        generator.load()
    };
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
            "facts": diff.facts,
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
    let mut generator = apidocs2rs::Generator::new();
    let (spec, default_out) = match args.spec {
        Some(spec) => (spec, None),
        None => match default_input() {
            Ok(default) => {
                generator = generator.crate_name(SEED_CRATE).title(SEED_TITLE);
                (default.spec, Some(default.out))
            }
            Err(code) => return code,
        },
    };
    generator = generator.spec(&spec);
    if let Some(name) = &args.name {
        generator = generator.crate_name(name);
    }
    if let Some(title) = &args.title {
        generator = generator.title(title);
    }
    if let Some(layout) = args.layout {
        generator = generator.layout(layout);
    }
    let generated = match generator.generate() {
        Ok(generated) => generated,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let out = args
        .out
        .or(default_out)
        .unwrap_or_else(|| PathBuf::from(&generated.crate_name));
    let name = generated.crate_name.clone();
    let (result, outcome) = match args.check {
        true => (
            generated.check(&out),
            format!("crate `{name}` in {} is up to date", out.display()),
        ),
        false => (
            generated.write(&out),
            format!("crate `{name}` written to {}", out.display()),
        ),
    };
    report(result, &spec, &outcome)
}

fn export(args: ExportArgs) -> ExitCode {
    let mut generator = apidocs2rs::Generator::new();
    let spec = match args.spec {
        Some(spec) => spec,
        None => match default_input() {
            Ok(default) => {
                generator = generator.title(SEED_TITLE);
                default.spec
            }
            Err(code) => return code,
        },
    };
    generator = generator.spec(&spec);
    if let Some(title) = &args.title {
        generator = generator.title(title);
    }
    if let Some(layout) = args.layout {
        generator = generator.layout(layout);
    }
    let outcome = format!("{} written", args.out.display());
    report(generator.export_openapi(&args.out), &spec, &outcome)
}

/// Prints the warnings (with a count by kind) and a summary line, or the
/// error.
fn report(
    result: Result<apidocs2rs::Report, apidocs2rs::Error>,
    spec: &std::path::Path,
    outcome: &str,
) -> ExitCode {
    match result {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("{warning}");
            }
            let mut read_as: std::collections::BTreeMap<&str, usize> = Default::default();
            for (_, layout) in &report.layouts {
                *read_as.entry(layout.title()).or_default() += 1;
            }
            for (layout, pages) in read_as {
                let s = if pages == 1 { "" } else { "s" };
                eprintln!("read {pages} page{s} in the layout of {layout}");
            }
            let kinds = apidocs2rs::warning_kinds(&report.warnings);
            if kinds.len() > 1 || kinds.iter().any(|(_, count)| *count > 1) {
                eprintln!("warnings by kind:");
                for (kind, count) in kinds {
                    eprintln!("{count:>6} × {kind}");
                }
            }
            println!(
                "{}: {} operations, {} types, {} warnings; {outcome}",
                spec.display(),
                report.operations,
                report.schemas,
                report.warnings.len(),
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
