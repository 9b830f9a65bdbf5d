//! Helpers shared by the content crate's test files (each file is its own
//! test crate and uses only some of them).
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// This repository's content folder on disk, whose files tests read, copy and
/// edit (the crate holds the same files as built: `toml_source::built_in`).
pub fn repository_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

/// Runs content-check with `args`: (exit code, standard output, standard error).
pub fn content_check(args: &[&OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_content-check"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
