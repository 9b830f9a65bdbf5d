//! Plain-language measures of English text: syllables, words, sentences and
//! the Flesch-Kincaid grade level, so editors can keep patient text easy to read.
//!
//! The grade is `0.39 × words per sentence + 11.8 × syllables per word − 15.59`:
//! roughly the school year whose pupils can read the text. Syllables are
//! counted by English spelling rules (vowel groups, silent endings and common
//! exceptions to both), which is what readability tools do; a few words in a
//! hundred come out one syllable off, which moves a section's grade very little.
//!
//! Sentences end at `.`, `!` or `?` before a space, and at the end of each line,
//! so every list item of a section counts as a sentence of its own.
//!
//! ```
//! use tg_content::readability::{assess, MAX_GRADE, MAX_SENTENCE_WORDS};
//! let report = assess("The cat sat on the mat.", MAX_SENTENCE_WORDS);
//! assert!(report.grade < MAX_GRADE);
//! assert!(report.long_sentences.is_empty());
//! ```
//!
//! Pure `std`: no browser, no dependencies.

/// The highest Flesch-Kincaid grade a section of patient text should have.
pub const MAX_GRADE: f64 = 8.0;

/// The most words a sentence of patient text should have.
pub const MAX_SENTENCE_WORDS: usize = 25;

/// A grade or other figure with one decimal, the way reports show it: `7.6`,
/// `-1.5`, and `8` for `8.0`.
///
/// Written without the standard library's float formatting, which would add
/// about 8 KiB (gzip) to the widget, where the browser checker runs this.
///
/// ```
/// use tg_content::readability::one_decimal;
/// assert_eq!(one_decimal(7.64), "7.6");
/// assert_eq!(one_decimal(8.0), "8");
/// assert_eq!(one_decimal(-1.45), "-1.5");
/// assert_eq!(one_decimal(-0.04), "0");
/// ```
pub fn one_decimal(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// The number of syllables of one English word, by its spelling.
///
/// Letters other than `a`–`z` and apostrophes are ignored, case does not
/// matter, and a word is at least one syllable. Digits are read out one by
/// one ("16" as "one six"), which is close enough for drug codes and years.
/// A token with hyphens ("T-cell", "VP-16") is the sum of its parts.
///
/// ```
/// use tg_content::readability::syllables;
/// assert_eq!(syllables("cat"), 1);
/// assert_eq!(syllables("leukemia"), 4);
/// assert_eq!(syllables("Treatment"), 2);
/// assert_eq!(syllables("T-cell"), 2);
/// ```
pub fn syllables(word: &str) -> usize {
    let mut total = 0;
    let mut any = false;
    for part in word.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c))) {
        let letters: String = part
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let digits = part.chars().filter(char::is_ascii_digit).count();
        let sevens_and_zeros = part.chars().filter(|c| matches!(c, '7' | '0')).count();
        if letters.is_empty() && digits == 0 {
            // Other scripts and signs: one syllable per run, as a guess.
            if part.chars().any(char::is_alphanumeric) {
                total += 1;
                any = true;
            }
            continue;
        }
        any = true;
        total += digits + sevens_and_zeros;
        if !letters.is_empty() {
            let contracted_not = part.to_ascii_lowercase().replace('’', "'").ends_with("n't");
            total += word_syllables(&letters, contracted_not);
        }
    }
    if any {
        total.max(1)
    } else {
        0
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Words whose spelling misleads the rules below, with their syllables.
const EXCEPTIONS: &[(&str, usize)] = &[
    ("area", 3),
    ("create", 2),
    ("created", 3),
    ("creates", 2),
    ("idea", 3),
    ("ideas", 3),
    ("real", 1),
    ("every", 2),
    ("everyone", 3),
    ("everything", 3),
    ("business", 2),
    ("different", 3),
    ("several", 3),
    ("interest", 3),
    ("family", 3),
    ("evening", 2),
    ("poem", 2),
    ("quiet", 2),
    ("science", 2),
    ("client", 2),
    ("diet", 2),
    ("lion", 2),
    ("via", 2),
    ("recipe", 3),
    ("simile", 3),
    ("people", 2),
    ("somewhere", 2),
    ("whereas", 2),
    ("antigen", 3),
    ("antigens", 3),
    ("allogeneic", 5),
    ("platelet", 2),
    ("platelets", 2),
];

/// Syllables of a word of lower-case ASCII letters.
fn word_syllables(word: &str, contracted_not: bool) -> usize {
    if let Some(&(_, n)) = EXCEPTIONS.iter().find(|(w, _)| *w == word) {
        return n;
    }
    // Compounds and suffixes whose silent "e" sits inside the word.
    for prefix in ["some", "every", "any", "life", "home", "care", "base"] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.len() >= 3 && has_vowel(rest) && !rest.starts_with(is_vowel_byte) {
                return word_syllables(prefix, false) + word_syllables(rest, contracted_not);
            }
        }
    }
    for suffix in ["ment", "ments", "ness", "ful", "less", "ly"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 4 && stem.ends_with('e') && !stem.ends_with("ee") {
                return word_syllables(stem, false) + 1;
            }
        }
    }

    let bytes = word.as_bytes();
    let stem = silent_ending(bytes);
    let mut count = vowel_groups(stem);

    // Two vowels spelled together but said apart (hiatus).
    for i in 0..stem.len().saturating_sub(1) {
        let (a, b) = (stem[i], stem[i + 1]);
        let before = if i > 0 { stem[i - 1] } else { b' ' };
        // "-tion", "-cial", "-gion", "-xious", "-lian", "-llion" are said as one.
        let soft = matches!(before, b't' | b's' | b'c' | b'g' | b'x' | b'l');
        match (a, b) {
            // radiation, leukemia, biology, radio, medium; not special, nation, million
            (b'i', b'a' | b'o' | b'u') if i > 0 && !soft => count += 1,
            // usual, actual; not quality, language, guard
            (b'u', b'a') if i > 0 && !matches!(before, b'q' | b'g') => count += 1,
            _ => {}
        }
    }
    // being, doing, seeing: "-ing" after a vowel is a syllable of its own,
    // but the vowel group above has already absorbed its "i".
    if let Some(before) = word.strip_suffix("ing") {
        if before.ends_with(['a', 'e', 'i', 'o', 'u']) && before.len() > 1 {
            count += 1;
        }
    }
    // didn't, wasn't, couldn't: the "n't" after a consonant is a syllable.
    if contracted_not {
        if let Some(before) = word.strip_suffix("nt") {
            if before.ends_with(|c: char| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')) {
                count += 1;
            }
        }
    }
    count.max(1)
}

fn is_vowel_byte(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn has_vowel(word: &str) -> bool {
    word.contains(is_vowel_byte)
}

/// The word without an ending that is not said: the "e" of "make", the "es"
/// of "makes", the "ed" of "used". Kept when it is said: "table", "changes",
/// "needed", "centre", or when nothing would be left ("the", "red").
fn silent_ending(word: &[u8]) -> &[u8] {
    let n = word.len();
    let consonant = |i: usize| !is_vowel(word[i]);
    let keeps_vowel = |stem: &[u8]| vowel_groups(stem) > 0;
    // "-le"/"-re" after a consonant is a syllable: table, possible, centre.
    let syllabic = |at: usize| {
        at >= 2
            && matches!(word[at - 1], b'l' | b'r')
            && consonant(at - 2)
            && word[at - 2] != word[at - 1]
    };
    if n > 2 && word.ends_with(b"ed") {
        let before = word[n - 3];
        if !matches!(before, b't' | b'd') && consonant(n - 3) && keeps_vowel(&word[..n - 2]) {
            return &word[..n - 2];
        }
        return word;
    }
    if n > 2 && word.ends_with(b"es") {
        let before = word[n - 3];
        let sibilant = matches!(before, b's' | b'x' | b'z' | b'c' | b'g')
            || (n > 3 && word[n - 3] == b'h' && matches!(word[n - 4], b'c' | b's'));
        if consonant(n - 3) && !sibilant && !syllabic(n - 2) && keeps_vowel(&word[..n - 2]) {
            return &word[..n - 2];
        }
        return word;
    }
    if n > 1 && word.ends_with(b"e") && consonant(n - 2) && !syllabic(n - 1) {
        let stem = &word[..n - 1];
        if keeps_vowel(stem) {
            return stem;
        }
    }
    word
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Groups of vowels. A "y" is a vowel except before a vowel at the start of a
/// word ("you"), and it closes its group ("dy-ing", "play-er").
fn vowel_groups(word: &[u8]) -> usize {
    let mut count = 0;
    let mut in_group = false;
    for (i, &c) in word.iter().enumerate() {
        let vowel = match c {
            b'a' | b'e' | b'i' | b'o' | b'u' => true,
            b'y' => !(i == 0 && word.get(1).is_some_and(|&n| is_vowel(n))),
            _ => false,
        };
        if vowel && !in_group {
            count += 1;
        }
        in_group = vowel && c != b'y';
    }
    count
}

/// The words of a text: runs between spaces that hold a letter or a digit.
/// Punctuation around a word is not part of it; "T-cell" and "VP-16" are one word.
///
/// ```
/// use tg_content::readability::words;
/// let w: Vec<&str> = words("Drugs (such as VP-16) - and more.").collect();
/// assert_eq!(w, ["Drugs", "such", "as", "VP-16", "and", "more"]);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|token| token.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
}

/// The number of [`words`] in a text.
///
/// ```
/// use tg_content::readability::word_count;
/// assert_eq!(word_count("The cat sat on the mat."), 6);
/// ```
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// The sentences of a text, trimmed, in order. A sentence ends at `.`, `!` or
/// `?` followed by a space (closing brackets and quotes stay with it), and at
/// every line break. Pieces without a word are dropped.
///
/// ```
/// use tg_content::readability::sentences;
/// let s = sentences("It works. Does it (really)? Yes!\n- a list item\n- another");
/// assert_eq!(s, ["It works.", "Does it (really)?", "Yes!", "- a list item", "- another"]);
/// ```
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            // Take closing punctuation and further stops with the sentence.
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '.' | '!' | '?' | ')' | ']' | '"' | '\'' | '’' | '”') {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if chars.peek().is_some_and(|&(_, d)| d.is_whitespace()) {
                out.push(&line[start..end]);
                start = end;
            }
        }
        out.push(&line[start..]);
    }
    out.into_iter()
        .map(str::trim)
        .filter(|s| word_count(s) > 0)
        .collect()
}

/// The counts the Flesch-Kincaid formula uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Number of sentences.
    pub sentences: usize,
    /// Number of words.
    pub words: usize,
    /// Number of syllables of all words.
    pub syllables: usize,
}

impl Counts {
    /// Counts the sentences, words and syllables of a text.
    ///
    /// ```
    /// use tg_content::readability::Counts;
    /// let c = Counts::of("The cat sat on the mat.");
    /// assert_eq!((c.sentences, c.words, c.syllables), (1, 6, 6));
    /// ```
    pub fn of(text: &str) -> Counts {
        Counts::of_with_names(text, &[])
    }

    /// Like [`Counts::of`], but every word of the given names counts as one
    /// syllable, whatever its spelling (case does not matter).
    ///
    /// This is for drug names: readers cannot be spared them, do not have to
    /// sound them out to follow the text, and the guide's lookup explains
    /// them. Counted by their spelling, a plain list of ten drugs reads as a
    /// university text. The names still count as words, so sentence length
    /// is measured as it is.
    ///
    /// ```
    /// use tg_content::readability::Counts;
    /// let text = "Ask about cyclophosphamide.";
    /// assert_eq!(Counts::of(text).syllables, 8);
    /// assert_eq!(Counts::of_with_names(text, &["Cyclophosphamide"]).syllables, 4);
    /// ```
    pub fn of_with_names(text: &str, names: &[&str]) -> Counts {
        let name_words: Vec<String> = names
            .iter()
            .flat_map(|name| words(name))
            .map(str::to_lowercase)
            .collect();
        let mut counts = Counts::default();
        for sentence in sentences(text) {
            counts.sentences += 1;
            for word in words(sentence) {
                counts.words += 1;
                let is_name = !name_words.is_empty()
                    && name_words.iter().any(|n| n.as_str() == word.to_lowercase());
                counts.syllables += if is_name { 1 } else { syllables(word) };
            }
        }
        counts
    }

    /// The Flesch-Kincaid grade level: `0.39 × words/sentences +
    /// 11.8 × syllables/words − 15.59`; 0 for a text without words.
    ///
    /// ```
    /// use tg_content::readability::Counts;
    /// let c = Counts { sentences: 1, words: 6, syllables: 6 };
    /// assert!((c.grade() - -1.45).abs() < 0.005);
    /// ```
    pub fn grade(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 0.0;
        }
        let (sentences, words, syllables) = (
            self.sentences as f64,
            self.words as f64,
            self.syllables as f64,
        );
        0.39 * words / sentences + 11.8 * syllables / words - 15.59
    }

    /// The Flesch reading ease: `206.835 − 1.015 × words/sentences −
    /// 84.6 × syllables/words`; higher is easier, 60 to 70 is plain English.
    /// 100 for a text without words.
    ///
    /// ```
    /// use tg_content::readability::Counts;
    /// let c = Counts { sentences: 1, words: 16, syllables: 23 };
    /// assert_eq!(c.reading_ease().round(), 69.0);
    /// ```
    pub fn reading_ease(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 100.0;
        }
        let (sentences, words, syllables) = (
            self.sentences as f64,
            self.words as f64,
            self.syllables as f64,
        );
        206.835 - 1.015 * words / sentences - 84.6 * syllables / words
    }
}

/// The Flesch-Kincaid grade level of a text (see [`Counts::grade`]).
///
/// ```
/// use tg_content::readability::grade;
/// assert!((grade("The cat sat on the mat.") - -1.45).abs() < 0.005);
/// ```
pub fn grade(text: &str) -> f64 {
    Counts::of(text).grade()
}

/// A sentence with more words than allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LongSentence<'a> {
    /// The sentence, a slice of the text it came from.
    pub text: &'a str,
    /// Its number of words.
    pub words: usize,
}

/// How readable a text is: its grade and the sentences that are too long.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment<'a> {
    /// The Flesch-Kincaid grade level of the whole text.
    pub grade: f64,
    /// The sentences over the word limit, in order.
    pub long_sentences: Vec<LongSentence<'a>>,
}

impl Assessment<'_> {
    /// Whether the grade is at most [`MAX_GRADE`] and no sentence is too long.
    ///
    /// ```
    /// use tg_content::readability::{assess, MAX_SENTENCE_WORDS};
    /// assert!(assess("Ask your care team.", MAX_SENTENCE_WORDS).is_plain());
    /// ```
    pub fn is_plain(&self) -> bool {
        self.grade <= MAX_GRADE && self.long_sentences.is_empty()
    }
}

/// Assesses the plain text of a section: its grade, and every sentence with
/// more than `max_words` words (usually [`MAX_SENTENCE_WORDS`]).
///
/// ```
/// use tg_content::readability::assess;
/// let text = "Short one. This sentence has rather more than five words in it.";
/// let report = assess(text, 5);
/// assert_eq!(report.long_sentences.len(), 1);
/// assert_eq!(report.long_sentences[0].words, 10);
/// assert!(report.long_sentences[0].text.starts_with("This sentence"));
/// ```
pub fn assess(text: &str, max_words: usize) -> Assessment<'_> {
    assess_with_names(text, max_words, &[])
}

/// Like [`assess`], but the words of `names` count as one syllable each in
/// the grade (see [`Counts::of_with_names`]); sentence lengths are unchanged.
///
/// ```
/// use tg_content::readability::{assess, assess_with_names, MAX_SENTENCE_WORDS};
/// let text = "Drugs you may be given:\n- vincristine (Oncovin)\n- cyclophosphamide (Cytoxan)";
/// let names = ["vincristine", "Oncovin", "cyclophosphamide", "Cytoxan"];
/// let plain = assess_with_names(text, MAX_SENTENCE_WORDS, &names);
/// assert!(plain.grade < assess(text, MAX_SENTENCE_WORDS).grade);
/// ```
pub fn assess_with_names<'a>(text: &'a str, max_words: usize, names: &[&str]) -> Assessment<'a> {
    let long_sentences = sentences(text)
        .into_iter()
        .map(|s| LongSentence {
            text: s,
            words: word_count(s),
        })
        .filter(|s| s.words > max_words)
        .collect();
    Assessment {
        grade: Counts::of_with_names(text, names).grade(),
        long_sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, within: f64) -> bool {
        (a - b).abs() <= within
    }

    #[test]
    fn the_cat_sat_on_the_mat() {
        let c = Counts::of("The cat sat on the mat.");
        assert_eq!(
            c,
            Counts {
                sentences: 1,
                words: 6,
                syllables: 6
            }
        );
        assert!(close(c.grade(), -1.45, 0.005), "{}", c.grade());
        assert!(
            close(c.reading_ease(), 116.145, 0.001),
            "{}",
            c.reading_ease()
        );
    }

    /// Wikipedia, "Flesch–Kincaid readability tests": this sentence scores a
    /// reading ease of 69 (16 words, 23 syllables), so a grade of about 7.6.
    #[test]
    fn the_wikipedia_passage() {
        let text = "This sentence, taken as a reading passage unto itself, is being used to prove a point.";
        let c = Counts::of(text);
        assert_eq!(
            c,
            Counts {
                sentences: 1,
                words: 16,
                syllables: 23
            }
        );
        assert_eq!(c.reading_ease().round(), 69.0);
        assert!(close(c.grade(), 7.61, 0.01), "{}", c.grade());
    }

    /// Both ends of the scale.
    #[test]
    fn easy_and_hard_ends_of_the_scale() {
        // Words of one syllable in short sentences: below grade 0.
        let easy = "I see the dog. The dog is big. It runs to me.";
        assert_eq!(
            Counts::of(easy),
            Counts {
                sentences: 3,
                words: 12,
                syllables: 12
            }
        );
        assert!(grade(easy) < 0.0);
        // The example often quoted with the formula: 13 words and 24 syllables
        // (Aus-tral-ian, rep-til-ian) make grade 11.3, reading ease 37.5.
        let hard =
            "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.";
        let c = Counts::of(hard);
        assert_eq!((c.sentences, c.words), (1, 13));
        assert_eq!(c.syllables, 24);
        assert!(close(c.grade(), 11.3, 0.05), "{}", c.grade());
        assert!(close(c.reading_ease(), 37.5, 0.05), "{}", c.reading_ease());
    }

    #[test]
    fn syllables_of_common_words() {
        let cases: &[(&str, usize)] = &[
            ("a", 1),
            ("the", 1),
            ("cat", 1),
            ("be", 1),
            ("are", 1),
            ("one", 1),
            ("make", 1),
            ("makes", 1),
            ("used", 1),
            ("called", 1),
            ("needed", 2),
            ("treated", 2),
            ("changes", 2),
            ("uses", 2),
            ("table", 2),
            ("tables", 2),
            ("people", 2),
            ("whole", 1),
            ("centre", 2),
            ("being", 2),
            ("doing", 2),
            ("dying", 2),
            ("playing", 2),
            ("player", 2),
            ("beyond", 2),
            ("you", 1),
            ("yes", 1),
            ("they", 1),
            ("only", 2),
            ("likely", 2),
            ("safely", 2),
            ("statement", 2),
            ("treatment", 2),
            ("element", 3),
            ("sometimes", 2),
            ("usual", 3),
            ("usually", 4),
            ("quality", 3),
            ("million", 2),
            ("millions", 2),
            ("nation", 2),
            ("special", 2),
            ("previous", 3),
            ("various", 3),
            ("biology", 4),
            ("radiation", 4),
            ("possible", 3),
            ("every", 2),
            ("different", 3),
            ("didn't", 2),
            ("don't", 1),
            ("passage", 2),
            ("prove", 1),
            ("syndrome", 2),
            ("recognize", 3),
            ("machine", 2),
            ("disease", 2),
            ("tissue", 2),
            ("continue", 3),
            ("beautiful", 3),
            ("reading", 2),
            ("sentence", 2),
            ("itself", 2),
            ("unto", 2),
        ];
        assert_syllables(cases);
    }

    /// Checks every word's syllable count, listing all the wrong ones at once.
    fn assert_syllables(cases: &[(&str, usize)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(w, n)| syllables(w) != *n)
            .map(|(w, n)| format!("{w}: {} not {n}", syllables(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn syllables_of_medical_words() {
        let cases: &[(&str, usize)] = &[
            ("leukemia", 4),
            ("chemotherapy", 5),
            ("therapy", 3),
            ("antibiotics", 5),
            ("antivirals", 4),
            ("antifungals", 4),
            ("cryoprecipitate", 6),
            ("leukapheresis", 5),
            ("lymphocytic", 4),
            ("lymphoblastic", 4),
            ("Philadelphia", 5),
            ("immunotherapy", 6),
            ("transplant", 2),
            ("remission", 3),
            ("relapsed", 2),
            ("refractory", 4),
            ("intrathecal", 4),
            ("prophylaxis", 4),
            ("tisagenlecleucel", 6),
            ("antigen", 3),
            ("allogeneic", 5),
            ("platelet", 2),
            ("platelets", 2),
            ("platelets", 2),
            ("infections", 3),
        ];
        assert_syllables(cases);
    }

    #[test]
    fn syllables_of_odd_tokens() {
        assert_eq!(syllables(""), 0);
        assert_eq!(syllables("—"), 0);
        assert_eq!(syllables("CNS"), 1);
        assert_eq!(syllables("Ph+"), 1);
        assert_eq!(syllables("VP-16"), 3);
        assert_eq!(syllables("25"), 2);
        assert_eq!(syllables("7"), 2);
        assert_eq!(syllables("Blasts."), 1);
        assert_eq!(syllables("ÉTÉ"), 1);
    }

    #[test]
    fn words_ignore_punctuation_and_keep_hyphens() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count(" - , ; "), 0);
        assert_eq!(
            words("CAR T-cell therapy (Kymriah), 2–3 years.").collect::<Vec<_>>(),
            ["CAR", "T-cell", "therapy", "Kymriah", "2–3", "years"]
        );
    }

    #[test]
    fn sentences_split_at_stops_and_lines() {
        assert_eq!(sentences(""), Vec::<&str>::new());
        assert_eq!(sentences("No stop at the end"), ["No stop at the end"]);
        assert_eq!(
            sentences("Dose 2.5 mg. Next one... Then (this one.) Done"),
            ["Dose 2.5 mg.", "Next one...", "Then (this one.)", "Done"]
        );
        assert_eq!(
            sentences("Intro:\n\n- first item\n- second item.\n"),
            ["Intro:", "- first item", "- second item."]
        );
        assert_eq!(
            sentences("“Quoted.” Then more."),
            ["“Quoted.”", "Then more."]
        );
    }

    #[test]
    fn grade_of_several_sentences() {
        // 2 sentences, 11 words, 14 syllables (a-bout, a-ny, wor-ry).
        let c = Counts::of("Your team can help. Ask them about any worry you have.");
        assert_eq!(
            c,
            Counts {
                sentences: 2,
                words: 11,
                syllables: 14
            }
        );
        let expected = 0.39 * 11.0 / 2.0 + 11.8 * 14.0 / 11.0 - 15.59;
        assert!(close(c.grade(), expected, 1e-9));
        assert_eq!(Counts::default().grade(), 0.0);
    }

    #[test]
    fn names_count_as_one_syllable_each() {
        let text = "Take mercaptopurine (6-MP) with care.";
        let c = Counts::of_with_names(text, &["mercaptopurine", "6-MP"]);
        assert_eq!(
            c,
            Counts {
                sentences: 1,
                words: 5,
                syllables: 5
            }
        );
        assert_eq!(
            Counts::of_with_names(text, &["MERCAPTOPURINE"]).syllables,
            6
        );
        assert_eq!(Counts::of(text).syllables, 10);
        // A name of two words counts word by word.
        let c = Counts::of_with_names("inotuzumab ozogamicin", &["Inotuzumab ozogamicin"]);
        assert_eq!(c.syllables, 2);
    }

    #[test]
    fn assess_lists_long_sentences() {
        let long = "one two three four five six seven eight nine ten eleven twelve \
                    thirteen fourteen fifteen sixteen seventeen eighteen nineteen \
                    twenty twenty-one twenty-two twenty-three twenty-four twenty-five \
                    twenty-six.";
        let text = format!("A short one. {long}\n- an item");
        let report = assess(&text, MAX_SENTENCE_WORDS);
        assert_eq!(report.long_sentences.len(), 1);
        assert_eq!(report.long_sentences[0].words, 26);
        assert!(report.long_sentences[0].text.ends_with("twenty-six."));
        assert!(!report.is_plain());
        assert!(assess("A short one.", MAX_SENTENCE_WORDS).is_plain());
    }
}
