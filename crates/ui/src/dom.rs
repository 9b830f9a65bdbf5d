//! Small browser helpers the components share: the URL hash and motion preference.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// The page URL's fragment without `#`, decoded; empty when there is none.
pub fn current_hash() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let hash = hash.strip_prefix('#').unwrap_or(&hash);
    js_sys::decode_uri_component(hash)
        .map(String::from)
        .unwrap_or_else(|_| hash.to_owned())
}

/// Sets the page URL's fragment (or removes it with `None`) without adding a
/// history entry and without the browser's own jump. The host page's history
/// state (a router's data) is kept.
pub fn replace_hash(fragment: Option<&str>) {
    let window = gloo::utils::window();
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let url = match fragment {
        Some(fragment) => format!("{path}{search}#{fragment}"),
        None => format!("{path}{search}"),
    };
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// Runs `work` once the browser has painted the next frame: for work the
/// reader need not wait for (the address bar's fragment), so that the answer
/// to a tap or key is painted first.
pub fn after_paint(work: impl FnOnce() + 'static) {
    let next = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, work).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(next.unchecked_ref());
}

/// Whether the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Scrolls an element to the top of the view, smoothly unless reduced motion is asked for.
pub fn scroll_into_view(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    options.set_behavior(if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Moves focus to an element without the browser's own jump (a scroll is already under way).
pub fn focus_without_scrolling(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}
