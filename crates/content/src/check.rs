//! Checking a content file: every error, the plain-language warnings and
//! the reading grade of each section. What `content-check`, the build and
//! the browser checker report.

use crate::error::{ContentError, Location};
use crate::file::ContentFile;
use crate::json::Lines;
use crate::model::Content;
use crate::plain_language::{self, PlainLanguage};
use crate::raw::RawContent;
use crate::review;

/// What checking a content file found.
#[derive(Clone, Debug, Default)]
pub struct Check {
    /// The validated content, when there is no error.
    pub content: Option<Content>,
    /// Every error: the widget refuses a file with any.
    pub errors: Vec<ContentError>,
    /// The plain-language check, when the file could be read as content
    /// (even with errors in its values).
    pub plain_language: Option<PlainLanguage>,
    /// Warnings about the review and the references: a statement without a
    /// reference, a field no longer used ([`crate::review::reference_warnings`]).
    pub review: Vec<ContentError>,
}

impl Check {
    /// A file that could not be read at all.
    pub fn failed(errors: Vec<ContentError>) -> Check {
        Check {
            errors,
            ..Check::default()
        }
    }

    /// Checks content as written.
    pub fn of_raw(raw: RawContent) -> Check {
        let plain = plain_language::check(&raw);
        let mut review = review::reference_warnings(&raw);
        if !raw.meta.last_reviewed.trim().is_empty() {
            review.push(ContentError::new(
                Location::at_path("meta.last_reviewed"),
                "meta.last_reviewed is no longer used, so the footer does not show it: a review date must come with the fingerprint of the text reviewed. Remove it; a medical reviewer signs with content-check --sign-review".to_owned(),
            ));
        }
        if !raw.meta.translation.reviewed.trim().is_empty() {
            review.push(ContentError::new(
                Location::at_path("meta.translation.reviewed"),
                "meta.translation.reviewed is no longer used, so the footer does not show it: a translation's own review is its own review record. Remove it; a medical reviewer signs the translation with content-check --sign-review".to_owned(),
            ));
        }
        let (content, errors) = match Content::from_raw(raw) {
            Ok(content) => (Some(content), Vec::new()),
            Err(errors) => (None, errors),
        };
        Check {
            content,
            errors,
            plain_language: Some(plain),
            review,
        }
    }

    /// Checks content JSON text, read the one way ([`ContentFile::read`]),
    /// every problem placed at its line of the file, syntax errors told in
    /// plain words. What the checkers use.
    ///
    /// ```
    /// let check = tg_content::Check::of_json("{\n  \"meta\": {},\n  \"strings\": 3\n}");
    /// let lines: Vec<Option<usize>> = check.errors.iter().map(|e| e.location.line).collect();
    /// assert!(lines.contains(&Some(2)), "meta has no version: {lines:?}");
    /// assert_eq!(check.errors.last().unwrap().to_string(),
    ///            "line 3: strings should be a block of fields, not a number");
    /// ```
    pub fn of_json(text: &str) -> Check {
        let file = ContentFile::read(text);
        match file.raw {
            Ok(raw) => {
                let mut check = Check::of_raw(raw);
                check.place(&file.lines);
                check
            }
            Err(errors) => Check::failed(errors),
        }
    }

    /// Adds the file and line of each error and warning from `lines`.
    pub fn place(&mut self, lines: &Lines) {
        for error in &mut self.errors {
            lines.place(error);
        }
        if let Some(plain) = &mut self.plain_language {
            for warning in &mut plain.warnings {
                lines.place(warning);
            }
        }
        for warning in &mut self.review {
            lines.place(warning);
        }
    }

    /// Every warning: the plain-language ones, then those about the review
    /// and the references.
    pub fn warnings(&self) -> Vec<&ContentError> {
        self.plain_language
            .iter()
            .flat_map(|plain| &plain.warnings)
            .chain(&self.review)
            .collect()
    }
}
