//! What the deployment tests and the span test share: a client of the
//! committed crate pointed at a local server, the PUT operation they call,
//! and a way to answer it.

use authentik_api::models::OutpostsInstancesUpdateRequest;
use authentik_api::Client;
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer as Server, ResponseTemplate};

pub const TOKEN: &str = "s3cr3t-token";
/// The PUT operation (idempotent): its path on the server.
pub const PUT_PATH: &str = "/api/v3/outposts/instances/x/";

pub fn client(server: &Server) -> authentik_api::ClientBuilder {
    Client::builder(server.uri()).bearer_token(TOKEN)
}

pub fn outpost() -> OutpostsInstancesUpdateRequest {
    OutpostsInstancesUpdateRequest::new(Default::default())
}

/// An answer of the PUT operation with its required fields.
pub fn outpost_json() -> serde_json::Value {
    json!({"name": "embedded", "providers_obj": [], "service_connection_obj": {}, "config": {}})
}

/// Answers `verb path` with `response` for the next `times` requests.
pub async fn answer(
    server: &Server,
    verb: &str,
    route: &str,
    response: ResponseTemplate,
    times: u64,
) {
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(response)
        .up_to_n_times(times)
        .mount(server)
        .await;
}

/// Answers the PUT operation with `failure` once, then with an outpost.
pub async fn fails_once(server: &Server, failure: ResponseTemplate) {
    answer(server, "PUT", PUT_PATH, failure, 1).await;
    let outpost = ResponseTemplate::new(200).set_body_json(outpost_json());
    answer(server, "PUT", PUT_PATH, outpost, 1).await;
}
