//! Behaviour tests on the application's drugs, exhaustive checks of the typo
//! search against brute force, and property tests, by theme; the shared
//! fixtures and assertions are here.

use std::collections::HashSet;

use proptest::prelude::*;

use tg_content::toml_source::shipped;
use tg_content::Content;

use super::score::budget;
use super::synthetic::{self, Rng};
use super::typo::{self, verify};
use super::{DrugIndex, Entry, Hit, Index, MatchKind, MAX_QUERY_CHARS};

thread_local! {
    /// The shipped content (`content/`), read once per test thread.
    static CONTENT: Content = shipped();
}

/// The shipped drugs as entries (see [`DrugIndex::entries`]).
fn fixture() -> Vec<Entry> {
    CONTENT.with(DrugIndex::entries)
}

/// The generic name of the shipped drug `target`.
fn generic(target: u32) -> String {
    CONTENT.with(|c| c.drugs[target as usize].name.clone())
}

fn index() -> Index {
    Index::build(fixture())
}

fn target_of(name: &str) -> u32 {
    CONTENT.with(|c| {
        c.drugs
            .iter()
            .position(|d| d.name == name)
            .unwrap_or_else(|| panic!("no drug {name}")) as u32
    })
}

/// A synthetic dictionary that starts with the shipped drugs.
fn dictionary(n: usize, seed: u64) -> Vec<Entry> {
    CONTENT.with(|c| synthetic::dictionary(c, n, seed))
}

/// Asserts that `query` finds `generic` first, with `kind`.
#[track_caller]
fn expect(index: &Index, query: &str, generic: &str, kind: MatchKind) -> Hit {
    let hits = index.search(query, 5);
    let first = hits
        .first()
        .unwrap_or_else(|| panic!("{query:?}: no hit, expected {generic}"));
    assert_eq!(
        (first.target, first.kind),
        (target_of(generic), kind),
        "{query:?}: got {:?} ({:?})",
        index.text(first.entry),
        hits
    );
    first.clone()
}

/// Asserts that every query finds its drug first with `kind`, listing all
/// failures at once.
#[track_caller]
fn expect_all(index: &Index, cases: &[(&str, &str)], kind: MatchKind) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|&(query, generic)| {
            let hits = index.search(query, 5);
            let got = hits.first().map(|h| (h.target, h.kind));
            (got != Some((target_of(generic), kind))).then(|| {
                let text = hits.first().and_then(|h| index.text(h.entry));
                format!("{query:?} → {text:?} {got:?}, expected {generic} {kind:?}")
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[track_caller]
fn expect_none(index: &Index, query: &str) {
    let hits = index.search(query, 5);
    let texts: Vec<_> = hits.iter().map(|h| index.text(h.entry)).collect();
    assert!(
        hits.is_empty(),
        "{query:?} should find nothing, got {texts:?}"
    );
}

fn highlighted<'a>(index: &'a Index, hit: &Hit) -> Vec<&'a str> {
    let text = index.text(hit.entry).unwrap_or("");
    hit.ranges.iter().map(|r| &text[r.clone()]).collect()
}

mod exact;
mod exhaustive;
mod input;
mod modules;
mod properties;
mod typos;
mod words;
