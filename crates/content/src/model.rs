//! The validated content model: sections of blocks of inline text, drugs and
//! their other names, glossary terms. Built only by [`Content::from_raw`].

use serde::{Deserialize, Serialize};

/// The section ids, in page order. Deep links and the `open` attribute use them.
pub const SECTION_IDS: [&str; 9] = [
    "relapsed-and-refractory",
    "chemotherapy",
    "targeted-therapy",
    "radiation-therapy",
    "cns-treatment",
    "stem-cell-transplant",
    "immunotherapy",
    "supportive-therapy",
    "clinical-trials",
];

/// Validated content, ready to render and to index.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    /// Version, review date, title.
    pub meta: Meta,
    /// Words of the interface.
    pub strings: UiStrings,
    /// Sections in page order.
    pub sections: Vec<Section>,
    /// Drugs in file order; [`Inline::Drug`] points into this list.
    pub drugs: Vec<Drug>,
    /// Glossary; [`Inline::Term`] points into this list.
    pub glossary: Vec<GlossaryTerm>,
}

/// Facts about the content itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// Content version shown to readers.
    pub version: String,
    /// Date of the last medical review, `YYYY-MM-DD`.
    pub last_reviewed: String,
    /// Language of the text.
    pub language: String,
    /// Heading of the whole guide.
    pub title: String,
    /// One sentence under the title (may be empty).
    pub intro: String,
    /// The charity's own page about clinical trials, if it gives one.
    pub clinical_trials_link: Option<Link>,
}

/// A link to a page outside the guide, with its own words.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The words shown.
    pub text: String,
    /// Where it goes: `https:` or relative (checked by validation).
    pub href: String,
}

/// The id of the section that ends with [`Meta::clinical_trials_link`].
const CLINICAL_TRIALS: &str = "clinical-trials";

impl Content {
    /// The link shown at the end of a section, after its text: the charity's
    /// clinical-trials page for the clinical trials section, when it gives one.
    pub fn section_link(&self, section: &Section) -> Option<&Link> {
        (section.id == CLINICAL_TRIALS)
            .then_some(self.meta.clinical_trials_link.as_ref())
            .flatten()
    }
}

/// One collapsible treatment section.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// One of [`SECTION_IDS`].
    pub id: String,
    /// Heading text.
    pub title: String,
    /// One sentence under the heading (may be empty).
    pub summary: String,
    /// The body.
    pub blocks: Vec<Block>,
}

impl Section {
    /// The body as plain text, without markup: each paragraph and each list
    /// item on a line of its own, a blank line between blocks. Drug names,
    /// glossary terms and links give their shown words.
    ///
    /// ```
    /// use tg_content::{Block, Inline, Section};
    /// let section = Section {
    ///     id: "chemotherapy".into(),
    ///     title: "Chemotherapy".into(),
    ///     summary: String::new(),
    ///     blocks: vec![
    ///         Block::Paragraph(vec![Inline::Text("Drugs:".into())]),
    ///         Block::List(vec![
    ///             vec![Inline::Drug { text: "Oncovin".into(), drug: 0 }],
    ///             vec![Inline::Text("methotrexate".into())],
    ///         ]),
    ///     ],
    /// };
    /// assert_eq!(section.plain_text(), "Drugs:\n\nOncovin\nmethotrexate");
    /// ```
    pub fn plain_text(&self) -> String {
        let runs = |out: &mut String, inlines: &[Inline]| {
            for inline in inlines {
                out.push_str(inline.text());
            }
        };
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            match block {
                Block::Paragraph(inlines) => runs(&mut out, inlines),
                Block::List(items) => {
                    for (j, item) in items.iter().enumerate() {
                        if j > 0 {
                            out.push('\n');
                        }
                        runs(&mut out, item);
                    }
                }
            }
        }
        out
    }
}

/// A paragraph or a list.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A paragraph of inline runs.
    Paragraph(Vec<Inline>),
    /// A bulleted list; each item is a run of inlines.
    List(Vec<Vec<Inline>>),
}

/// A run of text inside a block.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// A drug name; `drug` indexes [`Content::drugs`].
    Drug {
        /// The words shown.
        text: String,
        /// Index into [`Content::drugs`].
        drug: usize,
    },
    /// A glossary term; `term` indexes [`Content::glossary`].
    Term {
        /// The words shown.
        text: String,
        /// Index into [`Content::glossary`].
        term: usize,
    },
    /// A link; `href` is `https:` or relative (checked by validation).
    Link {
        /// The words shown.
        text: String,
        /// Where it goes.
        href: String,
    },
}

impl Inline {
    /// The words shown for this run.
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(text)
            | Inline::Drug { text, .. }
            | Inline::Term { text, .. }
            | Inline::Link { text, .. } => text,
        }
    }
}

/// A drug, with every other name it goes by.
#[derive(Clone, Debug, PartialEq)]
pub struct Drug {
    /// Generic name.
    pub name: String,
    /// Id of the section of its treatment type.
    pub treatment: String,
    /// Plain description (may be empty).
    pub class: String,
    /// Other names.
    pub synonyms: Vec<Synonym>,
    /// Ids of the sections whose text mentions this drug, in page order.
    pub mentioned_in: Vec<String>,
}

impl Drug {
    /// The fragment id of this drug's card: `drug-` and the generic name with hyphens.
    pub fn anchor(&self) -> String {
        drug_anchor(&self.name)
    }
}

/// Another name of a drug.
#[derive(Clone, Debug, PartialEq)]
pub struct Synonym {
    /// The name as written.
    pub name: String,
    /// What kind of name it is.
    pub kind: SynonymKind,
}

/// The kinds of other names, in the order a drug card groups them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SynonymKind {
    /// A trade name (`Adriamycin`).
    Brand,
    /// A research code (`VP-16`).
    Code,
    /// A short form (`Ara-C`, `6-MP`).
    Abbreviation,
    /// Any other name (`daunomycin`).
    Other,
}

impl SynonymKind {
    /// All kinds, in display order.
    pub const ALL: [SynonymKind; 4] = [
        SynonymKind::Brand,
        SynonymKind::Code,
        SynonymKind::Abbreviation,
        SynonymKind::Other,
    ];

    /// Parses the word used in content files.
    ///
    /// ```
    /// use tg_content::SynonymKind;
    /// assert_eq!(SynonymKind::parse("brand"), Some(SynonymKind::Brand));
    /// assert_eq!(SynonymKind::parse("nickname"), None);
    /// ```
    pub fn parse(word: &str) -> Option<SynonymKind> {
        SynonymKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == word)
    }

    /// The word used in content files.
    pub fn as_str(self) -> &'static str {
        match self {
            SynonymKind::Brand => "brand",
            SynonymKind::Code => "code",
            SynonymKind::Abbreviation => "abbreviation",
            SynonymKind::Other => "other",
        }
    }
}

/// A glossary term with its definition.
#[derive(Clone, Debug, PartialEq)]
pub struct GlossaryTerm {
    /// The term as shown.
    pub term: String,
    /// Other forms used in the text.
    pub aliases: Vec<String>,
    /// Plain-words definition.
    pub definition: String,
}

/// Declares [`UiStrings`] once: the struct, its field names, the JSON reader
/// and its place in the built-in encoding (like [`crate::record`]).
macro_rules! ui_strings {
    ($($(#[doc = $doc:literal])* $field:ident,)*) => {
        /// The words of the interface, so a charity can reword or translate them.
        ///
        /// `{query}`, `{count}`, `{version}` and `{date}` are filled in where noted.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct UiStrings {
            $($(#[doc = $doc])* pub $field: String,)*
        }

        impl UiStrings {
            /// Every field's name, in order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The field called `name`.
            pub fn field(&self, name: &str) -> Option<&str> {
                match name {
                    $(stringify!($field) => Some(&self.$field),)*
                    _ => None,
                }
            }

        }

        impl crate::record::Record for UiStrings {
            const FIELDS: &'static [(&'static str, bool)] = &[$((stringify!($field), true)),*];
        }

        impl crate::record::Value for UiStrings {
            fn read(reader: &mut crate::read::Reader, value: &crate::json::Json, path: &str) -> Self {
                use crate::record::Record;
                let Some(members) = reader.object(value, path, Self::FIELDS) else {
                    return Self::default();
                };
                UiStrings { $($field: reader.field(members, path, stringify!($field)),)* }
            }

            fn encode(&self, out: &mut crate::encoding::Encoder) {
                $(out.text(&self.$field);)*
            }

            fn decode(input: &mut crate::encoding::Decoder) -> Self {
                UiStrings { $($field: input.text(),)* }
            }
        }
    };
}

ui_strings! {
    /// Button that opens every section.
    expand_all,
    /// Button that closes every section.
    collapse_all,
    /// Visible label of the drug lookup.
    lookup_label,
    /// Hint under the lookup field.
    lookup_hint,
    /// Shown when nothing matches; `{query}` is the reader's text.
    no_match,
    /// Announced for one suggestion.
    one_result,
    /// Announced for several suggestions; `{count}`.
    many_results,
    /// Card heading for other names.
    other_names,
    /// Group label for brand names.
    brand_names,
    /// Group label for codes.
    codes,
    /// Group label for abbreviations.
    abbreviations,
    /// Group label for any other names.
    also_called,
    /// Card label for the treatment type.
    treatment_type,
    /// Card label for the sections that mention the drug.
    mentioned_in,
    /// Button that closes a card or a definition.
    close,
    /// Footer; `{version}` and `{date}`.
    version_line,
    /// Announced when a drug card appears; `{drug}`.
    card_shown,
    /// Link from an inline drug name to its card; `{drug}`.
    show_card,
    /// Singular label of a brand name in suggestions.
    brand_name,
    /// Singular label of a code.
    code,
    /// Singular label of an abbreviation.
    abbreviation,
    /// Singular label of any other name.
    other_name,
    /// Label of the suggestions list.
    suggestions,
    /// Shown while a content file loads.
    loading,
    /// Shown in place of a widget that failed.
    crash,
    /// Shown when a content file cannot be used (details go to the console).
    content_error,
    /// Ends a list of problems cut short; `{count}` is how many more.
    more_problems,
    /// Shown above the plain guide when WebAssembly cannot run here.
    no_search,
    /// Shown above the plain guide when the widget's code could not be loaded.
    load_failed,
}

impl UiStrings {
    /// The singular label of a kind of name, for suggestions.
    pub fn kind_label(&self, kind: SynonymKind) -> &str {
        match kind {
            SynonymKind::Brand => &self.brand_name,
            SynonymKind::Code => &self.code,
            SynonymKind::Abbreviation => &self.abbreviation,
            SynonymKind::Other => &self.other_name,
        }
    }

    /// The plural label of a kind of name, for a drug card.
    pub fn kind_group(&self, kind: SynonymKind) -> &str {
        match kind {
            SynonymKind::Brand => &self.brand_names,
            SynonymKind::Code => &self.codes,
            SynonymKind::Abbreviation => &self.abbreviations,
            SynonymKind::Other => &self.also_called,
        }
    }
}

/// The key under which names are compared for duplicates, mentions and
/// deep links: the lookup's own fold ([`crate::key::normalize`]), so two
/// names that validation accepts as different never collide in the lookup.
///
/// ```
/// use tg_content::name_key;
/// assert_eq!(name_key("Ara-C"), name_key("Ará c"));
/// assert_ne!(name_key("Ph+ ALL"), name_key("Ph- ALL"));
/// ```
pub fn name_key(name: &str) -> String {
    crate::key::normalize(name)
}

/// The fragment id of a drug: `drug-` then the words of the generic name's
/// [`name_key`] joined by hyphens (ASCII for every Latin name). A deep link
/// is matched by key ([`name_key`]), so `#tg-drug-Méthotrexate`,
/// `#tg-drug-methotrexate` and `#tg-drug-METHOTREXATE` all find it.
///
/// ```
/// use tg_content::drug_anchor;
/// assert_eq!(drug_anchor("Inotuzumab ozogamicin"), "drug-inotuzumab-ozogamicin");
/// assert_eq!(drug_anchor("Étoposide"), "drug-etoposide");
/// ```
pub fn drug_anchor(name: &str) -> String {
    let mut folded = Vec::new();
    crate::key::fold_into(name, &mut folded);
    let mut anchor = String::from("drug");
    let mut word = None;
    for f in folded {
        if word != Some(f.word) {
            word = Some(f.word);
            anchor.push('-');
        }
        anchor.push(f.ch);
    }
    anchor
}
