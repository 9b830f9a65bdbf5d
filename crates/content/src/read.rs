//! Reads a [`Json`] tree: the right type for every field, every required
//! field present, no unknown field. Every problem is reported in plain words
//! with its JSON path, and one pass reports them all.
//!
//! What each record holds comes from its declaration (`record.rs`); this
//! file only knows how the values of a tree are checked, whatever format
//! (JSON or TOML) the tree came from.

use crate::error::{ContentError, Location};
use crate::json::Json;
use crate::words::{did_you_mean, one_of, ordinal, quoted};

/// One field of a record: its name, whether a file must give it, and what
/// kind of value it holds, in the words of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The name in the file.
    pub name: &'static str,
    /// Whether a file must give it.
    pub required: bool,
    /// `a text`, `a list`, `a block of fields`.
    pub kind: &'static str,
    /// Computed by the tools for the built-in encoding, never read from a
    /// file (a file that gives it has a field that is not part of the format).
    pub derived: bool,
}

/// Collects errors while a tree is read.
#[derive(Default)]
pub struct Reader {
    errors: Vec<ContentError>,
    /// The name of each list item read so far that has one (the text of its
    /// record's first field), by path: `drugs[0]` → `vincristine`.
    names: Vec<(String, String)>,
}

impl Reader {
    /// A path as people read it, with the names of list items:
    /// `drugs[0].class` is `drugs, 1st item "vincristine", class`.
    fn position(&self, path: &str) -> String {
        let mut parts = Vec::new();
        let mut at = 0;
        for segment in path.split('.') {
            let mut pieces = segment.split('[');
            if let Some(name) = pieces.next().filter(|n| !n.is_empty()) {
                parts.push(name.to_owned());
            }
            at += segment.find('[').unwrap_or(segment.len());
            for index in pieces {
                at += index.len() + 1;
                let i: usize = index.trim_end_matches(']').parse().unwrap_or_default();
                let mut part = format!("{} item", ordinal(i));
                if let Some((_, name)) = self.names.iter().find(|(p, _)| *p == path[..at]) {
                    part.push_str(&format!(" \"{name}\""));
                }
                parts.push(part);
            }
            at += 1;
        }
        parts.join(", ")
    }

    /// Every problem found so far.
    pub fn into_errors(self) -> Vec<ContentError> {
        self.errors
    }

    fn fail(&mut self, path: &str, message: String) {
        self.errors
            .push(ContentError::new(Location::at_path(path), message));
    }

    fn wrong_type(&mut self, path: &str, expected: &str, found: &Json) {
        self.fail(
            path,
            format!(
                "{} should be {expected}, not {}",
                self.position(path),
                found.kind()
            ),
        );
    }

    /// The members of an object with exactly the given fields, or `None`
    /// (reported) when `value` is not an object.
    pub fn object<'a>(
        &mut self,
        value: &'a Json,
        path: &str,
        fields: &[Field],
    ) -> Option<&'a [(String, Json)]> {
        let Json::Object(members) = value else {
            self.wrong_type(path, "a block of fields", value);
            return None;
        };
        if path.ends_with(']') {
            let first = fields.first().and_then(|f| get(members, f.name));
            if let Some(Json::String(name)) = first {
                if !name.trim().is_empty() {
                    self.names.push((path.to_owned(), quoted(name)));
                }
            }
        }
        let names: Vec<&str> = fields
            .iter()
            .filter(|f| !f.derived)
            .map(|f| f.name)
            .collect();
        for (name, _) in members {
            if !names.contains(&name.as_str()) {
                let place = if path.is_empty() {
                    "the file".to_owned()
                } else {
                    self.position(path)
                };
                let hint = did_you_mean(name, names.iter().copied());
                self.fail(
                    &join(path, name),
                    format!(
                        "{place} has a field \"{name}\" that is not part of the format{hint}; the fields there are {}",
                        one_of(&names)
                    ),
                );
            }
        }
        for field in fields {
            if field.required && !members.iter().any(|(m, _)| m == field.name) {
                let place = if path.is_empty() {
                    "the file".to_owned()
                } else {
                    self.position(path)
                };
                self.fail(
                    path,
                    format!("{place} has no \"{}\" ({}); add it", field.name, field.kind),
                );
            }
        }
        Some(members)
    }

    /// A string value; empty (and reported) when it is of another type.
    pub fn text(&mut self, value: &Json, path: &str) -> String {
        if let Json::String(s) = value {
            return s.clone();
        }
        self.wrong_type(path, "a text", value);
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
pub fn get<'a>(members: &'a [(String, Json)], name: &str) -> Option<&'a Json> {
    members
        .iter()
        .rev()
        .find(|(m, _)| m == name)
        .map(|(_, v)| v)
}

/// `path.name`, or `name` at the top level.
pub fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}
