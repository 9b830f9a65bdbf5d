//! The widget's stylesheet, shared by every shadow root on the page as one
//! constructable stylesheet: no `<style>` element, so a strict CSP allows it.

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

/// The widget CSS (`styles/widget.css`, minified by `build.rs`), compiled in.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    static SHEET: OnceCell<CssStyleSheet> = const { OnceCell::new() };
}

/// Adds the shared stylesheet to a shadow root.
pub fn adopt(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET.with(|cell| -> Result<CssStyleSheet, JsValue> {
        if let Some(sheet) = cell.get() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        Ok(cell.get_or_init(|| sheet).clone())
    })?;
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(shadow, &JsValue::from_str("adoptedStyleSheets"), &sheets)?;
    Ok(())
}
