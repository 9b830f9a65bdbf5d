//! Exact and prefix matches: every name, whatever its case, accents and separators, and the French generic names.

use super::*;

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
