//! The scoring formula, in one place: the order of the tiers, what an edit
//! costs, how many edits a query may spend, and how each tier scores a match.
//!
//! A candidate ranks by tier first (lower is better), then by score within
//! its tier (lower is better); see [`crate::rank`] for the rest of the order
//! and [`Hit::score`](crate::Hit::score) for the public description.
//! This module depends on no other.

/// Tier of an exact match (best).
pub(crate) const TIER_EXACT: u8 = 0;
/// Tier of a prefix match.
pub(crate) const TIER_PREFIX: u8 = 1;
/// Tier of a `Words` match whose name appears verbatim.
pub(crate) const TIER_WORDS: u8 = 2;
/// Tier of a typo match.
pub(crate) const TIER_TYPO: u8 = 3;
/// Tier of a `Words` match whose name needed typo tolerance.
pub(crate) const TIER_WORDS_TYPO: u8 = 4;
/// Tier of a sound-alike match (worst): below every spelling match.
pub(crate) const TIER_SOUND: u8 = 5;

// ---- Budgets -------------------------------------------------------------

/// Edit budget for matching a whole word key with a query of `len` key
/// characters: none up to 3 (short codes such as `MP` never match anything
/// else), 1 up to 9, 2 from 10.
pub(crate) fn budget(len: usize) -> u8 {
    match len {
        0..=3 => 0,
        4..=9 => 1,
        _ => 2,
    }
}

/// Edit budget for matching the start of a word key with a query of `len`
/// key characters: none up to 5, 1 up to 9, 2 from 10.
pub(crate) fn prefix_budget(len: usize) -> u8 {
    match len {
        0..=5 => 0,
        6..=9 => 1,
        _ => 2,
    }
}

/// In the `Words` tier, the start of a name matches (exactly or within
/// [`prefix_budget`]) from this many key characters on.
pub(crate) const MIN_WORDS_PREFIX_CHARS: usize = 5;

/// In the `Words` tiers, a query word of at least this many letters that
/// touches a name and is neither a label word nor a name may belong to
/// another drug's name, and disqualifies the match (`gemtuzumab` in
/// `gemtuzumab ozogamicin`). The words that make a name another substance's
/// are mostly at least this long (`pegol`, `vedotin`, `ozogamicin`,
/// `autoleucel`); shorter words are mostly articles, prepositions and
/// abbreviations (`de`, `for`, `side`), so they are left alone.
pub(crate) const MIN_FOREIGN_WORD_CHARS: usize = 5;

/// The sound-alike tier runs only for a query whose phonetic key has at
/// least this many characters: shorter ones are codes and abbreviations
/// (`q` sounds like the `C` of Ara-C), matched only as typed.
pub(crate) const MIN_SOUND_CHARS: usize = 4;
/// In the sound-alike tier, a phonetic query key of at least this many
/// characters also matches the start of a name's phonetic word key exactly
/// (`siklofosf`); shorter ones match only whole keys.
pub(crate) const MIN_SOUND_PREFIX_CHARS: usize = 6;
/// In the sound-alike tier, the start of a name's phonetic word key matches
/// with edits (within [`prefix_budget`]) only from this many characters of
/// the query's phonetic key: shorter, and everyday words start drug names
/// (`doktor`, one edit from `doksor…`, doxorubicin).
pub(crate) const MIN_SOUND_TYPO_PREFIX_CHARS: usize = 9;

// ---- Edit costs ----------------------------------------------------------

/// Cost of an ordinary edit: a missing, extra or wrong character, or two
/// neighbours swapped (including the first two letters).
pub(crate) const EDIT_COST: u16 = 1;
/// Cost of an edit touching the first character of the query or of the name:
/// people rarely get it wrong, and names that differ only there are often
/// other drugs (betamethasone vs dexamethasone).
pub(crate) const FIRST_CHAR_COST: u16 = 2;
/// Cost of a forbidden edit (one involving a digit): above every budget, so
/// `VP-16` is never `VP-17`.
pub(crate) const FORBIDDEN: u16 = 100;
/// Cost of spelling `f` for `ph` or the reverse, per replacement.
pub(crate) const SPELLING_VARIANT_COST: u8 = 1;

/// Cost of `ch` missing or extra at 1-based position `at` of its string.
#[inline]
pub(crate) fn indel_cost(ch: char, at: usize) -> u16 {
    if ch.is_numeric() {
        FORBIDDEN
    } else {
        position_cost(at)
    }
}

/// Cost of the query's character `q` (at 1-based `q_at`) written as the
/// name's `c` (at 1-based `c_at`): free when equal.
#[inline]
pub(crate) fn substitution_cost(q: char, q_at: usize, c: char, c_at: usize) -> u16 {
    if q == c {
        0
    } else if q.is_numeric() || c.is_numeric() {
        FORBIDDEN
    } else {
        position_cost(q_at).max(position_cost(c_at))
    }
}

/// Cost of two different neighbours `a` and `b` swapped.
#[inline]
pub(crate) fn swap_cost(a: char, b: char) -> u16 {
    if a.is_numeric() || b.is_numeric() {
        FORBIDDEN
    } else {
        EDIT_COST
    }
}

/// Cost of an edit at 1-based position `at`, digits aside.
#[inline]
fn position_cost(at: usize) -> u16 {
    if at == 1 {
        FIRST_CHAR_COST
    } else {
        EDIT_COST
    }
}

/// Whether a match of weighted `cost` within `budget` is accepted when it
/// covers `matched` characters of the name for a query of `len`: a match
/// costing 2 or more must not change the length by more than one
/// (prednisolone is not a misspelt prednisone).
#[inline]
pub(crate) fn accepts(cost: u16, budget: u8, matched: usize, len: usize) -> bool {
    cost <= u16::from(budget) && (cost < 2 || matched.abs_diff(len) <= 1)
}

// ---- Scores per tier -----------------------------------------------------

/// Score of an exact match.
pub(crate) const EXACT_SCORE: u32 = 0;
/// Extra score of a prefix match that starts at a later word of the name.
pub(crate) const PREFIX_LATER_WORD: u32 = 3;
/// Score per weighted edit of a typo match.
pub(crate) const TYPO_PER_EDIT: u32 = 10;
/// Extra score of a typo match of only the start of a word key.
pub(crate) const TYPO_PREFIX: u32 = 5;
/// Extra score of a typo match that starts at a later word of the name.
pub(crate) const TYPO_LATER_WORD: u32 = 2;
/// Extra score of a `Words` run matching only a name's later words.
pub(crate) const WORDS_LATER_WORDS: u32 = 3;
/// Score per weighted edit of a misspelt name in the `Words` tier.
pub(crate) const WORDS_PER_EDIT: u32 = 100;
/// Extra score of a misspelt name in the `Words` tier of which only the
/// start was typed.
pub(crate) const WORDS_PREFIX: u32 = 50;

/// Score per weighted edit of a sound-alike match (edits between phonetic
/// keys).
pub(crate) const SOUND_PER_EDIT: u32 = 10;
/// Extra score of a sound-alike match of only the start of a word key.
pub(crate) const SOUND_PREFIX: u32 = 5;
/// Extra score of a sound-alike match that starts at a later word.
pub(crate) const SOUND_LATER_WORD: u32 = 2;

/// Score of a prefix match with `left` characters of the word key left to
/// type, starting at a later word of the name or not.
#[inline]
pub(crate) fn prefix(left: u32, later_word: bool) -> u32 {
    left + if later_word { PREFIX_LATER_WORD } else { 0 }
}

/// Score of a typo match of weighted `cost`, of only the start of a word key
/// or not, starting at a later word of the name or not.
#[inline]
pub(crate) fn typo(cost: u8, prefix: bool, later_word: bool) -> u32 {
    TYPO_PER_EDIT * u32::from(cost)
        + TYPO_PREFIX * u32::from(prefix)
        + TYPO_LATER_WORD * u32::from(later_word)
}

/// Score of a verbatim name in a longer query that leaves `uncovered` query
/// characters outside it, matching only the name's later words or not.
#[inline]
pub(crate) fn words(uncovered: u32, later_words: bool) -> u32 {
    uncovered + if later_words { WORDS_LATER_WORDS } else { 0 }
}

/// Score of a misspelt (or partly typed) name in a longer query: weighted
/// `cost`, only the start typed or not, `uncovered` query characters outside
/// it.
#[inline]
pub(crate) fn words_typo(cost: u8, prefix: bool, uncovered: u32) -> u32 {
    WORDS_PER_EDIT * u32::from(cost) + WORDS_PREFIX * u32::from(prefix) + uncovered
}

/// Score of a sound-alike match: weighted `cost` of the edits between the
/// phonetic keys (0 when they are equal), of only the start of a phonetic
/// word key or not, starting at a later word of the name or not.
#[inline]
pub(crate) fn sound(cost: u8, prefix: bool, later_word: bool) -> u32 {
    SOUND_PER_EDIT * u32::from(cost)
        + SOUND_PREFIX * u32::from(prefix)
        + SOUND_LATER_WORD * u32::from(later_word)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn budgets_grow_with_length() {
        assert_eq!((budget(3), budget(4), budget(9), budget(10)), (0, 1, 1, 2));
        assert_eq!(
            (prefix_budget(5), prefix_budget(6), prefix_budget(10)),
            (0, 1, 2)
        );
    }

    #[test]
    fn tiers_are_ordered() {
        let tiers = [
            TIER_EXACT,
            TIER_PREFIX,
            TIER_WORDS,
            TIER_TYPO,
            TIER_WORDS_TYPO,
            TIER_SOUND,
        ];
        assert!(tiers.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn scores_follow_the_documented_formula() {
        // `Hit::score` documents these figures.
        assert_eq!(prefix(4, false), 4);
        assert_eq!(prefix(4, true), 7);
        assert_eq!(typo(1, false, false), 10);
        assert_eq!(typo(2, true, true), 27);
        assert_eq!(words(6, false), 6);
        assert_eq!(words(6, true), 9);
        assert_eq!(words_typo(1, true, 7), 157);
        assert_eq!(sound(0, false, false), 0);
        assert_eq!(sound(1, true, true), 17);
    }

    #[test]
    fn edit_costs() {
        assert_eq!(substitution_cost('a', 3, 'a', 1), 0);
        assert_eq!(substitution_cost('a', 3, 'b', 3), EDIT_COST);
        assert_eq!(substitution_cost('a', 1, 'b', 2), FIRST_CHAR_COST);
        assert_eq!(substitution_cost('6', 3, '7', 3), FORBIDDEN);
        assert_eq!(indel_cost('x', 1), FIRST_CHAR_COST);
        assert_eq!(indel_cost('1', 4), FORBIDDEN);
        assert_eq!(swap_cost('a', 'b'), EDIT_COST);
        assert!(accepts(1, 1, 12, 10));
        assert!(!accepts(2, 2, 12, 10));
        assert!(!accepts(2, 1, 10, 10));
    }
}
