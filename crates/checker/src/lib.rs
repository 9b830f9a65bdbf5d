//! The browser checker (`dist/check.html`): a content file checked in the
//! page by the same code and messages as `content-check`, nothing uploaded.
//! A WebAssembly module of its own, loaded by the checker page only, so the
//! widget's main wasm carries none of the checker, plain-language or
//! readability code. The page calls [`check_content`] through the
//! wasm-bindgen glue (`--target no-modules`, global `wasm_bindgen`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use tg_content::readability::one_decimal;
use tg_content::{sheet, Check, ContentError, ContentFile};
use wasm_bindgen::prelude::*;

/// Checks the text of a content file (JSON). Returns a list of
/// `{level, path, line, message}`: every error (`"error"`: the widget refuses
/// the file), then every plain-language warning (`"warning"`), then each
/// section's reading grade (`"info"`). `path` is the JSON path (empty for the
/// whole file); `line`, when known, is the 1-based line of the file.
#[wasm_bindgen]
pub fn check_content(text: &str) -> Array {
    let check = Check::of_json(text);
    let out = Array::new();
    for error in &check.errors {
        out.push(&problem("error", error));
    }
    for warning in check.warnings() {
        out.push(&problem("warning", warning));
    }
    for section in check.plain_language.iter().flat_map(|p| &p.grades) {
        let grade = one_decimal(section.grade);
        let message = format!("{} ({}): reading grade {grade}", section.title, section.id);
        out.push(&item("info", &section.path, None, &message));
    }
    out
}

/// The review sheet of a content file's text (JSON): one printable HTML page
/// with every statement a reader sees, its reference to the source, what
/// changed since the last review and a place to sign (`tg_content::sheet`,
/// as `content-check --review-sheet` makes it). Throws a plain message when
/// the text cannot be read as content.
#[wasm_bindgen]
pub fn review_sheet(text: &str) -> Result<String, JsError> {
    let unreadable = |first: &ContentError| {
        JsError::new(&format!(
            "the review sheet needs a file the checker can read; fix this first: {first}"
        ))
    };
    ContentFile::read(text)
        .finish(|raw| Ok(sheet::review_sheet(&raw, None)))
        .map_err(|errors| unreadable(&errors[0]))
}

fn problem(level: &str, problem: &ContentError) -> Object {
    let line = problem.location.line;
    item(level, &problem.location.path, line, &problem.message)
}

fn item(level: &str, path: &str, line: Option<usize>, message: &str) -> Object {
    let object = Object::new();
    let set = |key: &str, value: JsValue| {
        // Setting a property of a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &key.into(), &value);
    };
    set("level", level.into());
    set("path", path.into());
    set(
        "line",
        line.map_or(JsValue::NULL, |line| (line as u32).into()),
    );
    set("message", message.into());
    object
}
