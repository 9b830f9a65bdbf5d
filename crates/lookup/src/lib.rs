//! Drug-name lookup: from what a reader typed to the generic drug.
//!
//! Readers type what is on a prescription label or what a nurse said: a
//! brand name, a code, an abbreviation, a misspelling, in any case, with or
//! without accents, sometimes with the salt, dose or form attached. An
//! [`Index`] is built once from every known name ([`Entry`]: a generic name or
//! a synonym, each pointing at its drug, the *target*) and then answers
//! [`Index::search`] with at most one [`Hit`] per target, best first.
//!
//! # Matching
//!
//! Text is folded into a *key* by [`normalize()`] (case, accents, compatibility
//! forms and separators do not matter). A name's *word keys* are its key and
//! the key suffixes that start at each of its later words, so `Inotuzumab
//! ozogamicin` has the word keys `inotuzumabozogamicin` and `ozogamicin`.
//! Tiers, best first:
//!
//! 1. [`MatchKind::Exact`]: the query key equals a name's key
//!    (`arac` for `Ara-C`).
//! 2. [`MatchKind::Prefix`]: the query key starts one of a name's word keys
//!    (`dauno` → daunorubicin, `ozogamicin` → inotuzumab ozogamicin).
//! 3. [`MatchKind::Words`] with the name written correctly: the query has
//!    extra words around a name (`Gleevec 400 mg`, `imatinib mesylate`).
//! 4. [`MatchKind::Typo`]: the query key is within a few edits of a word key
//!    or of the start of one (`vincrisitne`, `cyclophosfam`).
//! 5. [`MatchKind::Words`] whose name itself needed typo tolerance
//!    (`Gleevac 400 mg`).
//!
//! `Words` ranks above `Typo` when the name appears verbatim in the query:
//! every letter of a whole name was typed, so it is stronger evidence than a
//! guess at a misspelling. When the name inside a longer query was itself
//! misspelt, the evidence is weaker than a typo match that explains the
//! *whole* query, so it ranks below `Typo`. Within a tier, hits are ordered by
//! [`Hit::score`] (lower is better), then by shorter name, then by entry
//! order.
//!
//! A name typed exactly is not second-guessed: the typo-tolerant tiers (4
//! and 5) run only when tiers 1 and 3 found nothing, and only while places
//! are left under the limit. Gibberish and names absent from the index give
//! no hit: every tier needs either an exact piece of a name or an edit
//! distance bounded by the query's length (see [`Index::search`]).
//!
//! # Cost
//!
//! With `n` names, build is O(n log n) (two sorts of the word keys) and about
//! 80 bytes of heap per name for typical names ([`Index::heap_bytes`]).
//! Queries never compare the query with every name: exact and prefix matches
//! are binary searches in a sorted array of word keys, and typo candidates
//! come from a depth-first walk of that sorted array, viewed as a trie, that
//! prunes every branch whose edit distance already exceeds the budget (see
//! the `typo` module).
//!
//! # Portability
//!
//! Pure Rust with no threads, clocks, file system or `unsafe`: it builds for
//! `wasm32-unknown-unknown` as well as natively.

mod drugs;
mod index;
mod rank;
pub mod synthetic;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod typo;
mod words;

use std::ops::Range;

pub use self::drugs::{DrugHit, DrugIndex};
pub use self::index::Index;
pub use tg_content::key::normalize;

/// Queries are cut to this many characters (Unicode scalar values) before
/// matching; the rest is ignored.
///
/// Drug names are far shorter, and the cap bounds the work per query: the
/// typo tier's dynamic-programming rows and the number of word spans the
/// `Words` tier tries both grow with the query length.
pub const MAX_QUERY_CHARS: usize = 100;

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

/// How a [`Hit`] matched its name.
///
/// Ranking (best first): `Exact`, `Prefix`, `Words` with a verbatim name,
/// `Typo`, `Words` with a misspelt name; see the [module docs](self) for why.
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
}

/// One search result: the best match found for one drug.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    /// The drug (from [`Entry::target`]).
    pub target: u32,
    /// Index of the matched [`Entry`] in the order given to [`Index::build`].
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
    /// the name (so longer names come first).
    pub score: u32,
}
