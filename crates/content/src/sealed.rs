//! Validated content, sealed: how content that validation accepted travels
//! to the widget (the built-in content compiled in by `build.rs`, the
//! language files the prerender step writes, what the content reader
//! returns), and how the widget opens it without validating it again.
//!
//! [`Sealed`] can only be made from a [`Content`], which only validation
//! ([`Content::from_raw`]) makes, and [`Content::from_sealed`] refuses any
//! text that does not start with its mark: a content file (JSON) or raw
//! content cannot be opened by mistake without validation. Opening checks
//! only that the text is whole and that every mention points at a drug or
//! a glossary term that exists, so a damaged file gives a message, never a
//! panic. The fields are those of the [`crate::model`] types, in declaration
//! order, written with the built-in encoding ([`crate::encoding`]).

use crate::encoding::{Decoder, Encoder};
use crate::error::{ContentError, Location};
use crate::model::{
    Block, Content, Drug, GlossaryTerm, Inline, Link, Meta, Review, Section, Source, Synonym,
    SynonymKind, Translation,
};
use crate::raw::UiStrings;
use crate::record::Value;

/// The first and the last field of every sealed text: `tg-` and a fingerprint of the
/// names of every sealed type and field (`SHAPE`), so that a text sealed
/// by a build whose model has other fields is refused.
fn mark() -> String {
    // FNV-1a, 64 bits.
    let hash = SHAPE.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("tg-{hash:016x}")
}

/// Validated content in the built-in encoding, ready for the widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed(String);

impl Sealed {
    /// Seals validated content. Fails when a text holds the encoding's
    /// separator (U+001F), a control character no content needs.
    pub fn of(content: &Content) -> Result<Sealed, ContentError> {
        let mut out = Encoder::default();
        out.text(&mark());
        content.put(&mut out);
        // The mark again, so that a text cut short in its last field is
        // refused too.
        out.text(&mark());
        out.finish().map(Sealed)
    }

    /// The sealed text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The sealed text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl Content {
    /// Opens content that was validated before it was sealed ([`Sealed`]),
    /// without validating it again. Refuses a text that is not sealed
    /// content, is damaged, or was sealed by another version of the model.
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// use tg_content::{Content, Sealed};
    /// let content = tg_content::toml_source::shipped();
    /// let sealed = Sealed::of(&content).unwrap();
    /// assert_eq!(Content::from_sealed(sealed.as_str()).unwrap(), content);
    /// let json = r#"{"meta": {"version": "1"}}"#;
    /// assert!(Content::from_sealed(json).unwrap_err().message.contains("not content the build or the content reader checked"));
    /// # }
    /// ```
    pub fn from_sealed(text: &str) -> Result<Content, ContentError> {
        let refused = |why: &str| {
            ContentError::new(
                Location::default(),
                format!("it is not content the build or the content reader checked ({why})"),
            )
        };
        let mut input = Decoder::new(text);
        if input.text() != mark() {
            return Err(refused("it does not start as sealed content does"));
        }
        let content = Content::take(&mut input);
        if input.text() != mark() || !input.finish() {
            return Err(refused("it is incomplete or of another version"));
        }
        if !content.mentions_exist() {
            return Err(refused("a mention points at nothing"));
        }
        Ok(content)
    }

    /// Whether every drug and term mention points into its list.
    fn mentions_exist(&self) -> bool {
        self.sections
            .iter()
            .flat_map(|section| &section.blocks)
            .flat_map(|block| match block {
                Block::Paragraph(runs) => std::slice::from_ref(runs),
                Block::List(items) => items.as_slice(),
            })
            .flatten()
            .all(|run| match run {
                Inline::Drug { drug, .. } => *drug < self.drugs.len(),
                Inline::Term { term, .. } => *term < self.glossary.len(),
                Inline::Text(_) | Inline::Link { .. } => true,
            })
    }
}

/// A value of the model, written to and read from a sealed text.
trait Seal: Sized {
    fn put(&self, out: &mut Encoder);
    fn take(input: &mut Decoder) -> Self;
}

impl Seal for String {
    fn put(&self, out: &mut Encoder) {
        out.text(self);
    }
    fn take(input: &mut Decoder) -> Self {
        input.text()
    }
}

impl Seal for usize {
    fn put(&self, out: &mut Encoder) {
        out.text(&self.to_string());
    }
    fn take(input: &mut Decoder) -> Self {
        input.text().parse().unwrap_or(usize::MAX)
    }
}

impl Seal for bool {
    fn put(&self, out: &mut Encoder) {
        out.text(if *self { "1" } else { "" });
    }
    fn take(input: &mut Decoder) -> Self {
        input.text() == "1"
    }
}

impl<T: Seal> Seal for Vec<T> {
    fn put(&self, out: &mut Encoder) {
        out.count(self.len());
        for item in self {
            item.put(out);
        }
    }
    fn take(input: &mut Decoder) -> Self {
        (0..input.count()).map(|_| T::take(input)).collect()
    }
}

impl<T: Seal> Seal for Option<T> {
    fn put(&self, out: &mut Encoder) {
        out.count(usize::from(self.is_some()));
        if let Some(value) = self {
            value.put(out);
        }
    }
    fn take(input: &mut Decoder) -> Self {
        (input.count() > 0).then(|| T::take(input))
    }
}

impl Seal for UiStrings {
    fn put(&self, out: &mut Encoder) {
        self.encode(out);
    }
    fn take(input: &mut Decoder) -> Self {
        UiStrings::decode(input)
    }
}

impl Seal for SynonymKind {
    fn put(&self, out: &mut Encoder) {
        out.text(self.as_str());
    }
    fn take(input: &mut Decoder) -> Self {
        SynonymKind::parse(&input.text()).unwrap_or(SynonymKind::Other)
    }
}

/// Seals a struct as its fields in order, and names them all in `SHAPE`.
macro_rules! fields {
    ($($name:ident { $($field:ident),* })*) => {
        /// The names of every sealed struct and its fields, and of the
        /// variants' tags: what `mark` fingerprints.
        const SHAPE: &str = concat!(
            $(stringify!($name), "{", $(stringify!($field), ",",)* "}",)*
            "Block{p,l}Inline{t,d,g,a}"
        );
        $(
        impl Seal for $name {
            fn put(&self, out: &mut Encoder) {
                $(self.$field.put(out);)*
            }
            fn take(input: &mut Decoder) -> Self {
                $name { $($field: Seal::take(input)),* }
            }
        }
        )*
    };
}

fields! {
    Content { meta, strings, sections, drugs, glossary }
    Meta { version, updated, review, language, title, intro, clinical_trials_link, source, translation }
    Review { by, date, current }
    Link { text, href }
    Source { text, href }
    Translation { from_language, from_version, from_reviewed, behind }
    Section { id, title, summary, blocks }
    Drug { name, treatment, class, synonyms, mentioned_in }
    Synonym { name, kind, lang }
    GlossaryTerm { term, aliases, definition }
}

impl Seal for Block {
    fn put(&self, out: &mut Encoder) {
        match self {
            Block::Paragraph(runs) => {
                out.text("p");
                runs.put(out);
            }
            Block::List(items) => {
                out.text("l");
                items.put(out);
            }
        }
    }
    fn take(input: &mut Decoder) -> Self {
        match input.text().as_str() {
            "l" => Block::List(Seal::take(input)),
            _ => Block::Paragraph(Seal::take(input)),
        }
    }
}

impl Seal for Inline {
    fn put(&self, out: &mut Encoder) {
        match self {
            Inline::Text(text) => {
                out.text("t");
                text.put(out);
            }
            Inline::Drug { text, drug } => {
                out.text("d");
                text.put(out);
                drug.put(out);
            }
            Inline::Term { text, term } => {
                out.text("g");
                text.put(out);
                term.put(out);
            }
            Inline::Link { text, href } => {
                out.text("a");
                text.put(out);
                href.put(out);
            }
        }
    }
    fn take(input: &mut Decoder) -> Self {
        let kind = input.text();
        let text = input.text();
        match kind.as_str() {
            "d" => Inline::Drug {
                text,
                drug: Seal::take(input),
            },
            "g" => Inline::Term {
                text,
                term: Seal::take(input),
            },
            "a" => Inline::Link {
                text,
                href: input.text(),
            },
            _ => Inline::Text(text),
        }
    }
}
