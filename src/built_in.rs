//! The content shipped inside the widget: the default language's TOML files
//! (`content/`), validated by `build.rs` and compiled in with the content
//! crate's built-in encoding ([`tg_content::encoding`]), so nothing is
//! fetched and no JSON is parsed at start-up. Every other language found in
//! `content/` is a file of its own that the prerender step writes and a page
//! loads only when it asks for that language.

use tg_content::{record, Content, ContentError, RawContent};

/// The encoded default-language content, written by `build.rs`.
const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/built-in.txt"));

/// The built-in content as written, before validation.
pub fn raw() -> RawContent {
    record::decode(TEXT)
}

/// Content in the built-in encoding (a language file the loader fetched), validated.
pub fn decode(text: &str) -> Result<Content, Vec<ContentError>> {
    Content::from_raw(record::decode(text))
}

/// The built-in content, validated.
///
/// ```
/// let content = treatment_guide::built_in::content();
/// assert_eq!(content.sections.len(), 9);
/// ```
pub fn content() -> Content {
    // build.rs validated this exact content, so it cannot fail in a build that exists.
    Content::from_raw(raw())
        .unwrap_or_else(|errors| panic!("built-in content is invalid: {}", errors[0]))
}
