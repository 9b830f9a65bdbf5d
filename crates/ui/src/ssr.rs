//! Rendering the component tree to an HTML string, natively (feature `ssr`).
//!
//! The build uses it to prerender the guide (the standalone page, the
//! embed's first paint, the fallback snippet), and `cargo test` uses it to
//! check the markup against the accessibility contract without a browser.

use crate::{App, AppProps};

/// Renders a whole widget to plain HTML (no hydration markers: the browser
/// renders the same tree in its place).
pub fn render(props: AppProps) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime starts");
    let local = tokio::task::LocalSet::new();
    let renderer = yew::LocalServerRenderer::<App>::with_props(props).hydratable(false);
    local.block_on(&runtime, renderer.render())
}
