//! The widget's stylesheet as a constructable stylesheet: no `<style>`
//! element, so a strict CSP allows it. It is parsed once per module instance
//! (the loader gives each element its own instance).

use std::cell::OnceCell;

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

/// The widget CSS (`styles/widget.css`, minified by `build.rs`), compiled in.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    static SHEET: OnceCell<CssStyleSheet> = const { OnceCell::new() };
}

/// The shared stylesheet, parsed on first use.
pub fn sheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|cell| {
        if let Some(sheet) = cell.get() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        Ok(cell.get_or_init(|| sheet).clone())
    })
}

/// Adds the shared stylesheet to a shadow root, after any it already has (the
/// loader's space reservation), once.
pub fn adopt(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = sheet()?;
    let key = JsValue::from_str("adoptedStyleSheets");
    let sheets = js_sys::Array::from(&js_sys::Reflect::get(shadow, &key)?);
    if !sheets.includes(&sheet, 0) {
        sheets.push(&sheet);
        js_sys::Reflect::set(shadow, &key, &sheets)?;
    }
    Ok(())
}
