//! Problems in the TOML content folder, each named with its file, line and
//! field: malformed copies of the shipped folder.
#![cfg(not(target_arch = "wasm32"))]

use tg_content::ContentError;

mod common;
use common::{broken, line_of};

#[test]
fn unknown_section_id_names_file_line_and_field() {
    // A file may use its own ids, but they must be slugs; drugs filed under
    // a section id that is gone are reported with a suggestion.
    let errors = broken("sections.toml", |t| {
        t.replacen(
            "id = \"radiation-therapy\"",
            "id = \"Radiation therapy\"",
            1,
        )
        .replacen(
            "id = \"targeted-therapy\"",
            "id = \"targeted-therapies\"",
            1,
        )
    });
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let line = line_of("sections.toml", "id = \"radiation-therapy\"");
    assert!(
        shown.contains(&format!(
            "content/sections.toml:{line}: the 4th section, \"Radiation therapy\", its id: \"Radiation therapy\" \
             is not a section id; an id is lower-case letters and digits joined by hyphens, at most 60 \
             characters, like \"radiation-therapy\""
        )),
        "{shown:#?}"
    );
    let line = line_of("drugs.toml", "treatment = \"targeted-therapy\"");
    assert!(
        shown.iter().any(|m| m.starts_with(&format!("content/drugs.toml:{line}: the 13th drug, imatinib, its treatment: \
             \"targeted-therapy\" is not the id of a section (did you mean \"targeted-therapies\"?); use "))),
        "{shown:#?}"
    );
}

#[test]
fn duplicate_synonym_names_its_owner() {
    let errors = broken("drugs.toml", |t| {
        t.replacen("\"Adriamycin\"", "\"Oncovin\"", 1)
    });
    let line = line_of("drugs.toml", "\"Adriamycin\"");
    let message = errors
        .iter()
        .map(ToString::to_string)
        .find(|m| m.contains("Oncovin"))
        .expect("reported");
    assert!(
        message.starts_with(&format!(
            "content/drugs.toml:{line}: the 3rd drug, doxorubicin, its 1st other name: "
        )) && message.ends_with("\"Oncovin\" is already a name of vincristine"),
        "{message}"
    );
}

#[test]
fn duplicate_ignores_case_and_punctuation() {
    let errors = broken("drugs.toml", |t| t.replacen("\"Cytosar\"", "\"ARA C\"", 1));
    assert!(
        errors.iter().any(|e| e
            .message
            .ends_with("\"Ara-C\" is listed twice for cytarabine")
            || e.message
                .ends_with("\"ARA C\" is listed twice for cytarabine")),
        "{errors:?}"
    );
}

#[test]
fn empty_title_is_rejected() {
    let errors = broken("sections.toml", |t| {
        let start = t.find("title = \"").unwrap();
        let end = start + t[start..].find('\n').unwrap();
        format!("{}title = \"  \"{}", &t[..start], &t[end..])
    });
    assert_eq!(errors[0].location.path, "sections[0].title");
    assert_eq!(
        errors[0].message,
        "the 1st section, its title: must not be empty"
    );
    assert_eq!(
        errors[0].location.line,
        Some(line_of("sections.toml", "title = "))
    );
}

#[test]
fn mention_of_an_unlisted_drug_names_its_line_in_the_text() {
    let errors = broken("sections.toml", |t| {
        t.replacen("{vincristine}", "{vincristin}", 1)
    });
    let line = line_of("sections.toml", "{vincristine}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].location.line, Some(line), "{}", errors[0]);
    assert!(
        errors[0]
            .to_string()
            .contains("the 2nd section, \"Chemotherapy\", its text, "),
        "{}",
        errors[0]
    );
    assert!(
        errors[0]
            .to_string()
            .contains(": \"{vincristin}\" names no drug in the drug list and no glossary term (did you mean \"vincristine\"?)"),
        "{}",
        errors[0]
    );
}

#[test]
fn unclosed_brace_is_reported() {
    let errors = broken("sections.toml", |t| t.replacen("{Oncovin}", "{Oncovin", 1));
    assert!(errors[0].message.contains("not closed"), "{errors:?}");
    assert_eq!(
        errors[0].location.line,
        Some(line_of("sections.toml", "{Oncovin}"))
    );
}

#[test]
fn bad_kind_treatment_and_date_are_each_reported() {
    let errors = broken("drugs.toml", |t| {
        t.replacen("kind = \"brand\"", "kind = \"trade\"", 1)
            .replacen("treatment = \"chemotherapy\"", "treatment = \"chemo\"", 1)
    });
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|m| m.contains(
            "its other name \"Oncovin\" has kind \"trade\"; use brand, code, abbreviation or other"
        )),
        "{text:?}"
    );
    assert!(
        text.iter().any(|m| m.contains(
            "its treatment: \"chemo\" is not the id of a section (did you mean \"chemotherapy\"?)"
        )),
        "{text:?}"
    );

    let errors = broken("meta.toml", |t| {
        t.replacen("updated = \"2026-12-06\"", "updated = \"04/12/2026\"", 1)
    });
    assert_eq!(errors[0].location.path, "meta.updated");
    assert_eq!(
        errors[0].location.line,
        Some(line_of("meta.toml", "updated ="))
    );
}

#[test]
fn toml_syntax_and_unknown_fields_name_the_file_and_line() {
    let errors = broken("glossary.toml", |t| {
        t.replacen("[[terms]]", "[[terms]\n", 1)
    });
    assert_eq!(
        errors[0].location.file.as_deref(),
        Some("content/glossary.toml")
    );
    assert!(
        errors[0].message.starts_with("is not valid TOML"),
        "{errors:?}"
    );
    assert!(errors[0].location.line.is_some());

    let errors = broken("drugs.toml", |t| {
        t.replacen(
            "name = \"vincristine\"",
            "name = \"vincristine\"\ncolour = \"red\"",
            1,
        )
    });
    assert_eq!(
        errors[0].location.file.as_deref(),
        Some("content/drugs.toml")
    );
    assert!(errors[0].message.contains("colour"), "{errors:?}");
    assert_eq!(
        errors[0].location.line,
        Some(line_of("drugs.toml", "name = \"vincristine\"") + 1)
    );
}

#[test]
fn a_clinical_trials_link_in_the_toml_files_is_placed_at_its_line() {
    let errors = broken("meta.toml", |text| {
        text.replace(
            "\n[strings]",
            "\n[meta.clinical_trials_link]\ntext = \"Trials\"\nurl = \"javascript:void(0)\"\n\n[strings]",
        )
    });
    assert_eq!(errors.len(), 1, "{errors:?}");
    let url_line = line_of("meta.toml", "[strings]") + 2;
    assert_eq!(
        errors[0].to_string(),
        format!(
            "content/meta.toml:{url_line}: meta, its clinical trials link, its url: the link \"javascript:void(0)\" \
             is not allowed; links must start with https:// or be relative"
        )
    );
}

#[test]
fn a_name_language_the_source_and_the_translation_facts_are_checked() {
    let messages = |errors: Vec<ContentError>| -> Vec<String> {
        errors
            .iter()
            .map(|e| format!("{}: {}", e.location.path, e.message))
            .collect()
    };
    let lang = messages(broken("drugs.toml", |t| {
        t.replacen(
            "kind = \"other\", lang = \"fr\"",
            "kind = \"other\", lang = \"German\"",
            1,
        )
        .replacen(
            "kind = \"other\", lang = \"fr\"",
            "kind = \"other\", lang = \"en\"",
            1,
        )
    }));
    assert_eq!(
        lang,
        [
            "drugs[1].synonyms[2].lang: the 2nd drug, daunorubicin, its 3rd other name, its lang: \"German\" is not a language code; use a language code of two or three lower-case letters, such as en or fr, or leave lang out",
            "drugs[1].synonyms[3].lang: the 2nd drug, daunorubicin, its 4th other name, its lang: \"en\" is this file's own language; give lang only to a name in another language",
        ]
    );
    let source = messages(broken("meta.toml", |t| {
        t.replacen(
            "[meta.source]\n",
            "[meta.source]\nurl = \"javascript:alert(1)\"\n",
            1,
        )
    }));
    assert_eq!(source.len(), 1, "{source:?}");
    assert!(
        source[0].starts_with("meta.source.url: meta, its source, its url: the link \"javascript:alert(1)\" is not allowed"),
        "{source:?}"
    );
    let translation = messages(broken("meta.toml", |t| {
        t.replacen(
            "[meta.source]",
            "[meta.translation]\nfrom_language = \"en\"\nfrom_version = \"\"\nfrom_reviewed = \"soon\"\n\n[meta.source]",
            1,
        )
    }));
    let expected = [
        ("meta.translation.from_language", "\"en\" is this file's own language; a translation comes from another"),
        ("meta.translation.from_version", "must not be empty"),
        ("meta.translation.from_reviewed", "\"soon\" is not a date written as YYYY-MM-DD; run content-check --mark-translation to write it"),
    ];
    assert_eq!(translation.len(), expected.len(), "{translation:?}");
    for (got, (path, message)) in translation.iter().zip(expected) {
        assert!(
            got.starts_with(&format!("{path}: ")) && got.ends_with(message),
            "{got}"
        );
    }
}
