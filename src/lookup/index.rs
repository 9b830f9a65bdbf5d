//! The index: entries, their keys and two sorted arrays of word keys.
//!
//! Layout (all offsets `u32`):
//!
//! * `texts`/`text_ends`: the original names, concatenated, for highlighting.
//! * `fwd.bytes`/`key_ends`: each entry's key (UTF-8), concatenated.
//! * `fwd.refs`: one [`KeyRef`] per *word key* (the key suffix starting at
//!   each word, see [`MAX_WORD_KEYS`]), sorted by key bytes, with `fwd.lcp`
//!   the length of the common prefix with the previous key. Exact and prefix
//!   lookups are binary searches in it: O(log w · |q|) for `w` word keys.
//! * `rev`: the same word keys, reversed (by characters), in their own sorted
//!   array, so the typo search can also anchor on the end of the query.
//!
//! Memory: about `text + 2 · key + 24 · words + 2 · words + 12` bytes per
//! name (text and key in UTF-8 bytes, `words` word keys per name), measured by
//! [`Index::heap_bytes`].

use std::cmp::Ordering;
use std::ops::Range;

use super::normalize::{fold_into, Folded};
use super::rank::{Cand, Collector, Rank, TIER_EXACT, TIER_PREFIX};
use super::{typo, words, Entry, Hit, MatchKind, MAX_QUERY_CHARS};

/// At most this many word keys are made per name: its whole key and the
/// suffixes starting at its next words. Words further on in very long names
/// cannot be found by prefix; this bounds memory for entries that are really
/// descriptions.
pub(super) const MAX_WORD_KEYS: usize = 8;

/// Extra score of a prefix match that starts at a later word of the name.
const LATER_WORD_PREFIX: u32 = 3;

/// A word key: `len` bytes at `start` in its array's bytes, from `entry`.
#[derive(Clone, Copy, Debug)]
pub(super) struct KeyRef {
    pub entry: u32,
    pub start: u32,
    pub len: u32,
}

/// Word keys sorted by their bytes, with longest-common-prefix lengths.
#[derive(Debug, Default)]
pub(super) struct KeyArray {
    /// Key bytes; word keys are slices of it.
    pub bytes: Vec<u8>,
    /// Word keys in byte order.
    pub refs: Vec<KeyRef>,
    /// `lcp[i]`: common prefix of keys `i - 1` and `i` in bytes, capped at
    /// 255 (so a stored value is a lower bound); `lcp[0] = 0`.
    pub lcp: Vec<u8>,
}

impl KeyArray {
    /// The bytes of word key `i`.
    pub fn key(&self, i: usize) -> &[u8] {
        let r = self.refs[i];
        &self.bytes[r.start as usize..(r.start + r.len) as usize]
    }

    /// Indices of the word keys that start with `prefix` (all of them for an
    /// empty prefix). Two binary searches: O(log w · |prefix|).
    pub fn prefix_range(&self, prefix: &[u8]) -> Range<usize> {
        let lo = self.refs.partition_point(|r| self.slice(r) < prefix);
        let len = self.refs[lo..].partition_point(|r| self.slice(r).starts_with(prefix));
        lo..lo + len
    }

    /// Indices of the word keys equal to `key`: the first ones of its prefix
    /// range, since shorter keys sort first.
    pub fn exact_range(&self, key: &[u8]) -> Range<usize> {
        let range = self.prefix_range(key);
        let len = self.refs[range.clone()].partition_point(|r| r.len as usize == key.len());
        range.start..range.start + len
    }

    fn slice(&self, r: &KeyRef) -> &[u8] {
        &self.bytes[r.start as usize..(r.start + r.len) as usize]
    }

    /// Sorts `refs` by key bytes and fills `lcp`. O(w log w) comparisons, most
    /// of them on an 8-byte big-endian prefix held inline.
    fn sort(&mut self) {
        let mut order: Vec<(u64, KeyRef)> = self
            .refs
            .iter()
            .map(|r| (head(self.slice(r)), *r))
            .collect();
        order.sort_unstable_by(|a, b| match a.0.cmp(&b.0) {
            Ordering::Equal => self
                .slice(&a.1)
                .cmp(self.slice(&b.1))
                .then(a.1.entry.cmp(&b.1.entry)),
            other => other,
        });
        self.refs = order.into_iter().map(|(_, r)| r).collect();
        self.lcp = Vec::with_capacity(self.refs.len());
        for i in 0..self.refs.len() {
            let common = if i == 0 {
                0
            } else {
                let (a, b) = (self.key(i - 1), self.key(i));
                a.iter().zip(b).take(255).take_while(|(x, y)| x == y).count()
            };
            self.lcp.push(common as u8);
        }
    }

    fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
            + self.refs.capacity() * std::mem::size_of::<KeyRef>()
            + self.lcp.capacity()
    }
}

/// First eight bytes of `key` as a big-endian number, zero-padded: orders
/// like the bytes themselves because keys never contain a zero byte.
fn head(key: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = key.len().min(8);
    buf[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(buf)
}

/// A query after folding, shared by all tiers.
pub(super) struct Query {
    /// Folded key characters with their words (see the `normalize` module).
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
    fn new(text: &str) -> Query {
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

/// A searchable set of drug names. Build once with [`Index::build`], then
/// call [`Index::search`] for every keystroke.
#[derive(Debug, Default)]
pub struct Index {
    texts: String,
    text_ends: Vec<u32>,
    targets: Vec<u32>,
    key_ends: Vec<u32>,
    pub(super) fwd: KeyArray,
    pub(super) rev: KeyArray,
}

impl Index {
    /// Builds an index over `entries`; a [`Hit::entry`] is a position in this
    /// sequence.
    ///
    /// Names whose key is empty (only punctuation, symbols or emoji) are kept
    /// but can never be found. Cost: O(c + w log w) for `c` characters and `w`
    /// word keys (at most [`MAX_WORD_KEYS`] per name); about 25 ms natively
    /// for 100 000 names.
    ///
    /// # Panics
    ///
    /// If the names together exceed 4 GiB of UTF-8 or 2³² entries.
    ///
    /// ```
    /// use treatment_guide::lookup::{Entry, Index};
    ///
    /// let index = Index::build(vec![Entry::new("Cytarabine", 7), Entry::new("Ara-C", 7)]);
    /// assert_eq!(index.len(), 2);
    /// assert_eq!(index.text(1), Some("Ara-C"));
    /// assert_eq!(index.target(1), Some(7));
    /// ```
    pub fn build(entries: impl IntoIterator<Item = Entry>) -> Index {
        let entries = entries.into_iter();
        let mut index = Index::default();
        let hint = entries.size_hint().0;
        index.text_ends.reserve(hint);
        index.targets.reserve(hint);
        index.key_ends.reserve(hint);
        let mut folded = Vec::new();
        let mut starts = Vec::new();
        for entry in entries {
            let e = u32::try_from(index.targets.len()).expect("at most 2^32 entries");
            index.texts.push_str(&entry.text);
            index.text_ends.push(offset(index.texts.len()));
            index.targets.push(entry.target);
            fold_into(&entry.text, &mut folded);
            index.add_keys(e, &folded, &mut starts);
        }
        index.fwd.sort();
        index.rev.sort();
        index
    }

    /// Appends entry `e`'s key, reversed key and word keys.
    fn add_keys(&mut self, e: u32, folded: &[Folded], starts: &mut Vec<u32>) {
        let key_start = self.fwd.bytes.len();
        starts.clear();
        let mut word = None;
        for f in folded {
            if word != Some(f.word) {
                word = Some(f.word);
                starts.push(offset(self.fwd.bytes.len() - key_start));
            }
            let mut buf = [0u8; 4];
            self.fwd
                .bytes
                .extend_from_slice(f.ch.encode_utf8(&mut buf).as_bytes());
        }
        let key_end = self.fwd.bytes.len();
        self.key_ends.push(offset(key_end));
        for f in folded.iter().rev() {
            let mut buf = [0u8; 4];
            self.rev
                .bytes
                .extend_from_slice(f.ch.encode_utf8(&mut buf).as_bytes());
        }
        let full = offset(key_end - key_start);
        let key_start = offset(key_start);
        let key = &self.fwd.bytes[key_start as usize..key_end];
        let mut made = 0;
        for (w, &off) in starts.iter().enumerate() {
            if made == MAX_WORD_KEYS {
                break;
            }
            let next = starts.get(w + 1).map_or(full, |&n| n);
            let all_digits = key[off as usize..next as usize]
                .iter()
                .all(u8::is_ascii_digit);
            if w > 0 && all_digits {
                continue;
            }
            made += 1;
            self.fwd.refs.push(KeyRef {
                entry: e,
                start: key_start + off,
                len: full - off,
            });
            self.rev.refs.push(KeyRef {
                entry: e,
                start: key_start,
                len: full - off,
            });
        }
    }

    /// Number of entries (names), including unsearchable ones.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// Whether the index has no entries.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// The original text of entry `entry`.
    pub fn text(&self, entry: u32) -> Option<&str> {
        let e = entry as usize;
        let end = *self.text_ends.get(e)? as usize;
        let start = if e == 0 {
            0
        } else {
            self.text_ends[e - 1] as usize
        };
        self.texts.get(start..end)
    }

    /// The target (drug) of entry `entry`.
    pub fn target(&self, entry: u32) -> Option<u32> {
        self.targets.get(entry as usize).copied()
    }

    /// Approximate heap memory of the index in bytes (sum of capacities).
    pub fn heap_bytes(&self) -> usize {
        self.texts.capacity()
            + 4 * (self.text_ends.capacity() + self.targets.capacity() + self.key_ends.capacity())
            + self.fwd.heap_bytes()
            + self.rev.heap_bytes()
    }

    /// Finds the drugs `query` most likely means: at most `limit` hits, at
    /// most one per target, best first (see the [module docs](super) for the
    /// tiers and their order).
    ///
    /// The query is cut to [`MAX_QUERY_CHARS`] characters. An empty query, or
    /// one with no letter or digit, gives no hit. Never panics.
    ///
    /// Edit budgets grow with the number of key characters `L` of the query
    /// (or of a run of its words in the `Words` tier): none up to 3, 1 up to
    /// 8, 2 from 9. Two edits must not change the length by more than one,
    /// an edit of the first letter counts as two, and digits are never edited,
    /// so codes and doses are matched exactly. The start of a longer name
    /// matches with typos from 6 letters on (1 edit, 2 from 10).
    ///
    /// Cost with `w` word keys: exact, prefix and `Words` are binary searches,
    /// O(log w) per query or per run of up to 4 query words, plus the prefix
    /// matches found (each costs O(log limit)). The typo tier walks the
    /// sorted keys as a trie twice, anchored at either end of the query, and
    /// visits only branches within budget: typically a few hundred to a few
    /// thousand trie nodes of O(budget) work each, independent of `w` for
    /// long queries and growing slowly with it for short ones.
    ///
    /// ```
    /// use treatment_guide::lookup::{Entry, Index, MatchKind};
    ///
    /// let index = Index::build(vec![
    ///     Entry::new("Vincristine", 0),
    ///     Entry::new("Oncovin", 0),
    ///     Entry::new("Cytarabine", 1),
    ///     Entry::new("Ara-C", 1),
    /// ]);
    ///
    /// let hits = index.search("ARA C", 5);
    /// assert_eq!((hits[0].target, hits[0].kind), (1, MatchKind::Exact));
    ///
    /// let hits = index.search("vincrisitne", 5);
    /// assert_eq!((hits[0].target, hits[0].kind), (0, MatchKind::Typo));
    ///
    /// let hits = index.search("Oncovin 1 mg/mL injection", 5);
    /// assert_eq!((hits[0].target, hits[0].kind), (0, MatchKind::Words));
    /// assert_eq!(hits[0].ranges, vec![0..7]);
    ///
    /// assert!(index.search("ibuprofen", 5).is_empty());
    /// ```
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        if limit == 0 || self.fwd.refs.is_empty() {
            return Vec::new();
        }
        let q = Query::new(query);
        if q.chars.is_empty() {
            return Vec::new();
        }
        let mut found = Collector::new(limit);
        self.exact_and_prefix(&q, &mut found);
        let tokens = words::tokens(&q);
        words::exact(self, &q, &tokens, &mut found);
        if found.distinct() < limit {
            typo::tier(self, &q, &mut found);
        }
        if found.distinct() < limit {
            words::typos(self, &q, &tokens, &mut found);
        }
        found
            .finish()
            .iter()
            .map(|c| self.hit(c))
            .collect()
    }

    /// Exact and prefix tiers: one prefix range of the forward word keys.
    fn exact_and_prefix(&self, q: &Query, found: &mut Collector) {
        let qlen = q.key.len();
        for i in self.fwd.prefix_range(q.key.as_bytes()) {
            let r = self.fwd.refs[i];
            let (key_start, full) = self.key_span(r.entry);
            let off = r.start - key_start;
            let rest = &self.fwd.key(i)[qlen..];
            let (tier, kind, score) = if rest.is_empty() && off == 0 {
                (TIER_EXACT, MatchKind::Exact, 0)
            } else {
                let left = rest.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32;
                let later = if off > 0 { LATER_WORD_PREFIX } else { 0 };
                (TIER_PREFIX, MatchKind::Prefix, left + later)
            };
            found.push(Cand {
                rank: Rank {
                    tier,
                    score,
                    name_len: full,
                    entry: r.entry,
                },
                target: self.targets[r.entry as usize],
                kind,
                span: (off, off + offset(qlen)),
            });
        }
    }

    /// Start of entry `e`'s key in `fwd.bytes` and the key's length.
    pub(super) fn key_span(&self, e: u32) -> (u32, u32) {
        let end = self.key_ends[e as usize];
        let start = if e == 0 {
            0
        } else {
            self.key_ends[e as usize - 1]
        };
        (start, end - start)
    }

    /// The target of entry `e`.
    pub(super) fn target_of(&self, e: u32) -> u32 {
        self.targets[e as usize]
    }

    /// Turns a candidate into a hit, mapping its key span back to the text.
    fn hit(&self, c: &Cand) -> Hit {
        let text = self.text(c.rank.entry).unwrap_or("");
        Hit {
            target: c.target,
            entry: c.rank.entry,
            kind: c.kind,
            ranges: highlight(text, c.span),
            score: c.rank.score,
        }
    }
}

/// Byte range of `text` whose folded key bytes cover `span`: from the start
/// of the first key character in `span` to the end of the last, separators
/// in between included. O(|text|).
fn highlight(text: &str, span: (u32, u32)) -> Vec<Range<usize>> {
    let mut folded = Vec::new();
    fold_into(text, &mut folded);
    let mut at = 0u32;
    let mut range: Option<Range<usize>> = None;
    for f in &folded {
        let here = at;
        at += f.ch.len_utf8() as u32;
        if here < span.0 || here >= span.1 {
            continue;
        }
        let (start, end) = (f.start as usize, f.end as usize);
        range = Some(match range {
            None => start..end,
            Some(r) => r.start.min(start)..r.end.max(end),
        });
    }
    range.into_iter().filter(|r| !r.is_empty()).collect()
}

/// Converts a byte offset to `u32`.
///
/// # Panics
///
/// If it exceeds `u32::MAX` (more than 4 GiB of names).
fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("names must total less than 4 GiB")
}
