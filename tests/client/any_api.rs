//! The client of `generator/tests/fixtures/any_api.yaml` against a local HTTP server:
//! each security scheme on the wire, form, text and byte bodies, parameter
//! styles, `default` and `4XX` responses, and unions without a tag.

use std::time::Duration;

use any_api_client::models::{
    ErrorBody, Filter, GetPetsParams, Id, Kind, LastEvent, LoginRequest, Mood, NewPet, Pet, Size,
    Weight,
};
use any_api_client::{Client, Error, Nullable};
use serde_json::json;
use wiremock::matchers::{body_string, header, method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

async fn server() -> MockServer {
    MockServer::start().await
}

/// The one request the server received.
async fn received(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 1, "expected one request");
    requests.remove(0)
}

fn header_of<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

fn pet_body() -> serde_json::Value {
    json!([
        {"id": 7, "name": "Rex", "kind": {"bark": "woof", "good": true}, "weight": 12,
         "owner": null, "tag": "a", "level": 2, "version": "v1", "born": "2020-02-29"},
        {"id": "x-9", "name": "Tom", "kind": {"lives": 9}, "weight": 4.5},
        {"id": 1.5, "name": "Odd", "kind": {"wings": 2}}
    ])
}

#[tokio::test]
async fn an_api_key_in_a_header_is_the_first_requirement_the_client_satisfies() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    // Both alternatives are configured: the first one listed is used.
    let client = Client::builder(server.uri())
        .basic("user", "pass")
        .api_key("k-1")
        .build()
        .unwrap();
    client
        .pets()
        .get_pets(&GetPetsParams::default())
        .await
        .unwrap();
    let request = received(&server).await;
    assert_eq!(header_of(&request, "x-api-key"), Some("k-1"));
    assert_eq!(header_of(&request, "authorization"), None);
}

#[tokio::test]
async fn basic_credentials_go_when_the_api_key_is_not_configured() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .basic("user", "pass")
        .build()
        .unwrap();
    client
        .pets()
        .get_pets(&GetPetsParams::default())
        .await
        .unwrap();
    let request = received(&server).await;
    // base64("user:pass")
    assert_eq!(
        header_of(&request, "authorization"),
        Some("Basic dXNlcjpwYXNz")
    );
    assert_eq!(header_of(&request, "x-api-key"), None);
}

#[tokio::test]
async fn an_http_scheme_named_bearer_agent_sends_its_own_scheme_name() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/pets"))
        .and(header("authorization", "bearer+agent agent-token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 1, "name": "Rex"})))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .agent("agent-token")
        .build()
        .unwrap();
    let pet = client
        .pets()
        .add_pet(&NewPet {
            name: "Rex".into(),
            tags: None,
        })
        .await
        .unwrap();
    assert_eq!(pet.id, Id::Integer(1));
}

#[tokio::test]
async fn optional_security_sends_no_credentials_when_the_client_has_none() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/pets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 1, "name": "Rex"})))
        .mount(&server)
        .await;
    // Credentials of a scheme this operation does not list are not sent either.
    let client = Client::builder(server.uri())
        .api_key("k-1")
        .build()
        .unwrap();
    client
        .pets()
        .add_pet(&NewPet {
            name: "Rex".into(),
            tags: Some(vec!["a".into()]),
        })
        .await
        .unwrap();
    let request = received(&server).await;
    assert_eq!(header_of(&request, "authorization"), None);
    assert_eq!(header_of(&request, "x-api-key"), None);
    // JSON is preferred over the form the operation also accepts.
    assert_eq!(
        header_of(&request, "content-type"),
        Some("application/json")
    );
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body, json!({"name": "Rex", "tags": ["a"]}));
}

#[tokio::test]
async fn api_keys_in_the_query_and_in_a_cookie() {
    let server = server().await;
    Mock::given(method("PUT"))
        .and(path("/pets/5/photo"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let by_query = Client::builder(server.uri())
        .query_key("q-1")
        .build()
        .unwrap();
    by_query
        .pets()
        .put_photo(5, Some(b"\x89PNG"))
        .await
        .unwrap();
    let by_cookie = Client::builder(server.uri())
        .cookie_key("c-1")
        .build()
        .unwrap();
    by_cookie.pets().put_photo(5, None).await.unwrap();
    let requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].url.query(), Some("key=q-1"));
    assert_eq!(header_of(&requests[0], "content-type"), Some("image/png"));
    assert_eq!(requests[0].body, b"\x89PNG");
    assert_eq!(header_of(&requests[1], "cookie"), Some("sid=c-1"));
    assert_eq!(requests[1].url.query(), None);
}

#[tokio::test]
async fn a_key_sent_in_the_query_is_not_in_a_transport_error() {
    // Port 9 (discard) on loopback: nothing listens there in CI.
    let client = Client::builder("http://127.0.0.1:9")
        .query_key("secret-key")
        .build()
        .unwrap();
    let error = client.pets().put_photo(5, None).await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    for shown in [
        error.to_string(),
        format!("{error:?}"),
        format!("{client:?}"),
    ] {
        assert!(!shown.contains("secret-key"), "the key leaked: {shown}");
    }
}

#[tokio::test]
async fn a_form_body_and_a_text_body() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/login"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(body_string(
            "username=jo%20doe&password=p%26w&scopes=a&scopes=b",
        ))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/notes"))
        .and(header("content-type", "text/plain"))
        .and(body_string("remember the milk"))
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri()).bearer("t").build().unwrap();
    let login = LoginRequest {
        username: "jo doe".into(),
        password: "p&w".into(),
        remember: None,
        scopes: Some(vec!["a".into(), "b".into()]),
    };
    client.login(&login).await.unwrap();
    // An operation without `responses` accepts any success.
    client
        .notes()
        .add_note(Some("remember the milk"))
        .await
        .unwrap();
}

#[tokio::test]
async fn parameters_in_each_style_and_place() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(query_param("filter[name]", "Rex"))
        .and(query_param("filter[age]", "3"))
        .and(query_param("tags", "a|b"))
        .and(query_param("where", r#"{"color":"brown"}"#))
        .and(header("x-trace", "t-1"))
        .and(header("cookie", "session=s-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    let client = Client::new(server.uri());
    let params = GetPetsParams {
        filter: Some(Filter {
            name: Some("Rex".into()),
            age: Some(3),
        }),
        tags: Some(vec!["a".into(), "b".into()]),
        r#where: Some([("color".to_string(), "brown".to_string())].into()),
        session: Some("s-1".into()),
        x_trace: Some("t-1".into()),
    };
    client.pets().get_pets(&params).await.unwrap();
}

#[tokio::test]
async fn members_of_unions_without_a_tag_are_told_apart_by_what_fits() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(pet_body()))
        .mount(&server)
        .await;
    let pets = Client::new(server.uri())
        .pets()
        .get_pets(&GetPetsParams::default())
        .await
        .unwrap();
    assert_eq!(pets[0].id, Id::Integer(7));
    assert!(matches!(&pets[0].kind, Some(Kind::Dog(dog)) if dog.good));
    assert_eq!(pets[0].weight, Some(Weight::Integer(12)));
    assert_eq!(pets[0].owner, Nullable::Null);
    assert_eq!(pets[0].tag, Nullable::Value("a".into()));
    // An enum of integers is an enum.
    assert_eq!(pets[0].level, Some(any_api_client::models::Level::V2));
    assert_eq!(pets[1].id, Id::String("x-9".into()));
    assert!(matches!(&pets[1].kind, Some(Kind::Cat(cat)) if cat.lives == 9));
    assert_eq!(pets[1].weight, Some(Weight::Number(4.5)));
    assert_eq!(pets[1].owner, Nullable::Absent);
    // What fits no member is kept as it came.
    assert_eq!(pets[2].id, Id::Other(json!(1.5)));
    assert_eq!(pets[2].kind, Some(Kind::Other(json!({"wings": 2}))));
    // And each is written back as it was read.
    let written = serde_json::to_value(&pets).unwrap();
    assert_eq!(written[1]["id"], json!("x-9"));
    assert_eq!(written[2]["kind"], json!({"wings": 2}));
}

/// A union that one member stands for is that member: the open-enum idiom
/// (any string, some named) is the enum, whose `Unknown` keeps the rest; a
/// member beside `null` is the type, nullable. Members without a name of
/// their own are named by the value they pin a property to, or their title.
#[test]
fn unions_that_one_member_stands_for_and_members_named_by_their_values() {
    let pet: Pet = serde_json::from_value(json!({
        "id": 1, "name": "Rex", "size": "small", "mood": "grumpy", "diet": null,
        "last_event": {"event": "pet.vaccinated", "vet": "Dr. Who"}
    }))
    .unwrap();
    assert_eq!(pet.size, Some(Size::Small));
    assert_eq!(pet.mood, Some(Mood::Unknown("grumpy".into())));
    assert_eq!(pet.diet, Nullable::Null);
    assert!(
        matches!(&pet.last_event, Some(LastEvent::PetVaccinated(event)) if event.vet == "Dr. Who"),
        "{:?}",
        pet.last_event
    );
    let fed: Pet = serde_json::from_value(json!({
        "id": 2, "name": "Tom", "size": "medium", "diet": {"food": "fish"},
        "last_event": {"event": "pet.fed", "at": "noon"}
    }))
    .unwrap();
    assert_eq!(fed.size, Some(Size::Unknown("medium".into())));
    assert!(matches!(&fed.diet, Nullable::Value(diet) if diet.food.as_deref() == Some("fish")));
    assert!(matches!(&fed.last_event, Some(LastEvent::PetFed(event)) if event.at == "noon"));
    let lost: LastEvent = serde_json::from_value(json!({"since": "Monday"})).unwrap();
    assert!(matches!(&lost, LastEvent::PetLost(event) if event.since == "Monday"));
}

#[tokio::test]
async fn parameters_named_like_the_methods_own_arguments_keep_their_values() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/boxes/b%201/7"))
        .and(query_param("request", "r"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let params = any_api_client::models::NewParams {
        request: Some("r".into()),
    };
    // `new` is `Client::new`: the operation's method is `new_operation`.
    Client::new(server.uri())
        .new_operation("b 1", 7, &params)
        .await
        .unwrap();
}

/// Names of the runtime's own methods: an operation `start` (`Client`'s
/// request path) and a security scheme `new` (`Call::new`) get other names.
#[tokio::test]
async fn an_operation_and_a_scheme_named_like_runtime_methods_are_renamed() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/boxes/start"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .new_credential("k")
        .build()
        .unwrap();
    client.start_operation().await.unwrap();
}

#[tokio::test]
async fn names_that_collide_or_are_not_rust_still_reach_the_wire() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/names/c"))
        .and(query_param("params", "lower"))
        .and(query_param("Params", "upper"))
        .and(query_param("1st", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "type": "t", "fooBar": 1, "foo_bar": 2, "Größe": 1.5, "2nd": true, "mode": "ä",
            "big": u64::MAX, "tiny": -8, "key": "_-_8"
        })))
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/names/c"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/names"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::new(server.uri());
    // `get_thing` (tag `default`) and `getThing` (tag `Größe`) are both
    // `get_thing`, each on its tag's handle.
    let params = any_api_client::models::GetThingParams {
        params: Some("lower".into()),
        params2: Some("upper".into()),
        x_1st: Some(1),
    };
    let thing = client.grosse().get_thing("c", &params).await.unwrap();
    assert_eq!(thing.r#type, "t");
    assert_eq!((thing.foo_bar, thing.foo_bar2), (1, 2));
    assert_eq!(thing.grosse, Some(1.5));
    assert_eq!(thing.x_2nd, Some(true));
    assert_eq!(thing.mode, Some(any_api_client::models::Mode::A));
    // Integer formats keep their width; `format: byte` is bytes, read in
    // either base64 alphabet.
    assert_eq!(thing.big, Some(u64::MAX));
    assert_eq!(thing.tiny, Some(-8i8));
    assert_eq!(thing.key.as_deref(), Some(&[0xff, 0xef, 0xfc][..]));
    client.default().get_thing("c").await.unwrap();
    // `2fa` starts with a digit.
    client.default().x_2fa().await.unwrap();
    let written = serde_json::to_value(&thing).unwrap();
    assert_eq!(written["Größe"], json!(1.5));
    assert_eq!(written["foo_bar"], json!(2));
    assert_eq!(written["big"], json!(u64::MAX));
    assert_eq!(written["key"], json!("/+/8"));
}

#[tokio::test]
async fn multipart_arrays_are_one_part_per_item() {
    use any_api_client::models::Extras;
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/albums"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let mut album =
        any_api_client::models::UploadAlbumRequest::new(vec![b"one".to_vec(), b"two".to_vec()]);
    album.labels = Some(vec!["a".into(), "b c".into()]);
    // A union of a file and a list of files: whichever it holds.
    album.extras = Some(Extras::BytesList(vec![b"x".to_vec()]));
    album.meta = Some(any_api_client::models::Meta {
        title: Some("Summer".into()),
    });
    Client::new(server.uri())
        .upload_album(&album)
        .await
        .unwrap();
    let request = received(&server).await;
    let body = String::from_utf8_lossy(&request.body);
    let parts: Vec<&str> = body
        .split("Content-Disposition: form-data; ")
        .skip(1)
        .map(|part| part.split("\r\n--").next().unwrap_or(part))
        .collect();
    assert_eq!(parts.len(), 6, "{body}");
    assert!(
        parts[0].starts_with("name=\"photos\"") && parts[0].ends_with("\r\n\r\none"),
        "{body}"
    );
    assert!(
        parts[1].starts_with("name=\"photos\"") && parts[1].ends_with("\r\n\r\ntwo"),
        "{body}"
    );
    assert_eq!(parts[2], "name=\"labels\"\r\n\r\na");
    assert_eq!(parts[3], "name=\"labels\"\r\n\r\nb c");
    assert!(
        parts[4].starts_with("name=\"extras\"") && parts[4].ends_with("\r\n\r\nx"),
        "{body}"
    );
    // An object part is JSON, and says so.
    assert_eq!(
        parts[5], "name=\"meta\"\r\ncontent-type: application/json\r\n\r\n{\"title\":\"Summer\"}",
        "{body}"
    );
}

#[tokio::test]
async fn a_body_with_files_goes_as_multipart_though_json_is_offered() {
    use any_api_client::models::{Avatar, Image};
    let server = server().await;
    Mock::given(method("PUT"))
        .and(path("/avatar"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::new(server.uri());
    client
        .set_avatar(&Avatar::new(Image::Bytes(b"png".to_vec())))
        .await
        .unwrap();
    client
        .set_avatar(&Avatar::new(Image::String("https://x/a.png".into())))
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap_or_default();
    for (request, expected) in requests
        .iter()
        .zip(["\r\n\r\npng\r\n", "\r\n\r\nhttps://x/a.png\r\n"])
    {
        let content_type = header_of(request, "content-type").unwrap_or_default();
        assert!(
            content_type.starts_with("multipart/form-data"),
            "{content_type}"
        );
        let body = String::from_utf8_lossy(&request.body);
        assert!(
            body.contains("name=\"image\"") && body.contains(expected),
            "{body}"
        );
    }
    assert_eq!(requests.len(), 2);
}

#[test]
fn a_parent_with_a_discriminator_is_any_of_the_children_that_all_of_it() {
    use any_api_client::models::{Circle, Shape};
    let shapes: Vec<Shape> = serde_json::from_value(json!([
        {"shapeType": "circle", "name": "c", "radius": 2.0},
        {"shapeType": "Square", "side": 3.0},
        {"shapeType": "Dot"},
        {"shapeType": "shape", "name": "plain"},
        {"shapeType": "hexagon", "sides": 6}
    ]))
    .unwrap();
    assert!(
        matches!(&shapes[0], Shape::Circle(c) if c.radius == 2.0 && c.name.as_deref() == Some("c"))
    );
    assert!(matches!(&shapes[1], Shape::Square(s) if s.side == Some(3.0)));
    assert!(matches!(&shapes[2], Shape::Dot(_)));
    assert!(matches!(&shapes[3], Shape::ShapeBase(s) if s.name.as_deref() == Some("plain")));
    assert_eq!(shapes[4].tag(), Some("hexagon"));
    // The tag is written once, from the variant.
    let circle = Shape::Circle(Box::new(Circle::new("ignored".into(), 1.0)));
    let written = serde_json::to_value(&circle).unwrap();
    assert_eq!(written["shapeType"], json!("circle"));
    assert_eq!(written["radius"], json!(1.0));
}

#[test]
fn recursive_types_are_boxed() {
    let person: any_api_client::models::Person = serde_json::from_value(json!({
        "name": "a",
        "partner": {"name": "b"},
        "household": {"head": {"name": "c"}}
    }))
    .unwrap();
    let partner: Option<Box<any_api_client::models::Person>> = person.partner;
    assert_eq!(partner.map(|p| p.name), Some("b".to_string()));
    assert_eq!(person.household.map(|h| h.head.name), Some("c".to_string()));
}

#[test]
fn closed_tuples_are_rust_tuples_and_items_that_may_be_null_options() {
    let pet: any_api_client::models::Pet = serde_json::from_value(json!({
        "id": 1, "name": "Rex", "spot": [1.5, "hall", {"floor": 2}]
    }))
    .unwrap();
    let (x, room, place) = pet.spot.clone().unwrap();
    assert_eq!((x, room.as_str(), place.floor), (1.5, "hall", Some(2)));
    assert_eq!(
        serde_json::to_value(&pet).unwrap()["spot"],
        json!([1.5, "hall", {"floor": 2}])
    );
    // A tuple has its length: one item more or fewer does not decode.
    for spot in [json!([1.5, "hall"]), json!([1.5, "hall", {}, 4])] {
        let wrong = serde_json::from_value::<any_api_client::models::Pet>(
            json!({"id": 1, "name": "Rex", "spot": spot}),
        );
        assert!(wrong.is_err(), "{spot}");
    }
    // Items that may be null are `Option`s; the schema `true` is any JSON
    // value.
    let pet: any_api_client::models::Pet = serde_json::from_value(json!({
        "id": 1, "name": "Rex", "scores": [1, null], "anything": {"a": [1]}
    }))
    .unwrap();
    assert_eq!(pet.scores, Some(vec![Some(1), None]));
    assert_eq!(
        serde_json::to_value(&pet).unwrap()["scores"],
        json!([1, null])
    );
    assert_eq!(pet.anything, Some(json!({"a": [1]})));
    // A tuple that holds its owner is boxed like a field.
    let person: any_api_client::models::Person = serde_json::from_value(json!({
        "name": "a", "mentor": [{"name": "b"}, 3]
    }))
    .unwrap();
    let mentor: Option<Box<(any_api_client::models::Person, i64)>> = person.mentor;
    assert_eq!(mentor.map(|m| (m.0.name, m.1)), Some(("b".to_string(), 3)));
}

#[test]
fn all_of_members_merge_into_one_struct() {
    let puppy: any_api_client::models::Puppy =
        serde_json::from_value(json!({"bark": "yip", "good": true, "weeks": 9})).unwrap();
    assert_eq!(
        (puppy.bark.as_str(), puppy.good, puppy.weeks),
        ("yip", true, 9)
    );
    // `weeks` is required by the second member, `bark` by the first.
    let missing = serde_json::from_value::<any_api_client::models::Puppy>(
        json!({"bark": "yip", "good": true}),
    );
    assert!(missing.unwrap_err().to_string().contains("weeks"));
}

#[tokio::test]
async fn a_4xx_range_and_default_responses_decode_as_documented_errors() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(query_param("tags", "missing"))
        .respond_with(
            ResponseTemplate::new(404).set_body_json(json!({"title": "Not Found", "status": 404})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .respond_with(ResponseTemplate::new(503).set_body_json(json!({"message": "down"})))
        .mount(&server)
        .await;
    let client = Client::new(server.uri());
    let missing = GetPetsParams {
        tags: Some(vec!["missing".into()]),
        ..GetPetsParams::default()
    };
    match client.pets().get_pets(&missing).await {
        Err(Error::Api { status, body, .. }) => {
            assert_eq!(status, 404);
            assert!(matches!(*body, ErrorBody::Problem(ref p) if p.status == Some(404)));
        }
        other => panic!("expected the 4XX body, got {other:?}"),
    }
    match client.pets().get_pets(&GetPetsParams::default()).await {
        Err(Error::Api { status, body, .. }) => {
            assert_eq!(status, 503);
            assert!(matches!(*body, ErrorBody::Error(ref e) if e.message == "down"));
        }
        other => panic!("expected the default body, got {other:?}"),
    }
}

#[test]
fn the_first_servers_url_with_its_variables_defaults_is_the_default_base_url() {
    assert_eq!(
        any_api_client::DEFAULT_BASE_URL,
        "https://eu.example.com/v1"
    );
    assert_eq!(
        Client::new(any_api_client::DEFAULT_BASE_URL).base_url(),
        "https://eu.example.com/v1"
    );
}

#[tokio::test]
async fn a_post_is_not_retried_unless_its_method_is_named() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/notes"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri()).bearer("t").build().unwrap();
    let error = client.notes().add_note(Some("hi")).await.unwrap_err();
    assert_eq!((error.status(), error.attempts()), (Some(503), 1));
    let count = || async { server.received_requests().await.unwrap_or_default().len() };
    assert_eq!(count().await, 1);
    let posts = any_api_client::RetryPolicy::default()
        .methods([any_api_client::Method::POST])
        .backoff(Duration::from_millis(1), Duration::from_millis(2));
    let error = client
        .notes()
        .add_note(Some("hi"))
        .retry(posts)
        .await
        .unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert_eq!(count().await, 4);
}

#[tokio::test]
async fn names_whose_escapes_meet_are_distinct_and_reach_the_wire() {
    use any_api_client::models::{OptionKind, SelfMode};
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/names/7/x"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "foo": "f", "mode": "Self", "option": {"kind": "none"}, "nested": [[], [[]]]
        })))
        .mount(&server)
        .await;
    let value = Client::new(server.uri())
        .default()
        .get_self(7, "x")
        .await
        .unwrap();
    assert_eq!(value.foo.as_deref(), Some("f"));
    assert_eq!(value.mode, Some(SelfMode::Self2));
    assert_eq!(value.option.and_then(|o| o.kind), Some(OptionKind::None));
    // An alias that holds itself is any JSON value.
    assert_eq!(value.nested, Some(json!([[], [[]]])));
}

#[tokio::test]
async fn a_path_parameter_of_a_union_of_scalars_is_written_as_its_member() {
    use any_api_client::models::Id;
    let server = server().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::new(server.uri());
    client.get_disk(&Id::Integer(7)).await.unwrap();
    client
        .get_disk(&Id::String("main disk".into()))
        .await
        .unwrap();
    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|request| request.url.path().to_string())
        .collect();
    assert_eq!(paths, ["/disks/7", "/disks/main%20disk"]);
}

#[tokio::test]
async fn an_enum_of_integers_is_sent_and_read_as_numbers_and_keeps_unknown_ones() {
    use any_api_client::models::{GetKeyParams, KeySize};
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/keys"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"size": 2048})))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/keys"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"size": 1024})))
        .mount(&server)
        .await;
    let client = Client::new(server.uri());
    let params = GetKeyParams {
        size: Some(KeySize::V4096),
        ..GetKeyParams::default()
    };
    let key = client.get_key(&params).await.unwrap();
    assert_eq!(key.size, KeySize::V2048);
    assert_eq!(key.size.value(), 2048);
    let newer = client.get_key(&GetKeyParams::default()).await.unwrap();
    assert_eq!(newer.size, KeySize::Unknown(1024));
    assert_eq!(serde_json::to_value(newer.size).unwrap(), json!(1024));
    let requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests[0].url.query(), Some("size=4096"));
    assert_eq!(requests[1].url.query(), None);
}

#[tokio::test]
async fn a_documented_redirect_is_the_answer_with_its_headers_and_is_not_followed() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/sessions"))
        .respond_with(
            ResponseTemplate::new(303)
                .insert_header("location", "/home")
                .insert_header("set-cookie", "sid=s-1; HttpOnly"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/sessions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"next": "/home"})))
        .mount(&server)
        .await;
    let client = Client::new(server.uri());
    let redirected = client.create_session().with_metadata().await.unwrap();
    assert_eq!(redirected.status, 303);
    assert_eq!(redirected.headers["location"], "/home");
    assert_eq!(redirected.headers["set-cookie"], "sid=s-1; HttpOnly");
    assert!(redirected.body.is_none());
    let signed_in = client.create_session().await.unwrap();
    assert_eq!(signed_in.unwrap().next.as_deref(), Some("/home"));
    // Not followed: the server saw the two calls and nothing else.
    let requests = server.received_requests().await.unwrap_or_default();
    let paths: Vec<&str> = requests.iter().map(|r| r.url.path()).collect();
    assert_eq!(paths, ["/sessions", "/sessions"]);
}

#[tokio::test]
async fn an_undocumented_redirect_is_followed_with_the_credentials_on_the_same_origin() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/profile"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/profile/v2"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/profile/v2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"name": "Ann"})))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .api_key("k-1")
        .build()
        .unwrap();
    let profile = client.get_profile().with_metadata().await.unwrap();
    assert_eq!(profile.status, 200);
    assert_eq!(profile.body.name.as_deref(), Some("Ann"));
    let requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].url.path(), "/profile/v2");
    assert_eq!(header_of(&requests[1], "x-api-key"), Some("k-1"));
}

#[tokio::test]
async fn a_redirect_to_another_origin_is_followed_without_any_credential() {
    let api = server().await;
    let elsewhere = server().await;
    Mock::given(method("GET"))
        .and(path("/profile"))
        .respond_with(
            ResponseTemplate::new(307)
                .insert_header("location", format!("{}/moved", elsewhere.uri()).as_str()),
        )
        .mount(&api)
        .await;
    Mock::given(method("GET"))
        .and(path("/moved"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"name": "Ann"})))
        .mount(&elsewhere)
        .await;
    let client = Client::builder(api.uri())
        .api_key("k-1")
        .basic("user", "pass")
        .default_header("x-tenant", "t-1")
        .build()
        .unwrap();
    let profile = client.get_profile().await.unwrap();
    assert_eq!(profile.name.as_deref(), Some("Ann"));
    let moved = received(&elsewhere).await;
    assert_eq!(header_of(&moved, "x-api-key"), None);
    assert_eq!(header_of(&moved, "authorization"), None);
    assert_eq!(header_of(&moved, "x-tenant"), None);
    assert_eq!(header_of(&moved, "accept"), Some("application/json"));
}

#[tokio::test]
async fn a_redirect_loop_ends_with_its_last_redirect_and_is_not_retried() {
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/profile"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/profile/next"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/profile/next"))
        .respond_with(ResponseTemplate::new(301).insert_header("location", "/profile"))
        .mount(&server)
        .await;
    let client = Client::new(server.uri());
    let error = client.get_profile().await.unwrap_err();
    let Error::UnexpectedStatus {
        status,
        headers,
        attempts,
        ..
    } = &error
    else {
        panic!("expected the last redirect as an unexpected status, got {error:?}");
    };
    assert_eq!(*status, 301);
    assert_eq!(headers["location"], "/profile");
    assert_eq!(*attempts, 1);
    let requests = server.received_requests().await.unwrap_or_default();
    let paths: Vec<&str> = requests.iter().map(|r| r.url.path()).collect();
    assert_eq!(paths, ["/profile", "/profile/next"]);
}

#[tokio::test]
async fn a_see_other_after_a_post_is_followed_by_a_get_without_the_body() {
    let server = server().await;
    Mock::given(method("POST"))
        .and(path("/notes"))
        .respond_with(ResponseTemplate::new(303).insert_header("location", "/notes/1"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/notes/1"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri()).bearer("t-1").build().unwrap();
    client.notes().add_note(Some("remember")).await.unwrap();
    let requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].method.as_str(), "GET");
    assert!(requests[1].body.is_empty());
    assert_eq!(header_of(&requests[1], "content-type"), None);
    assert_eq!(header_of(&requests[1], "authorization"), Some("Bearer t-1"));
}

#[tokio::test]
async fn enums_of_numbers_and_of_one_boolean_are_sent_and_read_as_such_and_keep_unknown_ones() {
    use any_api_client::models::{GetKeyParams, Ratio, Rotated};
    let server = server().await;
    Mock::given(method("GET"))
        .and(path("/keys"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"size": 512, "ratio": -2.25, "rotated": true, "exported": false}),
        ))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/keys"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"size": 512, "ratio": 3, "rotated": false})),
        )
        .mount(&server)
        .await;
    let client = Client::new(server.uri());
    // The parameter's inline enum and the answer's are the same shape: one
    // type, `Ratio`, named by its own name (not `GetKeyResponseRatio`).
    let params = GetKeyParams {
        ratio: Some(Ratio::V0_5),
        ..GetKeyParams::default()
    };
    let key = client.get_key(&params).await.unwrap();
    assert_eq!(key.ratio, Some(Ratio::Minus2_25));
    assert_eq!(key.rotated, Some(Rotated::True));
    assert_eq!(key.exported, Some(false));
    let newer = client.get_key(&GetKeyParams::default()).await.unwrap();
    assert_eq!(newer.ratio, Some(Ratio::Unknown(3.0)));
    assert_eq!(newer.rotated, Some(Rotated::Unknown(false)));
    assert_eq!(
        serde_json::to_value(&newer).unwrap(),
        json!({"size": 512, "ratio": 3.0, "rotated": false})
    );
    let requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests[0].url.query(), Some("ratio=0.5"));
}

#[tokio::test]
async fn path_parameters_are_written_in_their_style_and_a_header_object_as_pairs() {
    use any_api_client::models::{GetGridParams, Point};
    let server = server().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::new(server.uri());
    let origin = Point { x: 1, y: -2 };
    let params = GetGridParams {
        x_origin: Some(Point { x: 3, y: 4 }),
    };
    client
        .get_grid(&[1, 2, 3], &origin, 7, &["a b", "c"], &params)
        .await
        .unwrap();
    let request = received(&server).await;
    // simple list, simple exploded object, label, exploded matrix list; a
    // space is encoded, the delimiters are not.
    assert_eq!(
        request.url.path(),
        "/grid/1,2,3/x=1,y=-2/.7/;layers=a%20b;layers=c"
    );
    assert_eq!(header_of(&request, "x-origin"), Some("x,3,y,4"));
}
