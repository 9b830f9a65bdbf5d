//! The guide prerendered at build time: the same component tree as in the
//! browser, rendered natively (see `src/bin/prerender.rs`).

use std::path::Path;
use std::rc::Rc;
use std::{fs, io};

use tg_ui::{AppProps, Options, RenderMode, Shared};

use crate::built_in;

/// The widget stylesheet (`styles/widget.css`, minified by `build.rs`).
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// The props the browser hydrates the prerendered guide with: the built-in
/// content and the options of a widget with no attributes. The embed
/// hydrates only when its own props are these (see `embed.rs`).
pub fn hydration_props() -> AppProps {
    AppProps {
        content: Some(Shared(Rc::new(built_in::content()))),
        notice: None,
        options: Options::default(),
    }
}

/// The interactive guide as HTML that the browser build can hydrate.
pub fn guide_html() -> String {
    tg_ui::ssr::render(hydration_props(), true)
}

/// The guide as a plain document: every section open, no controls.
pub fn fallback_html() -> String {
    let mut props = hydration_props();
    props.options.mode = RenderMode::Static;
    props.options.hash_prefix = None;
    tg_ui::ssr::render(props, false)
}

/// Writes `guide.html`, `fallback.html` and `widget.css` into `out`.
pub fn write(out: &Path) -> io::Result<()> {
    fs::create_dir_all(out)?;
    fs::write(out.join("guide.html"), guide_html())?;
    fs::write(out.join("fallback.html"), fallback_html())?;
    fs::write(out.join("widget.css"), CSS)
}
