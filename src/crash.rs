//! Failure containment: a panic inside a widget is logged and replaced by a
//! plain notice in that widget, in its reader's language (`strings.crash`).
//! Each element runs its own instance of the module (see
//! `treatment-guide.js`), so other widgets and the host page go on.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

use crate::api::ErrorKind;
use crate::events::Notifier;

/// A widget of this instance: where it shows, what it says if it fails, whom it tells.
struct Watched {
    root: ShadowRoot,
    text: String,
    notifier: Notifier,
}

thread_local! {
    static CRASHED: Cell<bool> = const { Cell::new(false) };
    static WATCHED: RefCell<Vec<Watched>> = const { RefCell::new(Vec::new()) };
}

/// Installs the panic hook (once) and remembers `root` as a widget of this
/// instance, with the notice `text` it shows if it fails and the `notifier`
/// that dispatches the element's `tg-error`.
pub fn watch(root: &ShadowRoot, text: String, notifier: Notifier) {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    // Through Yew, which would otherwise install its own console-only hook on first render.
    INSTALL.call_once(|| yew::set_custom_panic_hook(Box::new(on_panic)));
    WATCHED.with(|watched| {
        watched.borrow_mut().push(Watched {
            root: root.clone(),
            text,
            notifier,
        });
    });
}

/// Forgets a widget that was unmounted.
pub fn forget(root: &ShadowRoot) {
    WATCHED.with(|watched| watched.borrow_mut().retain(|w| w.root != *root));
}

/// Whether this instance has failed; the loader then stops using it.
#[wasm_bindgen]
pub fn crashed() -> bool {
    CRASHED.with(Cell::get)
}

fn on_panic(info: &std::panic::PanicHookInfo<'_>) {
    CRASHED.with(|c| c.set(true));
    let detail = format!("internal error: {info}");
    web_sys::console::error_1(&format!("treatment-guide: {detail}").into());
    WATCHED.with(|watched| {
        let Ok(watched) = watched.try_borrow() else {
            return;
        };
        for widget in watched.iter() {
            let Ok(message) = gloo::utils::document().create_element("p") else {
                continue;
            };
            let _ = message.set_attribute("role", "alert");
            let _ = message.set_attribute("class", "tg-crash");
            message.set_text_content(Some(&widget.text));
            widget.root.replace_children_with_node_1(&message);
            widget.notifier.error(ErrorKind::Crash, &detail);
        }
    });
}
