//! The dependency table of the crate docs against the modules' imports.

/// Each module's source outside its tests, by module name.
const MODULE_SOURCES: &[(&str, &str)] = &[
    ("drugs", include_str!("../drugs.rs")),
    ("hit", include_str!("../hit.rs")),
    ("phonetic", include_str!("../phonetic.rs")),
    ("prefix", include_str!("../prefix.rs")),
    ("query", include_str!("../query.rs")),
    ("rank", include_str!("../rank.rs")),
    ("score", include_str!("../score.rs")),
    ("search", include_str!("../search.rs")),
    ("sound", include_str!("../sound.rs")),
    ("store", include_str!("../store.rs")),
    ("synthetic", include_str!("../synthetic.rs")),
    ("typo", include_str!("../typo.rs")),
    ("words", include_str!("../words.rs")),
];

/// The dependency table of the crate docs: `(module, modules it may use)`.
fn dependency_table() -> Vec<(String, Vec<String>)> {
    let mut table: Vec<(String, Vec<String>)> = Vec::new();
    for row in include_str!("../lib.rs")
        .lines()
        .filter_map(|line| line.strip_prefix("//! | `"))
    {
        let cells: Vec<&str> = row.split('|').collect();
        let module = cells[0].trim().trim_end_matches('`').to_string();
        let cell = cells[cells.len() - 2].trim();
        let uses = if cell == "all of the above" {
            table.iter().map(|(m, _)| m.clone()).collect()
        } else {
            cell.split('`')
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "—")
                .map(str::to_string)
                .collect()
        };
        table.push((module, uses));
    }
    table
}

/// The modules named by `crate::` or `super::` paths in the code (not the
/// comments) of `source`, the module `module`, before its test module.
fn used_modules(source: &str, module: &str) -> Vec<String> {
    tg_loops::used_modules(source, &[module])
        .into_iter()
        .collect()
}

#[test]
fn modules_use_only_what_the_dependency_table_allows() {
    let table = dependency_table();
    let mut listed: Vec<&str> = table.iter().map(|(m, _)| m.as_str()).collect();
    listed.sort_unstable();
    let mut sources: Vec<&str> = MODULE_SOURCES.iter().map(|(m, _)| *m).collect();
    sources.sort_unstable();
    assert_eq!(listed, sources, "every module has a row");
    for (module, source) in MODULE_SOURCES {
        let allowed = &table.iter().find(|(m, _)| m == module).unwrap().1;
        for used in used_modules(source, module) {
            assert!(
                allowed.contains(&used),
                "`{module}` uses `crate::{used}`, which its row does not allow"
            );
        }
    }
    // Acyclic: each row may use only rows above it.
    for (i, (module, uses)) in table.iter().enumerate() {
        for used in uses {
            let at = table.iter().position(|(m, _)| m == used);
            assert!(
                at.is_some_and(|at| at < i),
                "`{module}` may use `{used}`, which is not listed above it"
            );
        }
    }
}

#[test]
fn the_dependency_check_sees_imports() {
    let source = "use crate::hit::MatchKind;\nuse crate::store::{Entry, Index};\nuse crate::{prefix, typo};\n/// [x](crate::Hit)\nfn f() { super::store::offset(1); }\n#[cfg(all(test, x))]\nuse crate::words;";
    assert_eq!(
        used_modules(source, "search"),
        ["hit", "prefix", "store", "typo"]
    );
}
