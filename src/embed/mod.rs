//! The embed entry: what `treatment-guide.js` calls to put a widget into the
//! shadow root of a `<treatment-guide>` element, and to take it away.

mod styles;

use std::cell::OnceCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;
use yew::AppHandle;

use crate::built_in;
use crate::content::Content;
use crate::ui::options::{hash_prefix_for, parse_heading_level};
use crate::ui::{App, AppProps, OpenSpec, Options, Shared};

/// Class of the element inside the shadow root that Yew renders into.
pub const MOUNT_CLASS: &str = "tg-mount";

thread_local! {
    /// The built-in content, parsed once per page however many widgets there are.
    static BUILT_IN: OnceCell<Rc<Content>> = const { OnceCell::new() };
}

fn built_in_content() -> Rc<Content> {
    BUILT_IN.with(|cell| cell.get_or_init(|| Rc::new(built_in::content())).clone())
}

/// A mounted widget; `unmount` frees it.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget's DOM and frees its state.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
    }
}

/// Renders a widget into `shadow`, configured by the element's attributes.
///
/// `open` and `heading_level` are the raw attribute values (or `undefined`);
/// `position` is the element's place among the page's widgets (0 for the first),
/// which picks the URL hash prefix it owns.
#[wasm_bindgen]
pub fn mount(
    shadow: &ShadowRoot,
    open: Option<String>,
    heading_level: Option<String>,
    position: Option<u32>,
) -> Result<Widget, JsValue> {
    styles::adopt(shadow)?;
    let document = gloo::utils::document();
    let container = document.create_element("div")?;
    container.set_class_name(MOUNT_CLASS);
    shadow.append_child(&container)?;
    let options = Options {
        open: OpenSpec::parse(open.as_deref()),
        heading_level: parse_heading_level(heading_level.as_deref()),
        hash_prefix: hash_prefix_for(position.unwrap_or(0)),
        ..Options::default()
    };
    let props = AppProps { content: Shared(built_in_content()), options };
    let handle = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Ok(Widget { handle: Some(handle) })
}
