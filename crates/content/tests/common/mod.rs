//! Helpers shared by the content crate's test files (each file is its own
//! test crate and uses only some of them).
#![allow(dead_code)]

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use tg_content::record::Value;
use tg_content::toml_source::{self, FILES};
use tg_content::{Content, ContentError};

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

pub fn shipped() -> Content {
    toml_source::load(&repository_dir(), "content/").expect("shipped content is valid")
}

/// A copy of the shipped content folder with one file edited: a malformed fixture.
pub fn broken(file: &str, edit: impl FnOnce(String) -> String) -> Vec<ContentError> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir: PathBuf = std::env::temp_dir().join(format!(
        "tg-content-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    fs::create_dir_all(&dir).unwrap();
    for name in FILES {
        fs::copy(repository_dir().join(name), dir.join(name)).unwrap();
    }
    let path = dir.join(file);
    let before = fs::read_to_string(&path).unwrap();
    let after = edit(before.clone());
    assert_ne!(before, after, "the fixture edit must change {file}");
    fs::write(&path, after).unwrap();
    let result = toml_source::load(&dir, "content/");
    fs::remove_dir_all(&dir).unwrap();
    result.expect_err("the broken content must be rejected")
}

/// The 1-based line of the first line of `file` that contains `needle`.
pub fn line_of(file: &str, needle: &str) -> usize {
    let text = fs::read_to_string(repository_dir().join(file)).unwrap();
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in file")
        + 1
}

/// The shipped content in the documented JSON format, as `content-check --export` writes it.
pub fn shipped_json() -> String {
    let dir = toml_source::ContentDir::read(&repository_dir(), "content/").unwrap();
    tg_content::json::to_text(&dir.raw.as_ref().unwrap().to_json())
}

/// The shipped content as a JSON tree, to edit into a malformed file.
pub fn built_in_value() -> serde_json::Value {
    serde_json::from_str(&shipped_json()).unwrap()
}
