//! The generated crate's own documentation, where its users read it (on
//! docs.rs, in `cargo doc`): what the API is, then a guide to the client
//! with this API's operations in every example (`no_run` examples, which
//! `cargo test` compiles): configuration and credentials, a call and its
//! errors, request bodies and `null`, lists, one call's options and the
//! response's metadata, retries, hooks, middleware, tracing, a test
//! double, and the crate's features.

use super::about;
use super::credentials;
use super::doc_examples::{Example, Examples};
use super::emitted::Feature;
use super::features::ROUND_TRIP;
use super::runtime::TEST_UTIL_FEATURE;
use crate::model::Api;
use crate::names::Names;

/// The crate doc, line by line.
pub fn lines(api: &Api, names: &Names, crate_name: &str, features: &[Feature]) -> Vec<String> {
    let krate = crate_name.replace('-', "_");
    let examples = Examples::new(api, names, &krate);
    let mut doc = Doc::default();
    doc.lines.extend(about::doc_lines(&api.info));
    doc.text(&[
        "Each operation of the API is a method of its tag's handle: `client.<tag>()` gives it (a `Copy`",
        "value that borrows the client, listed in [`operations`]); an operation without a tag is a method",
        "of [`Client`]. The request and response types are in [`models`], and every error is an",
        "[`Error`]. The sections below show the client with this API's own operations.",
    ]);
    configuration(&mut doc, api, names, crate_name);
    let call = examples.simple_call(false);
    if let Some((op, call)) = &call {
        doc.heading("A call");
        doc.text(&[&format!(
            "Each method builds its request and returns a [`Call`], a future: awaiting it sends the request (`{} {}`) and decodes the answer. It borrows only the client, not the arguments.",
            op.method.as_str(),
            op.path
        )]);
        doc.example(
            &krate,
            true,
            call.code(
                &[],
                vec![
                    format!("let answer = client.{}.await?;", call.call),
                    "println!(\"{answer:?}\");".to_string(),
                ],
            ),
        );
    }
    errors(&mut doc, call.as_ref().map(|(_, call)| call), &krate);
    bodies(&mut doc, &examples, &krate);
    lists(&mut doc, &examples, &krate);
    doc.heading("Parameters");
    doc.text(&[
        "Query, header and cookie parameters are an `<Operation>Params` struct (with `Default` when all are",
        "optional, `new` with the required ones otherwise), never positional arguments. Arrays are",
        "encoded as the documentation says (a repeated key, or values joined with commas), date-times as",
        "RFC 3339, enums by their wire value; path arguments are percent-encoded.",
    ]);
    if let Some((_, call)) = &call {
        one_call(&mut doc, call, &krate);
    }
    retries(&mut doc, &krate);
    hooks(&mut doc, &krate);
    if let Some((_, call)) = &call {
        test_double(&mut doc, call, &krate);
    }
    doc.heading("Forward compatibility");
    doc.text(&[
        "An enum value or union tag this client does not know decodes as `Unknown(..)` and is written back",
        "unchanged; fields it does not know are skipped. A newer server does not break an older client.",
    ]);
    features_section(&mut doc, features);
    doc.lines
}

/// The doc being written.
#[derive(Default)]
struct Doc {
    lines: Vec<String>,
}

impl Doc {
    fn heading(&mut self, title: &str) {
        self.lines
            .extend([String::new(), format!("# {title}"), String::new()]);
    }

    /// A paragraph (after a blank line unless one stands before it).
    fn text(&mut self, lines: &[&str]) {
        if self.lines.last().is_some_and(|last| !last.is_empty()) {
            self.lines.push(String::new());
        }
        self.lines.extend(lines.iter().map(|line| line.to_string()));
    }

    /// A `no_run` example: `body` inside a function that has a client of
    /// the crate (`with_client`) or none, returning the crate's `Result`.
    fn example(&mut self, krate: &str, with_client: bool, body: Vec<String>) {
        self.gated_example(krate, with_client, None, body);
    }

    /// An example that compiles only with the crate's `feature`.
    fn gated_example(
        &mut self,
        krate: &str,
        with_client: bool,
        feature: Option<&str>,
        body: Vec<String>,
    ) {
        if self.lines.last().is_some_and(|last| !last.is_empty()) {
            self.lines.push(String::new());
        }
        self.lines.push("```no_run".to_string());
        if let Some(feature) = feature {
            self.lines
                .push(format!("# #[cfg(feature = \"{feature}\")]"));
        }
        let argument = match with_client {
            true => format!("client: {krate}::Client"),
            false => String::new(),
        };
        self.lines.push(format!(
            "# async fn example({argument}) -> Result<(), Box<dyn std::error::Error>> {{"
        ));
        self.lines.extend(body);
        self.lines
            .extend(["# Ok(())".to_string(), "# }".to_string(), "```".to_string()]);
    }
}

/// The base URL, the builder's settings and the API's credentials.
fn configuration(doc: &mut Doc, api: &Api, names: &Names, crate_name: &str) {
    let krate = &crate_name.replace('-', "_");
    doc.heading("Configuration");
    let base_url = match (&api.server_url, &api.base_path) {
        (Some(url), _) => {
            doc.text(&[&format!(
                "The API's documentation names its server, `{url}`: [`DEFAULT_BASE_URL`]. Any other URL you give is taken as the root of the API."
            )]);
            format!("{krate}::DEFAULT_BASE_URL")
        }
        (None, Some(path)) => {
            doc.text(&[&format!(
                "Give the URL of the server: the API's path on it, `{path}`, is added unless the URL ends with it already (so `https://api.example.com` and `https://api.example.com{path}` reach the same API). [`ClientBuilder::exact_base_url`] takes a URL as it is."
            )]);
            "\"https://api.example.com\"".to_string()
        }
        (None, None) => {
            doc.text(&["Give the URL of the API's root."]);
            "\"https://api.example.com\"".to_string()
        }
    };
    let mut body = vec![
        "use std::time::Duration;".to_string(),
        String::new(),
        format!("let client = {krate}::Client::builder({base_url})"),
    ];
    if let Some((scheme, kind)) = api.security_schemes.iter().next() {
        let (arguments, _) = credentials::usage(kind);
        body.push(format!(
            "    .{}({arguments}) // the `{scheme}` credential",
            names.scheme_method(scheme)
        ));
    }
    body.extend([
        "    .timeout(Duration::from_secs(30)) // `Error::Timeout` after that".to_string(),
        format!("    .user_agent(\"my-app/1.0\") // by default `{crate_name}/<version>`"),
        "    .default_header(\"X-Request-Source\", \"ci\") // sent with every request".to_string(),
        "    .build()?; // `Error::Config` for a header HTTP does not allow".to_string(),
        "# let _ = client;".to_string(),
    ]);
    doc.example(krate, false, body);
    doc.text(&[
        "[`ClientBuilder::http_client`] takes a `reqwest::Client` of your own (proxies, TLS settings, a",
        "connection pool); by default the client uses rustls. [`Client::new`] gives a client with the",
        "default settings.",
    ]);
    if api.security_schemes.is_empty() {
        return;
    }
    doc.heading("Credentials");
    doc.text(&["The builder has one method per security scheme of the API:"]);
    doc.lines.push(String::new());
    for (scheme, kind) in &api.security_schemes {
        let (_, sent) = credentials::usage(kind);
        doc.lines.push(format!(
            "- [`ClientBuilder::{}`] (scheme `{scheme}`): sends {sent}",
            names.scheme_method(scheme)
        ));
    }
    if let Some(scheme) = credentials::bearer_scheme(api) {
        doc.lines.push(format!(
            "- [`ClientBuilder::bearer_token`]: the same as the method of `{scheme}`, the API's one bearer scheme"
        ));
    }
    doc.text(&[
        "An operation accepts one or more sets of schemes; the client sends the credentials of the first set",
        "it has them all for, and none when it has none. [`Call`] has the same methods, for one call.",
        "Credentials never appear in `Debug`, `Display`, an error, a log or a tracing span.",
    ]);
}

/// The error type, matched by status.
fn errors(doc: &mut Doc, call: Option<&Example>, krate: &str) {
    doc.heading("Errors");
    doc.text(&[
        "Every method fails with one [`Error`], which names the operation. The status decides the variant,",
        "never the body's shape:",
        "",
        "| variant | when |",
        "|---|---|",
        "| [`Error::Api`] | a status the operation documents, with its typed body ([`ErrorBody`]) |",
        "| [`Error::UnexpectedStatus`] | a status it does not document; the body's text is kept |",
        "| [`Error::Decode`] | the body does not match its type; `path` names the value that failed |",
        "| [`Error::Transport`], [`Error::Timeout`] | no complete response (after the retries) |",
        "| [`Error::Encode`], [`Error::Config`] | the request could not be made |",
        "",
        "`Display` shows the operation, the status and a one-line summary of the body;",
        "[`Error::status`], [`Error::headers`], [`Error::operation`] and [`Error::attempts`] read the parts.",
        "",
        "A redirect an operation documents (a `303` after a sign-in, with its `Location` and cookie) is",
        "its answer, not an error and not followed: [`Call::with_metadata`] gives its status and headers.",
        "Any other redirect is followed as a browser does, at most 10 times, never in a loop (which ends",
        "as [`Error::UnexpectedStatus`]) and, to another host, without the credentials.",
    ]);
    let Some(call) = call else {
        return;
    };
    doc.example(
        krate,
        true,
        call.code(
            &[format!("use {krate}::Error;")],
            vec![
                format!("match client.{}.await {{", call.call),
                "    Ok(answer) => println!(\"{answer:?}\"),".to_string(),
                "    Err(Error::Api { status, body, .. }) => eprintln!(\"documented error {status}: {body:?}\"),".to_string(),
                "    Err(error) => eprintln!(\"{error}\"), // the operation, the status and a summary".to_string(),
                "}".to_string(),
            ],
        ),
    );
}

/// Request types: `new` for required fields, and absent, `null` or a value.
fn bodies(doc: &mut Doc, examples: &Examples<'_>, krate: &str) {
    doc.heading("Request bodies");
    doc.text(&[
        "Every field has two facts: must it be present, and may it be `null`. Each combination has its own",
        "Rust shape, so that an update never clears a field by accident:",
        "",
        "| required | may be `null` | Rust type | on the wire |",
        "|---|---|---|---|",
        "| yes | no | `T` | always sent |",
        "| yes | yes | `Option<T>` | `None` is sent as `null` |",
        "| no | no | `Option<T>` | `None` is left out |",
        "| no | yes | [`Nullable<T>`](Nullable) | `Absent` (the default) is left out, `Null` is sent as `null` |",
        "",
        "A request type with required fields has `new`, which takes exactly those; the others start unset.",
    ]);
    // The call with the body the example made.
    let send = |doc: &mut Doc, call: Example| {
        let answer = format!("let answer = client.{}.await?;", call.call);
        doc.example(krate, true, call.code(&[], vec![answer]));
    };
    if let Some((_, call)) = examples.create_call() {
        send(doc, call);
    }
    if let Some((_, call, field)) = examples.patch_call() {
        doc.text(&[&format!(
            "A type whose fields are all optional has `Default`: set what you send, and `{field}` to `Nullable::Null` to send `null`."
        )]);
        send(doc, call);
    }
}

/// A paged list's stream of every item.
fn lists(doc: &mut Doc, examples: &Examples<'_>, krate: &str) {
    let Some((_, call)) = examples.simple_call(true) else {
        return;
    };
    doc.heading("Every item of a list");
    doc.text(&[
        "The call of a list that answers page by page (its answer is a [`Page`]) has [`Call::items`]: every",
        "item from the requested page (or the first) to the last, each page fetched when the items before",
        "it have been taken, with the call's options. A failed page is yielded as an error and ends the",
        "stream.",
    ]);
    doc.example(
        krate,
        true,
        call.code(
            &["use futures_util::TryStreamExt;".to_string()],
            vec![
                format!(
                    "let mut items = std::pin::pin!(client.{}.items());",
                    call.call
                ),
                "while let Some(item) = items.try_next().await? {".to_string(),
                "    println!(\"{item:?}\");".to_string(),
                "}".to_string(),
            ],
        ),
    );
}

/// Options for one call, and the answer's status and headers.
fn one_call(doc: &mut Doc, call: &Example, krate: &str) {
    doc.heading("One call's options, and the response's headers");
    doc.text(&[
        "Before it is awaited, a [`Call`] takes options for that call alone: a timeout, a header, a retry",
        "policy, credentials (the builder's credential methods). [`Call::with_metadata`] gives the",
        "status and headers of a success with its body; an error carries its own ([`Error::headers`]).",
    ]);
    doc.example(
        krate,
        true,
        call.code(
            &[
                "use std::time::Duration;".to_string(),
                format!("use {krate}::RetryPolicy;"),
            ],
            vec![
                format!("let response = client.{}", call.call),
                "    .timeout(Duration::from_secs(2)) // this call's timeout".to_string(),
                "    .header(\"X-Request-Id\", \"r-42\") // one more header, or one replaced"
                    .to_string(),
                "    .retry(RetryPolicy::none()) // this call's retry policy".to_string(),
                "    .with_metadata()".to_string(),
                "    .await?;".to_string(),
                "println!(\"{} {:?}: {:?}\", response.status, response.headers, response.body);"
                    .to_string(),
            ],
        ),
    );
}

/// The retry policy.
fn retries(doc: &mut Doc, krate: &str) {
    doc.heading("Retries");
    doc.text(&[
        "Connection errors, timeouts and the statuses 408, 429, 502, 503 and 504 are retried on the",
        "idempotent methods (`GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`), at most twice, after an",
        "exponential backoff from 500 ms, or after what `Retry-After` says. A `POST` or `PATCH` is",
        "retried only when the policy names its method. An error after retries says how many attempts",
        "were made. See [`RetryPolicy`].",
    ]);
    doc.example(
        krate,
        false,
        vec![
            "use std::time::Duration;".to_string(),
            format!("use {krate}::{{Client, Method, RetryPolicy}};"),
            String::new(),
            "let policy = RetryPolicy::default()".to_string(),
            "    .max_retries(4)".to_string(),
            "    .backoff(Duration::from_millis(200), Duration::from_secs(10))".to_string(),
            "    .methods([Method::GET, Method::POST]);".to_string(),
            "let client = Client::builder(\"https://api.example.com\").retry(policy).build()?;"
                .to_string(),
            "let single = Client::builder(\"https://api.example.com\").no_retries().build()?;"
                .to_string(),
            "# let _ = (client, single);".to_string(),
        ],
    );
}

/// Hooks, middleware and tracing.
fn hooks(doc: &mut Doc, krate: &str) {
    doc.heading("Hooks, middleware and tracing");
    doc.text(&[
        "[`ClientBuilder::on_request`] sees each attempt's `reqwest::Request` after the credentials are",
        "added and may change it (sign it, add a trace header); [`ClientBuilder::on_response`] sees each",
        "attempt's status and headers, or its error. Both are told the operation, the path template and",
        "the attempt, and run in the order they were added.",
    ]);
    doc.example(
        krate,
        false,
        vec![
            format!("use {krate}::{{Client, Outcome}};"),
            String::new(),
            "let client = Client::builder(\"https://api.example.com\")".to_string(),
            "    .on_request(|request, info| {".to_string(),
            "        if let Ok(value) = info.operation.parse() {".to_string(),
            "            request.headers_mut().insert(\"x-operation\", value);".to_string(),
            "        }".to_string(),
            "    })".to_string(),
            "    .on_response(|info| {".to_string(),
            "        if let Outcome::Response { status, .. } = info.outcome {".to_string(),
            "            println!(\"{} {status} in {:?}\", info.operation, info.elapsed);"
                .to_string(),
            "        }".to_string(),
            "    })".to_string(),
            "    .build()?;".to_string(),
            "# let _ = client;".to_string(),
        ],
    );
    doc.text(&[
        "With the feature `middleware`, `ClientBuilder::middleware` sends every request through a",
        "`reqwest_middleware::ClientWithMiddleware`, so `reqwest-retry`, `reqwest-tracing` or",
        "`http-cache-reqwest` plug in unchanged (turn the client's own retries off when the stack retries):",
    ]);
    doc.gated_example(
        krate,
        false,
        Some("middleware"),
        vec![
            "let stack = reqwest_middleware::ClientBuilder::new(reqwest::Client::new()).build();"
                .to_string(),
            format!("let client = {krate}::Client::builder(\"https://api.example.com\")"),
            "    .no_retries()".to_string(),
            "    .middleware(stack)".to_string(),
            "    .build()?;".to_string(),
            "# let _ = client;".to_string(),
        ],
    );
    doc.text(&[
        "With the feature `tracing`, each call is one `request` span with the fields `operation`, `method`,",
        "`path` (the template, never the filled path), `status`, `attempt` and `duration_ms`; no credential",
        "is ever a field.",
    ]);
}

/// `MockServer`, for the tests of code that uses the client.
fn test_double(doc: &mut Doc, call: &Example, krate: &str) {
    doc.heading("Tests without the API");
    doc.text(&[&format!(
        "With the feature `{TEST_UTIL_FEATURE}`, `MockServer` is a local server that answers an operation, told which by the call itself: `respond` with a typed body, `respond_status` with any status and JSON. The code under test runs through the real client."
    )]);
    let body = vec![
        "let mock = MockServer::start().await;".to_string(),
        "let client = mock.client();".to_string(),
        format!("mock.respond_status(client.{}, 404, serde_json::json!({{\"detail\": \"Not found.\"}}))", call.call),
        "    .await;".to_string(),
        format!("let error = client.{}.await.unwrap_err();", call.call),
        "assert_eq!(error.status(), Some(404));".to_string(),
    ];
    let code = call.code(&[format!("use {krate}::MockServer;")], body);
    doc.gated_example(krate, false, Some(TEST_UTIL_FEATURE), code);
}

/// The cargo features: one per tag, and the others.
fn features_section(doc: &mut Doc, features: &[Feature]) {
    doc.heading("Features");
    doc.text(&[
        "Each tag of the API is a cargo feature, all on by default: with `default-features = false` and",
        "the tags you use, the crate compiles only their operations and the types they use.",
        "",
        "| feature | what it adds |",
        "|---|---|",
    ]);
    for feature in features {
        doc.lines.push(format!(
            "| `{}` | the {} operation{} tagged `{}` |",
            feature.name,
            feature.operations,
            if feature.operations == 1 { "" } else { "s" },
            feature.name
        ));
    }
    doc.lines.extend([
        format!("| `{ROUND_TRIP}` | both `Serialize` and `Deserialize` on every type (by default each has what its operations need) |"),
        "| `tracing` | one `tracing` span per call |".to_string(),
        "| `middleware` | `ClientBuilder::middleware`, for a `reqwest-middleware` stack |".to_string(),
        format!("| `{TEST_UTIL_FEATURE}` | `MockServer`, for tests without the API |"),
    ]);
}
