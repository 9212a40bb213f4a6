//! The least time any quote → syn → prettyplease emitter needs for a given
//! output: lexing, parsing and printing the Rust files it would write, on
//! one thread. Used to judge the generation-speed figures:
//!
//! ```text
//! target/release/apidocs2rs --spec ../shared/specs/authentik-2026.5.6.yml --out /tmp/crate
//! cargo run --release -p apidocs2rs --example syntax_floor -- /tmp/crate/src/*/*.rs
//! ```

use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The generator's allocator, so the floor and the generator are timed alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(paths: Vec<String>) -> Result<String, String> {
    if paths.is_empty() {
        return Err("usage: syntax_floor FILE.rs...".into());
    }
    let sources = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}")))
        .collect::<Result<Vec<_>, _>>()?;
    let bytes: usize = sources.iter().map(String::len).sum();

    let (streams, lex) = timed(|| {
        sources
            .iter()
            .zip(&paths)
            .map(|(source, path)| {
                source
                    .parse::<proc_macro2::TokenStream>()
                    .map_err(|error| format!("{path}: {error}"))
            })
            .collect::<Result<Vec<_>, _>>()
    });
    let (files, parse) = timed(|| {
        streams?
            .into_iter()
            .zip(&paths)
            .map(|(tokens, path)| {
                syn::parse2::<syn::File>(tokens).map_err(|error| format!("{path}: {error}"))
            })
            .collect::<Result<Vec<_>, _>>()
    });
    let (printed, print) = timed(|| {
        files.map(|files| {
            files
                .iter()
                .map(|file| prettyplease::unparse(file).len())
                .sum::<usize>()
        })
    });
    printed?;
    Ok(format!(
        "{} files, {:.1} MB: lex {} ms, syn parse {} ms, prettyplease {} ms (one thread)",
        paths.len(),
        bytes as f64 / 1e6,
        lex.as_millis(),
        parse.as_millis(),
        print.as_millis()
    ))
}

fn timed<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let result = work();
    (result, start.elapsed())
}
