//! The content model: what the widget says, as plain data.
//!
//! Content arrives as [`RawContent`] (the documented JSON format, or the
//! editable TOML files in `content/` at build time) and becomes a validated
//! [`Content`] through [`Content::from_raw`]. Every problem is reported as a
//! [`ContentError`] that names the field, and the file and line when known.
//!
//! This module knows nothing of the browser: it builds and tests natively.

mod error;
mod markup;
mod model;
mod raw;
mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod toml_source;

pub use error::{ContentError, Location};
pub use markup::{parse_body, MarkupError, RawBlock, RawInline};
pub use model::{
    drug_anchor, name_key, Block, Content, Drug, GlossaryTerm, Inline, Meta, Section, Synonym,
    SynonymKind, UiStrings, SECTION_IDS,
};
pub use raw::{RawContent, RawDrug, RawMeta, RawSection, RawSynonym, RawTerm};

impl Content {
    /// Parses and validates content in the documented JSON format.
    ///
    /// Errors carry the JSON path of the field at fault.
    ///
    /// ```
    /// use treatment_guide::content::Content;
    /// let errors = Content::from_json("{ not json").unwrap_err();
    /// assert!(errors[0].message.contains("not valid content JSON"));
    /// ```
    pub fn from_json(text: &str) -> Result<Content, Vec<ContentError>> {
        let raw: RawContent = serde_json::from_str(text).map_err(|e| {
            vec![ContentError::new(
                Location::at_line(e.line()),
                format!("the file is not valid content JSON: {e}"),
            )]
        })?;
        Content::from_raw(raw)
    }
}
