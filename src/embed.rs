//! The embed entry: what `treatment-guide.js` calls to put a widget into the
//! shadow root of a `<treatment-guide>` element, and to take it away.

use std::cell::{OnceCell, RefCell};
use std::fmt;
use std::rc::Rc;

use js_sys::Function;
use tg_content::{languages, Content};
use tg_lookup::DrugIndex;
use tg_ui::options::{parse_heading_level, Options};
use tg_ui::{App, AppProps, Control, Notice, OpenSpec, Shared};
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{AppHandle, Callback};

use crate::api::{Action, ErrorKind, METHODS};
use crate::attributes::{Attribute, DEFAULT_LANGUAGE, ELEMENT, MOUNT_CLASS};
use crate::built_in;
use crate::events::Notifier;
use crate::remote::{self, Source};

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
        MountError::Browser(remote::described(&value))
    }
}

impl From<MountError> for JsValue {
    fn from(error: MountError) -> Self {
        js_sys::Error::new(&format!("treatment-guide: {error}")).into()
    }
}

/// The running app of one widget; emptied when it unmounts.
type Handle = Rc<RefCell<Option<AppHandle<App>>>>;

/// The shown guide's [`Control`]; empty while none is shown.
type ControlCell = Rc<RefCell<Option<Control>>>;

/// A mounted widget; `unmount` frees it. Its other methods drive the view
/// for the element's methods (`openSection`, `showDrug`…).
#[wasm_bindgen]
pub struct Widget {
    handle: Handle,
    control: ControlCell,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget's DOM and frees its state.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.borrow_mut().take() {
            handle.destroy();
        }
        self.control.borrow_mut().take();
    }

    /// Runs the element's method `name` (one of [`METHODS`], by its
    /// [`Action`]) with `argument`: for a section, whether it was found
    /// (`false` when no guide is shown); for a drug, its generic name or
    /// `null` when nothing matches; nothing otherwise.
    pub fn call(&self, name: &str, argument: &str) -> JsValue {
        let control = self.control.borrow();
        let control = control.as_ref();
        match METHODS.iter().find(|m| m.name == name).map(|m| m.action) {
            Some(Action::Section(open)) => {
                JsValue::from_bool(control.is_some_and(|c| c.set_section(argument, open)))
            }
            Some(Action::All(open)) => {
                if let Some(control) = control {
                    control.set_all(open);
                }
                JsValue::UNDEFINED
            }
            Some(Action::ShowDrug) => control
                .and_then(|c| c.show_drug(argument))
                .map_or(JsValue::NULL, JsValue::from),
            Some(Action::Content) | None => JsValue::UNDEFINED,
        }
    }
}

/// An attribute's value, `None` when absent.
fn attribute(element: &Element, attribute: Attribute) -> Option<String> {
    element.get_attribute(attribute.name())
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

/// Does the work that does not need the element's shadow root, in a task of
/// its own before the one that renders (the loader calls it right after
/// instantiating the code; [`mount`] reads the content itself when it was
/// not called), for an element that shows the built-in guide. In the
/// default language, it reads the built-in content and runs the lookup
/// over it once, as a reader's exact and misspelled queries would: the
/// browser compiles WebAssembly function by function on first call, so the
/// lookup's code is compiled here rather than in the render task or at the
/// reader's first keystroke.
#[wasm_bindgen]
pub fn prepare(lang: &str) {
    if lang == DEFAULT_LANGUAGE {
        let content = built_in_content();
        let index = DrugIndex::new(&content);
        for query in WARM_QUERIES {
            std::hint::black_box(index.search(query, 5));
        }
    }
}

/// Queries that take the lookup through its tiers: exact, prefix, and typo with sound-alike.
const WARM_QUERIES: [&str; 3] = ["Oncovin", "merca", "vinkristeen"];

/// Renders a widget into the open shadow root of `element`, configured by
/// its attributes ([`Attribute`]).
///
/// When the shadow root holds the prerendered guide (a `.tg-mount` element
/// the loader put there), the widget takes its place: Yew renders the same
/// tree before the browser paints again, so the reader sees no gap (the
/// loader gives focus, caret and early clicks back to the new twins).
/// Rendering afresh instead of hydrating keeps Yew's hydration code out of
/// the bundle. The widget's styles are the loader's (it adopts them with the
/// prerendered guide).
///
/// `lang` is the language the loader chose for the element (the one rule,
/// in `src/loader/language.js`), and `asked` the language the page asks
/// (a primary subtag, empty when none): the console is told when the
/// content shown is in another ([`warn_on_language`]). `language_content` is the content of that
/// language when it is not the default one, sealed (validated when it was
/// built, so it is opened without validating it again): the
/// loader fetches it from the language's own file, so that a page in one
/// language never pays for another. `text` is content given to the
/// element's `setContent`, shown instead of `src`, the element's
/// `content-src` as the loader decided it (`None`: none, also when blank). `read(source)`
/// reads such content, or fetches a `content-src` file (`{url}`) with the
/// loader's one fetcher and reads it, with the content reader module, which
/// the loader imports only for a widget that calls it (`crates/reader`; see
/// [`remote::read`]). `notify(type, detail)` is called
/// for each event the element dispatches; `shown()` once the content (or a
/// notice in its place) is shown.
// The loader's one call, across the JavaScript boundary: plain arguments cost
// no glue code, where an options object would.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn mount(
    element: &Element,
    lang: String,
    asked: String,
    language_content: Option<String>,
    text: Option<String>,
    src: Option<String>,
    read: Function,
    notify: Function,
    shown: Function,
) -> Result<Widget, JsValue> {
    let setup = Setup {
        lang,
        asked,
        own: own_content(language_content),
        text,
        src,
        read,
        notifier: Notifier(notify),
        shown,
    };
    Ok(mount_into(element, setup)?)
}

/// What the loader hands [`mount`], read.
struct Setup {
    lang: String,
    /// The language the page asks, as a primary subtag ('' when none).
    asked: String,
    /// The built-in content of the element's language.
    own: Rc<Content>,
    text: Option<String>,
    /// The `content-src` to load, if any.
    src: Option<String>,
    /// The loader's function that fetches and reads content ([`remote::read`]).
    read: Function,
    notifier: Notifier,
    shown: Function,
}

/// The content to show without a `content-src`: the language file the loader
/// gave, or the built-in English content (also when that file is invalid).
fn own_content(language_content: Option<String>) -> Rc<Content> {
    let Some(text) = language_content else {
        return built_in_content();
    };
    match built_in::open(&text) {
        Ok(content) => Rc::new(content),
        Err(error) => {
            let message = format!("treatment-guide: the language file is invalid: {error}");
            web_sys::console::error_1(&message.into());
            built_in_content()
        }
    }
}

fn mount_into(element: &Element, setup: Setup) -> Result<Widget, MountError> {
    let Setup {
        lang,
        asked,
        own,
        text,
        src,
        read,
        notifier,
        shown,
    } = setup;
    let shadow = element.shadow_root().ok_or(MountError::NoShadowRoot)?;
    let children = shadow.children();
    let prerendered = (0..children.length())
        .filter_map(|i| children.item(i))
        .find(|child| child.class_name() == MOUNT_CLASS);
    let options = Options {
        open: OpenSpec::parse(attribute(element, Attribute::Open).as_deref()),
        heading_level: parse_heading_level(attribute(element, Attribute::HeadingLevel).as_deref()),
        ..Options::for_position(position(element))
    };
    let debug = element.has_attribute(Attribute::Debug.name());
    let source = match text {
        Some(text) => Some(Source::Text(text)),
        None => src.map(Source::Url),
    };
    if source.is_none() {
        warn_on_language(&asked, &lang);
    }
    let content = source.is_none().then(|| Shared(own.clone()));
    let control: ControlCell = Rc::new(RefCell::new(None));
    let props = AppProps {
        content,
        notice: None,
        options: options.clone(),
        loading: own.strings.loading.clone().into(),
        language: lang.clone().into(),
        oncontrol: Some({
            let control = control.clone();
            Callback::from(move |given| *control.borrow_mut() = Some(given))
        }),
        onchange: Some({
            let notifier = notifier.clone();
            Callback::from(move |change| notifier.change(change))
        }),
    };
    let container = gloo::utils::document().create_element("div")?;
    container.set_class_name(MOUNT_CLASS);
    // In the prerendered guide's place, in this task: Yew renders in a
    // microtask, before the browser paints or lays out again.
    match prerendered {
        Some(prerendered) => prerendered.replace_with_with_node_1(&container)?,
        None => {
            shadow.append_child(&container)?;
        }
    }
    let app = yew::Renderer::<App>::with_root_and_props(container, props.clone()).render();
    let handle: Handle = Rc::new(RefCell::new(Some(app)));
    let handle_for_load = handle.clone();
    // After `mount` has returned, whatever the source: the loader hears of it in one way.
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(source) = source {
            let (content, notice) = match load(&source, &read).await {
                Ok(content) => {
                    warn_on_language(&asked, &content.meta.language);
                    (Some(Shared(Rc::new(content))), None)
                }
                Err(error) => {
                    let (stand_in, notice) = failure(&source, &error, &own, debug, &notifier);
                    if stand_in.is_some() {
                        warn_on_language(&asked, &lang);
                    }
                    (stand_in.map(Shared), Some(Shared(Rc::new(notice))))
                }
            };
            if let Some(app) = handle_for_load.borrow_mut().as_mut() {
                app.update(AppProps {
                    content,
                    notice,
                    ..props
                });
            }
        }
        let _ = shown.call0(&JsValue::NULL);
    });
    Ok(Widget { handle, control })
}

/// The content of `source`, fetched and read by `read` ([`remote::read`]), or why it cannot be used.
async fn load(source: &Source, read: &Function) -> Result<Content, remote::LoadError> {
    remote::read(read, source).await
}

/// Whether a content file that failed is an edition of the built-in guide
/// `own`: it reads as JSON and its sections have exactly the built-in's ids
/// (in any order). Only then may the built-in guide stand in for it; a file
/// on another topic, or one that cannot be read at all, gets a notice alone.
fn is_edition(error: &remote::LoadError, own: &Content) -> bool {
    let remote::LoadError::Invalid {
        sections: Some(ids),
        ..
    } = error
    else {
        return false;
    };
    let mut ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut built_in: Vec<&str> = own.sections.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    built_in.sort_unstable();
    ids == built_in
}

/// Tells the web staff when the page asks for a language (`requested`, a
/// primary subtag; none when empty) and the content shown, in `available`,
/// is in another: the one place this is said.
fn warn_on_language(requested: &str, available: &str) {
    if !requested.is_empty() && requested != languages::primary(available) {
        let message = format!(
            "treatment-guide: no content in language \"{requested}\"; showing \"{available}\" (set content-src to a file in that language)"
        );
        web_sys::console::warn_1(&message.into());
    }
}

/// A content source that could not be used: the console and a `tg-error`
/// event get the technical details; the reader gets the plain notice of
/// their language (`strings.content_error`), with the details only when the
/// element has `debug`. Returns the built-in guide to stand in when the file
/// is an edition of it ([`is_edition`]), and the notice.
fn failure(
    source: &Source,
    error: &remote::LoadError,
    own: &Rc<Content>,
    debug: bool,
    notifier: &Notifier,
) -> (Option<Rc<Content>>, Notice) {
    let stand_in = is_edition(error, own);
    let outcome = if stand_in {
        ", so the standard guide is shown instead"
    } else {
        ""
    };
    let label = source.label();
    let summary = format!("The {label} could not be used{outcome}: {error}.");
    let problems: &[String] = match error {
        remote::LoadError::Invalid { problems, .. } => problems,
        _ => &[],
    };
    web_sys::console::error_1(&format!("treatment-guide: {summary}").into());
    for problem in problems {
        web_sys::console::error_1(&format!("treatment-guide: {label}: {problem}").into());
    }
    notifier.error(ErrorKind::ContentFile, &summary);
    let details = if debug {
        std::iter::once(summary)
            .chain(problems.iter().cloned())
            .collect()
    } else {
        Vec::new()
    };
    let notice = Notice {
        summary: own.strings.content_error.clone(),
        details,
        more: own.strings.more_problems.clone(),
    };
    (stand_in.then(|| own.clone()), notice)
}
