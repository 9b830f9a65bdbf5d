//! The crate's modules import one another in one direction only: no module
//! reaches, directly or through others, a module that reaches it back. The
//! generic codec knows nothing of the content format.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each module of `src/` (a file, or a folder with `mod.rs`) and the other
/// modules its code names through `crate::`, tests left out.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    for entry in fs::read_dir(&src).unwrap().flatten() {
        let path = entry.path();
        let (name, files) = if path.is_dir() {
            let files: Vec<_> = fs::read_dir(&path)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .collect();
            (
                path.file_name().unwrap().to_str().unwrap().to_owned(),
                files,
            )
        } else if path.extension().is_some_and(|e| e == "rs") {
            (
                path.file_stem().unwrap().to_str().unwrap().to_owned(),
                vec![path.clone()],
            )
        } else {
            continue;
        };
        if name == "lib" || name == "bin" {
            continue;
        }
        let mut named = BTreeSet::new();
        for file in files
            .iter()
            .filter(|f| f.extension().is_some_and(|e| e == "rs"))
        {
            let text = fs::read_to_string(file).unwrap();
            // Unit tests may reach anywhere: they are not part of the module graph.
            let code = text.split("#[cfg(test)]").next().unwrap();
            let code = code.split("#[cfg(all(test").next().unwrap();
            for (at, _) in code.match_indices("crate::") {
                let rest = &code[at + "crate::".len()..];
                let target: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if target != name
                    && !target.is_empty()
                    && target.chars().next().unwrap().is_lowercase()
                {
                    named.insert(target);
                }
            }
        }
        modules.insert(name, named);
    }
    modules
}

/// Every module a module reaches through its imports.
fn reach(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
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

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = imports();
    assert!(graph.len() > 10, "the modules were found: {graph:?}");
    let circles: Vec<&String> = graph
        .keys()
        .filter(|module| reach(&graph, module).contains(*module))
        .collect();
    assert!(
        circles.is_empty(),
        "modules in an import circle: {circles:?}\n{graph:#?}"
    );
}

#[test]
fn the_generic_codec_knows_nothing_of_the_format() {
    let graph = imports();
    for codec in ["words", "error", "json", "read", "encoding", "record"] {
        let reached = reach(&graph, codec);
        for format in [
            "raw",
            "model",
            "validate",
            "languages",
            "check",
            "toml_source",
        ] {
            assert!(
                !reached.contains(format),
                "{codec} reaches {format}: {reached:?}"
            );
        }
    }
}
