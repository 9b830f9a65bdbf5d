//! The guide prerendered at build time: the same component tree as in the
//! browser, rendered natively (see `src/bin/prerender.rs`).

use std::path::Path;
use std::rc::Rc;
use std::{fs, io};

use tg_content::Content;
use tg_ui::{AppProps, Options, RenderMode, Shared};

use crate::{api, built_in};

/// The widget stylesheet (`styles/widget.css`, minified by `build.rs`).
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// The props the browser hydrates the prerendered guide with: the content
/// and the options of a widget with no attributes. The embed hydrates only
/// when its own props are these (see `embed.rs`).
pub fn hydration_props(content: Content) -> AppProps {
    AppProps {
        content: Some(Shared(Rc::new(content))),
        notice: None,
        options: Options::default(),
        ..AppProps::loading("")
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

/// Writes into `out`: `guide.html`, `fallback.html` and `widget.css` for
/// English (the loader carries them), and for French `fallback-fr.html` and
/// `lang-fr.json` (`content`, `guide`, `fallback`), which pages that ask for
/// French load instead; and [`write_api`]'s files.
pub fn write(out: &Path) -> io::Result<()> {
    fs::create_dir_all(out)?;
    let english = built_in::content();
    fs::write(out.join("fallback.html"), fallback_html(english.clone()))?;
    fs::write(out.join("guide.html"), guide_html(english.clone()))?;
    fs::write(out.join("widget.css"), CSS)?;
    let french = built_in::decode(built_in::TEXT_FR)
        .unwrap_or_else(|errors| panic!("French content is invalid: {}", errors[0]));
    let fallback = fallback_html(french.clone());
    let bundle = serde_json::json!({
        "content": built_in::TEXT_FR,
        "guide": guide_html(french.clone()),
        "fallback": fallback,
    });
    fs::write(out.join("fallback-fr.html"), &fallback)?;
    fs::write(out.join("lang-fr.json"), bundle.to_string())?;
    write_api(out, &[("en", &english), ("fr", &french)])
}

/// Writes into `out` the element's public face, from the widget's own tables
/// ([`crate::attributes`], [`crate::api`]) and the built-in `languages`
/// (default first): `manifest.json` (the loader's one placeholder),
/// `custom-elements.json` and `treatment-guide.d.ts`.
pub fn write_api(out: &Path, languages: &[(&str, &Content)]) -> io::Result<()> {
    let manifest = api::loader_manifest(languages);
    fs::write(out.join("manifest.json"), manifest.to_string())?;
    let elements =
        serde_json::to_string_pretty(&api::custom_elements()).map_err(io::Error::other)?;
    fs::write(out.join("custom-elements.json"), elements + "\n")?;
    fs::write(out.join("treatment-guide.d.ts"), api::typescript())
}
