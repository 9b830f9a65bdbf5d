//! `prerender OUT_DIR`: renders the built-in guide to HTML with the widget's
//! own component tree (Yew server-side rendering), at build time.
//!
//! Writes into `OUT_DIR`:
//! - `guide.html`: the interactive widget as the embed shows it before its
//!   code has loaded, with Yew's markers so the code can hydrate it;
//! - `fallback.html`: the guide as a plain document (every section open, no
//!   controls), for readers without script or WebAssembly and for search engines;
//! - `widget.css`: the widget stylesheet, for the prerendered guide;
//! - `manifest.json`: the loader's facts (element, attributes, mount class,
//!   languages and the reader text it needs before the code);
//! - `custom-elements.json` and `treatment-guide.d.ts`: the element's public face.
//!
//! `tools/post-build.mjs` puts them into `dist/`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: prerender OUT_DIR");
        std::process::exit(2);
    };
    if let Err(error) = treatment_guide::prerender::write(std::path::Path::new(&out)) {
        eprintln!("prerender: {error}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
