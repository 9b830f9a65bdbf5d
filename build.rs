//! Validates the editable content in `content/` (every language) and encodes
//! it with the content crate's built-in encoding.
//!
//! A content mistake fails the build with the file, the line and the field,
//! so a broken page can never be built. Plain-language warnings (a section
//! above reading grade 8, a sentence over 25 words) are printed as build
//! warnings, with their file and line.

use std::path::Path;
use std::{env, fs, process};

use tg_content::{encoding, toml_source};

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // Every language is validated; each is encoded into OUT_DIR as
    // `content-<lang>.txt`. English is compiled into the widget; the other
    // languages are written into dist/ by the prerender step.
    for (language, folder) in toml_source::LANGUAGES {
        let dir = Path::new("content").join(folder);
        let label = format!("{}/", dir.display());
        println!("cargo:rerun-if-changed={}", dir.display());
        for file in toml_source::FILES {
            println!("cargo:rerun-if-changed={}", dir.join(file).display());
        }
        let text = toml_source::ContentDir::read(&dir, &label).and_then(|loaded| {
            let check = loaded.check();
            if !check.errors.is_empty() {
                return Err(check.errors);
            }
            // Plain-language warnings (a hard section, a long sentence) do not
            // stop the build; `content-check --strict content/` makes them
            // errors. The reading grade counts English syllables: English only.
            if language == "en" {
                for warning in check.warnings() {
                    println!("cargo:warning={warning}");
                }
            }
            let raw = loaded.raw.as_ref().expect("checked content was read");
            encoding::encode(raw).map_err(|e| vec![e])
        });
        let text = match text {
            Ok(text) => text,
            Err(errors) => {
                for error in &errors {
                    println!("cargo:warning={error}");
                    eprintln!("{error}");
                }
                eprintln!("{label} has {} problem(s); see above", errors.len());
                process::exit(1);
            }
        };
        fs::write(
            Path::new(&out_dir).join(format!("content-{language}.txt")),
            text,
        )
        .expect("OUT_DIR is writable");
    }
}
