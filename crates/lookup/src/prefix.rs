//! The `Exact` and `Prefix` tiers: one prefix range of the forward word keys.
//!
//! The query key is looked up in the sorted word keys with two binary
//! searches (O(log w · |q|) for `w` word keys); every key in the range
//! starts with the query. A key equal to the query that is a whole name is
//! an exact match; any other is a prefix match, scored by the letters left
//! to type.

use crate::hit::MatchKind;
use crate::query::Query;
use crate::rank::{Cand, Collector, Rank};
use crate::score::{self, TIER_EXACT, TIER_PREFIX};
use crate::store::{offset, Index};

/// Adds the exact and prefix matches of `q` to `found`. O(log w · |q|) plus
/// O(log limit) amortised per match kept.
pub(crate) fn tiers(index: &Index, q: &Query, found: &mut Collector) {
    let qlen = q.key.len();
    for i in index.fwd.prefix_range(q.key.as_bytes()) {
        let off = index.fwd.off[i];
        let key = index.fwd.key(i);
        let rest = &key[qlen..];
        let (tier, kind, score) = if rest.is_empty() && off == 0 {
            (TIER_EXACT, MatchKind::Exact, score::EXACT_SCORE)
        } else {
            let left = rest.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32;
            (TIER_PREFIX, MatchKind::Prefix, score::prefix(left, off > 0))
        };
        // Short queries can match thousands of keys: rank them from
        // what is at hand before touching the entry's data.
        if found.rejects(tier, score) {
            continue;
        }
        let entry = index.fwd.entry[i];
        found.push(Cand {
            rank: Rank {
                tier,
                score,
                name_len: off + key.len() as u32,
                entry,
            },
            target: index.target_of(entry),
            kind,
            span: (off, off + offset(qlen)),
        });
    }
}
