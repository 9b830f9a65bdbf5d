//! The embed entry: what `treatment-guide.js` calls to put a widget into the
//! shadow root of a `<treatment-guide>` element, and to take it away.

use std::cell::{OnceCell, RefCell};
use std::fmt;
use std::rc::Rc;

use tg_content::Content;
use tg_ui::options::{parse_heading_level, Options};
use tg_ui::{App, AppProps, Notice, OpenSpec, Shared};
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};
use yew::AppHandle;

use crate::attributes::{Attribute, ELEMENT};
use crate::{built_in, crash, remote};

/// Class of the element inside the shadow root that Yew renders into.
pub const MOUNT_CLASS: &str = "tg-mount";

thread_local! {
    /// The built-in content, read once per module instance (the loader gives
    /// each element its own instance, so once per widget).
    static BUILT_IN: OnceCell<Rc<Content>> = const { OnceCell::new() };
}

fn built_in_content() -> Rc<Content> {
    BUILT_IN.with(|cell| cell.get_or_init(|| Rc::new(built_in::content())).clone())
}

/// Why a widget could not be mounted.
#[derive(Clone, Debug, PartialEq)]
pub enum MountError {
    /// The element has no open shadow root (the loader attaches one first).
    NoShadowRoot,
    /// The browser refused a DOM or stylesheet call; its message.
    Browser(String),
}

impl fmt::Display for MountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MountError::NoShadowRoot => write!(f, "the element has no open shadow root"),
            MountError::Browser(message) => write!(f, "the browser refused: {message}"),
        }
    }
}

impl std::error::Error for MountError {}

impl From<JsValue> for MountError {
    fn from(value: JsValue) -> Self {
        let message = value
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| value.as_string())
            .unwrap_or_else(|| format!("{value:?}"));
        MountError::Browser(message)
    }
}

impl From<MountError> for JsValue {
    fn from(error: MountError) -> Self {
        js_sys::Error::new(&format!("treatment-guide: {error}")).into()
    }
}

/// The running app of one widget; emptied when it unmounts.
type Handle = Rc<RefCell<Option<AppHandle<App>>>>;

/// A mounted widget; `unmount` frees it.
#[wasm_bindgen]
pub struct Widget {
    handle: Handle,
    root: ShadowRoot,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget's DOM and frees its state.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.borrow_mut().take() {
            handle.destroy();
        }
        crash::forget(&self.root);
    }
}

/// An attribute's value, `None` when absent.
fn attribute(element: &Element, attribute: Attribute) -> Option<String> {
    element.get_attribute(attribute.name())
}

/// The `content-src` to load, if the element names one (blank means none).
fn content_source(element: &Element) -> Option<String> {
    attribute(element, Attribute::ContentSrc)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// The element's place among the page's `<treatment-guide>` elements (0 for
/// the first, and for an element that is not one of them).
fn position(element: &Element) -> u32 {
    let Ok(all) = gloo::utils::document().query_selector_all(ELEMENT) else {
        return 0;
    };
    (0..all.length())
        .find(|&i| all.item(i).is_some_and(|node| node == **element))
        .unwrap_or(0)
}

/// Does the work that does not need the element's shadow root: unless the
/// element names a `content-src`, reads the built-in content. The loader
/// calls it right after instantiating the code, so that the task which
/// renders the widget is shorter; [`mount`] does it itself when it was not called.
#[wasm_bindgen]
pub fn prepare(element: &Element) {
    if content_source(element).is_none() && language(element) == "en" {
        built_in_content();
    }
}

/// The language the page asks of this element: its own `lang`, else its
/// nearest ancestor's (`<html lang="fr-CA">`), as a primary subtag in lower
/// case; English when none is set. The loader follows the same rule to pick
/// the language file it gives [`mount`].
fn language(element: &Element) -> String {
    let asked = element
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|holder| holder.get_attribute("lang"))
        .unwrap_or_default();
    let primary = asked.trim().split(['-', '_']).next().unwrap_or_default();
    if primary.is_empty() {
        "en".to_owned()
    } else {
        primary.to_ascii_lowercase()
    }
}

/// Renders a widget into the open shadow root of `element`, configured by
/// its attributes ([`Attribute`]).
///
/// When the shadow root holds the prerendered guide (a `.tg-mount` element
/// the loader put there) and the widget's props are the ones it was rendered
/// with, the widget hydrates it: the reader's DOM stays, and gains its
/// behaviour. Otherwise (a `content-src`, an `open` or `heading-level`, a
/// second widget's own ids) the prerendered guide is replaced by a fresh render.
/// The widget's styles are the loader's (it adopts them with the prerendered guide).
///
/// `language_content` is the content of the element's language when that is
/// not English, in the built-in encoding: the loader fetches it from the
/// language's own file, so that a page in one language never pays for another.
#[wasm_bindgen]
pub fn mount(element: &Element, language_content: Option<String>) -> Result<Widget, JsValue> {
    Ok(mount_into(element, language_content)?)
}

/// The content to show without a `content-src`: the language file the loader
/// gave, or the built-in English content (also when that file is invalid).
fn own_content(language_content: Option<String>) -> Rc<Content> {
    let Some(text) = language_content else {
        return built_in_content();
    };
    match built_in::decode(&text) {
        Ok(content) => Rc::new(content),
        Err(errors) => {
            let message = format!(
                "treatment-guide: the language file is invalid: {}",
                errors[0]
            );
            web_sys::console::error_1(&message.into());
            built_in_content()
        }
    }
}

fn mount_into(element: &Element, language_content: Option<String>) -> Result<Widget, MountError> {
    let shadow = element.shadow_root().ok_or(MountError::NoShadowRoot)?;
    crash::watch(&shadow);
    let children = shadow.children();
    let prerendered = (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|child| child.class_name() == MOUNT_CLASS);
    let options = Options {
        open: OpenSpec::parse(attribute(element, Attribute::Open).as_deref()),
        heading_level: parse_heading_level(attribute(element, Attribute::HeadingLevel).as_deref()),
        ..Options::for_position(position(element))
    };
    let lang = language(element);
    let source = content_source(element);
    let content = source
        .is_none()
        .then(|| Shared(own_content(language_content)));
    if let Some(content) = &content {
        warn_on_language(&lang, content);
    }
    let hydrate = content.is_some() && options == Options::default();
    let props = AppProps {
        content,
        notice: None,
        options: options.clone(),
    };
    let app = match prerendered {
        Some(container) if hydrate => {
            yew::Renderer::<App>::with_root_and_props(container, props).hydrate()
        }
        prerendered => {
            if let Some(stale) = prerendered {
                stale.remove();
            }
            let container = gloo::utils::document().create_element("div")?;
            container.set_class_name(MOUNT_CLASS);
            shadow.append_child(&container)?;
            yew::Renderer::<App>::with_root_and_props(container, props).render()
        }
    };
    let handle: Handle = Rc::new(RefCell::new(Some(app)));
    if let Some(url) = source {
        let handle = handle.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (content, notice) = match remote::load(&url).await {
                Ok(content) => {
                    warn_on_language(&lang, &content);
                    (Rc::new(content), None)
                }
                Err(error) => (
                    built_in_content(),
                    Some(Shared(Rc::new(notice_for(&url, &error)))),
                ),
            };
            if let Some(app) = handle.borrow_mut().as_mut() {
                app.update(AppProps {
                    content: Some(Shared(content)),
                    notice,
                    options,
                });
            }
        });
    }
    Ok(Widget {
        handle,
        root: shadow,
    })
}

/// Tells the web staff when the `lang` they asked for is not the content's language.
fn warn_on_language(requested: &str, content: &Content) {
    let available = &content.meta.language;
    if !requested.eq_ignore_ascii_case(available) {
        let message = format!(
            "treatment-guide: no content in language \"{requested}\"; showing \"{available}\" (set content-src to a file in that language)"
        );
        web_sys::console::warn_1(&message.into());
    }
}

/// The notice for a content file that could not be used; also logged to the console.
fn notice_for(url: &str, error: &remote::LoadError) -> Notice {
    let summary = format!(
        "The content file {url} could not be used, so the standard guide is shown instead: {error}."
    );
    let details: Vec<String> = match error {
        remote::LoadError::Invalid(errors) => errors.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    web_sys::console::error_1(&format!("treatment-guide: {summary}").into());
    for detail in &details {
        web_sys::console::error_1(&format!("treatment-guide: {url}: {detail}").into());
    }
    Notice { summary, details }
}
