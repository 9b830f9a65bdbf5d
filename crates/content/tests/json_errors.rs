//! Problems in a JSON content file, each with its own message and path, and
//! hostile or arbitrary input, which gives errors, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use tg_content::{Block, Content, Inline};

mod common;
use common::{built_in_value, shipped, shipped_json};

#[test]
fn json_errors_carry_the_json_path() {
    let mut value: serde_json::Value = serde_json::from_str(&shipped_json()).unwrap();
    value["drugs"][3]["synonyms"][1]["name"] = "Oncovin".into();
    let errors = Content::from_json(&value.to_string()).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "line 1: the 4th drug, cytarabine, its 2nd other name: \"Oncovin\" is already a name of vincristine"
    );
}

/// The messages for a tree (written on one line, so every line is 1).
fn json_errors(value: &serde_json::Value) -> Vec<String> {
    Content::from_json(&value.to_string())
        .unwrap_err()
        .into_iter()
        .map(|e| e.message)
        .collect()
}

#[test]
fn json_error_classes_each_have_their_own_message() {
    let mut wrong_type = built_in_value();
    wrong_type["sections"][0]["title"] = 42.into();
    let errors = json_errors(&wrong_type);
    assert!(
        errors[0]
            == "sections, 1st item \"relapsed-and-refractory\", title should be a text, not a number",
        "{errors:?}"
    );

    let mut missing = built_in_value();
    missing["drugs"][2]
        .as_object_mut()
        .unwrap()
        .remove("treatment");
    assert_eq!(
        json_errors(&missing),
        ["drugs, 3rd item \"doxorubicin\" has no \"treatment\" (a text); add it"]
    );

    let mut unknown = built_in_value();
    unknown["drugs"][2]["colour"] = "red".into();
    assert_eq!(
        json_errors(&unknown)[0],
        "drugs, 3rd item \"doxorubicin\" has a field \"colour\" that is not part of the format; \
         the fields there are name, treatment, class, synonyms or source"
    );
    let mut misspelt = built_in_value();
    misspelt["drugs"][2]["synonym"] = serde_json::json!([]);
    assert!(json_errors(&misspelt)[0]
        .contains("\"synonym\" that is not part of the format (did you mean \"synonyms\"?)"));

    let mut several = built_in_value();
    several["meta"]["title"] = serde_json::Value::Null;
    several["glossary"][1]["aliases"] = serde_json::json!(["fine", true]);
    several["sections"] = serde_json::json!({});
    assert_eq!(
        json_errors(&several),
        [
            "meta, title should be a text, not null",
            "sections should be a list, not a block of fields",
            "glossary, 2nd item \"refractory\", aliases, 2nd item should be a text, not true or false",
        ],
        "one pass reports every problem of shape"
    );

    let not_json = Content::from_json("<html>error page</html>").unwrap_err();
    assert!(
        not_json[0]
            .message
            .starts_with("the file is not valid JSON: on line 1, “<html>error” is not a value"),
        "{not_json:?}"
    );

    let too_big = Content::from_json(&" ".repeat(tg_content::MAX_CONTENT_BYTES + 1)).unwrap_err();
    assert!(too_big[0].message.contains("more than the 2048 KiB"));

    let deep = format!(
        "{{\"meta\": {}\"x\"{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert_eq!(
        Content::from_json(&deep).unwrap_err()[0].message,
        "the file is not valid JSON: it is nested more than 32 levels deep"
    );
    let deeper = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(
        Content::from_json(&deeper).unwrap_err()[0]
            .message
            .contains("nested more than 32 levels"),
        "no stack overflow"
    );
}

#[test]
fn the_clinical_trials_link_is_optional_and_checked_like_other_links() {
    // Left out, or both fields empty (as the export writes it): no link.
    let mut without = built_in_value();
    without["meta"]
        .as_object_mut()
        .unwrap()
        .remove("clinical_trials_link");
    let content = Content::from_json(&without.to_string()).unwrap();
    assert_eq!(content.meta.clinical_trials_link, None);
    assert_eq!(shipped().meta.clinical_trials_link, None);
    let trials = &content.sections[8];
    assert_eq!(content.section_link(trials), None);

    let mut with = built_in_value();
    with["meta"]["clinical_trials_link"] =
        serde_json::json!({ "text": " Trials we support ", "url": "/trials/" });
    let content = Content::from_json(&with.to_string()).unwrap();
    let link = tg_content::Link {
        text: "Trials we support".into(),
        href: "/trials/".into(),
    };
    assert_eq!(content.meta.clinical_trials_link.as_ref(), Some(&link));
    assert_eq!(content.section_link(&content.sections[8]), Some(&link));
    assert_eq!(
        content.section_link(&content.sections[0]),
        None,
        "only the clinical trials section"
    );

    for (link, error) in [
        (
            serde_json::json!({ "text": "Trials", "url": "javascript:alert(1)" }),
            "meta, its clinical trials link, its url: the link \"javascript:alert(1)\" is not allowed; \
             links must start with https:// or be relative",
        ),
        (
            serde_json::json!({ "text": "Trials", "url": "http://example.org" }),
            "meta, its clinical trials link, its url: the link \"http://example.org\" is not allowed; \
             links must start with https:// or be relative",
        ),
        (
            serde_json::json!({ "text": "", "url": "https://example.org/trials" }),
            "meta, its clinical trials link, its text: must not be empty",
        ),
        (
            serde_json::json!({ "text": "Trials", "url": " " }),
            "meta, its clinical trials link, its url: must not be empty",
        ),
        (
            serde_json::json!({ "url": "https://example.org/trials" }),
            "meta, clinical_trials_link has no \"text\" (a text); add it",
        ),
        (
            serde_json::json!("https://example.org/trials"),
            "meta, clinical_trials_link should be a block of fields, not a text",
        ),
    ] {
        let mut bad = built_in_value();
        bad["meta"]["clinical_trials_link"] = link;
        assert_eq!(json_errors(&bad), [error]);
    }
}

#[test]
fn hostile_content_is_rejected_or_kept_as_text() {
    let mut long = built_in_value();
    long["drugs"][0]["synonyms"][0]["name"] = "O".repeat(1_000_000).into();
    assert!(json_errors(&long).iter().any(|e| e.contains(
        "the 1st drug, vincristine, its 1st other name: is 1000000 characters long; at most 300"
    )));

    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "http://example.org",
        "//example.org",
    ] {
        let mut link = built_in_value();
        let body = link["sections"][8]["body"].as_str().unwrap().to_owned();
        link["sections"][8]["body"] = format!("{body}\n\n[More]({url})").into();
        assert!(
            json_errors(&link)
                .iter()
                .any(|e| e.contains("is not allowed")),
            "{url} is rejected"
        );
    }

    let mut ok_link = built_in_value();
    let body = ok_link["sections"][8]["body"].as_str().unwrap().to_owned();
    ok_link["sections"][8]["body"] = format!("{body}\n\n[More](https://example.org/trials)").into();
    let content = Content::from_json(&ok_link.to_string()).unwrap();
    let last = content.sections[8].blocks.last().unwrap();
    assert_eq!(
        last,
        &Block::Paragraph(vec![Inline::Link {
            text: "More".into(),
            href: "https://example.org/trials".into()
        }])
    );

    let mut markup = built_in_value();
    markup["sections"][0]["title"] = "<script>alert(1)</script>".into();
    let content = Content::from_json(&markup.to_string()).unwrap();
    assert_eq!(
        content.sections[0].title, "<script>alert(1)</script>",
        "kept as text; the UI never renders HTML"
    );
}

mod properties {
    use proptest::prelude::*;
    use tg_content::{parse_body, Content};

    use super::shipped_json;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_text_as_content_gives_errors_not_panics(text in "\\PC{0,400}") {
            let _ = Content::from_json(&text);
        }

        #[test]
        fn any_body_markup_parses_or_reports_lines(body in "[a-z{}|\\[\\]()\\- \n:/.]{0,300}") {
            match parse_body(&body) {
                Ok(_) => {}
                Err(errors) => {
                    let lines = body.lines().count();
                    prop_assert!(errors.iter().all(|e| e.line < lines.max(1)));
                }
            }
        }

        #[test]
        fn any_string_in_a_field_is_handled(text in "\\PC{0,200}") {
            let mut value: serde_json::Value = serde_json::from_str(&shipped_json()).unwrap();
            value["sections"][1]["body"] = text.clone().into();
            value["drugs"][0]["synonyms"][0]["name"] = text.into();
            let _ = Content::from_json(&value.to_string());
        }
    }
}
