//! The shipped content: its sections, drugs, names, glossary and mentions,
//! its plain language, and no run of words copied from the source.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use tg_content::readability::{assess, assess_with_names, MAX_GRADE, MAX_SENTENCE_WORDS};
use tg_content::{Block, Content, Inline, SynonymKind, SECTION_IDS};

mod common;
use common::{shipped, shipped_json};

#[test]
fn shipped_content_has_the_nine_sections_in_order() {
    let content = shipped();
    let ids: Vec<&str> = content.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, SECTION_IDS);
    for section in &content.sections {
        assert!(!section.title.trim().is_empty());
        assert!(!section.blocks.is_empty(), "{} has text", section.id);
    }
}

#[test]
fn the_json_export_reads_back_as_the_toml_files() {
    assert_eq!(Content::from_json(&shipped_json()).unwrap(), shipped());
}

/// French names that differ from the English ones beyond accents (the WHO
/// INN in French, and "daunomycine", the French spelling of daunomycin): the
/// English content lists them too, with `lang = "fr"`, so a reader with a
/// French label finds the drug and the card labels them as French.
const FRENCH_NAMES: &[(&str, &str)] = &[
    ("daunorubicin", "daunorubicine"),
    ("daunorubicin", "daunomycine"),
    ("doxorubicin", "doxorubicine"),
    ("inotuzumab ozogamicin", "inotuzumab ozogamicine"),
];

#[test]
fn every_drug_of_the_source_is_listed_with_its_other_names() {
    let content = shipped();
    let expected: &[(&str, &[(&str, SynonymKind)])] = &[
        ("vincristine", &[("Oncovin", SynonymKind::Brand)]),
        (
            "daunorubicin",
            &[
                ("Cerubidine", SynonymKind::Brand),
                ("daunomycin", SynonymKind::Other),
            ],
        ),
        ("doxorubicin", &[("Adriamycin", SynonymKind::Brand)]),
        (
            "cytarabine",
            &[
                ("Cytosar", SynonymKind::Brand),
                ("Ara-C", SynonymKind::Abbreviation),
            ],
        ),
        ("asparaginase", &[("Kidrolase", SynonymKind::Brand)]),
        (
            "etoposide",
            &[
                ("Vepesid", SynonymKind::Brand),
                ("VP-16", SynonymKind::Code),
            ],
        ),
        (
            "teniposide",
            &[("Vumon", SynonymKind::Brand), ("VM-26", SynonymKind::Code)],
        ),
        (
            "mercaptopurine",
            &[
                ("Purinethol", SynonymKind::Brand),
                ("6-MP", SynonymKind::Abbreviation),
            ],
        ),
        ("methotrexate", &[]),
        (
            "cyclophosphamide",
            &[
                ("Cytoxan", SynonymKind::Brand),
                ("Procytox", SynonymKind::Brand),
            ],
        ),
        ("prednisone", &[]),
        (
            "dexamethasone",
            &[
                ("Decadron", SynonymKind::Brand),
                ("Dexasone", SynonymKind::Brand),
            ],
        ),
        ("imatinib", &[("Gleevec", SynonymKind::Brand)]),
        ("blinatumomab", &[("Blincyto", SynonymKind::Brand)]),
        ("inotuzumab ozogamicin", &[("Besponsa", SynonymKind::Brand)]),
        ("tisagenlecleucel", &[("Kymriah", SynonymKind::Brand)]),
    ];
    assert_eq!(content.drugs.len(), expected.len());
    for (name, synonyms) in expected {
        let drug = content
            .drugs
            .iter()
            .find(|d| d.name == *name)
            .unwrap_or_else(|| panic!("{name} listed"));
        let got: Vec<(&str, SynonymKind)> = drug
            .synonyms
            .iter()
            .filter(|s| !FRENCH_NAMES.iter().any(|(_, french)| *french == s.name))
            .map(|s| (s.name.as_str(), s.kind))
            .collect();
        assert_eq!(&got, synonyms, "other names of {name}");
        for (_, french) in FRENCH_NAMES.iter().filter(|(english, _)| english == name) {
            assert!(
                drug.synonyms.iter().any(|s| s.name == *french
                    && s.kind == SynonymKind::Other
                    && s.lang.as_deref() == Some("fr")),
                "{name} answers to its French name {french}"
            );
        }
        assert!(
            !drug.mentioned_in.is_empty(),
            "{name} is mentioned in a section"
        );
        assert!(SECTION_IDS.contains(&drug.treatment.as_str()));
    }
}

#[test]
fn glossary_covers_the_terms_the_source_explains() {
    let content = shipped();
    for term in [
        "leukapheresis",
        "refractory",
        "relapsed",
        "reinduction chemotherapy",
        "blasts",
        "Philadelphia chromosome",
        "CNS prophylaxis",
        "intrathecal chemotherapy",
        "targeted therapy",
        "CAR T-cell therapy",
        "tumour lysis syndrome",
        "cryoprecipitate",
    ] {
        assert!(
            content
                .glossary
                .iter()
                .any(|t| t.term.eq_ignore_ascii_case(term)),
            "glossary has {term}"
        );
    }
    assert!(content
        .glossary
        .iter()
        .any(|t| t.aliases.iter().any(|a| a == "CNS")));
}

#[test]
fn mentions_resolve_to_drugs_and_terms() {
    let content = shipped();
    let chemo = content
        .sections
        .iter()
        .find(|s| s.id == "chemotherapy")
        .unwrap();
    let drugs: Vec<&str> = chemo
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph(runs) => runs.iter().collect::<Vec<_>>(),
            Block::List(items) => items.iter().flatten().collect(),
        })
        .filter_map(|run| match run {
            Inline::Drug { drug, .. } => Some(content.drugs[*drug].name.as_str()),
            _ => None,
        })
        .collect();
    assert!(drugs.contains(&"vincristine") && drugs.contains(&"doxorubicin"));
    let doxorubicin = content
        .drugs
        .iter()
        .find(|d| d.name == "doxorubicin")
        .unwrap();
    assert_eq!(doxorubicin.mentioned_in, vec!["chemotherapy".to_owned()]);
    assert_eq!(doxorubicin.anchor(), "drug-doxorubicin");
}

#[test]
fn every_section_is_plain_language() {
    let content = shipped();
    // Drug names count as words of one syllable (see `Counts::of_with_names`).
    let names: Vec<&str> = content
        .drugs
        .iter()
        .flat_map(|d| std::iter::once(&d.name).chain(d.synonyms.iter().map(|s| &s.name)))
        .map(String::as_str)
        .collect();
    let mut problems = Vec::new();
    for section in &content.sections {
        let text = section.plain_text();
        let report = assess_with_names(&text, MAX_SENTENCE_WORDS, &names);
        println!(
            "{}: grade {:.1} (drug names by their spelling: {:.1})",
            section.id,
            report.grade,
            assess(&text, MAX_SENTENCE_WORDS).grade
        );
        if report.grade > MAX_GRADE {
            problems.push(format!(
                "{}: grade {:.1}, above {MAX_GRADE}",
                section.id, report.grade
            ));
        }
        for long in &report.long_sentences {
            problems.push(format!(
                "{}: {} words, more than {MAX_SENTENCE_WORDS}: {:?}",
                section.id, long.words, long.text
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Lower-case words with punctuation dropped: what "the same wording" means below.
fn plain_words(text: &str) -> Vec<String> {
    let cleaned: String = text
        .chars()
        .filter(|&c| c != '\'' && c != '\u{2019}')
        .flat_map(|c| {
            let c = if c.is_alphanumeric() { c } else { ' ' };
            c.to_lowercase()
        })
        .collect();
    cleaned.split_whitespace().map(str::to_owned).collect()
}

/// The shortest run of words the content may not share with the source text.
const COPIED_RUN: usize = 12;

#[test]
fn no_twelve_word_run_is_copied_from_the_source() {
    let seed_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed");
    let Ok(entries) = fs::read_dir(&seed_dir) else {
        println!(
            "note: {} is absent; the check for wording copied from the source is skipped",
            seed_dir.display()
        );
        return;
    };
    let content = shipped();
    // Drug names and their other names may be repeated as the source gives them.
    let drug_words: HashSet<String> = content
        .drugs
        .iter()
        .flat_map(|d| std::iter::once(&d.name).chain(d.synonyms.iter().map(|s| &s.name)))
        .flat_map(|name| plain_words(name))
        .collect();
    let without_drugs = |text: &str| -> Vec<String> {
        plain_words(text)
            .into_iter()
            .filter(|w| !drug_words.contains(w))
            .collect()
    };

    let mut seed_runs = HashSet::new();
    let mut files = 0;
    for entry in entries {
        let Ok(text) = fs::read_to_string(entry.unwrap().path()) else {
            continue;
        };
        files += 1;
        for run in without_drugs(&text).windows(COPIED_RUN) {
            seed_runs.insert(run.join(" "));
        }
    }
    assert!(files > 0, "{} holds no text file", seed_dir.display());

    let mut texts: Vec<(String, String)> = vec![
        ("meta.title".into(), content.meta.title.clone()),
        ("meta.intro".into(), content.meta.intro.clone()),
    ];
    for section in &content.sections {
        texts.push((format!("{} title", section.id), section.title.clone()));
        texts.push((format!("{} summary", section.id), section.summary.clone()));
        texts.push((format!("{} body", section.id), section.plain_text()));
    }
    for term in &content.glossary {
        texts.push((format!("glossary: {}", term.term), term.definition.clone()));
    }
    for drug in &content.drugs {
        texts.push((format!("drug: {}", drug.name), drug.class.clone()));
    }
    let mut copied = Vec::new();
    for (place, text) in &texts {
        for run in without_drugs(text).windows(COPIED_RUN) {
            let run = run.join(" ");
            if seed_runs.contains(&run) {
                copied.push(format!("{place}: \"{run}\""));
            }
        }
    }
    assert!(
        copied.is_empty(),
        "wording copied from the source: {copied:#?}"
    );
}
