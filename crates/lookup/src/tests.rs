//! Behaviour tests on the application's drugs, exhaustive checks of the typo
//! search against brute force, and property tests.

use std::collections::HashSet;

use proptest::prelude::*;

use tg_content::toml_source::shipped;
use tg_content::Content;

use super::score::budget;
use super::synthetic::{self, Rng};
use super::typo::{self, verify};
use super::{DrugIndex, Entry, Hit, Index, MatchKind, MAX_QUERY_CHARS};

thread_local! {
    /// The shipped content (`content/`), read once per test thread.
    static CONTENT: Content = shipped();
}

/// The shipped drugs as entries (see [`DrugIndex::entries`]).
fn fixture() -> Vec<Entry> {
    CONTENT.with(DrugIndex::entries)
}

/// The generic name of the shipped drug `target`.
fn generic(target: u32) -> String {
    CONTENT.with(|c| c.drugs[target as usize].name.clone())
}

fn index() -> Index {
    Index::build(fixture())
}

fn target_of(name: &str) -> u32 {
    CONTENT.with(|c| {
        c.drugs
            .iter()
            .position(|d| d.name == name)
            .unwrap_or_else(|| panic!("no drug {name}")) as u32
    })
}

/// A synthetic dictionary that starts with the shipped drugs.
fn dictionary(n: usize, seed: u64) -> Vec<Entry> {
    CONTENT.with(|c| synthetic::dictionary(c, n, seed))
}

/// Asserts that `query` finds `generic` first, with `kind`.
#[track_caller]
fn expect(index: &Index, query: &str, generic: &str, kind: MatchKind) -> Hit {
    let hits = index.search(query, 5);
    let first = hits
        .first()
        .unwrap_or_else(|| panic!("{query:?}: no hit, expected {generic}"));
    assert_eq!(
        (first.target, first.kind),
        (target_of(generic), kind),
        "{query:?}: got {:?} ({:?})",
        index.text(first.entry),
        hits
    );
    first.clone()
}

/// Asserts that every query finds its drug first with `kind`, listing all
/// failures at once.
#[track_caller]
fn expect_all(index: &Index, cases: &[(&str, &str)], kind: MatchKind) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|&(query, generic)| {
            let hits = index.search(query, 5);
            let got = hits.first().map(|h| (h.target, h.kind));
            (got != Some((target_of(generic), kind))).then(|| {
                let text = hits.first().and_then(|h| index.text(h.entry));
                format!("{query:?} → {text:?} {got:?}, expected {generic} {kind:?}")
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[track_caller]
fn expect_none(index: &Index, query: &str) {
    let hits = index.search(query, 5);
    let texts: Vec<_> = hits.iter().map(|h| index.text(h.entry)).collect();
    assert!(
        hits.is_empty(),
        "{query:?} should find nothing, got {texts:?}"
    );
}

fn highlighted<'a>(index: &'a Index, hit: &Hit) -> Vec<&'a str> {
    let text = index.text(hit.entry).unwrap_or("");
    hit.ranges.iter().map(|r| &text[r.clone()]).collect()
}

#[test]
fn every_name_finds_its_drug_exactly() {
    let index = index();
    for entry in fixture() {
        expect(
            &index,
            &entry.text,
            &generic(entry.target),
            MatchKind::Exact,
        );
        expect(
            &index,
            &entry.text.to_uppercase(),
            &generic(entry.target),
            MatchKind::Exact,
        );
    }
}

#[test]
fn exact_ignores_case_accents_and_separators() {
    let index = index();
    for q in [
        "Ara-C",
        "ara c",
        "ARAC",
        "ara\u{2010}c",
        "ara\u{2013}c",
        " Ara - C ",
        "ＡＲＡ－Ｃ",
    ] {
        expect(&index, q, "cytarabine", MatchKind::Exact);
    }
    for q in ["VP-16", "vp16", "vp 16", "Vp\u{2011}16"] {
        expect(&index, q, "etoposide", MatchKind::Exact);
    }
    for q in ["6-MP", "6 mp", "6mp", "6‑mp"] {
        expect(&index, q, "mercaptopurine", MatchKind::Exact);
    }
    for q in [
        "méthotrexate",
        "MÉTHOTREXATE",
        "me\u{301}thotrexate",
        "Méthotréxate",
    ] {
        expect(&index, q, "methotrexate", MatchKind::Exact);
    }
    expect(&index, "ÉTOPOSIDE", "etoposide", MatchKind::Exact);
    expect(&index, "Dexaméthasone", "dexamethasone", MatchKind::Exact);
    expect(&index, "dauno rubicin", "daunorubicin", MatchKind::Exact);
    expect(
        &index,
        "inotuzumab-ozogamicin",
        "inotuzumab ozogamicin",
        MatchKind::Exact,
    );
    expect(
        &index,
        "vin\u{200B}cris\u{AD}tine",
        "vincristine",
        MatchKind::Exact,
    );
    expect(
        &index,
        "\u{200F}Oncovin\u{200E}",
        "vincristine",
        MatchKind::Exact,
    );
    expect(&index, "💊 vincristine 💊", "vincristine", MatchKind::Exact);
}

#[test]
fn prefix_of_any_word() {
    let index = index();
    let cases = [
        ("dauno", "daunorubicin"),
        ("ozogamicin", "inotuzumab ozogamicin"),
        ("ozo", "inotuzumab ozogamicin"),
        ("inotu", "inotuzumab ozogamicin"),
        ("inotuzumab oz", "inotuzumab ozogamicin"),
        ("cyclo", "cyclophosphamide"),
        ("dexa", "dexamethasone"),
        ("kym", "tisagenlecleucel"),
        ("blin", "blinatumomab"),
        ("Méthot", "methotrexate"),
        ("cytarabin", "cytarabine"),
        ("kymria", "tisagenlecleucel"),
        ("vp", "etoposide"),
        ("vp1", "etoposide"),
        ("6-m", "mercaptopurine"),
        ("ara", "cytarabine"),
        ("GLEE", "imatinib"),
        ("vincristin", "vincristine"),
        ("etoposid", "etoposide"),
        ("teniposid", "teniposide"),
        ("mercaptopurin", "mercaptopurine"),
        ("cyclophosphamid", "cyclophosphamide"),
        ("cerubidin", "daunorubicin"),
    ];
    expect_all(&index, &cases, MatchKind::Prefix);
}

#[test]
fn prefix_ranks_fewer_letters_left_first() {
    let index = index();
    let hits = index.search("cy", 10);
    let texts: Vec<_> = hits
        .iter()
        .map(|h| index.text(h.entry).unwrap_or(""))
        .collect();
    // Cytosar / Cytoxan (5 left) before cytarabine / cyclophosphamide.
    assert_eq!(hits.len(), 2, "{texts:?}");
    assert!(hits.iter().all(|h| h.kind == MatchKind::Prefix));
    assert!(hits[0].score <= hits[1].score);
    assert!(texts.iter().all(|t| t.starts_with("Cyto")), "{texts:?}");
}

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

/// French generic names on a French label find the drug exactly, accents optional.
#[test]
fn french_generic_names_are_exact_matches() {
    let index = index();
    let cases = [
        ("daunorubicine", "daunorubicin"),
        ("Doxorubicine", "doxorubicin"),
        ("inotuzumab ozogamicine", "inotuzumab ozogamicin"),
        ("méthotrexate", "methotrexate"),
        ("étoposide", "etoposide"),
        ("dexaméthasone", "dexamethasone"),
    ];
    expect_all(&index, &cases, MatchKind::Exact);
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

/// Each module's source outside its tests, by module name.
const MODULE_SOURCES: &[(&str, &str)] = &[
    ("drugs", include_str!("drugs.rs")),
    ("hit", include_str!("hit.rs")),
    ("phonetic", include_str!("phonetic.rs")),
    ("prefix", include_str!("prefix.rs")),
    ("query", include_str!("query.rs")),
    ("rank", include_str!("rank.rs")),
    ("score", include_str!("score.rs")),
    ("search", include_str!("search.rs")),
    ("sound", include_str!("sound.rs")),
    ("store", include_str!("store.rs")),
    ("synthetic", include_str!("synthetic.rs")),
    ("typo", include_str!("typo.rs")),
    ("words", include_str!("words.rs")),
];

/// The dependency table of the crate docs: `(module, modules it may use)`.
fn dependency_table() -> Vec<(String, Vec<String>)> {
    let mut table: Vec<(String, Vec<String>)> = Vec::new();
    for row in include_str!("lib.rs")
        .lines()
        .filter_map(|line| line.strip_prefix("//! | `"))
    {
        let cells: Vec<&str> = row.split('|').collect();
        let module = cells[0].trim().trim_end_matches('`').to_string();
        let cell = cells[cells.len() - 2].trim();
        let uses = if cell == "all of the above" {
            table.iter().map(|(m, _)| m.clone()).collect()
        } else {
            cell.split('`')
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "—")
                .map(str::to_string)
                .collect()
        };
        table.push((module, uses));
    }
    table
}

/// The modules named by `crate::` or `super::` paths in the code (not the
/// comments) of `source`, the module `module`, before its test module.
fn used_modules(source: &str, module: &str) -> Vec<String> {
    tg_loops::used_modules(source, &[module])
        .into_iter()
        .collect()
}

#[test]
fn modules_use_only_what_the_dependency_table_allows() {
    let table = dependency_table();
    let mut listed: Vec<&str> = table.iter().map(|(m, _)| m.as_str()).collect();
    listed.sort_unstable();
    let mut sources: Vec<&str> = MODULE_SOURCES.iter().map(|(m, _)| *m).collect();
    sources.sort_unstable();
    assert_eq!(listed, sources, "every module has a row");
    for (module, source) in MODULE_SOURCES {
        let allowed = &table.iter().find(|(m, _)| m == module).unwrap().1;
        for used in used_modules(source, module) {
            assert!(
                allowed.contains(&used),
                "`{module}` uses `crate::{used}`, which its row does not allow"
            );
        }
    }
    // Acyclic: each row may use only rows above it.
    for (i, (module, uses)) in table.iter().enumerate() {
        for used in uses {
            let at = table.iter().position(|(m, _)| m == used);
            assert!(
                at.is_some_and(|at| at < i),
                "`{module}` may use `{used}`, which is not listed above it"
            );
        }
    }
}

#[test]
fn the_dependency_check_sees_imports() {
    let source = "use crate::hit::MatchKind;\nuse crate::store::{Entry, Index};\nuse crate::{prefix, typo};\n/// [x](crate::Hit)\nfn f() { super::store::offset(1); }\n#[cfg(all(test, x))]\nuse crate::words;";
    assert_eq!(
        used_modules(source, "search"),
        ["hit", "prefix", "store", "typo"]
    );
}
