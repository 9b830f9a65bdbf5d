//! The content file format, as it is written: the documented JSON format,
//! which the TOML files in `content/` mirror. Nothing here is checked yet.
//!
//! Each record is declared once with [`record!`](crate::record): that one
//! declaration is the struct, the JSON reader's field table and the record's
//! place in the built-in encoding.

use crate::record::record;

record! {
    /// A whole content file before validation.
    pub struct RawContent {
        /// Version, review date, title.
        meta: RawMeta,
        /// Words of the interface: only those that differ from the built-in
        /// ones of the file's language.
        strings: UiStrings = default,
        /// The treatment sections, in page order.
        sections: Vec<RawSection>,
        /// Every drug the sections name.
        drugs: Vec<RawDrug>,
        /// Terms explained inline.
        glossary: Vec<RawTerm> = default,
        /// The medical review of this text, written by `content-check
        /// --sign-review`; empty until a reviewer has signed.
        review: RawReview = default,
        /// Points for the reviewer: where the text reads an ambiguous or
        /// possibly dated source. Shown on the review sheet, never to readers.
        review_points: Vec<RawPoint> = reviewer,
    }
}

record! {
    /// A medical review, bound to the exact text reviewed by its fingerprint
    /// (see the `review` module). Written by `content-check --sign-review`, never by hand.
    pub struct RawReview {
        /// Who reviewed it, as the charity wishes to show it: a name and role, or only the role.
        by: String,
        /// When, `YYYY-MM-DD`.
        date: String,
        /// The fingerprint of every statement a reader sees, at the review:
        /// `sha256:` and 64 hex digits.
        fingerprint: String,
        /// A short fingerprint of each statement reviewed, in reader order, so
        /// that `content-check` and the review sheet can say which changed since.
        statements: Vec<String> = reviewer,
        /// Derived: `yes` when the text is still the one reviewed (set by
        /// `review::seal`; the widget computes no fingerprint).
        current: String = derived,
    }
}

record! {
    /// A point for the reviewer, worded neutrally, keeping the source's words.
    pub struct RawPoint {
        /// The id of the section it is about; empty for the whole text.
        section: String = default,
        /// The point.
        text: String,
    }
}

record! {
    /// Facts about the content itself.
    pub struct RawMeta {
        /// Content version shown to readers, e.g. `1.0.0`.
        version: String,
        /// No longer used: a review date now comes with the fingerprint of the
        /// text reviewed (`review`). A file that still gives it is read, with a warning.
        last_reviewed: String = default,
        /// When the text was last changed, `YYYY-MM-DD`: the footer gives it
        /// while the text has not had a medical review.
        updated: String = default,
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
        /// The fingerprint of the original text this translation was made
        /// from, written by `content-check --mark-translation`: when the
        /// original changes, the translation is out of date.
        from_fingerprint: String = default,
        /// The date of the original's medical review when that text was the
        /// one translated, `YYYY-MM-DD`; empty when it had none. Written by
        /// `content-check --mark-translation`.
        from_reviewed: String = default,
        /// No longer used: a translation's own review is its own `review`.
        /// A file that still gives it is read, with a warning.
        reviewed: String = default,
        /// Derived: `yes` when the original has changed since the translation
        /// (set by `review::seal` when the original is at hand).
        behind: String = derived,
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
        /// The section's own id: a slug (`feeling-sick`); the built-in guide
        /// uses [`crate::SECTION_IDS`].
        id: String,
        /// Short heading.
        title: String,
        /// One sentence shown under the heading.
        summary: String = default,
        /// Text in the body markup (see [`crate::parse_body`]).
        body: String,
        /// Where each statement of the body (each paragraph and each list
        /// item, in order) rests in the source: its heading and item, never
        /// its sentences. For the reviewer only; readers never see it.
        sources: Vec<String> = reviewer,
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
        /// Where the drug card rests in the source; for the reviewer only.
        source: String = reviewer,
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
        /// Where the definition rests in the source; for the reviewer only.
        source: String = reviewer,
    }
}

record! {
    /// The words of the interface, so a charity can reword or translate them.
    /// A file gives only the ones it changes: every other one comes from the
    /// built-in content of the file's language (English when the guide has
    /// no content in that language): see `languages.rs`.
    ///
    /// `{query}`, `{count}`, `{version}` and `{date}` are filled in where noted.
    pub struct UiStrings {
        /// Button that opens every section.
        expand_all: String = default,
        /// Button that closes every section.
        collapse_all: String = default,
        /// Visible label of the drug lookup.
        lookup_label: String = default,
        /// Hint under the lookup field.
        lookup_hint: String = default,
        /// Shown when nothing matches; `{query}` is the reader's text.
        no_match: String = default,
        /// Announced for one suggestion.
        one_result: String = default,
        /// Announced for several suggestions; `{count}`.
        many_results: String = default,
        /// Card heading for other names.
        other_names: String = default,
        /// Group label for brand names.
        brand_names: String = default,
        /// Group label for codes.
        codes: String = default,
        /// Group label for abbreviations.
        abbreviations: String = default,
        /// Group label for any other names.
        also_called: String = default,
        /// Card label for the treatment type.
        treatment_type: String = default,
        /// Card label for the sections that mention the drug.
        mentioned_in: String = default,
        /// Button that closes a card or a definition.
        close: String = default,
        /// Footer; `{version}`.
        version_line: String = default,
        /// Announced when a drug card appears; `{drug}`.
        card_shown: String = default,
        /// Link from an inline drug name to its card; `{drug}`.
        show_card: String = default,
        /// Singular label of a brand name in suggestions.
        brand_name: String = default,
        /// Singular label of a code.
        code: String = default,
        /// Singular label of an abbreviation.
        abbreviation: String = default,
        /// Singular label of any other name.
        other_name: String = default,
        /// Label of the suggestions list.
        suggestions: String = default,
        /// The lookup hint of a file that gives no `lookup_hint`; `{names}`
        /// is a few other names of the file's own drugs.
        lookup_hint_examples: String = default,
        /// Footer: when the text was medically reviewed; `{date}`.
        reviewed_line: String = default,
        /// Footer of a translation of a reviewed text; `{language}` (of the
        /// original), `{version}` (of the original) and `{date}` (its review).
        translation_line: String = default,
        /// Footer: where the text comes from; `{source}`.
        source_line: String = default,
        /// The twelve month names, in order, separated by commas.
        months: String = default,
        /// How a date is written; `{day}`, `{month}` and `{year}`.
        date_format: String = default,
        /// How the first day of a month is written (`1`, or `1er` in French).
        day_one: String = default,
        /// The names of languages, as the labels of names in another
        /// language and the footer of a translation use them: `code: name`
        /// pairs separated by commas (`en: English, fr: French`). A language
        /// missing here is called by the name its own built-in content gives
        /// it, else by its code.
        language_names: String = default,
        /// Card label of one name in another language; `{language}`.
        other_language_name: String = default,
        /// Card label of several names in another language; `{language}`.
        other_language_names: String = default,
        /// Shown while a content file loads.
        loading: String = default,
        /// Shown in place of a widget that failed.
        crash: String = default,
        /// Shown when a content file cannot be used (details go to the console).
        content_error: String = default,
        /// Ends a list of problems cut short; `{count}` is how many more.
        more_problems: String = default,
        /// Shown above the plain guide when WebAssembly cannot run here.
        no_search: String = default,
        /// Shown above the plain guide when the widget's code could not be loaded.
        load_failed: String = default,
        /// Footer: when the text was last changed; `{date}`.
        updated_line: String = default,
        /// Footer of a text that has never had a medical review.
        unreviewed_line: String = default,
        /// Footer of a text changed since its last medical review; `{date}` (of that review).
        changed_line: String = default,
        /// Footer of a translation of a text that has had no medical review;
        /// `{language}` and `{version}` (of the original).
        translation_unreviewed_line: String = default,
        /// Footer of a translation of an earlier version of its original;
        /// `{language}` and `{version}` (the version translated).
        translation_behind_line: String = default,
        /// Footer of a translation that has its own review record; `{language}`, `{version}`.
        translation_source_line: String = default,
        /// Footer of a translation without its own medical review.
        translation_own_line: String = default,
        /// Visible words of the button that reads a section or card aloud.
        listen: String = default,
        /// Name of that button; `{title}` is the section's or drug's name.
        listen_to: String = default,
        /// The same button while it speaks.
        listen_pause: String = default,
        /// The same button while speech is paused.
        listen_resume: String = default,
        /// Button that stops reading aloud.
        listen_stop: String = default,
        /// Toggle button for a slower reading speed.
        listen_slower: String = default,
        /// Label of the read-aloud controls.
        listen_controls: String = default,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::json::Json;
    use crate::record::{decode, encode, Value};

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
                sources: Vec::new(),
            });
        // Read from a tree, so the fields a synonym may leave out stay out.
        let synonym = (text(), text()).prop_map(|(name, kind)| {
            let tree = Json::Object(vec![
                ("name".into(), Json::String(name)),
                ("kind".into(), Json::String(kind)),
            ]);
            crate::record::read::<RawSynonym>(&tree).unwrap()
        });
        let drug = (text(), text(), text(), prop::collection::vec(synonym, 0..3)).prop_map(
            |(name, treatment, class, synonyms)| RawDrug {
                name,
                treatment,
                class,
                synonyms,
                source: String::new(),
            },
        );
        let term = (text(), prop::collection::vec(text(), 0..3), text()).prop_map(
            |(term, aliases, definition)| RawTerm {
                term,
                aliases,
                definition,
                source: String::new(),
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
            prop_assert_eq!(decode::<RawContent>(&text), raw.clone());
            prop_assert_eq!(crate::record::read::<RawContent>(&raw.to_json()).unwrap(), raw);
        }

        #[test]
        fn decoding_never_panics(text in "[a-z0-9\u{1f}]{0,40}") {
            let _ = decode::<RawContent>(&text);
        }
    }

    #[test]
    fn the_separator_in_a_text_is_refused() {
        let mut raw = RawContent::default();
        raw.meta.title = "a\u{1f}b".into();
        assert!(encode(&raw).unwrap_err().message.contains("U+001F"));
    }
}
