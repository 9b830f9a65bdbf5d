//! The public result types: [`Hit`] and its [`MatchKind`].

use std::ops::Range;

/// How a [`Hit`] matched its name.
///
/// Ranking (best first): `Exact`, `Prefix`, `Words` with a verbatim name,
/// `Typo`, `Words` with a misspelt name, `SoundsLike`; see the
/// [crate docs](crate) for why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// The query is the name, up to case, accents and separators.
    Exact,
    /// The query is the beginning of one of the name's words (and of the rest
    /// of the name from that word on).
    Prefix,
    /// The query is within a few edits (missing, extra, wrong or swapped
    /// letters) of a name, of a name's later words, or of their beginning.
    Typo,
    /// The query contains the name as a run of its words, plus other words
    /// such as a salt, dose or form. The name may be misspelt, only begun
    /// (from 5 letters) or reduced to its last words (from 5 letters).
    Words,
    /// The query is written the way the name sounds (`sitoxan` for Cytoxan,
    /// `siklofosfamid`): their phonetic keys are equal, the query's is the
    /// start of the name's (from 6 characters), or they are within a few
    /// edits. Ranks below every spelling match.
    SoundsLike,
}

/// One search result: the best match found for one drug.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    /// The drug (from [`Entry::target`](crate::Entry::target)).
    pub target: u32,
    /// Index of the matched [`Entry`](crate::Entry) in the order given to
    /// [`Index::build`](crate::Index::build).
    pub entry: u32,
    /// How the name matched.
    pub kind: MatchKind,
    /// Byte ranges into the entry's original text covering the matched part,
    /// for highlighting: non-empty, on `char` boundaries, in increasing order.
    /// Currently a single range from the first to the last matched letter
    /// (separators and accents inside it included).
    pub ranges: Vec<Range<usize>>,
    /// Rank within the tier; lower is better. `Exact`: 0. `Prefix`: letters
    /// left to type, plus 3 when the match starts at a later word. `Typo`:
    /// 10 per edit (a first-letter edit counts twice), plus 5 for a prefix
    /// match, plus 2 when the match starts at a later word. `Words`: 100 per
    /// edit, plus 50 when only the start of the name was typed, plus 3 when
    /// only its last words were, plus the number of query letters outside
    /// the name (so longer names come first). `SoundsLike`: 10 per edit
    /// between the phonetic keys, plus 5 when only the start of the name's
    /// key matched, plus 2 when the match starts at a later word.
    pub score: u32,
}
