//! Reading a content file's JSON text: the one way every reader of a file
//! (the widget's content reader, the checkers, `content-check`, the
//! library's [`crate::Content::from_json`]) starts. The text is refused
//! over [`MAX_CONTENT_BYTES`], parsed, and read into [`RawContent`];
//! whatever the caller does next (validate, check, sign) gets its problems
//! placed at their line of the file by [`ContentFile::finish`].

use crate::error::{ContentError, Location};
use crate::json::{self, Json, Lines};
use crate::raw::RawContent;
use crate::record;

/// The largest content file accepted, in bytes (2 MiB): enough for tens of
/// thousands of drug names, small enough that a wrong URL cannot stall a phone.
pub const MAX_CONTENT_BYTES: usize = 2 * 1024 * 1024;

/// A content file's text, size-checked, parsed and read.
#[derive(Clone, Debug)]
pub struct ContentFile {
    /// The parsed tree; `None` when the text was refused (too large, not JSON).
    pub tree: Option<Json>,
    /// The line of each value of the tree.
    pub lines: Lines,
    /// The content as written, or every problem with its shape or its text
    /// (placed at their lines).
    pub raw: Result<RawContent, Vec<ContentError>>,
}

impl ContentFile {
    /// Reads content JSON text: refused over [`MAX_CONTENT_BYTES`], parsed,
    /// read.
    ///
    /// ```
    /// let file = tg_content::ContentFile::read("{\n  \"meta\": 3\n}");
    /// let errors = file.raw.unwrap_err();
    /// assert!(errors.iter().any(|e| e.to_string() == "line 2: meta should be a block of fields, not a number"));
    /// ```
    pub fn read(text: &str) -> ContentFile {
        let refused = |error: ContentError| ContentFile {
            tree: None,
            lines: Lines::default(),
            raw: Err(vec![error]),
        };
        if let Err(error) = check_size(text) {
            return refused(error);
        }
        let document = match json::parse_document(text) {
            Ok(document) => document,
            Err(error) => return refused(error),
        };
        let raw = record::read::<RawContent>(&document.value).map_err(|mut errors| {
            place(&document.lines, &mut errors);
            errors
        });
        ContentFile {
            tree: Some(document.value),
            lines: document.lines,
            raw,
        }
    }

    /// What `next` makes of the content as written (validation, a check,
    /// a review sheet), every problem placed at its line of the file; the
    /// problems of reading when it could not be read.
    pub fn finish<T>(
        self,
        next: impl FnOnce(RawContent) -> Result<T, Vec<ContentError>>,
    ) -> Result<T, Vec<ContentError>> {
        next(self.raw?).map_err(|mut errors| {
            place(&self.lines, &mut errors);
            errors
        })
    }
}

fn place(lines: &Lines, errors: &mut [ContentError]) {
    for error in errors {
        lines.place(error);
    }
}

/// Refuses a content text over [`MAX_CONTENT_BYTES`], before it is parsed.
fn check_size(text: &str) -> Result<(), ContentError> {
    if text.len() <= MAX_CONTENT_BYTES {
        return Ok(());
    }
    let message = format!(
        "the file is {} KiB, more than the {} KiB a content file may have",
        text.len() / 1024,
        MAX_CONTENT_BYTES / 1024
    );
    Err(ContentError::new(Location::default(), message))
}
