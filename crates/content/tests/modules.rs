//! The crate's modules import one another in one direction only: no module
//! reaches, directly or through others, a module that reaches it back (the
//! check is crates/loops, shared by every crate). The generic codec knows
//! nothing of the content format.
#![cfg(not(target_arch = "wasm32"))]

use tg_loops::reach;

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = tg_loops::assert_no_loops(env!("CARGO_MANIFEST_DIR"));
    assert!(graph.len() > 10, "the modules were found: {graph:?}");
}

#[test]
fn the_generic_codec_knows_nothing_of_the_format() {
    let graph = tg_loops::graph(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    for codec in ["words", "error", "json", "read", "encoding", "record"] {
        let reached = reach(&graph, codec);
        for format in [
            "raw",
            "model",
            "validate",
            "languages",
            "check",
            "toml_source",
        ] {
            assert!(
                !reached.contains(format),
                "{codec} reaches {format}: {reached:?}"
            );
        }
    }
}
