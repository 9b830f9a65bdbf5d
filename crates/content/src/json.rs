//! A JSON document as a plain tree, and the parser that makes one.
//!
//! Natively the text is parsed by `serde_json` ([`parse`]); in the browser the
//! widget crate turns the JavaScript engine's own `JSON.parse` result into the
//! same tree, which costs the bundle no parser. Either way one reader
//! (`read.rs`) reads the tree, so a content file gets the same messages everywhere.

use crate::error::{ContentError, Location};

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

/// The error for a document nested deeper than [`MAX_DEPTH`].
pub fn too_deep() -> ContentError {
    ContentError::new(
        Location::default(),
        format!(
            "the file is not valid content JSON: it is nested more than {MAX_DEPTH} levels deep"
        ),
    )
}

/// Parses JSON text into a [`Json`] tree (natively; the widget hands
/// `JSON.parse`'s result to [`Json`] itself, see the widget crate).
///
/// ```
/// use tg_content::{json, Json};
/// assert_eq!(json::parse("[1, \"a\"]").unwrap(),
///            Json::Array(vec![Json::Number(1.0), Json::String("a".into())]));
/// assert!(json::parse("{ not json").unwrap_err().message.starts_with("the file is not valid JSON"));
/// ```
#[cfg(not(target_arch = "wasm32"))]
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
