//! The layouts the page reader knows, by the renderer that makes them, and
//! how a page's own words tell which it is: each layout has lines only it
//! writes (`REQUEST BODY SCHEMA:` is Redoc's, `Possible values:`
//! docusaurus-openapi-docs'), and the layout with the most of them wins.

use super::page::Page;

/// A layout of API reference pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layout {
    /// docusaurus-openapi-docs: its current layout, and the older one
    /// authentik's site renders.
    Docusaurus,
    /// Redoc.
    Redoc,
    /// Stoplight Elements.
    Elements,
    /// Swagger UI.
    SwaggerUi,
    /// Scalar.
    Scalar,
    /// ReadMe (hosted; read from its known shape).
    ReadMe,
    /// Mintlify (hosted).
    Mintlify,
    /// Fern (hosted).
    Fern,
    /// GitBook's OpenAPI blocks (hosted).
    GitBook,
    /// bump.sh (hosted).
    BumpSh,
}

/// A line a layout writes: the whole line, its start or its end.
enum Marker {
    Line(&'static str),
    Starts(&'static str),
    Ends(&'static str),
}

impl Marker {
    fn matches(&self, text: &str) -> bool {
        match self {
            Marker::Line(line) => text == *line,
            Marker::Starts(start) => text.starts_with(start),
            Marker::Ends(end) => text.len() > end.len() && text.ends_with(end),
        }
    }
}

impl Layout {
    /// Every layout, in the order detection prefers them on a tie.
    pub const ALL: [Layout; 10] = [
        Layout::Docusaurus,
        Layout::Redoc,
        Layout::Elements,
        Layout::SwaggerUi,
        Layout::Scalar,
        Layout::ReadMe,
        Layout::Mintlify,
        Layout::Fern,
        Layout::GitBook,
        Layout::BumpSh,
    ];

    /// The name a user gives it (`--layout redoc`).
    pub fn name(self) -> &'static str {
        match self {
            Layout::Docusaurus => "docusaurus",
            Layout::Redoc => "redoc",
            Layout::Elements => "elements",
            Layout::SwaggerUi => "swagger-ui",
            Layout::Scalar => "scalar",
            Layout::ReadMe => "readme",
            Layout::Mintlify => "mintlify",
            Layout::Fern => "fern",
            Layout::GitBook => "gitbook",
            Layout::BumpSh => "bump.sh",
        }
    }

    /// The renderer's own name, for messages.
    pub fn title(self) -> &'static str {
        match self {
            Layout::Docusaurus => "docusaurus-openapi-docs",
            Layout::Redoc => "Redoc",
            Layout::Elements => "Stoplight Elements",
            Layout::SwaggerUi => "Swagger UI",
            Layout::Scalar => "Scalar",
            Layout::ReadMe => "ReadMe",
            Layout::Mintlify => "Mintlify",
            Layout::Fern => "Fern",
            Layout::GitBook => "GitBook",
            Layout::BumpSh => "bump.sh",
        }
    }

    /// The layout a user names.
    pub fn from_name(name: &str) -> Option<Layout> {
        Layout::ALL
            .into_iter()
            .find(|layout| layout.name().eq_ignore_ascii_case(name.trim()))
    }

    /// Lines only this layout writes: whole, or their start or end.
    fn markers(self) -> &'static [Marker] {
        match self {
            Layout::Docusaurus => &[
                Marker::Starts("Possible values:"),
                Marker::Line("Example (from schema)"),
                Marker::Line("Example (auto)"),
                Marker::Line("SCHEMA"),
                Marker::Line("BODY"),
                Marker::Line("Request\u{200b}"),
                Marker::Line("Responses\u{200b}"),
                Marker::Line("SEND API REQUEST"),
                Marker::Line("Request Collapse all"),
                Marker::Line("Skip to main content"),
                Marker::Line("Schema"),
            ],
            Layout::Redoc => &[
                Marker::Starts("REQUEST BODY SCHEMA:"),
                Marker::Line("PATH PARAMETERS"),
                Marker::Line("QUERY PARAMETERS"),
                Marker::Line("HEADER PARAMETERS"),
                Marker::Starts("RESPONSE SCHEMA:"),
                Marker::Line("Request samples"),
                Marker::Line("Response samples"),
                Marker::Starts("AUTHORIZATIONS:"),
                Marker::Line("Expand allCollapse all"),
            ],
            Layout::Elements => &[
                Marker::Line("Send API Request"),
                Marker::Line("Request Sample: Shell / cURL"),
                Marker::Line("Response Example"),
                Marker::Starts("Allowed values:"),
                Marker::Starts("Match pattern:"),
                Marker::Starts("Security:"),
            ],
            Layout::SwaggerUi => &[
                Marker::Line("Try it out"),
                Marker::Line("Name\tDescription"),
                Marker::Line("Code\tDescription\tLinks"),
                Marker::Line("No parameters"),
                Marker::Line("Example Value"),
                Marker::Line("Controls Accept header."),
                Marker::Line("No links"),
            ],
            Layout::Scalar => &[
                Marker::Line("Copy link"),
                Marker::Line("Request Example for"),
                Marker::Line("Show Schema"),
                Marker::Line("Show Child Attributes"),
                Marker::Line("Test Request"),
                Marker::Starts("Selected Content Type:"),
                Marker::Starts("Type:"),
            ],
            Layout::ReadMe => &[
                Marker::Line("Path Params"),
                Marker::Line("Query Params"),
                Marker::Line("Body Params"),
                Marker::Line("Allowed:"),
                Marker::Line("Try It!"),
                Marker::Starts("Defaults to "),
                Marker::Starts("Click Try It!"),
            ],
            Layout::Mintlify => &[
                Marker::Line("Available options:"),
                Marker::Line("Show child attributes"),
                Marker::Line("Hide child attributes"),
                Marker::Starts("Required range:"),
                Marker::Line("Authorizations"),
            ],
            Layout::Fern => &[
                Marker::Ends("stringRequired"),
                Marker::Ends("stringOptional"),
                Marker::Ends("integerRequired"),
                Marker::Ends("integerOptional"),
                Marker::Ends("booleanOptional"),
                Marker::Ends("objectRequired"),
                Marker::Ends("objectOptional"),
                Marker::Starts("This endpoint expects"),
                Marker::Starts("This endpoint returns"),
                Marker::Ends(" Error"),
            ],
            Layout::GitBook => &[
                Marker::Ends("HTTP/1.1"),
                Marker::Ends("optional"),
                Marker::Line("Test it"),
                Marker::Line("one of"),
                Marker::Line("all of"),
            ],
            Layout::BumpSh => &[
                Marker::Ends(" Required"),
                Marker::Starts("Values are "),
                Marker::Line("Body Required"),
                Marker::Ends(" attributes"),
            ],
        }
    }

    /// The layout whose lines the page has most of; authentik's layout,
    /// whose reader explains best what it expected, when none has any.
    pub(super) fn detect(page: &Page<'_>) -> Layout {
        let score = |layout: Layout| -> usize {
            (0..page.lines.len())
                .filter(|&index| {
                    let text = page.text(index);
                    layout.markers().iter().any(|marker| marker.matches(text))
                })
                .count()
        };
        let mut best = (Layout::Docusaurus, 0);
        for layout in Layout::ALL {
            let found = score(layout);
            if found > best.1 {
                best = (layout, found);
            }
        }
        best.0
    }
}
