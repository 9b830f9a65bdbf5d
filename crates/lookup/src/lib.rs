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
//! 6. [`MatchKind::SoundsLike`]: the query is written the way a name sounds,
//!    in English or French (`sitoxan` → Cytoxan, `siklofosfamid`,
//!    `metotreksat`). Every name also has a *phonetic key*, a folding of
//!    spellings of the same sounds (c/k/s, ph/f, qu/k, y/i, a silent h,
//!    doubled letters, a final e, vowel spellings such as ee/i or ou/u; see
//!    the `phonetic` module); the query's phonetic key is matched exactly,
//!    by its start, or within a few edits.
//!
//! `Words` ranks above `Typo` when the name appears verbatim in the query:
//! every letter of a whole name was typed, so it is stronger evidence than a
//! guess at a misspelling. When the name inside a longer query was itself
//! misspelt, the evidence is weaker than a typo match that explains the
//! *whole* query, so it ranks below `Typo`. Within a tier, hits are ordered by
//! [`Hit::score`] (lower is better), then by shorter name, then by entry
//! order.
//!
//! A sound-alike match ranks below every spelling match: a drug found by
//! spelling keeps that match, and drugs found only by sound come after all
//! drugs found by spelling.
//!
//! A name typed exactly is not second-guessed: the tolerant tiers (4 to 6)
//! run only when tiers 1 to 3 found nothing, and only while places are left
//! under the limit. Gibberish and names absent from the index give
//! no hit: every tier needs either an exact piece of a name or an edit
//! distance bounded by the query's length (see [`Index::search`]).
//!
//! # Cost
//!
//! With `n` names, build is O(n log n) (four sorts: the word keys and the
//! phonetic word keys, forwards and reversed) and about 135 bytes of heap
//! per name for typical names ([`Index::heap_bytes`]).
//! Queries never compare the query with every name: exact and prefix matches
//! are binary searches in a sorted array of word keys, and typo candidates
//! come from a depth-first walk of that sorted array, viewed as a trie, that
//! prunes every branch whose edit distance already exceeds the budget (see
//! the `typo` module). The sound-alike tier runs the same search on the
//! phonetic keys.
//!
//! # Modules
//!
//! Index storage is kept apart from the search that runs the tiers, and the
//! scoring formula (tier order, edit costs, budgets, each tier's score) lives
//! in `score` alone. A module may use only the modules in its row, so the
//! dependency graph is acyclic; this crate root only declares the modules and
//! re-exports the public items (a test checks every module's `crate::`
//! imports against this table).
//!
//! | Module        | Holds                                          | May use                                                |
//! |---------------|------------------------------------------------|--------------------------------------------------------|
//! | `score`       | tier order, edit costs, budgets, scores        | —                                                      |
//! | `hit`         | [`Hit`], [`MatchKind`]                         | —                                                      |
//! | `query`       | the folded query, [`MAX_QUERY_CHARS`]          | —                                                      |
//! | `phonetic`    | phonetic keys (how a name sounds)              | —                                                      |
//! | `store`       | [`Entry`], [`Index`]: build, storage, access   | `phonetic`                                             |
//! | `rank`        | candidate ranks, best one per target           | `hit`                                                  |
//! | `prefix`      | the `Exact` and `Prefix` tiers                 | `score` `hit` `query` `store` `rank`                   |
//! | `typo`        | typo matcher, the `Typo` tier                  | `score` `hit` `query` `store` `rank`                   |
//! | `words`       | the two `Words` tiers                          | `score` `hit` `query` `store` `rank` `typo`            |
//! | `sound`       | the `SoundsLike` tier                          | `score` `hit` `query` `phonetic` `store` `rank` `typo` |
//! | `search`      | [`Index::search`]: runs tiers, builds hits     | all of the above                                       |
//! | `drugs`       | [`DrugIndex`], [`DrugHit`]                     | `hit` `store`                                          |
//! | `synthetic`   | test and benchmark dictionaries (`bench`)      | `drugs` `hit` `phonetic` `store`                       |
//!
//! A new match tier gets a constant and a score function in `score`, a
//! module beside `prefix`, `typo`, `words` and `sound`, and one call in
//! `search`.
//!
//! # Features
//!
//! `bench` compiles the `synthetic` module (dictionaries and queries for
//! benchmarks); the widget leaves it off.
//!
//! # Portability
//!
//! Pure Rust with no threads, clocks, file system or `unsafe`: it builds for
//! `wasm32-unknown-unknown` as well as natively.

mod drugs;
mod hit;
mod phonetic;
mod prefix;
mod query;
mod rank;
mod score;
mod search;
mod sound;
mod store;
#[cfg(any(test, feature = "bench"))]
pub mod synthetic;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
mod typo;
mod words;

pub use self::drugs::{DrugHit, DrugIndex};
pub use self::hit::{Hit, MatchKind};
pub use self::query::MAX_QUERY_CHARS;
pub use self::store::{Entry, Index};
pub use tg_content::key::normalize;
