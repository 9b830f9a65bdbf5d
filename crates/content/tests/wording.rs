//! Native tests of the wording of the built-in content that the third
//! medical read and a Québec medical translator asked for (issue 27): what
//! the glossary says of remission, blasts, allogeneic transplant, the
//! Philadelphia chromosome and CAR T-cell therapy, the drug list that is not
//! the whole list, and the French terms, register and interface strings.
#![cfg(not(target_arch = "wasm32"))]

use tg_content::toml_source;
use tg_content::{Content, UiStrings};

mod common;
use common::repository_dir;

fn english() -> Content {
    toml_source::load(&repository_dir(), "content/").expect("content/ is valid")
}

fn french() -> Content {
    toml_source::load(&repository_dir().join("fr"), "content/fr/").expect("content/fr/ is valid")
}

/// A glossary definition, with no-break spaces as spaces.
fn definition(content: &Content, term: &str) -> String {
    content
        .glossary
        .iter()
        .find(|t| t.term == term)
        .unwrap_or_else(|| panic!("the glossary has {term:?}"))
        .definition
        .replace('\u{a0}', " ")
}

/// A section's text as readers see it, with no-break spaces as spaces.
fn section(content: &Content, id: &str) -> String {
    let section = content.sections.iter().find(|s| s.id == id).unwrap();
    format!("{}\n{}", section.title, section.plain_text()).replace('\u{a0}', " ")
}

/// Everything a reader can read in one edition: title, intro, sections,
/// glossary, drug classes and interface strings.
fn all_text(content: &Content) -> String {
    let mut all = vec![content.meta.title.clone(), content.meta.intro.clone()];
    for section in &content.sections {
        all.extend([
            section.title.clone(),
            section.summary.clone(),
            section.plain_text(),
        ]);
    }
    all.extend(content.glossary.iter().map(|t| t.definition.clone()));
    all.extend(content.drugs.iter().map(|d| d.class.clone()));
    for name in UiStrings::NAMES {
        all.push(content.strings.field(name).unwrap().to_owned());
    }
    all.join("\n")
}

#[test]
fn remission_is_what_treatment_aims_for_and_the_leukemia_can_come_back() {
    let en = definition(&english(), "remission");
    assert!(
        en.starts_with("Remission is what treatment for ALL aims to reach."),
        "{en}"
    );
    for fact in [
        "complete or partial",
        "long or short",
        "ALL can come back after a remission",
    ] {
        assert!(en.contains(fact), "{fact}: {en}");
    }
    assert!(en.contains("relapsed ALL means"), "{en}");
    assert!(!en.contains("gone away"), "{en}");

    let fr = definition(&french(), "rémission");
    assert!(
        fr.starts_with("La rémission est ce que vise le traitement de la LLA."),
        "{fr}"
    );
    for fact in [
        "complète ou partielle",
        "longue ou courte",
        "La LLA peut revenir après une rémission",
        "LLA en rechute",
    ] {
        assert!(fr.contains(fact), "{fact}: {fr}");
    }
    assert!(!fr.contains("disparu"), "{fr}");
}

#[test]
fn blasts_are_what_leukemia_cells_are_called_in_all() {
    assert_eq!(
        definition(&english(), "blasts"),
        "In ALL, the leukemia cells are called blasts."
    );
    assert_eq!(
        definition(&french(), "blastes"),
        "Dans la LLA, les cellules leucémiques sont appelées blastes."
    );
    assert!(section(&english(), "relapsed-and-refractory")
        .contains("leukemia cells, which in ALL are called blasts."));
    assert!(section(&french(), "relapsed-and-refractory")
        .contains("cellules leucémiques, appelées blastes dans la LLA."));
}

#[test]
fn allogeneic_says_the_stem_cells_come_from_a_donor() {
    let en = definition(&english(), "allogeneic stem cell transplant");
    assert!(en.starts_with("A stem cell transplant in which the stem cells come from another person, called a donor."), "{en}");
    let fr = definition(&french(), "greffe allogénique de cellules souches");
    assert!(fr.starts_with("Une greffe de cellules souches qui proviennent d’une autre personne, appelée le donneur."), "{fr}");
}

#[test]
fn the_philadelphia_chromosome_is_abnormal_and_the_subject_is_clear() {
    let en = definition(&english(), "Philadelphia chromosome");
    assert!(
        en.starts_with("An abnormal, or changed, chromosome"),
        "{en}"
    );
    assert!(en.contains("Ph+ ALL is often treated"), "{en}");
    assert!(!en.contains("It is often treated"), "{en}");
    let fr = definition(&french(), "chromosome Philadelphie");
    assert!(fr.starts_with("Un chromosome anormal, ou modifié,"), "{fr}");
    assert!(fr.contains("La LLA Ph+ est souvent traitée"), "{fr}");
}

#[test]
fn car_t_cells_are_given_back_to_the_person() {
    let en = definition(&english(), "CAR T-cell therapy");
    assert!(
        en.contains("They are then given back to the person."),
        "{en}"
    );
    let fr = definition(&french(), "thérapie par lymphocytes T à CAR (CAR-T)");
    assert!(
        fr.contains("Elles sont ensuite réinjectées à la personne."),
        "{fr}"
    );
}

#[test]
fn the_chemotherapy_list_is_not_the_whole_list() {
    let en = section(&english(), "chemotherapy");
    assert!(
        en.contains("The drugs your healthcare team may use together include:"),
        "{en}"
    );
    assert!(!en.contains("may use some of these drugs together"), "{en}");
    let fr = section(&french(), "chemotherapy");
    assert!(
        fr.contains(
            "Parmi les médicaments que votre équipe de soins pourrait associer, on trouve :"
        ),
        "{fr}"
    );
}

#[test]
fn low_blood_counts_can_increase_the_risk_of_infection() {
    let en = section(&english(), "supportive-therapy");
    assert!(
        en.contains("That can increase the risk of infection."),
        "{en}"
    );
    assert!(!en.contains("raises the risk"), "{en}");
    let fr = section(&french(), "supportive-therapy");
    assert!(
        fr.contains("ce qui peut augmenter le risque d’infection."),
        "{fr}"
    );
}

/// The Société canadienne du cancer's name for CAR T-cell therapy, wherever
/// the French edition names it; LAL, what Québec hospitals write, as a name of
/// the disease; and « en rechute » as the main word for relapsed.
#[test]
fn french_names_of_the_therapy_and_the_disease() {
    let fr = french();
    let text = all_text(&fr);
    assert!(
        !text.contains("cellules CAR-T"),
        "«\u{a0}cellules CAR-T\u{a0}» is left"
    );
    assert!(section(&fr, "immunotherapy")
        .starts_with("Immunothérapie et thérapie par lymphocytes T à CAR (CAR-T)\n"));
    let class = &fr
        .drugs
        .iter()
        .find(|d| d.name == "tisagenlecleucel")
        .unwrap()
        .class;
    assert_eq!(class, "thérapie par lymphocytes T à CAR (CAR-T)");
    for term in ["récepteurs antigéniques chimériques", "antigène"] {
        assert!(
            definition(&fr, term).contains("thérapie par lymphocytes T à CAR (CAR-T)"),
            "{term}"
        );
    }

    assert!(
        section(&fr, "relapsed-and-refractory").contains("leucémie aiguë lymphoblastique (LAL)")
    );
    assert!(definition(&fr, "LLA Ph+").contains("LAL Ph+"));
    assert!(definition(&fr, "LLA Ph-").contains("LAL Ph-"));

    assert!(
        fr.meta.title.ends_with("en rechute ou réfractaire"),
        "{}",
        fr.meta.title
    );
    assert!(fr
        .glossary
        .iter()
        .any(|t| t.term == "en rechute" && t.aliases.iter().any(|a| a == "récidivante")));
}

/// The register and calques a Québec medical translator corrected, and the
/// interface strings in the words and typography of Québec.
#[test]
fn french_register_and_interface_strings() {
    let fr = french();
    let text = all_text(&fr).replace('\u{a0}', " ");
    for wrong in [
        "tué",
        "tuent",
        "approuvé",
        "restent possibles",
        "cellules appelées lymphocytes T sont prélevées chez la personne atteinte du cancer",
        "une forte dose",
        "un certain",
        "ensemble :",
        "Puis, elles",
        "Désolé",
        "texte simple",
        "guide simple",
        "guide de traitement",
        "entrer",
        ", et ",
    ] {
        assert!(
            !text.contains(wrong),
            "«\u{a0}{wrong}\u{a0}» is still in the French text"
        );
    }
    for right in [
        "Des millions de lymphocytes T sont prélevés chez la personne atteinte d’un cancer",
        "du méthotrexate à haute dose, par voie intraveineuse",
        "un antigène précis",
        "Il est autorisé",
        "pourraient tout de même être envisagés",
    ] {
        assert!(text.contains(right), "«\u{a0}{right}\u{a0}» is missing");
    }
    // Québec typography: no space, or a narrow no-break space, before a semicolon.
    let chars: Vec<char> = all_text(&fr).chars().collect();
    for (i, pair) in chars.windows(2).enumerate() {
        let context: String = chars[i.saturating_sub(40)..i + 2].iter().collect();
        assert!(
            !(pair[1] == ';' && matches!(pair[0], ' ' | '\u{a0}')),
            "a space before «\u{202f};\u{202f}»: {context:?}"
        );
    }
    let strings = &fr.strings;
    assert!(strings.crash.starts_with("Nous sommes désolés"));
    assert!(strings.content_error.starts_with("Nous sommes désolés"));
    for s in [&strings.crash, &strings.load_failed] {
        assert!(s.contains("a version texte du guide"), "{s}");
    }
    for s in [&strings.loading, &strings.crash, &strings.content_error] {
        assert!(s.contains("guide des traitements"), "{s}");
    }
    for s in [&strings.lookup_hint, &strings.lookup_hint_examples] {
        assert!(s.starts_with("Vous pouvez aussi saisir"), "{s}");
    }
}
