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
}

impl Layout {
    /// Every layout, in the order detection prefers them on a tie.
    pub const ALL: [Layout; 5] = [
        Layout::Docusaurus,
        Layout::Redoc,
        Layout::Elements,
        Layout::SwaggerUi,
        Layout::Scalar,
    ];

    /// The name a user gives it (`--layout redoc`).
    pub fn name(self) -> &'static str {
        match self {
            Layout::Docusaurus => "docusaurus",
            Layout::Redoc => "redoc",
            Layout::Elements => "elements",
            Layout::SwaggerUi => "swagger-ui",
            Layout::Scalar => "scalar",
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
        }
    }

    /// The layout a user names.
    pub fn from_name(name: &str) -> Option<Layout> {
        Layout::ALL
            .into_iter()
            .find(|layout| layout.name().eq_ignore_ascii_case(name.trim()))
    }

    /// Lines only this layout writes, exactly or as their start.
    fn markers(self) -> &'static [&'static str] {
        match self {
            Layout::Docusaurus => &[
                "Possible values:",
                "Example (from schema)",
                "Example (auto)",
                "SCHEMA",
                "BODY",
                "Request\u{200b}",
                "Responses\u{200b}",
                "SEND API REQUEST",
                "Request Collapse all",
                "Skip to main content",
                "Schema",
            ],
            Layout::Redoc => &[
                "REQUEST BODY SCHEMA:",
                "PATH PARAMETERS",
                "QUERY PARAMETERS",
                "HEADER PARAMETERS",
                "RESPONSE SCHEMA:",
                "Request samples",
                "Response samples",
                "AUTHORIZATIONS:",
                "Expand allCollapse all",
            ],
            Layout::Elements => &[
                "Send API Request",
                "Request Sample: Shell / cURL",
                "Response Example",
                "Allowed values:",
                "Match pattern:",
                "Security:",
            ],
            Layout::SwaggerUi => &[
                "Try it out",
                "Name\tDescription",
                "Code\tDescription\tLinks",
                "No parameters",
                "Example Value",
                "Controls Accept header.",
                "No links",
            ],
            Layout::Scalar => &[
                "Copy link",
                "Request Example for",
                "Show Schema",
                "Show Child Attributes",
                "Test Request",
                "Selected Content Type:",
                "Type:",
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
                    layout.markers().iter().any(|marker| {
                        text == *marker || (marker.ends_with(':') && text.starts_with(marker))
                    })
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
