//! `prerender OUT_DIR [CONTENT_DIR]`: renders the guide to HTML with the
//! widget's own component tree (Yew server-side rendering), at build time,
//! for every language found in the content folder (this repository's
//! `content/` by default).
//!
//! Writes into `OUT_DIR`:
//! - `guide.json`: the interactive widget as the embed shows it before its
//!   code has loaded, in parts the loader puts together for an element's
//!   `open` (plain HTML, no hydration markers: the code renders the same
//!   tree afresh in its place);
//! - `fallback.html`: the guide as a plain document (every section open, no
//!   controls), for readers without script or WebAssembly and for search engines;
//! - for every other language `<lang>`: `lang-<lang>.json` and `fallback-<lang>.html`;
//! - `languages.json`: the language codes found, the default first;
//! - `manifest.json`: the loader's facts (element, attributes, mount class,
//!   languages and the reader text it needs before the code);
//! - `custom-elements.json` and `treatment-guide.d.ts`: the element's public face.
//!
//! `tools/post-build.mjs` puts them into `dist/`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, content) = match args.as_slice() {
        [out] => (
            out.clone(),
            concat!(env!("CARGO_MANIFEST_DIR"), "/content").to_owned(),
        ),
        [out, content] => (out.clone(), content.clone()),
        _ => {
            eprintln!("usage: prerender OUT_DIR [CONTENT_DIR]");
            std::process::exit(2);
        }
    };
    let out = std::path::Path::new(&out);
    if let Err(error) = treatment_guide::prerender::write(out, std::path::Path::new(&content)) {
        eprintln!("prerender: {error}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
