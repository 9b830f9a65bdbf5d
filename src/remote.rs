//! Loading a charity's own content file (`content-src`): bounded in time and
//! size, and every way it can fail has its own plain message. Its text is
//! read by the content reader, a WebAssembly module of its own that the
//! loader imports only for a widget with such a file (`crates/reader`).

use std::fmt;

use gloo::timers::callback::Timeout;
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

use tg_content::{Content, MAX_CONTENT_BYTES};

use crate::built_in;

/// How long a content file may take to arrive.
pub const TIMEOUT_MS: u32 = 10_000;

/// Why a content file could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer at all: offline, wrong host, or blocked (CORS, CSP).
    Unreachable,
    /// The server answered with an error status.
    Http(u16, String),
    /// No complete answer within [`TIMEOUT_MS`].
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
            LoadError::TimedOut => write!(f, "it did not arrive within {} seconds", TIMEOUT_MS / 1000),
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

/// Fetches the text of the content file at `url` (resolved against the page),
/// bounded in time and size.
pub async fn fetch(url: &str) -> Result<String, LoadError> {
    let controller = AbortController::new().map_err(|_| LoadError::Unreachable)?;
    let timeout = {
        let controller = controller.clone();
        Timeout::new(TIMEOUT_MS, move || controller.abort())
    };
    let result = fetch_text(url, &controller).await;
    drop(timeout);
    result
}

/// Reads and validates a content file's text with `reader(text)`, the
/// loader's function that runs the content reader module: it returns (a
/// promise of) `{content}`, the validated content sealed (which is opened
/// here without validating it again), or
/// `{problems, sections}`, which become [`LoadError::Invalid`]. A reader that
/// cannot be loaded, or throws, is [`LoadError::NoReader`].
pub async fn read(reader: &Function, text: &str) -> Result<Content, LoadError> {
    let unavailable = |error: JsValue| LoadError::NoReader(described(&error));
    let returned = reader
        .call1(&JsValue::NULL, &JsValue::from_str(text))
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

/// A thrown value in words: an error's message, or the value as text.
pub(crate) fn described(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an unknown error".to_owned())
}

async fn fetch_text(url: &str, controller: &AbortController) -> Result<String, LoadError> {
    let signal = controller.signal();
    let init = RequestInit::new();
    init.set_signal(Some(&signal));
    let aborted = || {
        if signal.aborted() {
            LoadError::TimedOut
        } else {
            LoadError::Unreachable
        }
    };
    let response: Response =
        JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
            .await
            .map_err(|_| aborted())?
            .dyn_into()
            .map_err(|_| LoadError::Unreachable)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status(), response.status_text()));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|&b| b > MAX_CONTENT_BYTES) {
        controller.abort();
        return Err(LoadError::TooLarge(bytes));
    }
    let text = JsFuture::from(response.text().map_err(|_| LoadError::Unreachable)?)
        .await
        .map_err(|_| aborted())?
        .as_string()
        .unwrap_or_default();
    if text.len() > MAX_CONTENT_BYTES {
        return Err(LoadError::TooLarge(text.len()));
    }
    Ok(text)
}
