//! Text helpers for rendering: `{placeholders}` and display case.
//!
//! The components also render natively (server-side rendering at build
//! time), so display case mapping has two implementations: the browser's
//! (`toUpperCase`, whose tables cost the widget nothing) and, natively, the
//! standard library's.

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let first = text.chars().next().map_or(0, char::len_utf8);
    upper_case(&text[..first]) + &text[first..]
}

/// The text in upper case.
#[cfg(target_arch = "wasm32")]
pub fn upper_case(text: &str) -> String {
    js_sys::JsString::from(text).to_upper_case().into()
}

/// The text in upper case.
#[cfg(not(target_arch = "wasm32"))]
pub fn upper_case(text: &str) -> String {
    text.to_uppercase()
}

/// The text in lower case.
#[cfg(target_arch = "wasm32")]
pub fn lower_case(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

/// The text in lower case.
#[cfg(not(target_arch = "wasm32"))]
pub fn lower_case(text: &str) -> String {
    text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_and_cases() {
        assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
        assert_eq!(capitalise("émile"), "Émile");
        assert_eq!(lower_case("Other Names"), "other names");
    }
}
