//! Property tests: any query gives well-formed hits, and the documented ranking holds on random dictionaries.

use super::*;

fn dictionary_strategy() -> impl Strategy<Value = Vec<Entry>> {
    let name = prop_oneof![
        "[a-zA-Z]{1,12}( [a-z]{2,8})?",
        "[A-Z]{2}-[0-9]{2,3}",
        "\\PC{1,20}",
        "[a-zé ßÆ\u{301}\u{200B}-]{1,15}",
        any::<String>(),
    ];
    prop::collection::vec((name, 0u32..40), 1..60).prop_map(|v| {
        v.into_iter()
            .map(|(text, target)| Entry::new(text, target))
            .collect()
    })
}

/// Pronounceable lower-case names rich in letters the phonetic key folds
/// (c, k, q, x, z, ph, th, y, doubled letters, a final e).
fn sound_name_strategy() -> impl Strategy<Value = String> {
    "(c|k|s|ph|f|qu|x|z|th|t|g|ch|m|n|l|r|v|b|d)(a|e|i|o|u|y|ee|ou|au|ai)((c|k|ck|s|ss|ph|f|qu|x|z|th|t|g|gh|h|m|n|ll|r|v|b|d)(a|e|i|o|u|y|ee|ou|au|ea)){2,4}e?"
}

fn sound_dictionary_strategy() -> impl Strategy<Value = Vec<Entry>> {
    let name = prop_oneof![
        sound_name_strategy(),
        "[a-zA-Z]{1,12}( [a-z]{2,8})?",
        "[a-zéèçœæ' h-]{1,20}",
        "\\PC{1,20}",
    ];
    prop::collection::vec((name, 0u32..40), 1..60).prop_map(|v| {
        v.into_iter()
            .map(|(text, target)| Entry::new(text, target))
            .collect()
    })
}

/// Arbitrary Unicode (control, format and unassigned characters included),
/// long text, and near-misses of real names.
fn query_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,150}",
        "[a-z -]{0,30}",
        "(vin|cyto|dauno|metho|dexa|ara|vp|6|mg|ph|f)[a-z0-9 .-]{0,12}",
    ]
}

fn check_hits(index: &Index, hits: &[Hit], limit: usize) -> Result<(), TestCaseError> {
    prop_assert!(hits.len() <= limit);
    // Every spelling match ranks above every sound-alike match.
    let first_sound = hits.iter().position(|h| h.kind == MatchKind::SoundsLike);
    if let Some(at) = first_sound {
        prop_assert!(
            hits[at..].iter().all(|h| h.kind == MatchKind::SoundsLike),
            "{:?}",
            hits
        );
    }
    let targets: HashSet<u32> = hits.iter().map(|h| h.target).collect();
    prop_assert_eq!(targets.len(), hits.len());
    for hit in hits {
        let text = index.text(hit.entry).unwrap_or_default();
        prop_assert_eq!(index.target(hit.entry), Some(hit.target));
        prop_assert!(!hit.ranges.is_empty());
        for r in &hit.ranges {
            prop_assert!(
                r.start < r.end && r.end <= text.len(),
                "{:?} in {:?}",
                r,
                text
            );
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn search_never_panics_and_hits_are_well_formed(
        entries in dictionary_strategy(),
        query in query_strategy(),
        limit in 0usize..8,
    ) {
        let index = Index::build(entries);
        let hits = index.search(&query, limit);
        check_hits(&index, &hits, limit)?;
    }

    #[test]
    fn any_query_on_the_real_drugs_gives_well_formed_hits(query in query_strategy(), limit in 0usize..20) {
        let index = index();
        let hits = index.search(&query, limit);
        check_hits(&index, &hits, limit)?;
    }

    #[test]
    fn exact_name_returns_its_target_first(entries in dictionary_strategy(), pick in any::<prop::sample::Index>()) {
        let index = Index::build(entries.clone());
        let entry = pick.get(&entries);
        let key = crate::normalize(&entry.text);
        prop_assume!(!key.is_empty() && entry.text.chars().count() <= MAX_QUERY_CHARS);
        let hits = index.search(&entry.text, usize::MAX);
        check_hits(&index, &hits, usize::MAX)?;
        prop_assert!(!hits.is_empty());
        prop_assert_eq!(hits[0].kind, MatchKind::Exact);
        let exact: Vec<u32> = hits.iter().filter(|h| h.kind == MatchKind::Exact).map(|h| h.target).collect();
        prop_assert!(exact.contains(&entry.target));
        let shared = entries.iter().any(|e| e.target != entry.target && crate::normalize(&e.text) == key);
        if !shared {
            prop_assert_eq!(hits[0].target, entry.target);
        }
    }

    #[test]
    fn case_does_not_matter(entries in dictionary_strategy(), pick in any::<prop::sample::Index>()) {
        let index = Index::build(entries.clone());
        let entry = pick.get(&entries);
        let query = entry.text.to_uppercase();
        let key = crate::normalize(&entry.text);
        prop_assume!(!key.is_empty() && query.chars().count() <= MAX_QUERY_CHARS);
        prop_assert_eq!(crate::normalize(&query), key);
        let hits = index.search(&query, usize::MAX);
        prop_assert!(hits.iter().any(|h| h.target == entry.target && h.kind == MatchKind::Exact));
    }

    #[test]
    fn names_inside_label_text_are_found(
        names in prop::collection::vec(("[a-zA-Z]{1,12}( [a-z]{2,8})?", 0u32..40), 1..60),
        pick in any::<prop::sample::Index>(),
        dose in 1u32..1000,
        form in "(tablets|injection|mg|sulfate|oral solution)",
    ) {
        let entries: Vec<Entry> = names.into_iter().map(|(t, g)| Entry::new(t, g)).collect();
        let index = Index::build(entries.clone());
        let entry = pick.get(&entries);
        let query = format!("{} {dose} mg {form}", entry.text);
        let hits = index.search(&query, usize::MAX);
        check_hits(&index, &hits, usize::MAX)?;
        prop_assert!(hits.iter().any(|h| h.target == entry.target), "{:?}", query);
    }

    #[test]
    fn sound_tier_never_panics(
        entries in sound_dictionary_strategy(),
        query in prop_oneof![query_strategy(), sound_name_strategy(), "[a-zéèçœæ' h-]{0,30}"],
        limit in 0usize..8,
    ) {
        let index = Index::build(entries);
        let hits = index.search(&query, limit);
        check_hits(&index, &hits, limit)?;
    }

    /// One entry is one typo from the query (a spelling match), another only
    /// sounds like it: the spelling match is found and ranks first, and the
    /// sound-alike one is found too.
    #[test]
    fn a_spelling_match_ranks_above_a_sound_alike_one(
        base in sound_name_strategy(),
        at in any::<prop::sample::Index>(),
        letter in "[a-z]",
        seed in any::<u64>(),
        others in prop::collection::vec(sound_name_strategy(), 0..20),
    ) {
        let chars: Vec<char> = base.chars().collect();
        let at = 1 + at.index(chars.len() - 1);
        let mut typo = chars.clone();
        typo[at] = letter.chars().next().unwrap();
        let typo: String = typo.into_iter().collect();
        // Respelt a few times over, so that it is mostly beyond typo reach.
        let mut sounds = base.clone();
        for round in 0..4 {
            let respelt = synthetic::queries(&[Entry::new(sounds.as_str(), 0)], MatchKind::SoundsLike, 1, seed ^ round);
            sounds = respelt.into_iter().next().unwrap_or(sounds);
        }
        prop_assume!(typo != base && sounds != base);
        let key = crate::phonetic::query_key(&crate::query::Query::new(&base).folded);
        prop_assume!(key.len() >= crate::score::MIN_SOUND_CHARS);
        let mut entries = vec![Entry::new(typo.as_str(), 0), Entry::new(sounds, 1)];
        entries.extend(others.into_iter().map(|o| Entry::new(o, 2)));
        let index = Index::build(entries);
        let hits = index.search(&base, usize::MAX);
        check_hits(&index, &hits, usize::MAX)?;
        // Tolerant tiers run only when no name starts with the query.
        prop_assume!(hits.iter().all(|h| [MatchKind::Typo, MatchKind::SoundsLike].contains(&h.kind)));
        let spelt = hits.iter().position(|h| h.target == 0);
        let heard = hits.iter().position(|h| h.target == 1);
        prop_assert!(spelt.is_some() && heard.is_some(), "{:?}", hits);
        let (spelt, heard) = (spelt.unwrap(), heard.unwrap());
        prop_assert_ne!(hits[spelt].kind, MatchKind::SoundsLike);
        if hits[heard].kind == MatchKind::SoundsLike {
            prop_assert!(spelt < heard, "{:?}", hits);
        }
    }

    #[test]
    fn normalize_is_idempotent(text in "\\PC{0,60}") {
        let once = crate::normalize(&text);
        prop_assert_eq!(crate::normalize(&once), once.clone());
    }
}
