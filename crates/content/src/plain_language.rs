//! The plain-language check for editors: each section's reading grade, and
//! warnings for a section above [`MAX_GRADE`] and for every sentence over
//! [`MAX_SENTENCE_WORDS`], each at its field (and line in the text).
//!
//! `content-check`, the build and the browser checker (`check.html`) all
//! report these; `content-check --strict` makes them errors. They are
//! warnings, not errors, because a reader can still use the text: the widget
//! shows content that only has warnings.
//!
//! ```
//! use tg_content::{plain_language, RawContent, RawSection};
//! let mut raw = RawContent::default();
//! raw.sections.push(RawSection {
//!     id: "chemotherapy".into(),
//!     body: "Short words help.\n\n- This list item goes on and on and on and on, \
//!            with one word after another, until it has far more words than \
//!            any reader should need.".into(),
//!     ..RawSection::default()
//! });
//! let check = plain_language::check(&raw);
//! assert_eq!(check.warnings.len(), 1);
//! let warning = &check.warnings[0];
//! assert_eq!(warning.location.path, "sections[0].body");
//! assert_eq!(warning.location.text_line, Some(2));
//! assert!(warning.message.starts_with("the 1st section: plain language: a sentence of 27 words"));
//! ```

use crate::error::{ContentError, Location};
use crate::markup::plain_body;
use crate::raw::RawContent;
use crate::readability::{assess_with_names, one_decimal, MAX_GRADE, MAX_SENTENCE_WORDS};
use crate::words::ordinal;

/// The words of a long sentence quoted in its warning.
const QUOTED_WORDS: usize = 10;

/// One section's reading grade.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionGrade {
    /// The section's id, as written.
    pub id: String,
    /// The section's title, as written.
    pub title: String,
    /// The field of its text, `sections[3].body`.
    pub path: String,
    /// Its Flesch-Kincaid grade, drug names counted as one syllable.
    pub grade: f64,
}

/// What the plain-language check found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlainLanguage {
    /// Every section's reading grade, in file order.
    pub grades: Vec<SectionGrade>,
    /// A section above [`MAX_GRADE`], a sentence over [`MAX_SENTENCE_WORDS`].
    pub warnings: Vec<ContentError>,
}

/// Checks the text of every section of content as written (valid or not).
/// The reading grade is checked for English text only; sentence length for every language.
///
/// Drug names and their other names count as words of one syllable: they
/// are the words readers come for and cannot be made shorter.
pub fn check(raw: &RawContent) -> PlainLanguage {
    let names: Vec<&str> = raw
        .drugs
        .iter()
        .flat_map(|d| std::iter::once(&d.name).chain(d.synonyms.iter().map(|s| &s.name)))
        .map(String::as_str)
        .collect();
    let english = raw.meta.language.is_empty() || raw.meta.language.eq_ignore_ascii_case("en");
    let mut out = PlainLanguage::default();
    for (i, section) in raw.sections.iter().enumerate() {
        let path = format!("sections[{i}].body");
        let body = plain_body(&section.body);
        let who = if section.title.trim().is_empty() {
            format!("the {} section", ordinal(i))
        } else {
            format!(
                "the {} section, \"{}\"",
                ordinal(i),
                crate::words::quoted(&section.title)
            )
        };
        let assessment = assess_with_names(&body.text, MAX_SENTENCE_WORDS, &names);
        // The grade formula counts English syllables: it says nothing of
        // another language's text, where only sentence length is checked.
        if english && assessment.grade > MAX_GRADE {
            out.warnings.push(ContentError::new(
                Location::at_path(&path),
                format!(
                    "{who}: plain language: reading grade {}, above {}; \
                     use shorter sentences and everyday words",
                    one_decimal(assessment.grade),
                    one_decimal(MAX_GRADE)
                ),
            ));
        }
        for long in &assessment.long_sentences {
            let offset = long.text.as_ptr() as usize - body.text.as_ptr() as usize;
            let location = Location {
                text_line: Some(body.line_at(offset)),
                ..Location::at_path(&path)
            };
            out.warnings.push(ContentError::new(
                location,
                format!(
                    "{who}: plain language: a sentence of {} words, more than {MAX_SENTENCE_WORDS}; \
                     split it: \"{}\"",
                    long.words,
                    beginning(long.text)
                ),
            ));
        }
        out.grades.push(SectionGrade {
            id: section.id.clone(),
            title: section.title.clone(),
            path,
            grade: assessment.grade,
        });
    }
    out
}

/// The first [`QUOTED_WORDS`] words of a sentence, and `…` if it goes on.
fn beginning(sentence: &str) -> String {
    let mut words = sentence.split_whitespace();
    let shown: Vec<&str> = words.by_ref().take(QUOTED_WORDS).collect();
    let more = if words.next().is_some() { " …" } else { "" };
    format!("{}{more}", shown.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::{RawDrug, RawSection};

    fn section(body: &str) -> RawSection {
        RawSection {
            id: "chemotherapy".into(),
            title: "Chemotherapy".into(),
            summary: String::new(),
            body: body.into(),
            ..RawSection::default()
        }
    }

    #[test]
    fn the_grade_is_an_english_measure_and_sentence_length_counts_everywhere() {
        let hard = "Pharmacological immunosuppression necessitates comprehensive haematological surveillance.";
        let mut raw = RawContent::default();
        raw.meta.language = "en".into();
        raw.sections = vec![section(hard)];
        assert_eq!(
            check(&raw).warnings.len(),
            1,
            "English: the grade is checked"
        );
        raw.meta.language = "fr".into();
        assert!(check(&raw).warnings.is_empty(), "French: no English grade");
        let long = ["mot"; 30].join(" ") + ".";
        raw.sections = vec![section(&long)];
        assert_eq!(
            check(&raw).warnings.len(),
            1,
            "French: a long sentence still counts"
        );
    }

    #[test]
    fn plain_text_has_no_warnings_and_a_grade_per_section() {
        let mut raw = RawContent::default();
        raw.sections.push(section("The cat sat on the mat."));
        raw.sections.push(section("I see the dog. The dog is big."));
        let check = check(&raw);
        assert!(check.warnings.is_empty());
        assert_eq!(check.grades.len(), 2);
        assert_eq!(check.grades[1].path, "sections[1].body");
        assert!(check.grades[0].grade < 0.0);
    }

    #[test]
    fn a_hard_section_is_reported_once_and_long_sentences_at_their_lines() {
        let long = "This sentence has twenty six words in it because it keeps going on \
                    and on about nothing at all until the reader wants it over now.";
        let body = format!(
            "Intravenous chemotherapeutic administration necessitates multidisciplinary \
             coordination.\n\nShort one.\n\n- {long}\n- Fine.\n\nA paragraph\nthat goes on. {long}"
        );
        let mut raw = RawContent::default();
        raw.sections.push(section(&body));
        let check = check(&raw);
        let found: Vec<(Option<usize>, &str)> = check
            .warnings
            .iter()
            .map(|w| (w.location.text_line, w.message.as_str()))
            .collect();
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(found[0].0, None);
        assert!(
            found[0].1.contains(": plain language: reading grade "),
            "{}",
            found[0].1
        );
        assert_eq!(found[1].0, Some(4), "the list item's line");
        assert!(
            found[1].1.ends_with(
                "a sentence of 26 words, more than 25; split it: \
                 \"This sentence has twenty six words in it because it …\""
            ),
            "{}",
            found[1].1
        );
        // The sentence starts on the paragraph's second line.
        assert_eq!(found[2].0, Some(8));
    }

    #[test]
    fn drug_names_count_as_one_syllable() {
        let body = "Your doctor may give you inotuzumab ozogamicin or blinatumomab.";
        let mut raw = RawContent::default();
        raw.sections.push(section(body));
        let by_spelling = check(&raw).grades[0].grade;
        raw.drugs.push(RawDrug {
            name: "inotuzumab ozogamicin".into(),
            treatment: "immunotherapy".into(),
            ..RawDrug::default()
        });
        raw.drugs.push(RawDrug {
            name: "blinatumomab".into(),
            treatment: "immunotherapy".into(),
            ..RawDrug::default()
        });
        let with_names = check(&raw).grades[0].grade;
        assert!(
            with_names < by_spelling - 3.0,
            "{with_names} < {by_spelling}"
        );
    }
}
