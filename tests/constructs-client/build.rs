//! Generates the client of the constructs fixture into `OUT_DIR`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let spec = "../../generator/tests/fixtures/constructs.yaml";
    let out_file = std::path::Path::new(&std::env::var("OUT_DIR")?).join("constructs_client.rs");
    apidocs2rs::Generator::new()
        .spec(spec)
        .round_trip(true)
        .generate_file(&out_file)?;
    println!("cargo:rerun-if-changed={spec}");
    Ok(())
}
