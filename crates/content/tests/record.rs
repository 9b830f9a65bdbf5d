//! The built-in encoding round-trips the shipped content of every language
//! (the encoding's own unit tests, in `src/raw.rs`, use generated content).
#![cfg(not(target_arch = "wasm32"))]

use tg_content::record::{decode, encode};
use tg_content::{languages, toml_source, RawContent};

#[test]
fn the_built_in_content_round_trips() {
    for code in languages::codes() {
        let raw = toml_source::built_in(code).unwrap().raw.unwrap();
        assert_eq!(decode::<RawContent>(&encode(&raw).unwrap()), raw, "{code}");
    }
}
