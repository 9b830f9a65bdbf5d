//! The element's events, as the widget code sends them: through the function
//! the loader gave [`crate::embed::mount`], which dispatches each on the element.

use js_sys::{Function, Object, Reflect};
use tg_ui::Change;
use wasm_bindgen::JsValue;

use crate::api::{self, ErrorKind};

/// Tells the loader what happened, through the function it gave [`crate::embed::mount`]:
/// `notify(type, detail)` becomes an event on the element.
#[derive(Clone)]
pub struct Notifier(pub Function);

impl Notifier {
    /// Dispatches the event `name` with `detail` (an object of these members).
    pub fn send(&self, name: &str, detail: &[(&str, JsValue)]) {
        let object = Object::new();
        for (key, value) in detail {
            let _ = Reflect::set(&object, &JsValue::from_str(key), value);
        }
        // A listener's own failure is the host page's, and stays there.
        let _ = self.0.call2(&JsValue::NULL, &name.into(), &object);
    }

    /// A `tg-error` event.
    pub fn error(&self, kind: ErrorKind, message: &str) {
        self.send(
            api::ERROR,
            &[("kind", kind.name().into()), ("message", message.into())],
        );
    }

    /// The event for a change of the view.
    pub fn change(&self, change: Change) {
        match change {
            Change::Section { id, open } => self.send(
                api::SECTION_TOGGLE,
                &[("id", id.into()), ("open", open.into())],
            ),
            Change::Drug(drug) => self.send(api::DRUG_SHOW, &[("drug", drug.into())]),
        }
    }
}
