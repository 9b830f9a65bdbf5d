//! The shape of a content folder: its files and the language of its own
//! files. Constants only, so that every target and `build.rs` can use them.

/// The file of a content folder that names its language.
pub const META_FILE: &str = "meta.toml";

/// The files of a content folder, in the order they are read.
pub const FILES: [&str; 4] = [META_FILE, "sections.toml", "drugs.toml", "glossary.toml"];

/// The language of the content compiled into the widget first, and of a
/// content folder's own files when its `meta.toml` names none.
pub const DEFAULT_LANGUAGE: &str = "en";
