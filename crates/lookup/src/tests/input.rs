//! Hostile input, highlights, one hit per drug, the limit, and indexes of odd names.

use super::*;

#[test]
fn empty_and_hostile_input() {
    let index = index();
    for q in [
        "",
        " ",
        "\t\n",
        "\u{200B}\u{200F}",
        "💊",
        "\0\u{1}\u{7F}",
        "\u{FEFF}",
        "-_-",
    ] {
        expect_none(&index, q);
    }
    let long = "vincristine ".repeat(10_000);
    let hits = index.search(&long, 5);
    assert_eq!(hits[0].target, target_of("vincristine"));
    let junk: String = (0..5000u32).filter_map(char::from_u32).collect();
    index.search(&junk, 5);
    assert!(index.search("vincristine", 0).is_empty());
    assert!(Index::build(Vec::new()).search("vincristine", 5).is_empty());
    // Exactly MAX_QUERY_CHARS characters are kept.
    let padded = format!("{}cytarabine", " ".repeat(MAX_QUERY_CHARS - 10));
    expect(&index, &padded, "cytarabine", MatchKind::Exact);
    let cut = format!("{}cytarabine", " ".repeat(MAX_QUERY_CHARS - 9));
    expect(&index, &cut, "cytarabine", MatchKind::Prefix);
}

#[test]
fn highlights_map_to_the_original_text() {
    let index = index();
    let hit = expect(&index, "ARA C", "cytarabine", MatchKind::Exact);
    assert_eq!(highlighted(&index, &hit), ["Ara-C"]);
    let hit = expect(&index, "dauno", "daunorubicin", MatchKind::Prefix);
    assert_eq!(highlighted(&index, &hit), ["dauno"]);
    let hit = expect(&index, "ozogam", "inotuzumab ozogamicin", MatchKind::Prefix);
    assert_eq!(highlighted(&index, &hit), ["ozogam"]);
    let hit = expect(&index, "cyclophosfam", "cyclophosphamide", MatchKind::Typo);
    assert_eq!(highlighted(&index, &hit), ["cyclophospham"]);
    let hit = expect(&index, "vincrisitne", "vincristine", MatchKind::Typo);
    assert_eq!(highlighted(&index, &hit), ["vincristine"]);

    let accented = Index::build(vec![
        Entry::new("Méthotrexate", 0),
        Entry::new("ÉTOPOSIDE — VP‑16", 1),
        Entry::new("Straße", 2),
        Entry::new("e\u{301}toile", 3),
    ]);
    let hit = &accented.search("metho", 1)[0];
    assert_eq!(highlighted(&accented, hit), ["Métho"]);
    let hit = &accented.search("VP16", 1)[0];
    assert_eq!(highlighted(&accented, hit), ["VP‑16"]);
    let hit = &accented.search("strass", 1)[0];
    assert_eq!(highlighted(&accented, hit), ["Straß"]);
    let hit = &accented.search("etoi", 1)[0];
    assert_eq!(highlighted(&accented, hit), ["e\u{301}toi"]);
}

#[test]
fn one_hit_per_target_best_kind_wins() {
    let index = index();
    // "dexa" is a prefix of both dexamethasone and Dexasone: one hit.
    let hits = index.search("dexa", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, MatchKind::Prefix);
    assert_eq!(index.text(hits[0].entry), Some("Dexasone"));
    // Exact synonym beats everything else for the same target.
    let hits = index.search("daunomycin", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, MatchKind::Exact);
}

#[test]
fn limit_is_respected() {
    let index = Index::build(dictionary(5000, 3));
    for limit in [1, 2, 7, 50] {
        for q in ["a", "br", "st", "vincristine", "zumab"] {
            let hits = index.search(q, limit);
            assert!(hits.len() <= limit);
            let targets: HashSet<u32> = hits.iter().map(|h| h.target).collect();
            assert_eq!(targets.len(), hits.len());
        }
    }
    assert!(index.search("b", 50).len() == 50);
}

#[test]
fn build_accepts_empty_and_unsearchable_names() {
    let index = Index::build(vec![
        Entry::new("", 0),
        Entry::new("💊", 1),
        Entry::new("Oncovin", 2),
    ]);
    assert_eq!(index.len(), 3);
    assert!(!index.is_empty());
    assert_eq!(index.search("oncovin", 5)[0].entry, 2);
    assert!(Index::build(Vec::new()).is_empty());
    assert!(index.heap_bytes() > 0);
    assert_eq!(index.text(3), None);
    assert_eq!(index.target(3), None);
}
