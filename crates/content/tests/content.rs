//! Native tests of the content model, the validator and the shipped content.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use tg_content::readability::{assess, assess_with_names, MAX_GRADE, MAX_SENTENCE_WORDS};
use tg_content::record::Value;
use tg_content::toml_source::{self, FILES};
use tg_content::{Block, Content, ContentError, Inline, SynonymKind, SECTION_IDS};

mod common;
use common::{content_check, repository_dir};

fn shipped() -> Content {
    toml_source::load(&repository_dir(), "content/").expect("shipped content is valid")
}

/// A copy of the shipped content folder with one file edited: a malformed fixture.
fn broken(file: &str, edit: impl FnOnce(String) -> String) -> Vec<ContentError> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "tg-content-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    fs::create_dir_all(&dir).unwrap();
    for name in FILES {
        fs::copy(repository_dir().join(name), dir.join(name)).unwrap();
    }
    let path = dir.join(file);
    let before = fs::read_to_string(&path).unwrap();
    let after = edit(before.clone());
    assert_ne!(before, after, "the fixture edit must change {file}");
    fs::write(&path, after).unwrap();
    let result = toml_source::load(&dir, "content/");
    fs::remove_dir_all(&dir).unwrap();
    result.expect_err("the broken content must be rejected")
}

/// The 1-based line of the first line of `file` that contains `needle`.
fn line_of(file: &str, needle: &str) -> usize {
    let text = fs::read_to_string(repository_dir().join(file)).unwrap();
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in file")
        + 1
}

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

/// The shipped content in the documented JSON format, as `content-check --export` writes it.
fn shipped_json() -> String {
    let dir = toml_source::ContentDir::read(&repository_dir(), "content/").unwrap();
    tg_content::json::to_text(&dir.raw.as_ref().unwrap().to_json())
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

#[test]
fn unknown_section_id_names_file_line_and_field() {
    // A file may use its own ids, but they must be slugs; drugs filed under
    // a section id that is gone are reported with a suggestion.
    let errors = broken("sections.toml", |t| {
        t.replacen(
            "id = \"radiation-therapy\"",
            "id = \"Radiation therapy\"",
            1,
        )
        .replacen(
            "id = \"targeted-therapy\"",
            "id = \"targeted-therapies\"",
            1,
        )
    });
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let line = line_of("sections.toml", "id = \"radiation-therapy\"");
    assert!(
        shown.contains(&format!(
            "content/sections.toml:{line}: the 4th section, \"Radiation therapy\", its id: \"Radiation therapy\" \
             is not a section id; an id is lower-case letters and digits joined by hyphens, at most 60 \
             characters, like \"radiation-therapy\""
        )),
        "{shown:#?}"
    );
    let line = line_of("drugs.toml", "treatment = \"targeted-therapy\"");
    assert!(
        shown.iter().any(|m| m.starts_with(&format!("content/drugs.toml:{line}: the 13th drug, imatinib, its treatment: \
             \"targeted-therapy\" is not the id of a section (did you mean \"targeted-therapies\"?); use "))),
        "{shown:#?}"
    );
}

#[test]
fn duplicate_synonym_names_its_owner() {
    let errors = broken("drugs.toml", |t| {
        t.replacen("\"Adriamycin\"", "\"Oncovin\"", 1)
    });
    let line = line_of("drugs.toml", "\"Adriamycin\"");
    let message = errors
        .iter()
        .map(ToString::to_string)
        .find(|m| m.contains("Oncovin"))
        .expect("reported");
    assert!(
        message.starts_with(&format!(
            "content/drugs.toml:{line}: the 3rd drug, doxorubicin, its 1st other name: "
        )) && message.ends_with("\"Oncovin\" is already a name of vincristine"),
        "{message}"
    );
}

#[test]
fn duplicate_ignores_case_and_punctuation() {
    let errors = broken("drugs.toml", |t| t.replacen("\"Cytosar\"", "\"ARA C\"", 1));
    assert!(
        errors.iter().any(|e| e
            .message
            .ends_with("\"Ara-C\" is listed twice for cytarabine")
            || e.message
                .ends_with("\"ARA C\" is listed twice for cytarabine")),
        "{errors:?}"
    );
}

#[test]
fn empty_title_is_rejected() {
    let errors = broken("sections.toml", |t| {
        let start = t.find("title = \"").unwrap();
        let end = start + t[start..].find('\n').unwrap();
        format!("{}title = \"  \"{}", &t[..start], &t[end..])
    });
    assert_eq!(errors[0].location.path, "sections[0].title");
    assert_eq!(
        errors[0].message,
        "the 1st section, its title: must not be empty"
    );
    assert_eq!(
        errors[0].location.line,
        Some(line_of("sections.toml", "title = "))
    );
}

#[test]
fn mention_of_an_unlisted_drug_names_its_line_in_the_text() {
    let errors = broken("sections.toml", |t| {
        t.replacen("{vincristine}", "{vincristin}", 1)
    });
    let line = line_of("sections.toml", "{vincristine}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].location.line, Some(line), "{}", errors[0]);
    assert!(
        errors[0]
            .to_string()
            .contains("the 2nd section, \"Chemotherapy\", its text, "),
        "{}",
        errors[0]
    );
    assert!(
        errors[0]
            .to_string()
            .contains(": \"{vincristin}\" names no drug in the drug list and no glossary term (did you mean \"vincristine\"?)"),
        "{}",
        errors[0]
    );
}

#[test]
fn unclosed_brace_is_reported() {
    let errors = broken("sections.toml", |t| t.replacen("{Oncovin}", "{Oncovin", 1));
    assert!(errors[0].message.contains("not closed"), "{errors:?}");
    assert_eq!(
        errors[0].location.line,
        Some(line_of("sections.toml", "{Oncovin}"))
    );
}

#[test]
fn bad_kind_treatment_and_date_are_each_reported() {
    let errors = broken("drugs.toml", |t| {
        t.replacen("kind = \"brand\"", "kind = \"trade\"", 1)
            .replacen("treatment = \"chemotherapy\"", "treatment = \"chemo\"", 1)
    });
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|m| m.contains(
            "its other name \"Oncovin\" has kind \"trade\"; use brand, code, abbreviation or other"
        )),
        "{text:?}"
    );
    assert!(
        text.iter().any(|m| m.contains(
            "its treatment: \"chemo\" is not the id of a section (did you mean \"chemotherapy\"?)"
        )),
        "{text:?}"
    );

    let errors = broken("meta.toml", |t| {
        t.replacen("updated = \"2026-12-06\"", "updated = \"04/12/2026\"", 1)
    });
    assert_eq!(errors[0].location.path, "meta.updated");
    assert_eq!(
        errors[0].location.line,
        Some(line_of("meta.toml", "updated ="))
    );
}

#[test]
fn toml_syntax_and_unknown_fields_name_the_file_and_line() {
    let errors = broken("glossary.toml", |t| {
        t.replacen("[[terms]]", "[[terms]\n", 1)
    });
    assert_eq!(
        errors[0].location.file.as_deref(),
        Some("content/glossary.toml")
    );
    assert!(
        errors[0].message.starts_with("is not valid TOML"),
        "{errors:?}"
    );
    assert!(errors[0].location.line.is_some());

    let errors = broken("drugs.toml", |t| {
        t.replacen(
            "name = \"vincristine\"",
            "name = \"vincristine\"\ncolour = \"red\"",
            1,
        )
    });
    assert_eq!(
        errors[0].location.file.as_deref(),
        Some("content/drugs.toml")
    );
    assert!(errors[0].message.contains("colour"), "{errors:?}");
    assert_eq!(
        errors[0].location.line,
        Some(line_of("drugs.toml", "name = \"vincristine\"") + 1)
    );
}

#[test]
fn json_errors_carry_the_json_path() {
    let mut value: serde_json::Value = serde_json::from_str(&shipped_json()).unwrap();
    value["drugs"][3]["synonyms"][1]["name"] = "Oncovin".into();
    let errors = Content::from_json(&value.to_string()).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "line 1: the 4th drug, cytarabine, its 2nd other name: \"Oncovin\" is already a name of vincristine"
    );
}

fn built_in_value() -> serde_json::Value {
    serde_json::from_str(&shipped_json()).unwrap()
}

/// The messages for a tree (written on one line, so every line is 1).
fn json_errors(value: &serde_json::Value) -> Vec<String> {
    Content::from_json(&value.to_string())
        .unwrap_err()
        .into_iter()
        .map(|e| e.message)
        .collect()
}

#[test]
fn json_error_classes_each_have_their_own_message() {
    let mut wrong_type = built_in_value();
    wrong_type["sections"][0]["title"] = 42.into();
    let errors = json_errors(&wrong_type);
    assert!(
        errors[0]
            == "sections, 1st item \"relapsed-and-refractory\", title should be a text, not a number",
        "{errors:?}"
    );

    let mut missing = built_in_value();
    missing["drugs"][2]
        .as_object_mut()
        .unwrap()
        .remove("treatment");
    assert_eq!(
        json_errors(&missing),
        ["drugs, 3rd item \"doxorubicin\" has no \"treatment\" (a text); add it"]
    );

    let mut unknown = built_in_value();
    unknown["drugs"][2]["colour"] = "red".into();
    assert_eq!(
        json_errors(&unknown)[0],
        "drugs, 3rd item \"doxorubicin\" has a field \"colour\" that is not part of the format; \
         the fields there are name, treatment, class, synonyms or source"
    );
    let mut misspelt = built_in_value();
    misspelt["drugs"][2]["synonym"] = serde_json::json!([]);
    assert!(json_errors(&misspelt)[0]
        .contains("\"synonym\" that is not part of the format (did you mean \"synonyms\"?)"));

    let mut several = built_in_value();
    several["meta"]["title"] = serde_json::Value::Null;
    several["glossary"][1]["aliases"] = serde_json::json!(["fine", true]);
    several["sections"] = serde_json::json!({});
    assert_eq!(
        json_errors(&several),
        [
            "meta, title should be a text, not null",
            "sections should be a list, not a block of fields",
            "glossary, 2nd item \"refractory\", aliases, 2nd item should be a text, not true or false",
        ],
        "one pass reports every problem of shape"
    );

    let not_json = Content::from_json("<html>error page</html>").unwrap_err();
    assert!(
        not_json[0]
            .message
            .starts_with("the file is not valid JSON: on line 1, “<html>error” is not a value"),
        "{not_json:?}"
    );

    let too_big = Content::from_json(&" ".repeat(tg_content::MAX_CONTENT_BYTES + 1)).unwrap_err();
    assert!(too_big[0].message.contains("more than the 2048 KiB"));

    let deep = format!(
        "{{\"meta\": {}\"x\"{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert_eq!(
        Content::from_json(&deep).unwrap_err()[0].message,
        "the file is not valid JSON: it is nested more than 32 levels deep"
    );
    let deeper = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(
        Content::from_json(&deeper).unwrap_err()[0]
            .message
            .contains("nested more than 32 levels"),
        "no stack overflow"
    );
}

#[test]
fn the_clinical_trials_link_is_optional_and_checked_like_other_links() {
    // Left out, or both fields empty (as the export writes it): no link.
    let mut without = built_in_value();
    without["meta"]
        .as_object_mut()
        .unwrap()
        .remove("clinical_trials_link");
    let content = Content::from_json(&without.to_string()).unwrap();
    assert_eq!(content.meta.clinical_trials_link, None);
    assert_eq!(shipped().meta.clinical_trials_link, None);
    let trials = &content.sections[8];
    assert_eq!(content.section_link(trials), None);

    let mut with = built_in_value();
    with["meta"]["clinical_trials_link"] =
        serde_json::json!({ "text": " Trials we support ", "url": "/trials/" });
    let content = Content::from_json(&with.to_string()).unwrap();
    let link = tg_content::Link {
        text: "Trials we support".into(),
        href: "/trials/".into(),
    };
    assert_eq!(content.meta.clinical_trials_link.as_ref(), Some(&link));
    assert_eq!(content.section_link(&content.sections[8]), Some(&link));
    assert_eq!(
        content.section_link(&content.sections[0]),
        None,
        "only the clinical trials section"
    );

    for (link, error) in [
        (
            serde_json::json!({ "text": "Trials", "url": "javascript:alert(1)" }),
            "meta, its clinical trials link, its url: the link \"javascript:alert(1)\" is not allowed; \
             links must start with https:// or be relative",
        ),
        (
            serde_json::json!({ "text": "Trials", "url": "http://example.org" }),
            "meta, its clinical trials link, its url: the link \"http://example.org\" is not allowed; \
             links must start with https:// or be relative",
        ),
        (
            serde_json::json!({ "text": "", "url": "https://example.org/trials" }),
            "meta, its clinical trials link, its text: must not be empty",
        ),
        (
            serde_json::json!({ "text": "Trials", "url": " " }),
            "meta, its clinical trials link, its url: must not be empty",
        ),
        (
            serde_json::json!({ "url": "https://example.org/trials" }),
            "meta, clinical_trials_link has no \"text\" (a text); add it",
        ),
        (
            serde_json::json!("https://example.org/trials"),
            "meta, clinical_trials_link should be a block of fields, not a text",
        ),
    ] {
        let mut bad = built_in_value();
        bad["meta"]["clinical_trials_link"] = link;
        assert_eq!(json_errors(&bad), [error]);
    }
}

#[test]
fn a_clinical_trials_link_in_the_toml_files_is_placed_at_its_line() {
    let errors = broken("meta.toml", |text| {
        text.replace(
            "\n[strings]",
            "\n[meta.clinical_trials_link]\ntext = \"Trials\"\nurl = \"javascript:void(0)\"\n\n[strings]",
        )
    });
    assert_eq!(errors.len(), 1, "{errors:?}");
    let url_line = line_of("meta.toml", "[strings]") + 2;
    assert_eq!(
        errors[0].to_string(),
        format!(
            "content/meta.toml:{url_line}: meta, its clinical trials link, its url: the link \"javascript:void(0)\" \
             is not allowed; links must start with https:// or be relative"
        )
    );
}

#[test]
fn hostile_content_is_rejected_or_kept_as_text() {
    let mut long = built_in_value();
    long["drugs"][0]["synonyms"][0]["name"] = "O".repeat(1_000_000).into();
    assert!(json_errors(&long).iter().any(|e| e.contains(
        "the 1st drug, vincristine, its 1st other name: is 1000000 characters long; at most 300"
    )));

    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "http://example.org",
        "//example.org",
    ] {
        let mut link = built_in_value();
        let body = link["sections"][8]["body"].as_str().unwrap().to_owned();
        link["sections"][8]["body"] = format!("{body}\n\n[More]({url})").into();
        assert!(
            json_errors(&link)
                .iter()
                .any(|e| e.contains("is not allowed")),
            "{url} is rejected"
        );
    }

    let mut ok_link = built_in_value();
    let body = ok_link["sections"][8]["body"].as_str().unwrap().to_owned();
    ok_link["sections"][8]["body"] = format!("{body}\n\n[More](https://example.org/trials)").into();
    let content = Content::from_json(&ok_link.to_string()).unwrap();
    let last = content.sections[8].blocks.last().unwrap();
    assert_eq!(
        last,
        &Block::Paragraph(vec![Inline::Link {
            text: "More".into(),
            href: "https://example.org/trials".into()
        }])
    );

    let mut markup = built_in_value();
    markup["sections"][0]["title"] = "<script>alert(1)</script>".into();
    let content = Content::from_json(&markup.to_string()).unwrap();
    assert_eq!(
        content.sections[0].title, "<script>alert(1)</script>",
        "kept as text; the UI never renders HTML"
    );
}

mod properties {
    use proptest::prelude::*;
    use tg_content::{parse_body, Content};

    use super::shipped_json;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_text_as_content_gives_errors_not_panics(text in "\\PC{0,400}") {
            let _ = Content::from_json(&text);
        }

        #[test]
        fn any_body_markup_parses_or_reports_lines(body in "[a-z{}|\\[\\]()\\- \n:/.]{0,300}") {
            match parse_body(&body) {
                Ok(_) => {}
                Err(errors) => {
                    let lines = body.lines().count();
                    prop_assert!(errors.iter().all(|e| e.line < lines.max(1)));
                }
            }
        }

        #[test]
        fn any_string_in_a_field_is_handled(text in "\\PC{0,200}") {
            let mut value: serde_json::Value = serde_json::from_str(&shipped_json()).unwrap();
            value["sections"][1]["body"] = text.clone().into();
            value["drugs"][0]["synonyms"][0]["name"] = text.into();
            let _ = Content::from_json(&value.to_string());
        }
    }
}

#[test]
fn content_check_command_reports_ok_and_problems() {
    let exe = env!("CARGO_BIN_EXE_content-check");
    let dir = std::env::temp_dir().join(format!("tg-check-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    let out = std::process::Command::new(exe)
        .arg("--export")
        .arg(repository_dir())
        .arg(&good)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = std::process::Command::new(exe).arg(&good).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok: 9 sections, 16 drugs"));

    let mut value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&good).unwrap()).unwrap();
    value["drugs"][3]["synonyms"][1]["name"] = "Oncovin".into();
    let bad = dir.join("bad.json");
    fs::write(&bad, value.to_string()).unwrap();
    let out = std::process::Command::new(exe).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(": the 4th drug, cytarabine, its 2nd other name: \"Oncovin\" is already a name of vincristine"),
        "{stderr}"
    );

    let out = std::process::Command::new(exe)
        .arg(repository_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::process::Command::new(exe)
            .output()
            .unwrap()
            .status
            .code(),
        Some(2),
        "usage error"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_plain_language_check_reads_the_text_readers_see() {
    // Its text is the section's plain text, so its grades are the widget's.
    let dir = toml_source::ContentDir::read(&repository_dir(), "content/").unwrap();
    let raw = dir.raw.as_ref().unwrap();
    let content = shipped();
    for (raw, section) in raw.sections.iter().zip(&content.sections) {
        assert_eq!(
            tg_content::plain_body(&raw.body).text,
            section.plain_text(),
            "{}",
            section.id
        );
    }
    let check = dir.check();
    assert!(
        check.errors.is_empty() && check.warnings().is_empty(),
        "{check:?}"
    );
    let grades = &check.plain_language.as_ref().unwrap().grades;
    assert_eq!(grades.len(), 9);
    assert!(grades.iter().all(|g| g.grade <= MAX_GRADE));
}

#[test]
fn content_check_warns_about_plain_language_and_strict_makes_it_fail() {
    let dir = std::env::temp_dir().join(format!("tg-plain-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let strict = std::ffi::OsStr::new("--strict");

    // The shipped content passes, even with --strict, and shows every section's grade.
    let (code, stdout, stderr) = content_check(&[strict, repository_dir().as_os_str()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains(
            "reading grade by section (plain language is 8 or lower): What relapsed and refractory mean (relapsed-and-refractory) "
        ),
        "{stdout}"
    );
    assert!(stdout.contains("(clinical-trials) "), "{stdout}");
    assert!(!stderr.contains("warning"), "{stderr}");

    // A JSON file: a 30-word sentence in a list item, and a hard section.
    let mut value = built_in_value();
    let long = "Your doctor will check your blood every week or so while you have this treatment, \
                and will tell you what the results mean for you and your family today.";
    let body = value["sections"][7]["body"].as_str().unwrap().to_owned();
    value["sections"][7]["body"] = format!("{body}- {long}\n").into();
    value["sections"][7]["sources"]
        .as_array_mut()
        .unwrap()
        .push("Supportive therapy, list".into());
    value["sections"][2]["body"] =
        "Intravenous immunosuppressive administration necessitates multidisciplinary coordination."
            .into();
    value["sections"][2]["sources"] = serde_json::json!(["Targeted therapy, 1st paragraph"]);
    let file = dir.join("plain.json");
    fs::write(&file, value.to_string()).unwrap();
    let (code, stdout, stderr) = content_check(&[file.as_os_str()]);
    assert_eq!(code, Some(0), "warnings alone do not fail: {stderr}");
    assert!(stdout.contains(": ok: 9 sections"), "{stdout}");
    let label = file.display();
    let expected = [
        format!(
            "warning: {label}:1: the 3rd section, \"Targeted therapy\": plain language: reading grade 45.8, above 8; \
             use shorter sentences and everyday words"
        ),
        format!(
            "warning: {label}:1: the 8th section, \"Supportive therapy\": plain language: a sentence of 29 words, more than 25; \
             split it: \"Your doctor will check your blood every week or so …\""
        ),
        format!("{label}: 2 warning(s); --strict makes them errors"),
    ];
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines, expected, "{stderr}");

    let (code, _, stderr) = content_check(&[strict, file.as_os_str()]);
    assert_eq!(code, Some(1), "--strict fails on warnings: {stderr}");
    assert!(
        stderr.contains(&format!(
            "error: {label}:1: the 8th section, \"Supportive therapy\": plain language: a sentence of 29 words"
        )),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(&format!("{label}: 2 problem(s)\n")),
        "{stderr}"
    );

    // Errors and warnings together: both are listed, and the file fails without --strict.
    value["drugs"][3]["synonyms"][1]["name"] = "Oncovin".into();
    fs::write(&file, value.to_string()).unwrap();
    let (code, _, stderr) = content_check(&[file.as_os_str()]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("the 4th drug, cytarabine, its 2nd other name: \"Oncovin\" is already a name of vincristine")
    );
    assert!(stderr.contains("warning: "), "{stderr}");

    // The TOML folder: the warning names the file and the line of the sentence.
    let toml = dir.join("content");
    fs::create_dir_all(&toml).unwrap();
    for name in FILES {
        fs::copy(repository_dir().join(name), toml.join(name)).unwrap();
    }
    let sections = fs::read_to_string(toml.join("sections.toml")).unwrap();
    let item = "- {leukapheresis}, where a machine removes";
    assert!(sections.contains(item));
    fs::write(
        toml.join("sections.toml"),
        sections.replace(item, &format!("- {long}\n{item}")),
    )
    .unwrap();
    let (code, _, stderr) = content_check(&[strict, toml.as_os_str()]);
    assert_eq!(code, Some(1));
    let line = line_of("sections.toml", item);
    assert!(
        stderr.contains(&format!(
            "error: {}/sections.toml:{line}: the 8th section, \"Supportive therapy\": plain language: a sentence of 29 words",
            toml.display()
        )),
        "{stderr}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_name_language_the_source_and_the_translation_facts_are_checked() {
    let messages = |errors: Vec<ContentError>| -> Vec<String> {
        errors
            .iter()
            .map(|e| format!("{}: {}", e.location.path, e.message))
            .collect()
    };
    let lang = messages(broken("drugs.toml", |t| {
        t.replacen(
            "kind = \"other\", lang = \"fr\"",
            "kind = \"other\", lang = \"German\"",
            1,
        )
        .replacen(
            "kind = \"other\", lang = \"fr\"",
            "kind = \"other\", lang = \"en\"",
            1,
        )
    }));
    assert_eq!(
        lang,
        [
            "drugs[1].synonyms[2].lang: the 2nd drug, daunorubicin, its 3rd other name, its lang: \"German\" is not a language code; use a language code of two or three lower-case letters, such as en or fr, or leave lang out",
            "drugs[1].synonyms[3].lang: the 2nd drug, daunorubicin, its 4th other name, its lang: \"en\" is this file's own language; give lang only to a name in another language",
        ]
    );
    let source = messages(broken("meta.toml", |t| {
        t.replacen(
            "[meta.source]\n",
            "[meta.source]\nurl = \"javascript:alert(1)\"\n",
            1,
        )
    }));
    assert_eq!(source.len(), 1, "{source:?}");
    assert!(
        source[0].starts_with("meta.source.url: meta, its source, its url: the link \"javascript:alert(1)\" is not allowed"),
        "{source:?}"
    );
    let translation = messages(broken("meta.toml", |t| {
        t.replacen(
            "[meta.source]",
            "[meta.translation]\nfrom_language = \"en\"\nfrom_version = \"\"\nfrom_reviewed = \"soon\"\n\n[meta.source]",
            1,
        )
    }));
    let expected = [
        ("meta.translation.from_language", "\"en\" is this file's own language; a translation comes from another"),
        ("meta.translation.from_version", "must not be empty"),
        ("meta.translation.from_reviewed", "\"soon\" is not a date written as YYYY-MM-DD; run content-check --mark-translation to write it"),
    ];
    assert_eq!(translation.len(), expected.len(), "{translation:?}");
    for (got, (path, message)) in translation.iter().zip(expected) {
        assert!(
            got.starts_with(&format!("{path}: ")) && got.ends_with(message),
            "{got}"
        );
    }
}

#[test]
fn content_check_explains_names_in_another_language_and_translations() {
    let exe = env!("CARGO_BIN_EXE_content-check");
    let fr = repository_dir().join("fr");
    let out = std::process::Command::new(exe).arg(&fr).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("4 name(s) in another language (lang)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("a translation of the en text, version"),
        "{stdout}"
    );
    let help = std::process::Command::new(exe)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("drugs[].synonyms[].lang") && help.contains("meta.translation"),
        "{help}"
    );
}

#[test]
fn content_check_warns_when_a_translation_is_older_than_its_original() {
    let exe = env!("CARGO_BIN_EXE_content-check");
    let dir = std::env::temp_dir().join(format!("tg-old-translation-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let fr = repository_dir().join("fr");
    for name in FILES {
        fs::copy(fr.join(name), dir.join(name)).unwrap();
    }
    let meta = fs::read_to_string(dir.join("meta.toml")).unwrap();
    // The English text it was translated from is not the English text now.
    let old = meta.replacen(
        "from_fingerprint = \"sha256:",
        "from_fingerprint = \"sha256:00",
        1,
    );
    assert_ne!(meta, old);
    fs::write(dir.join("meta.toml"), old).unwrap();
    let out = std::process::Command::new(exe).arg(&dir).output().unwrap();
    let strict = std::process::Command::new(exe)
        .arg("--strict")
        .arg(&dir)
        .output()
        .unwrap();
    fs::remove_dir_all(&dir).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: ")
            && stderr.contains("this translation is out of date: it was made from version ")
            && stderr.contains(" of the en text, which has changed since"),
        "{stderr}"
    );
    assert_eq!(strict.status.code(), Some(1));
}
