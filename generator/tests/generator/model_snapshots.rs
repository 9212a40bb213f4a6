//! Snapshots of the model each seed page produces, and of the warnings that
//! say what each page leaves open. A change to the parser shows up here as a
//! reviewable diff of facts.

use crate::seeds;

fn model_and_warnings(page: &str) -> (apidocs2rs::model::Api, Vec<String>) {
    match seeds::generator(&format!("../spec/{page}")).load() {
        Ok((api, warnings)) => (api, warnings.iter().map(ToString::to_string).collect()),
        Err(error) => panic!("../spec/{page} should parse: {error}"),
    }
}

#[test]
fn providers_proxy_partial_update_model() {
    let (api, warnings) = model_and_warnings("002_f9504824eacc2b16.txt");
    insta::assert_json_snapshot!("providers_proxy_partial_update_model", api);
    insta::assert_snapshot!(
        "providers_proxy_partial_update_warnings",
        warnings.join("\n")
    );
}

#[test]
fn outposts_instances_update_model() {
    let (api, warnings) = model_and_warnings("000_d5606ba46899795a.txt");
    insta::assert_json_snapshot!("outposts_instances_update_model", api);
    insta::assert_snapshot!("outposts_instances_update_warnings", warnings.join("\n"));
}
