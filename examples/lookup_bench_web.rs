//! The lookup engine compiled for the browser benchmark (`make bench`,
//! driven by `tools/bench-lookup.mjs`): the same synthetic dictionaries and
//! queries as the native benchmark, exported so the page can time the engine
//! beside Fuse.js on identical inputs. Not part of the widget.

#[cfg(target_arch = "wasm32")]
mod web {
    use tg_lookup::{synthetic, Entry, Index, MatchKind};
    use wasm_bindgen::prelude::*;

    /// One synthetic dictionary, its index once built, and its queries.
    #[wasm_bindgen]
    pub struct Bench {
        entries: Vec<Entry>,
        index: Option<Index>,
    }

    #[wasm_bindgen]
    impl Bench {
        /// A dictionary of `n` names (deterministic).
        #[wasm_bindgen(constructor)]
        pub fn new(n: usize) -> Bench {
            Bench {
                entries: synthetic::dictionary(&treatment_guide::built_in::content(), n, 0x5EED),
                index: None,
            }
        }

        /// Every name, for the Fuse.js side.
        pub fn names(&self) -> Vec<String> {
            self.entries.iter().map(|e| e.text.clone()).collect()
        }

        /// The target (drug) of each name, parallel to `names`.
        pub fn targets(&self) -> Vec<u32> {
            self.entries.iter().map(|e| e.target).collect()
        }

        /// Builds the index (the page times this call).
        pub fn build(&mut self) {
            self.index = Some(Index::build(self.entries.clone()));
        }

        /// Heap bytes held by the index.
        pub fn heap_bytes(&self) -> usize {
            self.index.as_ref().map_or(0, Index::heap_bytes)
        }

        /// `count` queries of a kind: `exact`, `prefix`, `typo` or `words`.
        pub fn queries(&self, kind: &str, count: usize) -> Vec<String> {
            let kind = match kind {
                "exact" => MatchKind::Exact,
                "prefix" => MatchKind::Prefix,
                "typo" => MatchKind::Typo,
                _ => MatchKind::Words,
            };
            synthetic::queries(&self.entries, kind, count, 0xBEEF)
        }

        /// Runs one query; returns the target of the best hit, or -1.
        pub fn search(&self, query: &str) -> i64 {
            self.index
                .as_ref()
                .and_then(|index| {
                    index
                        .search(query, 10)
                        .first()
                        .map(|hit| i64::from(hit.target))
                })
                .unwrap_or(-1)
        }
    }
}

fn main() {}
