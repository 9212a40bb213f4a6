//! The command line: a thin layer over [`generator::Generator`].
//!
//! `cargo run -p generator` regenerates `generated/` from `spec/`.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: generator [--spec PATH] [--out DIR] [--name CRATE_NAME] [--check]
       generator export-openapi [--spec PATH] --out FILE

  --spec PATH        a documentation page or a folder of them (default: the workspace's spec/)
  --out DIR          where the crate is written (default: the workspace's generated/)
  --name CRATE_NAME  the generated crate's package name (default: authentik-api)
  --check            write nothing; fail and name the files that differ if the output is stale

  export-openapi     write what the input describes as an OpenAPI 3.0 document to FILE
                     (YAML for .yaml/.yml, JSON otherwise) instead of a crate";

struct Options {
    help: bool,
    /// `export-openapi`: write a document instead of a crate.
    export: bool,
    /// Whether `--out` was given.
    out_given: bool,
    spec: PathBuf,
    out: PathBuf,
    name: Option<String>,
    check: bool,
}

fn parse_options() -> Result<Options, String> {
    // Defaults are relative to the workspace, so the command works from any folder in it.
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest_dir
        .parent()
        .map_or(manifest_dir.clone(), PathBuf::from);
    let mut options = Options {
        help: false,
        export: false,
        out_given: false,
        spec: workspace.join("spec"),
        out: workspace.join("generated"),
        name: None,
        check: false,
    };
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("export-openapi") {
        options.export = true;
        args.next();
    }
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "--spec" => options.spec = PathBuf::from(value("--spec")?),
            "--out" => {
                options.out = PathBuf::from(value("--out")?);
                options.out_given = true;
            }
            "--name" => options.name = Some(value("--name")?),
            "--check" => options.check = true,
            "--help" | "-h" => options.help = true,
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    if options.export && !options.out_given {
        return Err(format!("export-openapi needs --out FILE\n\n{USAGE}"));
    }
    if options.export && (options.check || options.name.is_some()) {
        return Err(format!(
            "export-openapi takes only --spec and --out\n\n{USAGE}"
        ));
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if options.help {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let mut generator = generator::Generator::new().spec(&options.spec);
    if let Some(name) = &options.name {
        generator = generator.crate_name(name);
    }
    let result = if options.export {
        generator.export_openapi(&options.out)
    } else if options.check {
        generator.check_crate(&options.out)
    } else {
        generator.write_crate(&options.out)
    };
    match result {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("{warning}");
            }
            let kinds = generator::warning_kinds(&report.warnings);
            if kinds.len() > 1 || kinds.iter().any(|(_, count)| *count > 1) {
                eprintln!("warnings by kind:");
                for (kind, count) in kinds {
                    eprintln!("{count:>6} × {kind}");
                }
            }
            let verb = if options.check {
                "is up to date"
            } else {
                "written"
            };
            println!(
                "{}: {} operations, {} types, {} warnings; {} {verb}",
                options.spec.display(),
                report.operations,
                report.schemas,
                report.warnings.len(),
                options.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
