//! Native tests of the French content in `content/fr/`: it is valid, and it
//! mirrors the English content in `content/` (sections, drugs, other names,
//! glossary, interface strings) so that one can stand in for the other.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use tg_content::readability::{sentences, word_count, MAX_SENTENCE_WORDS};
use tg_content::toml_source;

/// This repository's content folder.
fn repository_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}
use tg_content::{name_key, Block, Content, Drug, Inline, UiStrings};

fn english() -> Content {
    toml_source::load(&repository_dir(), "content/").expect("content/ is valid")
}

fn french() -> Content {
    toml_source::load(&repository_dir().join("fr"), "content/fr/").unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("content/fr/ is invalid:\n{}", lines.join("\n"))
    })
}

/// The keys of every name of a drug: its generic name and its other names.
fn name_keys(drug: &Drug) -> BTreeSet<String> {
    std::iter::once(&drug.name)
        .chain(drug.synonyms.iter().map(|s| &s.name))
        .map(|name| name_key(name))
        .collect()
}

/// The `{placeholders}` of an interface string.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// The runs of a section, paragraphs and list items alike, in order.
fn runs(blocks: &[Block]) -> Vec<&Inline> {
    blocks
        .iter()
        .flat_map(|block| match block {
            Block::Paragraph(runs) => runs.iter().collect::<Vec<_>>(),
            Block::List(items) => items.iter().flatten().collect(),
        })
        .collect()
}

#[test]
fn french_content_is_valid_and_declares_its_language() {
    let content = french();
    assert_eq!(content.meta.language, "fr");
    assert!(!content.meta.title.trim().is_empty());
}

#[test]
fn french_sections_have_the_english_ids_in_the_same_order() {
    let ids = |c: &Content| -> Vec<String> { c.sections.iter().map(|s| s.id.clone()).collect() };
    assert_eq!(ids(&french()), ids(&english()));
}

#[test]
fn french_sections_have_the_english_shape() {
    let (en, fr) = (english(), french());
    for (e, f) in en.sections.iter().zip(&fr.sections) {
        let shape = |blocks: &[Block]| -> Vec<Option<usize>> {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph(_) => None,
                    Block::List(items) => Some(items.len()),
                })
                .collect()
        };
        assert_eq!(shape(&f.blocks), shape(&e.blocks), "{}", e.id);
        assert_eq!(f.summary.is_empty(), e.summary.is_empty(), "{}", e.id);
    }
}

#[test]
fn french_drugs_are_the_english_drugs_in_the_same_order() {
    let (en, fr) = (english(), french());
    assert_eq!(fr.drugs.len(), en.drugs.len());
    for (e, f) in en.drugs.iter().zip(&fr.drugs) {
        let keys = name_keys(f);
        // The English generic name finds the French drug: it is the same
        // name (accents aside) or one of its other names.
        assert!(
            keys.contains(&name_key(&e.name)),
            "{}: the English name {} is not among {:?}",
            f.name,
            e.name,
            keys
        );
        assert_eq!(f.treatment, e.treatment, "{}", f.name);
        assert_eq!(f.mentioned_in, e.mentioned_in, "{}", f.name);
    }
}

#[test]
fn every_english_brand_name_and_code_is_kept_in_french() {
    let (en, fr) = (english(), french());
    for (e, f) in en.drugs.iter().zip(&fr.drugs) {
        for synonym in &e.synonyms {
            let kept = f
                .synonyms
                .iter()
                .any(|s| s.name == synonym.name && s.kind == synonym.kind)
                || name_keys(f).contains(&name_key(&synonym.name));
            assert!(kept, "{}: {} is missing", f.name, synonym.name);
        }
    }
}

#[test]
fn french_sections_mention_the_same_drugs_in_the_same_order() {
    let (en, fr) = (english(), french());
    for (e, f) in en.sections.iter().zip(&fr.sections) {
        let drugs = |blocks: &[Block]| -> Vec<usize> {
            runs(blocks)
                .into_iter()
                .filter_map(|run| match run {
                    Inline::Drug { drug, .. } => Some(*drug),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(drugs(&f.blocks), drugs(&e.blocks), "{}", e.id);
    }
}

#[test]
fn french_glossary_has_a_term_for_each_english_term() {
    let (en, fr) = (english(), french());
    assert_eq!(fr.glossary.len(), en.glossary.len());
    // "LAL" is the spelling used in France: readers may write it.
    let names: BTreeSet<String> = fr
        .glossary
        .iter()
        .flat_map(|t| std::iter::once(&t.term).chain(&t.aliases))
        .map(|n| name_key(n))
        .collect();
    assert!(names.contains(&name_key("LLA Ph+")) && names.contains(&name_key("LAL Ph+")));
}

#[test]
fn every_interface_string_is_translated_with_its_placeholders() {
    let (en, fr) = (english(), french());
    for name in UiStrings::NAMES {
        let e = en.strings.field(name).unwrap();
        let f = fr.strings.field(name).unwrap();
        assert_eq!(placeholders(f), placeholders(e), "strings.{name}");
    }
    assert_ne!(fr.strings.version_line, en.strings.version_line);
    assert_ne!(fr.strings.lookup_label, en.strings.lookup_label);
}

/// The reading check that holds in any language: no sentence over
/// [`MAX_SENTENCE_WORDS`] words. (The Flesch-Kincaid grade of
/// `readability` counts English syllables, so it is not applied here.)
#[test]
fn no_french_sentence_is_too_long() {
    let content = french();
    let mut texts = vec![
        ("meta.title".to_owned(), content.meta.title.clone()),
        ("meta.intro".to_owned(), content.meta.intro.clone()),
    ];
    for section in &content.sections {
        texts.push((format!("{} summary", section.id), section.summary.clone()));
        texts.push((format!("{} body", section.id), section.plain_text()));
    }
    for term in &content.glossary {
        texts.push((format!("glossary: {}", term.term), term.definition.clone()));
    }
    let mut long = Vec::new();
    for (place, text) in &texts {
        for sentence in sentences(text) {
            let words = word_count(sentence);
            if words > MAX_SENTENCE_WORDS {
                long.push(format!("{place}: {words} words: {sentence:?}"));
            }
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn french_text_names_the_disease_lla() {
    let content = french();
    let mut texts: Vec<String> = vec![content.meta.title.clone(), content.meta.intro.clone()];
    for section in &content.sections {
        texts.extend([
            section.title.clone(),
            section.summary.clone(),
            section.plain_text(),
        ]);
    }
    texts.extend(content.glossary.iter().map(|t| t.definition.clone()));
    for text in &texts {
        assert!(
            !text
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "ALL"),
            "English \"ALL\" left in: {text:?}"
        );
    }
    assert!(content
        .meta
        .title
        .contains("leucémie lymphoblastique aiguë (LLA)"));
}
