//! Native checks that the places outside Rust follow the widget's one table
//! of attribute names (`src/attributes.rs`): the loader's
//! `observedAttributes` and the README's attribute table.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use treatment_guide::attributes::{Attribute, ELEMENT};

fn read(file: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap()
}

#[test]
fn the_loader_observes_exactly_the_widget_attributes() {
    let loader = read("src/treatment-guide.js");
    assert!(loader.contains(&format!("var TAG = '{ELEMENT}';")));
    let line = loader
        .lines()
        .find(|l| l.trim_start().starts_with("var ATTRIBUTES = ["))
        .expect("the loader lists its attributes");
    let listed: Vec<&str> = line
        .split(['[', ']'])
        .nth(1)
        .unwrap()
        .split(',')
        .map(|name| name.trim().trim_matches('\''))
        .collect();
    let names: Vec<&str> = Attribute::ALL.iter().map(|a| a.name()).collect();
    assert_eq!(listed, names);
}

#[test]
fn the_readme_documents_every_attribute() {
    let readme = read("README.md");
    for attribute in Attribute::ALL {
        assert!(
            readme.contains(&format!("| `{}` |", attribute.name())),
            "README's attribute table has a row for `{}`",
            attribute.name()
        );
    }
}
