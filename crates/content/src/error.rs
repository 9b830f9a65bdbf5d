//! Content errors: where a problem is, and what it is, in plain words.

use std::fmt;

/// Where a content problem was found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// The file, when the content came from files (`content/drugs.toml`).
    pub file: Option<String>,
    /// The 1-based line in that file, when known.
    pub line: Option<usize>,
    /// The field, as a JSON path (`drugs[3].synonyms[1].name`); empty for the whole file.
    pub path: String,
    /// The 0-based line inside a multi-line text field, for problems in
    /// section text (the message also names it, as people count).
    pub text_line: Option<usize>,
}

impl Location {
    /// A location given by a field path alone.
    pub fn at_path(path: impl Into<String>) -> Self {
        Location {
            path: path.into(),
            ..Location::default()
        }
    }

    /// A location given by a line of the whole file (for syntax errors).
    pub fn at_line(line: usize) -> Self {
        Location {
            line: Some(line),
            ..Location::default()
        }
    }
}

/// One problem in a content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// Where it is.
    pub location: Location,
    /// What is wrong, in plain words.
    pub message: String,
}

impl ContentError {
    /// A new error at `location`.
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        ContentError {
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for ContentError {
    /// `content/drugs.toml:42: the 4th drug, cytarabine, its 2nd other name: "Oncovin" is already a name of vincristine`,
    /// or `line 42: …` when the file is not named. The message names the
    /// item; the JSON path stays in [`Location::path`] for tools.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = &self.location;
        match (&loc.file, loc.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (Some(file), None) => write!(f, "{file}: ")?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ContentError {}
