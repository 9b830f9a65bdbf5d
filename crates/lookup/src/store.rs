//! Index storage: the entries and sorted arrays of word keys (of the names
//! and of their phonetic keys), how they are built, and accessors. The search over them is in the `search` module
//! and the tier modules.
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
//! * `sound`: `full`, `fwd` and `rev` again for the names' phonetic keys (see
//!   the `phonetic` module), one word per word of the name, for the
//!   sound-alike tier. They are made from the folded keys as the names are
//!   added, without folding again.
//!
//! Memory per name with `t` bytes of text, `w` word keys and `b` key bytes
//! per word key: about `t + 16 + 4 · w · (b + 17)` bytes
//! ([`Index::heap_bytes`] adds up the capacities; phonetic keys are about as
//! long as keys): about 135 bytes for typical drug names, 77 of them without
//! the phonetic keys.

use std::cmp::Ordering;
use std::ops::Range;

use tg_content::key::{fold_into, is_key_ascii, Folded};

use crate::phonetic;

/// At most this many word keys are made per name: its whole key and the
/// suffixes starting at its next words. Words further on in very long names
/// cannot be found by prefix; this bounds memory for entries that are really
/// descriptions.
pub(crate) const MAX_WORD_KEYS: usize = 8;

/// Word keys sorted by their bytes, stored contiguously in that order so
/// that walking them in order reads memory sequentially.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeyArray {
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
    /// Reused buffers for phonetic keys: a word's key characters and its
    /// phonetic key.
    word: Vec<char>,
    sound: Vec<char>,
}

impl Scratch {
    /// Adds entry `e`'s phonetic key, made from its `key` whose words start
    /// at `starts` (see the `phonetic` module): the key, reversed key and
    /// word keys, as [`Scratch::add`] does for the name. No allocation once
    /// the buffers have grown.
    fn add_phonetic(&mut self, e: u32, key: &[u8], starts: &[u32]) {
        let key_start = self.keys.len();
        self.starts.clear();
        let ascii = key.is_ascii();
        let mut buf = [0u8; 4];
        for (w, &start) in starts.iter().enumerate() {
            let end = starts.get(w + 1).map_or(key.len(), |&n| n as usize);
            let word = &key[start as usize..end];
            let at = self.keys.len();
            self.starts.push(offset(at - key_start));
            if ascii {
                // Bytes in, bytes out: ASCII keys have ASCII phonetic keys.
                phonetic::key_word(word, &mut self.keys);
                if self.keys.len() == at {
                    self.keys.extend_from_slice(word);
                }
                continue;
            }
            self.word.clear();
            self.word
                .extend(std::str::from_utf8(word).unwrap_or_default().chars());
            self.sound.clear();
            phonetic::key_word(&self.word, &mut self.sound);
            let sound = if self.sound.is_empty() {
                &self.word
            } else {
                &self.sound
            };
            for c in sound {
                self.keys
                    .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
        let sound = &self.keys[key_start..];
        if ascii {
            self.rev_keys.extend(sound.iter().rev());
        } else {
            let reversed = std::str::from_utf8(sound).unwrap_or_default();
            for c in reversed.chars().rev() {
                self.rev_keys
                    .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
        self.push_word_keys(e, key_start);
    }

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

/// One name of a drug: its generic name or a synonym (brand, code,
/// abbreviation), pointing at the drug it names.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    /// The name as it should be displayed, e.g. `Ara-C`.
    pub text: String,
    /// Identifier of the drug (the generic) this name belongs to.
    pub target: u32,
}

impl Entry {
    /// Creates an entry naming drug `target`.
    ///
    /// ```
    /// use tg_lookup::Entry;
    ///
    /// let entry = Entry::new("Oncovin", 0);
    /// assert_eq!((entry.text.as_str(), entry.target), ("Oncovin", 0));
    /// ```
    pub fn new(text: impl Into<String>, target: u32) -> Entry {
        Entry {
            text: text.into(),
            target,
        }
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
    pub(crate) fwd: KeyArray,
    pub(crate) rev: KeyArray,
    /// The phonetic keys (see the `phonetic` module), as an index whose
    /// entry `e` is the phonetic key of entry `e` of this one: only its word
    /// keys (`full`, `fwd`, `rev`) are filled in. `None` inside it.
    pub(crate) sound: Option<Box<Index>>,
}

/// Marks an entry whose key is empty.
const NO_KEY: u32 = u32::MAX;

impl Index {
    /// Builds an index over `entries`; a [`Hit::entry`](crate::Hit::entry) is a position in this
    /// sequence.
    ///
    /// Names whose key is empty (only punctuation, symbols or emoji) are kept
    /// but can never be found. Cost: O(c + w log w) for `c` characters and `w`
    /// word keys (at most 8 per name), twice (names and phonetic keys):
    /// about 120 ms natively for 100 000 names (60 without the phonetic
    /// keys).
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
        let mut sound = Scratch::default();
        for entry in entries {
            let e = u32::try_from(index.targets.len())
                .ok()
                .filter(|&e| e != NO_KEY)
                .expect("fewer than 2^32 - 1 entries");
            index.texts.push_str(&entry.text);
            index.text_ends.push(offset(index.texts.len()));
            index.targets.push(entry.target);
            let key_start = scratch.keys.len();
            scratch.add(e, &entry.text);
            sound.add_phonetic(e, &scratch.keys[key_start..], &scratch.starts);
        }
        index.texts.shrink_to_fit();
        index.text_ends.shrink_to_fit();
        index.targets.shrink_to_fit();
        let n = index.targets.len();
        index.fwd = KeyArray::new(&scratch.keys, scratch.fwd);
        index.rev = KeyArray::new(&scratch.rev_keys, scratch.rev);
        index.full = full_keys(&index.fwd, n);
        drop((scratch.keys, scratch.rev_keys));
        let fwd = KeyArray::new(&sound.keys, sound.fwd);
        let rev = KeyArray::new(&sound.rev_keys, sound.rev);
        index.sound = Some(Box::new(Index {
            full: full_keys(&fwd, n),
            fwd,
            rev,
            ..Index::default()
        }));
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
            + self.sound.as_ref().map_or(0, |s| s.heap_bytes())
    }

    /// The phonetic-key index, if built.
    pub(crate) fn sound(&self) -> Option<&Index> {
        self.sound.as_deref()
    }

    /// The key of entry `e` (empty if it has none).
    pub(crate) fn key_of(&self, e: u32) -> &[u8] {
        match self.full.get(e as usize) {
            Some(&i) if i != NO_KEY => self.fwd.key(i as usize),
            _ => &[],
        }
    }

    /// The target of entry `e`.
    pub(crate) fn target_of(&self, e: u32) -> u32 {
        self.targets[e as usize]
    }
}

/// `full[e]`: the index in `fwd` of entry `e`'s whole key (its word key at
/// offset 0), or [`NO_KEY`], for `n` entries.
fn full_keys(fwd: &KeyArray, n: usize) -> Vec<u32> {
    let mut full = vec![NO_KEY; n];
    for (i, (&e, &off)) in fwd.entry.iter().zip(&fwd.off).enumerate() {
        if off == 0 {
            full[e as usize] = offset(i);
        }
    }
    full
}

/// Converts a byte offset to `u32`.
///
/// # Panics
///
/// If it exceeds `u32::MAX` (more than 4 GiB of names).
pub(crate) fn offset(n: usize) -> u32 {
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
