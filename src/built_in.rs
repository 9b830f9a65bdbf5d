//! The content shipped inside the widget: the TOML files of `content/`,
//! validated by `build.rs` and compiled in with the content crate's built-in
//! encoding ([`tg_content::encoding`]), so nothing is fetched and no JSON is
//! parsed at start-up.

use tg_content::{encoding, Content, RawContent};

/// The encoded English content, written by `build.rs`.
const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/content-en.txt"));

/// The encoded French content (not in the widget: the prerender step writes
/// it into a file of its own, loaded only by pages that ask for French).
#[cfg(not(target_arch = "wasm32"))]
pub const TEXT_FR: &str = include_str!(concat!(env!("OUT_DIR"), "/content-fr.txt"));

/// The built-in content as written, before validation.
pub fn raw() -> RawContent {
    encoding::decode(TEXT)
}

/// Content in the built-in encoding (a language file the loader fetched), validated.
pub fn decode(text: &str) -> Result<Content, Vec<tg_content::ContentError>> {
    Content::from_raw(encoding::decode(text))
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
