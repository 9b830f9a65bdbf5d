//! Every message an editor may meet, as they read it: positions as people
//! count them with the item's own name, the file's lines, plain words for
//! syntax, "did you mean" for slips of the keyboard.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use tg_content::{Check, Content};

fn fixture() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/nausea.json"))
        .unwrap()
}

/// The messages for the nausea fixture with `edit` applied, each with its line.
fn errors_of(edit: impl FnOnce(String) -> String) -> Vec<String> {
    let text = edit(fixture());
    Check::of_json(&text)
        .errors
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_fixture_is_valid() {
    assert_eq!(errors_of(|t| t), Vec::<String>::new());
}

#[test]
fn a_wrong_kind_names_the_drug_and_suggests_the_kind() {
    assert_eq!(
        errors_of(|t| t.replace("\"kind\": \"brand\"", "\"kind\": \"brand name\"")),
        ["line 28: the 1st drug, ondansetron: its other name \"Zofran\" has kind \"brand name\" \
          (did you mean \"brand\"?); use brand, code, abbreviation or other"]
    );
}

#[test]
fn section_ids_are_slugs_named_with_their_titles() {
    assert_eq!(
        errors_of(|t| t.replace("\"id\": \"feeling-sick\"", "\"id\": \"Feeling Sick\"")),
        ["line 11: the 1st section, \"Feeling sick\", its id: \"Feeling Sick\" is not a section id; \
          an id is lower-case letters and digits joined by hyphens, at most 60 characters, like \"feeling-sick\""]
    );
    assert_eq!(
        errors_of(|t| t.replace("\"id\": \"anti-sickness-medicines\"", "\"id\": \"feeling-sick\"")),
        [
            "line 25: the 1st drug, ondansetron, its treatment: \"anti-sickness-medicines\" is not the id \
             of a section; use feeling-sick",
            "line 17: the 2nd section, \"Anti-sickness medicines\", its id: \"feeling-sick\" is already \
             the id of the 1st section, \"Feeling sick\"",
        ]
    );
}

#[test]
fn a_treatment_id_gets_a_suggestion() {
    assert_eq!(
        errors_of(|t| t.replace(
            "\"treatment\": \"anti-sickness-medicines\"",
            "\"treatment\": \"anti-sickness\""
        )),
        ["line 25: the 1st drug, ondansetron, its treatment: \"anti-sickness\" is not the id of a section \
          (did you mean \"anti-sickness-medicines\"?); use feeling-sick or anti-sickness-medicines"]
    );
}

#[test]
fn a_mention_gets_a_suggestion_and_its_line() {
    assert_eq!(
        errors_of(|t| t.replace("{ondansetron}", "{ondansetrn}")),
        ["line 19: the 2nd section, \"Anti-sickness medicines\", its text, 1st line: \"{ondansetrn}\" \
          names no drug in the drug list and no glossary term (did you mean \"ondansetron\"?)"]
    );
}

#[test]
fn a_strings_key_gets_a_suggestion() {
    let errors = errors_of(|t| {
        t.replace(
            "  \"sections\": [",
            "  \"strings\": { \"clsoe\": \"Shut\" },\n  \"sections\": [",
        )
    });
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "line 9: strings has a field \"clsoe\" that is not part of the format \
             (did you mean \"close\"?); the fields there are expand_all, collapse_all,"
        ),
        "{errors:?}"
    );
}

#[test]
fn a_missing_block_and_a_wrong_type_read_in_plain_words() {
    let errors = errors_of(|t| {
        let start = t.find("  \"sections\"").unwrap();
        let end = t.find("  \"drugs\"").unwrap();
        format!("{}{}", &t[..start], &t[end..])
            .replace("\"class\": \"anti-sickness medicine\"", "\"class\": 3")
    });
    assert_eq!(
        errors,
        [
            "line 1: the file has no \"sections\" (a list); add it",
            "line 13: drugs, 1st item \"ondansetron\", class should be a text, not a number",
        ]
    );
}

#[test]
fn json_syntax_errors_read_in_plain_words_with_their_line() {
    assert_eq!(
        errors_of(|t| t.replace("\"Zofran\", \"kind\": \"brand\" }", "\"Zofran\", \"kind\": \"brand\", }")),
        ["line 28: the file is not valid JSON: on line 28, a comma comes before the closing } with nothing after it; remove the comma"]
    );
    assert_eq!(
        errors_of(|t| t.replace("\"title\": \"Feeling sick\",", "\"title\": \"Feeling sick,")),
        ["line 12: the file is not valid JSON: on line 12, a text is not closed: a double quote \" is missing at its end"]
    );
}

#[test]
fn interface_words_default_to_the_files_language() {
    let content =
        Content::from_json(&fixture().replace("\"language\": \"en\"", "\"language\": \"fr\""))
            .unwrap();
    assert_eq!(
        content.strings.close,
        tg_content::languages::default_strings("fr").close
    );
    assert_ne!(content.strings.close, "Close", "French words, not English");
    assert!(
        content.strings.lookup_hint.ends_with("comme Zofran."),
        "{}",
        content.strings.lookup_hint
    );

    let content =
        Content::from_json(&fixture().replace("\"language\": \"en\"", "\"language\": \"de\""))
            .unwrap();
    assert_eq!(
        content.strings.close, "Close",
        "English for a language the guide has not"
    );

    let given = fixture().replace(
        "  \"sections\": [",
        "  \"strings\": { \"close\": \"Shut\", \"lookup_hint\": \"Try Zofran.\" },\n  \"sections\": [",
    );
    let content = Content::from_json(&given).unwrap();
    assert_eq!(content.strings.close, "Shut", "a file's own words win");
    assert_eq!(content.strings.lookup_hint, "Try Zofran.");
    assert_eq!(content.strings.expand_all, "Open all sections");
}
