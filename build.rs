//! Validates the editable content in `content/` and embeds it as JSON.
//!
//! A content mistake fails the build with the file, the line and the field,
//! so a broken page can never be built.

#[allow(dead_code, unused_imports)]
#[path = "src/content/mod.rs"]
mod content;

use std::path::Path;
use std::{env, fs, process};

fn main() {
    let dir = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    for file in content::toml_source::FILES {
        println!("cargo:rerun-if-changed=content/{file}");
    }
    let loaded = content::toml_source::ContentDir::read(dir, "content/")
        .and_then(|loaded| loaded.validate().map(|_| loaded));
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(errors) => {
            for error in &errors {
                println!("cargo:warning={error}");
                eprintln!("{error}");
            }
            eprintln!("content/ has {} problem(s); see above", errors.len());
            process::exit(1);
        }
    };
    let json = serde_json::to_string(&loaded.raw).expect("content serialises to JSON");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.json");
    fs::write(out, json).expect("OUT_DIR is writable");
}
