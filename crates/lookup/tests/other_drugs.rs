//! Precision on real drugs that are not in the guide: for none of the names
//! in `data/other_drugs.txt` (leukemia drugs and their brands, look-alike and
//! sound-alike names near the guide's drugs, some with a salt or a dose) may
//! the lookup offer one of the guide's drugs, in English or in French. A
//! reader who typed another drug would otherwise read about the wrong one.
//!
//! Labels of the guide's own drugs, with a salt, a dose or a form, must still
//! find their drug. Run with `cargo test -p tg-lookup --test other_drugs --
//! --nocapture` to see the counts.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use tg_content::Content;
use tg_lookup::{normalize, DrugIndex};

const OTHER_DRUGS: &str = include_str!("data/other_drugs.txt");

/// Suggestions the widget shows (`tg_ui::MAX_SUGGESTIONS`).
const LIMIT: usize = 8;

/// The guide's content folders: English, French.
const EDITIONS: [(&str, &str); 2] = [
    ("content/", "../../content"),
    ("content/fr/", "../../content/fr"),
];

/// The lines of a data file that are not blank or comments.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The content of each edition, with its label.
fn editions() -> Vec<(&'static str, Content)> {
    EDITIONS
        .iter()
        .map(|&(label, dir)| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            let content = tg_content::toml_source::load(&dir, label)
                .unwrap_or_else(|errors| panic!("{label} is invalid: {errors:?}"));
            (label, content)
        })
        .collect()
}

/// Every name (generic or other) of every drug of `content`, folded.
fn guide_keys(content: &Content) -> Vec<String> {
    content
        .drugs
        .iter()
        .flat_map(|d| std::iter::once(&d.name).chain(d.synonyms.iter().map(|s| &s.name)))
        .map(|n| normalize(n))
        .collect()
}

#[test]
fn the_set_is_large_and_holds_no_guide_name() {
    let names: Vec<&str> = lines(OTHER_DRUGS).collect();
    println!("other drugs: {} names", names.len());
    assert!(names.len() >= 100, "{} names", names.len());
    for (label, content) in editions() {
        let keys = guide_keys(&content);
        for name in &names {
            assert!(
                !keys.contains(&normalize(name)),
                "{name:?} is a name of a drug of {label}"
            );
        }
    }
    let mut seen: Vec<String> = names.iter().map(|n| normalize(n)).collect();
    seen.sort();
    let before = seen.len();
    seen.dedup();
    assert_eq!(seen.len(), before, "a name is listed twice");
}

#[test]
fn no_other_drug_is_offered_as_a_guide_drug() {
    let names: Vec<&str> = lines(OTHER_DRUGS).collect();
    let mut offered = Vec::new();
    for (label, content) in editions() {
        let index = DrugIndex::new(&content);
        for name in &names {
            if let Some(hit) = index.search(name, LIMIT).first() {
                offered.push(format!(
                    "{label}: {name:?} → {} ({:?})",
                    content.drugs[hit.drug].name, hit.kind
                ));
            }
        }
    }
    println!(
        "other drugs offered as a guide drug: {} of {} queries ({} names, 2 editions)",
        offered.len(),
        2 * names.len(),
        names.len()
    );
    for line in &offered {
        println!("  {line}");
    }
    assert!(offered.is_empty(), "{offered:#?}");
}

/// Labels of the guide's drugs: the drug `(query, generic in English,
/// generic in French)` must come first in both editions.
const LABELS: &[(&str, &str, &str)] = &[
    ("vincristine sulfate", "vincristine", "vincristine"),
    ("vincristine sulphate 1 mg/mL", "vincristine", "vincristine"),
    ("Oncovin 1 mg/mL injection", "vincristine", "vincristine"),
    ("Gleevec 400 mg", "imatinib", "imatinib"),
    ("imatinib mesylate", "imatinib", "imatinib"),
    ("imatinib mésilate 100 mg comprimés", "imatinib", "imatinib"),
    ("Gleevec imatinib", "imatinib", "imatinib"),
    (
        "daunorubicin hydrochloride",
        "daunorubicin",
        "daunorubicine",
    ),
    (
        "chlorhydrate de daunorubicine",
        "daunorubicin",
        "daunorubicine",
    ),
    (
        "chlorhydrate de doxorubicine 2 mg/ml",
        "doxorubicin",
        "doxorubicine",
    ),
    ("doxorubicin liposomal", "doxorubicin", "doxorubicine"),
    ("cytarabine injection", "cytarabine", "cytarabine"),
    ("Ara-C 100 mg", "cytarabine", "cytarabine"),
    ("methotrexate 2.5mg tablets", "methotrexate", "méthotrexate"),
    ("méthotrexate sodique", "methotrexate", "méthotrexate"),
    (
        "dexamethasone sodium phosphate",
        "dexamethasone",
        "dexaméthasone",
    ),
    ("etoposide phosphate", "etoposide", "étoposide"),
    ("mercaptopurine 50 mg", "mercaptopurine", "mercaptopurine"),
    ("prednisone 5 mg daily", "prednisone", "prednisone"),
    (
        "inotuzumab ozogamicin 1 mg",
        "inotuzumab ozogamicin",
        "inotuzumab ozogamicine",
    ),
    (
        "ozogamicin 1 mg",
        "inotuzumab ozogamicin",
        "inotuzumab ozogamicine",
    ),
    (
        "Besponsa 0.9 mg vial",
        "inotuzumab ozogamicin",
        "inotuzumab ozogamicine",
    ),
    (
        "inotuzamab ozogamicin",
        "inotuzumab ozogamicin",
        "inotuzumab ozogamicine",
    ),
    ("Gleevac 400 mg", "imatinib", "imatinib"),
    ("vincristine side effects", "vincristine", "vincristine"),
];

#[test]
fn labels_of_guide_drugs_still_find_their_drug() {
    for (e, (label, content)) in editions().into_iter().enumerate() {
        let index = DrugIndex::new(&content);
        for &(query, english, french) in LABELS {
            let expected = [english, french][e];
            let hits = index.search(query, LIMIT);
            let first = hits.first().map(|h| content.drugs[h.drug].name.as_str());
            assert_eq!(first, Some(expected), "{label}: {query:?}");
        }
    }
}
