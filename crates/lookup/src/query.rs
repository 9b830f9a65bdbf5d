//! The query after folding, shared by every tier.

use tg_content::key::{fold_into, Folded};

/// Queries are cut to this many characters (Unicode scalar values) before
/// matching; the rest is ignored.
///
/// Drug names are far shorter, and the cap bounds the work per query: the
/// typo tier's dynamic-programming rows and the number of word spans the
/// `Words` tier tries both grow with the query length.
pub const MAX_QUERY_CHARS: usize = 100;

/// A query after folding, shared by all tiers.
pub(crate) struct Query {
    /// Folded key characters with their words (see `tg_content::key`).
    pub folded: Vec<Folded>,
    /// The key characters.
    pub chars: Vec<char>,
    /// The key as UTF-8.
    pub key: String,
    /// `char_at[i]`: byte offset of `chars[i]` in `key`; one extra item for
    /// the end.
    pub char_at: Vec<usize>,
    /// Whether any key character is a digit.
    pub has_digit: bool,
}

impl Query {
    /// Folds `text`, cut to [`MAX_QUERY_CHARS`] characters.
    pub(crate) fn new(text: &str) -> Query {
        let mut folded = Vec::new();
        fold_into(truncate(text), &mut folded);
        let chars: Vec<char> = folded.iter().map(|f| f.ch).collect();
        let key: String = chars.iter().collect();
        let mut char_at = Vec::with_capacity(chars.len() + 1);
        let mut at = 0;
        for c in &chars {
            char_at.push(at);
            at += c.len_utf8();
        }
        char_at.push(at);
        let has_digit = chars.iter().any(|c| c.is_numeric());
        Query {
            folded,
            chars,
            key,
            char_at,
            has_digit,
        }
    }
}

/// The first [`MAX_QUERY_CHARS`] characters of `text`.
fn truncate(text: &str) -> &str {
    match text.char_indices().nth(MAX_QUERY_CHARS) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}
