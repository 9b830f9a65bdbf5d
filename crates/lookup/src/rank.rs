//! Ranking candidates and keeping the best one per target.

use std::cmp::Ordering;

use crate::hit::MatchKind;

/// Sort key of a candidate: tier, then score (both from the `score` module),
/// then shorter name (key bytes), then entry order. Lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Rank {
    pub tier: u8,
    pub score: u32,
    pub name_len: u32,
    pub entry: u32,
}

/// A possible hit before deduplication.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand {
    pub rank: Rank,
    pub target: u32,
    pub kind: MatchKind,
    /// Matched byte range of the entry's key, for highlighting.
    pub span: (u32, u32),
}

/// An order of candidates. Every sort here takes this one function-pointer
/// type, so the sort is compiled once into the WebAssembly, not per closure.
type Order = fn(&Cand, &Cand) -> Ordering;

/// Best rank first.
const BY_RANK: Order = |a, b| a.rank.cmp(&b.rank);

/// By target, best rank first within a target.
const BY_TARGET: Order = |a, b| (a.target, a.rank).cmp(&(b.target, b.rank));

/// Keeps the best candidate of each target and the best `limit` targets.
///
/// Candidates are buffered; whenever the buffer reaches twice its allowance
/// it is settled: sorted by target, deduplicated, then sorted by rank and cut
/// to the `limit` best. A target
/// cut then had `limit` better targets, so it can never reach the result,
/// and a later, better candidate for it is still considered on its own. Once
/// `limit` targets are settled, candidates ranking below all of them are
/// dropped on arrival. Cost: O(1) per dropped candidate, O(log b) amortised
/// per kept one, for a buffer allowance `b`.
pub(crate) struct Collector {
    limit: usize,
    buf: Vec<Cand>,
    /// Length of the settled part at the front of `buf`.
    settled: usize,
    /// Best tier pushed so far.
    best_tier: u8,
    /// Once `limit` targets are settled, the worst of their ranks: a new
    /// candidate that is not better cannot enter the result.
    bar: Option<Rank>,
}

impl Collector {
    /// A collector for at most `limit` (≥ 1) hits.
    pub fn new(limit: usize) -> Collector {
        Collector {
            limit: limit.max(1),
            buf: Vec::new(),
            settled: 0,
            best_tier: u8::MAX,
            bar: None,
        }
    }

    /// Adds a candidate.
    pub fn push(&mut self, c: Cand) {
        self.best_tier = self.best_tier.min(c.rank.tier);
        if self.bar.is_some_and(|bar| c.rank >= bar) {
            return;
        }
        self.buf.push(c);
        if self.buf.len() - self.settled >= self.limit.saturating_mul(2).max(32) {
            self.settle();
        }
    }

    /// Whether a candidate of this tier and score would be dropped: cheaper
    /// to ask than to build the candidate.
    pub fn rejects(&self, tier: u8, score: u32) -> bool {
        self.bar
            .is_some_and(|bar| (tier, score) > (bar.tier, bar.score))
    }

    /// Whether any candidate so far has a tier of at most `tier`.
    pub fn has_tier(&self, tier: u8) -> bool {
        self.best_tier <= tier
    }

    /// Number of distinct targets among the candidates so far, at most
    /// `limit`.
    pub fn distinct(&mut self) -> usize {
        self.settle();
        self.buf.len()
    }

    /// The best candidate per target, best first, at most `limit` of them.
    pub fn finish(mut self) -> Vec<Cand> {
        self.settle();
        self.buf.sort_unstable_by(BY_RANK);
        self.buf
    }

    fn settle(&mut self) {
        if self.settled == self.buf.len() {
            return;
        }
        self.buf.sort_unstable_by(BY_TARGET);
        self.buf.dedup_by_key(|c| c.target);
        if self.buf.len() >= self.limit {
            self.buf.sort_unstable_by(BY_RANK);
            self.buf.truncate(self.limit);
            self.bar = self.buf.iter().map(|c| c.rank).max();
        }
        self.settled = self.buf.len();
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::score::TIER_PREFIX;

    fn cand(target: u32, score: u32) -> Cand {
        Cand {
            rank: Rank {
                tier: TIER_PREFIX,
                score,
                name_len: 5,
                entry: target * 10 + score,
            },
            target,
            kind: MatchKind::Prefix,
            span: (0, 1),
        }
    }

    #[test]
    fn best_per_target_and_limit() {
        let mut c = Collector::new(3);
        for i in 0..2000u32 {
            c.push(cand(i % 50, 1000 - i % 997));
        }
        let out = c.finish();
        assert_eq!(out.len(), 3);
        let mut targets: Vec<u32> = out.iter().map(|c| c.target).collect();
        targets.dedup();
        assert_eq!(targets.len(), 3);
        assert!(out.windows(2).all(|w| w[0].rank <= w[1].rank));
        // Brute force: best score per target, three best targets.
        let mut best = vec![u32::MAX; 50];
        for i in 0..2000u32 {
            let t = (i % 50) as usize;
            best[t] = best[t].min(1000 - i % 997);
        }
        let mut expect = best.clone();
        expect.sort_unstable();
        let got: Vec<u32> = out.iter().map(|c| c.rank.score).collect();
        assert_eq!(got, expect[..3]);
    }

    #[test]
    fn huge_limit() {
        let mut c = Collector::new(usize::MAX);
        for i in 0..600u32 {
            c.push(cand(i % 7, i));
        }
        assert_eq!(c.distinct(), 7);
        assert_eq!(c.finish().len(), 7);
    }
}
