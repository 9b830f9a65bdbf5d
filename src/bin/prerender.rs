//! `prerender OUT_DIR`: renders the built-in guide to HTML with the widget's
//! own component tree (Yew server-side rendering), at build time.
//!
//! Writes into `OUT_DIR`:
//! - `guide.html`: the interactive widget as the embed shows it before its
//!   code has loaded, with Yew's markers so the code can hydrate it;
//! - `fallback.html`: the guide as a plain document (every section open, no
//!   controls), for readers without script or WebAssembly and for search engines;
//! - the other languages' files (see `treatment_guide::prerender::write`).
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
