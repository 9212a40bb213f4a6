//! Generates the authentik client from `spec/` into `OUT_DIR` at build time;
//! `src/lib.rs` includes it. This is the whole recipe a user copies.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_file = std::path::Path::new(&std::env::var("OUT_DIR")?).join("authentik_client.rs");
    // The returned report counts operations and types and lists the facts the
    // pages leave open; `cargo run -p apidocs2rs` prints the same list.
    apidocs2rs::Generator::new()
        .spec("spec")
        .generate_file(&out_file)?;
    println!("cargo:rerun-if-changed=spec");
    // Lets the tests find the generated file to compare it with `generated/`.
    println!(
        "cargo:rustc-env=AUTHENTIK_CLIENT_FILE={}",
        out_file.display()
    );
    Ok(())
}
