//! Loading a charity's own content (a `content-src` file, or `setContent`
//! text): every way it can fail has its own plain message. The loader's one
//! fetcher (`src/loader/fetch.js`) fetches the file, bounded in time
//! ([`FETCH_TIMEOUT_MS`]) and size ([`MAX_CONTENT_BYTES`]), and the content
//! reader, a WebAssembly module of its own that the loader imports only for
//! a widget with such content (`crates/reader`), reads and validates it.

use std::fmt;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use tg_content::{Content, MAX_CONTENT_BYTES};

use crate::api::FETCH_TIMEOUT_MS;
use crate::built_in;

/// Why a content file could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer at all: offline, wrong host, or blocked (CORS, CSP).
    Unreachable,
    /// The server answered with an error status.
    Http(u16, String),
    /// No complete answer within [`FETCH_TIMEOUT_MS`].
    TimedOut,
    /// The file is over [`MAX_CONTENT_BYTES`].
    TooLarge(usize),
    /// The content reader module could not be loaded or run; why.
    NoReader(String),
    /// The file was read but is not valid content.
    Invalid {
        /// Every problem, as the reader words it (with its line).
        problems: Vec<String>,
        /// The ids of the file's sections when it is JSON with a list of
        /// sections, else `None`.
        sections: Option<Vec<String>>,
    },
}

impl std::error::Error for LoadError {}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreachable => f.write_str(
                "it could not be reached (no connection, a wrong address, or blocked by the browser: \
                 a file on another site needs an Access-Control-Allow-Origin header)",
            ),
            LoadError::Http(status, text) => write!(f, "the server answered HTTP {status} {text}"),
            LoadError::TimedOut => {
                write!(f, "it did not arrive within {} seconds", FETCH_TIMEOUT_MS / 1000)
            }
            LoadError::TooLarge(bytes) => write!(
                f,
                "it is {} KiB, more than the {} KiB a content file may have",
                bytes / 1024,
                MAX_CONTENT_BYTES / 1024
            ),
            LoadError::NoReader(why) => {
                write!(f, "the code that reads content files could not be loaded ({why})")
            }
            LoadError::Invalid { problems, .. } => {
                write!(f, "it has {} problem(s)", problems.len())
            }
        }
    }
}

/// Reads and validates content with `reader(source)`, the loader's function
/// that fetches a `content-src` file (`source` is `{url}`) or takes
/// `setContent` text (`source` is the text), and runs the content reader
/// module: it returns (a promise of) `{content}`, the validated content
/// sealed (which is opened here without validating it again), or
/// `{problems, sections}`, which become [`LoadError::Invalid`], or
/// `{failed}`, why the file could not be fetched. A reader that cannot be
/// loaded, or throws, is [`LoadError::NoReader`].
pub async fn read(reader: &Function, source: &Source) -> Result<Content, LoadError> {
    let unavailable = |error: JsValue| LoadError::NoReader(described(&error));
    let argument = match source {
        Source::Url(url) => {
            let object = Object::new();
            // Setting a property of a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &"url".into(), &JsValue::from_str(url));
            object.into()
        }
        Source::Text(text) => JsValue::from_str(text),
    };
    let returned = reader
        .call1(&JsValue::NULL, &argument)
        .map_err(unavailable)?;
    let result = JsFuture::from(Promise::resolve(&returned))
        .await
        .map_err(unavailable)?;
    let field = |name: &str| Reflect::get(&result, &JsValue::from_str(name)).ok();
    if let Some(encoded) = field("content").and_then(|value| value.as_string()) {
        return built_in::open(&encoded).map_err(|error| LoadError::Invalid {
            problems: vec![error.to_string()],
            sections: None,
        });
    }
    if let Some(failed) = field("failed").filter(|value| value.is_object()) {
        return Err(fetch_failure(&failed));
    }
    let texts = |value: Option<JsValue>| {
        let list = value?.dyn_into::<Array>().ok()?;
        Some(list.iter().filter_map(|item| item.as_string()).collect())
    };
    match texts(field("problems")) {
        Some(problems) => Err(LoadError::Invalid {
            problems,
            sections: texts(field("sections")),
        }),
        None => Err(LoadError::NoReader("it gave no answer".to_owned())),
    }
}

/// Where the content to show comes from, besides the built-in content.
pub enum Source {
    /// A `content-src` URL.
    Url(String),
    /// Text given to `setContent`.
    Text(String),
}

impl Source {
    /// How the console and the notice name it.
    pub fn label(&self) -> String {
        match self {
            Source::Url(url) => format!("content file {url}"),
            Source::Text(_) => "content given to setContent".to_owned(),
        }
    }
}

/// The loader fetcher's `failed` object (`{kind, status, statusText, bytes}`) as a [`LoadError`].
fn fetch_failure(failed: &JsValue) -> LoadError {
    let field = |name: &str| Reflect::get(failed, &JsValue::from_str(name)).ok();
    let number = |name: &str| field(name).and_then(|v| v.as_f64()).unwrap_or(0.0);
    match field("kind").and_then(|v| v.as_string()).as_deref() {
        Some("http") => LoadError::Http(
            number("status") as u16,
            field("statusText")
                .and_then(|v| v.as_string())
                .unwrap_or_default(),
        ),
        Some("timed-out") => LoadError::TimedOut,
        Some("too-large") => LoadError::TooLarge(number("bytes") as usize),
        _ => LoadError::Unreachable,
    }
}

/// A thrown value in words: an error's message, or the value as text.
pub(crate) fn described(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an unknown error".to_owned())
}
