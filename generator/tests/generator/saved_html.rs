//! Pages saved as HTML: one that embeds its OpenAPI document (as Redoc,
//! Next.js platforms and many others do) generates the same client as the
//! document; one that does not is read from its structure, and a link to
//! its document is named.

use std::path::{Path, PathBuf};

use apidocs2rs::model::{Method, Presence, SchemaKind, TypeRef};
use apidocs2rs::Generator;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The petstore fixture as JSON.
fn petstore_json() -> String {
    let text = std::fs::read_to_string(fixture("petstore.yaml")).unwrap_or_else(|e| panic!("{e}"));
    let value: serde_json::Value = serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    value.to_string()
}

#[test]
fn a_page_that_embeds_its_document_generates_the_documents_client() {
    let document = Generator::new()
        .spec(fixture("petstore.yaml"))
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    let json = petstore_json();
    let pages = [
        (
            "redoc.html",
            format!("<html><body><div id=\"redoc\">Pets</div><script>const __redoc_state = {{\"menu\":{{\"activeItemIdx\":-1}},\"spec\":{{\"data\":{json}}},\"searchIndex\":{{}}}};</script></body></html>"),
            "__redoc_state",
        ),
        (
            "next.html",
            format!("<html><body><main>List pets</main><script id=\"__NEXT_DATA__\" type=\"application/json\">{{\"props\":{{\"pageProps\":{{\"title\":\"x\",\"spec\":{json}}}}},\"page\":\"/[...slug]\"}}</script></body></html>"),
            "__NEXT_DATA__",
        ),
    ];
    for (name, html, place) in pages {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let page = dir.path().join(name);
        std::fs::write(&page, html).unwrap_or_else(|e| panic!("{e}"));
        let generated = Generator::new()
            .spec(&page)
            .generate()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(generated.crate_name, document.crate_name, "{name}");
        assert_eq!(
            generated.files.keys().collect::<Vec<_>>(),
            document.files.keys().collect::<Vec<_>>(),
            "{name}"
        );
        for (path, text) in &document.files {
            assert_eq!(
                generated.files.get(path),
                Some(text),
                "{name}: {}",
                path.display()
            );
        }
        // It says so.
        let said = &generated.report.warnings;
        assert!(
            said.iter()
                .any(|w| w.message.contains("OpenAPI document") && w.message.contains(place)),
            "{name}: {said:?}"
        );
    }
}

#[test]
fn a_page_without_its_document_is_read_from_its_structure() {
    // A page saved from a single-page Redoc site, cut down to its markup
    // for one operation: the sidebar and the samples' hidden server list
    // are left out as a copy leaves them; the section's table rows read as
    // Redoc's copied text does.
    let html = r##"<!doctype html><html><head><title>Widgets</title>
<script>window.config = {};</script><style>h5 { text-transform: uppercase }</style></head>
<body><div class="menu-content"><ul><li><span>post</span>Create a widget</li></ul></div>
<redoc spec-url="https://api.example.com/openapi.json"></redoc>
<div data-section-id="tag/widgets"><h1>widgets</h1></div>
<div id="tag/widgets/operation/createWidget" data-section-id="tag/widgets/operation/createWidget">
<div data-section-id="operation/createWidget" id="operation/createWidget"><div>
<h2><a href="#operation/createWidget"></a>Create a widget </h2><div><p>Makes   one.</p></div>
<h5>path Parameters</h5><table><tbody><tr><td kind="field" title="id"><span></span><span>id</span><div>required</div></td><td><div><div><span></span><span>string</span></div> <div><div><p>The widget's id.</p></div></div></div></td></tr></tbody></table>
<h5>Request Body schema: <span>application/json</span><div>required</div></h5><div></div>
<table><tbody><tr><td kind="field" title="name"><span></span><span>name</span><div>required</div></td><td><div><div><span></span><span>string</span><span> <span> non-empty </span></span></div> <div><div></div></div></div></td></tr>
<tr><td kind="field" title="note"><span></span><span>note</span></td><td><div><div><span></span><span>string or null</span></div> <div><div><p>A note.</p></div></div></div></td></tr></tbody></table>
<div><h3>Responses</h3><div><button><strong>201 </strong><div><p>Created.</p></div></button></div></div></div>
<div><div><button><span type="post">post</span><span>/widgets/{id}</span></button><div aria-hidden="true"><div><span>https://api.example.com</span>/widgets/{id}</div></div></div>
<div><h3> Request samples </h3><div role="tabpanel"><div><span>Content type</span><div>application/json</div></div><div><code><span>{</span><ul><li><div><span>"name"</span>: <span>"string"</span><span>,</span></div></li><li><div><span>"note"</span>: <span>"string"</span></div></li></ul><span>}</span></code></div></div></div></div>
</div></div></body></html>"##;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let page = dir.path().join("create-widget.html");
    std::fs::write(&page, html).unwrap_or_else(|e| panic!("{e}"));
    let generator = Generator::new().spec(&page);
    let (api, warnings) = generator.load().unwrap_or_else(|e| panic!("{e}"));
    let op = &api.operations[0];
    assert_eq!(api.operations.len(), 1);
    assert_eq!(op.id, "create_widget");
    assert_eq!(op.method, Method::Post);
    assert_eq!(op.path.to_string(), "/widgets/{id}");
    assert_eq!(op.description.as_deref(), Some("Makes one."));
    assert_eq!(op.parameters[0].name, "id");
    assert!(op.parameters[0].required);
    let body = op.body.as_ref().expect("a body");
    let TypeRef::Named(name) = &body.ty else {
        panic!("a named body, found {:?}", body.ty)
    };
    let Some(SchemaKind::Object(object)) = api.schemas.get(name).map(|s| &s.kind) else {
        panic!("an object body")
    };
    let fields: Vec<_> = object
        .fields
        .iter()
        .map(|f| (f.wire_name.as_str(), f.presence))
        .collect();
    assert_eq!(
        fields,
        [("name", Presence::Required), ("note", Presence::Optional)]
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.message.contains("https://api.example.com/openapi.json")),
        "the link to the document is named: {warnings:?}"
    );
}
