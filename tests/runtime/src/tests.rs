//! Unit tests of the runtime, through the same macro invocations and calls
//! the generated code makes.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::runtime::{
    object, one_of, params, string_enum, tagged_union, value_enum, Credential, Credentials, Error,
    Page, PageNumber, Params, Request, Requirements,
};
use crate::Nullable;

object! {
    /// One field of each kind, and the entries beyond them.
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct Thing {
        /// A required field.
        #[wire("id")]
        pub id: i64,
        #[wire("note", required_nullable)]
        pub note: Option<String>,
        #[wire("label", optional)]
        pub label: Option<String>,
        #[wire("parent", optional_nullable)]
        pub parent: Nullable<i64>,
        /// A key that is a Rust keyword, on a deprecated field.
        #[wire("type", optional)]
        #[deprecated]
        pub r#type: Option<String>,
        #[wire(..)]
        pub extra: HashMap<String, Value>,
    }
    impl Serialize;
    impl Deserialize;
}

object! {
    /// Without additional properties: unknown keys are skipped.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Small {
        #[wire("name")]
        pub name: String,
    }
    impl Deserialize;
}

object! {
    /// Named like what `object!` declares inside its impls: a struct
    /// `Field` holding a struct `A`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Field {
        #[wire("a", optional)]
        pub a: Option<A>,
        #[wire("all")]
        pub all: Vec<Field>,
    }
    impl Deserialize;
}

object! {
    #[derive(Clone, Debug, PartialEq)]
    pub struct A {
        #[wire("n")]
        pub n: i64,
    }
    impl Deserialize;
}

object! {
    /// Fields named like the decoder's own locals (`map`, `__key`).
    #[derive(Clone, Debug, PartialEq)]
    pub struct Locals {
        #[wire("map")]
        pub map: i64,
        #[wire("key", optional)]
        pub __key: Option<String>,
    }
    impl Serialize;
    impl Deserialize;
}

object! {
    /// Date-times in each shape, read by `read::rfc3339`.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Times {
        #[wire(rfc3339 "at")]
        pub at: DateTime<Utc>,
        #[wire(rfc3339 "until", required_nullable)]
        pub until: Option<DateTime<Utc>>,
        #[wire(rfc3339 "seen", optional)]
        pub seen: Option<DateTime<Utc>>,
        #[wire(rfc3339 "last", optional_nullable)]
        pub last: Nullable<DateTime<Utc>>,
    }
    impl Serialize;
    impl Deserialize;
}

#[test]
fn date_times_read_as_chrono_reads_them_in_each_shape() {
    let text = "2024-02-29T23:59:58.123456+01:00";
    let chrono: DateTime<Utc> = serde_json::from_value(json!(text)).unwrap();
    let times: Times = decode(json!({"at": text, "until": null, "last": text})).unwrap();
    assert_eq!(times.at, chrono);
    assert_eq!(times.until, None);
    assert_eq!(times.seen, None);
    assert_eq!(times.last, Nullable::Value(chrono));
    let times: Times =
        decode(json!({"at": text, "until": text, "seen": text, "last": null})).unwrap();
    assert_eq!((times.until, times.seen), (Some(chrono), Some(chrono)));
    assert_eq!(times.last, Nullable::Null);
    // What only chrono's relaxed reading takes is still read, as it reads it.
    let relaxed = "2024-02-29 22:59:58.123456Z";
    let times: Times = decode(json!({"at": relaxed, "until": null})).unwrap();
    assert_eq!(times.at, relaxed.parse::<DateTime<Utc>>().unwrap());
    assert_eq!(times.at, chrono);
    // Written back as chrono writes it.
    assert_eq!(
        serde_json::to_value(&times).unwrap()["at"],
        serde_json::to_value(chrono).unwrap()
    );
    // And refused as chrono refuses it: `null` where none is allowed, and
    // text that is no date-time.
    let null = decode::<Times>(json!({"at": null, "until": null})).unwrap_err();
    assert!(
        null.contains("invalid type: null, expected an RFC 3339 date and time"),
        "{null}"
    );
    let chrono_error = serde_json::from_value::<DateTime<Utc>>(json!("soon")).unwrap_err();
    let error = decode::<Times>(json!({"at": "soon", "until": null})).unwrap_err();
    assert_eq!(error, chrono_error.to_string());
    let missing = decode::<Times>(json!({"until": null})).unwrap_err();
    assert!(missing.contains("missing field `at`"), "{missing}");
}

#[test]
fn fields_named_like_the_decoders_locals_decode_and_encode() {
    let locals: Locals = decode(json!({"map": 2, "key": "k"})).unwrap();
    assert_eq!(
        locals,
        Locals {
            map: 2,
            __key: Some("k".to_string())
        }
    );
    assert_eq!(
        serde_json::to_value(&locals).unwrap(),
        json!({"map": 2, "key": "k"})
    );
}

#[test]
fn model_types_named_like_the_macros_own_names_decode() {
    let field: Field = decode(json!({"a": {"n": 1}, "all": [{"all": []}]})).unwrap();
    assert_eq!(field.a, Some(A { n: 1 }));
    assert_eq!(
        field.all,
        vec![Field {
            a: None,
            all: vec![]
        }]
    );
}

#[test]
fn keys_match_however_the_decoder_hands_them_over() {
    // Borrowed from the input, built because of an escape, and owned by a `Value`.
    let small: Small = serde_json::from_str(r#"{"name": "a", "x": 1}"#).unwrap();
    assert_eq!(small.name, "a");
    let small: Small = serde_json::from_str(r#"{"n\u0061me": "b"}"#).unwrap();
    assert_eq!(small.name, "b");
    let small: Small = serde_json::from_reader(&br#"{"name": "c"}"#[..]).unwrap();
    assert_eq!(small.name, "c");
    let small: Small = decode(json!({"name": "d"})).unwrap();
    assert_eq!(small.name, "d");
    let thing: Thing = serde_json::from_str(r#"{"id": 1, "\u0078": 2}"#).unwrap();
    assert_eq!(thing.extra, HashMap::from([("x".to_string(), json!(2))]));
}

fn decode<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_json::from_value(value).map_err(|error| error.to_string())
}

#[test]
#[allow(deprecated)] // `r#type` is deprecated
fn each_field_kind_decodes_missing_null_and_values() {
    let thing: Thing = decode(json!({"id": 1, "note": null, "parent": null, "x": [1]})).unwrap();
    assert_eq!(thing.id, 1);
    assert_eq!(thing.note, None);
    assert_eq!(thing.label, None);
    assert_eq!(thing.parent, Nullable::Null);
    assert_eq!(thing.extra, HashMap::from([("x".to_string(), json!([1]))]));
    let thing: Thing = decode(json!({"id": 2, "parent": 7, "type": "a"})).unwrap();
    assert_eq!(thing.parent, Nullable::Value(7));
    assert_eq!(thing.r#type.as_deref(), Some("a"));
    let thing: Thing = decode(json!({"id": 3})).unwrap();
    assert_eq!(thing.parent, Nullable::Absent);
}

#[test]
fn a_missing_required_field_and_a_wrong_type_are_errors() {
    assert_eq!(
        decode::<Thing>(json!({})).unwrap_err(),
        "missing field `id`"
    );
    let error = decode::<Thing>(json!({"id": "one"})).unwrap_err();
    assert!(
        error.contains("invalid type: string \"one\", expected i64"),
        "{error}"
    );
    let error = decode::<Thing>(json!([1])).unwrap_err();
    assert!(error.contains("expected an object (Thing)"), "{error}");
}

#[test]
#[allow(deprecated)]
fn each_field_kind_encodes_as_its_kind_says() {
    let thing = Thing {
        id: 1,
        ..Thing::default()
    };
    // `required_nullable` is always written; absent optional fields never.
    assert_eq!(
        serde_json::to_value(&thing).unwrap(),
        json!({"id": 1, "note": null})
    );
    let thing = Thing {
        id: 1,
        note: Some("n".into()),
        label: Some("l".into()),
        parent: Nullable::Null,
        r#type: Some("t".into()),
        extra: HashMap::from([("x".to_string(), json!(true))]),
    };
    assert_eq!(
        serde_json::to_value(&thing).unwrap(),
        json!({"id": 1, "note": "n", "label": "l", "parent": null, "type": "t", "x": true})
    );
}

#[test]
fn unknown_keys_are_skipped_and_the_last_repeated_key_wins() {
    let small: Small =
        serde_json::from_str(r#"{"name": "a", "other": {"deep": [1, 2]}, "name": "b"}"#).unwrap();
    assert_eq!(small.name, "b");
}

string_enum! {
    /// How the outpost reaches the application.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Mode {
        Proxy = "proxy",
        ForwardSingle = "forward_single",
        #[wire(..)]
        Unknown(String),
    }
}

// Values the macro's doc (the value in code) would not show right: every
// variant documented by the generator.
string_enum! {
    #[cfg(all())]
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Odd {
        /// The empty string.
        Empty = "",
        /// ``a`b``
        Tick = "a`b",
        #[wire(..)]
        Unknown(String),
    }
}

value_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum KeySize {
        V2048 = 2048,
        Minus1 = -1,
        #[wire(..)]
        Unknown(i64),
    }
}

value_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
    pub enum Ratio {
        V0_5 = 0.5,
        Minus2_5 = -2.5,
        #[wire(..)]
        Unknown(f64),
    }
}

value_enum! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Always {
        True = true,
        #[wire(..)]
        Unknown(bool),
    }
}

#[test]
fn string_enums_keep_unknown_values() {
    assert_eq!(
        decode::<Mode>(json!("forward_single")).unwrap(),
        Mode::ForwardSingle
    );
    let unknown: Mode = decode(json!("glob")).unwrap();
    assert_eq!(unknown, Mode::Unknown("glob".into()));
    assert_eq!(serde_json::to_value(&unknown).unwrap(), json!("glob"));
    assert_eq!(Mode::Proxy.to_string(), "proxy");
    assert_eq!(Mode::from("proxy"), Mode::Proxy);
    assert!(decode::<Mode>(json!(1))
        .unwrap_err()
        .contains("expected a string"));

    assert_eq!(decode::<Odd>(json!("")).unwrap(), Odd::Empty);
    assert_eq!(Odd::Tick.as_str(), "a`b");
    assert_eq!(decode::<Odd>(json!("b")).unwrap(), Odd::Unknown("b".into()));
}

#[test]
fn value_enums_keep_unknown_values() {
    assert_eq!(decode::<KeySize>(json!(-1)).unwrap(), KeySize::Minus1);
    assert_eq!(decode::<KeySize>(json!(7)).unwrap(), KeySize::Unknown(7));
    assert_eq!(serde_json::to_value(KeySize::V2048).unwrap(), json!(2048));
    assert_eq!(KeySize::Unknown(7).to_string(), "7");
    assert_eq!(KeySize::from(2048).value(), 2048);
    assert_eq!(decode::<Ratio>(json!(-2.5)).unwrap(), Ratio::Minus2_5);
    assert_eq!(decode::<Ratio>(json!(0.25)).unwrap(), Ratio::Unknown(0.25));
    assert_eq!(serde_json::to_value(Ratio::V0_5).unwrap(), json!(0.5));
    assert_eq!(decode::<Always>(json!(true)).unwrap(), Always::True);
    assert_eq!(
        decode::<Always>(json!(false)).unwrap(),
        Always::Unknown(false)
    );
    assert!(decode::<KeySize>(json!("2048")).is_err());
}

object! {
    #[derive(Clone, Debug, PartialEq)]
    pub struct Circle {
        #[wire("kind")]
        pub kind: String,
        #[wire("radius")]
        pub radius: f64,
    }
    impl Serialize;
    impl Deserialize;
}

tagged_union! {
    /// A shape.
    #[derive(Clone, Debug, PartialEq)]
    #[wire(tag = "kind")]
    pub enum Shape {
        #[wire("circle")]
        Circle(Box<Circle>),
        #[wire(..)]
        Unknown(Value),
    }
    impl Serialize;
    impl Deserialize;
}

// A tag the macro's doc (the tag in code) would not show right: every
// variant documented by the generator; the union's `#[cfg]` on its impls.
tagged_union! {
    #[cfg(all())]
    #[derive(Clone, Debug, PartialEq)]
    #[wire(tag = "kind")]
    pub enum OddShape {
        /// ``kind: a`b``
        #[wire("a`b")]
        Circle(Box<Circle>),
        #[wire(..)]
        /// An object whose `kind` this client does not know, as received.
        Unknown(Value),
    }
    impl Deserialize;
}

one_of! {
    /// A number or a circle.
    #[derive(Clone, Debug, PartialEq)]
    pub enum NumberOrCircle {
        /// As `i64`.
        Number(i64),
        /// A [`Circle`].
        Circle(Box<Circle>),
        #[wire(..)]
        Other(Value),
    }
    impl Serialize;
    impl Deserialize;
}

#[test]
fn unions_without_a_tag_decode_as_the_first_member_that_fits() {
    assert_eq!(
        decode::<NumberOrCircle>(json!(3)).unwrap(),
        NumberOrCircle::Number(3)
    );
    let circle = decode::<NumberOrCircle>(json!({"kind": "c", "radius": 1.5})).unwrap();
    assert!(matches!(&circle, NumberOrCircle::Circle(c) if c.radius == 1.5));
    let other = decode::<NumberOrCircle>(json!("text")).unwrap();
    assert_eq!(other, NumberOrCircle::Other(json!("text")));
    assert_eq!(serde_json::to_value(&other).unwrap(), json!("text"));
    assert_eq!(
        serde_json::to_value(NumberOrCircle::Number(3)).unwrap(),
        json!(3)
    );
}

#[test]
fn tagged_unions_decode_by_tag_and_keep_unknown_tags() {
    let shape: Shape = decode(json!({"kind": "circle", "radius": 2.0})).unwrap();
    assert_eq!(shape.tag(), Some("circle"));
    assert!(matches!(&shape, Shape::Circle(circle) if circle.radius == 2.0));
    let square: Shape = decode(json!({"kind": "square", "side": 1})).unwrap();
    assert_eq!(square.tag(), Some("square"));
    assert_eq!(
        serde_json::to_value(&square).unwrap(),
        json!({"kind": "square", "side": 1})
    );
    // The tag is written once, whatever the member's own field holds.
    let circle = Shape::Circle(Box::new(Circle {
        kind: "stale".into(),
        radius: 1.0,
    }));
    assert_eq!(
        serde_json::to_value(&circle).unwrap(),
        json!({"kind": "circle", "radius": 1.0})
    );
    let odd: OddShape = decode(json!({"kind": "a`b", "radius": 3.0})).unwrap();
    assert_eq!(odd.tag(), Some("a`b"));
    let error = decode::<Shape>(json!({"kind": "circle"})).unwrap_err();
    assert!(error.contains("missing field `radius`"), "{error}");
}

#[test]
fn nullable_comes_from_option_and_tells_absence() {
    assert_eq!(Nullable::from(Some(1)), Nullable::Value(1));
    assert_eq!(Nullable::<i32>::from(None), Nullable::Null);
    assert!(Nullable::<i32>::default().is_absent());
    assert_eq!(Nullable::Value(3).as_value(), Some(&3));
}

#[test]
fn path_segments_are_percent_encoded() {
    assert_eq!(crate::runtime::segment("a/b?c d"), "a%2Fb%3Fc%20d");
    assert_eq!(crate::runtime::segment("ünï"), "%C3%BCn%C3%AF");
    assert_eq!(crate::runtime::segment(42), "42");
}

/// The table of OpenAPI's "Style Examples", for a path parameter `color`:
/// `blue`, `[blue, black, brown]` and `{B: 150, G: 200, R: 100}` (the
/// table's object, in key order).
#[test]
fn path_styles_write_the_values_as_openapi_s_table_does() {
    use crate::runtime::{PathStyle, PathValue, Styled};
    let written = |value: Styled| {
        let mut path = String::new();
        value.write(&mut path);
        path
    };
    let list = ["blue", "black", "brown"];
    // In key order, so that serde_json's maps (sorted, or in insertion
    // order with its `preserve_order` feature) keep the table's order.
    let object = serde_json::json!({"B": 150, "G": 200, "R": 100});
    let rows = [
        (
            PathStyle::Simple,
            false,
            "blue",
            "blue,black,brown",
            "B,150,G,200,R,100",
        ),
        (
            PathStyle::Simple,
            true,
            "blue",
            "blue,black,brown",
            "B=150,G=200,R=100",
        ),
        (
            PathStyle::Label,
            false,
            ".blue",
            ".blue.black.brown",
            ".B.150.G.200.R.100",
        ),
        (
            PathStyle::Label,
            true,
            ".blue",
            ".blue.black.brown",
            ".B=150.G=200.R=100",
        ),
        (
            PathStyle::Matrix,
            false,
            ";color=blue",
            ";color=blue,black,brown",
            ";color=B,150,G,200,R,100",
        ),
        (
            PathStyle::Matrix,
            true,
            ";color=blue",
            ";color=blue;color=black;color=brown",
            ";B=150;G=200;R=100",
        ),
    ];
    for (style, explode, one, many, properties) in rows {
        let row = format!("{style:?}, explode {explode}");
        if !explode {
            assert_eq!(written(Styled::value(style, "color", "blue")), one, "{row}");
        }
        assert_eq!(
            written(Styled::list(style, "color", explode, list)),
            many,
            "{row}"
        );
        assert_eq!(
            written(Styled::object(style, "color", explode, &object)),
            properties,
            "{row}"
        );
    }
    // Values are encoded, delimiters kept.
    assert_eq!(
        written(Styled::list(PathStyle::Simple, "c", false, ["a,b", "c/d"])),
        "a%2Cb,c%2Fd"
    );
}

#[test]
fn page_numbers_end_at_zero_and_at_nonsense() {
    assert_eq!(3_i64.page(), Some(3));
    assert_eq!(0_i64.page(), None);
    assert_eq!(2.0_f64.page(), Some(2));
    assert_eq!(2.5_f64.page(), None);
    assert_eq!(f64::NAN.page(), None);
    assert_eq!(Some(0_i32).page(), None);
}

struct Numbers {
    items: Vec<i64>,
    next: i64,
}

impl crate::runtime::sealed::Sealed for Numbers {}

impl Page for Numbers {
    type Item = i64;

    fn into_items(self) -> (Vec<i64>, Option<i64>) {
        (self.items, self.next.page())
    }
}

#[tokio::test]
async fn pages_stream_until_the_next_page_does_not_advance() {
    use futures_util::StreamExt;
    let fetched = std::cell::RefCell::new(Vec::new());
    let stream = crate::runtime::paginate(1, |page| {
        fetched.borrow_mut().push(page);
        // Page 3 says its next page is 2: the stream must stop there.
        let next = match page {
            1 => 2,
            2 => 3,
            _ => 2,
        };
        async move {
            Ok::<_, Error>(Numbers {
                items: vec![page * 10, page * 10 + 1],
                next,
            })
        }
    });
    let items: Vec<i64> = stream.map(|item| item.unwrap_or(-1)).collect().await;
    assert_eq!(items, [10, 11, 20, 21, 30, 31]);
    assert_eq!(*fetched.borrow(), [1, 2, 3]);
}

#[test]
fn an_api_error_shows_the_operation_status_and_a_one_line_summary() {
    let error = Error::Api {
        operation: "core_users_create",
        status: 400,
        headers: Box::default(),
        body: Box::new(crate::models::ErrorBody::Other(json!({}))),
        text: r#"{"username": ["This field is required."], "email": ["Enter a valid email."]}"#
            .into(),
        attempts: 1,
    };
    // Entries in the order the JSON map keeps them (serde_json's
    // `preserve_order` feature decides, and a workspace may turn it on).
    let shown = error.to_string();
    assert!(
        shown.starts_with("core_users_create: status 400: "),
        "{shown}"
    );
    assert!(
        shown.contains("username: This field is required."),
        "{shown}"
    );
    assert!(shown.contains("; "), "{shown}");
    assert!(shown.contains("email: Enter a valid email."), "{shown}");
    assert_eq!(error.status(), Some(400));
    assert_eq!(error.operation(), Some("core_users_create"));
    let long = Error::UnexpectedStatus {
        operation: "op",
        status: 502,
        headers: Box::default(),
        body: "x".repeat(1000),
        attempts: 1,
    };
    assert!(long.to_string().ends_with('…'));
    assert!(long.to_string().len() < 400);
    // After retries, the message says how many attempts were made.
    let retried = long.after_attempts(3);
    assert_eq!(retried.attempts(), 3);
    assert!(
        retried.to_string().ends_with("… (after 3 attempts)"),
        "{retried}"
    );
}

#[test]
fn credentials_never_show_in_debug() {
    let client = crate::runtime::Client::builder("https://example.com/")
        .credential("bearer", Credential::bearer("secret-token"))
        .credential("basic", Credential::basic("user", "secret-password"))
        .credential("key", Credential::header("X-Api-Key", "secret-key"))
        .build()
        .unwrap();
    let shown = format!("{client:?}");
    for secret in ["secret-token", "secret-password", "secret-key"] {
        assert!(!shown.contains(secret), "{shown}");
    }
    assert!(shown.contains("\"bearer\""), "{shown}");
    // The server path (`/api/v3` here) is added to a URL without it.
    assert_eq!(client.base_url(), "https://example.com/api/v3");
}

/// The request `credentials` make for `requirements`.
fn authorized(credentials: &Credentials, requirements: Requirements) -> (reqwest::Request, bool) {
    let builder = reqwest::Client::new().get("https://example.com/things");
    let (builder, in_query) = credentials
        .apply(requirements, builder, &["page=2".to_string()])
        .unwrap();
    (builder.build().unwrap(), in_query)
}

#[test]
fn the_first_requirement_the_credentials_satisfy_is_sent() {
    let mut credentials = Credentials::default();
    credentials.set("agent", Credential::http("bearer+agent", "a1"));
    credentials.set("key", Credential::query("api_key", "k1"));
    credentials.set("session", Credential::cookie("sid", "s1"));
    credentials.set("other", Credential::cookie("theme", "dark"));

    // `token` is not configured: the second requirement is used.
    let (request, in_query) = authorized(&credentials, &[&["token"], &["agent"]]);
    assert_eq!(request.headers()["authorization"], "bearer+agent a1");
    assert!(request.headers()["authorization"].is_sensitive());
    assert!(!in_query);

    // Both schemes of one requirement, the cookies in one header.
    let (request, in_query) = authorized(&credentials, &[&["key", "session", "other"]]);
    assert_eq!(request.url().query(), Some("api_key=k1"));
    assert_eq!(request.headers()["cookie"], "page=2; sid=s1; theme=dark");
    assert!(in_query);

    // Optional security (`{}` first) still sends what the client has.
    let (request, _) = authorized(&credentials, &[&[], &["agent"]]);
    assert!(request.headers().contains_key("authorization"));

    // A requirement the client cannot satisfy: no credential is sent.
    let (request, _) = authorized(&credentials, &[&["agent", "token"]]);
    assert_eq!(request.headers().len(), 1);
    assert_eq!(request.headers()["cookie"], "page=2");
    assert_eq!(request.url().query(), None);
}

#[test]
fn basic_credentials_are_base64_encoded() {
    let mut credentials = Credentials::default();
    credentials.set("basic", Credential::basic("user", "pass"));
    let (request, _) = authorized(&credentials, &[&["basic"]]);
    // base64("user:pass")
    assert_eq!(request.headers()["authorization"], "Basic dXNlcjpwYXNz");
}

#[test]
fn an_invalid_default_header_is_a_config_error() {
    let error = crate::runtime::Client::builder("http://x")
        .default_header("bad header", "v")
        .build()
        .unwrap_err();
    assert!(matches!(error, Error::Config { .. }), "{error}");
}

#[test]
fn form_parts_write_text_as_text_and_fail_on_what_json_cannot_encode() {
    let form = crate::runtime::Form::new()
        .field("name", &"a")
        .field("count", &2)
        .field("nothing", &Option::<i32>::None)
        .file("data", b"bytes")
        .file_if_any("more", None)
        .finish();
    assert!(form.is_ok());
    let bad = HashMap::from([(vec![1u8], 1)]);
    assert!(crate::runtime::Form::new()
        .field("map", &bad)
        .finish()
        .is_err());
}

params! {
    /// Every way a parameter goes on the wire.
    #[derive(Clone, Debug, Default)]
    pub struct ListParams {
        #[wire(query "page", optional)]
        pub page: Option<i64>,
        #[wire(query "mode", optional)]
        pub mode: Option<Mode>,
        #[wire(query "id", optional, each)]
        pub ids: Option<Vec<i64>>,
        #[wire(query "tags", joined)]
        pub tags: Vec<String>,
        #[wire(query "since", optional, date_time)]
        pub since: Option<chrono_like::Stamp>,
        /// A header.
        #[wire(header "X-Request-Id", optional)]
        pub request_id: Option<String>,
        #[wire(query "names", optional, piped)]
        pub names: Option<Vec<String>>,
        #[wire(query "filter", optional, deep)]
        pub filter: Option<std::collections::BTreeMap<String, Value>>,
        #[wire(query "range", optional, fields)]
        pub range: Option<std::collections::BTreeMap<String, i64>>,
        #[wire(query "either", optional, serde)]
        pub either: Option<Value>,
        #[wire(query "spec", optional, json)]
        pub spec: Option<Value>,
        #[wire(cookie "session", optional)]
        pub session: Option<String>,
    }
}

/// Stands in for `chrono::DateTime`, which this crate does not depend on.
mod chrono_like {
    #[derive(Clone, Debug)]
    pub struct Stamp;

    impl Stamp {
        pub fn to_rfc3339(&self) -> String {
            "2025-01-02T03:04:05+00:00".to_string()
        }
    }
}

#[test]
fn parameters_go_on_the_request_as_their_entries_say() {
    let params = ListParams {
        page: Some(2),
        mode: Some(Mode::ForwardSingle),
        ids: Some(vec![1, 2]),
        tags: vec!["a".into(), "b".into()],
        since: Some(chrono_like::Stamp),
        request_id: Some("r-1".into()),
        names: Some(vec!["x".into(), "y".into()]),
        filter: Some(
            [
                ("name".to_string(), json!("jo")),
                ("gone".to_string(), Value::Null),
            ]
            .into(),
        ),
        range: Some([("from".to_string(), 1), ("to".to_string(), 9)].into()),
        either: Some(json!("text")),
        spec: Some(json!({"a": [1]})),
        session: Some("s-1".into()),
    };
    let mut request = Request::get("list", "/things/");
    params.apply(&mut request);
    let query: Vec<(&str, &str)> = request
        .query
        .iter()
        .map(|(key, value)| (key.as_ref(), value.as_str()))
        .collect();
    assert_eq!(
        query,
        [
            ("page", "2"),
            ("mode", "forward_single"),
            ("id", "1"),
            ("id", "2"),
            ("tags", "a,b"),
            ("since", "2025-01-02T03:04:05+00:00"),
            ("names", "x|y"),
            ("filter[name]", "jo"),
            ("from", "1"),
            ("to", "9"),
            ("either", "text"),
            ("spec", r#"{"a":[1]}"#),
        ]
    );
    assert_eq!(request.headers, [("X-Request-Id", "r-1".to_string())]);
    assert_eq!(request.cookies, ["session=s-1"]);
    let mut empty = Request::get("list", "/things/");
    ListParams::default().apply(&mut empty);
    assert_eq!(empty.query, [("tags".into(), String::new())]);
    assert!(empty.headers.is_empty());
}

#[test]
fn base64_writes_the_standard_alphabet_and_reads_both() {
    use crate::runtime::Base64;
    let bytes = Base64::from(vec![0xff, 0xef, 0xfc, 0x01]);
    assert_eq!(serde_json::to_value(&bytes).unwrap(), json!("/+/8AQ=="));
    assert_eq!(bytes.to_string(), "/+/8AQ==");
    assert_eq!(format!("{bytes:?}"), "Base64(/+/8AQ==)");
    for text in ["/+/8AQ==", "/+/8AQ", "_-_8AQ==", "_-_8AQ"] {
        assert_eq!(decode::<Base64>(json!(text)), Ok(bytes.clone()), "{text}");
    }
    let error = decode::<Base64>(json!("not base64!")).unwrap_err();
    assert!(error.contains("expected base64 text"), "{error}");
    assert!(decode::<Base64>(json!(7)).is_err());
    assert_eq!(&*bytes, &[0xff, 0xef, 0xfc, 0x01]);
}
