//! Rendering the component tree to an HTML string, natively (feature `ssr`).
//!
//! The build uses it to prerender the guide (the standalone page, the
//! embed's first paint, the fallback snippet), and `cargo test` uses it to
//! check the markup against the accessibility contract without a browser.

use yew::{function_component, BaseComponent, Callback, Html, LocalServerRenderer};

use crate::components::{toolbar, Section, SectionProps, ToolbarProps};
use crate::{App, AppProps, ContentRef};

/// Renders component `C` with `props` to plain HTML (no hydration markers:
/// the browser renders the same tree in its place).
fn render_component<C: BaseComponent>(props: C::Properties) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime starts");
    let local = tokio::task::LocalSet::new();
    let renderer = LocalServerRenderer::<C>::with_props(props).hydratable(false);
    local.block_on(&runtime, renderer.render())
}

/// The toolbar alone ([`toolbar`]).
#[function_component]
fn Toolbar(props: &ToolbarProps) -> Html {
    toolbar(props)
}

/// Renders a whole widget to plain HTML.
pub fn render(props: AppProps) -> String {
    render_component::<App>(props)
}

/// The parts of the interactive guide that change when sections start open
/// (the `open` attribute), rendered by the same components as the whole
/// guide: with these, the embed's loader shows the guide as an element's
/// `open` asks before the code has loaded, exactly as the code then renders it.
pub struct OpenParts {
    /// Each section open: its id and its whole element (`<section …>`).
    pub sections: Vec<(String, String)>,
    /// The toolbar while some, not all, sections are open.
    pub toolbar_some: String,
    /// The toolbar while every section is open.
    pub toolbar_all: String,
}

/// The [`OpenParts`] of the first widget of a page (the loader rewrites the
/// ids of the others) showing `content`.
pub fn open_parts(content: &ContentRef) -> OpenParts {
    let options = crate::Options::default();
    let sections = content
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let html = render_component::<Section>(SectionProps {
                content: content.clone(),
                index,
                open: true,
                heading_level: options.heading_level,
                id_prefix: options.id_prefix.clone().into(),
                ontoggle: Callback::noop(),
                button_ref: Default::default(),
                highlight: None,
                ondrug: Callback::noop(),
                render_closed: true,
            });
            (section.id.clone(), html)
        })
        .collect();
    let toolbar = |all_open: bool| {
        render_component::<Toolbar>(ToolbarProps {
            all_open,
            all_closed: false,
            expand_all: content.strings.expand_all.clone().into(),
            collapse_all: content.strings.collapse_all.clone().into(),
            onall: Callback::noop(),
        })
    };
    OpenParts {
        sections,
        toolbar_some: toolbar(false),
        toolbar_all: toolbar(true),
    }
}
