//! The files in `docs/` written from this crate: `content.schema.json`
//! (from the format's declaration, `tg_content::schema`) and
//! `content-example.json` (the English content folder, exported). Each test
//! fails when its file differs from what the crate writes; `TG_BLESS=1
//! cargo test -p tg-content --test generated` rewrites them.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use tg_content::record::Record;
use tg_content::toml_source;
use tg_content::{
    Content, RawContent, RawDrug, RawLink, RawMeta, RawSection, RawSource, RawSynonym, RawTerm,
    RawTranslation, UiStrings, SECTION_IDS,
};

mod common;
use common::repository_dir;

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

/// Fails when `file` in `docs/` is not `text`, or, under `TG_BLESS`, writes it.
fn written(file: &str, text: &str) {
    let path = docs().join(file);
    if std::env::var_os("TG_BLESS").is_some() {
        // Renamed into place, so that a test reading the file meanwhile sees a whole one.
        let temporary = path.with_extension("json.new");
        fs::write(&temporary, text).unwrap();
        fs::rename(&temporary, &path).unwrap();
        return;
    }
    let on_disk = fs::read_to_string(&path).unwrap();
    assert!(
        on_disk == text,
        "docs/{file} differs from what the crate writes: run \
         `TG_BLESS=1 cargo test -p tg-content --test generated` to rewrite it"
    );
}

#[test]
fn the_schema_file_is_written_from_the_format() {
    written("content.schema.json", &tg_content::schema::text());
}

#[test]
fn the_example_file_is_the_english_folder_exported() {
    let text = toml_source::export(&repository_dir(), "content/").unwrap();
    written("content-example.json", &text);
}

#[test]
fn example_file_and_schema_match_the_format() {
    let example = fs::read_to_string(docs().join("content-example.json")).unwrap();
    assert_eq!(
        Content::from_json(&example).unwrap(),
        toml_source::shipped(),
        "docs/content-example.json reads as the built-in content"
    );

    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(docs().join("content.schema.json")).unwrap())
            .unwrap();
    // The schema describes every field of every record declaration
    // (`raw.rs`), with the same required ones, and no other field.
    let check = |path: &[&str], fields: &[tg_content::read::Field]| {
        let mut node = &schema;
        for p in path {
            node = &node[p];
        }
        // Named `properties`, or (for the many interface strings) `propertyNames`.
        let mut described: Vec<&str> = match node["properties"].as_object() {
            Some(properties) => properties.keys().map(String::as_str).collect(),
            None => node["propertyNames"]["enum"]
                .as_array()
                .unwrap_or_else(|| panic!("schema {path:?} names its properties"))
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect(),
        };
        // Derived fields are computed by the tools, never part of a file.
        let mut declared: Vec<&str> = fields
            .iter()
            .filter(|f| !f.derived)
            .map(|f| f.name)
            .collect();
        described.sort_unstable();
        declared.sort_unstable();
        assert_eq!(described, declared, "schema {path:?}");
        let mut required: Vec<&str> = node["required"]
            .as_array()
            .map(|r| r.iter().map(|s| s.as_str().unwrap()).collect())
            .unwrap_or_default();
        let mut declared_required: Vec<&str> = fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.name)
            .collect();
        required.sort_unstable();
        declared_required.sort_unstable();
        assert_eq!(required, declared_required, "schema {path:?} required");
    };
    check(&[], RawContent::FIELDS);
    check(&["properties", "meta"], RawMeta::FIELDS);
    check(
        &["properties", "meta", "properties", "clinical_trials_link"],
        RawLink::FIELDS,
    );
    check(
        &["properties", "meta", "properties", "source"],
        RawSource::FIELDS,
    );
    check(
        &["properties", "meta", "properties", "translation"],
        RawTranslation::FIELDS,
    );
    check(&["properties", "strings"], UiStrings::FIELDS);
    check(&["properties", "sections", "items"], RawSection::FIELDS);
    check(&["properties", "drugs", "items"], RawDrug::FIELDS);
    check(
        &[
            "properties",
            "drugs",
            "items",
            "properties",
            "synonyms",
            "items",
        ],
        RawSynonym::FIELDS,
    );
    check(&["properties", "glossary", "items"], RawTerm::FIELDS);
    check(&["properties", "review"], tg_content::RawReview::FIELDS);
    check(
        &["properties", "review_points", "items"],
        tg_content::RawPoint::FIELDS,
    );
    let id = &schema["properties"]["sections"]["items"]["properties"]["id"];
    assert_eq!(id["pattern"], "^[a-z0-9]+(-[a-z0-9]+)*$");
    for built_in in SECTION_IDS {
        assert!(id["description"].as_str().unwrap().contains(built_in));
    }
}
