//! The medical review, bound to the exact text reviewed.
//!
//! Every statement a reader sees ([`statements`]: the title and intro, each
//! section's heading, summary, paragraphs and list items, each glossary
//! entry, each drug card, the source credit and the interface words that
//! carry medical meaning, [`MEDICAL_STRINGS`]) has a canonical text. The
//! text's **fingerprint** ([`fingerprint`]) is `sha256:` and the SHA-256, in
//! lower-case hex, of the UTF-8 text made of one line per statement, in
//! reader order:
//!
//! ```text
//! <key> TAB <canonical text> LF
//! ```
//!
//! - `key` names the statement's place, the same in every language:
//!   `meta.title`, `meta.intro`, `meta.source`, `meta.clinical_trials_link`,
//!   `sections.<id>.title`, `sections.<id>.summary`, `sections.<id>.<n>` (the
//!   n-th paragraph or list item of the body, from 1), `glossary.<n>`,
//!   `drugs.<n>` (from 1, in file order), `strings.<name>`;
//! - the canonical text is the statement with every run of white space made
//!   one space and trimmed. Body text keeps its mentions as `{words|name}` and
//!   its links as `[words](url)`, so a mention that opens another definition
//!   is a change; a glossary entry is `term (aliases) : definition`; a drug
//!   card is `name ; class ; section id ; kind name [lang], …`.
//!
//! References (`sources`, `source`), review points and the review record
//! itself are not part of it: readers never see them.
//!
//! A review record (`review`, written by `content-check --sign-review`) holds
//! who, when, the fingerprint, and a short fingerprint of each statement
//! ([`short_fingerprint`]: 12 hex digits of the SHA-256 of the statement's
//! scope and text, so that a statement moved within its section, or a new one
//! before it, does not count as changed). [`changes`] compares them.
//!
//! The widget computes no fingerprint: [`seal`] runs where content is encoded
//! for it (`build.rs`, the prerender step, the content reader module) and
//! sets the record's derived verdicts.

use sha2::{Digest, Sha256};

use crate::error::{ContentError, Location};
use crate::languages::default_strings;
use crate::markup::{parse_body, RawBlock, RawInline};
use crate::raw::{RawContent, RawReview};
use crate::words::ordinal;

/// The value of a derived yes/no field in the built-in encoding.
pub const YES: &str = "yes";

/// How a fingerprint begins: the name of its hash.
pub const FINGERPRINT_PREFIX: &str = "sha256:";

/// How many hex digits of a statement's SHA-256 its short fingerprint keeps.
pub const SHORT_DIGITS: usize = 12;

/// The interface words that carry medical meaning: the lookup's label and
/// hints (they name drugs) and what a reader is told when a name is not found.
pub const MEDICAL_STRINGS: [&str; 4] = [
    "lookup_label",
    "lookup_hint",
    "lookup_hint_examples",
    "no_match",
];

/// What kind of statement it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The guide's title and intro, the source credit, a link.
    Guide,
    /// A section's title or summary.
    Heading,
    /// A paragraph of a section's body.
    Paragraph,
    /// A list item of a section's body.
    Item,
    /// A glossary entry.
    Term,
    /// A drug card.
    Drug,
    /// Interface words of [`MEDICAL_STRINGS`].
    Interface,
}

impl Kind {
    /// Whether a statement of this kind must name where it rests in the source.
    pub fn needs_source(self) -> bool {
        matches!(self, Kind::Paragraph | Kind::Item | Kind::Term | Kind::Drug)
    }
}

/// One statement a reader sees.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// Its place, the same in every language (see the module docs).
    pub key: String,
    /// What it is.
    pub kind: Kind,
    /// Where it is, as people say it: `Chemotherapy, 4th paragraph`.
    pub label: String,
    /// The path of its field in the content, for messages: `sections[1].body`.
    pub path: String,
    /// The canonical text (see the module docs).
    pub text: String,
    /// The words a reader sees (mentions and links as their words).
    pub shown: String,
    /// Where it rests in the source, when the content says.
    pub source: Option<String>,
    /// The scope of its short fingerprint: its section for body text, else its key.
    scope: String,
}

/// Every run of white space made one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The canonical and the shown text of a run of body inlines.
fn runs(inlines: &[RawInline]) -> (String, String) {
    let (mut text, mut shown) = (String::new(), String::new());
    for inline in inlines {
        match inline {
            RawInline::Text(t) => {
                text.push_str(t);
                shown.push_str(t);
            }
            RawInline::Mention {
                text: words, name, ..
            } => {
                text.push_str(&format!("{{{words}|{name}}}"));
                shown.push_str(words);
            }
            RawInline::Link {
                text: words, url, ..
            } => {
                text.push_str(&format!("[{words}]({url})"));
                shown.push_str(words);
            }
        }
    }
    (collapse(&text), collapse(&shown))
}

/// Every statement a reader sees, in reader order.
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// let raw = tg_content::toml_source::built_in("en").unwrap().raw.unwrap();
/// let all = tg_content::review::statements(&raw);
/// let first = all.iter().find(|s| s.key == "sections.chemotherapy.1").unwrap();
/// assert_eq!(first.label, "Chemotherapy, 1st paragraph");
/// assert!(first.text.contains("{relapsed|relapsed}"));
/// assert!(first.shown.starts_with("For relapsed and refractory ALL"));
/// # }
/// ```
pub fn statements(raw: &RawContent) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut push = |key: String,
                    kind,
                    label: String,
                    path: &str,
                    text: String,
                    shown: String,
                    source: Option<&str>,
                    scope: Option<String>| {
        if text.is_empty() {
            return;
        }
        out.push(Statement {
            scope: scope.unwrap_or_else(|| key.clone()),
            key,
            kind,
            label,
            path: path.to_owned(),
            text,
            shown,
            source: source
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        });
    };
    let meta = &raw.meta;
    let plain = |key: &str, label: &str, path: &str, text: &str| {
        (
            key.to_owned(),
            label.to_owned(),
            path.to_owned(),
            collapse(text),
        )
    };
    for (key, label, path, text) in [
        plain("meta.title", "Title", "meta.title", &meta.title),
        plain("meta.intro", "Introduction", "meta.intro", &meta.intro),
    ] {
        push(
            key,
            Kind::Guide,
            label,
            &path,
            text.clone(),
            text,
            None,
            None,
        );
    }
    let source = collapse(&format!("{} {}", meta.source.text, meta.source.url));
    push(
        "meta.source".into(),
        Kind::Guide,
        "Source credit".into(),
        "meta.source",
        source,
        collapse(&meta.source.text),
        None,
        None,
    );
    let link = &meta.clinical_trials_link;
    let text = collapse(&format!("{} {}", link.text, link.url));
    push(
        "meta.clinical_trials_link".into(),
        Kind::Guide,
        "Clinical trials link".into(),
        "meta.clinical_trials_link",
        text,
        collapse(&link.text),
        None,
        None,
    );
    for section in &raw.sections {
        let name = collapse(&section.title);
        let key = |what: &str| format!("sections.{}.{what}", section.id.trim());
        let path = |field: &str| {
            let i = raw
                .sections
                .iter()
                .position(|s| std::ptr::eq(s, section))
                .unwrap_or_default();
            format!("sections[{i}].{field}")
        };
        push(
            key("title"),
            Kind::Heading,
            format!("{name}, title"),
            &path("title"),
            name.clone(),
            name.clone(),
            None,
            None,
        );
        let summary = collapse(&section.summary);
        push(
            key("summary"),
            Kind::Heading,
            format!("{name}, summary"),
            &path("summary"),
            summary.clone(),
            summary,
            None,
            None,
        );
        let blocks = parse_body(&section.body).unwrap_or_else(|_| {
            vec![RawBlock::Paragraph(vec![RawInline::Text(
                section.body.clone(),
            )])]
        });
        let (mut n, mut paragraphs, mut items) = (0, 0, 0);
        for block in &blocks {
            let units: Vec<(Kind, &[RawInline])> = match block {
                RawBlock::Paragraph(inlines) => vec![(Kind::Paragraph, inlines.as_slice())],
                RawBlock::List(list) => list.iter().map(|i| (Kind::Item, i.as_slice())).collect(),
            };
            for (kind, inlines) in units {
                let (text, shown) = runs(inlines);
                let label = if kind == Kind::Paragraph {
                    paragraphs += 1;
                    format!("{name}, {} paragraph", ordinal(paragraphs - 1))
                } else {
                    items += 1;
                    format!("{name}, {} list item", ordinal(items - 1))
                };
                n += 1;
                let source = section.sources.get(n - 1).map(String::as_str);
                push(
                    key(&n.to_string()),
                    kind,
                    label,
                    &path("body"),
                    text,
                    shown,
                    source,
                    Some(format!("sections.{}", section.id.trim())),
                );
            }
        }
    }
    for (i, term) in raw.glossary.iter().enumerate() {
        let aliases = if term.aliases.is_empty() {
            String::new()
        } else {
            format!(" ({})", term.aliases.join(", "))
        };
        let text = collapse(&format!("{}{aliases} : {}", term.term, term.definition));
        let shown = collapse(&format!("{}: {}", term.term, term.definition));
        push(
            format!("glossary.{}", i + 1),
            Kind::Term,
            format!("Glossary, {}", collapse(&term.term)),
            &format!("glossary[{i}]"),
            text,
            shown,
            Some(&term.source),
            Some("glossary".to_owned()),
        );
    }
    for (i, drug) in raw.drugs.iter().enumerate() {
        let names: Vec<String> = drug
            .synonyms
            .iter()
            .map(|s| {
                if s.lang.trim().is_empty() {
                    format!("{} {}", s.kind.trim(), s.name.trim())
                } else {
                    format!("{} {} [{}]", s.kind.trim(), s.name.trim(), s.lang.trim())
                }
            })
            .collect();
        let text = collapse(&format!(
            "{} ; {} ; {} ; {}",
            drug.name,
            drug.class,
            drug.treatment,
            names.join(", ")
        ));
        let other: Vec<&str> = drug.synonyms.iter().map(|s| s.name.trim()).collect();
        let mut shown = collapse(&drug.name);
        if !drug.class.trim().is_empty() {
            shown.push_str(&format!(" ({})", collapse(&drug.class)));
        }
        if !other.is_empty() {
            shown.push_str(&format!(": {}", other.join(", ")));
        }
        push(
            format!("drugs.{}", i + 1),
            Kind::Drug,
            format!("Drug card, {}", collapse(&drug.name)),
            &format!("drugs[{i}]"),
            text,
            shown,
            Some(&drug.source),
            Some("drugs".to_owned()),
        );
    }
    let mut strings = raw.strings.clone();
    strings.fill_empty(&default_strings(&meta.language));
    for name in MEDICAL_STRINGS {
        let text = collapse(strings.field(name).unwrap_or_default());
        push(
            format!("strings.{name}"),
            Kind::Interface,
            format!("Interface words, {name}"),
            &format!("strings.{name}"),
            text.clone(),
            text,
            None,
            None,
        );
    }
    out
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The fingerprint of the statements: see the module docs.
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use tg_content::review::{fingerprint, statements};
/// let mut raw = tg_content::toml_source::built_in("en").unwrap().raw.unwrap();
/// let before = fingerprint(&statements(&raw));
/// assert!(before.starts_with("sha256:") && before.len() == 7 + 64);
/// raw.sections[0].sources.clear(); // references are not reader text
/// assert_eq!(fingerprint(&statements(&raw)), before);
/// raw.sections[0].body = raw.sections[0].body.replacen("ALL", "AML", 1);
/// assert_ne!(fingerprint(&statements(&raw)), before);
/// # }
/// ```
pub fn fingerprint(statements: &[Statement]) -> String {
    let mut text = String::new();
    for s in statements {
        text.push_str(&s.key);
        text.push('\t');
        text.push_str(&s.text);
        text.push('\n');
    }
    format!("{FINGERPRINT_PREFIX}{}", sha256_hex(&text))
}

/// A statement's short fingerprint: [`SHORT_DIGITS`] hex digits of the SHA-256
/// of its scope (its section for body text, else its key), a tab and its text.
pub fn short_fingerprint(statement: &Statement) -> String {
    let mut hex = sha256_hex(&format!("{}\t{}", statement.scope, statement.text));
    hex.truncate(SHORT_DIGITS);
    hex
}

/// The review record for the text as it is now.
pub fn sign(raw: &RawContent, by: &str, date: &str) -> RawReview {
    let all = statements(raw);
    RawReview {
        by: by.trim().to_owned(),
        date: date.trim().to_owned(),
        fingerprint: fingerprint(&all),
        statements: all.iter().map(short_fingerprint).collect(),
        current: String::new(),
    }
}

/// Whether the content has a review record.
pub fn has_review(raw: &RawContent) -> bool {
    !raw.review.fingerprint.trim().is_empty()
}

/// Whether the text is still the one its review record was signed for.
pub fn is_current(raw: &RawContent) -> bool {
    has_review(raw) && raw.review.fingerprint.trim() == fingerprint(&statements(raw))
}

/// What changed since the review.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// The statements that are new or changed since the review, in reader order.
    pub changed: Vec<Statement>,
    /// How many reviewed statements are no longer in the text as they were
    /// (removed, or changed: a changed one is also in `changed`).
    pub gone: usize,
}

/// The statements changed or new since the review record (none without a record).
pub fn changes(raw: &RawContent) -> Changes {
    if !has_review(raw) {
        return Changes::default();
    }
    let now = statements(raw);
    let shorts: Vec<String> = now.iter().map(short_fingerprint).collect();
    let gone = raw
        .review
        .statements
        .iter()
        .filter(|s| !shorts.contains(s))
        .count();
    let changed = now
        .into_iter()
        .zip(&shorts)
        .filter(|(_, short)| !raw.review.statements.contains(short))
        .map(|(s, _)| s)
        .collect();
    Changes { changed, gone }
}

/// Whether a translation's original has changed since it was translated:
/// its fingerprint is not the recorded one (or, for a translation that
/// records none, the original's version is higher).
pub fn translation_behind(translation: &RawContent, original: &RawContent) -> bool {
    let t = &translation.meta.translation;
    let recorded = t.from_fingerprint.trim();
    if recorded.is_empty() {
        let facts = crate::model::Translation {
            from_language: t.from_language.clone(),
            from_version: t.from_version.clone(),
            from_reviewed: None,
            behind: false,
        };
        return facts.is_behind(&original.meta.version);
    }
    recorded != fingerprint(&statements(original))
}

/// Records in a translation the original it was made from, as it is now:
/// its version, fingerprint and, when it is the text reviewed, its review date.
pub fn mark_translation(translation: &mut RawContent, original: &RawContent) {
    let t = &mut translation.meta.translation;
    t.from_language = original.meta.language.trim().to_owned();
    t.from_version = original.meta.version.trim().to_owned();
    t.from_fingerprint = fingerprint(&statements(original));
    t.from_reviewed = if is_current(original) {
        original.review.date.trim().to_owned()
    } else {
        String::new()
    };
}

/// Prepares content for the widget, which computes no fingerprint: sets the
/// derived verdicts (whether the text is the one reviewed; for a translation
/// whose `original` is at hand, whether the original has changed since and
/// whether the text translated was reviewed) and drops what only reviewers
/// read (references, review points, per-statement fingerprints). Sealing
/// twice gives the same content.
pub fn seal(raw: &mut RawContent, original: Option<&RawContent>) {
    let yes = |b: bool| if b { YES.to_owned() } else { String::new() };
    raw.review.current = yes(is_current(raw));
    let is_translation = !raw.meta.translation.from_language.trim().is_empty();
    if let Some(original) = original.filter(|_| is_translation) {
        let behind = translation_behind(raw, original);
        raw.meta.translation.behind = yes(behind);
        // What the footer may say of the original's review, from the original itself.
        raw.meta.translation.from_reviewed = if !behind
            && !raw.meta.translation.from_fingerprint.trim().is_empty()
            && is_current(original)
        {
            original.review.date.trim().to_owned()
        } else {
            String::new()
        };
    }
    for section in &mut raw.sections {
        section.sources.clear();
    }
    for term in &mut raw.glossary {
        term.source.clear();
    }
    for drug in &mut raw.drugs {
        drug.source.clear();
    }
    raw.review_points.clear();
    raw.review.statements.clear();
}

/// Warnings about references: every statement that needs one and has none
/// (one warning when the file gives none at all), and a section with more
/// references than statements. A translation with no references of its own
/// shares its original's, by position, and gets none.
pub fn reference_warnings(raw: &RawContent) -> Vec<ContentError> {
    let all = statements(raw);
    let needing: Vec<&Statement> = all.iter().filter(|s| s.kind.needs_source()).collect();
    let given = needing.iter().filter(|s| s.source.is_some()).count();
    let is_translation = !raw.meta.translation.from_language.trim().is_empty();
    let mut warnings = Vec::new();
    let warn = |path: &str, message: String| {
        ContentError::new(Location::at_path(path.to_owned()), message)
    };
    if given == 0 {
        if !is_translation && !needing.is_empty() {
            warnings.push(warn(
                "",
                format!(
                    "none of the {} statements names where it rests in the source; give each section a sources list (one reference a paragraph or list item, in order) and each glossary term and drug a source (see the README's editor section)",
                    needing.len()
                ),
            ));
        }
        return warnings;
    }
    for s in &needing {
        if s.source.is_none() {
            let field = match s.kind {
                Kind::Term | Kind::Drug => "source",
                _ => "sources",
            };
            warnings.push(warn(
                &format!("{}.{field}", s.path.trim_end_matches(".body")),
                format!(
                    "{}: \"{}\" has no reference to where it rests in the source; add one to {field}",
                    s.label,
                    crate::words::quoted(&s.shown)
                ),
            ));
        }
    }
    for (i, section) in raw.sections.iter().enumerate() {
        let count = all
            .iter()
            .filter(|s| s.scope == format!("sections.{}", section.id.trim()))
            .count();
        if section.sources.len() > count {
            warnings.push(warn(
                &format!("sections[{i}].sources"),
                format!(
                    "{}: sources has {} references for {count} paragraphs and list items; keep one a statement, in order",
                    collapse(&section.title),
                    section.sources.len()
                ),
            ));
        }
    }
    warnings
}
