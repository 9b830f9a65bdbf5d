//! Names among other words, and the guesses the lookup must not make.

use super::*;

#[test]
fn a_word_touching_a_name_can_make_it_another_drug() {
    let index = index();
    // Other drugs that contain a guide name's words: no hit in any tier.
    for q in [
        "gemtuzumab ozogamicin",
        "gemtuzumab ozogamicin 4.5 mg",
        "gemtuzumab ozogamycin",
        "cytarabine ocfosfate",
        "ocfosfate cytarabine",
    ] {
        let hits = index.search(q, 8);
        assert!(hits.is_empty(), "{q:?}: {:?}", index.text(hits[0].entry));
    }
    // Label words, numbers, short words, words that do not touch the name,
    // and other names of the guide leave the match alone.
    for (q, generic) in [
        ("vincristine sulfate", "vincristine"),
        ("chlorhydrate de doxorubicine", "doxorubicin"),
        ("vincristine side effects", "vincristine"),
        ("Gleevec imatinib", "imatinib"),
        ("Oncovin vincristine 1 mg", "vincristine"),
    ] {
        expect(&index, q, generic, MatchKind::Words);
    }
    // A misspelt first word of the guide's own name is a typo of the whole.
    expect(
        &index,
        "inotuzamab ozogamicin",
        "inotuzumab ozogamicin",
        MatchKind::Typo,
    );
}

#[test]
fn words_around_a_name() {
    let index = index();
    let cases = [
        ("vincristine sulfate", "vincristine"),
        ("imatinib mesylate", "imatinib"),
        ("Gleevec 400 mg", "imatinib"),
        ("cytarabine injection", "cytarabine"),
        ("methotrexate 2.5mg tablets", "methotrexate"),
        ("Decadron 4 mg tab", "dexamethasone"),
        ("Ara-C 100 mg", "cytarabine"),
        ("VP-16 100mg", "etoposide"),
        ("inj. vincristine 1 mg", "vincristine"),
        ("Oncovin 2mg/2ml", "vincristine"),
        ("daunorubicin hydrochloride", "daunorubicin"),
        ("doxorubicin HCl 50 mg", "doxorubicin"),
        (
            "cyclophosphamide 500 mg powder for solution",
            "cyclophosphamide",
        ),
        ("prednisone 5mg", "prednisone"),
        ("6-MP 50mg", "mercaptopurine"),
        ("6MP 50 mg tabs", "mercaptopurine"),
        ("mercaptopurine 50 mg tablets", "mercaptopurine"),
        ("Kymriah suspension for IV infusion", "tisagenlecleucel"),
        ("Besponsa 1 mg powder", "inotuzumab ozogamicin"),
        ("inotuzumab ozogamicin 0.9 mg", "inotuzumab ozogamicin"),
        ("gleevec400mg", "imatinib"),
        ("Tab. Dexasone 0.5", "dexamethasone"),
        ("asparaginase Erwinia", "asparaginase"),
        ("MTX methotrexate", "methotrexate"),
        ("VM-26 (teniposide)", "teniposide"),
        ("6-mercaptopurine", "mercaptopurine"),
        ("Gleevec® (imatinib mesylate) 100 mg", "imatinib"),
        ("VINCRISTINE SULFATE INJECTION, USP 1 mg/mL", "vincristine"),
        ("400 mg imatinib", "imatinib"),
        ("L-asparaginase 10,000 IU", "asparaginase"),
        ("cytarabine liposomal", "cytarabine"),
    ];
    for (q, generic) in cases {
        let hit = expect(&index, q, generic, MatchKind::Words);
        let text = index.text(hit.entry).unwrap_or("");
        assert_eq!(hit.ranges, vec![0..text.len()], "{q}");
    }
    let hit = expect(
        &index,
        "ozogamicin 1 mg",
        "inotuzumab ozogamicin",
        MatchKind::Words,
    );
    assert_eq!(highlighted(&index, &hit), ["ozogamicin"]);
    expect_none(&index, "vitamin C 500 mg");
}

#[test]
fn misspelt_words_around_a_name() {
    let index = index();
    for (q, generic) in [
        ("Gleevac 400 mg", "imatinib"),
        ("vincristin sulfate", "vincristine"),
        ("methotrexat 2.5 mg", "methotrexate"),
        ("dexamethazone 4mg tablets", "dexamethasone"),
        ("cyclophosfamide 1 g vial", "cyclophosphamide"),
        ("metho 2.5 mg", "methotrexate"),
        ("inotuzumab ozogamycin 1 mg", "inotuzumab ozogamicin"),
    ] {
        expect(&index, q, generic, MatchKind::Words);
    }
}

#[test]
fn words_prefer_the_longest_name_and_rank_as_documented() {
    let index = Index::build(vec![
        Entry::new("interferon", 0),
        Entry::new("interferon alfa", 1),
        Entry::new("alfaron", 2),
    ]);
    let hits = index.search("interferon alfa 3 MIU", 5);
    assert_eq!(hits[0].target, 1);
    assert_eq!(hits[1].target, 0);
    assert!(hits.iter().all(|h| h.kind == MatchKind::Words));
    // A verbatim name in a longer query is not second-guessed by typos...
    let index = Index::build(vec![
        Entry::new("vandaromin", 0),
        Entry::new("vandarominxy", 1),
    ]);
    let hits = index.search("vandaromin xy", 5);
    assert_eq!((hits[0].target, hits[0].kind), (1, MatchKind::Exact));
    let hits = index.search("vandaromin xz", 5);
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].target, hits[0].kind), (0, MatchKind::Words));
    // ...but a misspelt one ranks after a typo match of the whole query.
    let hits = index.search("vandaromim xz", 5);
    assert_eq!((hits[0].target, hits[0].kind), (1, MatchKind::Typo));
    assert_eq!((hits[1].target, hits[1].kind), (0, MatchKind::Words));
}

#[test]
fn no_guesses_for_gibberish_or_other_drugs() {
    let index = index();
    let queries = [
        "xyzzy",
        "asdfgh",
        "qwerty",
        "ibuprofen",
        "paracetamol",
        "aspirin",
        "insulin",
        "warfarin",
        "amoxicillin",
        "metformin",
        "omeprazole",
        "atorvastatin",
        "lisinopril",
        "ondansetron",
        "allopurinol",
        "heparin",
        "morphine",
        "codeine",
        "acetaminophen",
        "levothyroxine",
        "amlodipine",
        "simvastatin",
        "salbutamol",
        "fluconazole",
        "acyclovir",
        "vancomycin",
        "gentamicin",
        "ceftriaxone",
        "furosemide",
        "hydrocortisone",
        "betamethasone",
        "prednisolone",
        "methylprednisolone",
        "filgrastim",
        "rituximab",
        "nelarabine",
        "clofarabine",
        "fludarabine",
        "thioguanine",
        "hydroxyurea",
        "vinblastine",
        "vinorelbine",
        "epirubicin",
        "idarubicin",
        "mitoxantrone",
        "bortezomib",
        "dasatinib",
        "nilotinib",
        "ponatinib",
        "pegaspargase",
        "ifosfamide",
        "carboplatin",
        "cisplatin",
        "bleomycin",
        "busulfan",
        "melphalan",
        "azacitidine",
        "tretinoin",
        "lorem ipsum",
        "hello world",
        "test",
        "aaaa",
        "zzzzzzzz",
        "mg",
        "tablet",
        "injection",
        "500 mg",
        "ibuprofen 400 mg",
        "paracetamol 500mg tablets",
        "insulin glargine",
        "aspirin 81 mg",
        "warfarin sodium",
        "x",
        "q",
        "?",
        "...",
        "--",
        "123",
        "0",
        "mg/m2",
        "<script>alert(1)</script>",
        "'; DROP TABLE drugs; --",
        "null",
        "undefined",
        "NaN",
    ];
    for q in queries {
        expect_none(&index, q);
    }
}
