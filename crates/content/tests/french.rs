//! Native tests of the French content in `content/fr/`: it is valid, and it
//! mirrors the English content in `content/` (sections, drugs, other names,
//! glossary, interface strings) so that one can stand in for the other.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use tg_content::readability::{sentences, word_count, MAX_SENTENCE_WORDS};
use tg_content::toml_source;

mod common;
use common::repository_dir;
use tg_content::{name_key, Block, Content, Drug, Inline, SynonymKind, UiStrings};

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

/// The structure of a content file, with the words left out: meta fields
/// given or not, each section's id, summary given or not, blocks with their
/// list lengths, drug mentions in order and glossary mentions (as a set),
/// and each drug's section and kinds of names.
fn structure(content: &Content) -> String {
    let meta = &content.meta;
    let mut out = format!(
        "intro:{} link:{} source:{} translation-from:{:?}\n",
        !meta.intro.is_empty(),
        meta.clinical_trials_link.is_some(),
        meta.source.is_some(),
        meta.translation.as_ref().map(|t| &t.from_version),
    );
    for section in &content.sections {
        out += &format!("{} summary:{}\n", section.id, !section.summary.is_empty());
        for block in &section.blocks {
            let (kind, inlines): (String, Vec<&Inline>) = match block {
                Block::Paragraph(runs) => ("p".into(), runs.iter().collect()),
                Block::List(items) => (
                    format!("list of {}", items.len()),
                    items.iter().flatten().collect(),
                ),
            };
            let drugs: Vec<usize> = inlines
                .iter()
                .filter_map(|run| match run {
                    Inline::Drug { drug, .. } => Some(*drug),
                    _ => None,
                })
                .collect();
            let terms: BTreeSet<usize> = inlines
                .iter()
                .filter_map(|run| match run {
                    Inline::Term { term, .. } => Some(*term),
                    _ => None,
                })
                .collect();
            out += &format!("  {kind} drugs {drugs:?} terms {terms:?}\n");
        }
    }
    for drug in &content.drugs {
        let kinds: BTreeSet<&str> = drug.synonyms.iter().map(|s| s.kind.as_str()).collect();
        out += &format!("drug in {} kinds {kinds:?}\n", drug.treatment);
    }
    out
}

/// The French text is the translation of the English one: one structure.
/// Without the translation facts, which only a translation has.
#[test]
fn english_and_french_have_one_structure() {
    let (en, mut fr) = (english(), french());
    assert!(
        fr.meta.translation.is_some(),
        "the French edition says it is a translation"
    );
    fr.meta.translation = None;
    let (e, f) = (structure(&en), structure(&fr));
    assert!(
        e == f,
        "the structures differ:\nEnglish:\n{e}\nFrench:\n{f}"
    );
}

/// The French edition was translated from the English text as it is now.
#[test]
fn the_french_translation_is_of_the_current_english_version() {
    let (en, fr) = (english(), french());
    let translation = fr.meta.translation.expect("meta.translation");
    assert_eq!(translation.from_language, "en");
    assert!(
        !translation.is_behind(&en.meta.version),
        "translated from {} but the English text is {}",
        translation.from_version,
        en.meta.version
    );
    // The fingerprint recorded is the English text's as it is now: a change
    // to what English readers see marks the translation out of date.
    let raw = |code: &str| {
        tg_content::toml_source::built_in(code)
            .and_then(|dir| dir.raw)
            .expect("built-in content")
    };
    assert!(
        !tg_content::review::translation_behind(&raw("fr"), &raw("en")),
        "the English text has changed since the French translation was marked: translate \
         what changed, then run `cargo run --bin content-check -- --mark-translation content/fr/`"
    );
}

/// The other language's own spellings of a drug: its generic name and its
/// other names (not brands or codes, which both languages share), where the
/// card's language spells the generic name differently.
fn spellings_of(other: &Drug, card: &Drug) -> BTreeSet<String> {
    std::iter::once(&other.name)
        .chain(
            other
                .synonyms
                .iter()
                .filter(|s| s.lang.is_none() && s.kind == SynonymKind::Other)
                .map(|s| &s.name),
        )
        .map(|name| name_key(name))
        .filter(|key| *key != name_key(&card.name))
        .collect()
}

/// A name in one language's card that is the other language's spelling
/// carries that language, so the card labels it ("French name:
/// doxorubicine") instead of passing it off as one of its own names.
#[test]
fn names_in_the_other_language_are_labelled_on_the_card() {
    let (en, fr) = (english(), french());
    let mut unlabelled = Vec::new();
    let mut check = |card: &Drug, other: &Drug, other_lang: &str| {
        let spellings = spellings_of(other, card);
        for synonym in &card.synonyms {
            if spellings.contains(&name_key(&synonym.name))
                && synonym.lang.as_deref() != Some(other_lang)
            {
                unlabelled.push(format!(
                    "{}: {} needs lang = \"{other_lang}\"",
                    card.name, synonym.name
                ));
            }
        }
    };
    for (e, f) in en.drugs.iter().zip(&fr.drugs) {
        check(e, f, "fr");
        check(f, e, "en");
    }
    assert!(unlabelled.is_empty(), "{unlabelled:#?}");
    // The check can fail: an English card listing "doxorubicine" unlabelled.
    let mut bare = en.drugs.clone();
    let doxorubicin = bare.iter_mut().find(|d| d.name == "doxorubicin").unwrap();
    doxorubicin.synonyms.iter_mut().for_each(|s| s.lang = None);
    let french_doxorubicin = fr.drugs.iter().find(|d| d.name == "doxorubicine").unwrap();
    assert!(spellings_of(french_doxorubicin, doxorubicin)
        .iter()
        .any(|key| doxorubicin
            .synonyms
            .iter()
            .any(|s| name_key(&s.name) == *key && s.lang.is_none())));
}

/// The French names the English content lists, and the English names the
/// French content lists, each with its language.
#[test]
fn the_known_names_of_the_other_language_carry_it() {
    let (en, fr) = (english(), french());
    let lang_of = |content: &Content, drug: &str, name: &str| -> Option<String> {
        let drug = content.drugs.iter().find(|d| d.name == drug).unwrap();
        let synonym = drug.synonyms.iter().find(|s| s.name == name);
        synonym
            .unwrap_or_else(|| panic!("{drug:?} lists {name}"))
            .lang
            .clone()
    };
    for (drug, name) in [
        ("daunorubicin", "daunorubicine"),
        ("daunorubicin", "daunomycine"),
        ("doxorubicin", "doxorubicine"),
        ("inotuzumab ozogamicin", "inotuzumab ozogamicine"),
    ] {
        assert_eq!(lang_of(&en, drug, name).as_deref(), Some("fr"), "{name}");
    }
    for (drug, name) in [
        ("daunorubicine", "daunorubicin"),
        ("daunorubicine", "daunomycin"),
        ("doxorubicine", "doxorubicin"),
        ("inotuzumab ozogamicine", "inotuzumab ozogamicin"),
    ] {
        assert_eq!(lang_of(&fr, drug, name).as_deref(), Some("en"), "{name}");
    }
}

/// The text readers see of a section, with no-break spaces as spaces.
fn section_text(content: &Content, id: &str) -> String {
    let section = content.sections.iter().find(|s| s.id == id).unwrap();
    format!(
        "{}\n{}\n{}",
        section.title,
        section.summary,
        section.plain_text()
    )
    .replace('\u{a0}', " ")
}

/// The facts of each section that must stay, in both languages: drug
/// names, ages, the remission a transplant waits for, the CNS treatments.
/// Each pair is what the English and the French text must say.
const KEY_FACTS: &[(&str, &[(&str, &str)])] = &[
    (
        "relapsed-and-refractory",
        &[
            ("come back", "revenue"),
            ("2 to 3 years", "2 à 3 ans"),
            ("did not kill enough", "n’a pas détruit assez"),
            ("blasts", "blastes"),
            ("complete remission", "rémission complète"),
        ],
    ),
    (
        "chemotherapy",
        &[
            ("reinduction chemotherapy", "chimiothérapie de réinduction"),
            ("long", "longue"),
            ("short", "courte"),
            ("stronger doses", "augmenter les doses"),
            ("vincristine", "vincristine"),
            ("daunorubicin", "daunorubicine"),
            ("doxorubicin", "doxorubicine"),
            ("cytarabine", "cytarabine"),
            ("asparaginase", "asparaginase"),
            ("etoposide", "étoposide"),
            ("teniposide", "téniposide"),
            ("mercaptopurine", "mercaptopurine"),
            ("methotrexate", "méthotrexate"),
            ("cyclophosphamide", "cyclophosphamide"),
            ("steroids", "stéroïdes"),
            ("prednisone", "prednisone"),
            ("dexamethasone", "dexaméthasone"),
        ],
    ),
    (
        "targeted-therapy",
        &[
            ("Philadelphia chromosome", "chromosome Philadelphie"),
            ("Ph+ ALL", "LLA Ph+"),
            ("Ph- ALL", "LLA Ph-"),
            ("imatinib", "imatinib"),
            ("Blinatumomab", "blinatumomab"),
            ("precursor B ALL", "LLA à précurseurs B"),
            ("whether or not", "ou non"),
            ("Inotuzumab ozogamicin", "inotuzumab ozogamicine"),
            (
                "CD22-positive B-cell precursor ALL",
                "LLA à précurseurs B exprimant le CD22",
            ),
        ],
    ),
    (
        "radiation-therapy",
        &[
            ("low dose", "faible dose"),
            ("bone", "os"),
            ("brain and spinal cord", "cerveau et à la moelle épinière"),
            ("external beam", "radiothérapie externe"),
        ],
    ),
    (
        "cns-treatment",
        &[
            ("CNS prophylaxis", "prophylaxie du SNC"),
            ("intrathecal chemotherapy", "chimiothérapie intrathécale"),
            ("spinal fluid", "liquide céphalorachidien"),
            ("methotrexate", "méthotrexate"),
            ("cytarabine", "cytarabine"),
            ("prednisone", "prednisone"),
            ("high dose of methotrexate", "méthotrexate à haute dose"),
            ("into a vein", "par voie intraveineuse"),
            ("radiation therapy to the brain", "radiothérapie au cerveau"),
        ],
    ),
    (
        "stem-cell-transplant",
        &[
            (
                "allogeneic stem cell transplant",
                "greffe allogénique de cellules souches",
            ),
            ("second remission", "deuxième rémission"),
            ("partial remission", "rémission partielle"),
        ],
    ),
    (
        "immunotherapy",
        &[
            (
                "CAR T-cell therapy",
                "thérapie par lymphocytes T à CAR (CAR-T)",
            ),
            ("T cells", "lymphocytes T"),
            (
                "chimeric antigen receptors",
                "récepteurs antigéniques chimériques",
            ),
            ("tisagenlecleucel", "tisagenlecleucel"),
            ("Kymriah", "Kymriah"),
            ("up to age 25", "jusqu’à l’âge de 25 ans"),
            ("B-cell ALL", "LLA à cellules B"),
            (
                "stem cell transplant is not possible",
                "greffe de cellules souches n’est pas possible",
            ),
            ("older than 25", "plus de 25 ans"),
        ],
    ),
    (
        "supportive-therapy",
        &[
            ("antibiotics", "antibiotiques"),
            ("growth factors", "facteurs de croissance"),
            ("risk of infection", "risque d’infection"),
            ("fresh frozen plasma", "plasma frais congelé"),
            ("cryoprecipitate", "cryoprécipité"),
            ("tumour lysis syndrome", "syndrome de lyse tumorale"),
            ("leukapheresis", "leucaphérèse"),
        ],
    ),
    ("clinical-trials", &[("clinical trial", "essai clinique")]),
];

#[test]
fn every_section_keeps_its_key_facts_in_both_languages() {
    let (en, fr) = (english(), french());
    let ids: Vec<&str> = KEY_FACTS.iter().map(|(id, _)| *id).collect();
    let all: Vec<&str> = en.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, all, "every section has its list of key facts");
    let mut missing = Vec::new();
    for (id, facts) in KEY_FACTS {
        let (e, f) = (section_text(&en, id), section_text(&fr, id));
        for (english, french) in *facts {
            if !e.contains(english) {
                missing.push(format!("{id} (English): {english}"));
            }
            if !f.contains(french) {
                missing.push(format!("{id} (French): {french}"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// Every section tells readers that their healthcare team can say what may
/// suit them; the guide says once, at the top, that it does not replace
/// their advice; and the team has one name in each language.
#[test]
fn every_section_sends_readers_to_their_healthcare_team() {
    for (content, team, may_suit, not_replace, other_names) in [
        (
            english(),
            "healthcare team",
            "may suit you",
            "does not replace advice from your healthcare team",
            &["care team", "medical team"][..],
        ),
        (
            french(),
            "équipe de soins",
            "pourrai",
            "ne remplace pas les conseils de votre équipe de soins",
            &["équipe soignante", "équipe médicale"][..],
        ),
    ] {
        for section in &content.sections {
            let text = section_text(&content, &section.id);
            assert!(
                text.contains(team) && text.contains(may_suit),
                "{}: {team}",
                section.id
            );
        }
        assert!(
            content.meta.intro.contains(not_replace),
            "{}",
            content.meta.intro
        );
        let mut all = content.meta.intro.clone();
        for section in &content.sections {
            all += &section_text(&content, &section.id);
        }
        for other in other_names {
            let stray = all
                .match_indices(other)
                .any(|(at, _)| !all[..at].ends_with("health"));
            assert!(!stray, "the team is called \"{team}\", not \"{other}\"");
        }
    }
}

/// Terms and typography of the French edition (issue 18): the Société
/// canadienne du cancer's terms, no calques, a no-break space between a
/// number and its noun and before a colon.
#[test]
fn french_terms_and_typography() {
    let fr = french();
    let mut all = vec![fr.meta.title.clone(), fr.meta.intro.clone()];
    for section in &fr.sections {
        all.extend([
            section.title.clone(),
            section.summary.clone(),
            section.plain_text(),
        ]);
    }
    all.extend(fr.glossary.iter().map(|t| t.definition.clone()));
    all.extend(fr.drugs.iter().map(|d| d.class.clone()));
    for name in UiStrings::NAMES {
        all.push(fr.strings.field(name).unwrap().to_owned());
    }
    let text = all.join("\n");
    for wrong in [
        "cellules T",
        "liquide rachidien",
        "donné",
        "redonné",
        "congelé frais",
        "aux autres traitements",
        "LLA récurrente",
        "{récurrente}",
        "plus de traitement",
        "Ou encore",
        "Quelque chose",
        "plus probables",
        "fonctionne aussi",
        "sur {drug}",
        "Aussi appelé",
        "Mentionné",
        "dernière révision",
    ] {
        assert!(
            !text.contains(wrong),
            "«\u{a0}{wrong}\u{a0}» is still in the French text"
        );
    }
    // A number and the word after it, and the word before a colon, are held together.
    let chars: Vec<char> = text.chars().collect();
    for (i, pair) in chars.windows(3).enumerate() {
        let [before, space, after] = [pair[0], pair[1], pair[2]];
        let context: String = chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
            .iter()
            .collect();
        assert!(
            !(before.is_ascii_digit()
                && space == ' '
                && after.is_alphabetic()
                && after != 'à'
                && after != 'o'),
            "a no-break space after a number: {context:?}"
        );
        assert!(
            !(space == ' ' && after == ':'),
            "a no-break space before a colon: {context:?}"
        );
        assert!(
            !(before == '«' && space == ' '),
            "a no-break space inside « »: {context:?}"
        );
    }
    assert!(fr.strings.many_results.contains("{count}\u{a0}médicaments"));
}
