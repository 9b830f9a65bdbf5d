//! The guide prerendered at build time: the same component tree as in the
//! browser, rendered natively (see `src/bin/prerender.rs`), for every
//! language found in the content folder.

use std::path::Path;
use std::rc::Rc;
use std::{fs, io};

use tg_content::{review, toml_source, Content, ContentError, Sealed};
use tg_ui::{AppProps, Options, RenderMode, Shared};

use crate::api;

/// The file that lists the languages the prerender step found.
pub const LANGUAGES_FILE: &str = "languages.json";

/// The props of the prerendered guide: the content and the options of a
/// widget with no attributes.
pub fn prerender_props(content: Content) -> AppProps {
    AppProps {
        content: Some(Shared(Rc::new(content))),
        notice: None,
        options: Options::default(),
        ..AppProps::loading("")
    }
}

/// The interactive guide as the loader shows it until the code has loaded
/// (which then renders the same tree in its place), as JSON:
/// - `html`: the whole guide with no section open;
/// - `open`: each section open, by id (its whole `<section>` element);
/// - `toolbar`: the toolbar while `some` (not all) or `all` sections are open.
///
/// The loader puts them together for an element's `open`, then sets the
/// headings' level and the ids' prefix (see the manifest's `guide`).
pub fn guide(content: Content) -> serde_json::Value {
    let props = prerender_props(content);
    let shown = props.content.clone().expect("the prerender shows content");
    let parts = tg_ui::ssr::open_parts(&shown);
    let open: serde_json::Map<String, serde_json::Value> = parts
        .sections
        .into_iter()
        .map(|(id, html)| (id, html.into()))
        .collect();
    serde_json::json!({
        "html": tg_ui::ssr::render(props),
        "open": open,
        "toolbar": { "some": parts.toolbar_some, "all": parts.toolbar_all },
    })
}

/// The guide as a plain document: every section open, no controls.
pub fn fallback_html(content: Content) -> String {
    let mut props = prerender_props(content);
    props.options.mode = RenderMode::Static;
    props.options.hash_prefix = None;
    tg_ui::ssr::render(props)
}

/// Writes into `out`, for the languages of the content folder `content`
/// (found by [`toml_source::discover`]):
/// - for the default language (the folder itself): `guide.json` ([`guide`])
///   and `fallback.html`, which the loader carries;
/// - for every other language `<lang>`: `fallback-<lang>.html` and
///   `lang-<lang>.json` (`content` sealed ([`Sealed`]), `guide`,
///   `fallback`), which pages that ask for it load instead;
/// - [`LANGUAGES_FILE`]: the language codes as a JSON list, default first;
/// - [`write_api`]'s files.
///
/// Returns the codes. Fails, with every problem, when a language's content
/// is invalid.
pub fn write(out: &Path, content: &Path) -> io::Result<Vec<String>> {
    fs::create_dir_all(out)?;
    let mut languages: Vec<(String, Content)> = Vec::new();
    let mut original: Option<tg_content::RawContent> = None;
    for (index, (code, dir)) in toml_source::discover(content).into_iter().enumerate() {
        let label = format!("{}/", dir.display());
        let invalid = |errors: Vec<ContentError>| {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            io::Error::new(io::ErrorKind::InvalidData, lines.join("\n"))
        };
        let loaded = toml_source::ContentDir::read(&dir, &label).map_err(invalid)?;
        loaded.validate().map_err(invalid)?;
        // The review's verdicts (is the text the one reviewed; has a
        // translation's original changed since), computed here, natively.
        let raw = loaded.raw.clone().expect("validated content was read");
        let mut sealed = raw.clone();
        review::seal(&mut sealed, original.as_ref());
        if index == 0 {
            original = Some(raw);
        }
        let validated = Content::from_raw(sealed.clone()).map_err(invalid)?;
        let fallback = fallback_html(validated.clone());
        if index == 0 {
            fs::write(out.join("fallback.html"), fallback)?;
            fs::write(out.join("guide.json"), guide(validated.clone()).to_string())?;
        } else {
            let encoded = Sealed::of(&validated).map_err(|e| invalid(vec![e]))?;
            let bundle = serde_json::json!({
                "content": encoded.as_str(),
                "guide": guide(validated.clone()),
                "fallback": fallback,
            });
            fs::write(out.join(format!("fallback-{code}.html")), &fallback)?;
            fs::write(out.join(format!("lang-{code}.json")), bundle.to_string())?;
        }
        languages.push((code, validated));
    }
    let codes: Vec<String> = languages.iter().map(|(code, _)| code.clone()).collect();
    fs::write(
        out.join(LANGUAGES_FILE),
        serde_json::to_string(&codes).map_err(io::Error::other)?,
    )?;
    let named: Vec<(&str, &Content)> = languages.iter().map(|(c, x)| (c.as_str(), x)).collect();
    write_api(out, &named)?;
    Ok(codes)
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
