//! The content reader: a charity's content file (`content-src`, or text given
//! to the element's `setContent`) read, validated and handed back sealed
//! ([`Sealed`]), which the widget opens, as it opens a language file, without
//! validating it again.
//!
//! A WebAssembly module of its own (`content-reader-<hash>.js` and `.wasm`,
//! built by `tools/module-build.mjs`), which the loader imports only for a
//! widget that has such content: the widget's main wasm carries no JSON
//! parser and no reader of the format. It reads with the content crate's
//! own line-aware parser, so every problem names its line of the file, as
//! the checker's do.

use tg_content::json::Json;
use tg_content::read::get;
use tg_content::{review, Content, ContentFile, Sealed};

/// What reading a content file's text gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// Valid content, sealed ([`Sealed`]): what the widget opens without
    /// validating it again.
    Content(String),
    /// Content that cannot be used.
    Problems {
        /// Every problem, with its line when known (`line 4: …`).
        problems: Vec<String>,
        /// The ids of the sections under `sections`, when the text is JSON
        /// with a list there (`None` otherwise). The widget lets its
        /// built-in guide stand in only for a file with the built-in's ids.
        sections: Option<Vec<String>>,
    },
}

/// Reads a content file's text (JSON in the documented format): refused over
/// [`tg_content::MAX_CONTENT_BYTES`], parsed, read ([`ContentFile::read`])
/// and validated.
///
/// ```
/// use tg_reader::{read, Reading};
/// let Reading::Problems { problems, sections } = read("{\n  \"meta\": 1,\n  \"sections\": []\n}") else {
///     panic!("not valid content");
/// };
/// assert!(problems.iter().any(|p| p.starts_with("line 2: ")), "{problems:?}");
/// assert_eq!(sections, Some(Vec::new()));
/// ```
pub fn read(text: &str) -> Reading {
    let file = ContentFile::read(text);
    let sections = file.tree.as_ref().and_then(section_ids);
    let encoded = file.finish(|mut raw| {
        // The review's verdict, computed here: the widget computes no
        // fingerprint. (A translation's original is not at hand here: its
        // footer follows what `content-check --mark-translation` recorded.)
        review::seal(&mut raw, None);
        let content = Content::from_raw(raw)?;
        Sealed::of(&content).map_err(|error| vec![error])
    });
    match encoded {
        Ok(sealed) => Reading::Content(sealed.into_string()),
        Err(errors) => Reading::Problems {
            problems: errors.iter().map(ToString::to_string).collect(),
            sections,
        },
    }
}

/// The `id` of every section of a tree whose `sections` is a list; items
/// without a text `id` are left out.
fn section_ids(value: &Json) -> Option<Vec<String>> {
    let Json::Object(members) = value else {
        return None;
    };
    let Some(Json::Array(sections)) = get(members, "sections") else {
        return None;
    };
    let ids = sections.iter().filter_map(|section| match section {
        Json::Object(fields) => match get(fields, "id") {
            Some(Json::String(id)) => Some(id.clone()),
            _ => None,
        },
        _ => None,
    });
    Some(ids.collect())
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::prelude::*;

    use crate::Reading;

    /// Reads a content file's text ([`crate::read`]) for the loader, which
    /// hands the result to the widget's `mount`: `{content}` (the built-in
    /// encoding) for valid content, else `{problems, sections}` (the problems
    /// as text, the section ids or `null`).
    #[wasm_bindgen]
    pub fn read_content(text: &str) -> JsValue {
        let object = Object::new();
        let set = |key: &str, value: JsValue| {
            // Setting a property of a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &key.into(), &value);
        };
        match crate::read(text) {
            Reading::Content(encoded) => set("content", encoded.into()),
            Reading::Problems { problems, sections } => {
                set("problems", texts(&problems).into());
                set(
                    "sections",
                    sections.map_or(JsValue::NULL, |ids| texts(&ids).into()),
                );
            }
        }
        object.into()
    }

    fn texts(items: &[String]) -> Array {
        items.iter().map(|item| JsValue::from_str(item)).collect()
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::read_content;

#[cfg(test)]
mod tests {
    use super::*;
    use tg_content::record::Value;
    use tg_content::{MAX_CONTENT_BYTES, SECTION_IDS};

    /// The built-in content exported as a content file (kept current by the content crate's tests).
    const EXAMPLE: &str = include_str!("../../../docs/content-example.json");
    /// A small valid file on another topic.
    const NAUSEA: &str = include_str!("../../content/tests/fixtures/nausea.json");

    fn problems(reading: Reading) -> (Vec<String>, Option<Vec<String>>) {
        match reading {
            Reading::Problems { problems, sections } => (problems, sections),
            Reading::Content(_) => panic!("read as valid content"),
        }
    }

    #[test]
    fn valid_content_comes_back_in_the_built_in_encoding_as_the_content_crate_reads_it() {
        for text in [EXAMPLE, NAUSEA] {
            let Reading::Content(encoded) = read(text) else {
                panic!("{:?}", read(text));
            };
            let decoded = Content::from_sealed(&encoded).unwrap();
            assert_eq!(decoded, Content::from_json(text).unwrap());
        }
    }

    /// The review's verdict is computed by the reader (the widget computes no
    /// fingerprint): true for the text signed, false after one changed word.
    #[test]
    fn the_reader_says_whether_the_text_is_the_one_reviewed() {
        let mut raw = tg_content::read_content(&tg_content::json::parse(EXAMPLE).unwrap()).unwrap();
        raw.review = review::sign(&raw, "Dr A. Tremblay, hematologist", "2027-01-10");
        let signed = tg_content::json::to_text(&raw.to_json());
        let current = |text: &str| {
            let Reading::Content(encoded) = read(text) else {
                panic!("{:?}", read(text));
            };
            let content = Content::from_sealed(&encoded).unwrap();
            content.meta.review.map(|r| (r.date, r.current))
        };
        assert_eq!(current(&signed), Some(("2027-01-10".into(), true)));
        let changed = signed.replacen("the main treatment is", "the first treatment is", 1);
        assert_ne!(changed, signed);
        assert_eq!(current(&changed), Some(("2027-01-10".into(), false)));
        // A file cannot claim the verdict itself: it is no field of the format.
        let claimed = signed.replacen("\"by\":", "\"current\": \"yes\", \"by\":", 1);
        assert_ne!(claimed, signed);
        assert!(matches!(read(&claimed), Reading::Problems { .. }));
        assert_eq!(current(EXAMPLE), None);
    }

    #[test]
    fn a_problem_names_its_line_and_the_section_ids_are_kept() {
        let text = EXAMPLE.replacen(
            "\"title\": \"What relapsed and refractory mean\"",
            "\"title\": 42",
            1,
        );
        assert_ne!(text, EXAMPLE, "the example's first title changed");
        let line = 1 + text[..text.find("\"title\": 42").unwrap()]
            .matches('\n')
            .count();
        let (problems, sections) = problems(read(&text));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with(&format!("line {line}: sections, 1st item")),
            "{problems:?}"
        );
        assert!(
            problems[0].ends_with("title should be a text, not a number"),
            "{problems:?}"
        );
        assert_eq!(sections.unwrap(), SECTION_IDS);
    }

    #[test]
    fn validation_problems_are_placed_too() {
        let text = NAUSEA.replace("{ \"name\": \"Zofran\"", "{ \"name\": \"ondansetron\"");
        assert_ne!(text, NAUSEA);
        let line = 1 + text[..text.find("\"ondansetron\", \"kind\"").unwrap()]
            .matches('\n')
            .count();
        let (problems, sections) = problems(read(&text));
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with(&format!("line {line}: "))),
            "{problems:?}"
        );
        assert_eq!(
            sections.unwrap(),
            ["feeling-sick", "anti-sickness-medicines"]
        );
    }

    #[test]
    fn a_text_the_built_in_encoding_cannot_hold_is_a_problem() {
        let text = NAUSEA.replace("They can help.", "They can \\u001f help.");
        assert_ne!(text, NAUSEA);
        let (problems, sections) = problems(read(&text));
        assert!(
            problems.iter().any(|p| p.contains("U+001F")),
            "{problems:?}"
        );
        assert!(sections.is_some());
    }

    #[test]
    fn text_that_is_not_json_has_a_plain_message_and_no_sections() {
        let (problems, sections) = problems(read("<html>Oops, an error page</html>"));
        assert!(
            problems[0].starts_with("line 1: the file is not valid JSON"),
            "{problems:?}"
        );
        assert_eq!(sections, None);
        let (problems, sections) = problems_of_deep();
        assert!(problems[0].contains("nested more than 32 levels deep"));
        assert_eq!(sections, None);
    }

    fn problems_of_deep() -> (Vec<String>, Option<Vec<String>>) {
        let deep = format!(
            "{{\"meta\": {}\"x\"{}}}",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        problems(read(&deep))
    }

    #[test]
    fn a_text_over_the_limit_is_not_parsed() {
        let huge = format!(
            "{{\"sections\": [], \"x\": \"{}\"}}",
            "x".repeat(MAX_CONTENT_BYTES)
        );
        let (problems, sections) = problems(read(&huge));
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].contains("more than the 2048 KiB"),
            "{problems:?}"
        );
        assert_eq!(sections, None, "an oversized text is not read at all");
    }

    #[test]
    fn section_ids_are_those_of_a_list_of_blocks_with_a_text_id() {
        let ids = |text: &str| problems(read(text)).1;
        assert_eq!(ids("[1, 2]"), None);
        assert_eq!(ids("{\"sections\": {\"id\": \"a\"}}"), None);
        assert_eq!(ids("{\"meta\": 1}"), None);
        assert_eq!(
            ids("{\"sections\": [{\"id\": \"a\"}, 3, {\"id\": 4}, {\"title\": \"t\"}, {\"id\": \"b\"}]}"),
            Some(vec!["a".to_owned(), "b".to_owned()])
        );
        // A repeated name keeps its last value, as in `JSON.parse`.
        assert_eq!(
            ids("{\"sections\": 1, \"sections\": [{\"id\": \"x\", \"id\": \"y\"}]}"),
            Some(vec!["y".to_owned()])
        );
    }
}
