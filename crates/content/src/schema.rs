//! `docs/content.schema.json`, the JSON Schema of the content file format,
//! written from the format's one declaration (`raw.rs`: every record's
//! fields and which are required), the validator's limits and the notes
//! below, which are the schema's own words for editors. A test
//! (`tests/generated.rs`) fails when the file differs from [`text`].

use crate::json::{to_text, Json};
use crate::model::{SynonymKind, SECTION_IDS};
use crate::raw::{
    RawContent, RawDrug, RawLink, RawMeta, RawPoint, RawReview, RawSection, RawSource, RawSynonym,
    RawTerm, RawTranslation, UiStrings,
};
use crate::read::Field;
use crate::record::Record;
use crate::validate::{
    MAX_ID_CHARS, MAX_LONG_CHARS, MAX_SHORT_CHARS, MAX_URL_CHARS, MAX_VERSION_CHARS,
};

/// A date, `YYYY-MM-DD`.
const DATE: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// A review's fingerprint.
const FINGERPRINT: &str = "^sha256:[0-9a-f]{64}$";
/// The short fingerprint of one statement.
const SHORT_FINGERPRINT: &str = "^[0-9a-f]{12}$";
/// A section id: lower-case letters and digits joined by hyphens.
const SLUG: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

type Member = (String, Json);

fn member(name: &str, value: Json) -> Member {
    (name.to_owned(), value)
}

fn string(value: &str) -> Json {
    Json::String(value.to_owned())
}

fn number(value: usize) -> Json {
    // Lengths are small: exact as a JSON number.
    Json::Number(value as f64)
}

fn description(value: &str) -> Member {
    member("description", string(value))
}

fn min_length(value: usize) -> Member {
    member("minLength", number(value))
}

fn max_length(value: usize) -> Member {
    member("maxLength", number(value))
}

fn max_items(value: usize) -> Member {
    member("maxItems", number(value))
}

fn pattern(value: &str) -> Member {
    member("pattern", string(value))
}

fn one_of(values: Vec<String>) -> Member {
    member(
        "enum",
        Json::Array(values.iter().map(|v| string(v)).collect()),
    )
}

/// A pattern that also allows the empty text.
fn optional(value: &str) -> String {
    format!("^$|{value}")
}

/// A language code (two or three lower-case letters), or none.
const LANGUAGE_CODE: &str = "^$|^[a-z]{2,3}$";

fn synonym_kinds() -> Vec<String> {
    SynonymKind::ALL
        .iter()
        .map(|kind| kind.as_str().to_owned())
        .collect()
}

fn section_id_description() -> Member {
    description(&format!(
        "The section's own id, lower-case letters and digits joined by hyphens (feeling-sick). The built-in guide uses: {}.",
        SECTION_IDS.join(", ")
    ))
}

/// The schema's own words and constraints on the field at `path`
/// (`drugs[].synonyms[].lang`), beyond its type.
fn notes(path: &str) -> Vec<Member> {
    match path {
        "meta.version" => vec![min_length(1), max_length(MAX_VERSION_CHARS), description("Shown to readers; raise it when the text changes.")],
        "meta.last_reviewed" => vec![description("No longer used: a review date now comes with the fingerprint of the text reviewed (see review). A file that still gives it is read, with a warning, and the footer does not show it.")],
        "meta.updated" => vec![pattern(&optional(DATE)), description("Optional: when the text was last changed, YYYY-MM-DD. The footer shows it (\"Updated on …\") while the text has not had a medical review, or has changed since.")],
        "meta.language" => vec![min_length(1)],
        "meta.title" => vec![min_length(1), max_length(MAX_SHORT_CHARS)],
        "meta.intro" => vec![max_length(MAX_LONG_CHARS)],
        "meta.clinical_trials_link" => vec![description("Optional: your own page about clinical trials, shown as a link at the end of the clinical trials section. Leave it out, or leave both fields empty, for no link.")],
        "meta.clinical_trials_link.text" => vec![max_length(MAX_SHORT_CHARS), description("The words of the link, e.g. \"Find out more about clinical trials\".")],
        "meta.clinical_trials_link.url" => vec![max_length(MAX_URL_CHARS), description("https:// or an address relative to the page; no other kind of link is allowed.")],
        "meta.source" => vec![description("Optional: where the text comes from, credited at the foot of the widget (\"Source: …\"). Leave it out, or leave both fields empty, for no credit.")],
        "meta.source.text" => vec![max_length(MAX_SHORT_CHARS), description("The words shown, e.g. \"Canadian Cancer Society\".")],
        "meta.source.url" => vec![max_length(MAX_URL_CHARS), description("Optional address of the source page: https:// or relative.")],
        "meta.translation" => vec![description("Only for a translated edition: what it was translated from. Leave it out, or leave every field empty, for an original text. from_fingerprint and from_reviewed are written by `content-check --mark-translation`, never by hand. When the original changes after that, content-check and the footer say the translation is out of date. A translation's own medical review is its own review record; until it has one, the footer says whether the text it was translated from was reviewed.")],
        "meta.translation.from_language" => vec![pattern(LANGUAGE_CODE), description("Language of the original text: its code, such as en. Its name comes from strings.language_names.")],
        "meta.translation.from_version" => vec![max_length(MAX_VERSION_CHARS), description("Content version of the original text it was translated from.")],
        "meta.translation.from_fingerprint" => vec![pattern(&optional(FINGERPRINT)), description("The fingerprint of the original text when it was translated; written by content-check --mark-translation.")],
        "meta.translation.from_reviewed" => vec![pattern(&optional(DATE)), description("The date of the original's medical review when the text translated was the one reviewed; empty when it had none. Written by content-check --mark-translation.")],
        "meta.translation.reviewed" => vec![description("No longer used: a translation's own review is its own review record. A file that still gives it is read, with a warning.")],
        "strings" => vec![description("The words of the interface that differ from the built-in ones of the file's language (English when the guide has none in that language); leave out any you do not change. {query}, {count}, {version}, {date}, {drug}, {names}, {language}, {source}, {day}, {month}, {year} and {title} are filled in. Without lookup_hint, the hint is lookup_hint_examples with {names} from the file's own drugs. months lists the twelve month names, separated by commas.")],
        "sections" => vec![max_items(9)],
        "sections[].id" => vec![pattern(SLUG), max_length(MAX_ID_CHARS), section_id_description()],
        "sections[].title" => vec![min_length(1), max_length(MAX_SHORT_CHARS)],
        "sections[].summary" => vec![max_length(MAX_SHORT_CHARS)],
        "sections[].body" => vec![min_length(1), max_length(MAX_LONG_CHARS), description("Paragraphs separated by blank lines; '- ' starts a list item; {name} or {shown|name} marks a drug or glossary term; [words](https://…) is a link (https or relative only).")],
        "sections[].sources" => vec![description("Where each statement of the body rests in the source, one reference a paragraph or list item, in order: the source's heading and item (\"Targeted therapy, 3rd paragraph\"), never its sentences. Shown on the review sheet, never to readers. content-check warns on a statement without one.")],
        "sections[].sources[]" => vec![max_length(MAX_SHORT_CHARS)],
        "drugs[].name" => vec![min_length(1), max_length(MAX_SHORT_CHARS), description("Generic name.")],
        "drugs[].treatment" => vec![description("The id of the section of the drug's treatment type: one of the file's own section ids.")],
        "drugs[].class" => vec![max_length(MAX_SHORT_CHARS)],
        "drugs[].synonyms[].name" => vec![min_length(1), max_length(MAX_SHORT_CHARS)],
        "drugs[].synonyms[].kind" => vec![one_of(synonym_kinds())],
        "drugs[].synonyms[].lang" => vec![pattern(LANGUAGE_CODE), description("Only for a name in another language than the file's (\"fr\" on doxorubicine in an English file): the lookup still finds it, and the drug card shows it under a label naming its language (\"French name\", from strings.language_names). Leave it out for every other name.")],
        "drugs[].source" => vec![max_length(MAX_SHORT_CHARS), description("Where the drug card rests in the source (its heading and item). Shown on the review sheet, never to readers.")],
        "glossary[].term" => vec![min_length(1), max_length(MAX_SHORT_CHARS)],
        "glossary[].aliases[]" => vec![min_length(1), max_length(MAX_SHORT_CHARS)],
        "glossary[].definition" => vec![min_length(1), max_length(MAX_LONG_CHARS)],
        "glossary[].source" => vec![max_length(MAX_SHORT_CHARS), description("Where the definition rests in the source (its heading and item). Shown on the review sheet, never to readers.")],
        "review" => vec![description("The medical review of this text, written by `content-check --sign-review --date YYYY-MM-DD --by \"NAME, ROLE\" FILE.json`, never by hand. The footer says \"Medically reviewed on {date}\" only while the text's fingerprint is this one; once any statement a reader sees changes, it says the version has not yet had a medical review and when the last one was.")],
        "review.by" => vec![max_length(MAX_SHORT_CHARS), description("Who reviewed it, as the charity wishes to show it: a name and role, or only the role.")],
        "review.date" => vec![pattern(DATE)],
        "review.fingerprint" => vec![pattern(FINGERPRINT), description("SHA-256 of every statement a reader sees, computed by content-check (see the README).")],
        "review.statements" => vec![description("A short fingerprint of each statement reviewed, so content-check can say which changed since.")],
        "review.statements[]" => vec![pattern(SHORT_FINGERPRINT)],
        "review_points" => vec![description("Points for the medical reviewer, shown on the review sheet, never to readers: places where the text follows a source that may be ambiguous or dated.")],
        "review_points[].section" => vec![description("The id of the section it is about; empty for the whole text.")],
        "review_points[].text" => vec![min_length(1)],
        _ => Vec::new(),
    }
}

/// The record at `path`, when it is one.
fn record(path: &str) -> Option<&'static [Field]> {
    Some(match path {
        "" => RawContent::FIELDS,
        "meta" => RawMeta::FIELDS,
        "meta.clinical_trials_link" => RawLink::FIELDS,
        "meta.source" => RawSource::FIELDS,
        "meta.translation" => RawTranslation::FIELDS,
        "sections[]" => RawSection::FIELDS,
        "drugs[]" => RawDrug::FIELDS,
        "drugs[].synonyms[]" => RawSynonym::FIELDS,
        "glossary[]" => RawTerm::FIELDS,
        "review" => RawReview::FIELDS,
        "review_points[]" => RawPoint::FIELDS,
        _ => return None,
    })
}

/// The fields a file may give, in declaration order (derived ones are the tools').
fn file_fields(fields: &[Field]) -> impl Iterator<Item = &Field> {
    fields.iter().filter(|f| !f.derived)
}

/// The schema of the value at `path`, of the kind its declaration gives.
fn node(path: &str, kind: &str) -> Json {
    Json::Object(members(path, kind))
}

/// The members of [`node`].
fn members(path: &str, kind: &str) -> Vec<Member> {
    let mut members = Vec::new();
    let notes = notes(path);
    let is_enum = notes.iter().any(|(name, _)| name == "enum");
    if path == "strings" {
        // The interface words: a block of texts with known names.
        members.push(member("type", string("object")));
        members.extend(notes);
        members.push(member(
            "additionalProperties",
            Json::Object(vec![
                member("type", string("string")),
                min_length(1),
                max_length(MAX_SHORT_CHARS),
            ]),
        ));
        let names = file_fields(UiStrings::FIELDS)
            .map(|f| string(f.name))
            .collect();
        members.push(member(
            "propertyNames",
            Json::Object(vec![member("enum", Json::Array(names))]),
        ));
    } else if let Some(fields) = record(path) {
        members.push(member("type", string("object")));
        members.extend(notes);
        members.push(member("additionalProperties", Json::Bool(false)));
        let required = file_fields(fields)
            .filter(|f| f.required)
            .map(|f| string(f.name))
            .collect();
        members.push(member("required", Json::Array(required)));
        let properties = file_fields(fields)
            .map(|f| {
                let child = if path.is_empty() {
                    f.name.to_owned()
                } else {
                    format!("{path}.{}", f.name)
                };
                member(f.name, node(&child, f.kind))
            })
            .collect();
        members.push(member("properties", Json::Object(properties)));
    } else if kind == "a list" {
        members.push(member("type", string("array")));
        members.extend(notes);
        let item = format!("{path}[]");
        let item_kind = if record(&item).is_some() {
            "a block of fields"
        } else {
            "a text"
        };
        members.push(member("items", node(&item, item_kind)));
    } else {
        if !is_enum {
            members.push(member("type", string("string")));
        }
        members.extend(notes);
    }
    members
}

/// The schema of a content file.
pub fn schema() -> Json {
    let mut head = vec![
        member("$schema", string("https://json-schema.org/draft/2020-12/schema")),
        member("$id", string("https://treatment-guide.invalid/content.schema.json")),
        member("title", string("treatment-guide content")),
        description("A content file for the <treatment-guide> widget (content-src). The widget checks more than this schema can say: unique names, known mentions, safe links; run `cargo run --bin content-check -- FILE` for every check."),
    ];
    head.extend(members("", "a block of fields"));
    Json::Object(head)
}

/// The text of `docs/content.schema.json`.
pub fn text() -> String {
    to_text(&schema()) + "\n"
}
