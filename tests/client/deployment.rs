//! The client in a deployment (issue 16), against a local HTTP server:
//! retries, hooks, a `reqwest-middleware` stack, success metadata,
//! per-call options and the `test-util` mock server. It uses `generated/`
//! with its `tracing`, `middleware` and `test-util` features; the tracing
//! span is tested in `tests/span.rs`, a process of its own.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use authentik_api::models::{OutpostsInstancesUpdateRequest, OutpostsInstancesUpdateResponse};
use authentik_api::{Client, Error, MockServer, Outcome, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer as Server, Request, ResponseTemplate};

use crate::support::{answer, client, fails_once, outpost, outpost_json, PUT_PATH, TOKEN};

/// The PATCH operation (not idempotent).
const PATCH_PATH: &str = "/api/v3/providers/proxy/7/";

async fn requests(server: &Server) -> Vec<Request> {
    server.received_requests().await.unwrap_or_default()
}

#[tokio::test]
async fn a_503_with_retry_after_is_retried_after_that_many_seconds() {
    let server = Server::start().await;
    let unavailable = ResponseTemplate::new(503).insert_header("retry-after", "1");
    fails_once(&server, unavailable).await;
    let client = client(&server).build().unwrap();
    let started = Instant::now();
    client
        .outposts()
        .instances_update("x", &outpost())
        .await
        .unwrap();
    let waited = started.elapsed();
    assert_eq!(requests(&server).await.len(), 2);
    assert!(
        waited >= Duration::from_millis(950) && waited < Duration::from_secs(3),
        "waited {waited:?}"
    );
}

#[tokio::test]
async fn a_patch_is_not_retried_unless_the_policy_says_so() {
    let server = Server::start().await;
    answer(&server, "PATCH", PATCH_PATH, ResponseTemplate::new(503), 10).await;
    let client = client(&server).build().unwrap();
    let error = client
        .providers()
        .proxy_partial_update(7, None)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    assert_eq!(error.attempts(), 1);
    assert_eq!(requests(&server).await.len(), 1);
    // Told that its writes are safe to repeat, it retries them too.
    let quick = RetryPolicy::default()
        .backoff(Duration::from_millis(1), Duration::from_millis(5))
        .all_methods();
    let error = client
        .providers()
        .proxy_partial_update(7, None)
        .retry(quick)
        .await
        .unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert_eq!(requests(&server).await.len(), 4);
}

#[tokio::test]
async fn a_429_without_retry_after_backs_off() {
    let server = Server::start().await;
    fails_once(&server, ResponseTemplate::new(429)).await;
    // The first wait is a random point in the upper half of 400 ms.
    let policy = RetryPolicy::default().backoff(Duration::from_millis(400), Duration::from_secs(1));
    let client = client(&server).retry(policy).build().unwrap();
    let started = Instant::now();
    client
        .outposts()
        .instances_update("x", &outpost())
        .await
        .unwrap();
    let waited = started.elapsed();
    assert_eq!(requests(&server).await.len(), 2);
    assert!(waited >= Duration::from_millis(200), "waited {waited:?}");
}

#[tokio::test]
async fn retries_stop_at_the_limit_and_the_error_counts_the_attempts() {
    let server = Server::start().await;
    answer(&server, "PUT", PUT_PATH, ResponseTemplate::new(502), 100).await;
    let policy = RetryPolicy::default()
        .max_retries(3)
        .backoff(Duration::from_millis(1), Duration::from_millis(5));
    let client = client(&server).retry(policy).build().unwrap();
    let error = client
        .outposts()
        .instances_update("x", &outpost())
        .await
        .unwrap_err();
    assert_eq!(requests(&server).await.len(), 4);
    assert_eq!(error.attempts(), 4);
    assert!(error.to_string().ends_with("(after 4 attempts)"), "{error}");
    // A refused connection is retried too, and says so.
    let refused = Client::builder("http://127.0.0.1:9")
        .retry(RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(2)))
        .build()
        .unwrap();
    let error = refused
        .outposts()
        .instances_update("x", &outpost())
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::Transport { attempts: 3, .. }),
        "{error:?}"
    );
    // Off with one call.
    let once = Client::builder(server.uri()).no_retries().build().unwrap();
    let before = requests(&server).await.len();
    once.outposts()
        .instances_update("x", &outpost())
        .await
        .unwrap_err();
    assert_eq!(requests(&server).await.len(), before + 1);
}

#[tokio::test]
async fn hooks_run_in_order_change_the_request_and_see_the_response() {
    let server = Server::start().await;
    Mock::given(method("PUT"))
        .and(path(PUT_PATH))
        .and(header("x-hooked", "first+second"))
        .respond_with(ResponseTemplate::new(200).set_body_json(outpost_json()))
        .mount(&server)
        .await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let (first, second, response) = (seen.clone(), seen.clone(), seen.clone());
    let client = client(&server)
        .on_request(move |request, info| {
            first
                .lock()
                .unwrap()
                .push(format!("first {} {}", info.operation, info.path));
            request
                .headers_mut()
                .insert("x-hooked", "first".parse().unwrap());
        })
        .on_request(move |request, info| {
            second
                .lock()
                .unwrap()
                .push(format!("second attempt {}", info.attempt));
            let value = request.headers()["x-hooked"].to_str().unwrap().to_string();
            request
                .headers_mut()
                .insert("x-hooked", format!("{value}+second").parse().unwrap());
        })
        .on_response(move |info| {
            if let Outcome::Response { status, .. } = info.outcome {
                response.lock().unwrap().push(format!("response {status}"));
            }
        })
        .build()
        .unwrap();
    client
        .outposts()
        .instances_update("x", &outpost())
        .await
        .unwrap();
    assert_eq!(
        *seen.lock().unwrap(),
        [
            "first outposts_instances_update /outposts/instances/{uuid}/",
            "second attempt 1",
            "response 200",
        ]
    );
}

#[tokio::test]
async fn a_middleware_stack_with_reqwest_retry_works() {
    use reqwest_retry::policies::ExponentialBackoff;
    use reqwest_retry::RetryTransientMiddleware;
    let server = Server::start().await;
    fails_once(&server, ResponseTemplate::new(500)).await;
    let policy = ExponentialBackoff::builder()
        .retry_bounds(Duration::from_millis(1), Duration::from_millis(5))
        .build_with_max_retries(2);
    let stack = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
        .with(RetryTransientMiddleware::new_with_policy(policy))
        .build();
    // The stack retries (500 too, which the client's own policy does not).
    let client = client(&server)
        .no_retries()
        .middleware(stack)
        .build()
        .unwrap();
    client
        .outposts()
        .instances_update("x", &outpost())
        .await
        .unwrap();
    assert_eq!(requests(&server).await.len(), 2);
    let bearer = format!("Bearer {TOKEN}");
    assert!(requests(&server).await.iter().all(|r| r
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        == Some(&bearer)));
}

#[tokio::test]
async fn success_metadata_carries_the_servers_headers() {
    let server = Server::start().await;
    let response = ResponseTemplate::new(200)
        .insert_header("x-request-id", "r-42")
        .set_body_json(outpost_json());
    answer(&server, "PUT", PUT_PATH, response, 1).await;
    let client = client(&server).build().unwrap();
    let answer = client
        .outposts()
        .instances_update("x", &outpost())
        .with_metadata()
        .await
        .unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.headers["x-request-id"], "r-42");
    let body: OutpostsInstancesUpdateResponse = answer.body;
    assert_eq!(body.name.as_deref(), Some("embedded"));
}

#[tokio::test]
async fn per_call_options_take_the_place_of_the_clients() {
    let server = Server::start().await;
    Mock::given(method("PUT"))
        .and(path(PUT_PATH))
        .and(header("x-source", "call"))
        .and(header("authorization", "Bearer other-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(outpost_json()))
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path(PATCH_PATH))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_millis(500)))
        .mount(&server)
        .await;
    let client = client(&server)
        .default_header("x-source", "client")
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    client
        .outposts()
        .instances_update("x", &outpost())
        .header("x-source", "call")
        .bearer_token("other-token")
        .await
        .unwrap();
    let error = client
        .providers()
        .proxy_partial_update(7, None)
        .timeout(Duration::from_millis(50))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
    // The client's token is back for the next call.
    let error = client
        .outposts()
        .instances_update("x", &outpost())
        .retry(RetryPolicy::none())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404), "{error}");
    let last = requests(&server).await.pop().unwrap();
    assert_eq!(
        last.headers["authorization"],
        format!("Bearer {TOKEN}").as_str()
    );
    assert_eq!(last.headers["x-source"], "client");
}

/// The test double the crate's docs describe: code under test gets a
/// client of the mock server, which answers the operations it calls with
/// typed bodies.
#[tokio::test]
async fn the_mock_server_answers_a_call_with_a_typed_body() {
    /// The code under test: renames an outpost, answers its new name.
    async fn rename(client: &Client, uuid: &str) -> authentik_api::Result<String> {
        let request = OutpostsInstancesUpdateRequest::new(Default::default());
        let outpost = client.outposts().instances_update(uuid, &request).await?;
        Ok(outpost.name.unwrap_or_default())
    }
    let mock = MockServer::start().await;
    let client = mock.client();
    let request = OutpostsInstancesUpdateRequest::new(Default::default());
    let answer: OutpostsInstancesUpdateResponse = serde_json::from_value(json!({
        "name": "embedded", "providers_obj": [], "service_connection_obj": {}, "config": {}
    }))
    .unwrap();
    mock.respond(client.outposts().instances_update("a b", &request), &answer)
        .await;
    mock.respond_status(
        client.outposts().instances_update("gone", &request),
        404,
        json!({"detail": "Not found."}),
    )
    .await;

    assert_eq!(rename(&client, "a b").await.unwrap(), "embedded");
    assert_eq!(
        rename(&client, "gone").await.unwrap_err().status(),
        Some(404)
    );
    let received = mock.server().received_requests().await.unwrap_or_default();
    assert_eq!(received.len(), 2);
    // The path parameter went percent-encoded, as the call made it.
    assert_eq!(received[0].url.path(), "/outposts/instances/a%20b/");
}
