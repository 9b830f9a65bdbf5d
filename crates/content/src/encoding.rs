//! The built-in encoding: how `build.rs` compiles the content of `content/`
//! into the widget, and how the widget reads it back at start-up.
//!
//! The content becomes one text of fields separated by [`SEPARATOR`], in
//! declaration order, with each list preceded by its length. It is smaller
//! than JSON (no keys, no quotes) and is read without a JSON parser. The
//! encoder and the decoder below are the only two places that know the
//! form, and both are driven by the record declarations in `raw.rs`, so they
//! cannot disagree; a round-trip property test checks it.

use crate::error::{ContentError, Location};
use crate::raw::RawContent;
use crate::record::Value;

/// Separates the fields (the ASCII unit separator, U+001F).
pub const SEPARATOR: char = '\u{1f}';

/// Encodes content for the widget.
///
/// Fails when a text holds [`SEPARATOR`] itself (a control character no
/// content needs).
///
/// ```
/// use tg_content::{encoding, RawContent};
/// let mut raw = RawContent::default();
/// raw.meta.title = "Guide".into();
/// let text = encoding::encode(&raw).unwrap();
/// assert_eq!(encoding::decode(&text), raw);
/// ```
pub fn encode(raw: &RawContent) -> Result<String, ContentError> {
    let mut out = Encoder::default();
    raw.encode(&mut out);
    match out.bad {
        Some(field) => Err(ContentError::new(
            Location::default(),
            format!("the text {field:?} holds the control character U+001F; remove it"),
        )),
        None => Ok(out.text),
    }
}

/// Decodes what [`encode`] wrote. Missing fields read as empty, so a
/// truncated text gives incomplete content (which validation reports), never a panic.
pub fn decode(text: &str) -> RawContent {
    let mut input = Decoder {
        fields: text.split(SEPARATOR),
    };
    RawContent::decode(&mut input)
}

/// Collects encoded fields.
#[derive(Default)]
pub struct Encoder {
    text: String,
    started: bool,
    bad: Option<String>,
}

impl Encoder {
    /// Appends one text field.
    pub fn text(&mut self, field: &str) {
        if self.started {
            self.text.push(SEPARATOR);
        }
        self.started = true;
        if field.contains(SEPARATOR) && self.bad.is_none() {
            self.bad = Some(field.to_owned());
        }
        self.text.push_str(field);
    }

    /// Appends the length of a list.
    pub fn count(&mut self, n: usize) {
        self.text(&n.to_string());
    }
}

/// Reads encoded fields in order.
pub struct Decoder<'a> {
    fields: std::str::Split<'a, char>,
}

impl Decoder<'_> {
    /// The next text field (empty past the end).
    pub fn text(&mut self) -> String {
        self.fields.next().unwrap_or_default().to_owned()
    }

    /// The next list length (0 when it is not a number).
    pub fn count(&mut self) -> usize {
        self.fields.next().and_then(|f| f.parse().ok()).unwrap_or(0)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::raw::{RawDrug, RawSection, RawSynonym, RawTerm};

    fn text() -> impl Strategy<Value = String> {
        "[a-zé \\n\\-{}\\[\\]()0-9]{0,12}"
    }

    fn content() -> impl Strategy<Value = RawContent> {
        let section =
            (text(), text(), text(), text()).prop_map(|(id, title, summary, body)| RawSection {
                id,
                title,
                summary,
                body,
            });
        let synonym =
            (text(), text(), text()).prop_map(|(name, kind, lang)| RawSynonym { name, kind, lang });
        let drug = (text(), text(), text(), prop::collection::vec(synonym, 0..3)).prop_map(
            |(name, treatment, class, synonyms)| RawDrug {
                name,
                treatment,
                class,
                synonyms,
            },
        );
        let term = (text(), prop::collection::vec(text(), 0..3), text()).prop_map(
            |(term, aliases, definition)| RawTerm {
                term,
                aliases,
                definition,
            },
        );
        (
            text(),
            text(),
            prop::collection::vec(section, 0..4),
            prop::collection::vec(drug, 0..4),
            prop::collection::vec(term, 0..4),
        )
            .prop_map(|(title, close, sections, drugs, glossary)| {
                let mut raw = RawContent {
                    sections,
                    drugs,
                    glossary,
                    ..RawContent::default()
                };
                raw.meta.title = title;
                raw.strings.close = close;
                raw
            })
    }

    proptest! {
        #[test]
        fn round_trip(raw in content()) {
            let text = encode(&raw).unwrap();
            prop_assert_eq!(decode(&text), raw);
        }

        #[test]
        fn decoding_never_panics(text in "[a-z0-9\u{1f}]{0,40}") {
            let _ = decode(&text);
        }
    }

    #[test]
    fn the_separator_in_a_text_is_refused() {
        let mut raw = RawContent::default();
        raw.meta.title = "a\u{1f}b".into();
        assert!(encode(&raw).unwrap_err().message.contains("U+001F"));
    }

    #[test]
    fn the_shipped_content_round_trips() {
        let dir = crate::toml_source::ContentDir::read(&crate::toml_source::repository_dir(), "")
            .unwrap();
        let raw = dir.raw.unwrap();
        assert_eq!(decode(&encode(&raw).unwrap()), raw);
    }
}
