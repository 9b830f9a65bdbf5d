//! The validated content model: sections of blocks of inline text, drugs and
//! their other names, glossary terms. Built only by [`Content::from_raw`].

use crate::raw::UiStrings;

/// The section ids of the built-in guide, in page order; its deep links and
/// the `open` attribute use them. A content file may use its own ids.
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
    /// When the text was last changed, `YYYY-MM-DD`, if the content says.
    pub updated: Option<String>,
    /// The last medical review of this text (of the translation itself, for a
    /// translation), if it has had one.
    pub review: Option<Review>,
    /// Language of the text.
    pub language: String,
    /// Heading of the whole guide.
    pub title: String,
    /// One sentence under the title (may be empty).
    pub intro: String,
    /// The charity's own page about clinical trials, if it gives one.
    pub clinical_trials_link: Option<Link>,
    /// Where the text comes from, if the content says.
    pub source: Option<Source>,
    /// What a translated edition was translated from; `None` for an original text.
    pub translation: Option<Translation>,
}

/// The source a content file's text is based on, credited in the footer.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The words shown.
    pub text: String,
    /// The source page, when the content gives one (checked like [`Link::href`]).
    pub href: Option<String>,
}

/// A medical review, bound to the text reviewed by its fingerprint.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// Who reviewed it: a name and role, or only the role.
    pub by: String,
    /// When, `YYYY-MM-DD`.
    pub date: String,
    /// Whether the text is still the one reviewed (computed by the tools
    /// from the fingerprint, see `review::seal`); `false` once any
    /// statement a reader sees has changed.
    pub current: bool,
}

/// What a translated edition was translated from.
#[derive(Clone, Debug, PartialEq)]
pub struct Translation {
    /// Language of the original text: a language code (`en`).
    pub from_language: String,
    /// Content version of the original text.
    pub from_version: String,
    /// Date (`YYYY-MM-DD`) of the original's medical review, when the text
    /// translated was the one reviewed.
    pub from_reviewed: Option<String>,
    /// Whether the original has changed since the translation was made
    /// (known when the original was at hand, see `review::seal`).
    pub behind: bool,
}

impl Translation {
    /// Whether the original text has moved on since this translation was
    /// made: its version `current` is higher than [`Translation::from_version`]
    /// (compared number by number, `1.10.0` after `1.9.2`).
    ///
    /// ```
    /// use tg_content::Translation;
    /// let t = Translation { from_language: "en".into(), from_version: "1.9.2".into(),
    ///                      from_reviewed: None, behind: false };
    /// assert!(t.is_behind("1.10.0"));
    /// assert!(!t.is_behind("1.9.2"));
    /// assert!(!t.is_behind("1.9"));
    /// ```
    pub fn is_behind(&self, current: &str) -> bool {
        let numbers = |v: &str| -> Vec<u64> {
            v.trim()
                .split('.')
                .map(|part| {
                    let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
                    digits.parse().unwrap_or(0)
                })
                .collect()
        };
        let (mut from, mut now) = (numbers(&self.from_version), numbers(current));
        let len = from.len().max(now.len());
        from.resize(len, 0);
        now.resize(len, 0);
        now > from
    }
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
    /// The section's id: a slug, one of [`SECTION_IDS`] in the built-in guide.
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
    /// The name's language when it is not the content's: a language code (`fr`).
    pub lang: Option<String>,
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

    /// The name of the language `code`, as labels and the footer use it:
    /// from [`UiStrings::language_names`], else the name the built-in
    /// language gives itself ([`crate::languages::own_name`]), else the code.
    ///
    /// ```
    /// use tg_content::UiStrings;
    /// let strings = UiStrings { language_names: "en: anglais".into(), ..UiStrings::default() };
    /// assert_eq!(strings.language_name("en"), "anglais");
    /// assert_eq!(strings.language_name("fr"), "français");
    /// assert_eq!(strings.language_name("xx"), "xx");
    /// ```
    pub fn language_name<'a>(&'a self, code: &'a str) -> &'a str {
        crate::languages::named(&self.language_names, code)
            .or_else(|| crate::languages::own_name(code))
            .unwrap_or(code)
    }

    /// A `YYYY-MM-DD` date as readers write it, from [`UiStrings::months`],
    /// [`UiStrings::date_format`] and [`UiStrings::day_one`]; the text itself
    /// when it is not such a date or the month has no name.
    ///
    /// ```
    /// use tg_content::UiStrings;
    /// let strings = UiStrings {
    ///     months: "January, February, March, April, May, June, July, August, \
    ///              September, October, November, December".into(),
    ///     date_format: "{day} {month} {year}".into(),
    ///     day_one: "1st".into(),
    ///     ..UiStrings::default()
    /// };
    /// assert_eq!(strings.format_date("2026-11-26"), "26 November 2026");
    /// assert_eq!(strings.format_date("2026-03-01"), "1st March 2026");
    /// assert_eq!(strings.format_date("soon"), "soon");
    /// ```
    pub fn format_date(&self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-');
        let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next())
        else {
            return iso.to_owned();
        };
        let (Ok(m), Ok(d)) = (month.parse::<usize>(), day.parse::<u32>()) else {
            return iso.to_owned();
        };
        let Some(month_name) = m
            .checked_sub(1)
            .and_then(|i| self.months.split(',').nth(i))
            .map(str::trim)
            .filter(|name| !name.is_empty())
        else {
            return iso.to_owned();
        };
        let day = if d == 1 {
            self.day_one.clone()
        } else {
            d.to_string()
        };
        self.date_format
            .replace("{day}", &day)
            .replace("{month}", month_name)
            .replace("{year}", year)
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
