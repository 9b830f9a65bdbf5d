//! Content JSON in the browser: the JavaScript engine's own `JSON.parse`
//! turned into the content crate's [`Json`] tree, so the bundle carries no
//! JSON parser and messages match the native `content-check`.

use js_sys::{Array, Object, JSON};
use tg_content::json::{too_deep, MAX_DEPTH};
use tg_content::{Content, ContentError, Json, Location};
use wasm_bindgen::{JsCast, JsValue};

/// Parses and validates a content file's text.
pub fn content_from_text(text: &str) -> Result<Content, Vec<ContentError>> {
    Content::from_text(text, parse)
}

/// Parses JSON text with `JSON.parse`.
pub fn parse(text: &str) -> Result<Json, ContentError> {
    let value = JSON::parse(text).map_err(|e| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        ContentError::new(
            Location::default(),
            format!("the file is not valid JSON: {detail}"),
        )
    })?;
    convert(&value, 0)
}

fn convert(value: &JsValue, depth: usize) -> Result<Json, ContentError> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    if let Some(s) = value.as_string() {
        return Ok(Json::String(s));
    }
    if let Some(n) = value.as_f64() {
        return Ok(Json::Number(n));
    }
    if let Some(b) = value.as_bool() {
        return Ok(Json::Bool(b));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(items) = value.dyn_ref::<Array>() {
        return Ok(Json::Array(
            items
                .iter()
                .map(|v| convert(&v, depth + 1))
                .collect::<Result<_, _>>()?,
        ));
    }
    let members = Object::entries(value.unchecked_ref());
    Ok(Json::Object(
        members
            .iter()
            .map(|pair| {
                let pair: Array = pair.unchecked_into();
                Ok((
                    pair.get(0).as_string().unwrap_or_default(),
                    convert(&pair.get(1), depth + 1)?,
                ))
            })
            .collect::<Result<_, _>>()?,
    ))
}
