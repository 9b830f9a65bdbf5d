//! The editable content files in `content/` (TOML), read natively at build
//! time and by tools. Errors name the file and the line.
//!
//! | file | holds |
//! |---|---|
//! | `meta.toml` | `[meta]` (version, review date, title) and `[strings]` (interface words) |
//! | `sections.toml` | `[[sections]]` |
//! | `drugs.toml` | `[[drugs]]` with their `synonyms` |
//! | `glossary.toml` | `[[terms]]` |

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml_edit::{ImDocument, Item, Table, Value};

use crate::error::{ContentError, Location};
use crate::model::{Content, UiStrings};
use crate::raw::{RawContent, RawDrug, RawMeta, RawSection, RawTerm};
use crate::Check;

/// The languages of the built-in content and their folders under `content/`:
/// English (the default, compiled into the widget) and French (a file of its
/// own that a page loads only when it asks for French).
pub const LANGUAGES: [(&str, &str); 2] = [("en", ""), ("fr", "fr")];

/// The folder of `language`'s content in this repository (`None` for a
/// language the guide does not have).
pub fn language_dir(language: &str) -> Option<PathBuf> {
    LANGUAGES
        .iter()
        .find(|(code, _)| *code == language)
        .map(|(_, folder)| repository_dir().join(folder))
}

/// The content files, in the order they are read.
pub const FILES: [&str; 4] = ["meta.toml", "sections.toml", "drugs.toml", "glossary.toml"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    meta: RawMeta,
    strings: UiStrings,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionsFile {
    sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DrugsFile {
    drugs: Vec<RawDrug>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    terms: Vec<RawTerm>,
}

/// One content file's text and parsed document, kept to find lines for errors.
struct Source {
    name: String,
    text: String,
    document: Option<ImDocument<String>>,
}

/// The content folder, read and parsed.
pub struct ContentDir {
    sources: Vec<Source>,
    /// The content as written, when every file parsed.
    pub raw: Option<RawContent>,
}

impl ContentDir {
    /// Reads every file of [`FILES`] from `dir`; `label` prefixes file names in errors.
    pub fn read(dir: &Path, label: &str) -> Result<ContentDir, Vec<ContentError>> {
        let mut errors = Vec::new();
        let sources: Vec<Source> = FILES
            .iter()
            .map(|file| {
                let name = format!("{label}{file}");
                let text = fs::read_to_string(dir.join(file)).unwrap_or_else(|e| {
                    errors.push(file_error(&name, None, format!("cannot be read: {e}")));
                    String::new()
                });
                let document = match ImDocument::parse(text.clone()) {
                    Ok(document) => Some(document),
                    Err(e) => {
                        let line = e.span().map(|s| line_of(&text, s.start));
                        errors.push(file_error(
                            &name,
                            line,
                            format!("is not valid TOML: {}", e.message()),
                        ));
                        None
                    }
                };
                Source {
                    name,
                    text,
                    document,
                }
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut dir = ContentDir { sources, raw: None };
        let meta: Option<MetaFile> = dir.decode(0, &mut errors);
        let sections: Option<SectionsFile> = dir.decode(1, &mut errors);
        let drugs: Option<DrugsFile> = dir.decode(2, &mut errors);
        let glossary: Option<GlossaryFile> = dir.decode(3, &mut errors);
        match (meta, sections, drugs, glossary) {
            (Some(meta), Some(sections), Some(drugs), Some(glossary)) => {
                dir.raw = Some(RawContent {
                    meta: meta.meta,
                    strings: meta.strings,
                    sections: sections.sections,
                    drugs: drugs.drugs,
                    glossary: glossary.terms,
                });
                Ok(dir)
            }
            _ => Err(errors),
        }
    }

    /// Validates the content, with every error placed at its file and line.
    pub fn validate(&self) -> Result<Content, Vec<ContentError>> {
        let raw = self
            .raw
            .clone()
            .expect("read() returns a ContentDir only when every file parsed");
        Content::from_raw(raw).map_err(|errors| errors.into_iter().map(|e| self.place(e)).collect())
    }

    /// Validates the content and checks its plain language, with every error
    /// and warning placed at its file and line.
    pub fn check(&self) -> Check {
        let raw = self
            .raw
            .clone()
            .expect("read() returns a ContentDir only when every file parsed");
        let mut check = Check::of_raw(raw);
        let place = |errors: &mut Vec<ContentError>| {
            *errors = std::mem::take(errors)
                .into_iter()
                .map(|e| self.place(e))
                .collect();
        };
        place(&mut check.errors);
        if let Some(plain) = &mut check.plain_language {
            place(&mut plain.warnings);
        }
        check
    }

    fn decode<T: DeserializeOwned>(
        &self,
        index: usize,
        errors: &mut Vec<ContentError>,
    ) -> Option<T> {
        let source = &self.sources[index];
        match toml_edit::de::from_str::<T>(&source.text) {
            Ok(value) => Some(value),
            Err(e) => {
                let line = e.span().map(|s| line_of(&source.text, s.start));
                errors.push(file_error(
                    &source.name,
                    line,
                    e.message().trim().to_owned(),
                ));
                None
            }
        }
    }

    /// Adds the file and line to an error that has only a field path.
    fn place(&self, mut error: ContentError) -> ContentError {
        let path = error.location.path.clone();
        let (top, rest) = path.split_once(['.', '[']).unwrap_or((path.as_str(), ""));
        let (index, key) = match top {
            "meta" | "strings" => (0, top),
            "sections" => (1, "sections"),
            "drugs" => (2, "drugs"),
            "glossary" => (3, "terms"),
            _ => return error,
        };
        let source = &self.sources[index];
        error.location.file = Some(source.name.clone());
        let separator = if path.as_bytes().get(top.len()) == Some(&b'[') {
            "["
        } else {
            "."
        };
        let toml_path = if rest.is_empty() {
            key.to_owned()
        } else {
            format!("{key}{separator}{rest}")
        };
        if let Some(document) = &source.document {
            if let Some(span) = find_span(document.as_item(), &toml_path) {
                let mut line = line_of(&source.text, span.start);
                if let Some(text_line) = error.location.text_line {
                    let opens_block = source.text[span.start..].starts_with("\"\"\"\n")
                        || source.text[span.start..].starts_with("'''\n");
                    line += text_line + usize::from(opens_block);
                }
                error.location.line = Some(line);
            }
        }
        error
    }
}

/// Reads and validates a content folder in one step.
pub fn load(dir: &Path, label: &str) -> Result<Content, Vec<ContentError>> {
    ContentDir::read(dir, label)?.validate()
}

/// The content of this repository's `content/` folder, validated: for
/// tests, benchmarks and tools. Panics with every problem if it is invalid.
pub fn shipped() -> Content {
    load(&repository_dir(), "content/").unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("content/ is invalid:\n{}", lines.join("\n"))
    })
}

/// The path of the built-in content folder in this repository.
pub fn repository_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
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

/// The span of the item at a path like `drugs[3].synonyms[1].name`, or of the
/// deepest part of it that exists.
fn find_span(root: &Item, path: &str) -> Option<std::ops::Range<usize>> {
    let mut item = ItemRef::Item(root);
    let mut best = None;
    for segment in path.split('.') {
        let (key, indices) = match segment.find('[') {
            Some(i) => (&segment[..i], &segment[i..]),
            None => (segment, ""),
        };
        item = item.get(key)?;
        best = item.span().or(best);
        for index in indices.split(['[', ']']).filter(|s| !s.is_empty()) {
            item = item.index(index.parse().ok()?)?;
            best = item.span().or(best);
        }
    }
    best
}

/// A step into a TOML document: a table item or an inline value.
#[derive(Clone, Copy)]
enum ItemRef<'a> {
    Item(&'a Item),
    Table(&'a Table),
    Value(&'a Value),
}

impl<'a> ItemRef<'a> {
    fn get(self, key: &str) -> Option<ItemRef<'a>> {
        match self {
            ItemRef::Item(item) => match item {
                Item::Table(t) => t.get(key).map(ItemRef::Item),
                Item::Value(v) => ItemRef::Value(v).get(key),
                _ => None,
            },
            ItemRef::Table(t) => t.get(key).map(ItemRef::Item),
            ItemRef::Value(Value::InlineTable(t)) => t.get(key).map(ItemRef::Value),
            ItemRef::Value(_) => None,
        }
    }

    fn index(self, i: usize) -> Option<ItemRef<'a>> {
        match self {
            ItemRef::Item(Item::ArrayOfTables(a)) => a.get(i).map(ItemRef::Table),
            ItemRef::Item(Item::Value(v)) | ItemRef::Value(v) => match v {
                Value::Array(a) => a.get(i).map(ItemRef::Value),
                _ => None,
            },
            _ => None,
        }
    }

    fn span(self) -> Option<std::ops::Range<usize>> {
        match self {
            ItemRef::Item(item) => item.span(),
            ItemRef::Table(table) => table.span(),
            ItemRef::Value(value) => value.span(),
        }
    }
}
