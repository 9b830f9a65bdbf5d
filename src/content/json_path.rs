//! Finds the JSON path (`drugs[3].synonyms[1].name`) of a position in a JSON
//! text, so that type errors from the parser, which know only a line and a
//! column, can name the field the way validation errors do.

/// One open object or array on the way to the position.
enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

/// The path of the innermost field that is open at `line`:`column` (1-based,
/// as parse errors report them). Empty for the top level.
///
/// ```
/// use treatment_guide::content::path_at;
/// let text = r#"{"drugs": [{"name": "a"}, {"name": 5}]}"#;
/// assert_eq!(path_at(text, 1, 36), "drugs[1].name");
/// ```
///
/// Runs in time linear in the text up to the position.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = offset_of(text, line, column);
    let mut stack: Vec<Frame> = Vec::new();
    let mut chars = text[..end].chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => stack.push(Frame::Object { key: None }),
            '[' => stack.push(Frame::Array { index: 0 }),
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key }) => *key = None,
                None => {}
            },
            '"' => {
                let mut string = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            chars.next();
                        }
                        c => string.push(c),
                    }
                }
                if let Some(Frame::Object { key }) = stack.last_mut() {
                    if key.is_none() {
                        *key = Some(string);
                    }
                }
            }
            _ => {}
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// Byte offset of a 1-based line and column (columns count bytes, as serde_json's do).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = (start + column).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
