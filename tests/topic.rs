//! Native tests of content beyond the built-in guide: a file on another
//! topic, validated and searched, and a throwaway third language that
//! validates, encodes and prerenders from a folder alone, and that other
//! editions name in their own words with no change to the code.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use tg_content::{toml_source, Content};
use tg_lookup::DrugIndex;

/// The small two-section content file on nausea (`crates/content/tests/fixtures`).
fn nausea() -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/content/tests/fixtures/nausea.json"),
    )
    .unwrap()
}

#[test]
fn a_file_on_another_topic_validates_and_its_drugs_are_searchable() {
    let content = Content::from_json(&nausea()).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let ids: Vec<&str> = content.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["feeling-sick", "anti-sickness-medicines"]);
    // Interface words the file leaves out come from English, and the lookup
    // hint names the file's own drugs, not the built-in guide's.
    assert_eq!(content.strings.close, "Close");
    assert_eq!(
        content.strings.lookup_hint,
        "A brand name, code or short form works too, such as Zofran."
    );
    assert!(!content.strings.lookup_hint.contains("Adriamycin"));

    let index = DrugIndex::new(&content);
    for query in ["Zofran", "zofran", "ondansetron", "Zofrn", "ondan"] {
        let hits = index.search(query, 5);
        assert_eq!(
            hits.first()
                .map(|hit| content.drugs[hit.drug].name.as_str()),
            Some("ondansetron"),
            "{query}"
        );
    }
    assert!(index.search("Adriamycin", 5).is_empty(), "no built-in drug");
}

/// A fresh temporary folder.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tg-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Rewrites a file; the edit must change it.
fn edit(path: &Path, change: impl FnOnce(String) -> String) {
    let before = fs::read_to_string(path).unwrap();
    let after = change(before.clone());
    assert_ne!(before, after, "the edit changes {}", path.display());
    fs::write(path, after).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}

#[test]
fn a_new_language_is_a_folder_and_nothing_else() {
    let root = temp_dir("languages");
    let content = root.join("content");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &content,
    );
    // The throwaway language: a copy of English under the code `xx`.
    let xx = content.join("xx");
    fs::create_dir_all(&xx).unwrap();
    for file in toml_source::FILES {
        let text = fs::read_to_string(content.join(file)).unwrap();
        let text = text
            .replace("language = \"en\"", "language = \"xx\"")
            .replace(
                "language_names = \"en: English, fr: French\"",
                "language_names = \"xx: Xish, en: English, fr: French\"",
            );
        fs::write(xx.join(file), text).unwrap();
    }
    // Other editions name it and its names with words of their own
    // (`language_names`), all in content: the English text lists a name in
    // it, and the French text is translated from it.
    edit(&content.join("drugs.toml"), |t| {
        t.replacen(
            "kind = \"other\", lang = \"fr\"",
            "kind = \"other\", lang = \"xx\"",
            1,
        )
    });
    edit(&content.join("meta.toml"), |t| {
        t.replace("fr: French\"", "fr: French, xx: Xish\"")
    });
    edit(&content.join("fr/meta.toml"), |t| {
        t.replace("from_language = \"en\"", "from_language = \"xx\"")
            .replace("fr: français\"", "fr: français, xx: xxois\"")
    });

    let found: Vec<String> = toml_source::discover(&content)
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    assert_eq!(found, ["en", "fr", "xx"]);

    // It validates and is sealed like any language.
    let loaded = toml_source::ContentDir::read(&xx, "content/xx/").unwrap();
    let validated = loaded.validate().unwrap();
    assert_eq!(validated.meta.language, "xx");
    assert_eq!(validated.strings.language_name("xx"), "Xish");
    let english = toml_source::load(&content, "content/").unwrap();
    let named = english
        .drugs
        .iter()
        .flat_map(|d| &d.synonyms)
        .find(|s| s.lang.as_deref() == Some("xx"))
        .expect("a name in the new language is kept with its language");
    assert_eq!(english.strings.language_name("xx"), "Xish", "{named:?}");
    let sealed = tg_content::Sealed::of(&validated).unwrap();
    assert_eq!(Content::from_sealed(sealed.as_str()).unwrap(), validated);

    // The prerender step writes its files and lists it.
    let out = root.join("out");
    let codes = treatment_guide::prerender::write(&out, &content).unwrap();
    assert_eq!(codes, ["en", "fr", "xx"]);
    assert_eq!(
        fs::read_to_string(out.join("languages.json")).unwrap(),
        r#"["en","fr","xx"]"#
    );
    let bundle = fs::read_to_string(out.join("lang-xx.json")).unwrap();
    let bundle: serde_json::Value = serde_json::from_str(&bundle).unwrap();
    let decoded = treatment_guide::built_in::open(bundle["content"].as_str().unwrap()).unwrap();
    assert_eq!(decoded.meta.language, "xx");
    assert!(bundle["guide"]["html"]
        .as_str()
        .unwrap()
        .contains(&decoded.meta.title));
    let fallback = fs::read_to_string(out.join("fallback-xx.html")).unwrap();
    assert!(fallback.contains(&decoded.sections[0].title));
    // The French guide, translated from it, names it in its footer.
    let french = fs::read_to_string(out.join("fallback-fr.html")).unwrap();
    assert!(
        french.contains("du texte xxois"),
        "the French footer names xx"
    );
    // The loader's manifest lists it with its early text, so `lang="xx"` (or an
    // ancestor's) chooses it: the loader keeps a language the manifest has.
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let xx = &manifest["languages"]["xx"];
    assert_eq!(
        xx["text"]["loading"].as_str(),
        Some(decoded.strings.loading.as_str())
    );
    fs::remove_dir_all(&root).unwrap();
}
