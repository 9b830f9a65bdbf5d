//! Which languages a content folder holds: the rule that `build.rs` (this
//! crate's and the widget's) and the prerender step share. Uses only the
//! standard library and `toml_edit`, so build scripts can include it.

use std::fs;
use std::path::{Path, PathBuf};

pub use crate::folder::{DEFAULT_LANGUAGE, FILES, META_FILE};

/// The languages of a content folder, default language first: the folder
/// itself (its language is the `language` of its `meta.toml`, `default`
/// when it gives none), then every folder inside it that has a `meta.toml`,
/// sorted by name, which is its language code (`fr`). Each comes as
/// (language code, folder).
pub fn discover(root: &Path, default: &str) -> Vec<(String, PathBuf)> {
    let language = fs::read_to_string(root.join(META_FILE))
        .ok()
        .and_then(|text| {
            let document = toml_edit::ImDocument::parse(text).ok()?;
            let language = document.get("meta")?.get("language")?.as_str()?;
            Some(language.to_owned())
        })
        .unwrap_or_else(|| default.to_owned());
    let mut others: Vec<(String, PathBuf)> = fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.join(META_FILE).is_file())
        .filter_map(|path| Some((path.file_name()?.to_str()?.to_owned(), path)))
        .collect();
    others.sort();
    let mut found = vec![(language, root.to_path_buf())];
    found.extend(others);
    found
}
