//! Deterministic test and benchmark data: synthetic dictionaries of any size
//! that start with a content's real drugs, and queries drawn from them.
//!
//! Not part of the widget: compiled for this crate's tests and with the
//! `bench` feature (the benchmark examples of the repository root).
//!
//! Everything here is reproducible from a seed (a SplitMix64 generator, no
//! dependency), so native and browser benchmarks measure the same work.

use tg_content::key::normalize;
use tg_content::Content;

use crate::drugs::DrugIndex;
use crate::hit::MatchKind;
use crate::phonetic;
use crate::store::Entry;

/// A small deterministic pseudo-random generator (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` ≥ 1).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// A random item of `items` (non-empty).
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cl", "pr", "tr",
    "st", "ph", "th", "x", "k", "h", "qu", "fl", "gl", "ch",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "y", "ai", "io", "ou", "ea"];
const CODAS: &[&str] = &["", "", "", "n", "r", "s", "l", "x", "m", "t"];
const STEMS: &[&str] = &[
    "mab", "zumab", "ximab", "tinib", "ciclib", "parin", "olol", "pril", "sartan", "statin",
    "azole", "cillin", "mycin", "cycline", "floxacin", "vir", "dronate", "lukast", "tide",
    "platin", "rubicin", "taxel", "trexate", "sone", "olone", "ine", "ide", "ate", "amine",
    "azepam", "oxetine", "profen", "ase", "leucel", "fene", "gliptin",
];
const BRAND_ENDINGS: &[&str] = &["", "ex", "a", "on", "ix", "yn", "ol", "in", "ia", "ra", "o"];
const SECOND_WORDS: &[&str] = &["alfa", "beta", "pegol", "vedotin", "emtansine", "glargine"];

/// Pronounceable syllables, lower case.
fn syllables(rng: &mut Rng, count: usize) -> String {
    let mut s = String::new();
    for _ in 0..count {
        s.push_str(rng.pick(ONSETS));
        s.push_str(rng.pick(VOWELS));
        if rng.chance(30) {
            s.push_str(rng.pick(CODAS));
        }
    }
    s
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A synthetic drug: generic name first, then synonyms.
fn drug(rng: &mut Rng) -> Vec<String> {
    let mut names = Vec::new();
    let count = 1 + rng.below(3);
    let base = syllables(rng, count);
    let mut generic = format!("{base}{}", rng.pick(STEMS));
    if rng.chance(12) {
        let second = if rng.chance(50) {
            rng.pick(SECOND_WORDS).to_string()
        } else {
            format!("{}{}", syllables(rng, 2), rng.pick(STEMS))
        };
        generic = format!("{generic} {second}");
    }
    names.push(generic);
    for _ in 0..rng.below(3) {
        let mut brand = capitalize(&format!("{}{}", syllables(rng, 2), rng.pick(BRAND_ENDINGS)));
        if rng.chance(5) {
            brand = brand.replacen('e', "é", 1);
        }
        names.push(brand);
    }
    if rng.chance(30) {
        let letters: String = (0..2)
            .map(|_| char::from(b'A' + rng.below(26) as u8))
            .collect();
        let digits = 10u32.pow(2 + rng.below(2) as u32);
        names.push(format!(
            "{letters}-{}",
            digits + rng.below(9 * digits as usize) as u32
        ));
    }
    names
}

/// A dictionary of exactly `n` names: the real drugs (as in [`DrugIndex::entries`],
/// cut if `n` is smaller) followed by synthetic drugs with pronounceable
/// drug-like generics (some with two words), 0–2 brand names (a few with an
/// accent) and sometimes a code such as `KQ-2231`. Same `n` and `seed`, same
/// dictionary, on every platform. O(n).
///
/// ```
/// use tg_lookup::{synthetic, Index};
///
/// let content = tg_content::toml_source::shipped();
/// let names = synthetic::dictionary(&content, 1000, 7);
/// assert_eq!(names.len(), 1000);
/// assert_eq!(names, synthetic::dictionary(&content, 1000, 7));
/// assert_eq!(Index::build(names).len(), 1000);
/// ```
pub fn dictionary(content: &Content, n: usize, seed: u64) -> Vec<Entry> {
    let mut entries = DrugIndex::entries(content);
    entries.truncate(n);
    let mut rng = Rng::new(seed);
    let mut target = content.drugs.len() as u32;
    while entries.len() < n {
        for name in drug(&mut rng) {
            if entries.len() < n {
                entries.push(Entry::new(name, target));
            }
        }
        target += 1;
    }
    entries
}

/// `count` queries of the given kind drawn from `entries` (non-empty), for
/// benchmarks:
///
/// * `Exact`: a name with its case or separators changed;
/// * `Prefix`: the first 3–7 letters of a word of a name;
/// * `Typo`: a name of at least 5 letters, lower-cased, with one edit away
///   from the first letter (a wrong, missing, extra or swapped letter), and
///   from 11 letters sometimes a second that keeps the length (wrong or
///   swapped letter);
/// * `Words`: a name with a dose, form or salt around it;
/// * `SoundsLike`: a name of at least 5 letters, lower-cased, respelt two or
///   three times the way it sounds (`ph`/`f`, a hard `c`/`k`, a soft
///   `c`/`s`, `s`/`z`, `y`/`i`, `x`/`ks`, `th`/`t`, a doubled or single
///   letter, a final `e`, `i`/`ee`, `u`/`ou`, `o`/`au`), keeping its
///   phonetic key.
///
/// ```
/// use tg_lookup::{synthetic, MatchKind};
///
/// let content = tg_content::toml_source::shipped();
/// let names = synthetic::dictionary(&content, 100, 1);
/// let typos = synthetic::queries(&names, MatchKind::Typo, 10, 2);
/// assert_eq!(typos.len(), 10);
/// ```
pub fn queries(entries: &[Entry], kind: MatchKind, count: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(count);
    if entries.is_empty() {
        return out;
    }
    let mut attempts = 0;
    while out.len() < count && attempts < count * 100 {
        attempts += 1;
        let text = &entries[rng.below(entries.len())].text;
        let query = match kind {
            MatchKind::Exact => Some(exact_variant(&mut rng, text)),
            MatchKind::Prefix => prefix_of(&mut rng, text),
            MatchKind::Typo => misspell(&mut rng, text),
            MatchKind::Words => Some(with_label_words(&mut rng, text)),
            MatchKind::SoundsLike => respell(&mut rng, text),
        };
        out.extend(query);
    }
    out
}

fn exact_variant(rng: &mut Rng, text: &str) -> String {
    match rng.below(4) {
        0 => text.to_uppercase(),
        1 => text.to_lowercase(),
        2 => text.replace('-', " "),
        _ => text.replace(['-', ' '], ""),
    }
}

fn prefix_of(rng: &mut Rng, text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return None;
    }
    let word: Vec<char> = words[rng.below(words.len())].chars().collect();
    let len = 3 + rng.below(5.min(word.len() - 3));
    Some(word[..len].iter().collect())
}

fn misspell(rng: &mut Rng, text: &str) -> Option<String> {
    let key = normalize(text);
    let mut chars: Vec<char> = key.chars().collect();
    if chars.len() < 5 || !chars.iter().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    let edits = if chars.len() >= 11 {
        1 + rng.below(2)
    } else {
        1
    };
    for edit in 0..edits {
        let at = 1 + rng.below(chars.len() - 2);
        let letter = char::from(b'a' + rng.below(26) as u8);
        // A second edit keeps the length, as the index requires.
        let op = if edit == 0 {
            rng.below(4)
        } else {
            3 * rng.below(2)
        };
        match op {
            0 => chars[at] = letter,
            1 => {
                chars.remove(at);
            }
            2 => chars.insert(at, letter),
            _ => chars.swap(at, at + 1),
        }
    }
    Some(chars.into_iter().collect())
}

fn with_label_words(rng: &mut Rng, text: &str) -> String {
    const AFTER: &[&str] = &[
        " 40 mg",
        " 2.5mg tablets",
        " injection",
        " 100 mg/mL solution for infusion",
        " sulfate",
        " 10mg tab",
        " oral suspension 5 mL",
    ];
    const BEFORE: &[&str] = &["", "", "", "inj. ", "Tab. ", "take "];
    format!("{}{text}{}", rng.pick(BEFORE), rng.pick(AFTER))
}

/// Sound-preserving respellings: `(from, to)`, where `from` is a pattern of
/// letters and `.` stands for any consonant other than `h` (kept as is).
const RESPELLINGS: &[(&str, &str)] = &[
    ("ph", "f"),
    ("f", "ph"),
    ("ca", "ka"),
    ("co", "ko"),
    ("cu", "ku"),
    ("cl", "kl"),
    ("cr", "kr"),
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "si"),
    ("s", "z"),
    ("z", "s"),
    ("y", "i"),
    ("x", "ks"),
    ("th", "t"),
    ("t", "th"),
    ("qu", "k"),
    ("k", "c"),
    (".i.", ".ee."),
    (".u.", ".ou."),
    (".o.", ".au."),
];

/// A respelling of a name that keeps its phonetic key, or `None`.
fn respell(rng: &mut Rng, text: &str) -> Option<String> {
    let key = normalize(text);
    if key.chars().count() < 5 || !key.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut folded = Vec::new();
    let target = phonetic::text_key(&key, &mut folded);
    let mut word = key.clone();
    for _ in 0..2 + rng.below(2) {
        let candidate = match rng.below(4) {
            0 => double_or_single(rng, &word),
            1 if word.ends_with('e') => word[..word.len() - 1].to_string(),
            1 => format!("{word}e"),
            _ => rewrite(rng, &word),
        };
        if phonetic::text_key(&candidate, &mut folded) == target {
            word = candidate;
        }
    }
    (word != key).then_some(word)
}

/// `word` with a random consonant doubled, or a doubled letter written once.
fn double_or_single(rng: &mut Rng, word: &str) -> String {
    let b = word.as_bytes();
    let at = 1 + rng.below(b.len() - 1);
    let mut out = word.to_string();
    if b[at] == b[at - 1] {
        out.remove(at);
    } else if !b"aeiouy".contains(&b[at]) {
        out.insert(at, char::from(b[at]));
    }
    out
}

/// `word` with one of [`RESPELLINGS`] applied at a random place it fits.
fn rewrite(rng: &mut Rng, word: &str) -> String {
    let (from, to) = RESPELLINGS[rng.below(RESPELLINGS.len())];
    let b = word.as_bytes();
    let fits = |at: usize| {
        from.bytes().enumerate().all(|(i, f)| {
            b.get(at + i).is_some_and(|&c| match f {
                b'.' => !b"aeiouyh".contains(&c),
                _ => c == f,
            })
        })
    };
    let places: Vec<usize> = (0..b.len()).filter(|&at| fits(at)).collect();
    if places.is_empty() {
        return word.to_string();
    }
    let at = places[rng.below(places.len())];
    let mut out = String::with_capacity(word.len() + 2);
    out.push_str(&word[..at]);
    for (i, t) in to.bytes().enumerate() {
        // A `.` keeps the consonant found there (first or last of `from`).
        let c = match t {
            b'.' if i == 0 => b[at],
            b'.' => b[at + from.len() - 1],
            _ => t,
        };
        out.push(char::from(c));
    }
    out.push_str(&word[at + from.len()..]);
    out
}
