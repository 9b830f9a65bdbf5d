//! The guide prerendered at build time: the same component tree as in the
//! browser, rendered natively (see `src/bin/prerender.rs`).

use std::path::Path;
use std::rc::Rc;
use std::{fs, io};

use tg_content::Content;
use tg_ui::{AppProps, Options, RenderMode, Shared};

use crate::built_in;

/// The props the browser hydrates the prerendered guide with: the content
/// and the options of a widget with no attributes. The embed hydrates only
/// when its own props are these (see `embed.rs`).
pub fn hydration_props(content: Content) -> AppProps {
    AppProps {
        content: Some(Shared(Rc::new(content))),
        notice: None,
        options: Options::default(),
    }
}

/// The interactive guide as HTML that the browser build can hydrate.
pub fn guide_html(content: Content) -> String {
    tg_ui::ssr::render(hydration_props(content), true)
}

/// The guide as a plain document: every section open, no controls.
pub fn fallback_html(content: Content) -> String {
    let mut props = hydration_props(content);
    props.options.mode = RenderMode::Static;
    props.options.hash_prefix = None;
    tg_ui::ssr::render(props, false)
}

/// Writes into `out`: `guide.html` and `fallback.html` for
/// English (the loader carries them), and for French `fallback-fr.html` and
/// `lang-fr.json` (`content`, `guide`, `fallback`), which pages that ask for
/// French load instead.
pub fn write(out: &Path) -> io::Result<()> {
    fs::create_dir_all(out)?;
    let english = built_in::content();
    fs::write(out.join("fallback.html"), fallback_html(english.clone()))?;
    fs::write(out.join("guide.html"), guide_html(english))?;
    let french = built_in::decode(built_in::TEXT_FR)
        .unwrap_or_else(|errors| panic!("French content is invalid: {}", errors[0]));
    let fallback = fallback_html(french.clone());
    let bundle = serde_json::json!({
        "content": built_in::TEXT_FR,
        "guide": guide_html(french),
        "fallback": fallback,
    });
    fs::write(out.join("fallback-fr.html"), &fallback)?;
    fs::write(out.join("lang-fr.json"), bundle.to_string())
}
