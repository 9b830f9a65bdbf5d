//! The content file format, as it is written: the documented JSON format,
//! which the TOML files in `content/` mirror. Nothing here is checked yet.

use serde::{Deserialize, Serialize};

use super::model::UiStrings;

/// A whole content file before validation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContent {
    /// Version, review date, title.
    pub meta: RawMeta,
    /// Words of the interface.
    pub strings: UiStrings,
    /// The treatment sections, in page order.
    pub sections: Vec<RawSection>,
    /// Every drug the sections name.
    pub drugs: Vec<RawDrug>,
    /// Terms explained inline.
    #[serde(default)]
    pub glossary: Vec<RawTerm>,
}

/// Facts about the content itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    /// Content version shown to readers, e.g. `1.0.0`.
    pub version: String,
    /// Date of the last medical review, `YYYY-MM-DD`.
    pub last_reviewed: String,
    /// Language of the text (`en`).
    pub language: String,
    /// Heading of the whole guide.
    pub title: String,
    /// One sentence under the title.
    #[serde(default)]
    pub intro: String,
}

/// One treatment section.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    /// One of [`super::SECTION_IDS`].
    pub id: String,
    /// Short heading.
    pub title: String,
    /// One sentence shown under the heading.
    #[serde(default)]
    pub summary: String,
    /// Text in the body markup (see [`super::parse_body`]).
    pub body: String,
}

/// One drug and its other names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDrug {
    /// Generic name.
    pub name: String,
    /// Id of the section of its treatment type.
    pub treatment: String,
    /// Plain description, e.g. `chemotherapy drug`.
    #[serde(default)]
    pub class: String,
    /// Brand names, codes, abbreviations and other names.
    #[serde(default)]
    pub synonyms: Vec<RawSynonym>,
}

/// Another name of a drug.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSynonym {
    /// The name as written.
    pub name: String,
    /// `brand`, `code`, `abbreviation` or `other`.
    pub kind: String,
}

/// A glossary term.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    /// The term as shown.
    pub term: String,
    /// Other forms used in the text (plurals, abbreviations).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Plain-words definition.
    pub definition: String,
}
