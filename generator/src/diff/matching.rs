//! Which operation of the new version each operation of the old one is:
//! the one with the same id; and where a side does not state its ids
//! (pages seldom show them: the id is made from the summary or the path),
//! the one with the same method and path, the path read from the API's
//! root (a page may show `/api/v3/users/{id}` where the document says
//! `/users/{pk}` under the server `/api/v3`).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Api, Method, Operation, PathSegment};

/// The operations paired, and those of one side only.
pub(super) struct Matching<'a> {
    pub(super) pairs: Vec<(&'a Operation, &'a Operation)>,
    pub(super) old_only: Vec<&'a Operation>,
    pub(super) new_only: Vec<&'a Operation>,
}

/// An operation's method and its path as written (from the API's root)
/// and from the host, parameter names left out: `GET /users/{}` and `GET
/// /api/v3/users/{}`. A page may show either (Redoc the first, Stoplight
/// Elements the second), a document says both.
pub(super) fn addresses(api: &Api, op: &Operation) -> [(Method, String); 2] {
    let root = api
        .base_path
        .clone()
        .or_else(|| {
            api.server_url.as_deref().map(|url| {
                let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
                rest.find('/')
                    .map_or(String::new(), |at| rest[at..].to_string())
            })
        })
        .unwrap_or_default();
    let mut path = String::new();
    for segment in &op.path.segments {
        match segment {
            PathSegment::Literal(text) => path.push_str(text),
            PathSegment::Parameter(_) => path.push_str("{}"),
        }
    }
    let full = format!("{}{path}", root.trim_end_matches('/'));
    [(op.method, path), (op.method, full)]
}

/// Whether two operations are at the same address, either way written.
pub(super) fn same_address(old: &Api, op: &Operation, new: &Api, now: &Operation) -> bool {
    let (a, b) = (addresses(old, op), addresses(new, now));
    a.iter().any(|address| b.contains(address))
}

/// Pairs the operations of `old` and `new`, in `old`'s order.
pub(super) fn operations<'a>(old: &'a Api, new: &'a Api) -> Matching<'a> {
    let by_id: BTreeMap<&str, &Operation> = new
        .operations
        .iter()
        .map(|op| (op.id.as_str(), op))
        .collect();
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    let mut pairs = Vec::new();
    let mut unpaired = Vec::new();
    for op in &old.operations {
        match by_id.get(op.id.as_str()) {
            Some(now) if op.id_stated == now.id_stated => {
                taken.insert(now.id.as_str());
                pairs.push((op, *now));
            }
            _ => unpaired.push(op),
        }
    }
    let mut by_address: BTreeMap<(Method, String), &Operation> = BTreeMap::new();
    for op in new
        .operations
        .iter()
        .filter(|op| !taken.contains(op.id.as_str()))
    {
        for address in addresses(new, op) {
            by_address.entry(address).or_insert(op);
        }
    }
    let mut old_only = Vec::new();
    for op in unpaired {
        // Two ids both stated and different are two operations (a method
        // renamed at the same address is a change of its own).
        let found = addresses(old, op)
            .iter()
            .find_map(|address| by_address.get(address).copied())
            .filter(|now| !taken.contains(now.id.as_str()))
            .filter(|now| !(op.id_stated && now.id_stated));
        match found {
            Some(now) => {
                taken.insert(now.id.as_str());
                pairs.push((op, now));
            }
            None => old_only.push(op),
        }
    }
    let new_only = new
        .operations
        .iter()
        .filter(|op| !taken.contains(&op.id.as_str()))
        .collect();
    Matching {
        pairs,
        old_only,
        new_only,
    }
}
