//! A document as a plain tree ([`Json`]), the line of each of its values
//! ([`Lines`]), and a JSON parser that gives both, with syntax errors in
//! plain words.
//!
//! Every format of the content reaches the one reader (`read.rs`) as this
//! tree: JSON text through [`parse_document`] (in the browser, in the
//! content reader's module, `crates/reader`, so the widget's main wasm
//! carries no parser), and the TOML folder through `toml_source.rs`.
//! Nothing here knows the content format.

use std::collections::HashMap;

use crate::error::{ContentError, Location};
use crate::words::ordinal;

/// The deepest nesting accepted. The content format needs 4 levels; a limit
/// keeps a hostile file from exhausting the stack.
pub const MAX_DEPTH: usize = 32;

/// The start of every JSON syntax message.
const NOT_JSON: &str = "the file is not valid JSON";

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
    /// An object's members, in file order. A repeated name keeps its last value.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What kind of value this is, in the words of an error message.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true or false",
            Json::Number(_) => "a number",
            Json::String(_) => "a text",
            Json::Array(_) => "a list",
            Json::Object(_) => "a block of fields",
        }
    }
}

/// The error for a document nested deeper than [`MAX_DEPTH`].
pub fn too_deep() -> ContentError {
    ContentError::new(
        Location::default(),
        format!("{NOT_JSON}: it is nested more than {MAX_DEPTH} levels deep"),
    )
}

/// Where a value stands in its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The file, when the tree came from several files.
    pub file: Option<String>,
    /// The 1-based line where the value starts.
    pub line: usize,
    /// For a text written over several lines of the file: the file line of
    /// its first text line. `None` when the whole text stands on one line
    /// (every JSON string).
    pub text_start: Option<usize>,
}

/// The line of every value of a tree, by JSON path (`drugs[3].name`).
#[derive(Clone, Debug, Default)]
pub struct Lines {
    by_path: HashMap<String, Line>,
}

impl Lines {
    /// Records where the value at `path` stands.
    pub fn insert(&mut self, path: String, line: Line) {
        self.by_path.insert(path, line);
    }

    /// Where the value at `path` stands, or the nearest value that holds it.
    pub fn find(&self, mut path: &str) -> Option<&Line> {
        loop {
            if let Some(line) = self.by_path.get(path) {
                return Some(line);
            }
            path = &path[..path.rfind(['.', '['])?];
        }
    }

    /// Adds the file and line of an error's path to it, unless it has them.
    pub fn place(&self, error: &mut ContentError) {
        let location = &mut error.location;
        if location.line.is_some() {
            return;
        }
        let Some(found) = self.find(&location.path) else {
            return;
        };
        location.line = Some(match (found.text_start, location.text_line) {
            (Some(start), Some(text_line)) => start + text_line,
            _ => found.line,
        });
        if location.file.is_none() {
            location.file.clone_from(&found.file);
        }
    }
}

/// A parsed JSON text: the tree and the line of each value.
#[derive(Clone, Debug)]
pub struct Document {
    /// The tree.
    pub value: Json,
    /// The line of each value.
    pub lines: Lines,
}

/// Parses JSON text into a [`Json`] tree.
///
/// ```
/// use tg_content::{json, Json};
/// assert_eq!(json::parse("[1, \"a\"]").unwrap(),
///            Json::Array(vec![Json::Number(1.0), Json::String("a".into())]));
/// assert!(json::parse("{ not json").unwrap_err().message.starts_with("the file is not valid JSON"));
/// ```
pub fn parse(text: &str) -> Result<Json, ContentError> {
    parse_document(text).map(|document| document.value)
}

/// Parses JSON text into a tree and the line of each value. A syntax error
/// is told in plain words, with its line:
///
/// ```
/// let error = tg_content::json::parse_document("{\n  \"a\": 1,\n}").unwrap_err();
/// assert_eq!(error.location.line, Some(2));
/// assert!(error.message.contains("remove the comma"), "{}", error.message);
/// ```
pub fn parse_document(text: &str) -> Result<Document, ContentError> {
    let mut parser = Parser {
        text: text.as_bytes(),
        at: 0,
        line: 1,
        lines: Lines::default(),
    };
    parser.skip_space()?;
    if parser.peek().is_none() {
        return Err(parser.fail(1, "it is empty"));
    }
    let value = parser.value("", 0)?;
    parser.skip_space()?;
    if parser.peek().is_some() {
        return Err(parser.fail(
            parser.line,
            "there is more text after the end of the content; the whole file must be one { … } block",
        ));
    }
    Ok(Document {
        value,
        lines: parser.lines,
    })
}

/// Writes a tree as JSON text, two spaces a level, members in tree order.
///
/// ```
/// use tg_content::{json, Json};
/// let value = Json::Object(vec![("a".into(), Json::Array(vec![Json::String("x\"".into())]))]);
/// assert_eq!(json::to_text(&value), "{\n  \"a\": [\n    \"x\\\"\"\n  ]\n}");
/// assert_eq!(json::parse(&json::to_text(&value)).unwrap(), value);
/// ```
pub fn to_text(value: &Json) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out
}

fn write_value(out: &mut String, value: &Json, depth: usize) {
    let indent = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&n.to_string()),
        Json::String(s) => write_string(out, s),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Object(members) if members.is_empty() => out.push_str("{}"),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_value(out, item, depth + 1);
            }
            indent(out, depth);
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (name, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_string(out, name);
                out.push_str(": ");
                write_value(out, item, depth + 1);
            }
            indent(out, depth);
            out.push('}');
        }
    }
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
    lines: Lines,
}

impl Parser<'_> {
    fn fail(&self, line: usize, message: impl AsRef<str>) -> ContentError {
        ContentError::new(
            Location::at_line(line),
            format!("{NOT_JSON}: {}", message.as_ref()),
        )
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        if byte == b'\n' {
            self.line += 1;
        }
        Some(byte)
    }

    fn skip_space(&mut self) -> Result<(), ContentError> {
        while let Some(byte) = self.peek() {
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => {
                    self.bump();
                }
                b'/' if matches!(self.text.get(self.at + 1), Some(b'/' | b'*')) => {
                    return Err(self.fail(
                        self.line,
                        "JSON has no comments; remove the text that starts with /",
                    ));
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// What stands at the current position, for a message.
    fn found(&self) -> String {
        match self.peek() {
            None => "the end of the file".to_owned(),
            Some(_) => {
                let rest = String::from_utf8_lossy(&self.text[self.at..]);
                let shown: String = rest
                    .chars()
                    .take_while(|c| !c.is_whitespace())
                    .take(12)
                    .collect();
                format!("“{shown}”")
            }
        }
    }

    fn value(&mut self, path: &str, depth: usize) -> Result<Json, ContentError> {
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        let line = self.line;
        self.lines.insert(
            path.to_owned(),
            Line {
                file: None,
                line,
                text_start: None,
            },
        );
        match self.peek() {
            Some(b'{') => self.object(path, depth),
            Some(b'[') => self.array(path, depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'\'') => Err(self.fail(
                line,
                "texts must be in double quotes \"…\", not single quotes '…'",
            )),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'a'..=b'z' | b'A'..=b'Z') => self.word(),
            None => Err(self.fail(
                line,
                "the file ends too early: a value, a } or a ] is missing at the end",
            )),
            Some(_) => Err(self.fail(
                line,
                format!(
                    "on line {line}, {} is not a value; write a text in double quotes, a number, true, false or null",
                    self.found()
                ),
            )),
        }
    }

    /// The items of a `{…}` (`close` is `}`) or `[…]` (`close` is `]`),
    /// each read by `item`, with the commas between them checked.
    fn sequence(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), ContentError>,
    ) -> Result<(), ContentError> {
        let open = self.line;
        let closer = char::from(close);
        let opener = if close == b'}' { '{' } else { '[' };
        let unclosed = |parser: &Self| {
            parser.fail(
                parser.line,
                format!("the file ends before the {opener} opened on line {open} is closed; a {closer} is missing"),
            )
        };
        self.bump();
        let mut comma_line = None;
        let mut count = 0;
        loop {
            self.skip_space()?;
            match self.peek() {
                Some(byte) if byte == close => {
                    if let Some(comma) = comma_line {
                        return Err(self.fail(
                            comma,
                            format!("on line {comma}, a comma comes before the closing {closer} with nothing after it; remove the comma"),
                        ));
                    }
                    self.bump();
                    return Ok(());
                }
                None => return Err(unclosed(self)),
                _ => {}
            }
            item(self)?;
            count += 1;
            let end = self.line;
            self.skip_space()?;
            match self.peek() {
                Some(b',') => {
                    comma_line = Some(self.line);
                    self.bump();
                }
                Some(byte) if byte == close => comma_line = None,
                None => return Err(unclosed(self)),
                Some(_) if close == b'}' => {
                    return Err(self.fail(
                        end,
                        format!("a comma is missing after the value that ends on line {end}"),
                    ))
                }
                Some(_) => {
                    return Err(self.fail(
                        end,
                        format!(
                            "a comma is missing after the {} item of the list, which ends on line {end}",
                            ordinal(count - 1)
                        ),
                    ))
                }
            }
        }
    }

    fn object(&mut self, path: &str, depth: usize) -> Result<Json, ContentError> {
        let mut members = Vec::new();
        self.sequence(b'}', |parser| {
            let line = parser.line;
            match parser.peek() {
                Some(b'"') => {}
                Some(b'\'') => {
                    return Err(parser.fail(
                        line,
                        format!("on line {line}, names must be in double quotes \"…\", not single quotes"),
                    ))
                }
                _ => {
                    let found = parser.found();
                    return Err(parser.fail(
                        line,
                        format!("on line {line}, a field name must be in double quotes: {found} should start with \""),
                    ));
                }
            }
            let name = parser.string()?;
            parser.skip_space()?;
            if parser.peek() != Some(b':') {
                let line = parser.line;
                return Err(parser.fail(
                    line,
                    format!("on line {line}, a colon : is missing after the name \"{name}\""),
                ));
            }
            parser.bump();
            parser.skip_space()?;
            let member_path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            let value = parser.value(&member_path, depth + 1)?;
            members.push((name, value));
            Ok(())
        })?;
        Ok(Json::Object(members))
    }

    fn array(&mut self, path: &str, depth: usize) -> Result<Json, ContentError> {
        let mut items = Vec::new();
        self.sequence(b']', |parser| {
            let item_path = format!("{path}[{}]", items.len());
            items.push(parser.value(&item_path, depth + 1)?);
            Ok(())
        })?;
        Ok(Json::Array(items))
    }

    fn string(&mut self) -> Result<String, ContentError> {
        let open = self.line;
        self.bump();
        let mut bytes = Vec::new();
        loop {
            match self.bump() {
                None | Some(b'\n') => {
                    return Err(self.fail(
                        open,
                        format!("on line {open}, a text is not closed: a double quote \" is missing at its end"),
                    ))
                }
                Some(b'"') => break,
                Some(b'\\') => self.escape(&mut bytes)?,
                Some(byte) if byte < 0x20 => {
                    return Err(self.fail(
                        self.line,
                        format!("on line {}, a text holds a tab or another control character; write \\t or remove it", self.line),
                    ))
                }
                Some(byte) => bytes.push(byte),
            }
        }
        // The input is a `&str` and escapes push whole characters: valid UTF-8.
        Ok(String::from_utf8(bytes).unwrap_or_default())
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), ContentError> {
        let line = self.line;
        let simple = match self.bump() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let mut code = self.hex4(line)?;
                if (0xD800..0xDC00).contains(&code) && self.text[self.at..].starts_with(b"\\u") {
                    self.at += 2;
                    let low = self.hex4(line)?;
                    code = 0x10000 + ((code - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                }
                char::from_u32(code).unwrap_or('\u{FFFD}')
            }
            _ => {
                return Err(self.fail(
                    line,
                    format!("on line {line}, a backslash \\ starts no known escape; write \\\\ for a backslash"),
                ))
            }
        };
        let mut buffer = [0; 4];
        out.extend_from_slice(simple.encode_utf8(&mut buffer).as_bytes());
        Ok(())
    }

    fn hex4(&mut self, line: usize) -> Result<u32, ContentError> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or_default();
        let code = std::str::from_utf8(digits)
            .ok()
            .filter(|d| d.len() == 4)
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| {
                self.fail(
                    line,
                    format!("on line {line}, \\u must be followed by four hexadecimal digits"),
                )
            })?;
        self.at += 4;
        Ok(code)
    }

    fn number(&mut self) -> Result<Json, ContentError> {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
        ) {
            self.bump();
        }
        let lexeme = std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default();
        lexeme.parse::<f64>().map(Json::Number).map_err(|_| {
            self.fail(
                self.line,
                format!("on line {}, “{lexeme}” is not a number", self.line),
            )
        })
    }

    fn word(&mut self) -> Result<Json, ContentError> {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'0'..=b'9')
        ) {
            self.bump();
        }
        let word = std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default();
        match word {
            "true" => Ok(Json::Bool(true)),
            "false" => Ok(Json::Bool(false)),
            "null" => Ok(Json::Null),
            _ => Err(self.fail(
                self.line,
                format!(
                    "on line {}, the word “{word}” is not a value; texts must be in double quotes \"…\"",
                    self.line
                ),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> (Option<usize>, String) {
        let error = parse_document(text).unwrap_err();
        (error.location.line, error.message)
    }

    #[test]
    fn values_and_their_lines() {
        let document =
            parse_document("{\n \"a\": [1, \"x\\u00e9\\n\"],\n \"b\": {\"c\": null}\n}").unwrap();
        assert_eq!(
            document.value,
            Json::Object(vec![
                (
                    "a".into(),
                    Json::Array(vec![Json::Number(1.0), Json::String("xé\n".into())])
                ),
                ("b".into(), Json::Object(vec![("c".into(), Json::Null)])),
            ])
        );
        assert_eq!(document.lines.find("a[1]").unwrap().line, 2);
        assert_eq!(document.lines.find("b.c").unwrap().line, 3);
        assert_eq!(
            document.lines.find("b.c.d[4]").unwrap().line,
            3,
            "the nearest holder"
        );
    }

    #[test]
    fn syntax_errors_in_plain_words() {
        let cases = [
            ("{\n\"a\": 1,\n}", 2, "on line 2, a comma comes before the closing } with nothing after it; remove the comma"),
            ("[1,\n2,\n]", 2, "on line 2, a comma comes before the closing ] with nothing after it; remove the comma"),
            ("{\n\"a\": \"x,\n\"b\": 1}", 2, "on line 2, a text is not closed: a double quote \" is missing at its end"),
            ("{\n a: 1}", 2, "on line 2, a field name must be in double quotes: “a:” should start with \""),
            ("{\"a\": 1\n\"b\": 2}", 1, "a comma is missing after the value that ends on line 1"),
            ("{\"a\" 1}", 1, "on line 1, a colon : is missing after the name \"a\""),
            ("{\"a\": 'x'}", 1, "texts must be in double quotes \"…\", not single quotes '…'"),
            ("{\"a\": True}", 1, "on line 1, the word “True” is not a value; texts must be in double quotes \"…\""),
            ("{\"a\": [1, 2}", 1, "a comma is missing after the 2nd item of the list, which ends on line 1"),
            ("{\n\"a\": {\n", 3, "the file ends before the { opened on line 2 is closed; a } is missing"),
            ("{} {}", 1, "there is more text after the end of the content; the whole file must be one { … } block"),
            ("// notes\n{}", 1, "JSON has no comments; remove the text that starts with /"),
            ("  ", 1, "it is empty"),
        ];
        for (text, line, expected) in cases {
            let (got_line, got) = message(text);
            assert_eq!(
                got,
                format!("the file is not valid JSON: {expected}"),
                "{text:?}"
            );
            assert_eq!(got_line, Some(line), "{text:?}");
        }
    }

    #[test]
    fn nesting_is_limited() {
        let deep = "[".repeat(MAX_DEPTH + 2);
        assert!(parse(&deep)
            .unwrap_err()
            .message
            .contains("nested more than"));
    }
}
