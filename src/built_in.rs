//! The content shipped inside the widget: the TOML files of `content/`,
//! validated by `build.rs` and embedded as JSON, so nothing is fetched.

use crate::content::Content;

/// The built-in content in the documented JSON format.
pub const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

/// The built-in content, parsed.
///
/// ```
/// let content = treatment_guide::built_in::content();
/// assert_eq!(content.sections.len(), 9);
/// ```
pub fn content() -> Content {
    // build.rs validated this exact text, so it cannot fail in a build that exists.
    Content::from_json(JSON)
        .unwrap_or_else(|errors| panic!("built-in content is invalid: {}", errors[0]))
}
