//! The `SoundsLike` tier: names written the way they sound.
//!
//! Every name's phonetic key (see the `phonetic` module) is indexed when the
//! index is built, in sorted word-key arrays of the same layout as the
//! names' (`Index::sound`).
//! The query's phonetic key is then looked up there:
//!
//! * exactly, as a whole phonetic word key (`sitoxan` → `sitoksan`, the key
//!   of Cytoxan), or from [`MIN_SOUND_PREFIX_CHARS`] characters as the start
//!   of one (`siklofosf`);
//! * within a few edits, with the typo matcher of the `typo` module run on
//!   the phonetic keys, with its budgets and weights (for the phonetic key's
//!   length), and without its `f`/`ph` variants (phonetic keys have no `ph`).
//!   The start of a phonetic word key matches with edits only from
//!   [`MIN_SOUND_TYPO_PREFIX_CHARS`] characters. This search, the costly
//!   part, runs only when no other tier found anything: a query that a
//!   spelling match already explains gets sound-alike suggestions only from
//!   equal phonetic keys.
//!
//! Phonetic keys shorter than [`MIN_SOUND_CHARS`] get no sound-alike match.
//!
//! The tier is the last one ([`TIER_SOUND`]): a drug found by any spelling
//! match keeps that match, and drugs found only by sound rank after every
//! drug found by spelling. Like the typo tier, it runs only when no name was
//! typed exactly and places are left, and never for a query with a digit
//! (codes and doses are matched exactly).
//!
//! Cost: computing the query's phonetic key, O(L); two binary searches; and,
//! when nothing else was found, one typo search of the phonetic word keys,
//! which are about as many as the names' (so about the typo tier's cost
//! again).

use crate::hit::MatchKind;
use crate::phonetic;
use crate::query::Query;
use crate::rank::{Cand, Collector, Rank};
use crate::score::{
    self, MIN_SOUND_CHARS, MIN_SOUND_PREFIX_CHARS, MIN_SOUND_TYPO_PREFIX_CHARS, TIER_SOUND,
};
use crate::store::Index;
use crate::typo::{self, TypoMatch};

/// Adds the sound-alike matches of `q` to `found`.
pub(crate) fn tier(index: &Index, q: &Query, found: &mut Collector) {
    let Some(sound) = index.sound() else {
        return;
    };
    if q.has_digit {
        return;
    }
    let key = phonetic::query_key(&q.folded);
    if key.len() < MIN_SOUND_CHARS || key.len() > typo::MAX_TYPO_CHARS {
        return;
    }
    // Edit-tolerant phonetic matches only when no spelling matched at all.
    let alone = found.distinct() == 0;
    let text: String = key.iter().collect();
    let mut matches = Vec::new();
    let range = if key.len() >= MIN_SOUND_PREFIX_CHARS {
        sound.fwd.prefix_range(text.as_bytes())
    } else {
        sound.fwd.exact_range(text.as_bytes())
    };
    for i in range {
        let word = sound.fwd.key(i).len() as u32;
        let matched = text.len() as u32;
        matches.push(TypoMatch {
            entry: sound.fwd.entry[i],
            off: sound.fwd.off[i],
            matched,
            cost: 0,
            prefix: matched < word,
        });
    }
    if alone {
        typo::find(sound, &key, false, false, &mut matches);
    }
    for m in matches {
        if m.prefix && m.cost > 0 && key.len() < MIN_SOUND_TYPO_PREFIX_CHARS {
            continue;
        }
        let score = score::sound(m.cost, m.prefix, m.off > 0);
        if found.rejects(TIER_SOUND, score) {
            continue;
        }
        let entry = m.entry;
        let full = index.key_of(entry).len() as u32;
        found.push(Cand {
            rank: Rank {
                tier: TIER_SOUND,
                score,
                name_len: full,
                entry,
            },
            target: index.target_of(entry),
            kind: MatchKind::SoundsLike,
            span: (word_start(index, entry, m.off), full),
        });
    }
}

/// Byte offset, in the key of `entry`, of the word at which its phonetic
/// key has the byte offset `off`: a phonetic key has one word per word of
/// the name. 0 when `off` is 0 or nothing lines up. O(length of the name).
fn word_start(index: &Index, entry: u32, off: u32) -> u32 {
    if off == 0 {
        return 0;
    }
    let text = index.text(entry).unwrap_or("");
    let mut folded = Vec::new();
    let phonetic = phonetic::text_key(text, &mut folded);
    let mut at = 0;
    let mut word = 0;
    for w in phonetic.split(' ') {
        if at >= off as usize {
            break;
        }
        at += w.len();
        word += 1;
    }
    let mut byte = 0;
    let mut seen = 0;
    let mut last = None;
    for f in &folded {
        if last != Some(f.word) {
            if seen == word {
                return byte;
            }
            last = Some(f.word);
            seen += 1;
        }
        byte += f.ch.len_utf8() as u32;
    }
    0
}
