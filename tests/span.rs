//! The tracing span of a call (issue 16), in a test binary of its own.
//!
//! `tracing` caches, per call site and for the whole process, whether any
//! subscriber wants it. With one scoped subscriber registered, a call site
//! that another test's thread reaches first is asked of that thread's
//! subscriber, which is none, and is cached as unwanted: the span of this
//! test then never opens. It failed that way in about one run in four of a
//! shared binary. Alone in its process, the test sets its subscriber as the
//! global default before any call site is reached.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use authentik_api::RetryPolicy;
use support::{client, fails_once, outpost, TOKEN};
use tracing_subscriber::fmt::format::FmtSpan;
use wiremock::{MockServer as Server, ResponseTemplate};

/// Everything a `fmt` subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn each_call_is_one_span_with_the_operation_and_no_credential() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();
    let server = Server::start().await;
    fails_once(&server, ResponseTemplate::new(503)).await;
    let policy = RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(2));
    let client = client(&server).retry(policy).build().unwrap();
    client
        .outposts()
        .instances_update("x", &outpost())
        .await
        .unwrap();
    let output = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let spans: Vec<&str> = output.lines().filter(|l| l.contains("close")).collect();
    let [span] = spans[..] else {
        panic!("one span should close, not {}: {output}", spans.len());
    };
    for field in [
        "operation=\"outposts_instances_update\"",
        "method=PUT",
        "path=\"/outposts/instances/{uuid}/\"",
        "status=200",
        "attempt=2",
        "duration_ms=",
    ] {
        assert!(span.contains(field), "{field} missing: {span}");
    }
    assert!(!output.contains(TOKEN), "the token leaked: {output}");
    assert!(
        !output.contains("/outposts/instances/x/"),
        "the filled path: {output}"
    );
}
