//! The built-in encoding: how `build.rs` compiles the content of `content/`
//! into the widget, and how the widget reads it back at start-up.
//!
//! A value becomes one text of fields separated by [`SEPARATOR`], in
//! declaration order, with each list preceded by its length. It is smaller
//! than JSON (no keys, no quotes) and is read without a JSON parser. The
//! [`Encoder`] and the [`Decoder`] below are the only two places that know
//! the form; the record declarations (`record.rs`) drive both, so they
//! cannot disagree. Nothing here knows the content format.

use crate::error::{ContentError, Location};

/// Separates the fields (the ASCII unit separator, U+001F).
pub const SEPARATOR: char = '\u{1f}';

/// Collects encoded fields.
#[derive(Default)]
pub struct Encoder {
    text: String,
    started: bool,
    bad: Option<String>,
}

impl Encoder {
    /// Appends one text field.
    pub fn text(&mut self, field: &str) {
        if self.started {
            self.text.push(SEPARATOR);
        }
        self.started = true;
        if field.contains(SEPARATOR) && self.bad.is_none() {
            self.bad = Some(field.to_owned());
        }
        self.text.push_str(field);
    }

    /// Appends the length of a list.
    pub fn count(&mut self, n: usize) {
        self.text(&n.to_string());
    }

    /// The encoded text; fails when a text held [`SEPARATOR`] itself (a
    /// control character no content needs).
    pub fn finish(self) -> Result<String, ContentError> {
        match self.bad {
            Some(field) => Err(ContentError::new(
                Location::default(),
                format!("the text {field:?} holds the control character U+001F; remove it"),
            )),
            None => Ok(self.text),
        }
    }
}

/// Reads encoded fields in order. Missing fields read as empty, so a
/// truncated text gives incomplete values, never a panic; [`Decoder::finish`]
/// tells whether the text was read whole and nothing was missing.
pub struct Decoder<'a> {
    fields: std::str::Split<'a, char>,
    /// How many fields are left.
    left: usize,
    /// Whether a field was missing or a list length was not one.
    broken: bool,
}

impl<'a> Decoder<'a> {
    /// A decoder of `text`.
    pub fn new(text: &'a str) -> Self {
        Decoder {
            fields: text.split(SEPARATOR),
            left: text.matches(SEPARATOR).count() + 1,
            broken: false,
        }
    }

    fn next(&mut self) -> Option<&'a str> {
        let field = self.fields.next();
        match field {
            Some(_) => self.left -= 1,
            None => self.broken = true,
        }
        field
    }

    /// The next text field (empty past the end).
    pub fn text(&mut self) -> String {
        self.next().unwrap_or_default().to_owned()
    }

    /// The next list length: 0 when it is not a number, or more than the
    /// fields left could hold (a damaged text cannot make a decoder build
    /// millions of empty values).
    pub fn count(&mut self) -> usize {
        match self.next().and_then(|f| f.parse().ok()) {
            Some(n) if n <= self.left => n,
            _ => {
                self.broken = true;
                0
            }
        }
    }

    /// Whether the whole text was read, every field present and every list
    /// length a number: what a text the [`Encoder`] wrote for the same
    /// value gives.
    pub fn finish(mut self) -> bool {
        !self.broken && self.fields.next().is_none()
    }
}
