//! Folding of free text into search keys.
//!
//! Every name and every query goes through [`fold_into`], which turns text
//! into a sequence of *key characters*, each remembering the byte range of the
//! original text it came from and the word it belongs to:
//!
//! 1. ASCII takes a fast path: letters and digits are lower-cased, `'` is
//!    ignored, everything else separates words.
//! 2. Other characters that are invisible formatting (soft hyphen, zero-width
//!    space and joiners, bidi marks and isolates, BOM, tag characters) or
//!    apostrophe-like (`’`, `ʼ`, `‘`, `` ` ``) are ignored: they neither produce a
//!    key character nor split a word.
//! 3. Anything else is decomposed with Unicode compatibility decomposition
//!    (NFKD, from the `unicode-normalization` crate), so accents, ligatures
//!    (`ﬁ`), full-width forms (`Ａ`), superscripts (`²`) and squared units (`㎎`)
//!    become plain letters and digits. Combining marks (all of General
//!    Category M) are dropped; their bytes are added to the preceding key
//!    character's range so highlights cover whole accented letters.
//! 4. The result is lower-cased with [`char::to_lowercase`] and then folded
//!    with a small table for what full case folding and NFKD leave apart
//!    (`ß`→`ss`, final `ς`→`σ`, long `ſ`→`s`, iota subscript `ᾳ`→`αι`) and for Latin letters whose
//!    diacritic is not a combining mark (`ø`, `đ`, `ð`, `ł`, `ħ`, `ŧ`, `ı`, `æ`,
//!    `œ`, `þ`).
//! 5. Alphanumeric results ([`char::is_alphanumeric`], so every script's letters
//!    and digits) are key characters; anything else (punctuation, dashes of
//!    every kind, spaces, symbols, emoji, control characters) separates words.
//!
//! A *key* is the concatenation of key characters: separators are ignored,
//! so `Ara-C`, `ara c`, `ARAC` and `ara‐c` (U+2010) share the key `arac`.
//!
//! Complexity: O(n) in the input length; ASCII costs a few nanoseconds per
//! byte, other characters one decomposition-table lookup each.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// U+0345 COMBINING GREEK YPOGEGRAMMENI, which case-folds to `ι`.
const YPOGEGRAMMENI: char = '\u{345}';

/// One character of a folded key with its origin in the source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Folded {
    /// The folded character (lower-case, no accents, alphanumeric).
    pub ch: char,
    /// Byte offset in the source text where this character's origin starts.
    pub start: u32,
    /// Byte offset in the source text where this character's origin ends
    /// (including combining marks that followed it).
    pub end: u32,
    /// Index of the word (run between separators) this character belongs to.
    pub word: u32,
}

/// Folds `text` into key characters, replacing the contents of `out`.
///
/// Texts longer than `u32::MAX` bytes are cut at a character boundary below
/// that size (offsets are stored as `u32`).
pub(super) fn fold_into(text: &str, out: &mut Vec<Folded>) {
    out.clear();
    let text = cut_to_u32(text);
    let mut folder = Folder {
        out,
        word: 0,
        boundary: false,
    };
    for (i, c) in text.char_indices() {
        // `cut_to_u32` guarantees both offsets fit in u32.
        let start = i as u32;
        let end = (i + c.len_utf8()) as u32;
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                folder.push(c.to_ascii_lowercase(), start, end);
            } else if c != '\'' {
                folder.boundary = true;
            }
            continue;
        }
        if is_ignorable(c) {
            continue;
        }
        decompose_compatible(c, |d| {
            if d == YPOGEGRAMMENI {
                // The one combining mark that case-folds to a letter: ᾳ → αι.
                folder.push('ι', start, end);
            } else if is_combining_mark(d) {
                folder.extend_last(end);
            } else {
                for l in d.to_lowercase() {
                    if is_combining_mark(l) {
                        folder.extend_last(end);
                    } else {
                        fold_special(l, |f| {
                            if f.is_alphanumeric() {
                                folder.push(f, start, end);
                            } else {
                                folder.boundary = true;
                            }
                        });
                    }
                }
            }
        });
    }
}

/// Returns the search key of `text`: its folded letters and digits with all
/// separators removed.
///
/// Two texts that should be treated as the same name have the same key:
/// case, accents, ligatures, full-width forms, punctuation, dashes and
/// spacing do not matter. O(n) in the length of `text`.
///
/// ```
/// use treatment_guide::lookup::normalize;
///
/// assert_eq!(normalize("Méthotrexate"), "methotrexate");
/// assert_eq!(normalize("ÉTOPOSIDE"), "etoposide");
/// assert_eq!(normalize("Ara-C"), normalize("ara\u{2010}c"));
/// assert_eq!(normalize("VP 16"), "vp16");
/// assert_eq!(normalize("Straße"), "strasse");
/// assert_eq!(normalize("<b>6-MP</b>"), "b6mpb");
/// assert_eq!(normalize(" \u{200B}\u{1F48A} "), "");
/// ```
pub fn normalize(text: &str) -> String {
    let mut folded = Vec::new();
    fold_into(text, &mut folded);
    folded.iter().map(|f| f.ch).collect()
}

/// Accumulates key characters and tracks word boundaries.
struct Folder<'a> {
    out: &'a mut Vec<Folded>,
    word: u32,
    /// A separator was seen since the last key character.
    boundary: bool,
}

impl Folder<'_> {
    fn push(&mut self, ch: char, start: u32, end: u32) {
        if self.boundary && !self.out.is_empty() {
            self.word += 1;
        }
        self.boundary = false;
        self.out.push(Folded {
            ch,
            start,
            end,
            word: self.word,
        });
    }

    /// A dropped combining mark ending at `end` belongs to the previous key
    /// character if no separator came in between.
    fn extend_last(&mut self, end: u32) {
        if self.boundary {
            return;
        }
        if let Some(last) = self.out.last_mut() {
            last.end = last.end.max(end);
        }
    }
}

/// Cuts `text` so that every byte offset fits in `u32`.
fn cut_to_u32(text: &str) -> &str {
    const MAX: usize = u32::MAX as usize - 4;
    if text.len() <= MAX {
        return text;
    }
    let mut cut = MAX;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// Invisible formatting and apostrophe-like characters that neither make a
/// key character nor separate words.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{02BC}'
            | '\u{0060}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Folds what lower-casing and NFKD leave distinct; calls `emit` once or twice.
fn fold_special(c: char, mut emit: impl FnMut(char)) {
    let (a, b) = match c {
        'ß' => ('s', Some('s')),
        'ſ' => ('s', None),
        'ς' => ('σ', None),
        'ı' => ('i', None),
        'ø' => ('o', None),
        'đ' | 'ð' => ('d', None),
        'ł' => ('l', None),
        'ħ' => ('h', None),
        'ŧ' => ('t', None),
        'æ' => ('a', Some('e')),
        'œ' => ('o', Some('e')),
        'þ' => ('t', Some('h')),
        _ => (c, None),
    };
    emit(a);
    if let Some(b) = b {
        emit(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<Folded> {
        let mut out = Vec::new();
        fold_into(text, &mut out);
        out
    }

    #[test]
    fn case_and_accents() {
        assert_eq!(normalize("méthotrexate"), normalize("METHOTREXATE"));
        assert_eq!(normalize("ÉTOPOSIDE"), "etoposide");
        assert_eq!(normalize("Cytarabinë"), "cytarabine");
        // Decomposed input (e + combining acute) folds the same as precomposed.
        assert_eq!(normalize("me\u{301}thotrexate"), "methotrexate");
        assert_eq!(normalize("İMATİNİB"), "imatinib");
        assert_eq!(normalize("ΔΈΛΤΑ"), "δελτα");
        assert_eq!(normalize("ΟΔΟΣ"), normalize("οδος"));
        assert_eq!(normalize("ᾳ"), normalize("ᾼ".to_uppercase().as_str()));
        assert_eq!(normalize("Ørsted Łódź Æther Œuvre"), "orstedlodzaetheroeuvre");
    }

    #[test]
    fn separators_are_ignored() {
        for text in ["Ara-C", "ara c", "ARAC", "ara\u{2010}c", "ara\u{2013}c", "Ara_C", "ara.c"] {
            assert_eq!(normalize(text), "arac", "{text}");
        }
        for text in ["VP-16", "vp16", "vp 16", "VP\u{2011}16"] {
            assert_eq!(normalize(text), "vp16", "{text}");
        }
        for text in ["6-MP", "6 mp", "6mp"] {
            assert_eq!(normalize(text), "6mp", "{text}");
        }
    }

    #[test]
    fn compatibility_forms() {
        assert_eq!(normalize("ＶＰ－１６"), "vp16");
        assert_eq!(normalize("ﬁlgrastim"), "filgrastim");
        assert_eq!(normalize("5 ㎎"), "5mg");
        assert_eq!(normalize("m²"), "m2");
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        let f = folded("vin\u{AD}cris\u{200B}tine");
        assert_eq!(f.iter().map(|c| c.ch).collect::<String>(), "vincristine");
        assert!(f.iter().all(|c| c.word == 0));
        assert_eq!(normalize("\u{202E}enitsircniv\u{202C}"), "enitsircniv");
        assert_eq!(normalize("Ringer’s"), "ringers");
    }

    #[test]
    fn words_and_offsets() {
        let text = "Étoposide — VP‑16";
        let f = folded(text);
        let key: String = f.iter().map(|c| c.ch).collect();
        assert_eq!(key, "etoposidevp16");
        assert_eq!(f[0].start, 0);
        assert_eq!(&text[f[0].start as usize..f[0].end as usize], "É");
        let words: Vec<u32> = f.iter().map(|c| c.word).collect();
        assert_eq!(words, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2]);
        for c in &f {
            assert!(text.is_char_boundary(c.start as usize));
            assert!(text.is_char_boundary(c.end as usize));
        }
    }

    #[test]
    fn combining_marks_extend_the_previous_character() {
        let text = "e\u{301}\u{302}x";
        let f = folded(text);
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].start, f[0].end), (0, 5));
        // A mark after a separator is dropped and changes nothing.
        assert_eq!(normalize("a \u{301}b"), "ab");
        assert_eq!(folded("\u{301}")[..], []);
    }

    #[test]
    fn hostile_input() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("\0\u{7}\r\n\t"), "");
        assert_eq!(normalize("<script>alert(1)</script>"), "scriptalert1script");
        assert_eq!(normalize("💊🙂👍🏽"), "");
        assert_eq!(normalize("\u{FFFF}\u{10FFFF}"), "");
    }
}
