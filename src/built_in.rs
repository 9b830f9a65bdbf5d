//! The content shipped inside the widget: the TOML files of `content/`,
//! validated by `build.rs` and compiled in as one plain text of fields, so
//! nothing is fetched and no JSON is parsed at start-up.

use crate::content::{
    Content, RawContent, RawDrug, RawMeta, RawSection, RawSynonym, RawTerm, UiStrings,
};

/// The content's fields separated by U+001F, in the order [`raw`] reads
/// them; each list is preceded by its length (written by `build.rs`).
const TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/content.txt"));

/// The built-in content in the documented JSON format (for tools and tests).
#[cfg(not(target_arch = "wasm32"))]
pub const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

/// The built-in content as written, before validation.
pub fn raw() -> RawContent {
    let mut fields = TEXT.split('\u{1f}');
    let mut next = || fields.next().unwrap_or_default().to_owned();
    let meta = RawMeta {
        version: next(),
        last_reviewed: next(),
        language: next(),
        title: next(),
        intro: next(),
    };
    let mut strings = UiStrings::default();
    for name in UiStrings::NAMES {
        let text = next();
        if let Some(field) = strings.field_mut(name) {
            *field = text;
        }
    }
    let count = |text: String| text.parse::<usize>().unwrap_or(0);
    let sections = (0..count(next()))
        .map(|_| RawSection {
            id: next(),
            title: next(),
            summary: next(),
            body: next(),
        })
        .collect();
    let drugs = (0..count(next()))
        .map(|_| RawDrug {
            name: next(),
            treatment: next(),
            class: next(),
            synonyms: (0..count(next()))
                .map(|_| RawSynonym {
                    name: next(),
                    kind: next(),
                })
                .collect(),
        })
        .collect();
    let glossary = (0..count(next()))
        .map(|_| RawTerm {
            term: next(),
            aliases: (0..count(next())).map(|_| next()).collect(),
            definition: next(),
        })
        .collect();
    RawContent {
        meta,
        strings,
        sections,
        drugs,
        glossary,
    }
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
