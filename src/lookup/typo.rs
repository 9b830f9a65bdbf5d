//! Typo tolerance: finding word keys within a few edits of the query.
//!
//! # Distance
//!
//! Edits are those of the optimal-string-alignment (restricted
//! Damerau-Levenshtein) distance: a missing, extra or wrong character, or two
//! neighbours swapped. Matches are *verified* with weights that encode how
//! people misspell drug names:
//!
//! * an edit touching the first character of the query or of the name costs
//!   2 (people rarely get the first letter wrong, and names that differ only
//!   there are often other drugs: betamethasone vs dexamethasone), except a
//!   swap of the first two letters, which costs 1;
//! * an edit involving a digit is forbidden (`VP-16` is not `VP-17`);
//! * a match costing 2 must not change the length by more than one
//!   (prednisolone is not a misspelt prednisone).
//!
//! The budget grows with the query's key length `L` ([`budget`]): 0 up to 3
//! characters (short codes such as `MP` or `VP` never match anything else), 1
//! up to 8, 2 from 9. The *start* of a word key may also match
//! ([`prefix_budget`]: from 6 characters, 1 edit, 2 from 10), so a long
//! partial word still completes: `cyclophosfam` → cyclophosphamide.
//!
//! # Candidate search
//!
//! The sorted word keys (see the `index` module) are walked as an implicit
//! trie: keys are visited in order and the dynamic-programming row of each
//! trie node (query vs the key prefix) is computed once, shared by all keys
//! below it thanks to the stored longest-common-prefix lengths. A node whose
//! row minimum exceeds the budget cuts its whole subtree, which is skipped by
//! a short scan of the LCP array or a galloping binary search. Rows are
//! banded (Ukkonen): only the `2k + 1` cells near the diagonal are computed,
//! so a node costs O(k).
//!
//! The densely branching top of the trie would make a plain walk with
//! budget `k` visit a large share of all nodes, so the search is split
//! (forward-backward method, after Mihov and Schulz): in any alignment with
//! at most `k` edits, let `F` be the edits among the first `R_f` characters of
//! the name and `B` those among its last `R_b`. When `R_f + R_b < L - k` the
//! two regions are disjoint, so `F + B ≤ k`, hence `F ≤ a` or `B ≤ b` whenever
//! `a + b ≥ k - 1`. So one walk of the forward keys allows only `a` edits in
//! its first `R_f` rows, another walk of the *reversed* keys with the reversed
//! query allows only `b` in its first `R_b` rows, and together they find every
//! match. With `k = 1`, `a = b = 0`: each walk starts with a binary search for
//! an exact prefix. With `k = 2`, `a = 1, b = 0`. Prefix matches need the
//! forward walk, so they are found when the first `R_f` rows hold at most
//! `a` edits.
//!
//! Cost per query: two binary searches plus the trie nodes within budget,
//! O(k) each; measured at 100 000 names in the benchmark example (a few
//! microseconds for `k = 1`, some tens for `k = 2`). Candidates are verified
//! with a weighted O(L²) dynamic program.

use super::index::{Index, KeyArray, Query};
use super::rank::{Cand, Collector, Rank, TIER_TYPO};
use super::MatchKind;

/// Queries (or query word runs) longer than this many key characters get no
/// typo tolerance: drug names are shorter, and this bounds the work.
pub(super) const MAX_TYPO_CHARS: usize = 64;

/// Cost of an edit at the first character (see the module docs).
const FIRST_CHAR_COST: u16 = 2;
/// Cost of a forbidden edit (on a digit).
const FORBIDDEN: u16 = 100;

/// Edit budget for matching a whole word key with a query of `len` key
/// characters.
pub(super) fn budget(len: usize) -> u8 {
    match len {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// Edit budget for matching the start of a word key with a query of `len`
/// key characters.
pub(super) fn prefix_budget(len: usize) -> u8 {
    match len {
        0..=5 => 0,
        6..=9 => 1,
        _ => 2,
    }
}

/// A verified typo match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct TypoMatch {
    /// The matched entry.
    pub entry: u32,
    /// Byte offset, in the entry's key, of the matched word key.
    pub off: u32,
    /// Bytes of the word key covered by the match.
    pub matched: u32,
    /// Weighted edit cost.
    pub cost: u8,
    /// Whether only the start of the word key matched.
    pub prefix: bool,
}

/// Typo tier for the whole query.
pub(super) fn tier(index: &Index, q: &Query, found: &mut Collector) {
    if q.has_digit {
        return;
    }
    let mut matches = Vec::new();
    find(index, &q.chars, false, &mut matches);
    for m in matches {
        let (_, full) = index.key_span(m.entry);
        let score = 10 * u32::from(m.cost) + 5 * u32::from(m.prefix) + 2 * u32::from(m.off > 0);
        found.push(Cand {
            rank: Rank {
                tier: TIER_TYPO,
                score,
                name_len: full,
                entry: m.entry,
            },
            target: index.target_of(m.entry),
            kind: MatchKind::Typo,
            span: (m.off, m.off + m.matched),
        });
    }
}

/// Appends to `out` the word keys within budget of `q` (key characters).
///
/// With `names_only`, only whole names (the first word key of an entry) are
/// considered, and their start matches from 5 characters on, exactly or
/// within [`prefix_budget`]; otherwise every word key is considered and its
/// start matches only with at least one edit (exact prefixes are the prefix
/// tier's).
pub(super) fn find(index: &Index, q: &[char], names_only: bool, out: &mut Vec<TypoMatch>) {
    let len = q.len();
    let k = budget(len);
    if k == 0 || len > MAX_TYPO_CHARS || q.iter().any(|c| c.is_numeric()) {
        return;
    }
    let kp = if names_only {
        (len >= 5).then(|| prefix_budget(len))
    } else {
        Some(prefix_budget(len)).filter(|&p| p > 0)
    };
    search(index, q, k, kp, 0, names_only, out);
    for (variant, rewrites) in [spelling_variant(q, &['f'], &['p', 'h']), spelling_variant(q, &['p', 'h'], &['f'])] {
        if rewrites == 0 || rewrites > k {
            continue;
        }
        let kp = kp.and_then(|p| p.checked_sub(rewrites));
        search(index, &variant, k - rewrites, kp, rewrites, names_only, out);
    }
}

/// `q` with every `from` replaced by `to`, and the number of replacements.
///
/// `f` and `ph` sound alike and are spelt either way across languages and
/// eras (`sulfate`/`sulphate`, `ciclofosfamida`), but are two or three edits
/// apart; the typo search also tries the query spelt the other way, each
/// replacement counting as one edit.
fn spelling_variant(q: &[char], from: &[char], to: &[char]) -> (Vec<char>, u8) {
    let mut out = Vec::with_capacity(q.len() + 4);
    let mut count = 0u8;
    let mut i = 0;
    while i < q.len() {
        if q[i..].starts_with(from) {
            out.extend_from_slice(to);
            count = count.saturating_add(1);
            i += from.len();
        } else {
            out.push(q[i]);
            i += 1;
        }
    }
    (out, count)
}

/// Appends the matches of `q` within `k` edits (prefixes within `kp`), each
/// costing `extra` more.
fn search(
    index: &Index,
    q: &[char],
    k: u8,
    kp: Option<u8>,
    extra: u8,
    names_only: bool,
    out: &mut Vec<TypoMatch>,
) {
    let mut raw = Vec::new();
    if k == 0 {
        // Nothing left to spend: exact lookups of the word keys.
        let key: String = q.iter().collect();
        let range = match kp {
            Some(0) => index.fwd.prefix_range(key.as_bytes()),
            _ => index.fwd.exact_range(key.as_bytes()),
        };
        for i in range {
            let r = index.fwd.refs[i];
            let (start, _) = index.key_span(r.entry);
            let whole = r.len as usize == key.len();
            raw.push((r.entry, r.start - start, whole, !whole));
        }
    } else {
        let plan = Plan::new(q.len(), k);
        let walk = Walk::new(q, k, kp, plan.fwd_rows, plan.fwd_budget, &index.fwd);
        walk.run(&mut |i, whole, prefix| {
            let r = index.fwd.refs[i];
            let (start, _) = index.key_span(r.entry);
            raw.push((r.entry, r.start - start, whole, prefix));
        });
        let reversed: Vec<char> = q.iter().rev().copied().collect();
        let walk = Walk::new(&reversed, k, None, plan.rev_rows, 0, &index.rev);
        walk.run(&mut |i, whole, _| {
            let r = index.rev.refs[i];
            let (_, full) = index.key_span(r.entry);
            raw.push((r.entry, full - r.len, whole, false));
        });
    }
    if names_only {
        raw.retain(|&(_, off, _, _)| off == 0);
    }
    raw.sort_unstable_by_key(|&(entry, off, _, _)| (entry, off));
    let mut chars = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let (entry, off, mut whole, mut prefix) = raw[i];
        i += 1;
        while i < raw.len() && (raw[i].0, raw[i].1) == (entry, off) {
            whole |= raw[i].2;
            prefix |= raw[i].3;
            i += 1;
        }
        let (start, full) = index.key_span(entry);
        let bytes = &index.fwd.bytes[(start + off) as usize..(start + full) as usize];
        chars.clear();
        chars.extend(std::str::from_utf8(bytes).unwrap_or("").chars());
        let prefix_budget = if prefix { kp } else { None };
        if let Some((cost, len, is_prefix)) = verify(q, &chars, whole.then_some(k), prefix_budget) {
            let matched: usize = chars[..len].iter().map(|c| c.len_utf8()).sum();
            out.push(TypoMatch {
                entry,
                off,
                matched: matched as u32,
                cost: cost + extra,
                prefix: is_prefix,
            });
        }
    }
}

/// How the search is split between the two walks (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Plan {
    /// Rows of the forward walk that get the reduced budget `fwd_budget`.
    fwd_rows: usize,
    fwd_budget: u8,
    /// Rows of the backward walk that must match exactly.
    rev_rows: usize,
}

impl Plan {
    /// Requires `len > k + 1`, true for every `len` with `budget(len) = k > 0`.
    fn new(len: usize, k: u8) -> Plan {
        let room = len - usize::from(k) - 1;
        let rev_rows = room / 2;
        Plan {
            fwd_rows: room - rev_rows,
            fwd_budget: k - 1,
            rev_rows,
        }
    }
}

/// One depth-first walk of a sorted key array as a trie.
struct Walk<'a> {
    q: &'a [char],
    keys: &'a KeyArray,
    /// Whole-key budget; rows saturate at `k + 1`.
    k: u8,
    /// Prefix budget, if prefixes are wanted.
    kp: Option<u8>,
    /// Rows `1..=strict_rows` allow only `strict_budget` edits.
    strict_rows: usize,
    strict_budget: u8,
    /// `q.len() + 1`.
    width: usize,
    /// Row `d` at `d * width`: the DP row of the current path at depth `d`.
    rows: Vec<u8>,
    /// `path[d - 1]`: character at depth `d` of the current path.
    path: Vec<char>,
    /// `ends[d]`: byte length of the current path's first `d` characters.
    ends: Vec<usize>,
    /// `pbest[d]`: best prefix cost on the path up to depth `d`, or `k + 1`.
    pbest: Vec<u8>,
    /// Characters on the current path.
    depth: usize,
}

impl<'a> Walk<'a> {
    fn new(
        q: &'a [char],
        k: u8,
        kp: Option<u8>,
        strict_rows: usize,
        strict_budget: u8,
        keys: &'a KeyArray,
    ) -> Walk<'a> {
        let width = q.len() + 1;
        // Depth L + k + 1 always has an empty band, so the walk never
        // goes deeper.
        let max_depth = q.len() + usize::from(k) + 1;
        let cap = k + 1;
        let mut rows = vec![cap; (max_depth + 1) * width];
        for (j, cell) in rows[..width].iter_mut().enumerate() {
            *cell = cap.min(j.min(255) as u8);
        }
        Walk {
            q,
            keys,
            k,
            kp,
            strict_rows,
            strict_budget,
            width,
            rows,
            path: vec!['\0'; max_depth],
            ends: vec![0; max_depth + 1],
            pbest: vec![cap; max_depth + 1],
            depth: 0,
        }
    }

    /// Budget of row `d`.
    fn budget(&self, d: usize) -> u8 {
        if d <= self.strict_rows {
            self.strict_budget
        } else {
            self.k
        }
    }

    /// Calls `emit(key index, whole match, prefix match)` for every key that
    /// may match within budget (unit costs; verified later).
    fn run(mut self, emit: &mut dyn FnMut(usize, bool, bool)) {
        let mut range = 0..self.keys.refs.len();
        if self.strict_budget == 0 && self.strict_rows > 0 {
            let mut prefix = String::new();
            for d in 1..=self.strict_rows {
                let ch = self.q[d - 1];
                prefix.push(ch);
                self.step(d, ch);
                self.ends[d] = prefix.len();
            }
            self.depth = self.strict_rows;
            range = self.keys.prefix_range(prefix.as_bytes());
        }
        self.walk(range.start, range.end, emit);
    }

    fn walk(&mut self, lo: usize, hi: usize, emit: &mut dyn FnMut(usize, bool, bool)) {
        let base = self.depth;
        let base_bytes = self.ends[base];
        let mut shared = base_bytes;
        let mut i = lo;
        while i < hi {
            while self.depth > base && self.ends[self.depth] > shared {
                self.depth -= 1;
            }
            let key = self.keys.key(i);
            let mut pos = self.ends[self.depth];
            let mut pruned = false;
            while pos < key.len() {
                let (ch, n) = decode(key, pos);
                pos += n;
                let d = self.depth + 1;
                let min = self.step(d, ch);
                self.ends[d] = pos;
                self.depth = d;
                if min > self.budget(d) {
                    pruned = true;
                    break;
                }
            }
            let prefix = self.kp.is_some_and(|kp| self.pbest[self.depth] <= kp);
            let next = if pruned {
                let p = self.ends[self.depth];
                if prefix {
                    self.visit_block(i, p, hi, emit)
                } else {
                    self.skip_block(i, p, hi)
                }
            } else {
                let whole = self.rows[self.depth * self.width + self.q.len()] <= self.k;
                if whole || prefix {
                    emit(i, whole, prefix);
                }
                i + 1
            };
            // Keys `i` and `next` share at least `lcp[next]` bytes (a lower
            // bound, see `KeyArray::lcp`), and all keys share the base.
            shared = self
                .keys
                .lcp
                .get(next)
                .map_or(0, |&l| usize::from(l).max(base_bytes));
            i = next;
        }
    }

    /// Computes row `d` of the current path for character `ch`; returns its
    /// minimum and updates `path` and `pbest`.
    fn step(&mut self, d: usize, ch: char) -> u8 {
        let w = self.width;
        let len = w - 1;
        let k = usize::from(self.k);
        let cap = self.k + 1;
        let (before, after) = self.rows.split_at_mut(d * w);
        let cur = &mut after[..w];
        let prev = &before[(d - 1) * w..];
        let prev2 = if d >= 2 { &before[(d - 2) * w..(d - 1) * w] } else { &[][..] };
        let pc = if d >= 2 { self.path[d - 2] } else { '\0' };
        let mut min = cap;
        if d <= k {
            cur[0] = d as u8;
            min = d as u8;
        }
        let lo = d.saturating_sub(k).max(1);
        let hi = (d + k).min(len);
        for j in lo..=hi {
            let qc = self.q[j - 1];
            let mut v = prev[j - 1] + u8::from(qc != ch);
            v = v.min(prev[j] + 1).min(cur[j - 1] + 1);
            if j >= 2 && d >= 2 && qc == pc && self.q[j - 2] == ch && qc != ch {
                v = v.min(prev2[j - 2] + 1);
            }
            let v = v.min(cap);
            cur[j] = v;
            min = min.min(v);
        }
        self.path[d - 1] = ch;
        let last = cur[len];
        let hit = match self.kp {
            Some(kp) if last <= kp => last,
            _ => cap,
        };
        self.pbest[d] = self.pbest[d - 1].min(hit);
        min
    }

    /// Emits key `i` and the following keys sharing its first `p` bytes as
    /// prefix matches; returns the index after them.
    fn visit_block(
        &self,
        i: usize,
        p: usize,
        hi: usize,
        emit: &mut dyn FnMut(usize, bool, bool),
    ) -> usize {
        emit(i, false, true);
        let mut j = i + 1;
        while j < hi && usize::from(self.keys.lcp[j]) >= p {
            emit(j, false, true);
            j += 1;
        }
        j
    }

    /// Index of the first key after `i` that does not share key `i`'s first
    /// `p` bytes: a short LCP scan, then galloping and binary search.
    /// O(log s) for a block of `s` keys.
    fn skip_block(&self, i: usize, p: usize, hi: usize) -> usize {
        let lcp = &self.keys.lcp;
        let mut j = i + 1;
        let linear_end = (i + 9).min(hi);
        while j < linear_end {
            if usize::from(lcp[j]) < p {
                return j;
            }
            j += 1;
        }
        if j >= hi {
            return hi;
        }
        let prefix = &self.keys.key(i)[..p];
        let inside = |x: usize| self.keys.key(x).starts_with(prefix);
        // Invariant: keys before `lo` are inside; find the first outside.
        let mut lo = j;
        let mut step = 8;
        let mut end = loop {
            let probe = lo + step;
            if probe >= hi {
                break hi;
            }
            if !inside(probe) {
                break probe;
            }
            lo = probe + 1;
            step *= 2;
        };
        while lo < end {
            let mid = lo + (end - lo) / 2;
            if inside(mid) {
                lo = mid + 1;
            } else {
                end = mid;
            }
        }
        lo
    }
}

/// Decodes the UTF-8 character at `pos` of a key; returns it and its length.
/// Keys are valid UTF-8; anything else decodes as U+FFFD, one byte long.
fn decode(bytes: &[u8], pos: usize) -> (char, usize) {
    let b = bytes[pos];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    let n = match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return (char::REPLACEMENT_CHARACTER, 1),
    };
    bytes
        .get(pos..pos + n)
        .and_then(|s| std::str::from_utf8(s).ok())
        .and_then(|s| s.chars().next())
        .map_or((char::REPLACEMENT_CHARACTER, 1), |c| (c, n))
}

/// Weighted check of a candidate: returns `(cost, matched characters,
/// whether only a prefix matched)` for the cheaper of the whole match (if
/// `whole` gives its budget) and the best prefix match (if `prefix` does),
/// or `None`. O(|q| · min(|c|, |q| + k)).
pub(super) fn verify(
    q: &[char],
    c: &[char],
    whole: Option<u8>,
    prefix: Option<u8>,
) -> Option<(u8, usize, bool)> {
    let len = q.len();
    let k = whole.unwrap_or(0).max(prefix.unwrap_or(0));
    let rows = c.len().min(len + usize::from(k));
    let w = len + 1;
    let mut d = vec![0u16; (rows + 1) * w];
    let first = |i: usize| if i == 1 { FIRST_CHAR_COST } else { 1 };
    let edit = |ch: char, i: usize| if ch.is_numeric() { FORBIDDEN } else { first(i) };
    for j in 1..=len {
        d[j] = d[j - 1] + edit(q[j - 1], j);
    }
    for i in 1..=rows {
        let ci = c[i - 1];
        d[i * w] = d[(i - 1) * w] + edit(ci, i);
        for j in 1..=len {
            let qj = q[j - 1];
            let sub = if qj == ci {
                0
            } else if qj.is_numeric() || ci.is_numeric() {
                FORBIDDEN
            } else {
                first(i).max(first(j))
            };
            let mut v = (d[(i - 1) * w + j - 1] + sub)
                .min(d[(i - 1) * w + j] + edit(ci, i))
                .min(d[i * w + j - 1] + edit(qj, j));
            if i >= 2 && j >= 2 && qj == c[i - 2] && q[j - 2] == ci && qj != ci {
                let digits = qj.is_numeric() || ci.is_numeric();
                v = v.min(d[(i - 2) * w + j - 2] + if digits { FORBIDDEN } else { 1 });
            }
            d[i * w + j] = v;
        }
    }
    let fits = |cost: u16, budget: u8, m: usize| {
        cost <= u16::from(budget) && (cost < 2 || m.abs_diff(len) <= 1)
    };
    let mut best: Option<(u8, usize, bool)> = None;
    if let Some(budget) = whole {
        let cost = d.get(c.len() * w + len).copied();
        if let Some(cost) = cost.filter(|&cost| c.len() <= rows && fits(cost, budget, c.len())) {
            best = Some((cost as u8, c.len(), false));
        }
    }
    if let Some(budget) = prefix {
        for m in 1..rows.min(c.len().saturating_sub(1)) + 1 {
            let cost = d[m * w + len];
            let better = best.is_none_or(|(b, _, _)| cost < u16::from(b));
            if fits(cost, budget, m) && better {
                best = Some((cost as u8, m, true));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn whole(q: &str, c: &str) -> Option<u8> {
        let k = budget(q.chars().count());
        verify(&chars(q), &chars(c), Some(k), None).map(|(cost, _, _)| cost)
    }

    #[test]
    fn budgets_grow_with_length() {
        assert_eq!((budget(3), budget(4), budget(8), budget(9)), (0, 1, 1, 2));
        assert_eq!((prefix_budget(5), prefix_budget(6), prefix_budget(10)), (0, 1, 2));
    }

    #[test]
    fn weighted_edits() {
        assert_eq!(whole("vincrisitne", "vincristine"), Some(1));
        assert_eq!(whole("mecaptopurine", "mercaptopurine"), Some(1));
        assert_eq!(whole("adriamicin", "adriamycin"), Some(1));
        assert_eq!(whole("citarabina", "cytarabine"), Some(2));
        // First letter costs two.
        assert_eq!(whole("sytarabine", "cytarabine"), Some(2));
        assert_eq!(whole("kleevec", "gleevec"), None);
        assert_eq!(whole("betamethasone", "dexamethasone"), None);
        // Swapping the first two letters is one edit.
        assert_eq!(whole("miatinib", "imatinib"), Some(1));
        // Two edits may change the length by one at most.
        assert_eq!(whole("prednisolone", "prednisone"), None);
        // Digits are never edited.
        assert_eq!(whole("vp17", "vp16"), None);
    }

    #[test]
    fn weighted_prefix() {
        let q = chars("cyclophosfam");
        let c = chars("cyclophosphamide");
        assert_eq!(verify(&q, &c, Some(2), Some(2)), Some((2, 13, true)));
        assert_eq!(verify(&q, &c, Some(2), None), None);
    }

    #[test]
    fn plan_regions_are_disjoint() {
        for len in 4..=MAX_TYPO_CHARS {
            let k = budget(len);
            let plan = Plan::new(len, k);
            assert!(plan.fwd_rows + plan.rev_rows < len - usize::from(k), "{len}");
            assert!(usize::from(plan.fwd_budget) >= usize::from(k) - 1);
            assert!(plan.fwd_rows >= 1 && plan.rev_rows >= 1, "{len}");
        }
    }

    #[test]
    fn decode_never_panics() {
        assert_eq!(decode("aé".as_bytes(), 1), ('é', 2));
        assert_eq!(decode(&[0xC3], 0), (char::REPLACEMENT_CHARACTER, 1));
        assert_eq!(decode(&[0x80], 0), (char::REPLACEMENT_CHARACTER, 1));
    }
}
