//! The guide's built-in languages, found in the content folders when this
//! crate was built (`build.rs`): their interface words, which a content
//! file in that language may leave out, and, natively, their files.

use crate::raw::UiStrings;

/// The language whose words stand in when a file's language has no
/// built-in content: the default language.
pub const FALLBACK: &str = crate::folder::DEFAULT_LANGUAGE;

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The name `list` gives the language `code`: `list` is `code: name` pairs
/// separated by commas (a content's `language_names`).
///
/// ```
/// use tg_content::languages::named;
/// assert_eq!(named("en: English, fr: French", "fr"), Some("French"));
/// assert_eq!(named("en: English", "de"), None);
/// ```
pub fn named<'a>(list: &'a str, code: &str) -> Option<&'a str> {
    list.split(',').find_map(|pair| {
        let (key, name) = pair.split_once(':')?;
        let name = name.trim();
        (key.trim().eq_ignore_ascii_case(code.trim()) && !name.is_empty()).then_some(name)
    })
}

/// The name a built-in language gives itself in its own `language_names`
/// (`français`), `None` for a language the guide does not have.
///
/// ```
/// use tg_content::languages::own_name;
/// assert_eq!(own_name("en"), Some("English"));
/// assert_eq!(own_name("xx"), None);
/// ```
pub fn own_name(code: &str) -> Option<&'static str> {
    let (_, pairs) = DEFAULT_STRINGS.iter().find(|(c, _)| *c == code)?;
    let (_, list) = pairs.iter().find(|(name, _)| *name == "language_names")?;
    named(list, code)
}

/// The codes of the built-in languages, default language first.
pub fn codes() -> impl Iterator<Item = &'static str> {
    DEFAULT_STRINGS.iter().map(|(code, _)| *code)
}

/// The characters that end a language tag's primary subtag (`fr-CA`,
/// `fr_CA`); the loader splits the page's language tags at the same ones
/// (the build gives them in its manifest).
pub const SUBTAG_SEPARATORS: [char; 2] = ['-', '_'];

/// The primary subtag of the language tag `tag`, in lower case: the
/// language it names, by the guide's one rule.
///
/// ```
/// use tg_content::languages::primary;
/// assert_eq!(primary(" fr-CA "), "fr");
/// assert_eq!(primary("EN_gb"), "en");
/// assert_eq!(primary(""), "");
/// ```
pub fn primary(tag: &str) -> String {
    tag.trim()
        .split(SUBTAG_SEPARATORS)
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The interface words of the built-in content in `language` (by its
/// primary subtag, [`primary`]: `fr-CA` gives French), or in [`FALLBACK`] when the guide
/// has none in that language.
///
/// ```
/// use tg_content::languages::default_strings;
/// assert_eq!(default_strings("en").close, "Close");
/// assert_eq!(default_strings("xx-YY").close, "Close");
/// ```
pub fn default_strings(language: &str) -> UiStrings {
    let primary = primary(language);
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
