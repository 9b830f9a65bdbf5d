//! The content shipped inside the widget: the default language's TOML files
//! (`content/`), validated by `build.rs` and compiled in sealed
//! ([`tg_content::Sealed`]), so nothing is fetched, no JSON is parsed and
//! nothing is validated again at start-up. Every other language found in
//! `content/` is a file of its own, sealed by the prerender step, that a
//! page loads only when it asks for that language.

use tg_content::{Content, ContentError};

/// The sealed default-language content, written by `build.rs`.
const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/built-in.txt"));

/// Content validated before it was sealed (a language file the loader
/// fetched, what the content reader returned), opened without validating
/// it again; a text that is not sealed content is refused.
pub fn open(text: &str) -> Result<Content, ContentError> {
    Content::from_sealed(text)
}

/// The built-in content.
///
/// ```
/// let content = treatment_guide::built_in::content();
/// assert_eq!(content.sections.len(), 9);
/// ```
pub fn content() -> Content {
    // build.rs validated and sealed this exact content, so it opens in a build that exists.
    open(TEXT).unwrap_or_else(|error| panic!("built-in content cannot be opened: {error}"))
}
