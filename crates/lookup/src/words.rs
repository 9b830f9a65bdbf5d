//! The `Words` tier: a whole name inside a longer query.
//!
//! Labels and prescriptions put more around the name: a salt
//! (`imatinib mesylate`), a dose (`Gleevec 400 mg`, `methotrexate
//! 2.5mg tablets`), a form or route (`cytarabine injection`). The query is
//! cut into *tokens*: its words, further split where letters meet digits (so
//! `400mg` gives `400` and `mg`). Every run of up to [`MAX_SPAN_TOKENS`]
//! consecutive tokens, short of the whole query (the other tiers handle
//! that), is looked up as a name key, separators ignored: `Ara C 100 mg`
//! finds `Ara-C` through the run `ara c`. A run of at least
//! [`MIN_TAIL_CHARS`] may also be a name's last words (`ozogamicin 1 mg`).
//! The rest of the query is ignored; a longer name ranks first because its
//! score counts the query letters it leaves uncovered.
//!
//! Ignored, except for a word that touches the name and may make it another
//! drug's name: a run is not a match when the token just before or just
//! after it is [`foreign`], that is a word of at least
//! [`MIN_FOREIGN_WORD_CHARS`] letters that is neither a label word nor a name
//! in the index. Drug names of several words are one substance: a word
//! added to a guide name's words, or put in place of some of them, names
//! another drug (`gemtuzumab ozogamicin` is not inotuzumab ozogamicin,
//! `cytarabine ocfosfate` is not cytarabine), while a label adds only label
//! words and numbers (`vincristine sulfate`, `Gleevec 400 mg`, `chlorhydrate
//! de doxorubicine`). Words that do not touch the name, and short ones, are
//! left alone, so a phrase still finds its drug (`vincristine side effects`).
//!
//! When no name was found verbatim, runs of up to [`MAX_TYPO_SPAN_TOKENS`]
//! tokens made of letters only are matched with typo tolerance (and, from 5
//! letters, as the start of a name: `metho 2.5 mg`), longest runs first and
//! at most [`MAX_TYPO_SPANS`] of them, unless a token is a common label word
//! ([`LABEL_WORDS`]: units, forms, routes, salts), which would only find
//! noise.
//!
//! Cost: O(t · MAX_SPAN_TOKENS) binary searches for `t` tokens (`t` ≤
//! [`MAX_QUERY_CHARS`](crate::MAX_QUERY_CHARS)), plus at most
//! [`MAX_TYPO_SPANS`] typo searches.

use crate::hit::MatchKind;
use crate::query::Query;
use crate::rank::{Cand, Collector, Rank};
use crate::score::{self, budget, MIN_FOREIGN_WORD_CHARS, TIER_WORDS, TIER_WORDS_TYPO};
use crate::store::Index;
use crate::typo;

/// Longest run of tokens looked up exactly.
pub(crate) const MAX_SPAN_TOKENS: usize = 4;
/// Longest run of tokens looked up with typo tolerance.
pub(crate) const MAX_TYPO_SPAN_TOKENS: usize = 3;
/// At most this many runs are looked up with typo tolerance per query.
pub(crate) const MAX_TYPO_SPANS: usize = 6;
/// A run matching only a name's later words needs this many characters.
pub(crate) const MIN_TAIL_CHARS: usize = 5;

/// Words common on labels and prescriptions, in English and French, that
/// are not drug names: units, forms, routes, salts, frequencies, and the
/// organism an enzyme is made from (`asparaginase Erwinia` is still the
/// guide's asparaginase, a name doctors give every form of it). In folded
/// form and sorted (for binary search). Runs containing them get no typo
/// tolerance, and they never make a neighbouring name another drug's (see
/// [`foreign`]); they can still be part of an exactly matched name.
pub(crate) const LABEL_WORDS: &[&str] = &[
    "acetate",
    "ampoule",
    "and",
    "bd",
    "bid",
    "buvable",
    "calcium",
    "cap",
    "caps",
    "capsule",
    "capsules",
    "chlorhydrate",
    "chloride",
    "chrysanthemi",
    "citrate",
    "coated",
    "coli",
    "comprime",
    "comprimes",
    "concentrate",
    "cream",
    "daily",
    "disodique",
    "disodium",
    "dose",
    "doses",
    "drops",
    "erwinia",
    "film",
    "flacon",
    "flacons",
    "for",
    "g",
    "gel",
    "gelule",
    "gelules",
    "hcl",
    "hydrochloride",
    "im",
    "infusion",
    "inj",
    "injectable",
    "injection",
    "intrathecal",
    "intravenous",
    "iu",
    "iv",
    "kg",
    "liposomal",
    "liquid",
    "maleate",
    "mcg",
    "mesilate",
    "mesylate",
    "mg",
    "ml",
    "mmol",
    "of",
    "once",
    "oral",
    "per",
    "perfusion",
    "phosphate",
    "po",
    "potassium",
    "poudre",
    "powder",
    "recombinant",
    "sc",
    "sirop",
    "sodique",
    "sodium",
    "solution",
    "sulfate",
    "sulphate",
    "suspension",
    "syrup",
    "tab",
    "tablet",
    "tablets",
    "tabs",
    "take",
    "tartrate",
    "tds",
    "tid",
    "twice",
    "unit",
    "units",
    "vial",
    "vials",
    "with",
];

/// A run of query key characters between word boundaries or letter/digit
/// changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// First key character (index into [`Query::chars`]).
    pub start: usize,
    /// One past the last key character.
    pub end: usize,
    /// Letters only and not a label word: may take part in typo runs.
    pub typo_ok: bool,
}

/// Splits the query into tokens. O(L log |LABEL_WORDS|).
pub(crate) fn tokens(q: &Query) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut word = String::new();
    for (i, f) in q.folded.iter().enumerate() {
        let digit = f.ch.is_numeric();
        let split = i == 0 || {
            let p = &q.folded[i - 1];
            p.word != f.word || p.ch.is_numeric() != digit
        };
        if split {
            finish(&mut tokens, &word);
            word.clear();
            tokens.push(Token {
                start: i,
                end: i,
                typo_ok: !digit,
            });
        }
        word.push(f.ch);
        if let Some(t) = tokens.last_mut() {
            t.end = i + 1;
        }
    }
    finish(&mut tokens, &word);
    tokens
}

/// Clears `typo_ok` of the last token if it is a label word.
fn finish(tokens: &mut [Token], word: &str) {
    if let Some(t) = tokens.last_mut() {
        if LABEL_WORDS.binary_search(&word).is_ok() {
            t.typo_ok = false;
        }
    }
}

/// Whether `token` may be a word of another drug's name: letters only, not a
/// label word, at least [`MIN_FOREIGN_WORD_CHARS`] long, and not itself a
/// whole name in the index (`Gleevec imatinib` names one drug twice).
/// O(log w) for `w` word keys.
pub(crate) fn foreign(index: &Index, q: &Query, token: &Token) -> bool {
    if !token.typo_ok || token.end - token.start < MIN_FOREIGN_WORD_CHARS {
        return false;
    }
    let key = &q.key.as_bytes()[q.char_at[token.start]..q.char_at[token.end]];
    !index.fwd.exact_range(key).any(|i| index.fwd.off[i] == 0)
}

/// Which tokens are [`foreign`], one flag per token.
fn foreign_tokens(index: &Index, q: &Query, tokens: &[Token]) -> Vec<bool> {
    tokens.iter().map(|t| foreign(index, q, t)).collect()
}

/// Whether the run of tokens `s..e` touches a foreign token: then the run
/// is part of another drug's name and matches nothing.
fn touches_foreign(foreign: &[bool], (s, e): (usize, usize)) -> bool {
    (s > 0 && foreign[s - 1]) || foreign.get(e).copied().unwrap_or(false)
}

/// Runs of consecutive tokens `(first, last + 1)` of at most `max` tokens,
/// except the whole query.
fn spans(n: usize, max: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..n)
        .flat_map(move |s| (s + 1..=n.min(s + max)).map(move |e| (s, e)))
        .filter(move |&(s, e)| (s, e) != (0, n))
}

/// Exact runs: names written verbatim inside a longer query.
pub(crate) fn exact(index: &Index, q: &Query, tokens: &[Token], found: &mut Collector) {
    if tokens.len() < 2 {
        return;
    }
    let foreign = foreign_tokens(index, q, tokens);
    for (s, e) in spans(tokens.len(), MAX_SPAN_TOKENS) {
        if touches_foreign(&foreign, (s, e)) {
            continue;
        }
        let (a, b) = (tokens[s].start, tokens[e - 1].end);
        let key = &q.key.as_bytes()[q.char_at[a]..q.char_at[b]];
        for i in index.fwd.exact_range(key) {
            let entry = index.fwd.entry[i];
            let off = index.fwd.off[i];
            // The last words of a name stand for it when long enough
            // (`ozogamicin 1 mg`); a short tail would be noise (`C`).
            if off > 0 && b - a < MIN_TAIL_CHARS {
                continue;
            }
            let full = off + key.len() as u32;
            let uncovered = (q.chars.len() - (b - a)) as u32;
            found.push(Cand {
                rank: Rank {
                    tier: TIER_WORDS,
                    score: score::words(uncovered, off > 0),
                    name_len: full,
                    entry,
                },
                target: index.target_of(entry),
                kind: MatchKind::Words,
                span: (off, full),
            });
        }
    }
}

/// Misspelt (or partly typed) names inside a longer query.
pub(crate) fn typos(index: &Index, q: &Query, tokens: &[Token], found: &mut Collector) {
    if tokens.len() < 2 {
        return;
    }
    let foreign = foreign_tokens(index, q, tokens);
    let mut runs: Vec<(usize, usize)> = spans(tokens.len(), MAX_TYPO_SPAN_TOKENS)
        .filter(|&(s, e)| tokens[s..e].iter().all(|t| t.typo_ok))
        .filter(|&run| !touches_foreign(&foreign, run))
        .map(|(s, e)| (tokens[s].start, tokens[e - 1].end))
        .filter(|&(a, b)| budget(b - a) > 0)
        .collect();
    // Longest first, then leftmost; spans are distinct, so the order is total.
    runs.sort_unstable_by_key(|&(a, b)| (std::cmp::Reverse(b - a), a));
    runs.truncate(MAX_TYPO_SPANS);
    let mut matches = Vec::new();
    for (a, b) in runs {
        matches.clear();
        typo::find(index, &q.chars[a..b], true, true, &mut matches);
        for m in &matches {
            let full = index.key_of(m.entry).len() as u32;
            let uncovered = (q.chars.len() - (b - a)) as u32;
            found.push(Cand {
                rank: Rank {
                    tier: TIER_WORDS_TYPO,
                    score: score::words_typo(m.cost, m.prefix, uncovered),
                    name_len: full,
                    entry: m.entry,
                },
                target: index.target_of(m.entry),
                kind: MatchKind::Words,
                span: (0, if m.prefix { m.matched } else { full }),
            });
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn label_words_are_sorted_and_folded() {
        assert!(LABEL_WORDS.windows(2).all(|w| w[0] < w[1]));
        for w in LABEL_WORDS {
            assert_eq!(crate::normalize(w), *w);
        }
    }

    #[test]
    fn spans_skip_the_whole_query() {
        let all: Vec<_> = spans(3, 4).collect();
        assert_eq!(all, [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)]);
        assert_eq!(spans(1, 4).count(), 0);
    }
}
