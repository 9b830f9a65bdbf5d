//! Validation: turns [`RawContent`] into [`Content`], or lists every problem.

use std::collections::HashMap;

use crate::error::{ContentError, Location};
use crate::languages::default_strings;
use crate::markup::{is_safe_url, parse_body, RawBlock, RawInline};
use crate::model::{
    name_key, Block, Content, Drug, GlossaryTerm, Inline, Link, Meta, Review, Section, Source,
    Synonym, SynonymKind, Translation,
};
use crate::raw::{RawContent, RawLink, RawReview, RawSource, RawTranslation, UiStrings};
use crate::words::{did_you_mean, one_of, ordinal, quoted};

/// What a name in the text can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Drug(usize),
    Term(usize),
}

/// Collects errors while validation goes on, so that one run reports them
/// all; each message starts with the item it is about, as people name it.
struct Report<'a> {
    raw: &'a RawContent,
    errors: Vec<ContentError>,
}

impl Report<'_> {
    /// Adds `message` about the field at `path`, after the item's name.
    fn add(&mut self, path: impl Into<String>, message: impl AsRef<str>) {
        let path = path.into();
        let message = format!("{}: {}", describe(self.raw, &path), message.as_ref());
        self.errors
            .push(ContentError::new(Location::at_path(path), message));
    }

    fn add_in_text(&mut self, path: &str, text_line: usize, message: impl AsRef<str>) {
        let location = Location {
            text_line: Some(text_line),
            ..Location::at_path(path)
        };
        let message = format!(
            "{}, {} line: {}",
            describe(self.raw, path),
            ordinal(text_line),
            message.as_ref()
        );
        self.errors.push(ContentError::new(location, message));
    }

    fn require(&mut self, path: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.add(path, "must not be empty");
        }
    }

    /// Rejects text longer than `max` characters (a pasted page, a runaway string).
    fn limit(&mut self, path: impl Into<String>, value: &str, max: usize) {
        let count = value.chars().count();
        if count > max {
            self.add(
                path,
                format!("is {count} characters long; at most {max} are allowed"),
            );
        }
    }
}

/// The item a path is about, as people name it, then the field:
/// `drugs[0].synonyms[1].name` is `the 1st drug, ondansetron, its 2nd other name`.
fn describe(raw: &RawContent, path: &str) -> String {
    let index = |rest: &str| -> Option<(usize, String)> {
        let (i, after) = rest.strip_prefix('[')?.split_once(']')?;
        Some((i.parse().ok()?, after.trim_start_matches('.').to_owned()))
    };
    let field = |name: &str| -> String {
        let mut parts = Vec::new();
        for segment in name.split('.').filter(|s| !s.is_empty()) {
            match segment.split_once('[') {
                Some((list, i)) => {
                    let i: usize = i.trim_end_matches(']').parse().unwrap_or_default();
                    let item = match list {
                        "synonyms" => "other name",
                        "aliases" => "other form",
                        other => other,
                    };
                    parts.push(format!("its {} {item}", ordinal(i)));
                }
                None if segment == "body" => parts.push("its text".to_owned()),
                // "its 2nd other name, its name": the item says it.
                None if segment == "name" && !parts.is_empty() => {}
                None => parts.push(format!("its {}", segment.replace('_', " "))),
            }
        }
        parts.join(", ")
    };
    let join = |item: String, rest: &str| {
        let rest = field(rest);
        if rest.is_empty() {
            item
        } else {
            format!("{item}, {rest}")
        }
    };
    let named = |what: &str, i: usize, name: &str| {
        if name.trim().is_empty() {
            format!("the {} {what}", ordinal(i))
        } else {
            format!("the {} {what}, \"{}\"", ordinal(i), quoted(name))
        }
    };
    if let Some(rest) = path.strip_prefix("drugs").and_then(index) {
        let name = raw.drugs.get(rest.0).map_or("", |d| d.name.as_str());
        let item = if name.trim().is_empty() {
            format!("the {} drug", ordinal(rest.0))
        } else {
            format!("the {} drug, {}", ordinal(rest.0), quoted(name))
        };
        return join(item, &rest.1);
    }
    if let Some(rest) = path.strip_prefix("sections").and_then(index) {
        let title = raw.sections.get(rest.0).map_or("", |s| s.title.as_str());
        return join(named("section", rest.0, title), &rest.1);
    }
    if let Some(rest) = path.strip_prefix("glossary").and_then(index) {
        let term = raw.glossary.get(rest.0).map_or("", |t| t.term.as_str());
        return join(named("glossary term", rest.0, term), &rest.1);
    }
    if let Some(rest) = path.strip_prefix("strings.") {
        return format!("the interface words, \"{rest}\"");
    }
    match path.split_once('.') {
        Some((block, rest)) => join(block.to_owned(), rest),
        None => path.to_owned(),
    }
}

/// Longest allowed names, titles and one-line texts, in characters.
pub const MAX_SHORT_CHARS: usize = 300;
/// Longest allowed section body or definition, in characters.
pub const MAX_LONG_CHARS: usize = 20_000;
/// Longest allowed content version, in characters.
pub const MAX_VERSION_CHARS: usize = 40;

impl Content {
    /// Validates raw content.
    ///
    /// First fills the interface words the file leaves out from the
    /// built-in ones of its language, and derives the lookup hint from the
    /// file's own drugs when it gives none. Then checks: required text
    /// present, section ids that are unique slugs, treatments that name a
    /// section, valid dates and name kinds, every drug and glossary name
    /// unique (ignoring case and punctuation), every `{mention}` in section
    /// text resolving to a drug or glossary term, and well-formed markup.
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// use tg_content::Content;
    /// let mut raw = tg_content::toml_source::built_in("en").unwrap().raw.unwrap();
    /// raw.sections[0].id = "Surgery".into();
    /// let errors = Content::from_raw(raw).unwrap_err();
    /// assert_eq!(errors[0].location.path, "sections[0].id");
    /// assert!(errors[0].message.ends_with("like \"surgery\""), "{}", errors[0]);
    /// # }
    /// ```
    pub fn from_raw(mut raw: RawContent) -> Result<Content, Vec<ContentError>> {
        let given_hint = !raw.strings.lookup_hint.trim().is_empty();
        raw.strings.fill_empty(&default_strings(&raw.meta.language));
        if !given_hint {
            raw.strings.lookup_hint = lookup_hint(&raw);
        }
        let mut report = Report {
            raw: &raw,
            errors: Vec::new(),
        };
        check_meta(&raw, &mut report);
        let names = index_names(&raw, &mut report);
        let drugs = build_drugs(&raw, &mut report);
        let glossary = raw
            .glossary
            .iter()
            .enumerate()
            .map(|(i, t)| {
                report.require(format!("glossary[{i}].term"), &t.term);
                report.require(format!("glossary[{i}].definition"), &t.definition);
                report.limit(
                    format!("glossary[{i}].definition"),
                    &t.definition,
                    MAX_LONG_CHARS,
                );
                GlossaryTerm {
                    term: t.term.clone(),
                    aliases: t.aliases.clone(),
                    definition: t.definition.clone(),
                }
            })
            .collect();
        let sections = build_sections(&raw, &names, &mut report);

        if !report.errors.is_empty() {
            return Err(report.errors);
        }
        let mut content = Content {
            meta: Meta {
                version: raw.meta.version.clone(),
                updated: Some(raw.meta.updated.trim())
                    .filter(|date| !date.is_empty())
                    .map(str::to_owned),
                review: optional_review(&raw.review),
                language: raw.meta.language.clone(),
                title: raw.meta.title.clone(),
                intro: raw.meta.intro.clone(),
                clinical_trials_link: optional_link(&raw.meta.clinical_trials_link),
                source: optional_source(&raw.meta.source),
                translation: optional_translation(&raw.meta.translation),
            },
            strings: raw.strings.clone(),
            sections,
            drugs,
            glossary,
        };
        record_mentions(&mut content);
        Ok(content)
    }
}

/// How many names of the file's own drugs the derived lookup hint gives.
const HINT_EXAMPLES: usize = 3;

/// The lookup hint of a file that gives none: the language's
/// `lookup_hint_examples` with `{names}` filled with a few other names of
/// the file's own drugs (brand names first), so a page on another topic
/// never names the built-in guide's drugs.
fn lookup_hint(raw: &RawContent) -> String {
    // The first other name of each drug, brand names first, then codes…
    let mut shown: Vec<&str> = Vec::new();
    for kind in SynonymKind::ALL {
        for drug in &raw.drugs {
            let first = drug.synonyms.first();
            if let Some(synonym) = first.filter(|s| SynonymKind::parse(&s.kind) == Some(kind)) {
                if shown.len() < HINT_EXAMPLES {
                    shown.push(&synonym.name);
                }
            }
        }
    }
    if shown.is_empty() {
        shown = raw
            .drugs
            .iter()
            .map(|d| d.name.as_str())
            .take(HINT_EXAMPLES)
            .collect();
    }
    raw.strings
        .lookup_hint_examples
        .replace("{names}", &shown.join(", "))
}

fn check_meta(raw: &RawContent, report: &mut Report) {
    let meta = &raw.meta;
    report.require("meta.version", &meta.version);
    report.require("meta.language", &meta.language);
    report.require("meta.title", &meta.title);
    report.limit("meta.title", &meta.title, MAX_SHORT_CHARS);
    report.limit("meta.intro", &meta.intro, MAX_LONG_CHARS);
    report.limit("meta.version", &meta.version, MAX_VERSION_CHARS);
    let updated = meta.updated.trim();
    if !updated.is_empty() && !is_iso_date(updated) {
        report.add(
            "meta.updated",
            format!("\"{updated}\" is not a date written as YYYY-MM-DD"),
        );
    }
    check_review(&raw.review, report);
    check_link(
        "meta.clinical_trials_link",
        &meta.clinical_trials_link,
        report,
    );
    check_source(&meta.source, report);
    check_translation(&meta.translation, &meta.language, report);
    for name in UiStrings::NAMES {
        let value = raw.strings.field(name).unwrap_or_default();
        report.require(format!("strings.{name}"), value);
        report.limit(format!("strings.{name}"), value, MAX_SHORT_CHARS);
    }
}

/// Longest allowed link address, in characters.
pub const MAX_URL_CHARS: usize = 2_000;

/// An optional link: nothing when both fields are empty, else both given and a safe address.
fn check_link(path: &str, link: &RawLink, report: &mut Report) {
    if link.text.trim().is_empty() && link.url.trim().is_empty() {
        return;
    }
    report.require(format!("{path}.text"), &link.text);
    report.limit(format!("{path}.text"), &link.text, MAX_SHORT_CHARS);
    report.require(format!("{path}.url"), &link.url);
    report.limit(format!("{path}.url"), &link.url, MAX_URL_CHARS);
    if !link.url.trim().is_empty() && !is_safe_url(&link.url) {
        report.add(
            format!("{path}.url"),
            format!(
                "the link \"{}\" is not allowed; links must start with https:// or be relative",
                link.url
            ),
        );
    }
}

/// The link of a checked [`RawLink`], `None` when it is left empty.
fn optional_link(link: &RawLink) -> Option<Link> {
    (!link.url.trim().is_empty()).then(|| Link {
        text: link.text.trim().to_owned(),
        href: link.url.trim().to_owned(),
    })
}

/// The longest section id, in characters.
pub const MAX_ID_CHARS: usize = 60;

/// Lower-case ASCII letters and digits, in words joined by single hyphens.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A slug made of a text's letters and digits, for a suggestion.
fn slug_of(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "feeling-sick".to_owned()
    } else {
        words.join("-")
    }
}

/// An optional source: nothing when both fields are empty, else words, and a safe address if any.
fn check_source(source: &RawSource, report: &mut Report) {
    if source.text.trim().is_empty() && source.url.trim().is_empty() {
        return;
    }
    let link = RawLink {
        text: source.text.clone(),
        url: source.url.clone(),
    };
    if source.url.trim().is_empty() {
        report.require("meta.source.text", &source.text);
        report.limit("meta.source.text", &source.text, MAX_SHORT_CHARS);
    } else {
        check_link("meta.source", &link, report);
    }
}

/// The source of checked content, `None` when it is left empty.
fn optional_source(source: &RawSource) -> Option<Source> {
    let url = source.url.trim();
    (!source.text.trim().is_empty()).then(|| Source {
        text: source.text.trim().to_owned(),
        href: (!url.is_empty()).then(|| url.to_owned()),
    })
}

/// Whether `code` is a language code: two or three lower-case letters (`fr`).
fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// "… use a language code, such as en or fr" for messages about a language
/// code, with the built-in languages as examples.
fn language_codes() -> String {
    let codes: Vec<&str> = crate::languages::codes().collect();
    format!(
        "use a language code of two or three lower-case letters, such as {}",
        codes.join(" or ")
    )
}

/// The translation facts: nothing when all are empty, else the original's
/// language (a named one, not the file's own) and version, and a date or nothing.
fn check_translation(translation: &RawTranslation, language: &str, report: &mut Report) {
    if *translation == RawTranslation::default() {
        return;
    }
    let from = translation.from_language.trim();
    if !is_language_code(from) {
        report.add(
            "meta.translation.from_language",
            format!("\"{from}\" is not a language code; {}", language_codes()),
        );
    } else if from == language.trim() {
        report.add(
            "meta.translation.from_language",
            format!("\"{from}\" is this file's own language; a translation comes from another"),
        );
    }
    report.require("meta.translation.from_version", &translation.from_version);
    report.limit(
        "meta.translation.from_version",
        &translation.from_version,
        MAX_VERSION_CHARS,
    );
    let reviewed = translation.from_reviewed.trim();
    if !reviewed.is_empty() && !is_iso_date(reviewed) {
        report.add(
            "meta.translation.from_reviewed",
            format!("\"{reviewed}\" is not a date written as YYYY-MM-DD; run content-check --mark-translation to write it"),
        );
    }
}

/// A review record: nothing when it is empty, else who, a date and a fingerprint.
fn check_review(review: &RawReview, report: &mut Report) {
    if review.by.trim().is_empty()
        && review.date.trim().is_empty()
        && review.fingerprint.trim().is_empty()
    {
        return;
    }
    report.require("review.by", &review.by);
    report.limit("review.by", &review.by, MAX_SHORT_CHARS);
    if !is_iso_date(review.date.trim()) {
        report.add(
            "review.date",
            format!(
                "\"{}\" is not a date written as YYYY-MM-DD; sign again with content-check --sign-review",
                review.date
            ),
        );
    }
    report.require("review.fingerprint", &review.fingerprint);
}

/// The review of checked content, `None` when it has none.
fn optional_review(review: &RawReview) -> Option<Review> {
    (!review.date.trim().is_empty()).then(|| Review {
        by: review.by.trim().to_owned(),
        date: review.date.trim().to_owned(),
        current: review.current == crate::review::YES,
    })
}

/// The translation facts of checked content, `None` for an original text.
fn optional_translation(translation: &RawTranslation) -> Option<Translation> {
    (*translation != RawTranslation::default()).then(|| Translation {
        from_language: translation.from_language.trim().to_owned(),
        from_version: translation.from_version.trim().to_owned(),
        from_reviewed: Some(translation.from_reviewed.trim())
            .filter(|date| !date.is_empty())
            .map(str::to_owned),
        behind: translation.behind == crate::review::YES,
    })
}

/// `YYYY-MM-DD` with a month 01–12 and a day 01–31.
pub(crate) fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize| -> Option<u32> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
    };
    match parts.as_slice() {
        [y, m, d] => {
            number(y, 4).is_some()
                && number(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(d, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

/// Every name of every drug and glossary term, by [`name_key`]; reports clashes.
fn index_names(raw: &RawContent, report: &mut Report) -> HashMap<String, (Target, String)> {
    let mut names: HashMap<String, (Target, String)> = HashMap::new();
    let mut claim = |name: &str, path: String, target: Target, owner: &str, report: &mut Report| {
        report.limit(path.clone(), name, MAX_SHORT_CHARS);
        let key = name_key(name);
        if key.is_empty() {
            report.add(path, "must contain letters or digits");
            return;
        }
        match names.get(&key) {
            Some((_, first_owner)) if first_owner == owner => {
                report.add(path, format!("\"{name}\" is listed twice for {owner}"))
            }
            Some((_, first_owner)) => report.add(
                path,
                format!("\"{name}\" is already a name of {first_owner}"),
            ),
            None => {
                names.insert(key, (target, owner.to_owned()));
            }
        }
    };
    for (i, drug) in raw.drugs.iter().enumerate() {
        let target = Target::Drug(i);
        claim(
            &drug.name,
            format!("drugs[{i}].name"),
            target,
            &drug.name,
            report,
        );
        for (j, synonym) in drug.synonyms.iter().enumerate() {
            let path = format!("drugs[{i}].synonyms[{j}].name");
            claim(&synonym.name, path, target, &drug.name, report);
        }
    }
    for (i, term) in raw.glossary.iter().enumerate() {
        let target = Target::Term(i);
        let owner = format!("the glossary term \"{}\"", term.term);
        claim(
            &term.term,
            format!("glossary[{i}].term"),
            target,
            &owner,
            report,
        );
        for (j, alias) in term.aliases.iter().enumerate() {
            claim(
                alias,
                format!("glossary[{i}].aliases[{j}]"),
                target,
                &owner,
                report,
            );
        }
    }
    names
}

fn build_drugs(raw: &RawContent, report: &mut Report) -> Vec<Drug> {
    raw.drugs
        .iter()
        .enumerate()
        .map(|(i, drug)| {
            report.limit(format!("drugs[{i}].class"), &drug.class, MAX_SHORT_CHARS);
            let mut ids: Vec<&str> = Vec::new();
            for section in &raw.sections {
                if !ids.contains(&section.id.as_str()) {
                    ids.push(&section.id);
                }
            }
            if !ids.contains(&drug.treatment.as_str()) {
                report.add(
                    format!("drugs[{i}].treatment"),
                    format!(
                        "\"{}\" is not the id of a section{}; use {}",
                        drug.treatment,
                        did_you_mean(&drug.treatment, ids.iter().copied()),
                        one_of(&ids)
                    ),
                );
            }
            let synonyms = drug
                .synonyms
                .iter()
                .enumerate()
                .map(|(j, s)| {
                    let kind = SynonymKind::parse(&s.kind).unwrap_or_else(|| {
                        let kinds = SynonymKind::ALL.map(SynonymKind::as_str);
                        report.add(
                            format!("drugs[{i}]"),
                            format!(
                                "its other name \"{}\" has kind \"{}\"{}; use {}",
                                s.name,
                                s.kind,
                                did_you_mean(&s.kind, kinds),
                                one_of(&kinds)
                            ),
                        );
                        report.errors.last_mut().expect("just added").location.path =
                            format!("drugs[{i}].synonyms[{j}].kind");
                        SynonymKind::Other
                    });
                    let lang = s.lang.trim();
                    if !lang.is_empty() && !is_language_code(lang) {
                        report.add(
                            format!("drugs[{i}].synonyms[{j}].lang"),
                            format!(
                                "\"{lang}\" is not a language code; {}, or leave lang out",
                                language_codes()
                            ),
                        );
                    } else if lang == raw.meta.language.trim() {
                        report.add(
                            format!("drugs[{i}].synonyms[{j}].lang"),
                            format!("\"{lang}\" is this file's own language; give lang only to a name in another language"),
                        );
                    }
                    let lang = (!lang.is_empty()).then(|| lang.to_owned());
                    Synonym { name: s.name.clone(), kind, lang }
                })
                .collect();
            Drug {
                name: drug.name.clone(),
                treatment: drug.treatment.clone(),
                class: drug.class.clone(),
                synonyms,
                mentioned_in: Vec::new(),
            }
        })
        .collect()
}

fn build_sections(
    raw: &RawContent,
    names: &HashMap<String, (Target, String)>,
    report: &mut Report,
) -> Vec<Section> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    // Every name a {mention} may use, for "did you mean".
    let known: Vec<&str> = raw
        .drugs
        .iter()
        .flat_map(|d| std::iter::once(&d.name).chain(d.synonyms.iter().map(|s| &s.name)))
        .chain(
            raw.glossary
                .iter()
                .flat_map(|t| std::iter::once(&t.term).chain(&t.aliases)),
        )
        .map(String::as_str)
        .collect();
    let title = |i: usize| {
        let title = raw.sections[i].title.trim();
        if title.is_empty() {
            format!("the {} section", ordinal(i))
        } else {
            format!("the {} section, \"{}\"", ordinal(i), quoted(title))
        }
    };
    raw.sections
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let id_path = format!("sections[{i}].id");
            if !is_slug(&section.id) {
                report.add(
                    &id_path,
                    format!(
                        "\"{}\" is not a section id; an id is lower-case letters and digits joined by hyphens, at most {MAX_ID_CHARS} characters, like \"{}\"",
                        section.id,
                        slug_of(if section.id.trim().is_empty() { &section.title } else { &section.id })
                    ),
                );
            } else if let Some(first) = seen.insert(section.id.as_str(), i) {
                report.add(
                    &id_path,
                    format!("\"{}\" is already the id of {}", section.id, title(first)),
                );
            }
            report.require(format!("sections[{i}].title"), &section.title);
            report.limit(
                format!("sections[{i}].title"),
                &section.title,
                MAX_SHORT_CHARS,
            );
            report.limit(
                format!("sections[{i}].summary"),
                &section.summary,
                MAX_SHORT_CHARS,
            );
            report.limit(format!("sections[{i}].body"), &section.body, MAX_LONG_CHARS);
            let body_path = format!("sections[{i}].body");
            report.require(&body_path, &section.body);
            let blocks = match parse_body(&section.body) {
                Ok(blocks) => resolve_blocks(blocks, names, &known, &body_path, report),
                Err(errors) => {
                    for e in errors {
                        report.add_in_text(&body_path, e.line, e.message);
                    }
                    Vec::new()
                }
            };
            Section {
                id: section.id.clone(),
                title: section.title.clone(),
                summary: section.summary.clone(),
                blocks,
            }
        })
        .collect()
}

fn resolve_blocks(
    blocks: Vec<RawBlock>,
    names: &HashMap<String, (Target, String)>,
    known: &[&str],
    path: &str,
    report: &mut Report,
) -> Vec<Block> {
    let mut resolve = |runs: Vec<RawInline>| -> Vec<Inline> {
        runs.into_iter()
            .map(|run| match run {
                RawInline::Text(text) => Inline::Text(text),
                RawInline::Link { text, url, line } => {
                    if !is_safe_url(&url) {
                        report.add_in_text(
                            path,
                            line,
                            format!("the link \"{url}\" is not allowed; links must start with https:// or be relative"),
                        );
                    }
                    Inline::Link { text, href: url }
                }
                RawInline::Mention { text, name, line } => match names.get(&name_key(&name)) {
                    Some((Target::Drug(drug), _)) => Inline::Drug { text, drug: *drug },
                    Some((Target::Term(term), _)) => Inline::Term { text, term: *term },
                    None => {
                        report.add_in_text(
                            path,
                            line,
                            format!(
                                "\"{{{name}}}\" names no drug in the drug list and no glossary term{}",
                                did_you_mean(&name, known.iter().copied())
                            ),
                        );
                        Inline::Text(text)
                    }
                },
            })
            .collect()
    };
    blocks
        .into_iter()
        .map(|block| match block {
            RawBlock::Paragraph(runs) => Block::Paragraph(resolve(runs)),
            RawBlock::List(items) => Block::List(items.into_iter().map(&mut resolve).collect()),
        })
        .collect()
}

/// Fills [`Drug::mentioned_in`] from the resolved section text.
fn record_mentions(content: &mut Content) {
    for section in &content.sections {
        for block in &section.blocks {
            let runs: Vec<&Inline> = match block {
                Block::Paragraph(runs) => runs.iter().collect(),
                Block::List(items) => items.iter().flatten().collect(),
            };
            for run in runs {
                if let Inline::Drug { drug, .. } = run {
                    let mentions = &mut content.drugs[*drug].mentioned_in;
                    if !mentions.contains(&section.id) {
                        mentions.push(section.id.clone());
                    }
                }
            }
        }
    }
}
