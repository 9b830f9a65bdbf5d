//! Synthetic dictionaries, every single and double edit of the shipped names, and the typo search against brute force.

use super::*;

#[test]
fn synthetic_dictionary_still_finds_real_drugs() {
    let index = Index::build(dictionary(20_000, 11));
    for (q, generic, kind) in [
        ("vincristine", "vincristine", MatchKind::Exact),
        ("Ara-C", "cytarabine", MatchKind::Exact),
        ("vincrisitne", "vincristine", MatchKind::Typo),
        ("mecaptopurine", "mercaptopurine", MatchKind::Typo),
        ("Gleevec 400 mg", "imatinib", MatchKind::Words),
    ] {
        expect(&index, q, generic, kind);
    }
}

#[test]
fn synthetic_queries_find_their_names() {
    let names = dictionary(3000, 5);
    let index = Index::build(names.clone());
    for kind in [
        MatchKind::Exact,
        MatchKind::Prefix,
        MatchKind::Typo,
        MatchKind::Words,
        MatchKind::SoundsLike,
    ] {
        let queries = synthetic::queries(&names, kind, 300, 9);
        assert_eq!(queries.len(), 300);
        let found = queries
            .iter()
            .filter(|q| !index.search(q, 5).is_empty())
            .count();
        assert!(found * 100 >= queries.len() * 95, "{kind:?}: {found}/300");
    }
}

/// Every single edit of every name (five letters or more, no digits) that
/// keeps its first letter finds the name's drug first, unless the edit
/// lands within one edit of another drug's name too (Cytosar / Cytoxan).
#[test]
fn every_single_edit_away_from_the_first_letter_is_found() {
    let entries = fixture();
    let index = Index::build(entries.clone());
    let mut checked = 0;
    for entry in &entries {
        let key: Vec<char> = crate::normalize(&entry.text).chars().collect();
        if key.len() < 5 || key.iter().any(|c| c.is_numeric()) {
            continue;
        }
        let mut variants: Vec<Vec<char>> = Vec::new();
        for i in 1..key.len() {
            let mut v = key.clone();
            v.remove(i);
            variants.push(v);
            if i + 1 < key.len() {
                let mut v = key.clone();
                v.swap(i, i + 1);
                variants.push(v);
            }
            for letter in 'a'..='z' {
                let mut v = key.clone();
                v[i] = letter;
                variants.push(v);
                let mut v = key.clone();
                v.insert(i, letter);
                variants.push(v);
            }
        }
        for v in variants {
            let query: String = v.iter().collect();
            let hits = index.search(&query, 5);
            let first = hits
                .first()
                .unwrap_or_else(|| panic!("{query:?} ({}) found nothing", entry.text));
            checked += 1;
            if first.target != entry.target {
                let other: Vec<char> = crate::normalize(index.text(first.entry).unwrap_or(""))
                    .chars()
                    .collect();
                let near = verify(&v, &other, Some(1), Some(1), &mut Vec::new()).is_some();
                assert!(
                    near,
                    "{query:?} ({}) found {:?}",
                    entry.text,
                    index.text(first.entry)
                );
            }
        }
    }
    assert!(checked > 15_000);
}

/// Two edits in a long name (ten letters or more), away from the first
/// letter and changing the length by at most one, mostly still find it.
#[test]
fn most_double_edits_of_long_names_are_found() {
    let entries = fixture();
    let index = Index::build(entries.clone());
    let mut rng = Rng::new(3);
    let (mut total, mut found, mut wrong) = (0, 0, 0);
    while total < 3000 {
        let entry = &entries[rng.below(entries.len())];
        let mut v: Vec<char> = crate::normalize(&entry.text).chars().collect();
        if v.len() < 11 || v.iter().any(|c| c.is_numeric()) {
            continue;
        }
        let mut grown = 0i32;
        for _ in 0..2 {
            let at = 1 + rng.below(v.len() - 2);
            let letter = char::from(b'a' + rng.below(26) as u8);
            match rng.below(4) {
                0 => v[at] = letter,
                1 if grown > -1 => {
                    v.remove(at);
                    grown -= 1;
                }
                2 if grown < 1 => {
                    v.insert(at, letter);
                    grown += 1;
                }
                _ => v.swap(at, at + 1),
            }
        }
        total += 1;
        let query: String = v.iter().collect();
        match index.search(&query, 5).first() {
            Some(h) if h.target == entry.target => found += 1,
            Some(_) => wrong += 1,
            None => {}
        }
    }
    assert!(found * 100 >= total * 90, "{found}/{total}");
    assert!(wrong * 100 <= total, "{wrong}/{total}");
}

/// All word keys `(entry, offset, cost)` whose whole text is within the
/// budget of `q`, by brute force.
fn brute_force(index: &Index, q: &[char]) -> HashSet<(u32, u32, u8)> {
    let mut out = HashSet::new();
    let k = budget(q.len());
    for i in 0..index.fwd.len() {
        let c: Vec<char> = std::str::from_utf8(index.fwd.key(i))
            .unwrap()
            .chars()
            .collect();
        if let Some((cost, _, _)) = verify(q, &c, Some(k), None, &mut Vec::new()) {
            out.insert((index.fwd.entry[i], index.fwd.off[i], cost));
        }
    }
    out
}

/// The split trie walk finds every whole-key match brute force finds.
#[test]
fn typo_search_is_complete() {
    let mut rng = Rng::new(42);
    for (size, seed) in [(300, 1), (2000, 2), (6000, 3)] {
        let names = dictionary(size, seed);
        let index = Index::build(names.clone());
        let mut queries = synthetic::queries(&names, MatchKind::Typo, 400, seed + 10);
        // Also random edits anywhere, including the first letter.
        for _ in 0..300 {
            let key = crate::normalize(&names[rng.below(names.len())].text);
            let mut chars: Vec<char> = key.chars().collect();
            if chars.len() < 4 {
                continue;
            }
            for _ in 0..1 + rng.below(2) {
                let at = rng.below(chars.len() - 1);
                match rng.below(4) {
                    0 => chars[at] = char::from(b'a' + rng.below(26) as u8),
                    1 => {
                        chars.remove(at);
                    }
                    2 => chars.insert(at, char::from(b'a' + rng.below(26) as u8)),
                    _ => chars.swap(at, at + 1),
                }
            }
            queries.push(chars.into_iter().collect());
        }
        for query in queries {
            let q: Vec<char> = crate::normalize(&query).chars().collect();
            if q.iter().any(|c| c.is_numeric()) {
                // Codes and doses are never typo-matched.
                continue;
            }
            let expected = brute_force(&index, &q);
            let mut found = Vec::new();
            typo::find(&index, &q, false, true, &mut found);
            let missing: Vec<_> = expected
                .iter()
                .filter(|&&(entry, off, cost)| {
                    !found
                        .iter()
                        .any(|m| (m.entry, m.off) == (entry, off) && m.cost <= cost)
                })
                .collect();
            assert!(missing.is_empty(), "{query:?}: missing {missing:?}");
        }
    }
}
