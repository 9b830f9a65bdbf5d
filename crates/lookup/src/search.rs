//! [`Index::search`]: folds the query, runs the tiers in order and turns
//! the best candidates into hits.

use std::ops::Range;

use tg_content::key::fold_into;

use crate::hit::Hit;
use crate::query::Query;
use crate::rank::{Cand, Collector};
use crate::score::TIER_WORDS;
use crate::store::Index;
use crate::{prefix, sound, typo, words};

impl Index {
    /// Finds the drugs `query` most likely means: at most `limit` hits, at
    /// most one per target, best first (see the [crate docs](crate) for the
    /// tiers and their order, sound-alike matches last).
    ///
    /// The query is cut to [`MAX_QUERY_CHARS`](crate::MAX_QUERY_CHARS)
    /// characters. An empty query, or one with no letter or digit, gives no
    /// hit. Never panics.
    ///
    /// Edit budgets grow with the number of key characters `L` of the query
    /// (or of a run of its words in the `Words` tier): none up to 3, 1 up to
    /// 9, 2 from 10. Two edits must not change the length by more than one,
    /// an edit of the first letter counts as two, `f` for `ph` (or the
    /// reverse) as one, and digits are never edited, so codes and doses are
    /// matched exactly. The start of a longer name matches with typos from 6
    /// letters on (1 edit, 2 from 10).
    ///
    /// Cost with `w` word keys: exact, prefix and `Words` are binary searches,
    /// O(log w) per query or per run of up to 4 query words, plus the prefix
    /// matches found (each costs O(log limit) amortised). The typo tier walks
    /// the sorted keys as a trie from a few anchors at either end of the
    /// query and visits only branches within budget: with 100 000 names
    /// typically a hundred to a few hundred O(budget) rows and under two
    /// thousand O(1) child steps, growing slowly with `w`. The sound-alike
    /// tier adds two binary searches of the phonetic keys and, only when no
    /// other tier found anything, the same walk over them.
    ///
    /// ```
    /// use tg_lookup::{Entry, Index, MatchKind};
    ///
    /// let index = Index::build(vec![
    ///     Entry::new("Vincristine", 0),
    ///     Entry::new("Oncovin", 0),
    ///     Entry::new("Cytarabine", 1),
    ///     Entry::new("Ara-C", 1),
    /// ]);
    ///
    /// let hits = index.search("ARA C", 5);
    /// assert_eq!((hits[0].target, hits[0].kind), (1, MatchKind::Exact));
    ///
    /// let hits = index.search("vincrisitne", 5);
    /// assert_eq!((hits[0].target, hits[0].kind), (0, MatchKind::Typo));
    ///
    /// let hits = index.search("sitarabeen", 5);
    /// assert_eq!((hits[0].target, hits[0].kind), (1, MatchKind::SoundsLike));
    ///
    /// let hits = index.search("Oncovin 1 mg/mL injection", 5);
    /// assert_eq!((hits[0].target, hits[0].kind), (0, MatchKind::Words));
    /// assert_eq!(hits[0].ranges, vec![0..7]);
    ///
    /// assert!(index.search("ibuprofen", 5).is_empty());
    /// ```
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        if limit == 0 || self.fwd.len() == 0 {
            return Vec::new();
        }
        let q = Query::new(query);
        if q.chars.is_empty() {
            return Vec::new();
        }
        let mut found = Collector::new(limit);
        prefix::tiers(self, &q, &mut found);
        let tokens = words::tokens(&q);
        words::exact(self, &q, &tokens, &mut found);
        // A name typed exactly, alone or among other words, is not second-
        // guessed: typo tolerance only runs without one, and only while
        // free places are left (lower tiers cannot displace what is found).
        let guess = |found: &mut Collector| !found.has_tier(TIER_WORDS) && found.distinct() < limit;
        if guess(&mut found) {
            typo::tier(self, &q, &mut found);
        }
        if guess(&mut found) {
            words::typos(self, &q, &tokens, &mut found);
        }
        // Names as they sound, last: below every spelling match.
        if guess(&mut found) {
            sound::tier(self, &q, &mut found);
        }
        found.finish().iter().map(|c| self.hit(c)).collect()
    }

    /// Turns a candidate into a hit, mapping its key span back to the text.
    fn hit(&self, c: &Cand) -> Hit {
        let text = self.text(c.rank.entry).unwrap_or("");
        Hit {
            target: c.target,
            entry: c.rank.entry,
            kind: c.kind,
            ranges: highlight(text, c.span),
            score: c.rank.score,
        }
    }
}

/// Byte range of `text` whose folded key bytes cover `span`: from the start
/// of the first key character in `span` to the end of the last, separators
/// in between included. O(|text|).
fn highlight(text: &str, span: (u32, u32)) -> Vec<Range<usize>> {
    let mut folded = Vec::new();
    fold_into(text, &mut folded);
    let mut at = 0u32;
    let mut range: Option<Range<usize>> = None;
    for f in &folded {
        let here = at;
        at += f.ch.len_utf8() as u32;
        if here < span.0 || here >= span.1 {
            continue;
        }
        let (start, end) = (f.start as usize, f.end as usize);
        range = Some(match range {
            None => start..end,
            Some(r) => r.start.min(start)..r.end.max(end),
        });
    }
    range.into_iter().filter(|r| !r.is_empty()).collect()
}
