//! The content file format, as it is written: the documented JSON format,
//! which the TOML files in `content/` mirror. Nothing here is checked yet.
//!
//! Each record is declared once with [`record!`](crate::record): that one
//! declaration is the struct, the JSON reader's field table and the record's
//! place in the built-in encoding.

use crate::model::UiStrings;
use crate::record::record;

record! {
    /// A whole content file before validation.
    pub struct RawContent {
        /// Version, review date, title.
        meta: RawMeta,
        /// Words of the interface.
        strings: UiStrings,
        /// The treatment sections, in page order.
        sections: Vec<RawSection>,
        /// Every drug the sections name.
        drugs: Vec<RawDrug>,
        /// Terms explained inline.
        glossary: Vec<RawTerm> = default,
    }
}

record! {
    /// Facts about the content itself.
    pub struct RawMeta {
        /// Content version shown to readers, e.g. `1.0.0`.
        version: String,
        /// Date of the last medical review, `YYYY-MM-DD`.
        last_reviewed: String,
        /// Language of the text (`en`).
        language: String,
        /// Heading of the whole guide.
        title: String,
        /// One sentence under the title.
        intro: String = default,
        /// The charity's own page about clinical trials, shown at the end of
        /// the clinical trials section; none when both its fields are empty.
        clinical_trials_link: RawLink = default,
        /// Where the text comes from, credited in the footer; none when its text is empty.
        source: RawSource = default,
        /// For a translated edition: what it was translated from, and its own review.
        translation: RawTranslation = default,
    }
}

record! {
    /// The source a content file's text is based on.
    pub struct RawSource {
        /// The words shown, e.g. `Canadian Cancer Society`.
        text: String,
        /// An optional address of the source page: `https://…` or relative.
        url: String = default,
    }
}

record! {
    /// What a translated edition was translated from; empty for an original text.
    pub struct RawTranslation {
        /// Language of the text it was translated from, e.g. `en`.
        from_language: String,
        /// Content version of that text, e.g. `1.1.0`.
        from_version: String,
        /// Date of this translation's own medical review, `YYYY-MM-DD`; empty
        /// until it has had one (`meta.last_reviewed` is then the source's).
        reviewed: String = default,
    }
}

record! {
    /// A link to a page, with its own words.
    pub struct RawLink {
        /// The words of the link, e.g. `Clinical trials we support`.
        text: String,
        /// Where it goes: `https://…` or an address relative to the page.
        url: String,
    }
}

record! {
    /// One treatment section.
    pub struct RawSection {
        /// One of [`crate::SECTION_IDS`].
        id: String,
        /// Short heading.
        title: String,
        /// One sentence shown under the heading.
        summary: String = default,
        /// Text in the body markup (see [`crate::parse_body`]).
        body: String,
    }
}

record! {
    /// One drug and its other names.
    pub struct RawDrug {
        /// Generic name.
        name: String,
        /// Id of the section of its treatment type.
        treatment: String,
        /// Plain description, e.g. `chemotherapy drug`.
        class: String = default,
        /// Brand names, codes, abbreviations and other names.
        synonyms: Vec<RawSynonym> = default,
    }
}

record! {
    /// Another name of a drug.
    pub struct RawSynonym {
        /// The name as written.
        name: String,
        /// `brand`, `code`, `abbreviation` or `other`.
        kind: String,
        /// The language of the name when it is not the file's (`fr` in the English file for
        /// `doxorubicine`): still found by the lookup, labelled with its language on the card.
        lang: String = default,
    }
}

record! {
    /// A glossary term.
    pub struct RawTerm {
        /// The term as shown.
        term: String,
        /// Other forms used in the text (plurals, abbreviations).
        aliases: Vec<String> = default,
        /// Plain-words definition.
        definition: String,
    }
}
