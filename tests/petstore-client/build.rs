//! Generates the client of the petstore fixture into `OUT_DIR`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let spec = "../../generator/tests/fixtures/petstore.yaml";
    let out_file = std::path::Path::new(&std::env::var("OUT_DIR")?).join("petstore_client.rs");
    apidocs2rs::Generator::new()
        .spec(spec)
        .generate_file(&out_file)?;
    println!("cargo:rerun-if-changed={spec}");
    Ok(())
}
