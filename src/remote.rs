//! Loading a charity's own content file (`content-src`): bounded in time and
//! size, and every way it can fail has its own plain message.

use std::fmt;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

use tg_content::{Content, ContentError, MAX_CONTENT_BYTES};

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
    /// The file was read but is not valid content; every problem is listed.
    Invalid(Vec<ContentError>),
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
            LoadError::Invalid(errors) => write!(f, "it has {} problem(s)", errors.len()),
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

/// Validates a content file's text: [`LoadError::Invalid`] lists every problem.
pub fn read(text: &str) -> Result<Content, LoadError> {
    crate::json::content_from_text(text).map_err(LoadError::Invalid)
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
