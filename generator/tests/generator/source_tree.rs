//! The shape of the generator's own source: no module imports, directly or
//! through others, a module that imports it back, and no file is longer
//! than a reader can hold. Read with `syn`: every path a module names
//! (`use` items and paths in code, `crate::`, `super::`, `self::` or a
//! child module's name) is an import of the module it leads to. Tests
//! (`#[cfg(test)]`) and the binary (`main.rs`, which only calls the
//! library) are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// The longest a file of `generator/src` may be.
const MAX_LINES: usize = 1000;

type Module = Vec<String>;

/// Every source file of the library by its module path (`[]` for
/// `lib.rs`, `["emit", "models"]` for `emit/models.rs`).
fn modules(root: &Path) -> BTreeMap<Module, PathBuf> {
    let mut found = BTreeMap::new();
    for path in crate::files::under(root) {
        let Ok(relative) = path.strip_prefix(root) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "rs") || relative == Path::new("main.rs") {
            continue;
        }
        let mut module: Module = relative
            .with_extension("")
            .iter()
            .map(|part| part.to_string_lossy().into_owned())
            .collect();
        if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
            module.pop();
        }
        found.insert(module, path);
    }
    found
}

/// The paths a file names, each as written (`["super", "docs", "escape"]`),
/// with `use` groups spelled out; test modules left out.
#[derive(Default)]
struct Paths {
    paths: Vec<Vec<String>>,
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item_mod(&mut self, module: &'ast syn::ItemMod) {
        let is_test = module.attrs.iter().any(|attribute| {
            attribute.path().is_ident("cfg")
                && attribute
                    .meta
                    .require_list()
                    .is_ok_and(|list| list.tokens.to_string() == "test")
        });
        if !is_test {
            syn::visit::visit_item_mod(self, module);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        spell_out(&item.tree, Vec::new(), &mut self.paths);
    }

    /// `pub(super)` names who may see an item, not what it uses.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_path(&mut self, path: &'ast syn::Path) {
        self.paths
            .push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, path);
    }
}

fn spell_out(tree: &syn::UseTree, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let with = |name: &syn::Ident| {
        let mut path = prefix.clone();
        path.push(name.to_string());
        path
    };
    match tree {
        syn::UseTree::Path(path) => spell_out(&path.tree, with(&path.ident), out),
        syn::UseTree::Name(name) => out.push(with(&name.ident)),
        syn::UseTree::Rename(rename) => out.push(with(&rename.ident)),
        syn::UseTree::Glob(_) => out.push(prefix),
        syn::UseTree::Group(group) => {
            for item in &group.items {
                spell_out(item, prefix.clone(), out);
            }
        }
    }
}

/// The module a path written in `from` leads to, if it is one of `known`
/// (and not `from` itself).
fn target(from: &Module, path: &[String], known: &BTreeMap<Module, PathBuf>) -> Option<Module> {
    let (mut base, rest): (Module, &[String]) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("self") => (from.clone(), &path[1..]),
        Some("super") => {
            let mut base = from.clone();
            let mut rest = path;
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
            (base, rest)
        }
        // A child module by its name (`layout::is_generated` in `emit`; a
        // lone `all_of` is a local variable).
        Some(first)
            if path.len() > 1
                && known.contains_key(&[from.clone(), vec![first.to_string()]].concat()) =>
        {
            (from.clone(), path)
        }
        _ => return None,
    };
    let mut found = known.contains_key(&base).then(|| base.clone());
    for segment in rest {
        base.push(segment.clone());
        if known.contains_key(&base) {
            found = Some(base.clone());
        }
    }
    found.filter(|module| module != from)
}

fn name(module: &Module) -> String {
    match module.is_empty() {
        true => "crate".to_string(),
        false => module.join("::"),
    }
}

/// The strongly connected groups of more than one module (Tarjan).
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct State<'a> {
        edges: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        found: Vec<Vec<Module>>,
    }
    fn connect<'a>(state: &mut State<'a>, module: &'a Module) {
        let number = state.index.len();
        state.index.insert(module, number);
        state.low.insert(module, number);
        state.stack.push(module);
        state.on_stack.insert(module);
        for next in state.edges.get(module).into_iter().flatten() {
            if !state.index.contains_key(next) {
                connect(state, next);
                let low = state.low[module].min(state.low[next]);
                state.low.insert(module, low);
            } else if state.on_stack.contains(next) {
                let low = state.low[module].min(state.index[next]);
                state.low.insert(module, low);
            }
        }
        if state.low[module] == state.index[module] {
            let mut group = Vec::new();
            while let Some(member) = state.stack.pop() {
                state.on_stack.remove(member);
                group.push(member.clone());
                if member == module {
                    break;
                }
            }
            if group.len() > 1 {
                state.found.push(group);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for module in edges.keys() {
        if !state.index.contains_key(module) {
            connect(&mut state, module);
        }
    }
    state.found
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let root = Path::new("src");
    let known = modules(root);
    assert!(
        known.len() > 40,
        "the library's modules under {}",
        root.display()
    );
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, file) in &known {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{e}"));
        let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut paths = Paths::default();
        paths.visit_file(&parsed);
        let targets = paths
            .paths
            .iter()
            .filter_map(|path| target(module, path, &known))
            .collect();
        edges.insert(module.clone(), targets);
    }
    let found = circles(&edges);
    let described: Vec<String> = found
        .iter()
        .map(|group| {
            let members: BTreeSet<&Module> = group.iter().collect();
            let ties: Vec<String> = group
                .iter()
                .flat_map(|from| {
                    edges[from]
                        .iter()
                        .filter(|to| members.contains(to))
                        .map(move |to| format!("{} -> {}", name(from), name(to)))
                })
                .collect();
            ties.join(", ")
        })
        .collect();
    assert!(described.is_empty(), "import circles: {described:#?}");
    // The test sees imports: `emit` uses its child `layout`, and
    // `emit::layout` uses `crate::model`.
    assert!(
        edges[&vec!["emit".to_string()]].contains(&vec!["emit".to_string(), "layout".to_string()])
    );
    assert!(edges[&vec!["diff".to_string()]].contains(&vec!["model".to_string()]));
}

#[test]
fn no_source_file_is_longer_than_a_thousand_lines() {
    let long: Vec<String> = modules(Path::new("src"))
        .values()
        .chain(std::iter::once(&PathBuf::from("src/main.rs")))
        .filter_map(|file| {
            let lines = std::fs::read_to_string(file)
                .unwrap_or_default()
                .lines()
                .count();
            (lines > MAX_LINES).then(|| format!("{}: {lines} lines", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "longer than {MAX_LINES} lines: {long:?}");
}
