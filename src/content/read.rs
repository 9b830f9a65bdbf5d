//! Reads a [`Json`] tree into [`RawContent`]: the right type for every field,
//! every required field present, no unknown field. Every problem is reported
//! with its JSON path, and one pass reports them all.

use super::error::{ContentError, Location};
use super::json::Json;
use super::model::UiStrings;
use super::raw::{RawContent, RawDrug, RawMeta, RawSection, RawSynonym, RawTerm};

/// The start of every message about the shape of the file.
const SHAPE: &str = "the file is not valid content JSON: ";

/// Reads content in the documented JSON format.
///
/// ```
/// use treatment_guide::content::{json, read_content};
/// let value = json::parse(r#"{"meta": {}, "strings": {}, "sections": [], "drugs": [], "colour": 1}"#).unwrap();
/// let errors = read_content(&value).unwrap_err();
/// assert_eq!(errors[0].to_string(), "colour: the file is not valid content JSON: \
///     unknown field `colour`, expected one of `meta`, `strings`, `sections`, `drugs`, `glossary`");
/// assert_eq!(errors[1].to_string(),
///            "meta: the file is not valid content JSON: missing field `version`");
/// ```
pub fn read_content(value: &Json) -> Result<RawContent, Vec<ContentError>> {
    let mut reader = Reader::default();
    let raw = reader.content(value);
    if reader.errors.is_empty() {
        Ok(raw)
    } else {
        Err(reader.errors)
    }
}

/// A field of an object: its name and whether it must be there.
type Field = (&'static str, bool);

/// Collects errors while the tree is read.
#[derive(Default)]
struct Reader {
    errors: Vec<ContentError>,
}

impl Reader {
    fn fail(&mut self, path: &str, message: String) {
        self.errors
            .push(ContentError::new(Location::at_path(path), format!("{SHAPE}{message}")));
    }

    fn wrong_type(&mut self, path: &str, expected: &str, found: &Json) {
        self.fail(path, format!("expected {expected}, found {}", found.kind()));
    }

    /// The members of an object with exactly the given fields, or `None`
    /// (reported) when `value` is not an object.
    fn object<'a>(
        &mut self,
        value: &'a Json,
        path: &str,
        fields: &[Field],
    ) -> Option<&'a [(String, Json)]> {
        let Json::Object(members) = value else {
            self.wrong_type(path, "an object", value);
            return None;
        };
        for (name, _) in members {
            if !fields.iter().any(|(known, _)| known == name) {
                let known: Vec<String> = fields.iter().map(|(f, _)| format!("`{f}`")).collect();
                self.fail(
                    &join(path, name),
                    format!("unknown field `{name}`, expected one of {}", known.join(", ")),
                );
            }
        }
        for (name, required) in fields {
            if *required && !members.iter().any(|(m, _)| m == name) {
                self.fail(path, format!("missing field `{name}`"));
            }
        }
        Some(members)
    }

    /// A string field; empty when absent (a missing required field is
    /// reported by [`Reader::object`]).
    fn string(&mut self, members: &[(String, Json)], path: &str, name: &str) -> String {
        get(members, name).map_or_else(String::new, |value| self.text(value, &join(path, name)))
    }

    /// A string value; empty (and reported) when it is of another type.
    fn text(&mut self, value: &Json, path: &str) -> String {
        if let Json::String(s) = value {
            return s.clone();
        }
        self.wrong_type(path, "a string", value);
        String::new()
    }

    /// An array field, each item read by `item`; empty when absent.
    fn list<T>(
        &mut self,
        members: &[(String, Json)],
        path: &str,
        name: &str,
        mut item: impl FnMut(&mut Self, &Json, &str) -> T,
    ) -> Vec<T> {
        let path = join(path, name);
        match get(members, name) {
            None => Vec::new(),
            Some(Json::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, value)| item(self, value, &format!("{path}[{i}]")))
                .collect(),
            Some(other) => {
                self.wrong_type(&path, "a list", other);
                Vec::new()
            }
        }
    }

    fn content(&mut self, value: &Json) -> RawContent {
        let fields = [
            ("meta", true),
            ("strings", true),
            ("sections", true),
            ("drugs", true),
            ("glossary", false),
        ];
        let mut raw = RawContent {
            meta: RawMeta::default(),
            strings: UiStrings::default(),
            sections: Vec::new(),
            drugs: Vec::new(),
            glossary: Vec::new(),
        };
        let Some(members) = self.object(value, "", &fields) else {
            return raw;
        };
        if let Some(meta) = get(members, "meta") {
            raw.meta = self.meta(meta);
        }
        if let Some(strings) = get(members, "strings") {
            raw.strings = self.strings(strings);
        }
        raw.sections = self.list(members, "", "sections", Self::section);
        raw.drugs = self.list(members, "", "drugs", Self::drug);
        raw.glossary = self.list(members, "", "glossary", Self::term);
        raw
    }

    fn meta(&mut self, value: &Json) -> RawMeta {
        let path = "meta";
        let fields = [
            ("version", true),
            ("last_reviewed", true),
            ("language", true),
            ("title", true),
            ("intro", false),
        ];
        let Some(m) = self.object(value, path, &fields) else {
            return RawMeta::default();
        };
        RawMeta {
            version: self.string(m, path, "version"),
            last_reviewed: self.string(m, path, "last_reviewed"),
            language: self.string(m, path, "language"),
            title: self.string(m, path, "title"),
            intro: self.string(m, path, "intro"),
        }
    }

    fn strings(&mut self, value: &Json) -> UiStrings {
        let path = "strings";
        let fields: Vec<Field> = UiStrings::NAMES.iter().map(|&n| (n, true)).collect();
        let mut strings = UiStrings::default();
        if let Some(m) = self.object(value, path, &fields) {
            for name in UiStrings::NAMES {
                let text = self.string(m, path, name);
                if let Some(field) = strings.field_mut(name) {
                    *field = text;
                }
            }
        }
        strings
    }

    fn section(&mut self, value: &Json, path: &str) -> RawSection {
        let fields = [("id", true), ("title", true), ("summary", false), ("body", true)];
        let Some(m) = self.object(value, path, &fields) else {
            return RawSection::default();
        };
        RawSection {
            id: self.string(m, path, "id"),
            title: self.string(m, path, "title"),
            summary: self.string(m, path, "summary"),
            body: self.string(m, path, "body"),
        }
    }

    fn drug(&mut self, value: &Json, path: &str) -> RawDrug {
        let fields = [("name", true), ("treatment", true), ("class", false), ("synonyms", false)];
        let Some(m) = self.object(value, path, &fields) else {
            return RawDrug::default();
        };
        RawDrug {
            name: self.string(m, path, "name"),
            treatment: self.string(m, path, "treatment"),
            class: self.string(m, path, "class"),
            synonyms: self.list(m, path, "synonyms", Self::synonym),
        }
    }

    fn synonym(&mut self, value: &Json, path: &str) -> RawSynonym {
        let Some(m) = self.object(value, path, &[("name", true), ("kind", true)]) else {
            return RawSynonym::default();
        };
        RawSynonym {
            name: self.string(m, path, "name"),
            kind: self.string(m, path, "kind"),
        }
    }

    fn term(&mut self, value: &Json, path: &str) -> RawTerm {
        let fields = [("term", true), ("aliases", false), ("definition", true)];
        let Some(m) = self.object(value, path, &fields) else {
            return RawTerm::default();
        };
        RawTerm {
            term: self.string(m, path, "term"),
            aliases: self.list(m, path, "aliases", Self::text),
            definition: self.string(m, path, "definition"),
        }
    }
}

/// The value of member `name`, the last one if the name repeats (as `JSON.parse` does).
fn get<'a>(members: &'a [(String, Json)], name: &str) -> Option<&'a Json> {
    members.iter().rev().find(|(m, _)| m == name).map(|(_, v)| v)
}

/// `path.name`, or `name` at the top level.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}
