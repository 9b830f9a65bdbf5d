//! No module of this crate imports, directly or through others, a module
//! that imports it back (the check is crates/loops, shared by every crate).
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn no_module_imports_one_that_imports_it_back() {
    tg_loops::assert_no_loops(env!("CARGO_MANIFEST_DIR"));
}
