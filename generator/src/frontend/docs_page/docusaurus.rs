//! docusaurus-openapi-docs as authentik's site renders it, in the two copy
//! styles of the seed pages: the text a person copies from one operation's
//! page, turned into an [`Operation`] and its schemas.
//!
//! # The page grammar
//!
//! Pages come in two copy styles. Both start the same way; blank lines may
//! stand between any two lines and are ignored unless said otherwise.
//!
//! ```text
//! page        := ["Skip to main content"] operation-id header description
//!                request responses [security] [code-samples] [explorer]
//! operation-id:= snake_case identifier                      e.g. providers_proxy_partial_update
//! header      := METHOD NL path                              (indented style)
//!              | METHOD path                                 (flat style: `PUT/outposts/instances/:uuid/`)
//! path        := [base "/"] "/" segment...                  `/api/v3//providers/proxy/:id/`; `:name` is a parameter
//! description := text lines up to "Request"
//! request     := "Request" { params-section | content-type | body }
//! params-section := ("Path" | "Query" | "Header" | "Cookie") " Parameters" parameter-lines
//! content-type:= "- " media-type                             (flat style)
//! body        := "Body" ["required"] schema-lines
//! responses   := "Responses" { "- " status } { response-block }
//! security    := "Authorization: " type NL "name: " N "type: " T "scheme: " S   (glued)
//! explorer    := "Request Collapse all" ... "Body" json-example
//! ```
//!
//! Code samples (the lines between the security block and the explorer) and
//! the explorer are skipped, except for the explorer's request body example,
//! which confirms the request field names.
//!
//! **Indented style** (`002_…`): every schema line is indented four spaces or
//! starts with `  • ` (the copy of a list bullet). A field line glues
//! `<name><type label><flags>` (see [`label`] for the split rule), a parameter
//! line is `<name> <type label><flags>`. Lines after a field line that are not
//! field lines are its description (blank lines separate paragraphs), its
//! `Possible values:` qualifier ([`qualifier`]) or `Default value:`/`Example:`
//! notes. `Array [` after an `object[]` field opens the item's properties and
//! `]` closes them; nesting follows only these markers, never the bullets.
//! Flags shown are facts: no `required` means optional, no `nullable` means
//! non-null. The response section shows one schema without its status code.
//!
//! **Flat style** (`000_…`): the copy kept only what the page renders as
//! block text: descriptions, `Possible values:` lines (an enum's values on
//! one line each), and the name, `object`/`object[]` label and flags of object
//! fields, each on its own line. Field names and types come from the JSON
//! example that closes each response block; a block is
//! `"- " media-type, "- Schema", "- Example (from schema)", "Schema", schema-lines, json-example`
//! and blocks follow the status list in order; a response without content
//! shows its one-line description instead. See the `flat` module for how lines are
//! matched to the example's fields and what is reported instead of guessed.

use serde_json::Value;

use super::example;
use super::flat;
use super::indented;
use super::locate;
use super::page::{is_media_type, join_paragraphs, OperationContext, Page, PageOperation};
use crate::diagnostic::{Error, Location, Warning};
use crate::frontend::schemas::SchemaRegistry;
use crate::ident;
use crate::model::{
    Method, Operation, Parameter, ParameterLocation, PathTemplate, RequestBody, Response, Security,
    SecurityScheme, Status, TypeRef,
};

/// Reads the one operation of a page in authentik's layout.
pub fn read(
    page: &Page<'_>,
    registry: &mut SchemaRegistry,
    warnings: &mut Vec<Warning>,
) -> Result<PageOperation, Error> {
    page.parse(registry, warnings)
}

/// The copy style of a page; see the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Indented,
    Flat,
}

/// Section boundaries, as line indexes.
struct Sections {
    request: Option<usize>,
    responses: usize,
    end: usize,
}

impl<'a> Page<'a> {
    fn parse(
        &self,
        registry: &mut SchemaRegistry,
        warnings: &mut Vec<Warning>,
    ) -> Result<PageOperation, Error> {
        let mut cursor = self.next_content(0).ok_or_else(|| {
            self.error(
                0,
                "the page is empty; expected an operation id on the first line",
            )
        })?;
        if self.text(cursor) == "Skip to main content" {
            cursor = self.next_content(cursor + 1).ok_or_else(|| {
                self.error(
                    cursor + 1,
                    "the page ends after its navigation; expected an operation id",
                )
            })?;
        }
        let id = self.text(cursor).to_string();
        if !is_operation_id(&id) {
            return Err(self.error(cursor, format!("expected an operation id such as `providers_proxy_partial_update`, found `{id}`")));
        }
        let (method, raw_path, style, after_header) = self.header(cursor + 1)?;
        let (base_path, path) = self.path_template(after_header - 1, &raw_path)?;
        let sections = self.sections(after_header, style)?;
        let description_end = sections.request.unwrap_or(sections.responses);
        let description = join_paragraphs(
            self.lines[after_header..description_end]
                .iter()
                .map(|l| l.text.trim()),
        );

        let explorer_example = self.explorer_example(sections.end, warnings)?;
        let context = OperationContext {
            id: &id,
            type_prefix: ident::to_upper_camel(&id),
        };
        let mut parameters = Vec::new();
        let mut body = None;
        if let Some(request) = sections.request {
            self.request(
                request + 1,
                sections.responses,
                style,
                &path,
                &context,
                explorer_example.as_ref(),
                registry,
                warnings,
                &mut parameters,
                &mut body,
            )?;
        }
        self.complete_path_parameters(
            &path,
            &mut parameters,
            sections.request.unwrap_or(sections.responses),
            warnings,
        );
        let responses = self.responses(
            sections.responses + 1,
            sections.end,
            style,
            &context,
            registry,
            warnings,
        )?;
        let (security, security_schemes) = self.security(sections.end, warnings)?;
        Ok(PageOperation {
            operation: Operation {
                id,
                id_stated: true,
                method,
                path,
                description,
                tags: Vec::new(),
                parameters,
                body,
                responses,
                security,
                deprecated: false,
            },
            base_path,
            server_url: None,
            security_schemes,
        })
    }

    /// Reads the method and path; returns them, the style, and the index of the
    /// first line after the header.
    fn header(&self, from: usize) -> Result<(Method, String, Style, usize), Error> {
        let index = self.next_content(from).ok_or_else(|| {
            self.error(
                from,
                "the page ends after the operation id; expected an HTTP method and path",
            )
        })?;
        let text = self.text(index);
        let method_len = text.chars().take_while(|c| c.is_ascii_uppercase()).count();
        let method = Method::from_name(&text[..method_len]).ok_or_else(|| {
            self.error(
                index,
                format!(
                    "expected an HTTP method (GET, POST, PUT, PATCH, DELETE, ...), found `{text}`"
                ),
            )
        })?;
        let rest = text[method_len..].trim();
        if !rest.is_empty() {
            return Ok((method, rest.to_string(), Style::Flat, index + 1));
        }
        let path_index = self.next_content(index + 1).ok_or_else(|| {
            self.error(
                index + 1,
                "the page ends after the HTTP method; expected the path",
            )
        })?;
        Ok((
            method,
            self.text(path_index).to_string(),
            Style::Indented,
            path_index + 1,
        ))
    }

    /// `/api/v3//providers/proxy/:id/` → base `/api/v3` and `/providers/proxy/{id}/`.
    fn path_template(
        &self,
        index: usize,
        raw: &str,
    ) -> Result<(Option<String>, PathTemplate), Error> {
        if !raw.starts_with('/') || raw.contains(char::is_whitespace) {
            return Err(self.error(
                index,
                format!("expected a path starting with `/`, found `{raw}`"),
            ));
        }
        let (base, path) = match raw.split_once("//") {
            Some((base, path)) => (Some(base.to_string()), format!("/{path}")),
            None => (None, raw.to_string()),
        };
        // The raw path has no white space and starts with `/`: what is not
        // a template has a parameter without a name.
        let template = locate::template(&path).ok_or_else(|| {
            self.error(
                index,
                format!("path `{raw}` has a parameter without a name"),
            )
        })?;
        Ok((base, template))
    }

    fn sections(&self, from: usize, style: Style) -> Result<Sections, Error> {
        let all = self.lines.len();
        let end = match style {
            Style::Indented => self
                .find_line(from, all, |t| {
                    t.starts_with("Authorization:") || t == "Request Collapse all"
                })
                .unwrap_or(all),
            Style::Flat => all,
        };
        let request = self.find_line(from, end, |t| t == "Request");
        let responses = self
            .find_line(request.unwrap_or(from), end, |t| t == "Responses")
            .ok_or_else(|| {
                self.error(end, "the page has no `Responses` section; is it truncated?")
            })?;
        Ok(Sections {
            request,
            responses,
            end,
        })
    }

    /// The request body example of the explorer (`Request Collapse all` … `Body` `{…}`).
    fn explorer_example(
        &self,
        from: usize,
        warnings: &mut Vec<Warning>,
    ) -> Result<Option<Value>, Error> {
        let all = self.lines.len();
        let Some(explorer) = self.find_line(from, all, |t| t == "Request Collapse all") else {
            return Ok(None);
        };
        let Some(body) = self.find_line(explorer, all, |t| t == "Body") else {
            return Ok(None);
        };
        let Some(start) = self.next_content(body + 1) else {
            self.warn(warnings, body, "the explorer's `Body` has no example");
            return Ok(None);
        };
        match example::read_json(self.lines, start) {
            Ok((value, _)) => Ok(Some(value)),
            Err((line, message)) => Err(Error::input(Location::line(self.file, line), message)),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn request(
        &self,
        from: usize,
        to: usize,
        style: Style,
        path: &PathTemplate,
        context: &OperationContext<'_>,
        explorer_example: Option<&Value>,
        registry: &mut SchemaRegistry,
        warnings: &mut Vec<Warning>,
        parameters: &mut Vec<Parameter>,
        body: &mut Option<RequestBody>,
    ) -> Result<(), Error> {
        let headers: Vec<usize> = (from..to)
            .filter(|&i| request_header(self.text(i)).is_some())
            .collect();
        if let Some(first) = self
            .next_content(from)
            .filter(|&i| i < headers.first().copied().unwrap_or(to))
        {
            self.warn(
                warnings,
                first,
                format!(
                    "`{}` stands before any request section and is not used",
                    self.text(first)
                ),
            );
        }
        let mut content_type: Option<String> = None;
        for (position, &start) in headers.iter().enumerate() {
            let end = headers.get(position + 1).copied().unwrap_or(to);
            match request_header(self.text(start)) {
                Some(RequestHeader::Parameters(location)) => {
                    let found = match style {
                        Style::Indented => indented::parameters(
                            self,
                            (start + 1, end),
                            location,
                            &context.type_prefix,
                            registry,
                            warnings,
                        )?,
                        Style::Flat => {
                            flat::parameters(self, start + 1, end, location, path, warnings)
                        }
                    };
                    parameters.extend(found);
                }
                Some(RequestHeader::ContentType(media)) => content_type = Some(media.to_string()),
                Some(RequestHeader::Body) => {
                    let mut schema_start = start + 1;
                    let mut required = false;
                    if let Some(next) = self
                        .next_content(start + 1)
                        .filter(|&i| i < end && self.text(i) == "required")
                    {
                        required = true;
                        schema_start = next + 1;
                    }
                    let name = format!("{}Request", context.type_prefix);
                    let ty = match style {
                        Style::Indented => indented::object(
                            self,
                            schema_start,
                            end,
                            &name,
                            explorer_example,
                            registry,
                            warnings,
                        )?,
                        Style::Flat => {
                            flat::object(self, schema_start, end, &name, None, registry, warnings)?
                        }
                    };
                    let content_type = match content_type.take() {
                        Some(media) => media,
                        None => {
                            self.warn(warnings, start, "the page does not show the request body's media type; `application/json` is assumed (the page's examples are JSON)");
                            "application/json".to_string()
                        }
                    };
                    *body = Some(RequestBody {
                        required_stated: true,
                        content_type,
                        required,
                        ty,
                        description: None,
                    });
                }
                None => {}
            }
        }
        Ok(())
    }

    /// Adds path parameters the page's path names but its parameter list does not.
    fn complete_path_parameters(
        &self,
        path: &PathTemplate,
        parameters: &mut Vec<Parameter>,
        index: usize,
        warnings: &mut Vec<Warning>,
    ) {
        for name in path.parameter_names() {
            let listed = parameters
                .iter()
                .any(|p| p.location == ParameterLocation::Path && p.name == name);
            if !listed {
                self.warn(warnings, index, format!("path parameter `{name}` is in the path but not described; its type is not given"));
                parameters.push(Parameter {
                    location: ParameterLocation::Path,
                    name: name.to_string(),
                    ty: TypeRef::Unstated,
                    required: true,
                    description: None,
                    constraints: Default::default(),
                    default: None,
                    explode: false,
                    style: Default::default(),
                });
            }
        }
    }

    fn responses(
        &self,
        from: usize,
        to: usize,
        style: Style,
        context: &OperationContext<'_>,
        registry: &mut SchemaRegistry,
        warnings: &mut Vec<Warning>,
    ) -> Result<Vec<Response>, Error> {
        let mut statuses = Vec::new();
        let mut cursor = from;
        while let Some(index) = self.next_content(cursor).filter(|&i| i < to) {
            let Some(code) = self
                .text(index)
                .strip_prefix("- ")
                .and_then(|c| c.parse::<u16>().ok())
            else {
                break;
            };
            statuses.push(Status::Code(code));
            cursor = index + 1;
        }
        let mut responses = match style {
            Style::Indented => {
                indented::responses(self, cursor, to, &statuses, context, registry, warnings)?
            }
            Style::Flat => {
                flat::responses(self, cursor, to, &statuses, context, registry, warnings)?
            }
        };
        responses.sort_by_key(|response| response.status);
        Ok(responses)
    }

    /// `Authorization: http` / `name: authentiktype: httpscheme: bearer`.
    fn security(
        &self,
        from: usize,
        warnings: &mut Vec<Warning>,
    ) -> Result<(Security, Vec<(String, SecurityScheme)>), Error> {
        let all = self.lines.len();
        let Some(index) = self.find_line(from, all, |t| t.starts_with("Authorization:")) else {
            self.warn(warnings, from.min(all.saturating_sub(1)), "the page does not say how the operation authenticates; the client sends its bearer token when it has one");
            return Ok((Security::Unstated, Vec::new()));
        };
        let details = self.next_content(index + 1).ok_or_else(|| {
            self.error(
                index + 1,
                "expected `name: <scheme>type: <type>scheme: <scheme>` after `Authorization:`",
            )
        })?;
        let text = self.text(details);
        let parsed = text.strip_prefix("name: ").and_then(|rest| {
            let (name, rest) = rest.split_once("type: ")?;
            let (kind, scheme) = match rest.split_once("scheme: ") {
                Some((kind, scheme)) => (kind, Some(scheme)),
                None => (rest, None),
            };
            Some((
                name.to_string(),
                kind.to_string(),
                scheme.map(str::to_string),
            ))
        });
        let (name, kind, scheme) = parsed.ok_or_else(|| {
            self.error(
                details,
                format!("expected `name: <scheme>type: <type>scheme: <scheme>`, found `{text}`"),
            )
        })?;
        let scheme = match (kind.as_str(), scheme.as_deref()) {
            ("http", Some(scheme)) if scheme.eq_ignore_ascii_case("basic") => SecurityScheme::Basic,
            ("http", Some(scheme)) => SecurityScheme::Http {
                scheme: scheme.to_string(),
            },
            _ => {
                return Err(self.error(
                    details,
                    format!(
                        "unsupported security scheme type `{kind}`; expected `http` with a scheme"
                    ),
                ));
            }
        };
        Ok((Security::scheme(&name), vec![(name, scheme)]))
    }
}

enum RequestHeader<'t> {
    Parameters(ParameterLocation),
    ContentType(&'t str),
    Body,
}

fn request_header(text: &str) -> Option<RequestHeader<'_>> {
    Some(match text {
        "Path Parameters" => RequestHeader::Parameters(ParameterLocation::Path),
        "Query Parameters" => RequestHeader::Parameters(ParameterLocation::Query),
        "Header Parameters" => RequestHeader::Parameters(ParameterLocation::Header),
        "Body" => RequestHeader::Body,
        _ => RequestHeader::ContentType(
            text.strip_prefix("- ")
                .filter(|media| is_media_type(media))?,
        ),
    })
}

pub(super) fn is_operation_id(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
