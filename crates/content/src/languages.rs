//! The guide's built-in languages, found in the content folders when this
//! crate was built (`build.rs`): their interface words, which a content
//! file in that language may leave out, and, natively, their files.

use crate::raw::UiStrings;

/// The language whose words stand in when a file's language has no
/// built-in content.
pub const FALLBACK: &str = "en";

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The codes of the built-in languages, default language first.
pub fn codes() -> impl Iterator<Item = &'static str> {
    DEFAULT_STRINGS.iter().map(|(code, _)| *code)
}

/// The interface words of the built-in content in `language` (by its
/// primary subtag: `fr-CA` gives French), or in [`FALLBACK`] when the guide
/// has none in that language.
///
/// ```
/// use tg_content::languages::default_strings;
/// assert_eq!(default_strings("en").close, "Close");
/// assert_eq!(default_strings("xx-YY").close, "Close");
/// ```
pub fn default_strings(language: &str) -> UiStrings {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let pairs = DEFAULT_STRINGS
        .iter()
        .find(|(code, _)| *code == primary)
        .or_else(|| DEFAULT_STRINGS.iter().find(|(code, _)| *code == FALLBACK))
        .map_or(&[][..], |(_, pairs)| *pairs);
    let mut strings = UiStrings::default();
    for (name, text) in pairs {
        // Set field by field, without the reader of the format (the widget's
        // main wasm carries none). Words the format does not know are left
        // out: a build with fewer words than the content folder still starts.
        if let Some(field) = strings.field_mut(name) {
            *field = (*text).to_owned();
        }
    }
    strings
}
