//! A JSON document as a plain tree, and the parser that makes one.
//!
//! Natively the text is parsed by `serde_json`; in the browser by the
//! JavaScript engine's own `JSON.parse`, which costs the widget no bytes.
//! Either way the result is the same [`Json`] tree, read by one reader
//! (`read.rs`), so a content file gets the same messages everywhere.

use super::error::{ContentError, Location};

/// The deepest nesting accepted. The content format needs 4 levels; a limit
/// keeps a hostile file from exhausting the stack.
pub const MAX_DEPTH: usize = 32;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// Any number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members: in file order from `JSON.parse`, sorted by name
    /// from `serde_json` (natively). A repeated name keeps its last value.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What kind of value this is, in the words of an error message.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

fn too_deep() -> ContentError {
    ContentError::new(
        Location::default(),
        format!("the file is not valid content JSON: it is nested more than {MAX_DEPTH} levels deep"),
    )
}

/// Parses JSON text into a [`Json`] tree.
///
/// ```
/// use treatment_guide::content::{json, Json};
/// assert_eq!(json::parse("[1, \"a\"]").unwrap(),
///            Json::Array(vec![Json::Number(1.0), Json::String("a".into())]));
/// assert!(json::parse("{ not json").unwrap_err().message.starts_with("the file is not valid JSON"));
/// ```
pub fn parse(text: &str) -> Result<Json, ContentError> {
    platform::parse(text)
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use super::{too_deep, ContentError, Json, Location, MAX_DEPTH};

    pub fn parse(text: &str) -> Result<Json, ContentError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            if e.to_string().starts_with("recursion limit exceeded") {
                return too_deep();
            }
            let message = format!(
                "the file is not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            );
            ContentError::new(Location::at_line(e.line()), message)
        })?;
        convert(value, 0)
    }

    fn convert(value: serde_json::Value, depth: usize) -> Result<Json, ContentError> {
        use serde_json::Value;
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        Ok(match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Json::String(s),
            Value::Array(items) => Json::Array(
                items
                    .into_iter()
                    .map(|v| convert(v, depth + 1))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Object(members) => Json::Object(
                members
                    .into_iter()
                    .map(|(k, v)| Ok((k, convert(v, depth + 1)?)))
                    .collect::<Result<_, _>>()?,
            ),
        })
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use js_sys::{Array, Object, JSON};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{too_deep, ContentError, Json, Location, MAX_DEPTH};

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
                    Ok((pair.get(0).as_string().unwrap_or_default(), convert(&pair.get(1), depth + 1)?))
                })
                .collect::<Result<_, _>>()?,
        ))
    }
}
