//! treatment-guide content: what the widget says, as plain data.
//!
//! Content arrives as a tree ([`Json`]: a JSON file, or the editable TOML
//! files in `content/` at build time), is read by the one reader into
//! [`RawContent`], and becomes a validated [`Content`] through
//! [`Content::from_raw`]. Every problem is reported as a [`ContentError`]
//! in plain words, with the file and line when known. Validated content
//! travels to the widget [`Sealed`], and the widget opens it with
//! [`Content::from_sealed`] without validating it again.
//!
//! The first layer of the data flow (content ← lookup ← ui ← widget): this
//! crate knows nothing of the browser and depends on no other layer. It also
//! holds what every layer must agree on: case folding ([`case`]), the one
//! name key ([`key`]) and the built-in encoding ([`encoding`]).
//!
//! Its modules import one another in one direction only: the generic codec
//! (`words`, `error`, `json`, `read`, `encoding`, `record`) knows nothing of
//! the format; `raw` declares the format with it; `file` (a content file's
//! text read the one way), `model`, `languages`, `review`, `validate`,
//! `plain_language`, `check`, `sealed` and `sheet` build on `raw`;
//! `toml_source` on all of them. A test (`tests/modules.rs`) keeps it so.

pub mod case;
mod check;
#[cfg(not(target_arch = "wasm32"))]
pub mod discover;
pub mod encoding;
mod error;
mod file;
pub mod folder;
pub mod json;
pub mod key;
pub mod languages;
mod markup;
mod model;
pub mod plain_language;
mod raw;
pub mod read;
pub mod readability;
pub mod record;
pub mod review;
mod sealed;
pub mod sheet;
mod validate;
pub mod words;

#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
#[cfg(not(target_arch = "wasm32"))]
pub mod toml_source;

pub use check::Check;
pub use error::{ContentError, Location};
pub use file::{ContentFile, MAX_CONTENT_BYTES};
pub use json::Json;
pub use markup::{
    is_safe_url, parse_body, plain_body, MarkupError, PlainBody, RawBlock, RawInline,
};
pub use model::{
    drug_anchor, name_key, Block, Content, Drug, GlossaryTerm, Inline, Link, Meta, Review, Section,
    Source, Synonym, SynonymKind, Translation, SECTION_IDS,
};
pub use raw::{
    RawContent, RawDrug, RawLink, RawMeta, RawPoint, RawReview, RawSection, RawSource, RawSynonym,
    RawTerm, RawTranslation, UiStrings,
};
pub use sealed::Sealed;

/// Reads content in the documented format from a tree, or every problem
/// found in its shape.
///
/// ```
/// use tg_content::{json, read_content};
/// let value = json::parse(r#"{"meta": {}, "sections": [], "drugs": [], "colour": 1}"#).unwrap();
/// let errors = read_content(&value).unwrap_err();
/// assert_eq!(errors[0].message, "the file has a field \"colour\" that is not part of the format; \
///     the fields there are meta, strings, sections, drugs, glossary, review or review_points");
/// ```
pub fn read_content(value: &Json) -> Result<RawContent, Vec<ContentError>> {
    record::read(value)
}

impl Content {
    /// Parses and validates content in the documented JSON format, read
    /// the one way ([`ContentFile::read`]), every problem at its line.
    ///
    /// ```
    /// use tg_content::Content;
    /// let errors = Content::from_json("{ not json").unwrap_err();
    /// assert!(errors[0].message.starts_with("the file is not valid JSON: on line 1"));
    /// ```
    pub fn from_json(text: &str) -> Result<Content, Vec<ContentError>> {
        ContentFile::read(text).finish(Content::from_raw)
    }
}
