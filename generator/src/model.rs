//! The intermediate model: what an API is, independent of the input form.
//!
//! Every front end (documentation pages, later OpenAPI) produces an [`Api`];
//! every emitter only walks one. Nothing here still needs parsing: names are
//! resolved, references point at entries of [`Api::schemas`], and each fact a
//! front end could not establish is recorded as such (`Presence::Unstated`,
//! `Nullability::Unstated`, `TypeRef::Unstated`) instead of being guessed.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

/// A whole API: what it is, its operations and the named schemas they use.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Api {
    /// What the input says of the API as a whole.
    pub info: Info,
    /// The path of the API root on whatever host serves it (`/api/v3`), where
    /// the input gives one relative to the host: a relative server URL, or
    /// the paths the pages show. Operation paths are relative to it.
    pub base_path: Option<String>,
    /// The URL of the first server, where the input gives an absolute one,
    /// with its variables set to their defaults (`https://api.openai.com/v1`).
    pub server_url: Option<String>,
    /// Operations, sorted by id.
    pub operations: Vec<Operation>,
    /// Named schemas by their Rust type name; the key is the name.
    pub schemas: BTreeMap<String, Schema>,
    /// Security schemes by their name in the input (`authentik`).
    pub security_schemes: BTreeMap<String, SecurityScheme>,
    /// Whether the input describes only some of the API: documentation
    /// pages, one per operation, which name no components and leave some
    /// facts unstated. An operation or type it lacks says nothing about
    /// the API.
    #[serde(skip_serializing_if = "is_false")]
    pub partial: bool,
}

/// What the input says of the API as a whole: OpenAPI's `info` and
/// `externalDocs`. Documentation pages show little of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Info {
    /// The API's name as the input gives it (`Ory Hydra API`, `authentik`);
    /// for pages, which do not show one, the name of their folder (or a
    /// name the user gives).
    pub title: String,
    /// The version of the API the input describes (`2025.12.6`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// What the API is, as Markdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The URL of the API's terms of service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms_of_service: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<License>,
    /// Where the API is documented beyond the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_docs: Option<Link>,
    /// What the input says of each tag, as Markdown, by the tag's name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

/// Who answers for the API.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Contact {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The license the API is offered under.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct License {
    /// Its name (`Apache 2.0`).
    pub name: String,
    /// Its SPDX expression, where given (OpenAPI 3.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A link with what it leads to.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Link {
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Api {
    /// Adds to `seen` every named type a value of `ty` holds, itself
    /// included, through fields, items, map values, aliases and union
    /// members.
    pub fn reach<'a>(&'a self, ty: &TypeRef, seen: &mut BTreeSet<&'a str>) {
        match ty {
            TypeRef::Named(name) => {
                let Some((key, schema)) = self.schemas.get_key_value(name) else {
                    return;
                };
                if !seen.insert(key.as_str()) {
                    return;
                }
                for held in schema.kind.held() {
                    self.reach(&held, seen);
                }
            }
            other => {
                for contained in other.contained() {
                    self.reach(contained, seen);
                }
            }
        }
    }
}

impl SchemaKind {
    /// The types a value of this kind holds directly: its fields' and
    /// further entries', an alias's target, a union's members.
    pub fn held(&self) -> Vec<Cow<'_, TypeRef>> {
        match self {
            SchemaKind::Object(object) => object
                .fields
                .iter()
                .map(|field| &field.ty)
                .chain(&object.additional)
                .map(Cow::Borrowed)
                .collect(),
            SchemaKind::Alias(target) => vec![Cow::Borrowed(target)],
            SchemaKind::Union(union) => union
                .variants
                .iter()
                .map(|variant| Cow::Owned(TypeRef::Named(variant.schema.clone())))
                .collect(),
            SchemaKind::OneOf(union) => union
                .variants
                .iter()
                .map(|variant| Cow::Borrowed(&variant.ty))
                .collect(),
            SchemaKind::Enum(_) => Vec::new(),
        }
    }
}

/// One HTTP operation, named by its operation id.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Operation {
    /// The operation id as the input gives it (`providers_proxy_partial_update`,
    /// `getPets`), unique; one made from the method and path
    /// (`get_pets_id`) where the input gives none. The Rust names come from
    /// [`crate::names`].
    pub id: String,
    /// Whether the input gives the id. Pages seldom show it: then it is
    /// made from the page's summary, or its method and path, and says
    /// nothing of the operation (`diff` pairs such operations by method and
    /// path).
    #[serde(skip_serializing_if = "is_true")]
    pub id_stated: bool,
    pub method: Method,
    pub path: PathTemplate,
    pub description: Option<String>,
    /// Tags, where the input gives them.
    pub tags: Vec<String>,
    /// Parameters in input order.
    pub parameters: Vec<Parameter>,
    pub body: Option<RequestBody>,
    /// Responses sorted by status.
    pub responses: Vec<Response>,
    pub security: Security,
    pub deprecated: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Put,
    Post,
    Delete,
    Patch,
    Head,
    Options,
}

impl Method {
    pub fn from_name(name: &str) -> Option<Method> {
        Some(match name.to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "PUT" => Method::Put,
            "POST" => Method::Post,
            "DELETE" => Method::Delete,
            "PATCH" => Method::Patch,
            "HEAD" => Method::Head,
            "OPTIONS" => Method::Options,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Patch => "PATCH",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
        }
    }
}

/// A path such as `/providers/proxy/{id}/`, split into literal text and
/// parameter references.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathTemplate {
    pub segments: Vec<PathSegment>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum PathSegment {
    Literal(String),
    /// The wire name of a path parameter.
    Parameter(String),
}

impl PathTemplate {
    /// Its first literal segment (`outposts` of `/outposts/instances/{uuid}/`).
    pub fn first_segment(&self) -> Option<&str> {
        self.segments.iter().find_map(|segment| match segment {
            PathSegment::Literal(text) => text.split('/').find(|part| !part.is_empty()),
            PathSegment::Parameter(_) => None,
        })
    }

    /// The names of the parameters in the order they appear.
    pub fn parameter_names(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|segment| match segment {
            PathSegment::Parameter(name) => Some(name.as_str()),
            PathSegment::Literal(_) => None,
        })
    }
}

impl std::fmt::Display for PathTemplate {
    /// OpenAPI notation: `/providers/proxy/{id}/`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for segment in &self.segments {
            match segment {
                PathSegment::Literal(text) => f.write_str(text)?,
                PathSegment::Parameter(name) => write!(f, "{{{name}}}")?,
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParameterLocation {
    Path,
    Query,
    Header,
    Cookie,
}

/// How a parameter's value is written (OpenAPI's `style`, and `content`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ParameterStyle {
    /// `name=value`; an array per `explode`, an object's properties as
    /// their own `key=value` pairs (the default in the query and cookies).
    #[default]
    Form,
    /// `value`, arrays joined by commas (the default in paths and headers).
    Simple,
    /// An array joined by spaces.
    SpaceDelimited,
    /// An array joined by `|`.
    PipeDelimited,
    /// An object as `name[key]=value` pairs.
    DeepObject,
    /// A path parameter after a `.`: `.blue`, `.blue.black`.
    Label,
    /// A path parameter as `;name=value`: `;color=blue`,
    /// `;color=blue;color=black` exploded.
    Matrix,
    /// The value as JSON text (a parameter with `content: application/json`).
    Json,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Parameter {
    pub location: ParameterLocation,
    /// The name on the wire (`id`, `page_size`).
    pub name: String,
    pub ty: TypeRef,
    pub required: bool,
    pub description: Option<String>,
    pub constraints: Constraints,
    /// The value the server assumes when the parameter is not sent, as JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    /// For arrays in the query: `true` repeats the key per item
    /// (`style: form, explode: true`, the OpenAPI default), `false` joins the
    /// items with commas.
    #[serde(skip_serializing_if = "is_false")]
    pub explode: bool,
    #[serde(skip_serializing_if = "is_form")]
    pub style: ParameterStyle,
}

fn is_form(style: &ParameterStyle) -> bool {
    *style == ParameterStyle::Form
}

fn is_false(value: &bool) -> bool {
    !value
}

fn is_true(value: &bool) -> bool {
    *value
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RequestBody {
    pub content_type: String,
    pub required: bool,
    /// Whether the input says if the body is required (some pages do
    /// not: then it is optional, `required` false).
    #[serde(skip_serializing_if = "is_true")]
    pub required_stated: bool,
    pub ty: TypeRef,
    pub description: Option<String>,
}

/// Which status codes a response stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Status {
    /// One status code, such as 200 or 403.
    Code(u16),
    /// Every successful status: the input shows a success response without
    /// its code, or the range `2XX`.
    AnySuccess,
    /// Every status of a class other than success: `4` for `4XX`.
    Class(u16),
    /// Any status the other responses do not name.
    Default,
}

/// The status as an OpenAPI `responses` key writes it: `200`, `2XX`, `4XX`,
/// `default`.
impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Code(code) => write!(f, "{code}"),
            Status::AnySuccess => f.write_str("2XX"),
            Status::Class(class) => write!(f, "{class}XX"),
            Status::Default => f.write_str("default"),
        }
    }
}

impl Status {
    pub fn is_success(self) -> bool {
        match self {
            Status::Code(code) => (200..300).contains(&code),
            Status::AnySuccess => true,
            Status::Class(_) | Status::Default => false,
        }
    }

    /// A `3XX` status: a redirect (or `304 Not Modified`), which the
    /// operation documents as one of its answers, not as an error.
    pub fn is_redirect(self) -> bool {
        match self {
            Status::Code(code) => (300..400).contains(&code),
            Status::Class(class) => class == 3,
            Status::AnySuccess | Status::Default => false,
        }
    }

    /// A status the caller receives as the operation's answer: a success
    /// or a documented redirect.
    pub fn is_answer(self) -> bool {
        self.is_success() || self.is_redirect()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Response {
    pub status: Status,
    pub description: Option<String>,
    /// The body, or `None` for a response without one (204).
    pub body: Option<ResponseBody>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResponseBody {
    pub content_type: String,
    pub ty: TypeRef,
}

/// How an operation authenticates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Security {
    /// The requirements, any one of which suffices; each names the schemes
    /// it needs together. An empty requirement means the operation also
    /// works without credentials; no requirements at all, that it needs none.
    Requirements(Vec<Vec<String>>),
    /// The input does not say.
    Unstated,
}

impl Security {
    /// One scheme alone.
    pub fn scheme(name: &str) -> Security {
        Security::Requirements(vec![vec![name.to_string()]])
    }
}

/// How a client proves who it is, by the name the input gives the scheme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum SecurityScheme {
    /// `Authorization: <scheme> <credentials>`: `Bearer <token>`, and any
    /// other scheme name (`bearer+agent`) but `basic`.
    Http { scheme: String },
    /// `Authorization: Basic <base64 of user:password>`.
    Basic,
    /// A key sent as a header, query parameter or cookie named `name`.
    ApiKey {
        location: ApiKeyLocation,
        name: String,
    },
    /// An OAuth 2 access token, sent as `Bearer`.
    OAuth2,
    /// An OpenID Connect access token, sent as `Bearer`; `url` is the discovery document.
    OpenIdConnect { url: String },
}

impl SecurityScheme {
    /// Whether the credential is a token sent as `Authorization: Bearer`.
    pub fn is_bearer(&self) -> bool {
        match self {
            SecurityScheme::Http { scheme } => scheme.eq_ignore_ascii_case("bearer"),
            SecurityScheme::OAuth2 | SecurityScheme::OpenIdConnect { .. } => true,
            SecurityScheme::Basic | SecurityScheme::ApiKey { .. } => false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiKeyLocation {
    Header,
    Query,
    Cookie,
}

/// A reference to a type, as used by a field, parameter or body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum TypeRef {
    Primitive(Primitive),
    /// An entry of [`Api::schemas`], by name.
    Named(String),
    Array(Box<TypeRef>),
    /// A JSON array of a fixed length whose items have a type each
    /// (`prefixItems` admitting no further items): a Rust tuple.
    Tuple(Vec<TypeRef>),
    /// A value that may also be `null` where no field carries the fact: a
    /// list's item, a map's value, a tuple's item (`Option<T>`).
    Nullable(Box<TypeRef>),
    /// A JSON object with arbitrary keys and values of one type.
    Map(Box<TypeRef>),
    /// Any JSON value.
    Any,
    /// The input does not give the type.
    Unstated,
}

impl TypeRef {
    /// The types a value of this type holds directly: a list's item, a
    /// map's value, an `Option`'s value, a tuple's items.
    pub fn contained(&self) -> &[TypeRef] {
        match self {
            TypeRef::Array(item) | TypeRef::Map(item) | TypeRef::Nullable(item) => {
                std::slice::from_ref(item.as_ref())
            }
            TypeRef::Tuple(items) => items,
            TypeRef::Primitive(_) | TypeRef::Named(_) | TypeRef::Any | TypeRef::Unstated => &[],
        }
    }

    /// The element type inside any arrays (`string` for `string[][]`).
    pub fn innermost(&self) -> &TypeRef {
        match self {
            TypeRef::Array(item) => item.innermost(),
            other => other,
        }
    }

    /// [`TypeRef::innermost`], to change in place.
    pub fn innermost_mut(&mut self) -> &mut TypeRef {
        match self {
            TypeRef::Array(item) => item.innermost_mut(),
            other => other,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Primitive {
    String,
    Uuid,
    Uri,
    Email,
    DateTime,
    Date,
    /// Raw bytes (`format: binary`): a file part or a whole binary body.
    Binary,
    /// An IPv4 address (`format: ipv4`).
    Ipv4,
    /// An IPv6 address (`format: ipv6`).
    Ipv6,
    /// An IP address of either version (`format: ip`).
    Ip,
    /// Bytes written as base64 text (`format: byte`).
    Base64,
    Boolean,
    /// An integer of unspecified width.
    Integer,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    /// A number of unspecified precision.
    Number,
    Float,
    Double,
}

impl Primitive {
    /// The integer of a `format` (`int32`, `uint64`); of unspecified width
    /// for another format or none.
    pub fn integer_of_format(format: Option<&str>) -> Primitive {
        match format {
            Some("int8") => Primitive::Int8,
            Some("int16") => Primitive::Int16,
            Some("int32") => Primitive::Int32,
            Some("int64") => Primitive::Int64,
            Some("uint8") => Primitive::UInt8,
            Some("uint16") => Primitive::UInt16,
            Some("uint32") => Primitive::UInt32,
            Some("uint64") => Primitive::UInt64,
            _ => Primitive::Integer,
        }
    }

    /// An integer of any width.
    pub fn is_integer(self) -> bool {
        matches!(
            self,
            Primitive::Integer
                | Primitive::Int8
                | Primitive::Int16
                | Primitive::Int32
                | Primitive::Int64
                | Primitive::UInt8
                | Primitive::UInt16
                | Primitive::UInt32
                | Primitive::UInt64
        )
    }

    /// An integer or a number of any width.
    pub fn is_numeric(self) -> bool {
        self.is_integer()
            || matches!(
                self,
                Primitive::Number | Primitive::Float | Primitive::Double
            )
    }
}

/// A named type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Schema {
    /// The Rust type name, unique within [`Api::schemas`].
    pub name: String,
    pub description: Option<String>,
    pub kind: SchemaKind,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum SchemaKind {
    Object(ObjectSchema),
    Enum(EnumSchema),
    /// One of several object types, told apart by a tag property.
    Union(UnionSchema),
    /// One of several types without a tag (`oneOf`/`anyOf` without a
    /// discriminator, a 3.1 `type` list).
    OneOf(OneOfSchema),
    /// Another name for a type (an OpenAPI component that is an array, a
    /// primitive or a free-form object).
    Alias(TypeRef),
}

/// A tagged union (`oneOf` with a `discriminator`): the value of the
/// property `tag` says which variant an object is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnionSchema {
    /// The wire name of the tag property (`component`).
    pub tag: String,
    pub variants: Vec<UnionVariant>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnionVariant {
    /// The tag value that selects this variant (`ak-stage-identification`).
    pub tag: String,
    /// The Rust variant name, unique within the union.
    pub variant: String,
    /// The object schema of this variant, by name.
    pub schema: String,
}

/// A union without a tag. A value is the first member, in `variants` order,
/// that it decodes as; a value that fits none is kept as it is. The front
/// end orders the members so that the more specific come first: objects
/// with more required properties, integers before numbers, strings with a
/// format before plain ones; otherwise as the input lists them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OneOfSchema {
    pub variants: Vec<OneOfVariant>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OneOfVariant {
    /// The Rust variant name, unique within the union.
    pub variant: String,
    pub ty: TypeRef,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ObjectSchema {
    /// Fields in input order.
    pub fields: Vec<Field>,
    /// Entries beyond the named fields, and their value type; `None` when the
    /// input allows none or does not say.
    pub additional: Option<TypeRef>,
    /// Sets of fields (wire names) of which a value sets at least one whole
    /// set (`anyOf` or `oneOf` of `required` lists): `[[file_ids], [files]]`.
    /// Rust cannot require "one of" in a struct, so each field stays
    /// optional and the documentation says it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub required_alternatives: Vec<Vec<String>>,
}

/// A property of an object.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field {
    /// The key in JSON (`authentication_flow`).
    pub wire_name: String,
    /// The Rust field name (`authentication_flow`, `r#type`).
    pub rust_name: String,
    pub ty: TypeRef,
    pub presence: Presence,
    pub nullability: Nullability,
    pub read_only: bool,
    /// Sent by clients but never returned by the server.
    #[serde(skip_serializing_if = "is_false")]
    pub write_only: bool,
    pub deprecated: bool,
    /// The value the server assumes when the field is absent, as JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    /// A short human title (`Set HTTP-Basic Authentication`).
    pub title: Option<String>,
    pub description: Option<String>,
    pub constraints: Constraints,
}

/// Whether an object must carry a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Presence {
    Required,
    Optional,
    /// The input does not say.
    Unstated,
}

/// Whether a field's value may be JSON `null`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Nullability {
    NonNull,
    Nullable,
    /// The input does not say.
    Unstated,
}

/// Limits on a value, as the input states them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Constraints {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum: Option<Bound>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum: Option<Bound>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
    /// What each item of a list must meet (`items: {maxLength: 64}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Constraints>>,
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }

    /// These constraints, and `other`'s where these say nothing: a use of
    /// a type that states its own limits, over the type's.
    pub fn or(self, other: Constraints) -> Constraints {
        Constraints {
            min_length: self.min_length.or(other.min_length),
            max_length: self.max_length.or(other.max_length),
            minimum: self.minimum.or(other.minimum),
            maximum: self.maximum.or(other.maximum),
            pattern: self.pattern.or(other.pattern),
            min_items: self.min_items.or(other.min_items),
            max_items: self.max_items.or(other.max_items),
            items: self.items.or(other.items),
        }
    }
}

/// A numeric limit; `exclusive` means the value itself is not allowed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bound {
    /// The number as written in the input, so nothing is lost to rounding.
    pub value: String,
    pub exclusive: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EnumSchema {
    pub values: Vec<EnumValue>,
    /// What the values are on the wire.
    #[serde(skip_serializing_if = "EnumWire::is_strings")]
    pub wire: EnumWire,
    /// The input admits any other string too, naming only these (OpenAPI's
    /// `anyOf: [{type: string}, {enum: [...]}]`). The Rust enum keeps other
    /// values in `Unknown` either way; an export writes the idiom back.
    #[serde(skip_serializing_if = "is_false")]
    pub open: bool,
}

/// The JSON type of an enum's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum EnumWire {
    /// `"forward_single"`.
    Strings,
    /// `512`, `-1`.
    Integers,
    /// `0.5`, `2`.
    Numbers,
    /// `true` or `false`: an enum of one of them (of both, it is a `bool`).
    Booleans,
}

impl EnumWire {
    fn is_strings(&self) -> bool {
        *self == EnumWire::Strings
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EnumValue {
    /// The value on the wire (`forward_single`).
    pub wire: String,
    /// The Rust variant name (`ForwardSingle`).
    pub variant: String,
}

/// `application/json` and every `+json` media type.
pub fn is_json(media: &str) -> bool {
    let essence = media.split(';').next().unwrap_or(media).trim();
    essence == "application/json" || essence.ends_with("+json")
}
