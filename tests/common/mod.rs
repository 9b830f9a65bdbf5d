//! Helpers shared by the browser tests: mount a widget the way the embed
//! does, let Yew render, and find elements by role, id or data attribute.
#![allow(dead_code)]

use std::time::Duration;

use js_sys::{Function, Promise};
use treatment_guide::embed::{mount, Widget};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRoot};

/// A widget mounted in a fresh element's open shadow root.
pub struct Mounted {
    pub host: Element,
    pub shadow: ShadowRoot,
    pub widget: Widget,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.widget.unmount();
        self.host.remove();
    }
}

/// Lets Yew's scheduler render.
pub async fn tick() {
    yew::platform::time::sleep(Duration::ZERO).await;
}

/// Lets the browser paint a frame, then run the work that waits for it
/// (the address bar's fragment after a section opens).
pub async fn painted() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    tick().await;
    tick().await;
}

/// The widget stylesheet, which the loader adopts (minified) into each shadow root.
const CSS: &str = include_str!("../../styles/widget.css");

/// Adopts the widget stylesheet into a shadow root, as the loader does.
pub fn adopt_styles(shadow: &ShadowRoot) {
    let sheet = web_sys::CssStyleSheet::new().unwrap();
    sheet.replace_sync(CSS).unwrap();
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets).unwrap();
}

/// The loader's `read(source)` for `setContent` text: the content reader (`crates/reader`, linked
/// into the tests), its answer in a resolved promise as the module's would be.
pub fn reader() -> Function {
    let read = Closure::<dyn Fn(String) -> Promise>::new(|text: String| {
        Promise::resolve(&tg_reader::read_content(&text))
    });
    read.into_js_value().unchecked_into()
}

/// A `read(text)` whose module could not be loaded: a rejected promise.
pub fn unavailable_reader() -> Function {
    Function::new_no_args("return Promise.reject(new Error('HTTP 404 for content-reader.js'))")
}

/// Mounts a widget with the given `open` and `heading-level` attribute values.
pub async fn mount_widget(open: Option<&str>, heading_level: Option<&str>) -> Mounted {
    let mut attributes = Vec::new();
    attributes.extend(open.map(|open| ("open", open)));
    attributes.extend(heading_level.map(|level| ("heading-level", level)));
    mount_with(&attributes, None, reader()).await
}

/// Mounts a widget on an element with `attributes`, given `text` as
/// `setContent` gives it, and `read` as the loader's content reader, as the
/// loader mounts it on a page that asks no language and names no `content-src`.
pub async fn mount_with(
    attributes: &[(&str, &str)],
    text: Option<&str>,
    read: Function,
) -> Mounted {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    adopt_styles(&shadow);
    let ignore = Function::new_no_args("");
    let text = text.map(str::to_owned);
    let widget = mount(
        &host,
        "en".to_owned(),
        String::new(),
        None,
        text,
        None,
        read,
        ignore.clone(),
        ignore,
    )
    .unwrap();
    tick().await;
    tick().await;
    Mounted {
        host,
        shadow,
        widget,
    }
}

impl Mounted {
    /// Every element matching a CSS selector, in document order.
    pub fn all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.shadow.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().dyn_into::<HtmlElement>().unwrap())
            .collect()
    }

    /// The one element matching a CSS selector.
    pub fn one(&self, selector: &str) -> HtmlElement {
        self.shadow
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .dyn_into()
            .unwrap()
    }

    /// The header button of a section, by section id.
    pub fn header(&self, section: &str) -> HtmlElement {
        self.one(&format!(
            "[data-tg-section=\"{section}\"] button[aria-expanded]"
        ))
    }

    /// The panel a header button controls, found through `aria-controls`.
    pub fn panel_of(&self, button: &HtmlElement) -> HtmlElement {
        let id = button
            .get_attribute("aria-controls")
            .expect("aria-controls");
        self.shadow
            .get_element_by_id(&id)
            .expect("controlled panel exists")
            .dyn_into()
            .unwrap()
    }

    /// Whether a section shows its panel, checked on both the button and the panel.
    pub fn is_open(&self, section: &str) -> bool {
        let button = self.header(section);
        let expanded = button.get_attribute("aria-expanded").as_deref() == Some("true");
        let hidden = self.panel_of(&button).has_attribute("hidden");
        assert_eq!(
            expanded, !hidden,
            "aria-expanded and hidden agree for {section}"
        );
        expanded
    }

    /// Waits, a render at a time, until an element matches a CSS selector; panics after 200 renders.
    pub async fn wait_for(&self, selector: &str) -> HtmlElement {
        for _ in 0..200 {
            if let Some(found) = self.shadow.query_selector(selector).unwrap() {
                return found.dyn_into().unwrap();
            }
            tick().await;
        }
        panic!("no element matches {selector}")
    }

    /// The element that has focus inside the shadow root.
    pub fn focused(&self) -> Option<Element> {
        self.shadow.active_element()
    }
}

/// Dispatches a bubbling keydown of `key` on `target`.
pub fn key(target: &HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Types `text` into an input the way a browser reports it: value, then a bubbling `input` event.
pub async fn type_into(input: &HtmlElement, text: &str) {
    let field: web_sys::HtmlInputElement = input.clone().dyn_into().unwrap();
    field.focus().unwrap();
    field.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    field.dispatch_event(&event).unwrap();
    tick().await;
}
