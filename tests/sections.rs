//! Browser tests of the accordion: roles, toggling, keyboard, open-all,
//! the `open` and `heading-level` options, and deep links.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{key, mount_widget, painted, tick};
use tg_content::SECTION_IDS;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn set_hash(hash: &str) {
    let window = gloo::utils::window();
    let url = format!("{}{}", window.location().pathname().unwrap(), hash);
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

#[wasm_bindgen_test]
async fn renders_nine_closed_sections_as_buttons_in_headings() {
    set_hash("");
    let w = mount_widget(None, None).await;
    let buttons = w.all("h2 > button[aria-expanded]");
    assert_eq!(buttons.len(), 9);
    for id in SECTION_IDS {
        assert!(!w.is_open(id), "{id} starts closed");
        assert!(!w.header(id).text_content().unwrap().trim().is_empty());
    }
    assert_eq!(
        w.header("chemotherapy").get_attribute("type").as_deref(),
        Some("button")
    );
}

#[wasm_bindgen_test]
async fn click_opens_and_closes_a_section() {
    set_hash("");
    let w = mount_widget(None, None).await;
    w.header("chemotherapy").click();
    tick().await;
    assert!(w.is_open("chemotherapy"));
    assert!(!w.is_open("immunotherapy"));
    let panel = w.panel_of(&w.header("chemotherapy"));
    assert!(panel.text_content().unwrap().contains("vincristine"));
    w.header("chemotherapy").click();
    tick().await;
    assert!(!w.is_open("chemotherapy"));
}

#[wasm_bindgen_test]
async fn arrow_home_and_end_keys_move_between_headers() {
    set_hash("");
    let w = mount_widget(None, None).await;
    let first = w.header(SECTION_IDS[0]);
    first.focus().unwrap();
    key(&first, "ArrowDown");
    assert_eq!(w.focused().unwrap().id(), w.header(SECTION_IDS[1]).id());
    key(&w.header(SECTION_IDS[1]), "End");
    assert_eq!(w.focused().unwrap().id(), w.header(SECTION_IDS[8]).id());
    key(&w.header(SECTION_IDS[8]), "ArrowDown");
    assert_eq!(
        w.focused().unwrap().id(),
        first.id(),
        "Down wraps to the first header"
    );
    key(&first, "ArrowUp");
    assert_eq!(
        w.focused().unwrap().id(),
        w.header(SECTION_IDS[8]).id(),
        "Up wraps to the last header"
    );
    key(&w.header(SECTION_IDS[8]), "Home");
    assert_eq!(w.focused().unwrap().id(), first.id());
    assert!(
        SECTION_IDS.iter().all(|id| !w.is_open(id)),
        "moving focus opens nothing"
    );
}

#[wasm_bindgen_test]
async fn open_all_and_close_all() {
    set_hash("");
    let w = mount_widget(None, None).await;
    w.one("[data-tg-action=expand-all]").click();
    tick().await;
    assert!(SECTION_IDS.iter().all(|id| w.is_open(id)));
    assert_eq!(
        w.one("[data-tg-action=expand-all]")
            .get_attribute("aria-disabled")
            .as_deref(),
        Some("true")
    );
    w.one("[data-tg-action=collapse-all]").click();
    tick().await;
    assert!(SECTION_IDS.iter().all(|id| !w.is_open(id)));
}

#[wasm_bindgen_test]
async fn open_option_opens_listed_sections_or_all() {
    set_hash("");
    let w = mount_widget(Some("chemotherapy, immunotherapy,no-such-section"), None).await;
    for id in SECTION_IDS {
        assert_eq!(
            w.is_open(id),
            id == "chemotherapy" || id == "immunotherapy",
            "{id}"
        );
    }
    drop(w);
    let w = mount_widget(Some("all"), None).await;
    assert!(SECTION_IDS.iter().all(|id| w.is_open(id)));
}

#[wasm_bindgen_test]
async fn heading_level_sets_the_heading_element() {
    set_hash("");
    let w = mount_widget(None, Some("4")).await;
    assert_eq!(w.all("h4 > button[aria-expanded]").len(), 9);
    assert!(w.all("h2").is_empty());
    drop(w);
    let w = mount_widget(None, Some("nonsense")).await;
    assert_eq!(
        w.all("h2 > button[aria-expanded]").len(),
        9,
        "bad values fall back to 2"
    );
}

#[wasm_bindgen_test]
async fn deep_link_opens_a_section_at_start_and_on_hash_change() {
    set_hash("#tg-stem-cell-transplant");
    let w = mount_widget(None, None).await;
    tick().await;
    assert!(w.is_open("stem-cell-transplant"));
    assert!(!w.is_open("chemotherapy"));

    gloo::utils::window()
        .location()
        .set_hash("tg-radiation-therapy")
        .unwrap();
    // hashchange fires asynchronously.
    for _ in 0..20 {
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
        if w.is_open("radiation-therapy") {
            break;
        }
    }
    assert!(w.is_open("radiation-therapy"));
    set_hash("");
}

#[wasm_bindgen_test]
async fn opening_a_section_replaces_the_hash_without_new_history() {
    set_hash("");
    let w = mount_widget(None, None).await;
    let history = gloo::utils::window().history().unwrap();
    let before = history.length().unwrap();
    w.header("immunotherapy").click();
    painted().await;
    assert_eq!(
        gloo::utils::window().location().hash().unwrap(),
        "#tg-immunotherapy"
    );
    assert_eq!(history.length().unwrap(), before);
    w.header("immunotherapy").click();
    painted().await;
    assert_eq!(
        gloo::utils::window().location().hash().unwrap(),
        "",
        "closing the linked section clears the hash"
    );
}

#[wasm_bindgen_test]
async fn closed_sections_get_their_text_one_task_each_after_the_first_render() {
    set_hash("");
    let w = mount_widget(None, None).await;
    let last = w.panel_of(&w.header(SECTION_IDS[SECTION_IDS.len() - 1]));
    assert!(
        last.text_content().unwrap().trim().is_empty(),
        "the first render stays short: closed sections' text comes after it"
    );
    for _ in 0..SECTION_IDS.len() + 2 {
        yew::platform::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    for id in SECTION_IDS {
        assert!(!w.is_open(id));
        let panel = w.panel_of(&w.header(id));
        assert!(
            !panel.text_content().unwrap().trim().is_empty(),
            "{id} has its text for printing and find-in-page"
        );
    }
}

#[wasm_bindgen_test]
async fn find_in_page_opens_a_closed_section() {
    set_hash("");
    let w = mount_widget(None, None).await;
    let panel = w.panel_of(&w.header("supportive-therapy"));
    assert_eq!(
        panel.get_attribute("hidden").as_deref(),
        Some("until-found"),
        "searchable while closed"
    );
    // What the browser fires when find-in-page finds text in a hidden="until-found" element.
    panel
        .dispatch_event(&web_sys::Event::new("beforematch").unwrap())
        .unwrap();
    tick().await;
    assert!(w.is_open("supportive-therapy"));
    assert!(!w
        .panel_of(&w.header("supportive-therapy"))
        .has_attribute("hidden"));
}
