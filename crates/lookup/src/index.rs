//! The index: entries and two sorted arrays of word keys.
//!
//! Layout (offsets `u32`):
//!
//! * `texts`/`text_ends`: the original names, concatenated, for display and
//!   highlighting.
//! * `fwd`: one item per *word key* (a name's key and the key suffixes that
//!   start at its next words, at most [`MAX_WORD_KEYS`]), sorted by key bytes
//!   and stored contiguously in that order, with each key's entry, word
//!   offset and the length of its common prefix with the previous key (LCP).
//!   Exact and prefix lookups are binary searches: O(log w · |q|) for `w`
//!   word keys. `full` maps each entry to its whole key there.
//! * `rev`: the same word keys reversed by characters, sorted the same way,
//!   so the typo search can also anchor on the end of the query.
//!
//! Memory per name with `t` bytes of text, `w` word keys and `b` key bytes
//! per word key: about `t + 12 + 2 · w · (b + 17)` bytes ([`Index::heap_bytes`]
//! adds up the capacities): about 80 bytes for typical drug names.

use std::cmp::Ordering;
use std::ops::Range;

use super::rank::{Cand, Collector, Rank, TIER_EXACT, TIER_PREFIX, TIER_WORDS};
use super::{typo, words, Entry, Hit, MatchKind, MAX_QUERY_CHARS};
use tg_content::key::{fold_into, is_key_ascii, Folded};

/// At most this many word keys are made per name: its whole key and the
/// suffixes starting at its next words. Words further on in very long names
/// cannot be found by prefix; this bounds memory for entries that are really
/// descriptions.
pub(super) const MAX_WORD_KEYS: usize = 8;

/// Extra score of a prefix match that starts at a later word of the name.
const LATER_WORD_PREFIX: u32 = 3;

/// Word keys sorted by their bytes, stored contiguously in that order so
/// that walking them in order reads memory sequentially.
#[derive(Clone, Debug, Default)]
pub(super) struct KeyArray {
    /// The keys, concatenated in sorted order.
    bytes: Vec<u8>,
    /// `ends[i]`: end of key `i` in `bytes`; it starts where key `i - 1` ends.
    ends: Vec<u32>,
    /// `entry[i]`: the entry key `i` belongs to.
    pub entry: Vec<u32>,
    /// `off[i]`: byte offset in the entry's key where word key `i` starts
    /// (0 for the whole name).
    pub off: Vec<u32>,
    /// `lcp[i]`: common prefix of keys `i - 1` and `i` in bytes, capped at
    /// 255 (so a stored value is a lower bound); `lcp[0] = 0`.
    pub lcp: Vec<u8>,
    /// `next[i]`: the first index after `i` whose LCP is smaller than
    /// `lcp[i]` (or the number of keys): jumping along it skips a subtree of
    /// the implicit trie in a few steps.
    next: Vec<u32>,
}

/// A word key before sorting: `len` bytes at `start` of a scratch buffer.
#[derive(Clone, Copy, Debug)]
struct Pending {
    entry: u32,
    start: u32,
    len: u32,
    off: u32,
}

impl KeyArray {
    /// Sorts the word keys `refs` (slices of `scratch`) and lays them out.
    /// O(w log w) comparisons, most of them on an 8-byte big-endian prefix
    /// held inline, plus O(total key bytes).
    fn new(scratch: &[u8], refs: Vec<Pending>) -> KeyArray {
        let slice = |r: &Pending| &scratch[r.start as usize..(r.start + r.len) as usize];
        let mut order: Vec<(u64, Pending)> =
            refs.into_iter().map(|r| (head(slice(&r)), r)).collect();
        order.sort_unstable_by(|a, b| match a.0.cmp(&b.0) {
            Ordering::Equal => slice(&a.1).cmp(slice(&b.1)).then(a.1.entry.cmp(&b.1.entry)),
            other => other,
        });
        let total: usize = order.iter().map(|(_, r)| r.len as usize).sum();
        let mut keys = KeyArray {
            bytes: Vec::with_capacity(total),
            ends: Vec::with_capacity(order.len()),
            entry: Vec::with_capacity(order.len()),
            off: Vec::with_capacity(order.len()),
            lcp: Vec::with_capacity(order.len()),
            next: Vec::new(),
        };
        let mut previous: &[u8] = &[];
        for (_, r) in &order {
            let key = slice(r);
            let common = previous
                .iter()
                .zip(key)
                .take(255)
                .take_while(|(x, y)| x == y)
                .count();
            keys.lcp.push(common as u8);
            keys.bytes.extend_from_slice(key);
            keys.ends.push(offset(keys.bytes.len()));
            keys.entry.push(r.entry);
            keys.off.push(r.off);
            previous = key;
        }
        // Next smaller value, with a stack of indices whose LCPs increase.
        let n = keys.lcp.len();
        keys.next = vec![offset(n); n];
        let mut stack: Vec<usize> = Vec::new();
        for (i, &l) in keys.lcp.iter().enumerate() {
            while let Some(&top) = stack.last() {
                if l >= keys.lcp[top] {
                    break;
                }
                keys.next[top] = offset(i);
                stack.pop();
            }
            stack.push(i);
        }
        keys
    }

    /// Number of word keys.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The bytes of word key `i`.
    pub fn key(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.bytes[start..self.ends[i] as usize]
    }

    /// Indices of the word keys that start with `prefix` (all of them for an
    /// empty prefix). Two binary searches: O(log w · |prefix|).
    pub fn prefix_range(&self, prefix: &[u8]) -> Range<usize> {
        let lo = partition_point(0, self.len(), |i| self.key(i) < prefix);
        let hi = partition_point(lo, self.len(), |i| self.key(i).starts_with(prefix));
        lo..hi
    }

    /// Indices of the word keys equal to `key`: the first ones of its prefix
    /// range, since shorter keys sort first.
    pub fn exact_range(&self, key: &[u8]) -> Range<usize> {
        let range = self.prefix_range(key);
        let hi = partition_point(range.start, range.end, |i| self.key(i).len() == key.len());
        range.start..hi
    }

    /// Index of the first key after `i` (and at most `hi`) that does not
    /// share key `i`'s first `p` bytes, for a key `i` that is the first of
    /// those sharing them. Each jump along `next` lands on a smaller LCP, so
    /// this takes at most `lcp[i + 1] - p + 1` steps, usually one or two,
    /// however many keys are skipped. Stops early when `p` exceeds 255
    /// (stored LCPs are capped), which only costs time.
    pub fn block_end(&self, i: usize, p: usize, hi: usize) -> usize {
        let mut j = i + 1;
        while j < hi && usize::from(self.lcp[j]) >= p {
            j = self.next[j] as usize;
        }
        j.min(hi)
    }

    fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
            + 4 * (self.ends.capacity() + self.entry.capacity() + self.off.capacity())
            + 4 * self.next.capacity()
            + self.lcp.capacity()
    }
}

/// First index in `lo..hi` where `pred` turns false (`pred` must be true then
/// false over the range). O(log(hi - lo)) calls.
fn partition_point(mut lo: usize, mut hi: usize, pred: impl Fn(usize) -> bool) -> usize {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// First eight bytes of `key` as a big-endian number, zero-padded: orders
/// like the bytes themselves because keys never contain a zero byte.
fn head(key: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    let n = key.len().min(8);
    buf[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(buf)
}

/// Word keys of the entries added so far, before sorting.
#[derive(Default)]
struct Scratch {
    folded: Vec<Folded>,
    /// Byte offsets of the current entry's words in its key.
    starts: Vec<u32>,
    /// Entry keys, concatenated in entry order.
    keys: Vec<u8>,
    fwd: Vec<Pending>,
    /// Entry keys reversed by characters, at the same offsets as in `keys`.
    rev_keys: Vec<u8>,
    rev: Vec<Pending>,
}

impl Scratch {
    /// Adds entry `e`'s key, reversed key and word keys.
    fn add(&mut self, e: u32, text: &str) {
        let key_start = self.keys.len();
        self.starts.clear();
        if text.is_ascii() {
            self.push_ascii(text);
        } else {
            self.push_folded(text);
        }
        self.push_word_keys(e, key_start);
    }

    /// Appends the key and reversed key of an ASCII text and its word
    /// starts: the same as [`Scratch::push_folded`], faster.
    fn push_ascii(&mut self, text: &str) {
        let key_start = self.keys.len();
        let mut boundary = true;
        for &b in text.as_bytes() {
            if is_key_ascii(b) {
                if boundary {
                    self.starts.push(offset(self.keys.len() - key_start));
                    boundary = false;
                }
                self.keys.push(b.to_ascii_lowercase());
            } else if b != b'\'' {
                boundary = true;
            }
        }
        let key = &self.keys[key_start..];
        self.rev_keys.extend(key.iter().rev());
    }

    /// Appends the key and reversed key of any text and its word starts.
    fn push_folded(&mut self, text: &str) {
        let key_start = self.keys.len();
        fold_into(text, &mut self.folded);
        let mut word = None;
        let mut buf = [0u8; 4];
        for f in &self.folded {
            if word != Some(f.word) {
                word = Some(f.word);
                self.starts.push(offset(self.keys.len() - key_start));
            }
            self.keys
                .extend_from_slice(f.ch.encode_utf8(&mut buf).as_bytes());
        }
        for f in self.folded.iter().rev() {
            self.rev_keys
                .extend_from_slice(f.ch.encode_utf8(&mut buf).as_bytes());
        }
    }

    /// Adds the word keys of entry `e`, whose key starts at `key_start`.
    fn push_word_keys(&mut self, e: u32, key_start: usize) {
        let key = &self.keys[key_start..];
        let full = offset(key.len());
        let start = offset(key_start);
        let mut made = 0;
        for (w, &off) in self.starts.iter().enumerate() {
            if made == MAX_WORD_KEYS {
                break;
            }
            let next = self.starts.get(w + 1).copied().unwrap_or(full);
            // A later word of digits only ("16" in "VP-16") makes no word key.
            if w > 0
                && key[off as usize..next as usize]
                    .iter()
                    .all(u8::is_ascii_digit)
            {
                continue;
            }
            made += 1;
            let len = full - off;
            self.fwd.push(Pending {
                entry: e,
                start: start + off,
                len,
                off,
            });
            self.rev.push(Pending {
                entry: e,
                start,
                len,
                off,
            });
        }
    }
}

/// A query after folding, shared by all tiers.
pub(super) struct Query {
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
#[derive(Clone, Debug, Default)]
pub struct Index {
    texts: String,
    text_ends: Vec<u32>,
    targets: Vec<u32>,
    /// `full[e]`: index in `fwd` of entry `e`'s whole key, or [`NO_KEY`].
    full: Vec<u32>,
    pub(super) fwd: KeyArray,
    pub(super) rev: KeyArray,
}

/// Marks an entry whose key is empty.
const NO_KEY: u32 = u32::MAX;

impl Index {
    /// Builds an index over `entries`; a [`Hit::entry`] is a position in this
    /// sequence.
    ///
    /// Names whose key is empty (only punctuation, symbols or emoji) are kept
    /// but can never be found. Cost: O(c + w log w) for `c` characters and `w`
    /// word keys (at most 8 per name): about 30 ms natively for 100 000
    /// names.
    ///
    /// # Panics
    ///
    /// If the names together exceed 4 GiB of UTF-8 or 2³² − 1 entries.
    ///
    /// ```
    /// use tg_lookup::{Entry, Index};
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
        let mut scratch = Scratch::default();
        for entry in entries {
            let e = u32::try_from(index.targets.len())
                .ok()
                .filter(|&e| e != NO_KEY)
                .expect("fewer than 2^32 - 1 entries");
            index.texts.push_str(&entry.text);
            index.text_ends.push(offset(index.texts.len()));
            index.targets.push(entry.target);
            scratch.add(e, &entry.text);
        }
        index.texts.shrink_to_fit();
        index.text_ends.shrink_to_fit();
        index.targets.shrink_to_fit();
        index.fwd = KeyArray::new(&scratch.keys, scratch.fwd);
        index.rev = KeyArray::new(&scratch.rev_keys, scratch.rev);
        index.full = vec![NO_KEY; index.targets.len()];
        for (i, (&e, &off)) in index.fwd.entry.iter().zip(&index.fwd.off).enumerate() {
            if off == 0 {
                index.full[e as usize] = offset(i);
            }
        }
        index
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
            + 4 * (self.text_ends.capacity() + self.targets.capacity() + self.full.capacity())
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
    /// 9, 2 from 10. Two edits must not change the length by more than one,
    /// an edit of the first letter counts as two, `f` for `ph` (or the
    /// reverse) as one, and digits are never edited, so codes and doses are
    /// matched exactly. The start of a longer name matches with typos from 6
    /// letters on (1 edit, 2 from 10).
    ///
    /// Cost with `w` word keys: exact, prefix and `Words` are binary searches,
    /// O(log w) per query or per run of up to 4 query words, plus the prefix
    /// matches found (each costs O(log limit) amortised). The typo tier walks
    /// the sorted keys as a trie from a few anchors at either end of the
    /// query and visits only branches within budget: with 100 000 names
    /// typically a hundred to a few hundred O(budget) rows and under two
    /// thousand O(1) child steps, growing slowly with `w`.
    ///
    /// ```
    /// use tg_lookup::{Entry, Index, MatchKind};
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
        if limit == 0 || self.fwd.len() == 0 {
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
        // A name typed exactly, alone or among other words, is not second-
        // guessed: typo tolerance only runs without one, and only while
        // free places are left (lower tiers cannot displace what is found).
        let guess = |found: &mut Collector| !found.has_tier(TIER_WORDS) && found.distinct() < limit;
        if guess(&mut found) {
            typo::tier(self, &q, &mut found);
        }
        if guess(&mut found) {
            words::typos(self, &q, &tokens, &mut found);
        }
        found.finish().iter().map(|c| self.hit(c)).collect()
    }

    /// Exact and prefix tiers: one prefix range of the forward word keys.
    fn exact_and_prefix(&self, q: &Query, found: &mut Collector) {
        let qlen = q.key.len();
        for i in self.fwd.prefix_range(q.key.as_bytes()) {
            let off = self.fwd.off[i];
            let key = self.fwd.key(i);
            let rest = &key[qlen..];
            let (tier, kind, score) = if rest.is_empty() && off == 0 {
                (TIER_EXACT, MatchKind::Exact, 0)
            } else {
                let left = rest.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32;
                let later = if off > 0 { LATER_WORD_PREFIX } else { 0 };
                (TIER_PREFIX, MatchKind::Prefix, left + later)
            };
            // Short queries can match thousands of keys: rank them from
            // what is at hand before touching the entry's data.
            if found.rejects(tier, score) {
                continue;
            }
            let entry = self.fwd.entry[i];
            found.push(Cand {
                rank: Rank {
                    tier,
                    score,
                    name_len: off + key.len() as u32,
                    entry,
                },
                target: self.targets[entry as usize],
                kind,
                span: (off, off + offset(qlen)),
            });
        }
    }

    /// The key of entry `e` (empty if it has none).
    pub(super) fn key_of(&self, e: u32) -> &[u8] {
        match self.full.get(e as usize) {
            Some(&i) if i != NO_KEY => self.fwd.key(i as usize),
            _ => &[],
        }
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn ascii_fast_path_matches_folding_on_any_ascii(text in "[ -~\t\n\0]{0,40}") {
            prop_assert_eq!(scratch(&text, true), scratch(&text, false));
        }
    }

    fn scratch(text: &str, ascii: bool) -> (Vec<u8>, Vec<u8>, Vec<u32>) {
        let mut s = Scratch::default();
        if ascii {
            s.push_ascii(text);
        } else {
            s.push_folded(text);
        }
        (s.keys, s.rev_keys, s.starts)
    }

    #[test]
    fn ascii_fast_path_matches_folding() {
        for text in [
            "",
            "Ara-C",
            "  VP 16 ",
            "Ringer's lactate",
            "<b>6-MP</b>",
            "a--b__c",
            "\t\0x",
        ] {
            assert_eq!(scratch(text, true), scratch(text, false), "{text:?}");
        }
    }

    #[test]
    fn word_keys_skip_later_number_words() {
        let index = Index::build(vec![
            Entry::new("VP-16", 0),
            Entry::new("interferon alfa-2b", 1),
        ]);
        let keys: Vec<&[u8]> = (0..index.fwd.len()).map(|i| index.fwd.key(i)).collect();
        let expected: [&[u8]; 4] = [b"2b", b"alfa2b", b"interferonalfa2b", b"vp16"];
        assert_eq!(keys, expected);
        assert_eq!(index.rev.len(), 4);
    }

    #[test]
    fn block_end_skips_subtrees() {
        let words = ["ab", "abc", "abd", "abda", "ac", "b", "ba"];
        let index = Index::build(words.iter().map(|w| Entry::new(*w, 0)));
        let keys = &index.fwd;
        // Keys sharing "ab" with key 0: indices 0..4.
        assert_eq!(keys.block_end(0, 2, keys.len()), 4);
        assert_eq!(keys.block_end(2, 3, keys.len()), 4);
        assert_eq!(keys.block_end(4, 1, keys.len()), 5);
        assert_eq!(keys.block_end(5, 1, keys.len()), 7);
        assert_eq!(keys.prefix_range(b"ab"), 0..4);
        assert_eq!(keys.exact_range(b"abd"), 2..3);
        assert_eq!(keys.prefix_range(b"zz"), 7..7);
    }
}
