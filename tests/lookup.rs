//! Browser tests of the drug lookup (combobox), the drug card and inline help.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{key, mount_widget, tick, type_into, Mounted};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_hash() {
    let window = gloo::utils::window();
    let url = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

fn input(w: &Mounted) -> web_sys::HtmlElement {
    w.one("input[role=combobox]")
}

fn option_texts(w: &Mounted) -> Vec<String> {
    w.all("[role=listbox]:not([hidden]) [role=option]")
        .iter()
        .map(|o| o.text_content().unwrap())
        .collect()
}

/// The text in the lookup field.
fn value(field: &web_sys::HtmlElement) -> String {
    field
        .dyn_ref::<web_sys::HtmlInputElement>()
        .unwrap()
        .value()
}

fn status(w: &Mounted) -> String {
    w.one("[role=status]").text_content().unwrap()
}

#[wasm_bindgen_test]
async fn combobox_has_the_roles_and_a_visible_label() {
    clear_hash();
    let w = mount_widget(None, None).await;
    let field = input(&w);
    assert_eq!(
        field.get_attribute("aria-autocomplete").as_deref(),
        Some("list")
    );
    assert_eq!(
        field.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let list_id = field.get_attribute("aria-controls").unwrap();
    assert_eq!(
        w.shadow
            .get_element_by_id(&list_id)
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("listbox")
    );
    let label = w.one(&format!("label[for=\"{}\"]", field.id()));
    assert!(label
        .text_content()
        .unwrap()
        .to_lowercase()
        .contains("drug"));
}

#[wasm_bindgen_test]
async fn brand_name_suggests_the_generic_drug_first() {
    clear_hash();
    let w = mount_widget(None, None).await;
    type_into(&input(&w), "Adriamycin").await;
    let options = option_texts(&w);
    assert!(options[0].starts_with("doxorubicin"), "{options:?}");
    assert!(options[0].contains("Adriamycin"));
    assert_eq!(
        w.one("[role=option] mark").text_content().unwrap(),
        "Adriamycin"
    );
    assert_eq!(
        input(&w).get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(status(&w), "1 drug found");
}

#[wasm_bindgen_test]
async fn keyboard_moves_through_suggestions_and_enter_opens_the_card() {
    clear_hash();
    let w = mount_widget(None, None).await;
    let field = input(&w);
    type_into(&field, "ara c").await;
    key(&field, "ArrowDown");
    tick().await;
    let options = w.all("[role=option]");
    let active = field
        .get_attribute("aria-activedescendant")
        .expect("an active option");
    assert_eq!(active, options[0].id());
    assert_eq!(
        options[0].get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    key(&field, "Enter");
    tick().await;
    let card = w.one("[data-tg-drug-card]");
    assert_eq!(
        card.get_attribute("data-tg-drug-card").as_deref(),
        Some("drug-cytarabine")
    );
    assert!(card.text_content().unwrap().contains("Cytosar"));
    assert_eq!(
        w.one("[data-tg-drug-card] [data-tg-kind=abbreviation]")
            .text_content()
            .unwrap(),
        "Ara-C"
    );
    assert_eq!(
        field.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(value(&field), "cytarabine");
    assert_eq!(
        w.shadow.active_element().unwrap().id(),
        field.id(),
        "focus stays in the input"
    );
    assert_eq!(
        status(&w),
        "Details of cytarabine are shown below the search box."
    );
}

#[wasm_bindgen_test]
async fn escape_closes_the_list_then_clears_the_field() {
    clear_hash();
    let w = mount_widget(None, None).await;
    let field = input(&w);
    type_into(&field, "dauno").await;
    assert!(!option_texts(&w).is_empty());
    key(&field, "Escape");
    tick().await;
    assert_eq!(
        field.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(value(&field), "dauno");
    key(&field, "Escape");
    tick().await;
    assert_eq!(value(&field), "");
}

#[wasm_bindgen_test]
async fn up_arrow_wraps_to_the_last_suggestion() {
    clear_hash();
    let w = mount_widget(None, None).await;
    let field = input(&w);
    type_into(&field, "c").await;
    let count = w.all("[role=option]").len();
    if count > 1 {
        key(&field, "ArrowUp");
        tick().await;
        let options = w.all("[role=option]");
        assert_eq!(
            field.get_attribute("aria-activedescendant").unwrap(),
            options[count - 1].id()
        );
    }
}

#[wasm_bindgen_test]
async fn no_match_says_so_in_a_status_message() {
    clear_hash();
    let w = mount_widget(None, None).await;
    type_into(&input(&w), "xyzzy").await;
    assert!(option_texts(&w).is_empty());
    assert_eq!(
        input(&w).get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(
        status(&w).contains("No drug in this guide matches “xyzzy”"),
        "{}",
        status(&w)
    );
}

#[wasm_bindgen_test]
async fn a_query_is_never_rendered_as_html() {
    clear_hash();
    let w = mount_widget(None, None).await;
    type_into(&input(&w), "<img src=x onerror=alert(1)>").await;
    assert!(w.all("img").is_empty());
    assert!(status(&w).contains("<img src=x"));
    let long: String = "ab".repeat(5000);
    type_into(&input(&w), &long).await;
    assert!(
        status(&w).chars().count() < 300,
        "the echo of a long query is cut"
    );
}

#[wasm_bindgen_test]
async fn clicking_a_suggestion_opens_its_card_and_mentions_link_to_sections() {
    clear_hash();
    let w = mount_widget(None, None).await;
    type_into(&input(&w), "Gleevec").await;
    w.one("[role=option]").click();
    tick().await;
    assert_eq!(
        w.one("[data-tg-drug-card]")
            .get_attribute("data-tg-drug-card")
            .as_deref(),
        Some("drug-imatinib")
    );
    assert!(!w.is_open("targeted-therapy"));
    w.one("[data-tg-drug-card] [data-tg-goto=targeted-therapy]")
        .click();
    tick().await;
    tick().await;
    assert!(w.is_open("targeted-therapy"));
    assert_eq!(
        w.focused().unwrap().id(),
        w.header("targeted-therapy").id(),
        "focus moves to the section the link leads to"
    );
    let highlighted = w.all("[data-tg-section=targeted-therapy] .tg-highlight");
    assert!(!highlighted.is_empty());
    assert!(highlighted.iter().all(|m| m
        .text_content()
        .unwrap()
        .to_lowercase()
        .contains("imatinib")
        || m.text_content().unwrap().contains("Gleevec")));
    w.one("[data-tg-action=close-card]").click();
    tick().await;
    assert!(w.all("[data-tg-drug-card]").is_empty());
}

#[wasm_bindgen_test]
async fn drug_deep_link_opens_the_card() {
    let window = gloo::utils::window();
    let url = format!(
        "{}#tg-drug-inotuzumab-ozogamicin",
        window.location().pathname().unwrap()
    );
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
    let w = mount_widget(None, None).await;
    tick().await;
    assert_eq!(
        w.one("[data-tg-drug-card]")
            .get_attribute("data-tg-drug-card")
            .as_deref(),
        Some("drug-inotuzumab-ozogamicin")
    );
    // Any case in the link finds the drug too.
    window.location().set_hash("tg-drug-VinCristine").unwrap();
    tick().await;
    tick().await;
    assert_eq!(
        w.one("[data-tg-drug-card]")
            .get_attribute("data-tg-drug-card")
            .as_deref(),
        Some("drug-vincristine")
    );
    clear_hash();
}

#[wasm_bindgen_test]
async fn inline_help_opens_on_focus_and_tap_and_closes_on_escape() {
    clear_hash();
    let w = mount_widget(Some("chemotherapy"), None).await;
    let word = w.one("[data-tg-section=chemotherapy] [data-tg-mention=drug] button[aria-expanded]");
    let bubble_id = word.get_attribute("aria-controls").unwrap();
    let bubble = || w.shadow.get_element_by_id(&bubble_id).unwrap();
    assert!(bubble().has_attribute("hidden"));
    word.focus().unwrap();
    tick().await;
    assert_eq!(word.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!bubble().has_attribute("hidden"));
    key(&word, "Escape");
    tick().await;
    assert!(bubble().has_attribute("hidden"));
    word.click();
    tick().await;
    assert!(!bubble().has_attribute("hidden"), "a tap opens it");
    word.click();
    tick().await;
    assert!(bubble().has_attribute("hidden"), "a second tap closes it");

    let term = w.one("[data-tg-mention=term] button[aria-expanded]");
    term.click();
    tick().await;
    let definition = w
        .shadow
        .get_element_by_id(&term.get_attribute("aria-controls").unwrap())
        .unwrap();
    assert!(!definition.text_content().unwrap().trim().is_empty());
}

#[wasm_bindgen_test]
async fn more_about_link_in_inline_help_opens_the_card() {
    clear_hash();
    let w = mount_widget(Some("chemotherapy"), None).await;
    let link = w.one("[data-tg-section=chemotherapy] [data-tg-card-link=drug-vincristine]");
    link.click();
    tick().await;
    assert_eq!(
        w.one("[data-tg-drug-card]")
            .get_attribute("data-tg-drug-card")
            .as_deref(),
        Some("drug-vincristine")
    );
}
