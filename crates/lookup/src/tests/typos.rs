//! Typing mistakes and names as they sound: what each tier forgives, and how they rank.

use super::*;

#[test]
fn short_codes_get_no_typo_tolerance() {
    let index = index();
    // Only what starts with the letters, never a near miss.
    for (q, generic) in [
        ("MP", "mercaptopurine"),
        ("VP", "etoposide"),
        ("VM", "teniposide"),
    ] {
        let hits = index.search(q, 10);
        assert_eq!(hits.len(), 1, "{q}: {hits:?}");
        assert_eq!(
            (hits[0].target, hits[0].kind),
            (target_of(generic), MatchKind::Prefix)
        );
    }
    for q in ["VP-17", "VM-16", "7-MP", "vx", "6-MX", "VP-61"] {
        expect_none(&index, q);
    }
}

#[test]
fn typos() {
    let index = index();
    let cases = [
        ("mecaptopurine", "mercaptopurine"),
        ("vincrisitne", "vincristine"),
        ("adriamicin", "doxorubicin"),
        ("gleevac", "imatinib"),
        ("dexamethazone", "dexamethasone"),
        ("blinatumumab", "blinatumomab"),
        ("vincristene", "vincristine"),
        ("doxorubicn", "doxorubicin"),
        ("citarabine", "cytarabine"),
        ("cytarabene", "cytarabine"),
        ("asparaginaze", "asparaginase"),
        ("aspariginase", "asparaginase"),
        ("etopside", "etoposide"),
        ("mercatopurine", "mercaptopurine"),
        ("metotrexate", "methotrexate"),
        ("methotrexxate", "methotrexate"),
        ("cyclofosfamide", "cyclophosphamide"),
        ("cyclophosfamid", "cyclophosphamide"),
        ("cyclophosfamide", "cyclophosphamide"),
        ("prednisne", "prednisone"),
        ("predisone", "prednisone"),
        ("prednizone", "prednisone"),
        ("dexametasone", "dexamethasone"),
        ("dexamethosone", "dexamethasone"),
        ("imatinab", "imatinib"),
        ("imatanib", "imatinib"),
        ("miatinib", "imatinib"),
        ("inotuzumab ozogamycin", "inotuzumab ozogamicin"),
        ("inotuzamab", "inotuzumab ozogamicin"),
        ("ozogamycin", "inotuzumab ozogamicin"),
        ("tisagenlecleucell", "tisagenlecleucel"),
        ("tisagenlecluecel", "tisagenlecleucel"),
        ("oncovine", "vincristine"),
        ("onkovin", "vincristine"),
        ("cytoxen", "cyclophosphamide"),
        ("purinetol", "mercaptopurine"),
        ("decadrone", "dexamethasone"),
        ("besponza", "inotuzumab ozogamicin"),
        ("blincito", "blinatumomab"),
        ("kimriah", "tisagenlecleucel"),
        ("kymriha", "tisagenlecleucel"),
        ("gleevek", "imatinib"),
        ("vepeside", "etoposide"),
        ("kidrolaze", "asparaginase"),
        ("daunomicin", "daunorubicin"),
        ("adriamycine", "doxorubicin"),
        ("METOTREXATE", "methotrexate"),
        ("sytarabine", "cytarabine"),
    ];
    expect_all(&index, &cases, MatchKind::Typo);
}

#[test]
fn names_as_they_sound() {
    let index = index();
    let cases = [
        ("sitoxan", "cyclophosphamide"),
        ("saitoxan", "cyclophosphamide"),
        ("siklofosfamid", "cyclophosphamide"),
        ("siclophosphamide", "cyclophosphamide"),
        ("prositox", "cyclophosphamide"),
        ("sitarabine", "cytarabine"),
        ("sitosar", "cytarabine"),
        ("metotreksat", "methotrexate"),
        ("decksamethasone", "dexamethasone"),
        ("deksametazon", "dexamethasone"),
        ("glivec", "imatinib"),
        ("glivek", "imatinib"),
        ("imatineeb", "imatinib"),
        ("kimria", "tisagenlecleucel"),
        ("quimria", "tisagenlecleucel"),
        ("tisagenlecloosel", "tisagenlecleucel"),
        ("quidrolase", "asparaginase"),
        ("vooman", "teniposide"),
        ("purinatol", "mercaptopurine"),
        ("blinsito", "blinatumomab"),
        ("blincyteau", "blinatumomab"),
        ("inotouzoumab", "inotuzumab ozogamicin"),
        ("oncoveen", "vincristine"),
        ("donomycin", "daunorubicin"),
        ("adriamaisin", "doxorubicin"),
        // From 6 phonetic characters, the start of a name.
        ("siklofosf", "cyclophosphamide"),
        ("tisajenleklu", "tisagenlecleucel"),
    ];
    expect_all(&index, &cases, MatchKind::SoundsLike);
    // A later word, highlighted from that word on.
    let hit = expect(
        &index,
        "osogamissin",
        "inotuzumab ozogamicin",
        MatchKind::SoundsLike,
    );
    assert_eq!(highlighted(&index, &hit), ["ozogamicin"]);
    let hit = expect(&index, "sitoxan", "cyclophosphamide", MatchKind::SoundsLike);
    assert_eq!((highlighted(&index, &hit), hit.score), (vec!["Cytoxan"], 0));
    // Short keys, codes and doses are never matched by sound.
    for q in ["q", "ck", "arc", "vp 61", "sitoxan 50 mg"] {
        assert!(
            index
                .search(q, 5)
                .iter()
                .all(|h| h.kind != MatchKind::SoundsLike),
            "{q}"
        );
    }
}

#[test]
fn spelling_matches_rank_above_sound_alike_ones() {
    // `kymriax` is one typo from Kymriah, and sounds like `kimriaks`.
    let index = Index::build(vec![Entry::new("Kimriaks", 0), Entry::new("Kymriah", 1)]);
    let hits = index.search("kymriax", 5);
    let kinds: Vec<(u32, MatchKind)> = hits.iter().map(|h| (h.target, h.kind)).collect();
    assert_eq!(kinds, [(1, MatchKind::Typo), (0, MatchKind::SoundsLike)]);
    // A drug matched both ways keeps its spelling match.
    let index = Index::build(vec![Entry::new("Cytoxan", 0), Entry::new("Sitoxen", 0)]);
    let hits = index.search("sitoxan", 5);
    assert_eq!((hits.len(), hits[0].kind), (1, MatchKind::Typo));
    // No sound-alike guess once a name was typed exactly.
    let index = Index::build(vec![Entry::new("Sitoxan", 0), Entry::new("Cytoxan", 1)]);
    let hits = index.search("sitoxan", 5);
    assert_eq!((hits.len(), hits[0].kind), (1, MatchKind::Exact));
}

#[test]
fn typo_prefix_for_long_partial_words() {
    let index = index();
    for (q, generic) in [
        ("cyclophosfam", "cyclophosphamide"),
        ("mercaptopurn", "mercaptopurine"),
        ("metotrex", "methotrexate"),
        ("tisagenlecluec", "tisagenlecleucel"),
        ("tisagenlekl", "tisagenlecleucel"),
        ("daunorubicn", "daunorubicin"),
        ("inotuzamab oz", "inotuzumab ozogamicin"),
    ] {
        let hit = expect(&index, q, generic, MatchKind::Typo);
        assert!(hit.score >= 5, "{q}: {hit:?}");
    }
}
