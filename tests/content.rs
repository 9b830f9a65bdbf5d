//! Browser tests of content given as text (`setContent`; a `content-src`
//! file goes the same way once fetched): read by the content reader through
//! the loader's `read`, shown when valid, and otherwise a notice, with the
//! built-in guide standing in only for an edition of it.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{mount_with, reader, unavailable_reader};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The built-in content exported as a content file.
const EXAMPLE: &str = include_str!("../docs/content-example.json");
/// A small valid file on another topic.
const NAUSEA: &str = include_str!("../crates/content/tests/fixtures/nausea.json");

#[wasm_bindgen_test]
async fn valid_text_is_read_and_shown_instead_of_the_built_in_guide() {
    let w = mount_with(&[], Some(NAUSEA), reader()).await;
    w.wait_for("[data-tg-section=feeling-sick]").await;
    assert_eq!(w.all("[data-tg-section]").len(), 2);
    assert!(w.all("[role=alert]").is_empty());
}

#[wasm_bindgen_test]
async fn an_edition_with_a_problem_gets_a_notice_with_its_line_and_the_built_in_guide() {
    let text = EXAMPLE.replacen(
        "\"title\": \"Chemotherapy\"",
        "\"title\": [\"Chemotherapy\"]",
        1,
    );
    assert_ne!(text, EXAMPLE);
    let line = 1 + text[..text.find("[\"Chemotherapy\"]").unwrap()]
        .matches('\n')
        .count();
    let w = mount_with(&[("debug", "")], Some(&text), reader()).await;
    let notice = w.wait_for("[role=alert]").await.text_content().unwrap();
    assert!(
        notice.contains("so the standard guide is shown instead"),
        "{notice}"
    );
    assert!(
        notice.contains(&format!("line {line}: sections, 2nd item")),
        "the problem names its line: {notice}"
    );
    w.wait_for("[data-tg-section=chemotherapy]").await;
    assert_eq!(w.all("[data-tg-section]").len(), 9);
}

#[wasm_bindgen_test]
async fn a_file_on_another_topic_with_a_problem_gets_a_notice_alone() {
    let text = NAUSEA.replace("\"title\": \"Feeling sick\"", "\"title\": 3");
    assert_ne!(text, NAUSEA);
    let w = mount_with(&[], Some(&text), reader()).await;
    w.wait_for("[role=alert]").await;
    assert!(w.all("[data-tg-section]").is_empty());
}

#[wasm_bindgen_test]
async fn a_reader_that_cannot_load_is_a_plain_failure() {
    let w = mount_with(&[("debug", "")], Some(EXAMPLE), unavailable_reader()).await;
    let notice = w.wait_for("[role=alert]").await.text_content().unwrap();
    assert!(
        notice.contains("the code that reads content files could not be loaded (HTTP 404"),
        "{notice}"
    );
    assert!(
        w.all("[data-tg-section]").is_empty(),
        "nothing was read, so nothing stands in"
    );
}

/// The footer's review line, once the widget shows it in the state `state`.
async fn review_line(w: &common::Mounted, state: &str) -> String {
    let selector = format!(".tg-footer-review[data-review={state}]");
    w.wait_for(&selector).await.text_content().unwrap()
}

#[wasm_bindgen_test]
async fn the_footer_says_medically_reviewed_only_for_the_text_that_was_signed() {
    use tg_content::record::Value;
    // The built-in text has had no review, and says so.
    let w = common::mount_widget(None, None).await;
    assert_eq!(
        review_line(&w, "none").await,
        "Updated on 6\u{a0}December 2026. This version has not yet had a medical review."
    );
    drop(w);

    // Signed as `content-check --sign-review` signs it; the content reader seals the verdict.
    let mut raw = tg_content::read_content(&tg_content::json::parse(EXAMPLE).unwrap()).unwrap();
    raw.review = tg_content::review::sign(&raw, "Dr A. Tremblay, hematologist", "2027-01-10");
    let signed = tg_content::json::to_text(&raw.to_json());
    let w = mount_with(&[], Some(&signed), reader()).await;
    assert_eq!(
        review_line(&w, "reviewed").await,
        "Medically reviewed on 10\u{a0}January 2027"
    );
    drop(w);

    // One word a reader sees, changed: the review no longer holds.
    let changed = signed.replacen("the main treatment is", "the first treatment is", 1);
    assert_ne!(changed, signed);
    let w = mount_with(&[], Some(&changed), reader()).await;
    assert_eq!(
        review_line(&w, "changed").await,
        "Updated on 6\u{a0}December 2026. This version has not yet had a medical review; \
         the last review was on 10\u{a0}January 2027."
    );
}
