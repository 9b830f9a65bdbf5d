//! The import-loop check every crate of the workspace runs (its
//! `tests/modules.rs`): the crate's modules, the other modules each one's
//! code names, and the modules that reach themselves through those names.
//!
//! A module is a top-level file of `src/`, or a folder of `src/` with all its
//! files (`components/` is one module). A module's code names another by a
//! path that starts with `crate::` or `super::`, alone or in a `use` group
//! (`use crate::{a, b::C};`, over several lines too). Comment lines and the
//! unit-test module (`#[cfg(test)] mod …`, `#[cfg(all(test …`) are left out.
//! `src/lib.rs` and `src/main.rs` are the root (they only declare modules),
//! and `src/bin/` holds crates of their own: neither is a module here.
//!
//! ```
//! let used = tg_loops::used_modules("use crate::{a, b::C};\nfn f() { super::d::e(); }", &["x"]);
//! assert_eq!(used.into_iter().collect::<Vec<_>>(), ["a", "b", "d"]);
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each module and the other modules of the crate its code names.
pub type Graph = BTreeMap<String, BTreeSet<String>>;

/// The code of `source` that counts: its unit-test module and comment lines left out.
fn code(source: &str) -> String {
    let mut end = source.len();
    for marker in [
        "#[cfg(all(test",
        "#[cfg(test)]\nmod ",
        "#[cfg(test)]\npub mod ",
    ] {
        if let Some(at) = source.find(marker) {
            end = end.min(at);
        }
    }
    source[..end]
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths of the use-tree that starts at `text` (`a::b`, `a::{b, c::d}`,
/// `a::*`): each path's segments, the groups expanded. Returns the paths and
/// how much of `text` they took.
fn use_tree(text: &str) -> (Vec<Vec<String>>, usize) {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut prefix: Vec<String> = Vec::new();
    loop {
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if at < bytes.len() && bytes[at] == b'{' {
            at += 1;
            let mut paths = Vec::new();
            loop {
                let (inner, used) = use_tree(&text[at..]);
                at += used;
                paths.extend(inner.into_iter().map(|p| [prefix.clone(), p].concat()));
                while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                match bytes.get(at) {
                    Some(b',') => at += 1,
                    Some(b'}') => return (paths, at + 1),
                    _ => return (paths, at),
                }
            }
        }
        let start = at;
        while at < bytes.len()
            && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_' || bytes[at] == b'*')
        {
            at += 1;
        }
        if at > start {
            prefix.push(text[start..at].to_owned());
        }
        if text[at..].starts_with("::") && at > start {
            at += 2;
        } else {
            let paths = if prefix.is_empty() {
                vec![]
            } else {
                vec![prefix]
            };
            return (paths, at);
        }
    }
}

/// The first segment of each crate path named in `source`, the code of the
/// module at `module` (its path from the crate root: `["app"]` for
/// `src/app.rs`, `["components", "section"]` for `src/components/section.rs`):
/// `crate::a::…` names `a`; `super::b` names the parent's `b`, resolved to
/// the crate's top-level module it lies in. Names that are not modules (an
/// item of the crate root, `*`) are returned too; [`graph`] keeps the modules.
pub fn used_modules(source: &str, module: &[&str]) -> BTreeSet<String> {
    let code = code(source);
    let mut used = BTreeSet::new();
    for keyword in ["crate::", "super::"] {
        for (at, _) in code.match_indices(keyword) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            for path in use_tree(&code[at..]).0 {
                let ups = path.iter().take_while(|s| *s == "super").count();
                let absolute: Vec<&str> = if path[0] == "crate" {
                    path[1..].iter().map(String::as_str).collect()
                } else if ups <= module.len() {
                    module[..module.len() - ups]
                        .iter()
                        .copied()
                        .chain(path[ups..].iter().map(String::as_str))
                        .collect()
                } else {
                    continue;
                };
                if let Some(top) = absolute.first() {
                    used.insert((*top).to_owned());
                }
            }
        }
    }
    used
}

/// Every `.rs` file under `dir` with its module path below `path`.
fn files(dir: &Path, path: &[String], out: &mut Vec<(Vec<String>, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_owned();
        if entry.is_dir() {
            files(&entry, &[path.to_vec(), vec![name]].concat(), out);
        } else if entry.extension().is_some_and(|e| e == "rs") {
            let text =
                fs::read_to_string(&entry).unwrap_or_else(|e| panic!("{}: {e}", entry.display()));
            let module = if name == "mod" {
                path.to_vec()
            } else {
                [path.to_vec(), vec![name]].concat()
            };
            out.push((module, text));
        }
    }
}

/// The modules of the crate whose sources are in `src` (see the crate docs)
/// and the other modules each one names.
pub fn graph(src: &Path) -> Graph {
    let mut found = Vec::new();
    files(src, &[], &mut found);
    found.retain(|(module, _)| match module.first().map(String::as_str) {
        None | Some("lib" | "main" | "bin") => false,
        Some(_) => true,
    });
    let modules: BTreeSet<String> = found.iter().map(|(m, _)| m[0].clone()).collect();
    let mut graph: Graph = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    for (module, text) in &found {
        let path: Vec<&str> = module.iter().map(String::as_str).collect();
        for used in used_modules(text, &path) {
            if used != module[0] && modules.contains(&used) {
                graph
                    .get_mut(&module[0])
                    .expect("listed above")
                    .insert(used);
            }
        }
    }
    graph
}

/// Every module that `from` reaches through the modules it names, and theirs.
pub fn reach(graph: &Graph, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&str> = vec![from];
    while let Some(module) = todo.pop() {
        for next in graph.get(module).into_iter().flatten() {
            if seen.insert(next.clone()) {
                todo.push(next);
            }
        }
    }
    seen
}

/// The modules that reach themselves: each lies on an import loop.
pub fn circles(graph: &Graph) -> Vec<String> {
    graph
        .keys()
        .filter(|m| reach(graph, m).contains(*m))
        .cloned()
        .collect()
}

/// Fails, naming the modules in a loop and every module's imports, when the
/// crate at `manifest_dir` (`env!("CARGO_MANIFEST_DIR")`) has an import loop.
/// Returns the graph, for further checks.
pub fn assert_no_loops(manifest_dir: &str) -> Graph {
    let src = Path::new(manifest_dir).join("src");
    assert!(
        src.join("lib.rs").is_file(),
        "{} has no src/lib.rs",
        manifest_dir
    );
    let graph = graph(&src);
    let circles = circles(&graph);
    assert!(
        circles.is_empty(),
        "modules in an import loop: {circles:?}\n{graph:#?}"
    );
    graph
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(set: BTreeSet<String>) -> Vec<String> {
        set.into_iter().collect()
    }

    #[test]
    fn sees_paths_groups_and_super() {
        let source = "use crate::hit::MatchKind;\nuse crate::store::{Entry, Index};\nuse crate::{prefix, typo};\n/// [x](crate::Hit)\nfn f() { super::store::offset(1); }\n#[cfg(all(test, x))]\nuse crate::words;";
        assert_eq!(
            sorted(used_modules(source, &["search"])),
            ["hit", "prefix", "store", "typo"]
        );
    }

    #[test]
    fn sees_groups_over_lines_and_nested() {
        let source = "use crate::{\n    a::{B, c::D},\n    e,\n};\nuse crate::f::*;";
        assert_eq!(sorted(used_modules(source, &["x"])), ["a", "e", "f"]);
    }

    #[test]
    fn resolves_super_from_a_folder() {
        let source = "use super::super::app::{ContentRef, Shared};\nuse super::RichText;\nuse super::super::{dom, text::fill};";
        let used = used_modules(source, &["components", "section"]);
        // `super::RichText` is the folder's own item: the graph drops the module itself.
        assert_eq!(sorted(used), ["app", "components", "dom", "text"]);
    }

    #[test]
    fn skips_the_unit_tests_and_words_ending_in_crate() {
        let source = "fn f() { my_crate::x(); }\n#[cfg(test)]\nmod tests {\n    use crate::y;\n}";
        assert!(used_modules(source, &["x"]).is_empty());
    }

    #[test]
    fn finds_a_loop_through_a_folder() {
        let dir = std::env::temp_dir().join(format!("tg-loops-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("components")).unwrap();
        fs::write(dir.join("lib.rs"), "mod app;\nmod components;\nmod text;").unwrap();
        fs::write(
            dir.join("app.rs"),
            "use super::components::List;\nuse super::text;",
        )
        .unwrap();
        fs::write(dir.join("text.rs"), "pub fn fill() {}").unwrap();
        fs::write(
            dir.join("components/mod.rs"),
            "mod list;\npub use list::List;",
        )
        .unwrap();
        fs::write(
            dir.join("components/list.rs"),
            "use super::super::app::Shared;",
        )
        .unwrap();
        let found = graph(&dir);
        assert_eq!(circles(&found), ["app", "components"]);
        fs::write(dir.join("components/list.rs"), "use crate::text::fill;").unwrap();
        let found = graph(&dir);
        fs::remove_dir_all(&dir).unwrap();
        assert!(circles(&found).is_empty(), "{found:?}");
        assert_eq!(sorted(reach(&found, "app")), ["components", "text"]);
    }
}
