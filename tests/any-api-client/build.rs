//! Generates the client of the any-API fixture into `OUT_DIR`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let spec = "../../generator/tests/fixtures/any_api.yaml";
    let out_file = std::path::Path::new(&std::env::var("OUT_DIR")?).join("any_api_client.rs");
    apidocs2rs::Generator::new()
        .spec(spec)
        .round_trip(true)
        .generate_file(&out_file)?;
    println!("cargo:rerun-if-changed={spec}");
    Ok(())
}
