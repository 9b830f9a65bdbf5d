//! Browser test of failure containment inside one instance of the code: a
//! panic replaces the widget with a plain notice, marks the instance as failed
//! (the loader then stops using it) and leaves the host page alone. That other
//! widgets go on is the loader's part: each element runs its own instance
//! (`e2e/content.test.mjs`).
#![cfg(target_arch = "wasm32")]

mod common;

use common::mount_widget;
use treatment_guide::crash::crashed;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fault in the widget code.
fn fail() {
    panic!("failure requested by a test");
}

#[wasm_bindgen_test]
async fn a_panic_replaces_the_widget_with_a_notice_and_leaves_the_page_alone() {
    let document = gloo::utils::document();
    let outside = document.create_element("p").unwrap();
    outside.set_text_content(Some("Host text"));
    document.body().unwrap().append_child(&outside).unwrap();
    let w = mount_widget(None, None).await;
    assert_eq!(w.all("h2 > button[aria-expanded]").len(), 9);
    assert!(!crashed());

    // Called from JavaScript, as an event handler is: the panic hook runs, then
    // the call throws.
    let fail = Closure::once_into_js(fail);
    let call = fail
        .unchecked_ref::<js_sys::Function>()
        .call0(&JsValue::NULL);
    assert!(call.is_err(), "the failed call throws");

    assert!(crashed(), "the instance reports that it failed");
    let notice = w.one(".tg-crash[role=alert]");
    assert!(!notice.text_content().unwrap_or_default().trim().is_empty());
    assert_eq!(
        w.shadow.child_element_count(),
        1,
        "the notice is all the widget shows"
    );
    assert!(
        w.all("button, input").is_empty(),
        "no control of the failed widget is left"
    );
    assert_eq!(outside.text_content().as_deref(), Some("Host text"));
    assert!(outside.is_connected());

    // The failed widget cannot be unmounted; the loader does not try either.
    let host = w.host.clone();
    std::mem::forget(w);
    host.remove();
    outside.remove();
}
