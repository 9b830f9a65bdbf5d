//! The one name key: how free text is folded for comparing names.
//!
//! Validation (two names that are the same), the lookup (every name and
//! every query) and deep-link anchors all compare names through this fold.
//!
//! Every name and every query goes through [`fold_into`], which turns text
//! into a sequence of *key characters*, each remembering the byte range of the
//! original text it came from and the word it belongs to:
//!
//! 1. ASCII takes a fast path: letters, digits and `+` are key characters
//!    (letters lower-cased), `'` is ignored, everything else separates words.
//! 2. Other characters that are invisible formatting (soft hyphen, zero-width
//!    space and joiners, bidi marks and isolates, BOM, tag characters) or
//!    apostrophe-like (`’`, `ʼ`, `‘`, `` ` ``) are ignored: they neither produce a
//!    key character nor split a word.
//! 3. Compatibility characters common in typed or pasted label text become
//!    plain ones: full-width forms (`Ａ`), `f` ligatures (`ﬁ`), super- and
//!    subscript digits (`²`), the micro sign and squared units (`㎎`). Then
//!    precomposed Latin letters become their base letter (a 400-byte table
//!    generated from Unicode's NFD data) and combining diacritical marks are
//!    dropped, so `é` (precomposed or decomposed) becomes `e`; a mark's bytes are added to
//!    the preceding key character's range, so highlights cover whole accented
//!    letters. Full compatibility decomposition (NFKD) would cover rarer forms
//!    too, but its tables cost about 30 KiB more of gzipped WebAssembly.
//! 4. Case is folded as the lower case of the upper case
//!    ([`crate::case::fold`], the standard library's mapping in a compact
//!    table), which agrees with
//!    Unicode full case folding for matching purposes (`ß`→`ss`, final
//!    `ς`→`σ`, `ᲀ`→`в`, iota subscript `ᾳ`→`αι`) and makes every text match its
//!    upper-cased form. A small table then folds Latin letters whose
//!    diacritic is not a combining mark (`ø`, `đ`, `ð`, `ł`, `ħ`, `ŧ`) and
//!    ligature letters (`æ`, `œ`, `þ`).
//! 5. Alphanumeric results ([`char::is_alphanumeric`], so every script's letters
//!    and digits) and `+` are key characters; anything else (punctuation, dashes of
//!    every kind, spaces, symbols, emoji, control characters) separates words.
//!
//! A *key* is the concatenation of key characters: separators are ignored,
//! so `Ara-C`, `ara c`, `ARAC` and `ara‐c` (U+2010) share the key `arac`.
//!
//! Complexity: O(n) in the input length; ASCII costs a few nanoseconds per
//! byte, other characters one table lookup each.

/// First character with an entry in [`LATIN_BASE`] (`À`).
const LATIN_FIRST: u32 = 0xC0;

/// The base letter of each precomposed Latin letter from U+00C0 to U+024F
/// (Latin-1 Supplement, Latin Extended-A and -B), `.` where the letter has no
/// canonical decomposition. Generated from Unicode's NFD data; it stands in
/// for a full decomposition table (the `unicode-normalization` crate), which
/// cost about 28 KiB of gzipped WebAssembly for the same effect on the
/// Latin-script names drugs have.
const LATIN_BASE: &[u8; 400] = b"\
AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.y\
AaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl.\
...NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz.\
................................Oo.............Uu...............\
.............AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa....\
AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............\
................";

/// Canonical decomposition, reduced to what matching needs: a precomposed
/// Latin letter becomes its base letter (its accent would be dropped anyway);
/// every other character is passed on unchanged.
fn decompose_canonical(c: char, mut emit: impl FnMut(char)) {
    let base = u32::from(c)
        .checked_sub(LATIN_FIRST)
        .and_then(|i| LATIN_BASE.get(i as usize))
        .filter(|&&b| b != b'.');
    emit(base.map_or(c, |&b| char::from(b)));
}

/// Combining marks: the combining diacritical blocks, which is where the
/// accents of decomposed (NFD) input live.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// One character of a folded key with its origin in the source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folded {
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
pub fn fold_into(text: &str, out: &mut Vec<Folded>) {
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
            if is_key_ascii(c as u8) {
                folder.push(c.to_ascii_lowercase(), start, end);
            } else if c != '\'' {
                folder.boundary = true;
            }
            continue;
        }
        if is_ignorable(c) {
            continue;
        }
        let mut forms = [c; 3];
        let count = compatibility(c, &mut forms);
        for &form in &forms[..count] {
            decompose_canonical(form, |d| {
                // Lower case of upper case (crate::case): also folds
                // characters whose lower case is not their case folding
                // (ᲀ → в, ß → ss, ς → σ, and the iota subscript, a combining
                // mark whose upper case is Ι).
                crate::case::fold(d, |l| {
                    if is_combining_mark(l) {
                        folder.extend_last(end);
                    } else if !is_ignorable(l) {
                        // Again after case mapping: the lower case of a sign
                        // can be an accented letter (Å → å), and `ŉ` folds to
                        // an apostrophe (ignored) and `n`.
                        decompose_canonical(l, |b| {
                            fold_special(b, |f| {
                                if f.is_alphanumeric() || f == '+' {
                                    folder.push(f, start, end);
                                } else {
                                    folder.boundary = true;
                                }
                            });
                        });
                    }
                });
            });
        }
    }
}

/// Replaces compatibility characters met in typed or pasted label text by
/// their plain form in `out`; returns how many of `out` to use (1 and `c`
/// itself for anything else). A small stand-in for compatibility
/// decomposition (NFKD), whose tables would double the engine's WebAssembly
/// size: full-width forms, `f` ligatures, super- and subscript digits, the
/// micro sign and squared units.
fn compatibility(c: char, out: &mut [char; 3]) -> usize {
    let text = match c {
        '\u{FF01}'..='\u{FF5E}' => {
            // Full-width ASCII, a fixed distance from ASCII.
            out[0] = char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c);
            return 1;
        }
        '\u{2070}' | '\u{2074}'..='\u{2079}' | '\u{2080}'..='\u{2089}' => {
            out[0] = char::from_digit(u32::from(c) & 0xF, 10).unwrap_or(c);
            return 1;
        }
        '¹' => "1",
        '²' => "2",
        '³' => "3",
        'µ' => "μ",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        '㎍' => "μg",
        '㎎' => "mg",
        '㎏' => "kg",
        '㎖' => "ml",
        '㎗' => "dl",
        '㏄' => "cc",
        _ => return 1,
    };
    let mut n = 0;
    for (slot, t) in out.iter_mut().zip(text.chars()) {
        *slot = t;
        n += 1;
    }
    n
}

/// Returns the search key of `text`: its folded letters and digits with all
/// separators removed.
///
/// Two texts that should be treated as the same name have the same key:
/// case, accents, ligatures, full-width forms, punctuation, dashes and
/// spacing do not matter. O(n) in the length of `text`.
///
/// ```
/// use tg_content::key::normalize;
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

/// Whether an ASCII byte is a key character: letters, digits and `+` (which
/// tells "Ph+ ALL" from "Ph- ALL"); every other ASCII byte but `'` separates words.
pub fn is_key_ascii(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+'
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

/// Folds Latin letters whose diacritic is not a combining mark, and
/// ligature letters; calls `emit` once or twice.
fn fold_special(c: char, mut emit: impl FnMut(char)) {
    let (a, b) = match c {
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

#[cfg(all(test, not(target_arch = "wasm32")))]
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
        // Accents are folded for Latin letters (drug names); other scripts fold case only.
        assert_eq!(normalize("ΔΕΛΤΑ"), "δελτα");
        assert_eq!(normalize("ǎ ș ț"), "ast");
        assert_eq!(normalize("ΟΔΟΣ"), normalize("οδος"));
        assert_eq!(normalize("ᾳ"), normalize("ᾼ".to_uppercase().as_str()));
        assert_eq!(normalize("ᲀ"), normalize("В"));
        assert_eq!(normalize("ſ ı"), "si");
        // Signs whose lower case is an accented letter: Angstrom Å, Kelvin K.
        assert_eq!(normalize("\u{212B}\u{212A}"), "ak");
        assert_eq!(normalize("ŉ"), normalize("n"));
        assert_eq!(
            normalize("Ørsted Łódź Æther Œuvre"),
            "orstedlodzaetheroeuvre"
        );
    }

    #[test]
    fn separators_are_ignored() {
        for text in [
            "Ara-C",
            "ara c",
            "ARAC",
            "ara\u{2010}c",
            "ara\u{2013}c",
            "Ara_C",
            "ara.c",
        ] {
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
