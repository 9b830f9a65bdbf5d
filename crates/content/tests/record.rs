//! The built-in encoding round-trips the shipped content of every language
//! (the encoding's own unit tests, in `src/raw.rs`, use generated content).
#![cfg(not(target_arch = "wasm32"))]

use tg_content::record::{decode, encode};
use tg_content::{languages, toml_source, RawContent};

#[test]
fn the_built_in_content_round_trips() {
    for code in languages::codes() {
        let raw = toml_source::built_in(code).unwrap().raw.unwrap();
        // What only reviewers read (`= reviewer`) is left out of the encoding.
        let mut widget = raw.clone();
        for section in &mut widget.sections {
            section.sources.clear();
        }
        widget.drugs.iter_mut().for_each(|d| d.source.clear());
        widget.glossary.iter_mut().for_each(|t| t.source.clear());
        widget.review_points.clear();
        widget.review.statements.clear();
        if code == languages::FALLBACK {
            assert_ne!(widget, raw, "the built-in content has references");
        }
        assert_eq!(
            decode::<RawContent>(&encode(&raw).unwrap()),
            widget,
            "{code}"
        );
    }
}
