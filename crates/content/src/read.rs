//! Reads a [`Json`] tree into [`RawContent`]: the right type for every field,
//! every required field present, no unknown field. Every problem is reported
//! with its JSON path, and one pass reports them all.
//!
//! What each record holds comes from its declaration ([`crate::record`]);
//! this file only knows how JSON values are checked.

use crate::error::{ContentError, Location};
use crate::json::Json;
use crate::raw::RawContent;
use crate::record::Value;

/// The start of every message about the shape of the file.
const SHAPE: &str = "the file is not valid content JSON: ";

/// Reads content in the documented JSON format.
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use tg_content::{json, read_content};
/// let value = json::parse(r#"{"meta": {}, "strings": {}, "sections": [], "drugs": [], "colour": 1}"#).unwrap();
/// let errors = read_content(&value).unwrap_err();
/// assert_eq!(errors[0].to_string(), "colour: the file is not valid content JSON: \
///     unknown field `colour`, expected one of `meta`, `strings`, `sections`, `drugs`, `glossary`");
/// assert_eq!(errors[1].to_string(),
///            "meta: the file is not valid content JSON: missing field `version`");
/// # }
/// ```
pub fn read_content(value: &Json) -> Result<RawContent, Vec<ContentError>> {
    let mut reader = Reader::default();
    let raw = RawContent::read(&mut reader, value, "");
    if reader.errors.is_empty() {
        Ok(raw)
    } else {
        Err(reader.errors)
    }
}

/// Collects errors while a tree is read.
#[derive(Default)]
pub struct Reader {
    errors: Vec<ContentError>,
}

impl Reader {
    fn fail(&mut self, path: &str, message: String) {
        self.errors.push(ContentError::new(
            Location::at_path(path),
            format!("{SHAPE}{message}"),
        ));
    }

    fn wrong_type(&mut self, path: &str, expected: &str, found: &Json) {
        self.fail(path, format!("expected {expected}, found {}", found.kind()));
    }

    /// The members of an object with exactly the given fields (name, required),
    /// or `None` (reported) when `value` is not an object.
    pub fn object<'a>(
        &mut self,
        value: &'a Json,
        path: &str,
        fields: &[(&str, bool)],
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
                    format!(
                        "unknown field `{name}`, expected one of {}",
                        known.join(", ")
                    ),
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

    /// The field `name` of an object's members; empty when absent (a missing
    /// required field is reported by [`Reader::object`]).
    pub fn field<T: Value>(&mut self, members: &[(String, Json)], path: &str, name: &str) -> T {
        get(members, name).map_or_else(T::default, |value| T::read(self, value, &join(path, name)))
    }

    /// A string value; empty (and reported) when it is of another type.
    pub fn text(&mut self, value: &Json, path: &str) -> String {
        if let Json::String(s) = value {
            return s.clone();
        }
        self.wrong_type(path, "a string", value);
        String::new()
    }

    /// A list value, each item read by `item`; empty (and reported) when it
    /// is of another type.
    pub fn list<T>(
        &mut self,
        value: &Json,
        path: &str,
        mut item: impl FnMut(&mut Self, &Json, &str) -> T,
    ) -> Vec<T> {
        match value {
            Json::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, value)| item(self, value, &format!("{path}[{i}]")))
                .collect(),
            other => {
                self.wrong_type(path, "a list", other);
                Vec::new()
            }
        }
    }
}

/// The value of member `name`, the last one if the name repeats (as `JSON.parse` does).
fn get<'a>(members: &'a [(String, Json)], name: &str) -> Option<&'a Json> {
    members
        .iter()
        .rev()
        .find(|(m, _)| m == name)
        .map(|(_, v)| v)
}

/// `path.name`, or `name` at the top level.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}
