//! Finds the guide's built-in languages in the repository's `content/`
//! folder (one folder a language, see `src/discover.rs`) and writes
//! `languages.rs` into `OUT_DIR`: every language's interface words (the
//! defaults a content file in that language may leave out) and, for native
//! tools and tests, the text of its files.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

#[path = "src/discover.rs"]
mod discover;
#[path = "src/folder.rs"]
mod folder;

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("../../content");
    let root = root.canonicalize().unwrap_or(root);
    println!("cargo:rerun-if-changed={}", root.display());
    let mut strings = String::from(
        "/// Each built-in language's interface words: (language, [(name, text)]).\n\
         pub const DEFAULT_STRINGS: &[(&str, &[(&str, &str)])] = &[\n",
    );
    let mut texts = String::from(
        "/// Each built-in language's files as they were at build time:\n\
         /// (language, folder under `content/`, [text of each of `toml_source::FILES`]).\n\
         #[cfg(not(target_arch = \"wasm32\"))]\n\
         pub const TEXTS: &[(&str, &str, [&str; 4])] = &[\n",
    );
    for (code, dir) in discover::discover(&root, discover::DEFAULT_LANGUAGE) {
        println!("cargo:rerun-if-changed={}", dir.display());
        let meta = dir.join(discover::META_FILE);
        println!("cargo:rerun-if-changed={}", meta.display());
        let text = fs::read_to_string(&meta).unwrap_or_default();
        let pairs: Vec<(String, String)> = toml_edit::ImDocument::parse(text)
            .ok()
            .and_then(|document| {
                let table = document.get("strings")?.as_table()?.clone();
                Some(
                    table
                        .iter()
                        .filter_map(|(k, v)| Some((k.to_owned(), v.as_str()?.to_owned())))
                        .collect(),
                )
            })
            .unwrap_or_default();
        let _ = writeln!(strings, "    ({code:?}, &[");
        for (name, value) in pairs {
            let _ = writeln!(strings, "        ({name:?}, {value:?}),");
        }
        strings.push_str("    ]),\n");
        let folder = dir
            .strip_prefix(&root)
            .map(|f| f.display().to_string())
            .unwrap_or_default();
        let files: Vec<String> = discover::FILES
            .iter()
            .map(|file| format!("include_str!({:?})", dir.join(file).display().to_string()))
            .collect();
        let _ = writeln!(texts, "    ({code:?}, {folder:?}, [{}]),", files.join(", "));
    }
    strings.push_str("];\n");
    texts.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("languages.rs");
    fs::write(out, strings + &texts).expect("OUT_DIR is writable");
}
