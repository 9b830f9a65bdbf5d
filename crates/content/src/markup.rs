//! The body markup of section text, small enough for any editor:
//!
//! - paragraphs are separated by a blank line;
//! - a line starting with `- ` is a list item (an indented line continues it);
//! - `{name}` marks a drug or glossary term by any of its names, and
//!   `{shown words|name}` shows other words for it;
//! - `[words](https://example.org/page)` is a link (`https:` or relative only).
//!
//! Nothing else is special: text is never read as HTML.

/// A block before its mentions are resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawBlock {
    /// A paragraph.
    Paragraph(Vec<RawInline>),
    /// A list of items.
    List(Vec<Vec<RawInline>>),
}

/// An inline run before its mention is resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawInline {
    /// Plain text.
    Text(String),
    /// A `{...}` mention.
    Mention {
        /// The words shown.
        text: String,
        /// The name it refers to.
        name: String,
        /// 0-based line of the body it is on.
        line: usize,
    },
    /// A `[words](url)` link.
    Link {
        /// The words shown.
        text: String,
        /// Where it goes, as written.
        url: String,
        /// 0-based line of the body it is on.
        line: usize,
    },
}

/// A problem in body markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkupError {
    /// 0-based line inside the body.
    pub line: usize,
    /// What is wrong, in plain words.
    pub message: String,
}

/// Parses body markup into blocks.
///
/// ```
/// use tg_content::{parse_body, RawBlock, RawInline};
/// let blocks = parse_body("Drugs:\n\n- {Oncovin|vincristine}\n- methotrexate").unwrap();
/// assert_eq!(blocks.len(), 2);
/// let RawBlock::List(items) = &blocks[1] else { panic!() };
/// assert!(matches!(&items[0][0], RawInline::Mention { name, .. } if name == "vincristine"));
/// ```
///
/// Runs in time linear in the length of the body.
pub fn parse_body(body: &str) -> Result<Vec<RawBlock>, Vec<MarkupError>> {
    let mut blocks = Vec::new();
    let mut errors = Vec::new();
    let mut paragraph: Vec<RawInline> = Vec::new();
    let mut items: Vec<Vec<RawInline>> = Vec::new();

    let flush = |paragraph: &mut Vec<RawInline>,
                 items: &mut Vec<Vec<RawInline>>,
                 blocks: &mut Vec<RawBlock>| {
        if !paragraph.is_empty() {
            blocks.push(RawBlock::Paragraph(std::mem::take(paragraph)));
        }
        if !items.is_empty() {
            blocks.push(RawBlock::List(std::mem::take(items)));
        }
    };

    for (line_no, line) in body.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut items, &mut blocks);
            continue;
        }
        let continues_item = !items.is_empty() && line.starts_with(char::is_whitespace);
        if let Some(item) = trimmed.strip_prefix("- ") {
            if !paragraph.is_empty() {
                blocks.push(RawBlock::Paragraph(std::mem::take(&mut paragraph)));
            }
            items.push(parse_inline(item.trim(), line_no, &mut errors));
        } else if continues_item {
            let last = items.last_mut().expect("checked non-empty");
            push_text(last, " ");
            append(last, parse_inline(trimmed, line_no, &mut errors));
        } else {
            if !items.is_empty() {
                blocks.push(RawBlock::List(std::mem::take(&mut items)));
            }
            if !paragraph.is_empty() {
                push_text(&mut paragraph, " ");
            }
            append(&mut paragraph, parse_inline(trimmed, line_no, &mut errors));
        }
    }
    flush(&mut paragraph, &mut items, &mut blocks);

    if errors.is_empty() {
        Ok(blocks)
    } else {
        Err(errors)
    }
}

/// The shown text of a body, as [`crate::Section::plain_text`] gives it
/// (markup dropped, each paragraph and list item on a line of its own, a
/// blank line between blocks), and the body line each part of it comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlainBody {
    /// The shown text.
    pub text: String,
    /// Where each body line's text starts in [`PlainBody::text`]: (byte offset, 0-based body line).
    starts: Vec<(usize, usize)>,
}

impl PlainBody {
    /// The 0-based body line of the byte at `offset` of [`PlainBody::text`].
    pub fn line_at(&self, offset: usize) -> usize {
        let after = self.starts.partition_point(|&(start, _)| start <= offset);
        after.checked_sub(1).map_or(0, |i| self.starts[i].1)
    }
}

/// The shown text of body markup, with its lines; see [`PlainBody`]. Follows
/// [`parse_body`] line by line; markup errors are left to it.
///
/// ```
/// use tg_content::plain_body;
/// let body = plain_body("Drugs such as\n{Oncovin|vincristine}.\n\n- one\n- two");
/// assert_eq!(body.text, "Drugs such as Oncovin.\n\none\ntwo");
/// assert_eq!(body.line_at(body.text.find("Oncovin").unwrap()), 1);
/// assert_eq!(body.line_at(body.text.find("two").unwrap()), 4);
/// ```
pub fn plain_body(body: &str) -> PlainBody {
    #[derive(Clone, Copy, PartialEq)]
    enum Open {
        Nothing,
        Paragraph,
        List,
    }
    let mut out = PlainBody::default();
    let mut open = Open::Nothing;
    let mut ignored = Vec::new();
    for (line_no, line) in body.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            open = Open::Nothing;
            continue;
        }
        let continues_item = open == Open::List && line.starts_with(char::is_whitespace);
        let (joiner, text, now) = if let Some(item) = trimmed.strip_prefix("- ") {
            let joiner = if open == Open::List { "\n" } else { "\n\n" };
            (joiner, item.trim(), Open::List)
        } else if continues_item {
            (" ", trimmed, Open::List)
        } else {
            let joiner = if open == Open::Paragraph { " " } else { "\n\n" };
            (joiner, trimmed, Open::Paragraph)
        };
        if !out.text.is_empty() {
            out.text.push_str(joiner);
        }
        open = now;
        out.starts.push((out.text.len(), line_no));
        for run in parse_inline(text, line_no, &mut ignored) {
            out.text.push_str(match &run {
                RawInline::Text(text)
                | RawInline::Mention { text, .. }
                | RawInline::Link { text, .. } => text,
            });
        }
    }
    out
}

/// Appends text, merging with a preceding text run.
fn push_text(runs: &mut Vec<RawInline>, text: &str) {
    if text.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(RawInline::Text(last)) => last.push_str(text),
        _ => runs.push(RawInline::Text(text.to_owned())),
    }
}

/// Appends runs, merging text that meets text.
fn append(runs: &mut Vec<RawInline>, more: Vec<RawInline>) {
    for run in more {
        match run {
            RawInline::Text(text) => push_text(runs, &text),
            mention => runs.push(mention),
        }
    }
}

/// Parses one line of text with its `{...}` mentions and `[...](...)` links.
fn parse_inline(text: &str, line: usize, errors: &mut Vec<MarkupError>) -> Vec<RawInline> {
    let mut runs = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}', '[']) {
        push_text(&mut runs, &rest[..at]);
        let after = &rest[at + 1..];
        match rest.as_bytes()[at] {
            b'}' => {
                errors.push(MarkupError {
                    line,
                    message: "a \"}\" has no \"{\" before it".into(),
                });
                push_text(&mut runs, "}");
                rest = after;
            }
            b'[' => match parse_link(after) {
                Some((shown, url, used)) => {
                    runs.push(RawInline::Link {
                        text: shown.to_owned(),
                        url: url.to_owned(),
                        line,
                    });
                    rest = &after[used..];
                }
                None => {
                    push_text(&mut runs, "[");
                    rest = after;
                }
            },
            _ => {
                let Some(close) = after
                    .find(['{', '}'])
                    .filter(|&i| after[i..].starts_with('}'))
                else {
                    errors.push(MarkupError {
                        line,
                        message: "a \"{\" is not closed by \"}\" on the same line".into(),
                    });
                    push_text(&mut runs, &rest[at..]);
                    return runs;
                };
                let inner = &after[..close];
                let (shown, name) = inner.split_once('|').unwrap_or((inner, inner));
                let (shown, name) = (shown.trim(), name.trim());
                if shown.is_empty() || name.is_empty() {
                    errors.push(MarkupError {
                        line,
                        message: format!("\"{{{inner}}}\" is empty"),
                    });
                } else {
                    runs.push(RawInline::Mention {
                        text: shown.to_owned(),
                        name: name.to_owned(),
                        line,
                    });
                }
                rest = &after[close + 1..];
            }
        }
    }
    push_text(&mut runs, rest);
    runs
}

/// Reads `words](url)` after a `[`: the words, the url and the bytes used.
///
/// As in CommonMark, the url may hold brackets if they are balanced:
/// `[x](https://en.wikipedia.org/wiki/Leukemia_(disease))` links to the whole
/// address. A `(` that is never closed leaves no link.
fn parse_link(after: &str) -> Option<(&str, &str, usize)> {
    let end_text = after.find(']')?;
    let tail = after[end_text + 1..].strip_prefix('(')?;
    let end_url = closing_bracket(tail)?;
    let (shown, url) = (after[..end_text].trim(), tail[..end_url].trim());
    if shown.is_empty() || url.is_empty() || shown.contains(['{', '}']) {
        return None;
    }
    Some((shown, url, end_text + 2 + end_url + 1))
}

/// The byte offset of the `)` that closes a `(` just before `text`, skipping
/// balanced pairs inside it.
fn closing_bracket(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Whether a link target is allowed: `https:` URLs and relative paths only,
/// so content can never carry `javascript:`, `data:` or plain-`http:` links.
///
/// ```
/// use tg_content::is_safe_url;
/// assert!(is_safe_url("https://example.org/trials"));
/// assert!(is_safe_url("/about/trials.html"));
/// assert!(!is_safe_url("javascript:alert(1)"));
/// assert!(!is_safe_url(" JavaScript:alert(1)"));
/// assert!(!is_safe_url("//evil.example/"));
/// ```
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    if let Some(rest) = url.strip_prefix("https://") {
        return !rest.is_empty();
    }
    let before_path = url.split(['/', '?', '#']).next().unwrap_or_default();
    !url.starts_with("//") && !before_path.contains(':') && !url.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RawInline {
        RawInline::Text(s.into())
    }

    #[test]
    fn paragraphs_join_lines_and_split_on_blank_lines() {
        let blocks = parse_body("One\ntwo.\n\nThree.").unwrap();
        assert_eq!(
            blocks,
            vec![
                RawBlock::Paragraph(vec![text("One two.")]),
                RawBlock::Paragraph(vec![text("Three.")])
            ]
        );
    }

    #[test]
    fn list_items_and_continuations() {
        let blocks = parse_body("Intro:\n- a\n  more\n- b\nAfter").unwrap();
        assert_eq!(blocks.len(), 3);
        assert_eq!(
            blocks[1],
            RawBlock::List(vec![vec![text("a more")], vec![text("b")]])
        );
        assert_eq!(blocks[2], RawBlock::Paragraph(vec![text("After")]));
    }

    #[test]
    fn mentions_with_and_without_shown_words() {
        let blocks = parse_body("Take {Oncovin} or {blast cells|blasts}.").unwrap();
        let RawBlock::Paragraph(runs) = &blocks[0] else {
            panic!("paragraph expected")
        };
        assert_eq!(
            runs,
            &vec![
                text("Take "),
                RawInline::Mention {
                    text: "Oncovin".into(),
                    name: "Oncovin".into(),
                    line: 0
                },
                text(" or "),
                RawInline::Mention {
                    text: "blast cells".into(),
                    name: "blasts".into(),
                    line: 0
                },
                text("."),
            ]
        );
    }

    #[test]
    fn broken_braces_are_reported_with_their_line() {
        let errors = parse_body("fine\n\nan {open brace\n}stray\n{}").unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
        assert!(errors[0].message.contains("not closed"));
        assert!(errors[1].message.contains("no \"{\""));
        assert!(errors[2].message.contains("empty"));
    }

    #[test]
    fn links_and_stray_brackets() {
        let blocks = parse_body("See [trials](https://example.org/t) [not a link] x").unwrap();
        let RawBlock::Paragraph(runs) = &blocks[0] else {
            panic!("paragraph expected")
        };
        assert_eq!(runs[0], text("See "));
        assert_eq!(
            runs[1],
            RawInline::Link {
                text: "trials".into(),
                url: "https://example.org/t".into(),
                line: 0
            }
        );
        assert_eq!(runs[2], text(" [not a link] x"));
    }

    fn link(shown: &str, url: &str) -> RawInline {
        RawInline::Link {
            text: shown.into(),
            url: url.into(),
            line: 0,
        }
    }

    fn runs(body: &str) -> Vec<RawInline> {
        let blocks = parse_body(body).unwrap();
        let [RawBlock::Paragraph(runs)] = blocks.as_slice() else {
            panic!("one paragraph expected: {blocks:?}")
        };
        runs.clone()
    }

    #[test]
    fn link_urls_keep_balanced_brackets() {
        assert_eq!(
            runs("[x](https://en.wikipedia.org/wiki/Leukemia_(disease))"),
            vec![link(
                "x",
                "https://en.wikipedia.org/wiki/Leukemia_(disease)"
            )]
        );
        assert_eq!(
            runs("See [a](https://example.org/a_(b_(c))_d) now."),
            vec![
                text("See "),
                link("a", "https://example.org/a_(b_(c))_d"),
                text(" now."),
            ]
        );
        // The link ends at the bracket that closes it; the rest is text.
        assert_eq!(
            runs("([x](https://example.org/t_(1)))"),
            vec![text("("), link("x", "https://example.org/t_(1)"), text(")")]
        );
        assert_eq!(
            runs("[x](/a) and [y](/b_(c))."),
            vec![
                link("x", "/a"),
                text(" and "),
                link("y", "/b_(c)"),
                text(".")
            ]
        );
    }

    #[test]
    fn link_with_an_unclosed_bracket_is_text() {
        assert_eq!(
            runs("[x](https://example.org/a_(b) more"),
            vec![text("[x](https://example.org/a_(b) more")]
        );
        assert_eq!(
            runs("[x](https://example.org/("),
            vec![text("[x](https://example.org/(")]
        );
    }

    #[test]
    fn markup_is_kept_as_text() {
        let blocks = parse_body("<b>bold</b> & <script>").unwrap();
        assert_eq!(
            blocks,
            vec![RawBlock::Paragraph(vec![text("<b>bold</b> & <script>")])]
        );
    }
}
