//! Failure containment: a panic inside a widget is logged and replaced by a
//! plain notice in that widget. Each element runs its own instance of the
//! module (see `treatment-guide.js`), so other widgets and the host page go on.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

/// Shown in place of a widget that failed.
pub const CRASH_TEXT: &str =
    "Sorry, something went wrong in the treatment guide. Please reload the page to try again.";

thread_local! {
    static CRASHED: Cell<bool> = const { Cell::new(false) };
    static ROOTS: RefCell<Vec<ShadowRoot>> = const { RefCell::new(Vec::new()) };
}

/// Installs the panic hook (once) and remembers `root` as a widget of this instance.
pub fn watch(root: &ShadowRoot) {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    // Through Yew, which would otherwise install its own console-only hook on first render.
    INSTALL.call_once(|| yew::set_custom_panic_hook(Box::new(on_panic)));
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
}

/// Forgets a widget that was unmounted.
pub fn forget(root: &ShadowRoot) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|r| r != root));
}

/// Whether this instance has failed; the loader then stops using it.
#[wasm_bindgen]
pub fn crashed() -> bool {
    CRASHED.with(Cell::get)
}

fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    CRASHED.with(|c| c.set(true));
    web_sys::console::error_1(&format!("treatment-guide: internal error: {info}").into());
    ROOTS.with(|roots| {
        let Ok(roots) = roots.try_borrow() else {
            return;
        };
        for root in roots.iter() {
            let Ok(message) = gloo::utils::document().create_element("p") else {
                continue;
            };
            let _ = message.set_attribute("role", "alert");
            let _ = message.set_attribute("class", "tg-crash");
            message.set_text_content(Some(CRASH_TEXT));
            root.replace_children_with_node_1(&message);
        }
    });
}
