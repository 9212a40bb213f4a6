//! Client behaviour a validating mock cannot show, against a local HTTP
//! server (wiremock), with the client of the constructs fixture
//! (`tests/constructs-client`): streams over pages, the headers and query
//! sent, timeouts, client settings, error summaries, and unknown union tags
//! and enum values decoding and serializing back unchanged.

use std::pin::pin;
use std::time::Duration;

use constructs_client::models::{
    ChallengeTypes, KindEnum, Owner, OwnersListParams, PaginatedList, PaginatedOwnerList,
    PaginatedThingList, Thing, ThingsListParams,
};
use constructs_client::{Client, Error};
use futures_util::StreamExt;
use serde_json::{json, Value};
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "constructs-test-token";

fn thing(name: &str) -> Value {
    json!({"pk": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "name": name, "owner": null})
}

fn page(names: &[&str], next: u32) -> ResponseTemplate {
    let results: Vec<Value> = names.iter().map(|name| thing(name)).collect();
    ResponseTemplate::new(200).set_body_json(json!({
        "pagination": {"next": next, "count": 5},
        "results": results,
    }))
}

async fn client(server: &MockServer) -> Client {
    Client::builder(format!("{}/api/v3", server.uri()))
        .bearer_token(TOKEN)
        .build()
        .unwrap_or_else(|error| panic!("{error}"))
}

/// Mounts one page of `/things/`, answered exactly once.
async fn mount_page(server: &MockServer, number: &str, response: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path("/api/v3/things/"))
        .and(query_param("page", number))
        .respond_with(response)
        .expect(1)
        .mount(server)
        .await;
}

/// Names of what a stream yields, errors as `error <status>`.
async fn drain(stream: impl futures_util::Stream<Item = Result<Thing, Error>>) -> Vec<String> {
    let mut stream = pin!(stream);
    let mut seen = Vec::new();
    while let Some(item) = stream.next().await {
        seen.push(match item {
            Ok(thing) => thing.name,
            Err(error) => format!("error {:?}", error.status()),
        });
    }
    seen
}

#[tokio::test]
async fn a_stream_yields_every_item_of_three_pages_and_stops_after_the_last() {
    let server = MockServer::start().await;
    mount_page(&server, "1", page(&["a", "b"], 2)).await;
    mount_page(&server, "2", page(&["c", "d"], 3)).await;
    mount_page(&server, "3", page(&["e"], 0)).await;
    let client = client(&server).await;
    let params = ThingsListParams {
        kinds: Some(vec![KindEnum::Big]),
        ..Default::default()
    };
    let seen = drain(client.things().list(&params).items()).await;
    assert_eq!(seen, ["a", "b", "c", "d", "e"]);
    // Every page kept the other parameters.
    let requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 3);
    assert!(requests.iter().all(|request| request
        .url
        .query()
        .unwrap_or_default()
        .contains("kinds=big")));
}

#[tokio::test]
async fn lists_of_one_shape_are_one_generic_page_type_and_stream_alike() {
    // `PaginatedThingList` and `PaginatedOwnerList` differ only in their
    // item type: both are aliases of one generic struct.
    // Page numbers are numbers (`f64`) in the fixture.
    let owners =
        json!({"pagination": {"next": 0.0, "count": 1.0}, "results": [{"username": "ann"}]});
    let decoded: PaginatedList<Owner> =
        serde_json::from_value(owners.clone()).unwrap_or_else(|error| panic!("{error}"));
    let aliased: PaginatedOwnerList = decoded.clone();
    assert_eq!(aliased.results[0].username, "ann");
    assert_eq!(serde_json::to_value(&aliased).ok(), Some(owners.clone()));
    let things: PaginatedThingList = serde_json::from_value(json!({
        "pagination": {"next": 0, "count": 1},
        "results": [thing("a")],
    }))
    .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(things.results[0].name, "a");

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v3/owners/"))
        .and(query_param("page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(owners))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let stream = client.owners().list(&OwnersListParams::default()).items();
    let mut stream = pin!(stream);
    let mut names = Vec::new();
    while let Some(owner) = stream.next().await {
        names.push(owner.map(|o| o.username).unwrap_or_else(|e| e.to_string()));
    }
    assert_eq!(names, ["ann"]);
}

#[tokio::test]
async fn a_stream_starts_at_the_requested_page() {
    let server = MockServer::start().await;
    mount_page(&server, "3", page(&["e"], 0)).await;
    let client = client(&server).await;
    let params = ThingsListParams {
        page: Some(3),
        ..Default::default()
    };
    assert_eq!(drain(client.things().list(&params).items()).await, ["e"]);
}

#[tokio::test]
async fn a_stream_passes_an_error_through_and_ends() {
    let server = MockServer::start().await;
    mount_page(&server, "1", page(&["a", "b"], 2)).await;
    mount_page(
        &server,
        "2",
        ResponseTemplate::new(500).set_body_string("boom"),
    )
    .await;
    let client = client(&server).await;
    let seen = drain(client.things().list(&ThingsListParams::default()).items()).await;
    assert_eq!(seen, ["a", "b", "error Some(500)"]);
}

#[tokio::test]
async fn a_next_page_that_does_not_advance_ends_the_stream() {
    let server = MockServer::start().await;
    // A server that answers page 1 with `next: 1` would loop forever.
    mount_page(&server, "1", page(&["a"], 1)).await;
    let client = client(&server).await;
    let seen = drain(client.things().list(&ThingsListParams::default()).items()).await;
    assert_eq!(seen, ["a"]);
}

#[tokio::test]
async fn settings_and_parameters_are_sent_as_configured() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v3/things/"))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .and(header("user-agent", "my-tool/1.0"))
        .and(header("x-tenant", "blue"))
        .and(header("accept", "application/json"))
        .and(header("x-request-id", "r-1"))
        .and(query_param_is_missing("page"))
        .respond_with(page(&[], 0))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder(format!("{}/api/v3/", server.uri()))
        .bearer_token(TOKEN)
        .user_agent("my-tool/1.0")
        .default_header("X-Tenant", "blue")
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap_or_else(|error| panic!("{error}"));
    let created_after = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default();
    let params = ThingsListParams {
        kinds: Some(vec![KindEnum::Big, KindEnum::Small]),
        ids: Some(vec![1, 2, 3]),
        created_after: Some(created_after),
        x_request_id: Some("r-1".into()),
        ..Default::default()
    };
    let answer = client.things().list(&params).await;
    assert!(answer.is_ok(), "{answer:?}");
    let requests = server.received_requests().await.unwrap_or_default();
    let query = requests
        .first()
        .and_then(|request| request.url.query())
        .unwrap_or_default()
        .to_string();
    // `explode: true` repeats the key, `explode: false` joins the values,
    // date-times are RFC 3339, enums their wire value.
    assert_eq!(
        query,
        "kinds=big&kinds=small&ids=1%2C2%2C3&created_after=2023-11-14T22%3A13%3A20%2B00%3A00"
    );
}

#[tokio::test]
async fn the_default_user_agent_names_the_crate() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(header("user-agent", "constructs-client/0.0.0"))
        .respond_with(page(&[], 0))
        .expect(1)
        .mount(&server)
        .await;
    let answer = client(&server)
        .await
        .things()
        .list(&ThingsListParams::default())
        .await;
    assert!(answer.is_ok(), "{answer:?}");
}

#[tokio::test]
async fn a_slow_answer_is_a_timeout_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(page(&[], 0).set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap_or_else(|error| panic!("{error}"));
    match client.things().list(&ThingsListParams::default()).await {
        Err(error @ Error::Timeout { .. }) => {
            assert_eq!(error.operation(), Some("things_list"));
            assert!(error.to_string().contains("200ms"), "{error}");
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[test]
fn an_invalid_header_is_a_config_error() {
    let built = Client::builder("http://127.0.0.1:9")
        .default_header("bad header", "x")
        .build();
    match built {
        Err(Error::Config { message }) => assert!(message.contains("bad header"), "{message}"),
        other => panic!("expected a config error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_validation_error_is_typed_and_summarized_with_its_field_errors() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "name": ["This field is required."],
            "non_field_errors": ["Try again."]
        })))
        .mount(&server)
        .await;
    let error = match client(&server)
        .await
        .things()
        .list(&ThingsListParams::default())
        .await
    {
        Err(error) => error,
        Ok(page) => panic!("expected an error, got {page:?}"),
    };
    match &error {
        Error::Api {
            status: 400,
            body,
            headers,
            ..
        } => {
            let constructs_client::ErrorBody::ValidationError(validation) = body.as_ref() else {
                panic!("expected the ValidationError body, got {body:?}");
            };
            assert_eq!(
                validation.additional_properties.get("name"),
                Some(&json!(["This field is required."]))
            );
            assert!(headers.contains_key("content-type"));
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    let shown = error.to_string();
    assert!(shown.contains("status 400"), "{shown}");
    assert!(shown.contains("name: This field is required."), "{shown}");
    assert!(!shown.contains(TOKEN), "{shown}");
}

#[tokio::test]
async fn odd_and_unknown_tags_and_an_unknown_enum_value_decode_and_serialize_back() {
    let server = MockServer::start().await;
    let unknown = json!({"component": "ak-stage-from-the-future", "level": 3});
    Mock::given(method("GET"))
        .and(path("/api/v3/challenge/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&unknown))
        .mount(&server)
        .await;
    let challenge = client(&server)
        .await
        .challenge_retrieve(&Default::default())
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(
        matches!(&challenge, ChallengeTypes::Unknown(_)),
        "{challenge:?}"
    );
    assert_eq!(serde_json::to_value(&challenge).ok(), Some(unknown));

    // A tag with backticks: the variant's docs are written by the
    // generator, and the wire value is the one the document gives.
    let legacy = json!({"component": "ak-`legacy`", "message": "upgrade"});
    let decoded: ChallengeTypes =
        serde_json::from_value(legacy.clone()).unwrap_or_else(|e| panic!("{e}"));
    let ChallengeTypes::LegacyChallenge(challenge) = &decoded else {
        panic!("expected the legacy variant, got {decoded:?}");
    };
    assert_eq!(challenge.message.as_deref(), Some("upgrade"));
    assert_eq!(serde_json::to_value(&decoded).ok(), Some(legacy));

    let mut value = thing("x");
    value["kind"] = json!("huge");
    let decoded: Thing = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(decoded.kind, Some(KindEnum::Unknown("huge".into())));
    assert_eq!(serde_json::to_value(&decoded).ok(), Some(value));
}
