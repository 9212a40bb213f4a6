//! A mock server for the tests of code that uses the client (feature
//! `test-util`): a `wiremock` server on localhost, a client of it, and one
//! way to answer any operation with a typed body, by the call itself.

use serde::Serialize;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, ResponseTemplate};

use super::{Call, Client};

/// A local HTTP server that answers the calls it is told to, for tests
/// without the real API.
pub struct MockServer {
    server: wiremock::MockServer,
}

impl MockServer {
    /// Starts a server on a free local port.
    pub async fn start() -> MockServer {
        MockServer {
            server: wiremock::MockServer::start().await,
        }
    }

    /// A client of this server: one attempt per call, no credentials.
    pub fn client(&self) -> Client {
        Client::builder(self.server.uri())
            .exact_base_url(self.server.uri())
            .no_retries()
            .build()
            .unwrap_or_else(|_| Client::new(self.server.uri()))
    }

    /// Answers the request that `call` makes (its method, path and query)
    /// with status 200 and `body` as JSON, as often as it comes. `call` is
    /// not sent; make it with [`MockServer::client`] or any client of this
    /// server.
    pub async fn respond<T: Serialize + Send>(&self, call: Call<'_, T>, body: &T) {
        let json = serde_json::to_value(body).unwrap_or_default();
        self.respond_with(call, ResponseTemplate::new(200).set_body_json(json))
            .await;
    }

    /// Answers the request that `call` makes with `status` and `body` as
    /// JSON: an error the operation documents, or one it does not.
    pub async fn respond_status<T: Send>(
        &self,
        call: Call<'_, T>,
        status: u16,
        body: serde_json::Value,
    ) {
        self.respond_with(call, ResponseTemplate::new(status).set_body_json(body))
            .await;
    }

    /// Answers the request that `call` makes with `response`, any
    /// `wiremock` response (headers, delays, raw bodies).
    pub async fn respond_with<T: Send>(&self, call: Call<'_, T>, response: ResponseTemplate) {
        let Some(request) = call.request() else {
            return;
        };
        let mut mock = Mock::given(method(request.method.as_str())).and(path(request.path.as_str()));
        for (name, value) in &request.query {
            mock = mock.and(query_param(name.as_ref(), value.as_str()));
        }
        mock.respond_with(response).mount(&self.server).await;
    }

    /// The `wiremock` server, for what this helper does not cover (the
    /// requests it received, expectations).
    pub fn server(&self) -> &wiremock::MockServer {
        &self.server
    }
}
