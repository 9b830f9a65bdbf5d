//! Phonetic keys: names folded to how they sound, for the sound-alike tier.
//!
//! Readers write names they heard at the clinic, in English or in French:
//! `sitoxan` for Cytoxan, `vinkristine`, `dexamethazone`, `metotrexat`,
//! `siklofosfamid`. A *phonetic key* folds spellings of the same sounds
//! together, so these share a key with the name (or lie within an edit or
//! two of it). It is a small rule set of our own, for Latin-script drug
//! names heard in English or French, not a general phonetic algorithm.
//!
//! The input is the folded key (see [`tg_content::key`]: lower case, no
//! accents, so `é` is already `e`), word by word. In each word:
//!
//! 1. A final `e` after a consonant is dropped when the word has more than
//!    three letters (`imatinibe`, `daunorubicine`, `methotrexate`).
//! 2. Consonants, left to right:
//!    * `ph` → `f`; `ch` → `k` (Greek-derived medical words);
//!    * `c` before `e`, `i` or `y` → `s`, any other `c` → `k` (`ck` → `k`);
//!    * `qu` and `q` → `k`;
//!    * `x` → `ks`, or `s` at the start of a word;
//!    * `z` → `s`;
//!    * `g` before `e`, `i` or `y` → `j`;
//!    * `gh` after a vowel is silent (`saigh`), otherwise `g`;
//!    * every other `h` is silent (`th` → `t`, `rh` → `r`, a missing or extra
//!      initial `h`);
//!    * `y` → `i`.
//! 3. Each run of vowels (a silent `h` between two vowels does not end it)
//!    is reduced to the vowel it is usually heard as:
//!    `ee`, `ea`, `ie`, `i` → `i`; `ou`, `oo`, `eu`, `u` → `u`;
//!    `au`, `eau`, `o` → `o`; `ai`, `ei`, `ae`, `e` → `e`; `a` → `a`. Other
//!    runs (`ia` in Kymriah) are kept.
//! 4. Doubled letters are written once (`mettotrexate`, `vumonn`).
//!
//! Digits, `+` and letters of other scripts pass through unchanged. A word
//! whose key would be empty (`h`) keeps its folded form, so a name's
//! phonetic key has exactly its number of words.
//!
//! Unstressed vowels (`blinatumumab`) and other single slips are left to a
//! small edit distance on the phonetic keys (the `sound` module).
//!
//! ```text
//! Cytoxan, sitoxan          → sitoksan
//! cyclophosphamide          → siklofosfamid
//! siklofosfamid             → siklofosfamid
//! dexamethasone             → deksametason
//! daunorubicine             → donorubisin
//! Gleevec, glivek           → glivek
//! tisagenlecleucel          → tisajenleklusel
//! ```
//!
//! The rules run in one pass over the word, on bytes when the key is ASCII
//! (the build's fast path) and on `char`s otherwise; a test checks that both
//! agree. Cost: O(n) in the key's length.

use tg_content::key::{fold_into, Folded};

/// The phonetic key of `text`: one phonetic word per word of its folded key,
/// separated by single spaces (so an index built over it has the same word
/// keys). Empty when `text` has no key character. `folded` is scratch
/// memory.
pub(crate) fn text_key(text: &str, folded: &mut Vec<Folded>) -> String {
    fold_into(text, folded);
    let mut out = String::with_capacity(text.len() + 4);
    words(folded, |word| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word);
    });
    out
}

/// The phonetic key of a folded query, without word separators: the
/// characters to look up.
pub(crate) fn query_key(folded: &[Folded]) -> Vec<char> {
    let mut out = Vec::with_capacity(folded.len() + 4);
    words(folded, |word| out.extend_from_slice(word));
    out
}

/// Calls `emit` with the phonetic key of each word of `folded`, in order.
fn words(folded: &[Folded], mut emit: impl FnMut(&[char])) {
    let mut word: Vec<char> = Vec::new();
    let mut out: Vec<char> = Vec::new();
    let mut at = 0;
    while at < folded.len() {
        let id = folded[at].word;
        word.clear();
        while at < folded.len() && folded[at].word == id {
            word.push(folded[at].ch);
            at += 1;
        }
        out.clear();
        key_word(&word, &mut out);
        emit(if out.is_empty() { &word } else { &out });
    }
}

/// A character of a key: ASCII bytes for the build's fast path, `char`
/// otherwise. The rules only look at ASCII letters; anything else is passed
/// on.
pub(crate) trait Letter: Copy + Eq {
    /// The character if it is ASCII, else 0.
    fn ascii(self) -> u8;
    /// The ASCII character `b`.
    fn from_ascii(b: u8) -> Self;
}

impl Letter for u8 {
    #[inline]
    fn ascii(self) -> u8 {
        if self.is_ascii() {
            self
        } else {
            0
        }
    }

    #[inline]
    fn from_ascii(b: u8) -> u8 {
        b
    }
}

impl Letter for char {
    #[inline]
    fn ascii(self) -> u8 {
        if self.is_ascii() {
            self as u8
        } else {
            0
        }
    }

    #[inline]
    fn from_ascii(b: u8) -> char {
        char::from(b)
    }
}

#[inline]
fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Writes `c` at `*write` of `out` unless it repeats the character before
/// it in the word starting at `start` (rule 4, doubled letters).
#[inline]
fn emit<L: Letter>(out: &mut [L], start: usize, write: &mut usize, c: L) {
    if *write == start || out[*write - 1] != c {
        out[*write] = c;
        *write += 1;
    }
}

/// Appends the phonetic key of one folded word (see the module docs) to
/// `out`; appends nothing when it would be empty. One pass, O(|word|).
pub(crate) fn key_word<L: Letter>(word: &[L], out: &mut Vec<L>) {
    let start = out.len();
    // 1. Silent final e.
    let mut n = word.len();
    if n > 3 && word[n - 1].ascii() == b'e' && !is_vowel(word[n - 2].ascii()) {
        n -= 1;
    }
    let at = |i: usize| if i < n { word[i].ascii() } else { 0 };
    // Room for the longest key (`x` → `ks` doubles); written by index.
    out.resize(start + 2 * n, L::from_ascii(b'.'));
    let mut write = start;
    let mut i = 0;
    while i < n {
        let c = at(i);
        let next = at(i + 1);
        let front = matches!(next, b'e' | b'i' | b'y');
        let (one, two, skip) = match c {
            // 3. A run of vowels (a silent h inside it does not split it).
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' => {
                let mut run = [0u8; 3];
                let mut len = 0;
                let mut end = i;
                while end < n {
                    let v = at(end);
                    if is_vowel(v) {
                        if len < 3 {
                            run[len] = if v == b'y' { b'i' } else { v };
                        }
                        len += 1;
                    } else if !(v == b'h' && is_vowel(at(end + 1)) && len > 0) {
                        break;
                    }
                    end += 1;
                }
                let reduced = match run.get(..len).unwrap_or_default() {
                    b"ee" | b"ea" | b"ie" | b"i" => b'i',
                    b"ou" | b"oo" | b"eu" | b"u" => b'u',
                    b"au" | b"eau" | b"o" => b'o',
                    b"ai" | b"ei" | b"ae" | b"e" => b'e',
                    b"a" => b'a',
                    _ => 0,
                };
                if reduced != 0 {
                    emit(out, start, &mut write, L::from_ascii(reduced));
                } else {
                    // Kept as spelt, `y` as `i`, `h` silent.
                    for &l in &word[i..end] {
                        match l.ascii() {
                            b'h' => {}
                            b'y' => emit(out, start, &mut write, L::from_ascii(b'i')),
                            _ => emit(out, start, &mut write, l),
                        }
                    }
                }
                i = end;
                continue;
            }
            // 2. Consonants.
            b'p' if next == b'h' => (b'f', 0, 1),
            b'c' if next == b'h' => (b'k', 0, 1),
            b'c' if front => (b's', 0, 0),
            b'c' | b'k' => (b'k', 0, 0),
            b'q' => (b'k', 0, usize::from(next == b'u')),
            b'x' if i == 0 => (b's', 0, 0),
            b'x' => (b'k', b's', 0),
            b'z' => (b's', 0, 0),
            b'g' if next == b'h' => {
                let after_vowel = write > start && is_vowel(out[write - 1].ascii());
                (if after_vowel { 0 } else { b'g' }, 0, 1)
            }
            b'g' if front => (b'j', 0, 0),
            b'h' => (0, 0, 0),
            _ => {
                emit(out, start, &mut write, word[i]);
                i += 1;
                continue;
            }
        };
        for b in [one, two] {
            if b != 0 {
                emit(out, start, &mut write, L::from_ascii(b));
            }
        }
        i += 1 + skip;
    }
    out.truncate(write);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn key(text: &str) -> String {
        text_key(text, &mut Vec::new())
    }

    #[test]
    fn heard_spellings_share_the_name_key() {
        for (heard, name) in [
            ("sitoxan", "Cytoxan"),
            ("vinkristine", "vincristine"),
            ("dexamethazone", "dexamethasone"),
            ("decksamethasone", "dexamethasone"),
            ("Purinetol", "Purinethol"),
            ("asparaginaze", "asparaginase"),
            ("imatinibe", "imatinib"),
            ("metotrexat", "methotrexate"),
            ("siklofosfamid", "cyclophosphamide"),
            ("daunorubicine", "daunorubicin"),
            ("donorubisin", "daunorubicin"),
            ("glivek", "Gleevec"),
            ("kimria", "Kymriah"),
            ("quidrolaze", "Kidrolase"),
            ("voumon", "Vumon"),
            ("tisagenlecloosel", "tisagenlecleucel"),
            ("inotouzoumab ozogamicine", "inotuzumab ozogamicin"),
            ("serubidine", "Cerubidine"),
        ] {
            assert_eq!(key(heard), key(name), "{heard} / {name}");
        }
    }

    #[test]
    fn documented_keys() {
        for (text, expected) in [
            ("Cytoxan", "sitoksan"),
            ("cyclophosphamide", "siklofosfamid"),
            ("dexamethasone", "deksametason"),
            ("daunorubicine", "donorubisin"),
            ("Gleevec", "glivek"),
            ("tisagenlecleucel", "tisajenleklusel"),
            ("Inotuzumab ozogamicin", "inotusumab osogamisin"),
            ("Xeloda", "seloda"),
            ("VP-16", "vp 16"),
            ("h", "h"),
            ("saighton", "seton"),
            ("", ""),
        ] {
            assert_eq!(key(text), expected, "{text}");
        }
    }

    proptest! {
        #[test]
        fn bytes_and_chars_give_the_same_key(word in "[a-z0-9+]{0,24}") {
            let mut bytes = Vec::new();
            key_word(word.as_bytes(), &mut bytes);
            let chars: Vec<char> = word.chars().collect();
            let mut out = Vec::new();
            key_word(&chars, &mut out);
            prop_assert_eq!(String::from_utf8(bytes).unwrap(), out.into_iter().collect::<String>());
        }

        #[test]
        fn keys_are_folded_keys_with_the_same_words(text in "\\PC{0,40}") {
            let key = key(&text);
            let mut folded = Vec::new();
            fold_into(&text, &mut folded);
            let mut words: Vec<u32> = folded.iter().map(|f| f.word).collect();
            words.dedup();
            prop_assert_eq!(key.split(' ').filter(|w| !w.is_empty()).count(), words.len());
            // Already a key: folding it again changes nothing but spaces.
            prop_assert_eq!(crate::normalize(&key), key.replace(' ', ""));
            prop_assert_eq!(query_key(&folded).into_iter().collect::<String>(), key.replace(' ', ""));
        }
    }
}
