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
        status(&w).contains("This guide does not cover “xyzzy”"),
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

/// Whether an element has a class.
fn has_class(element: &web_sys::Element, class: &str) -> bool {
    element
        .get_attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

/// The chemotherapy panel of a widget.
const CHEMO: &str = "[data-tg-section=chemotherapy] .tg-panel";

/// The live region a toggletip button controls, which holds its bubble while open.
fn live_region_of(w: &Mounted, word: &web_sys::HtmlElement) -> web_sys::Element {
    w.shadow
        .get_element_by_id(&word.get_attribute("aria-controls").expect("aria-controls"))
        .expect("the controlled live region exists")
}

/// The bubble inside a toggletip's live region, if it shows.
fn bubble_of(w: &Mounted, word: &web_sys::HtmlElement) -> Option<web_sys::Element> {
    live_region_of(w, word)
        .query_selector(".tg-bubble")
        .unwrap()
}

/// The toggletip button of a term in the chemotherapy panel, by its words.
fn chemo_word(w: &Mounted, text: &str) -> web_sys::HtmlElement {
    w.all(&format!("{CHEMO} button[aria-expanded]"))
        .into_iter()
        .find(|b| b.text_content().unwrap().trim() == text)
        .unwrap_or_else(|| panic!("no toggletip button for {text}"))
}

#[wasm_bindgen_test]
async fn each_term_is_one_toggletip_per_section_and_later_mentions_are_text() {
    clear_hash();
    let w = mount_widget(Some("chemotherapy"), None).await;
    let buttons = w.all(&format!("{CHEMO} button[aria-expanded]"));
    let mut tips: Vec<String> = w
        .all(&format!("{CHEMO} [data-tg-tip]"))
        .iter()
        .map(|m| m.get_attribute("data-tg-tip").unwrap())
        .collect();
    tips.sort();
    tips.dedup();
    assert_eq!(buttons.len(), tips.len(), "one button per distinct term");
    assert_eq!(
        buttons.len(),
        16,
        "4 glossary terms and 12 drugs in chemotherapy"
    );
    for button in &buttons {
        assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
        assert_eq!(
            button.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
        let region = live_region_of(&w, button);
        assert_eq!(
            region.get_attribute("aria-live").as_deref(),
            Some("polite"),
            "a live region, so what opens in it is read out"
        );
        assert!(
            region.get_attribute("role").is_none(),
            "role=status stays the lookup's own"
        );
        assert_eq!(
            region.text_content().unwrap(),
            "",
            "the live region is there and empty while closed"
        );
    }
    // "vincristine (Oncovin)": one control; the brand name is marked text that
    // opens the same bubble, neither focusable nor a role of its own.
    let vincristine = chemo_word(&w, "vincristine");
    let oncovin = w
        .all(&format!("{CHEMO} .tg-echo"))
        .into_iter()
        .find(|e| e.text_content().unwrap() == "Oncovin")
        .expect("Oncovin is a later mention of vincristine");
    assert_eq!(oncovin.tag_name(), "SPAN");
    assert_eq!(
        oncovin.get_attribute("data-tg-tip"),
        vincristine.get_attribute("aria-controls")
    );
    assert!(oncovin.get_attribute("role").is_none());
    assert!(oncovin.get_attribute("tabindex").is_none());
    assert!(oncovin.tab_index() < 0, "not in the tab order");
    assert_eq!(
        oncovin.parent_element().unwrap().text_content().unwrap(),
        "vincristine (Oncovin)",
        "the list item reads as one line of text"
    );
    // Another section has its own toggletip for a term chemotherapy also has.
    drop(w);
    let w = mount_widget(Some("chemotherapy,cns-treatment"), None).await;
    let methotrexate = w
        .all("[data-tg-section=cns-treatment] .tg-panel button[aria-expanded]")
        .into_iter()
        .filter(|b| b.text_content().unwrap() == "methotrexate")
        .count();
    assert_eq!(
        methotrexate, 1,
        "one stop for methotrexate in CNS treatment too"
    );
}

#[wasm_bindgen_test]
async fn inline_help_opens_on_press_not_focus_and_closes_on_escape() {
    clear_hash();
    let w = mount_widget(Some("chemotherapy"), None).await;
    let word = w.one(&format!(
        "{CHEMO} [data-tg-mention=drug] button[aria-expanded]"
    ));
    word.focus().unwrap();
    tick().await;
    assert_eq!(
        word.get_attribute("aria-expanded").as_deref(),
        Some("false"),
        "a toggletip does not open on focus: Tab only moves on"
    );
    assert!(bubble_of(&w, &word).is_none());
    word.click();
    tick().await;
    assert_eq!(word.get_attribute("aria-expanded").as_deref(), Some("true"));
    let text = bubble_of(&w, &word)
        .expect("a press opens it")
        .text_content()
        .unwrap();
    assert!(text.contains(&word.text_content().unwrap()), "{text}");
    assert!(
        live_region_of(&w, &word)
            .text_content()
            .unwrap()
            .contains(&text),
        "the bubble is inside the live region, so it is announced"
    );
    key(&word, "Escape");
    tick().await;
    assert!(bubble_of(&w, &word).is_none(), "Escape closes it");
    assert_eq!(
        word.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    word.click();
    tick().await;
    assert!(bubble_of(&w, &word).is_some(), "a tap opens it");
    word.click();
    tick().await;
    assert!(bubble_of(&w, &word).is_none(), "a second tap closes it");

    let term = w.one(&format!(
        "{CHEMO} [data-tg-mention=term] button[aria-expanded]"
    ));
    term.click();
    tick().await;
    let definition = bubble_of(&w, &term).expect("a term's bubble opens");
    assert!(!definition.text_content().unwrap().trim().is_empty());
    // Opening another term closes the first: one bubble at a time.
    word.click();
    tick().await;
    assert!(bubble_of(&w, &term).is_none());
    assert!(bubble_of(&w, &word).is_some());
    // Focus leaving the word and its bubble closes it.
    term.focus().unwrap();
    tick().await;
    assert!(bubble_of(&w, &word).is_none());
}

#[wasm_bindgen_test]
async fn escape_inside_the_bubble_closes_it_and_focus_returns_to_the_word() {
    clear_hash();
    let w = mount_widget(Some("chemotherapy"), None).await;
    let word = chemo_word(&w, "vincristine");
    word.click();
    tick().await;
    let link = w.one(&format!("{CHEMO} [data-tg-card-link=drug-vincristine]"));
    link.focus().unwrap();
    tick().await;
    assert!(
        bubble_of(&w, &word).is_some(),
        "moving into the bubble keeps it open"
    );
    key(&link, "Escape");
    tick().await;
    assert!(bubble_of(&w, &word).is_none());
    assert_eq!(w.focused().unwrap().id(), word.id());
    assert!(w.focused().unwrap().is_same_node(Some(&word)));
}

#[wasm_bindgen_test]
async fn a_later_mention_opens_the_same_bubble_under_itself() {
    clear_hash();
    let w = mount_widget(Some("chemotherapy"), None).await;
    let word = chemo_word(&w, "doxorubicin");
    let adriamycin = w
        .all(&format!("{CHEMO} .tg-echo"))
        .into_iter()
        .find(|e| e.text_content().unwrap() == "Adriamycin")
        .unwrap();
    adriamycin.click();
    tick().await;
    tick().await;
    assert_eq!(
        word.get_attribute("aria-expanded").as_deref(),
        Some("true"),
        "the term's one control reports the bubble open"
    );
    assert!(has_class(&adriamycin, "tg-echo-open"));
    let bubble = bubble_of(&w, &word).expect("the same bubble");
    assert!(has_class(&bubble, "tg-bubble-at"));
    let (top, below) = (
        bubble.get_bounding_client_rect().top(),
        adriamycin.get_bounding_client_rect().bottom(),
    );
    assert!(
        (top - below).abs() < 12.0,
        "the bubble is placed under the words tapped: top {top}, words end {below}"
    );
    adriamycin.click();
    tick().await;
    assert!(bubble_of(&w, &word).is_none(), "a second tap closes it");
    adriamycin.click();
    tick().await;
    assert!(bubble_of(&w, &word).is_some());
    // A click elsewhere closes it.
    w.one(&format!("{CHEMO} p")).click();
    tick().await;
    assert!(bubble_of(&w, &word).is_none());
}

#[wasm_bindgen_test]
async fn more_about_link_lives_in_the_bubble_and_opens_the_card() {
    clear_hash();
    let w = mount_widget(Some("chemotherapy"), None).await;
    assert!(
        w.all(&format!("{CHEMO} [data-tg-card-link]")).is_empty(),
        "no second control per drug while bubbles are closed"
    );
    chemo_word(&w, "vincristine").click();
    tick().await;
    let link = w.one(&format!("{CHEMO} [data-tg-card-link=drug-vincristine]"));
    assert_eq!(link.tag_name(), "BUTTON");
    link.click();
    tick().await;
    assert_eq!(
        w.one("[data-tg-drug-card]")
            .get_attribute("data-tg-drug-card")
            .as_deref(),
        Some("drug-vincristine")
    );
}
