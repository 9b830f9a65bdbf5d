//! The embed entry: what `treatment-guide.js` calls to put a widget into the
//! shadow root of a `<treatment-guide>` element, and to take it away.

pub mod crash;
pub mod remote;
mod styles;

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;
use yew::AppHandle;

use crate::built_in;
use crate::content::Content;
use crate::ui::options::{hash_prefix_for, parse_heading_level};
use crate::ui::{App, AppProps, Notice, OpenSpec, Options, Shared};

/// Class of the element inside the shadow root that Yew renders into.
pub const MOUNT_CLASS: &str = "tg-mount";

thread_local! {
    /// The built-in content, parsed once per page however many widgets there are.
    static BUILT_IN: OnceCell<Rc<Content>> = const { OnceCell::new() };
}

fn built_in_content() -> Rc<Content> {
    BUILT_IN.with(|cell| cell.get_or_init(|| Rc::new(built_in::content())).clone())
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

/// The `content-src` to load, if the attribute names one (blank means none).
fn content_source(content_src: Option<String>) -> Option<String> {
    content_src
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// Does the work that does not need the element: parses the stylesheet and,
/// unless `content_src` names a file, reads the built-in content. The loader
/// calls it right after instantiating the code, so that the task which
/// renders the widget is shorter; [`mount`] does it itself when it was not called.
#[wasm_bindgen]
pub fn prepare(content_src: Option<String>) -> Result<(), JsValue> {
    styles::sheet()?;
    if content_source(content_src).is_none() {
        built_in_content();
    }
    Ok(())
}

/// Renders a widget into `shadow`, configured by the element's attributes.
///
/// `open`, `heading_level`, `content_src` and `lang` are the raw attribute
/// values (or `undefined`); `position` is the element's place among the
/// page's widgets (0 for the first), which picks the URL hash prefix it owns.
#[wasm_bindgen]
pub fn mount(
    shadow: &ShadowRoot,
    open: Option<String>,
    heading_level: Option<String>,
    position: Option<u32>,
    content_src: Option<String>,
    lang: Option<String>,
) -> Result<Widget, JsValue> {
    crash::watch(shadow);
    styles::adopt(shadow)?;
    let document = gloo::utils::document();
    let container = document.create_element("div")?;
    container.set_class_name(MOUNT_CLASS);
    shadow.append_child(&container)?;
    let options = Options {
        open: OpenSpec::parse(open.as_deref()),
        heading_level: parse_heading_level(heading_level.as_deref()),
        hash_prefix: Some(hash_prefix_for(position.unwrap_or(0))),
        ..Options::default()
    };
    let source = content_source(content_src);
    let content = source.is_none().then(|| Shared(built_in_content()));
    if let Some(content) = &content {
        warn_on_language(lang.as_deref(), content);
    }
    let props = AppProps {
        content,
        notice: None,
        options: options.clone(),
    };
    let handle: Handle = Rc::new(RefCell::new(Some(
        yew::Renderer::<App>::with_root_and_props(container, props).render(),
    )));
    if let Some(url) = source {
        let handle = handle.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let (content, notice) = match remote::load(&url).await {
                Ok(content) => {
                    warn_on_language(lang.as_deref(), &content);
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
        root: shadow.clone(),
    })
}

/// Tells the web staff when the `lang` they asked for is not the content's language.
fn warn_on_language(requested: Option<&str>, content: &Content) {
    let Some(requested) = requested.map(str::trim).filter(|l| !l.is_empty()) else {
        return;
    };
    let available = &content.meta.language;
    let primary = requested.split(['-', '_']).next().unwrap_or_default();
    if !primary.eq_ignore_ascii_case(available) {
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
