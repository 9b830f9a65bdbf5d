//! Native checks of the widget's one table of facts (`src/attributes.rs`,
//! `src/api.rs`) and of what the build writes from it: the loader's manifest
//! (its only source of the element name, attributes, mount class, languages
//! and early reader text), `custom-elements.json`, and the README.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde_json::{json, Value};
use treatment_guide::api::{
    self, Action, CSS_PROPERTIES, EVENTS, FIELDS, LOADER_STRINGS, METHODS, PARTS,
};
use treatment_guide::attributes::{Attribute, DEFAULT_LANGUAGE, ELEMENT, MOUNT_CLASS};
use treatment_guide::built_in;

fn read(file: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap()
}

/// The files the prerender step writes, read back.
fn written() -> (tempdir::Dir, Value, Value, String) {
    let dir = tempdir::Dir::new();
    treatment_guide::prerender::write(
        &dir.0,
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
    )
    .expect("the prerender step writes its files");
    let json = |name: &str| -> Value {
        serde_json::from_str(&fs::read_to_string(dir.0.join(name)).unwrap()).unwrap()
    };
    let (manifest, elements) = (json("manifest.json"), json("custom-elements.json"));
    let types = fs::read_to_string(dir.0.join("treatment-guide.d.ts")).unwrap();
    (dir, manifest, elements, types)
}

mod tempdir {
    use std::path::PathBuf;

    /// A folder of its own under the system's temporary folder, removed when dropped.
    pub struct Dir(pub PathBuf);

    impl Dir {
        pub fn new() -> Dir {
            let path = std::env::temp_dir().join(format!(
                "tg-contract-{}-{:?}",
                std::process::id(),
                std::thread::current().id()
            ));
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn names(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item[key].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_manifest_holds_the_element_its_attributes_and_mount_class() {
    let (_dir, manifest, _, _) = written();
    assert_eq!(manifest["element"], ELEMENT);
    assert_eq!(manifest["mountClass"], MOUNT_CLASS);
    assert_eq!(manifest["defaultLanguage"], DEFAULT_LANGUAGE);
    assert_eq!(manifest["contentSrc"], Attribute::ContentSrc.name());
    assert_eq!(manifest["debug"], Attribute::Debug.name());
    let attributes: Vec<&str> = manifest["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    let expected: Vec<&str> = Attribute::ALL.iter().map(|a| a.name()).collect();
    assert_eq!(attributes, expected);
    let properties = &manifest["properties"];
    assert_eq!(names(properties, "attribute"), expected);
    assert_eq!(
        names(properties, "name"),
        Attribute::ALL.map(|a| a.property().to_owned())
    );
    for event in ["sectionToggle", "drugShow", "ready", "error"] {
        let name = manifest["events"][event].as_str().unwrap();
        assert!(EVENTS.iter().any(|e| e.name == name), "{event}: {name}");
    }
}

#[test]
fn the_manifest_gives_the_loader_every_method_and_field_by_the_tables() {
    let (_dir, manifest, _, _) = written();
    // The widget's methods, each with what it resolves to for the plain guide.
    let widgets: Vec<Value> = METHODS
        .iter()
        .filter(|m| m.action != Action::Content)
        .map(|m| match m.resolves {
            "void" => json!([m.name]),
            "boolean" => json!([m.name, false]),
            _ => json!([m.name, null]),
        })
        .collect();
    assert_eq!(manifest["methods"], Value::Array(widgets));
    let content: Vec<&str> = METHODS
        .iter()
        .filter(|m| m.action == Action::Content)
        .map(|m| m.name)
        .collect();
    assert_eq!(content, [manifest["contentMethod"].as_str().unwrap()]);
    // The widget runs a method by its name: each name and action once.
    for (i, method) in METHODS.iter().enumerate() {
        assert!(!METHODS[..i].iter().any(|m| m.action == method.action));
        assert!(!METHODS[..i].iter().any(|m| m.name == method.name));
    }
    // The loader gives the static field the version, the other the `ready` promise.
    assert_eq!(FIELDS.len(), 2);
    for field in FIELDS {
        let key = if field.is_static {
            "versionField"
        } else {
            "readyField"
        };
        assert_eq!(manifest[key], field.name);
    }
}

#[test]
fn the_manifest_gives_the_loader_where_a_primary_subtag_ends() {
    let (_dir, manifest, _, _) = written();
    let marks = manifest["subtags"].as_str().unwrap();
    let cut = |tag: &str| {
        let mut code = tag.trim().to_ascii_lowercase();
        for mark in marks.chars() {
            code = code.split(mark).next().unwrap_or_default().to_owned();
        }
        code
    };
    for tag in ["fr-CA", "EN_gb", " de ", "", "pt-BR-x-y", "en.GB"] {
        assert_eq!(
            cut(tag),
            tg_content::languages::primary(tag),
            "the loader's cut of {tag:?}"
        );
    }
}

#[test]
fn the_manifest_gives_every_language_its_early_text_from_content() {
    let (_dir, manifest, _, _) = written();
    let languages = manifest["languages"].as_object().unwrap();
    let codes: BTreeSet<&str> = languages.keys().map(String::as_str).collect();
    assert_eq!(codes, BTreeSet::from(["en", "fr"]));
    let english = built_in::content();
    let french = tg_content::toml_source::built_in("fr")
        .unwrap()
        .validate()
        .unwrap();
    for (code, content) in [("en", &english), ("fr", &french)] {
        let text = &languages[code]["text"];
        for key in LOADER_STRINGS {
            let value = text[key].as_str().unwrap();
            assert!(!value.trim().is_empty(), "{code}: {key} is empty");
            assert_eq!(Some(value), content.strings.field(key), "{code}: {key}");
        }
    }
    for key in LOADER_STRINGS {
        assert_ne!(
            languages["en"]["text"][key], languages["fr"]["text"][key],
            "{key} is translated"
        );
    }
    // The loader shows, for each kind of failure it reports, one of these texts.
    let error_text = manifest["errorText"].as_object().unwrap();
    for kind in api::ErrorKind::ALL {
        let key = error_text.get(kind.name()).and_then(Value::as_str);
        assert_eq!(key, kind.loader_text(), "{}", kind.name());
        assert!(
            key.is_none_or(|key| LOADER_STRINGS.contains(&key)),
            "{key:?}"
        );
    }
    assert_eq!(error_text.len(), 3, "no-wasm, load-failed and crash");
    // The file of each language is the build's (post-build names it); the default language has none.
    assert!(languages[DEFAULT_LANGUAGE]["file"].is_null());
}

#[test]
fn every_reader_text_of_the_widget_is_in_both_languages() {
    let english = built_in::content();
    let french = tg_content::toml_source::built_in("fr")
        .unwrap()
        .validate()
        .unwrap();
    for key in [
        "loading",
        "crash",
        "content_error",
        "more_problems",
        "no_search",
        "load_failed",
    ] {
        let (en, fr) = (
            english.strings.field(key).unwrap(),
            french.strings.field(key).unwrap(),
        );
        assert!(!en.is_empty() && !fr.is_empty(), "{key}");
        assert_ne!(en, fr, "{key} is translated");
    }
    assert!(french.strings.more_problems.contains("{count}"));
    assert!(english.strings.more_problems.contains("{count}"));
}

#[test]
fn custom_elements_json_lists_the_tables_items() {
    let (_dir, _, elements, types) = written();
    assert_eq!(elements["schemaVersion"], "1.0.0");
    let module = &elements["modules"][0];
    let class = &module["declarations"][0];
    assert_eq!(class["tagName"], ELEMENT);
    assert_eq!(class["customElement"], true);
    assert_eq!(module["exports"][0]["name"], ELEMENT);
    assert_eq!(
        names(&class["attributes"], "name"),
        Attribute::ALL.map(|a| a.name().to_owned())
    );
    let members = class["members"].as_array().unwrap();
    for method in METHODS {
        assert!(
            members
                .iter()
                .any(|m| m["kind"] == "method" && m["name"] == method.name),
            "{}",
            method.name
        );
        assert!(
            types.contains(&format!("  {}(", method.name)),
            "{}",
            method.name
        );
    }
    for attribute in Attribute::ALL {
        assert!(members.iter().any(|m| m["kind"] == "field"
            && m["name"] == attribute.property()
            && m["attribute"] == attribute.name()));
    }
    assert_eq!(
        names(&class["events"], "name"),
        EVENTS.iter().map(|e| e.name.to_owned()).collect::<Vec<_>>()
    );
    for event in EVENTS {
        assert!(types.contains(&format!("'{}': CustomEvent<", event.name)));
    }
    assert_eq!(names(&class["cssParts"], "name").len(), PARTS.len());
    assert_eq!(
        names(&class["cssProperties"], "name").len(),
        CSS_PROPERTIES.len()
    );
    assert!(types.contains(&format!("'{ELEMENT}': TreatmentGuideElement;")));
    assert_eq!(
        serde_json::to_string(&api::custom_elements()).unwrap(),
        serde_json::to_string(&elements).unwrap()
    );
}

/// Every `part` the components put in their markup.
fn parts_in_markup() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/ui/src");
    let mut files = vec![dir.join("app.rs")];
    for entry in fs::read_dir(dir.join("components")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for marker in ["part=\"", "add_attribute(\"part\", \""] {
            for (at, _) in text.match_indices(marker) {
                let rest = &text[at + marker.len()..];
                found.insert(rest[..rest.find('"').unwrap()].to_owned());
            }
        }
    }
    found
}

#[test]
fn the_parts_are_the_ones_in_the_markup() {
    let listed: BTreeSet<String> = PARTS.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(listed, parts_in_markup());
}

#[test]
fn the_custom_properties_are_the_ones_the_stylesheet_reads() {
    let css = read("styles/widget.css");
    let used: BTreeSet<String> = css
        .match_indices("var(--tg-")
        .map(|(at, _)| {
            let name = &css[at + 4..];
            name[..name.find([',', ')']).unwrap()].trim().to_owned()
        })
        .collect();
    let listed: BTreeSet<String> = CSS_PROPERTIES
        .iter()
        .map(|(name, _, _)| (*name).to_owned())
        .collect();
    assert_eq!(listed, used);
}

#[test]
fn the_readme_api_tables_are_written_from_the_tables() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = read("README.md");
    let written = treatment_guide::readme::splice(&readme).unwrap();
    if std::env::var_os("TG_BLESS").is_some() {
        // Renamed into place, so that tests reading the README meanwhile see a whole file.
        let temporary = path.with_extension("md.new");
        fs::write(&temporary, &written).unwrap();
        fs::rename(&temporary, &path).unwrap();
        return;
    }
    assert!(
        readme == written,
        "README.md's API tables differ from src/attributes.rs and src/api.rs: \
         run `TG_BLESS=1 cargo test --test contract readme` to rewrite them"
    );
    // Each table has a row for every item of its table.
    for attribute in Attribute::ALL {
        assert!(readme.contains(&format!("| `{}` |", attribute.name())));
    }
    for method in METHODS {
        assert!(readme.contains(&format!("| `{}(", method.name)));
    }
    for event in EVENTS {
        assert!(readme.contains(&format!("| `{}` |", event.name)));
    }
    for (part, _) in PARTS {
        assert!(readme.contains(&format!("| `{part}` |")));
    }
}

#[test]
fn the_readme_theming_example_sets_every_custom_property() {
    let readme = read("README.md");
    let theming = &readme[readme.find("### Theming").unwrap()..];
    let example = &theming[..theming.find("```\n\n").unwrap()];
    for (name, _, _) in CSS_PROPERTIES {
        assert!(
            example.contains(&format!("  {name}: ")),
            "the README's Theming example sets {name}"
        );
    }
}

#[test]
fn the_read_aloud_module_and_the_controls_name_one_attribute_and_the_same_words() {
    let attribute = tg_ui::components::LISTEN_ATTR;
    assert!(
        read("src/listen.js").contains(&format!("CONTROL = '{attribute}'")),
        "src/listen.js finds the controls by {attribute}"
    );
    assert!(
        read("src/loader/listen.js").contains(&format!("'[{attribute}]'")),
        "the loader waits for a control, by {attribute}, to load the module"
    );
    // The highlights the module sets are the ones its styles paint.
    let module = read("src/listen.js");
    for name in ["tg-listen-sentence", "tg-listen-word"] {
        assert!(module.contains(&format!("'{name}'")));
        assert!(module.contains(&format!("::highlight({name})")), "{name}");
    }
    let english = built_in::content();
    let french = tg_content::toml_source::built_in("fr")
        .unwrap()
        .validate()
        .unwrap();
    assert_eq!(english.strings.listen_to, "Listen to {title}");
    assert_eq!(french.strings.listen_to, "Écouter {title}");
}
