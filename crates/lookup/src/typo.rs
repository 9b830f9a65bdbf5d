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
//! These costs and the budgets are defined in the `score` module. The budget
//! grows with the query's key length `L` ([`budget`]): 0 up to 3 characters
//! (short codes such as `MP` or `VP` never match anything else), 1 up to 9,
//! 2 from 10. The *start* of a word key may also match
//! ([`prefix_budget`]: from 6 characters, 1 edit, 2 from 10), so a long
//! partial word still completes: `cyclophosfam` → cyclophosphamide. `f` and
//! `ph` are also tried for each other, each swap counting as one edit
//! (`cyclofosfamide` is four plain edits from cyclophosphamide).
//!
//! # Candidate search
//!
//! The sorted word keys (see the `store` module) form an implicit trie: the
//! keys below a node are a contiguous range, and a child's range ends where
//! the longest common prefix drops, found in a step or two. A depth-first
//! walk computes each node's dynamic-programming row (query against the
//! node's path) once, banded (Ukkonen: the `2k + 1` cells near the diagonal,
//! O(k) per node), and cuts every subtree whose row minimum exceeds the
//! budget. When a row has no slack (its minimum is the budget), only a child
//! whose character matches a query character near the diagonal can stay
//! within budget, so the other children are skipped without a row.
//!
//! The densely branching top of the trie would still make a walk with budget
//! `k` visit a large share of all nodes, so the search is anchored:
//!
//! * **First letter.** As a first-letter edit costs 2, a match either
//!   starts with the query's first letter (or its first two swapped) or has
//!   that edit as its only one (`k = 2`); the latter are found by three
//!   binary searches.
//! * **Split** (forward-backward method, after Mihov and Schulz). In an
//!   alignment with at most `k` edits, let `F` be the edits among the first
//!   `R_f` characters of the name and `B` those among its last `R_b`.
//!   Accepted matches are at least `L - 1` characters long, so with
//!   `R_f + R_b ≤ L - 2` the two regions are disjoint and `F + B ≤ k`: either
//!   `F ≤ k - 1` or `B = 0`. One walk of the forward keys allows only `k - 1`
//!   edits in its first `R_f` rows (for `k = 1` it starts from the exact first
//!   `R_f` characters, one binary search); another walk, of the *reversed*
//!   keys with the reversed query, starts from the exact last `R_b`
//!   characters. Together they find every match (a test checks this against
//!   brute force). Prefix matches need the forward walk, so they are found
//!   when the first letter is right and the first `R_f` characters hold at
//!   most `k - 1` edits.
//!
//! Cost per query: a few binary searches plus the trie nodes within budget
//! and their children, O(k) and O(1) each; with 100 000 names typically a
//! hundred to a few hundred rows and under two thousand children (see the
//! benchmark example for times). Candidates are verified with a weighted
//! O(L²) dynamic program.

use crate::hit::MatchKind;
use crate::query::Query;
use crate::rank::{Cand, Collector, Rank};
use crate::score::{self, budget, prefix_budget, MIN_WORDS_PREFIX_CHARS, TIER_TYPO};
use crate::store::{Index, KeyArray};

/// Queries (or query word runs) longer than this many key characters get no
/// typo tolerance: drug names are shorter, and this bounds the work.
pub(crate) const MAX_TYPO_CHARS: usize = 64;

/// Unit cost standing for "no whole-key match" (above every budget).
const NO_MATCH: u8 = u8::MAX;

/// A verified typo match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TypoMatch {
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
pub(crate) fn tier(index: &Index, q: &Query, found: &mut Collector) {
    if q.has_digit {
        return;
    }
    let mut matches = Vec::new();
    find(index, &q.chars, false, true, &mut matches);
    for m in matches {
        let full = index.key_of(m.entry).len() as u32;
        found.push(Cand {
            rank: Rank {
                tier: TIER_TYPO,
                score: score::typo(m.cost, m.prefix, m.off > 0),
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
/// considered, and their start matches from [`MIN_WORDS_PREFIX_CHARS`]
/// characters on, exactly or
/// within [`prefix_budget`]; otherwise every word key is considered and its
/// start matches only with at least one edit (exact prefixes are the prefix
/// tier's). With `variants`, `q` is also tried with `f` and `ph` spelt the
/// other way ([`score::SPELLING_VARIANT_COST`] per replacement).
pub(crate) fn find(
    index: &Index,
    q: &[char],
    names_only: bool,
    variants: bool,
    out: &mut Vec<TypoMatch>,
) {
    let len = q.len();
    let k = budget(len);
    if k == 0 || len > MAX_TYPO_CHARS || q.iter().any(|c| c.is_numeric()) {
        return;
    }
    let kp = if names_only {
        (len >= MIN_WORDS_PREFIX_CHARS).then(|| prefix_budget(len))
    } else {
        Some(prefix_budget(len)).filter(|&p| p > 0)
    };
    search(index, q, k, kp, 0, names_only, out);
    if !variants {
        return;
    }
    for (variant, rewrites) in [
        spelling_variant(q, &['f'], &['p', 'h']),
        spelling_variant(q, &['p', 'h'], &['f']),
    ] {
        let cost = rewrites.saturating_mul(score::SPELLING_VARIANT_COST);
        if cost == 0 || cost > k {
            continue;
        }
        let kp = kp.and_then(|p| p.checked_sub(cost));
        search(index, &variant, k - cost, kp, cost, names_only, out);
    }
}

/// `q` with every `from` replaced by `to`, and the number of replacements.
///
/// `f` and `ph` sound alike and are spelt either way across languages and
/// eras (`sulfate`/`sulphate`, `ciclofosfamida`), but are two or three edits
/// apart; the typo search also tries the query spelt the other way, each
/// replacement costing [`score::SPELLING_VARIANT_COST`].
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
    // (entry, word key offset, unit cost of the whole key or NO_MATCH,
    // prefix match) of every candidate.
    let mut raw: Vec<(u32, u32, u8, bool)> = Vec::new();
    if k == 0 {
        // Nothing left to spend: exact lookups of the word keys.
        let key: String = q.iter().collect();
        let range = match kp {
            Some(0) => index.fwd.prefix_range(key.as_bytes()),
            _ => index.fwd.exact_range(key.as_bytes()),
        };
        for i in range {
            let whole = index.fwd.key(i).len() == key.len();
            let cost = if whole { 0 } else { NO_MATCH };
            raw.push((index.fwd.entry[i], index.fwd.off[i], cost, !whole));
        }
    } else {
        let plan = Plan::new(q.len());
        let mut fwd = |i: usize, whole: u8, prefix: bool| {
            raw.push((index.fwd.entry[i], index.fwd.off[i], whole, prefix));
        };
        let forward = Limits {
            k,
            kp,
            strict_rows: plan.fwd_rows,
            strict_budget: k - 1,
        };
        if k == 1 {
            walk(&index.fwd, q, forward, &q[..plan.fwd_rows], &mut fwd);
        } else {
            // An edit at the first letter costs 2, so together with another
            // edit it exceeds every budget: other matches start with the
            // query's first letter, or its first two swapped.
            walk(&index.fwd, q, forward, &q[..1], &mut fwd);
            if q[0] != q[1] {
                walk(&index.fwd, q, forward, &[q[1], q[0]], &mut fwd);
            }
            first_letter_edits(index, q, &mut raw);
        }
        let reversed: Vec<char> = q.iter().rev().copied().collect();
        let backward = Limits {
            k,
            kp: None,
            strict_rows: 0,
            strict_budget: k,
        };
        let anchor = &reversed[..plan.rev_rows];
        walk(
            &index.rev,
            &reversed,
            backward,
            anchor,
            &mut |i, unit, _| {
                raw.push((index.rev.entry[i], index.rev.off[i], unit, false));
            },
        );
    }
    if names_only {
        raw.retain(|&(_, off, _, _)| off == 0);
    }
    raw.sort_unstable_by_key(|&(entry, off, _, _)| (entry, off));
    let mut chars = Vec::new();
    let mut scratch = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let (entry, off, mut unit, mut prefix) = raw[i];
        i += 1;
        while i < raw.len() && (raw[i].0, raw[i].1) == (entry, off) {
            unit = unit.min(raw[i].2);
            prefix |= raw[i].3;
            i += 1;
        }
        let bytes = index.key_of(entry).get(off as usize..).unwrap_or_default();
        chars.clear();
        chars.extend(std::str::from_utf8(bytes).unwrap_or_default().chars());
        // Cheap rejections before the weighted check: a first-letter edit
        // adds one to the unit cost, and two edits may not change the
        // length by two.
        let first_kept =
            chars.first() == q.first() || (chars.len() > 1 && chars[0] == q[1] && chars[1] == q[0]);
        let whole = unit <= k && (first_kept || unit < k) && chars.len().abs_diff(q.len()) <= 1;
        if !whole && !prefix {
            continue;
        }
        let prefix_budget = if prefix { kp } else { None };
        let found = verify(q, &chars, whole.then_some(k), prefix_budget, &mut scratch);
        if let Some((cost, len, is_prefix)) = found {
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

/// Appends the word keys one edit of the first letter away from `q` (the
/// only match such an edit allows when it costs the whole budget of 2): a
/// different first letter, a missing one or an extra one. Three binary
/// searches, in the reversed keys for the two that keep the query's end.
fn first_letter_edits(index: &Index, q: &[char], raw: &mut Vec<(u32, u32, u8, bool)>) {
    let rest: String = q[1..].iter().collect();
    for i in index.fwd.exact_range(rest.as_bytes()) {
        raw.push((index.fwd.entry[i], index.fwd.off[i], 1, false));
    }
    for tail in [&q[1..], q] {
        let reversed: String = tail.iter().rev().collect();
        for i in index.rev.prefix_range(reversed.as_bytes()) {
            // Exactly one more character than `tail`.
            let extra = &index.rev.key(i)[reversed.len()..];
            if extra.first().is_some_and(|&b| utf8_len(b) == extra.len()) {
                raw.push((index.rev.entry[i], index.rev.off[i], 1, false));
            }
        }
    }
}

/// Length of the UTF-8 sequence starting with byte `b` (1 for invalid).
fn utf8_len(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// How the search is split between the walks (see the module docs):
/// `R_f + R_b = L - 2`, evenly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Plan {
    /// Rows of the forward walks that allow only `k - 1` edits.
    fwd_rows: usize,
    /// Rows of the backward walk that must match exactly.
    rev_rows: usize,
}

impl Plan {
    /// Splits a query of `len` ≥ 4 key characters.
    fn new(len: usize) -> Plan {
        let room = len - 2;
        let rev_rows = room / 2;
        Plan {
            fwd_rows: room - rev_rows,
            rev_rows,
        }
    }
}

/// Budgets of one walk.
#[derive(Clone, Copy, Debug)]
struct Limits {
    /// Whole-key budget: 1 or 2.
    k: u8,
    /// Prefix budget, if prefixes are wanted.
    kp: Option<u8>,
    /// Rows `1..=strict_rows` allow only `strict_budget` edits.
    strict_rows: usize,
    strict_budget: u8,
}

/// Walks `keys` for `q` from the keys starting with `anchor`, calling
/// `emit(key index, unit cost of the whole key or NO_MATCH, prefix match)`
/// for every key that may match within `limits` (unit costs; verified
/// later).
fn walk(
    keys: &KeyArray,
    q: &[char],
    limits: Limits,
    anchor: &[char],
    emit: &mut dyn FnMut(usize, u8, bool),
) {
    if limits.k == 1 {
        Walk::<3>::new(q, limits, keys).run(anchor, emit);
    } else {
        Walk::<5>::new(q, limits, keys).run(anchor, emit);
    }
}

/// One depth-first walk of a sorted key array as a trie, with budget
/// `k = B / 2` (band width `B = 2k + 1`).
struct Walk<'a, const B: usize> {
    /// The query, padded: `qpad[i + k + 1] = q[i]`, and `'\0'` (never a key
    /// character) before and after.
    qpad: Vec<char>,
    len: usize,
    keys: &'a KeyArray,
    limits: Limits,
    /// `rows[d][t]`: distance between the query's first `d - k + t`
    /// characters and the current path's first `d`, for the `B` cells around
    /// the diagonal (Ukkonen); cells off the query are `k + 1`, as is every
    /// cell whose true value is larger.
    rows: Vec<[u8; 8]>,
    /// `path[d - 1]`: character at depth `d` of the current path.
    path: Vec<char>,
    /// `ends[d]`: byte length of the current path's first `d` characters.
    ends: Vec<usize>,
    /// `pbest[d]`: best prefix cost on the path up to depth `d`, or `k + 1`.
    pbest: Vec<u8>,
    /// `mins[d]`: minimum of row `d`.
    mins: Vec<u8>,
}

impl<'a, const B: usize> Walk<'a, B> {
    const K: usize = B / 2;
    const CAP: u8 = (B / 2 + 1) as u8;

    /// A walk with budget `k = B / 2`, which must be `limits.k`.
    fn new(q: &[char], limits: Limits, keys: &'a KeyArray) -> Walk<'a, B> {
        debug_assert_eq!(usize::from(limits.k), Self::K);
        let k = Self::K;
        let len = q.len();
        let mut qpad = vec!['\0'; len + 2 * k + B + 2];
        qpad[k + 1..k + 1 + len].copy_from_slice(q);
        // Row L + k + 1 has no cell within budget, so the walk never goes
        // deeper.
        let max_depth = len + k + 1;
        let mut rows = vec![[Self::CAP; 8]; max_depth + 1];
        for (t, cell) in rows[0][..B].iter_mut().enumerate() {
            // Query prefix length j = t - k against the empty path: j edits.
            if let Some(j) = t.checked_sub(k).filter(|&j| j <= len) {
                *cell = j as u8;
            }
        }
        Walk {
            qpad,
            len,
            keys,
            limits,
            rows,
            path: vec!['\0'; max_depth],
            ends: vec![0; max_depth + 1],
            pbest: vec![Self::CAP; max_depth + 1],
            mins: vec![0; max_depth + 1],
        }
    }

    /// Budget of row `d`.
    fn budget(&self, d: usize) -> u8 {
        if d <= self.limits.strict_rows {
            self.limits.strict_budget
        } else {
            self.limits.k
        }
    }

    /// Calls `emit` (see [`walk`]) for every key that starts with `anchor`
    /// and may match within budget.
    fn run(mut self, anchor: &[char], emit: &mut dyn FnMut(usize, u8, bool)) {
        let mut prefix = String::new();
        for (i, &ch) in anchor.iter().enumerate() {
            let d = i + 1;
            prefix.push(ch);
            let min = self.step(d, ch);
            self.ends[d] = prefix.len();
            if min > self.budget(d) {
                return;
            }
        }
        let range = self.keys.prefix_range(prefix.as_bytes());
        self.visit(range.start, range.end, anchor.len(), emit);
    }

    /// Visits the trie node at depth `d` (row `d` computed), whose keys are
    /// `lo..hi`.
    fn visit(&mut self, lo: usize, hi: usize, d: usize, emit: &mut dyn FnMut(usize, u8, bool)) {
        let p = self.ends[d];
        let mut i = lo;
        // Keys ending here sort first.
        while i < hi && self.keys.key(i).len() == p {
            let last = self.last(d);
            let prefix = self.prefix_hit(d);
            if last < Self::CAP || prefix {
                emit(i, if last < Self::CAP { last } else { NO_MATCH }, prefix);
            }
            i += 1;
        }
        if i >= hi {
            return;
        }
        // Without slack, a child stays within budget only through a match,
        // so only query characters near the diagonal need a step.
        let tight = self.mins[d] >= self.budget(d + 1) && !self.prefix_hit(d);
        let mut near = ['\0'; 8];
        near[..=B].copy_from_slice(&self.qpad[d..=d + B]);
        let mut j = i;
        while j < hi {
            let (c, n) = decode(self.keys.key(j), p);
            let end = self.keys.block_end(j, p + n, hi);
            if !tight || near.contains(&c) {
                self.child(j, end, d, c, n, emit);
            }
            j = end;
        }
    }

    /// Steps from depth `d` to its child `c` (`n` bytes), whose keys are
    /// `lo..hi`, and visits it if within budget.
    fn child(
        &mut self,
        lo: usize,
        hi: usize,
        d: usize,
        c: char,
        n: usize,
        emit: &mut dyn FnMut(usize, u8, bool),
    ) {
        let min = self.step(d + 1, c);
        self.ends[d + 1] = self.ends[d] + n;
        if min <= self.budget(d + 1) {
            self.visit(lo, hi, d + 1, emit);
        } else if self.prefix_hit(d + 1) {
            // Beyond budget for whole keys, but everything below starts
            // with a matching prefix.
            for x in lo..hi {
                emit(x, NO_MATCH, true);
            }
        }
    }

    /// Whether the path up to depth `d` has a prefix within the prefix
    /// budget.
    fn prefix_hit(&self, d: usize) -> bool {
        self.limits.kp.is_some_and(|kp| self.pbest[d] <= kp)
    }

    /// Cell `D[L][d]`: the whole query against the path's first `d`
    /// characters, or `k + 1` if out of band.
    fn last(&self, d: usize) -> u8 {
        (self.len + Self::K)
            .checked_sub(d)
            .filter(|&t| t < B)
            .map_or(Self::CAP, |t| self.rows[d][t])
    }

    /// Computes row `d` of the current path for character `ch`; returns its
    /// minimum and updates `path` and `pbest`. O(k), without branches on
    /// the band's position thanks to the padded query.
    fn step(&mut self, d: usize, ch: char) -> u8 {
        let cap = Self::CAP;
        let prev = self.rows[d - 1];
        let (prev2, pc) = if d >= 2 {
            (self.rows[d - 2], self.path[d - 2])
        } else {
            ([cap; 8], '\0')
        };
        // Cell t is query prefix length j = d - k + t. It takes j - 1 from
        // prev[t] (substitution), j from prev[t + 1] (extra path character),
        // j - 1 from the cell before (missing query character) and j - 2
        // from prev2[t] (swap). Padding makes cells before the query k + 1
        // and the j = 0 cell d.
        let q = &self.qpad[d - 1..d + B];
        let mut cur = [cap; 8];
        let mut before = cap;
        for t in 0..B {
            let (qc, qp) = (q[t + 1], q[t]);
            let mut v = (prev[t] + u8::from(qc != ch))
                .min(prev[t + 1] + 1)
                .min(before + 1);
            if qc == pc && qp == ch && qc != ch {
                v = v.min(prev2[t] + 1);
            }
            before = v.min(cap);
            cur[t] = before;
        }
        // Cells past the end of the query do not exist.
        let valid = (self.len + Self::K + 1).saturating_sub(d).min(B);
        let mut min = cap;
        for (t, cell) in cur[..B].iter_mut().enumerate() {
            if t >= valid {
                *cell = cap;
            }
            min = min.min(*cell);
        }
        self.rows[d] = cur;
        self.mins[d] = min;
        self.path[d - 1] = ch;
        let last = self.last(d);
        let hit = match self.limits.kp {
            Some(kp) if last <= kp => last,
            _ => cap,
        };
        self.pbest[d] = self.pbest[d - 1].min(hit);
        min
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
/// or `None`. `scratch` is reused memory. O(|q| · min(|c|, |q| + k)).
pub(crate) fn verify(
    q: &[char],
    c: &[char],
    whole: Option<u8>,
    prefix: Option<u8>,
    scratch: &mut Vec<u16>,
) -> Option<(u8, usize, bool)> {
    let len = q.len();
    let k = whole.unwrap_or(0).max(prefix.unwrap_or(0));
    let rows = c.len().min(len + usize::from(k));
    let w = len + 1;
    scratch.clear();
    scratch.resize((rows + 1) * w, 0);
    let d = &mut scratch[..];
    for j in 1..=len {
        d[j] = d[j - 1] + score::indel_cost(q[j - 1], j);
    }
    for i in 1..=rows {
        let ci = c[i - 1];
        d[i * w] = d[(i - 1) * w] + score::indel_cost(ci, i);
        for j in 1..=len {
            let qj = q[j - 1];
            let mut v = (d[(i - 1) * w + j - 1] + score::substitution_cost(qj, j, ci, i))
                .min(d[(i - 1) * w + j] + score::indel_cost(ci, i))
                .min(d[i * w + j - 1] + score::indel_cost(qj, j));
            if i >= 2 && j >= 2 && qj == c[i - 2] && q[j - 2] == ci && qj != ci {
                v = v.min(d[(i - 2) * w + j - 2] + score::swap_cost(qj, ci));
            }
            d[i * w + j] = v;
        }
    }
    let fits = |cost: u16, budget: u8, m: usize| score::accepts(cost, budget, m, len);
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn whole(q: &str, c: &str) -> Option<u8> {
        let k = budget(q.chars().count());
        verify(&chars(q), &chars(c), Some(k), None, &mut Vec::new()).map(|(cost, _, _)| cost)
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
        let scratch = &mut Vec::new();
        assert_eq!(
            verify(&q, &c, Some(2), Some(2), scratch),
            Some((2, 13, true))
        );
        assert_eq!(verify(&q, &c, Some(2), None, scratch), None);
    }

    #[test]
    fn plan_regions_are_disjoint() {
        for len in 4..=MAX_TYPO_CHARS {
            let plan = Plan::new(len);
            assert!(plan.fwd_rows + plan.rev_rows < len - 1, "{len}");
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
