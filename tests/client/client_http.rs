//! The third way of use: `generated/` as an ordinary dependency, calling both
//! operations against a local HTTP server started by each test.

use authentik_api::models::{
    MatchingModeEnum, OutpostsInstancesUpdateRequest, OutpostsInstancesUpdateResponseType,
    ProvidersProxyPartialUpdateRequest, ProxyMode,
};
use authentik_api::{Client, Error, ErrorBody, Nullable};
use serde_json::{json, Value};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "s3cr3t-token";
const FLOW: &str = "0b4a3b5e-53b0-4b8a-9c61-3b1f1b0d6a11";

async fn server_answering(verb: &str, route: &str, response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(route))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(header("accept", "application/json"))
        .respond_with(response)
        .expect(1)
        .mount(&server)
        .await;
    server
}

fn client(server: &MockServer) -> Client {
    // A trailing slash on the base URL is accepted and not doubled. One
    // attempt per call: each test here expects one request (retries have
    // tests of their own, in `deployment.rs`).
    Client::builder(format!("{}/api/v3/", server.uri()))
        .bearer_token(TOKEN)
        .no_retries()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 1, "exactly one request");
    requests.remove(0)
}

fn body_text(request: &Request) -> String {
    String::from_utf8_lossy(&request.body).into_owned()
}

/// A proxy provider as the server returns it: every required field, the
/// nullable ones as `null`, and a matching mode this client does not know.
fn proxy_provider() -> Value {
    json!({
        "pk": 7,
        "name": "grafana",
        "authentication_flow": null,
        "authorization_flow": FLOW,
        "invalidation_flow": FLOW,
        "property_mappings": [],
        "component": "ak-provider-proxy-form",
        "assigned_application_slug": "grafana",
        "assigned_application_name": "Grafana",
        "assigned_backchannel_application_slug": "",
        "assigned_backchannel_application_name": "",
        "verbose_name": "Proxy Provider",
        "verbose_name_plural": "Proxy Providers",
        "meta_model_name": "authentik_providers_proxy.proxyprovider",
        "client_id": "abc",
        "external_host": "https://grafana.example.com",
        "certificate": FLOW,
        "mode": "forward_single",
        "redirect_uris": [
            {"matching_mode": "strict", "url": "https://grafana.example.com/cb"},
            {"matching_mode": "glob", "url": "https://*.example.com/cb"}
        ],
        "outpost_set": ["embedded"]
    })
}

async fn patch(
    body: Option<&ProvidersProxyPartialUpdateRequest>,
) -> (
    Request,
    authentik_api::models::ProvidersProxyPartialUpdateResponse,
) {
    let server = server_answering(
        "PATCH",
        "/api/v3/providers/proxy/7/",
        ResponseTemplate::new(200).set_body_json(proxy_provider()),
    )
    .await;
    let response = client(&server)
        .providers()
        .proxy_partial_update(7, body)
        .await;
    let request = only_request(&server).await;
    match response {
        Ok(response) => (request, response),
        Err(error) => panic!("the documented response should decode: {error}"),
    }
}

#[tokio::test]
async fn patch_leaves_an_absent_field_out() {
    let body = ProvidersProxyPartialUpdateRequest {
        name: Some("grafana".into()),
        ..Default::default()
    };
    let (request, _) = patch(Some(&body)).await;
    assert_eq!(body_text(&request), r#"{"name":"grafana"}"#);
    assert_eq!(
        request
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
}

#[tokio::test]
async fn patch_sends_null_to_clear_a_field() {
    let body = ProvidersProxyPartialUpdateRequest {
        authentication_flow: Nullable::Null,
        ..Default::default()
    };
    let (request, _) = patch(Some(&body)).await;
    assert_eq!(body_text(&request), r#"{"authentication_flow":null}"#);
}

#[tokio::test]
async fn patch_sends_a_value_to_set_a_field() {
    let flow = FLOW.parse().unwrap_or_else(|error| panic!("{error}"));
    let body = ProvidersProxyPartialUpdateRequest {
        authentication_flow: Nullable::Value(flow),
        mode: Some(ProxyMode::ForwardDomain),
        jwt_federation_providers: Some(vec![1, 2]),
        ..Default::default()
    };
    let (request, _) = patch(Some(&body)).await;
    assert_eq!(
        body_text(&request),
        format!(
            r#"{{"authentication_flow":"{FLOW}","mode":"forward_domain","jwt_federation_providers":[1,2]}}"#
        )
    );
}

#[tokio::test]
async fn patch_without_a_body_sends_none() {
    let (request, _) = patch(None).await;
    assert!(request.body.is_empty());
    assert!(request.headers.get("content-type").is_none());
}

#[tokio::test]
async fn patch_decodes_the_documented_response_and_keeps_unknown_enum_values() {
    let (_, provider) = patch(Some(&ProvidersProxyPartialUpdateRequest::default())).await;
    assert_eq!(provider.pk, 7);
    assert_eq!(
        provider.authentication_flow,
        Nullable::Null,
        "present and null"
    );
    assert_eq!(
        provider
            .certificate
            .as_value()
            .map(ToString::to_string)
            .as_deref(),
        Some(FLOW)
    );
    assert_eq!(provider.mode, Some(ProxyMode::ForwardSingle));
    assert_eq!(
        provider.redirect_uris[0].matching_mode,
        MatchingModeEnum::Strict
    );
    assert_eq!(
        provider.redirect_uris[1].matching_mode,
        MatchingModeEnum::Unknown("glob".into())
    );
    // A value from a newer server goes back to the server unchanged.
    let echoed = serde_json::to_value(&provider).unwrap_or_default();
    assert_eq!(echoed["redirect_uris"][1]["matching_mode"], "glob");
    assert_eq!(echoed["authentication_flow"], Value::Null);
    assert_eq!(echoed["outpost_set"], json!(["embedded"]));
}

/// Calls the PATCH operation against a server that answers 200 with `provider`.
async fn patch_answered_with(provider: Value) -> Result<(), Error> {
    let route = "/api/v3/providers/proxy/7/";
    let server = server_answering(
        "PATCH",
        route,
        ResponseTemplate::new(200).set_body_json(provider),
    )
    .await;
    client(&server)
        .providers()
        .proxy_partial_update(7, None)
        .await
        .map(|_| ())
}

/// A newer server may add fields: they are skipped.
#[tokio::test]
async fn unknown_fields_from_a_newer_server_are_skipped() {
    let mut provider = proxy_provider();
    if let Some(object) = provider.as_object_mut() {
        object.insert("added_later".into(), json!({"nested": [1, 2, {"x": null}]}));
    }
    assert!(patch_answered_with(provider).await.is_ok());
}

#[tokio::test]
async fn a_response_missing_a_required_field_names_the_field() {
    let mut provider = proxy_provider();
    if let Some(object) = provider.as_object_mut() {
        object.remove("client_id");
    }
    match patch_answered_with(provider).await {
        Err(Error::Decode {
            operation,
            status,
            message,
            ..
        }) => {
            assert_eq!((operation, status), ("providers_proxy_partial_update", 200));
            assert!(message.contains("client_id"), "{message}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_wrongly_typed_nested_value_names_its_json_path() {
    let mut provider = proxy_provider();
    provider["redirect_uris"][1]["url"] = json!(5);
    match patch_answered_with(provider).await {
        Err(error) => {
            assert!(
                matches!(&error, Error::Decode { path, .. } if path == "redirect_uris[1].url"),
                "{error:?}"
            );
            assert!(
                error.to_string().contains("redirect_uris[1].url"),
                "{error}"
            );
        }
        Ok(()) => panic!("a number where a string belongs should not decode"),
    }
}

/// The 200 example the page itself shows for `outposts_instances_update`.
/// `value` with every number as a float.
fn numbers_as_f64(value: Value) -> Value {
    match value {
        Value::Number(n) => n.as_f64().map_or(Value::Null, Value::from),
        Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_f64).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, numbers_as_f64(v)))
                .collect(),
        ),
        other => other,
    }
}

fn outpost_example() -> Value {
    let page = std::fs::read_to_string("spec/000_d5606ba46899795a.txt").unwrap_or_default();
    let start = page
        .find("\n{\n\"pk\"")
        .unwrap_or_else(|| panic!("the page's 200 example"));
    let mut values = serde_json::Deserializer::from_str(&page[start..]).into_iter::<Value>();
    match values.next() {
        Some(Ok(value)) => value,
        other => panic!("the page's 200 example should be JSON: {other:?}"),
    }
}

fn outpost_request() -> OutpostsInstancesUpdateRequest {
    let config = [("log_level".to_string(), json!("debug"))];
    let mut request = OutpostsInstancesUpdateRequest::new(config.into_iter().collect());
    request
        .additional_properties
        .insert("name".to_string(), json!("embedded"));
    request
}

#[test]
fn new_sets_the_required_fields_and_nothing_else() {
    let request = OutpostsInstancesUpdateRequest::new(Default::default());
    assert_eq!(
        serde_json::to_value(&request).ok(),
        Some(json!({"config": {}}))
    );
}

#[tokio::test]
async fn put_sends_the_body_and_decodes_the_pages_own_example() {
    let uuid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    let route = format!("/api/v3/outposts/instances/{uuid}/");
    let server = server_answering(
        "PUT",
        &route,
        ResponseTemplate::new(200).set_body_json(outpost_example()),
    )
    .await;
    let outpost = match client(&server)
        .outposts()
        .instances_update(uuid, &outpost_request())
        .await
    {
        Ok(outpost) => outpost,
        Err(error) => panic!("the page's example should decode: {error}"),
    };
    let request = only_request(&server).await;
    assert_eq!(
        body_text(&request),
        r#"{"config":{"log_level":"debug"},"name":"embedded"}"#
    );
    assert_eq!(
        outpost.r#type,
        Some(OutpostsInstancesUpdateResponseType::Proxy)
    );
    assert_eq!(outpost.providers_obj.len(), 1);
    assert_eq!(outpost.service_connection_obj.local, Some(true));
    // The page's samples say only "a number" (`0`), so its number fields are
    // `f64` and re-encode `0` as `0.0`: equal as numbers.
    assert_eq!(
        numbers_as_f64(serde_json::to_value(&outpost).unwrap_or_default()),
        numbers_as_f64(outpost_example()),
        "decoding loses nothing"
    );
}

#[tokio::test]
async fn path_parameters_are_percent_encoded() {
    let server = server_answering(
        "PUT",
        "/api/v3/outposts/instances/a%2Fb%3Fc%20d/",
        ResponseTemplate::new(200).set_body_json(outpost_example()),
    )
    .await;
    let result = client(&server)
        .outposts()
        .instances_update("a/b?c d", &outpost_request())
        .await;
    assert!(result.is_ok(), "{result:?}");
}

async fn put_answered_with(status: u16, body: &str) -> Error {
    let route = "/api/v3/outposts/instances/x/";
    let server = server_answering(
        "PUT",
        route,
        ResponseTemplate::new(status).set_body_raw(body.as_bytes().to_vec(), "application/json"),
    )
    .await;
    match client(&server)
        .outposts()
        .instances_update("x", &outpost_request())
        .await
    {
        Ok(outpost) => panic!("status {status} should fail, decoded {outpost:?}"),
        Err(error) => error,
    }
}

#[tokio::test]
async fn a_documented_400_is_a_typed_validation_error() {
    let error = put_answered_with(
        400,
        r#"{"non_field_errors":["name taken"],"code":"invalid"}"#,
    )
    .await;
    match &error {
        Error::Api {
            status: 400, body, ..
        } => match body.as_ref() {
            ErrorBody::OutpostsInstancesUpdateBadRequest(bad) => {
                assert_eq!(
                    bad.non_field_errors.as_deref(),
                    Some(&["name taken".to_string()][..])
                );
                assert_eq!(bad.code.as_deref(), Some("invalid"));
            }
            other => panic!("expected the 400 body, got {other:?}"),
        },
        other => panic!("expected an API error, got {other:?}"),
    }
    assert_eq!(error.status(), Some(400));
    assert!(error.to_string().contains("400"), "{error}");
}

#[tokio::test]
async fn a_documented_403_is_a_typed_error_decided_by_status_not_shape() {
    // The body would fit the 400 schema too; the status decides.
    let error = put_answered_with(403, r#"{"code":"denied"}"#).await;
    match error {
        Error::Api {
            status: 403, body, ..
        } => assert!(
            matches!(*body, ErrorBody::OutpostsInstancesUpdateForbidden(_)),
            "{body:?}"
        ),
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn an_undocumented_status_keeps_the_body_text() {
    let error = put_answered_with(502, "upstream down").await;
    match &error {
        Error::UnexpectedStatus {
            operation,
            status,
            body,
            ..
        } => {
            assert_eq!(
                (*operation, *status, body.as_str()),
                ("outposts_instances_update", 502, "upstream down")
            );
        }
        other => panic!("expected an unexpected status, got {other:?}"),
    }
    assert!(error.to_string().contains("upstream down"), "{error}");
}

#[tokio::test]
async fn the_token_appears_in_no_debug_or_error_output() {
    let error = put_answered_with(502, "upstream down").await;
    let client = Client::new("http://127.0.0.1:9").with_bearer_token(TOKEN);
    for shown in [
        format!("{client:?}"),
        format!("{error:?}"),
        error.to_string(),
    ] {
        assert!(!shown.contains(TOKEN), "the token leaked: {shown}");
    }
    // The scheme that has a credential is named, nothing more.
    assert!(format!("{client:?}").contains(r#"credentials: {"authentik"}"#));
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    // Port 9 (discard) on loopback: nothing listens there in CI.
    let client = Client::new("http://127.0.0.1:9/api/v3").with_bearer_token(TOKEN);
    match client.providers().proxy_partial_update(1, None).await {
        Err(Error::Transport { operation, .. }) => {
            assert_eq!(operation, "providers_proxy_partial_update")
        }
        other => panic!("expected a transport error, got {other:?}"),
    }
}

#[tokio::test]
async fn the_server_path_is_added_to_a_base_url_without_it() {
    // authentik's document gives its server as `/api/v3`, a path on the
    // host: the host alone, the full API root, and a proxy's prefix work.
    for (given, used) in [
        (
            "https://authentik.example.com",
            "https://authentik.example.com/api/v3",
        ),
        (
            "https://authentik.example.com/api/v3/",
            "https://authentik.example.com/api/v3",
        ),
        (
            "https://example.com/authentik",
            "https://example.com/authentik/api/v3",
        ),
    ] {
        assert_eq!(Client::new(given).base_url(), used, "{given}");
    }
    let server = server_answering(
        "PATCH",
        "/api/v3/providers/proxy/7/",
        ResponseTemplate::new(200).set_body_json(proxy_provider()),
    )
    .await;
    Client::new(server.uri())
        .with_bearer_token(TOKEN)
        .providers()
        .proxy_partial_update(7, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn an_exact_base_url_is_taken_as_it_is() {
    let server = server_answering(
        "PATCH",
        "/providers/proxy/7/",
        ResponseTemplate::new(200).set_body_json(proxy_provider()),
    )
    .await;
    let client = Client::builder("https://unused.example.com")
        .exact_base_url(format!("{}/", server.uri()))
        .bearer_token(TOKEN)
        .build()
        .unwrap();
    assert_eq!(client.base_url(), server.uri());
    client
        .providers()
        .proxy_partial_update(7, None)
        .await
        .unwrap();
}
