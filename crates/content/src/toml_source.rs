//! The editable content files in `content/` (TOML), read natively at build
//! time and by tools. The folder becomes the same tree as a JSON file
//! ([`Json`], with the file and line of every value), and the one reader
//! (`read.rs`) reads it: every mistake in every file is reported, each with
//! its file and line.
//!
//! | file | holds |
//! |---|---|
//! | `meta.toml` | `[meta]` (version, title), `[strings]` (interface words), `[review]` (the medical review, written by `content-check --sign-review`) and `[[review_points]]` (points for the reviewer) |
//! | `sections.toml` | `[[sections]]` |
//! | `drugs.toml` | `[[drugs]]` with their `synonyms` |
//! | `glossary.toml` | `[[terms]]` |
//!
//! A language is a folder: the content folder itself holds the default
//! language, and each folder inside it that has a `meta.toml` holds the
//! language its name gives (`content/fr/`). See [`discover`].

use std::fs;
use std::path::{Path, PathBuf};

use toml_edit::{ImDocument, Item, Table, Value};

use crate::check::Check;
use crate::error::{ContentError, Location};
use crate::json::{Json, Line, Lines};
use crate::model::Content;
use crate::raw::RawContent;
use crate::read::join;
use crate::record::{self, Record};
use crate::words::did_you_mean;

pub use crate::folder::FILES;

/// The tables of each file: (file, table in the file, field of the content).
const TABLES: [(&str, &str, &str); 7] = [
    ("meta.toml", "meta", "meta"),
    ("meta.toml", "strings", "strings"),
    ("meta.toml", "review", "review"),
    ("meta.toml", "review_points", "review_points"),
    ("sections.toml", "sections", "sections"),
    ("drugs.toml", "drugs", "drugs"),
    ("glossary.toml", "terms", "glossary"),
];

/// The content folder, read and parsed.
#[derive(Debug)]
pub struct ContentDir {
    /// The folder as one tree, in the documented JSON format.
    pub tree: Json,
    /// The file and line of every value of the tree.
    pub lines: Lines,
    /// The content as written, when every file could be read.
    pub raw: Option<RawContent>,
}

impl ContentDir {
    /// Reads every file of [`FILES`] from `dir`; `label` prefixes file names
    /// in errors. Fails with every problem of every file.
    pub fn read(dir: &Path, label: &str) -> Result<ContentDir, Vec<ContentError>> {
        let mut errors = Vec::new();
        let texts: Vec<(String, String)> = FILES
            .iter()
            .map(|file| {
                let text = fs::read_to_string(dir.join(file)).unwrap_or_else(|e| {
                    errors.push(file_error(
                        &format!("{label}{file}"),
                        None,
                        format!("cannot be read: {e}"),
                    ));
                    String::new()
                });
                ((*file).to_owned(), text)
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        ContentDir::from_texts(&texts, label)
    }

    /// Reads the content from the texts of its files (name, text).
    pub fn from_texts(
        texts: &[(String, String)],
        label: &str,
    ) -> Result<ContentDir, Vec<ContentError>> {
        let mut errors = Vec::new();
        let mut lines = Lines::default();
        let mut members: Vec<(String, Json)> = Vec::new();
        for (file, text) in texts {
            let name = format!("{label}{file}");
            let document = match ImDocument::parse(text.as_str()) {
                Ok(document) => document,
                Err(e) => {
                    let line = e.span().map(|s| line_of(text, s.start));
                    errors.push(file_error(
                        &name,
                        line,
                        format!("is not valid TOML: {}", e.message().trim()),
                    ));
                    continue;
                }
            };
            let mut convert = Convert {
                text,
                file: &name,
                lines: &mut lines,
            };
            let tables: Vec<&str> = TABLES
                .iter()
                .filter(|(f, _, _)| f == file)
                .map(|(_, table, _)| *table)
                .collect();
            for (key, item) in document.as_table().iter() {
                let Some((_, _, field)) = TABLES.iter().find(|(f, t, _)| f == file && *t == key)
                else {
                    let line = item
                        .span()
                        .or_else(|| document.as_table().key(key).and_then(|k| k.span()));
                    let hint = did_you_mean(key, tables.iter().copied());
                    errors.push(file_error(
                        &name,
                        line.map(|s| line_of(text, s.start)),
                        format!(
                            "the table \"{key}\" does not belong in {file}{hint}; this file holds {}",
                            tables.join(" and ")
                        ),
                    ));
                    continue;
                };
                members.push(((*field).to_owned(), convert.item(item, field)));
            }
        }
        for (file, table, field) in TABLES {
            let required = RawContent::FIELDS
                .iter()
                .any(|f| f.name == field && f.required);
            let read = texts.iter().any(|(name, _)| name == file);
            if required && read && !members.iter().any(|(name, _)| name == field) {
                let form = if field == "meta" {
                    format!("[{table}]")
                } else {
                    format!("[[{table}]]")
                };
                errors.push(file_error(
                    &format!("{label}{file}"),
                    None,
                    format!("has no {form} table; add it (the built-in content shows its form)"),
                ));
            }
        }
        let tree = Json::Object(members);
        let raw = match record::read::<RawContent>(&tree) {
            Ok(raw) => Some(raw),
            Err(found) => {
                // A table missing from a file is reported above, in the words of TOML.
                errors.extend(
                    found
                        .into_iter()
                        .filter(|e| !e.location.path.is_empty())
                        .map(|mut error| {
                            lines.place(&mut error);
                            error
                        }),
                );
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ContentDir { tree, lines, raw })
    }

    /// Validates the content, with every error placed at its file and line.
    /// The review's verdict is sealed first ([`crate::review::seal`]), so the
    /// content says whether the text is the one reviewed; a translation's
    /// original is not at hand here.
    pub fn validate(&self) -> Result<Content, Vec<ContentError>> {
        let mut raw = self
            .raw
            .clone()
            .expect("read() returns a ContentDir only when every file was read");
        crate::review::seal(&mut raw, None);
        Content::from_raw(raw).map_err(|errors| errors.into_iter().map(|e| self.place(e)).collect())
    }

    /// Validates the content and checks its plain language, with every error
    /// and warning placed at its file and line.
    pub fn check(&self) -> Check {
        let raw = self
            .raw
            .clone()
            .expect("read() returns a ContentDir only when every file was read");
        let mut check = Check::of_raw(raw);
        check.place(&self.lines);
        check
    }

    /// Adds the file and line to an error that has only a field path.
    fn place(&self, mut error: ContentError) -> ContentError {
        self.lines.place(&mut error);
        error
    }
}

/// Turns a TOML document into a [`Json`] tree, noting each value's line.
struct Convert<'a> {
    text: &'a str,
    file: &'a str,
    lines: &'a mut Lines,
}

impl Convert<'_> {
    fn note(
        &mut self,
        path: &str,
        span: Option<std::ops::Range<usize>>,
        text_start: Option<usize>,
    ) {
        if let Some(span) = span {
            let line = line_of(self.text, span.start);
            self.lines.insert(
                path.to_owned(),
                Line {
                    file: Some(self.file.to_owned()),
                    line,
                    text_start,
                },
            );
        }
    }

    fn item(&mut self, item: &Item, path: &str) -> Json {
        match item {
            Item::None => Json::Null,
            Item::Value(value) => self.value(value, path),
            Item::Table(table) => self.table(table, path),
            Item::ArrayOfTables(tables) => Json::Array(
                tables
                    .iter()
                    .enumerate()
                    .map(|(i, table)| self.table(table, &format!("{path}[{i}]")))
                    .collect(),
            ),
        }
    }

    fn table(&mut self, table: &Table, path: &str) -> Json {
        self.note(path, table.span(), None);
        Json::Object(
            table
                .iter()
                .map(|(key, item)| (key.to_owned(), self.item(item, &join(path, key))))
                .collect(),
        )
    }

    fn value(&mut self, value: &Value, path: &str) -> Json {
        let span = value.span();
        let text_start = span.clone().and_then(|span| {
            let raw = &self.text[span.start..];
            let start = line_of(self.text, span.start);
            if raw.starts_with("\"\"\"\n") || raw.starts_with("'''\n") {
                Some(start + 1)
            } else if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
                Some(start)
            } else {
                None
            }
        });
        self.note(path, span, text_start);
        match value {
            Value::String(s) => Json::String(s.value().clone()),
            Value::Integer(i) => Json::Number(*i.value() as f64),
            Value::Float(f) => Json::Number(*f.value()),
            Value::Boolean(b) => Json::Bool(*b.value()),
            // A date written without quotes (`last_reviewed = 2026-11-26`) is its text.
            Value::Datetime(d) => Json::String(d.value().to_string()),
            Value::Array(items) => Json::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.value(item, &format!("{path}[{i}]")))
                    .collect(),
            ),
            Value::InlineTable(table) => Json::Object(
                table
                    .iter()
                    .map(|(key, item)| (key.to_owned(), self.value(item, &join(path, key))))
                    .collect(),
            ),
        }
    }
}

/// The content of a folder as one file in the documented JSON format
/// (`content-check --export`; `docs/content-example.json` is the English
/// folder's), read but not validated.
pub fn export(dir: &Path, label: &str) -> Result<String, Vec<ContentError>> {
    let raw = ContentDir::read(dir, label)?
        .raw
        .expect("read() returns parsed content");
    Ok(crate::json::to_text(&record::Value::to_json(&raw)) + "\n")
}

/// Reads and validates a content folder in one step.
pub fn load(dir: &Path, label: &str) -> Result<Content, Vec<ContentError>> {
    ContentDir::read(dir, label)?.validate()
}

/// The languages of a content folder, default language first, as
/// (language code, folder); see [`crate::discover::discover`].
pub fn discover(root: &Path) -> Vec<(String, PathBuf)> {
    crate::discover::discover(root, crate::languages::FALLBACK)
}

/// The built-in content of the guide, validated: for tests, benchmarks and
/// tools. Panics with every problem if it is invalid.
pub fn shipped() -> Content {
    built_in(crate::languages::FALLBACK)
        .expect("the guide has content in its default language")
        .validate()
        .unwrap_or_else(|errors| {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("content/ is invalid:\n{}", lines.join("\n"))
        })
}

/// The built-in content of `language` as it was when this crate was built,
/// read (`None` for a language the guide does not have).
pub fn built_in(language: &str) -> Option<ContentDir> {
    let (_, folder, texts) = crate::languages::TEXTS
        .iter()
        .find(|(code, _, _)| *code == language)?;
    let texts: Vec<(String, String)> = FILES
        .iter()
        .zip(texts.iter())
        .map(|(file, text)| ((*file).to_owned(), (*text).to_owned()))
        .collect();
    let label = if folder.is_empty() {
        "content/".to_owned()
    } else {
        format!("content/{folder}/")
    };
    Some(
        ContentDir::from_texts(&texts, &label).unwrap_or_else(|errors| {
            panic!(
                "built-in content of {language} is unreadable: {}",
                errors[0]
            )
        }),
    )
}

fn file_error(file: &str, line: Option<usize>, message: String) -> ContentError {
    let location = Location {
        file: Some(file.to_owned()),
        line,
        ..Location::default()
    };
    ContentError::new(location, message)
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
