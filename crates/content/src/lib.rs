//! treatment-guide content: what the widget says, as plain data.
//!
//! Content arrives as [`RawContent`] (the documented JSON format, or the
//! editable TOML files in `content/` at build time) and becomes a validated
//! [`Content`] through [`Content::from_raw`]. Every problem is reported as a
//! [`ContentError`] that names the field, and the file and line when known.
//!
//! The first layer of the data flow (content ← lookup ← ui ← widget): this
//! crate knows nothing of the browser and depends on no other layer. It also
//! holds what every layer must agree on: case folding ([`case`]), the one
//! name key ([`key`]) and the built-in encoding ([`encoding`]).

pub mod case;
pub mod encoding;
mod error;
pub mod json;
pub mod key;
mod markup;
mod model;
pub mod plain_language;
mod raw;
pub mod read;
pub mod readability;
pub mod record;
mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod toml_source;

pub use error::{ContentError, Location};
pub use json::Json;
pub use markup::{
    is_safe_url, parse_body, plain_body, MarkupError, PlainBody, RawBlock, RawInline,
};
pub use model::{
    drug_anchor, name_key, Block, Content, Drug, GlossaryTerm, Inline, Link, Meta, Section, Source,
    Synonym, SynonymKind, Translation, UiStrings, NAMED_LANGUAGES, SECTION_IDS,
};
pub use raw::{
    RawContent, RawDrug, RawLink, RawMeta, RawSection, RawSource, RawSynonym, RawTerm,
    RawTranslation,
};
pub use read::read_content;

/// The largest content file accepted, in bytes (2 MiB): enough for tens of
/// thousands of drug names, small enough that a wrong URL cannot stall a phone.
pub const MAX_CONTENT_BYTES: usize = 2 * 1024 * 1024;

impl Content {
    /// Reads and validates an already parsed JSON tree in the documented format.
    pub fn from_json_value(value: &Json) -> Result<Content, Vec<ContentError>> {
        Content::from_raw(read_content(value)?)
    }

    /// Parses and validates content in the documented JSON format (natively).
    ///
    /// Errors carry the JSON path of the field at fault, for wrong types and
    /// missing fields as well as for failed checks. Natively the text is parsed
    /// by `serde_json`, in the browser by `JSON.parse` (see [`json`]).
    ///
    /// ```
    /// use tg_content::Content;
    /// let errors = Content::from_json("{ not json").unwrap_err();
    /// assert!(errors[0].message.starts_with("the file is not valid JSON (line 1, column 3)"));
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Content, Vec<ContentError>> {
        Content::from_text(text, json::parse)
    }

    /// Reads and validates content JSON text, parsed by `parse` (natively
    /// [`json::parse`]; in the browser, `JSON.parse`) after [`check_size`].
    pub fn from_text(
        text: &str,
        parse: impl FnOnce(&str) -> Result<Json, ContentError>,
    ) -> Result<Content, Vec<ContentError>> {
        let value = parse_text(text, parse).map_err(|e| vec![e])?;
        Content::from_json_value(&value)
    }
}

/// Content JSON text as a [`Json`] tree: refused over [`MAX_CONTENT_BYTES`],
/// then parsed by `parse`. The one way every reader of a file starts.
pub fn parse_text(
    text: &str,
    parse: impl FnOnce(&str) -> Result<Json, ContentError>,
) -> Result<Json, ContentError> {
    check_size(text)?;
    parse(text)
}

/// What checking a content file found: every error, and the plain-language
/// check. What `content-check`, the build and the browser checker report.
#[derive(Clone, Debug, Default)]
pub struct Check {
    /// The validated content, when there is no error.
    pub content: Option<Content>,
    /// Every error: the widget refuses a file with any.
    pub errors: Vec<ContentError>,
    /// The plain-language check, when the file could be read as content
    /// (even with errors in its values).
    pub plain_language: Option<plain_language::PlainLanguage>,
}

impl Check {
    /// A file that could not be read at all.
    pub fn failed(errors: Vec<ContentError>) -> Check {
        Check {
            errors,
            ..Check::default()
        }
    }

    /// Checks content as written.
    pub fn of_raw(raw: RawContent) -> Check {
        let plain = plain_language::check(&raw);
        let (content, errors) = match Content::from_raw(raw) {
            Ok(content) => (Some(content), Vec::new()),
            Err(errors) => (None, errors),
        };
        Check {
            content,
            errors,
            plain_language: Some(plain),
        }
    }

    /// Checks an already parsed JSON tree in the documented format.
    pub fn of_value(value: &Json) -> Check {
        match read_content(value) {
            Ok(raw) => Check::of_raw(raw),
            Err(errors) => Check::failed(errors),
        }
    }

    /// Checks content JSON text (natively; in the browser, parse it with
    /// `JSON.parse` and use [`Check::of_value`]).
    ///
    /// ```
    /// let check = tg_content::Check::of_json("{}");
    /// assert_eq!(check.errors.len(), 4, "four missing fields");
    /// assert!(check.warnings().is_empty());
    /// ```
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of_json(text: &str) -> Check {
        Check::of_text(text, json::parse)
    }

    /// Checks content JSON text, parsed by `parse` (see [`parse_text`]).
    pub fn of_text(text: &str, parse: impl FnOnce(&str) -> Result<Json, ContentError>) -> Check {
        match parse_text(text, parse) {
            Ok(value) => Check::of_value(&value),
            Err(error) => Check::failed(vec![error]),
        }
    }

    /// The plain-language warnings.
    pub fn warnings(&self) -> &[ContentError] {
        self.plain_language
            .as_ref()
            .map_or(&[], |plain| plain.warnings.as_slice())
    }
}

/// Refuses a content text over [`MAX_CONTENT_BYTES`], before it is parsed.
pub fn check_size(text: &str) -> Result<(), ContentError> {
    if text.len() <= MAX_CONTENT_BYTES {
        return Ok(());
    }
    let message = format!(
        "the file is {} KiB, more than the {} KiB a content file may have",
        text.len() / 1024,
        MAX_CONTENT_BYTES / 1024
    );
    Err(ContentError::new(Location::default(), message))
}
