//! Validates the editable content in `content/` (every language) and seals
//! the default language's for the widget ([`tg_content::Sealed`]: validated
//! content in the built-in encoding, which the widget opens without
//! validating it again).
//!
//! A content mistake fails the build with the file, the line and the field,
//! so a broken page can never be built. Plain-language warnings (a section
//! above reading grade 8, a sentence over 25 words) are printed as build
//! warnings, with their file and line.

use std::path::Path;
use std::{env, fs, process};

use tg_content::{review, toml_source, Content, Sealed};

/// The content folder; each language is a folder in it (see `toml_source::discover`).
const CONTENT_DIR: &str = "content";

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // Every language found in the content folders is validated; the default
    // language (the folder itself) is sealed into OUT_DIR as `built-in.txt`
    // and compiled into the widget. The prerender step writes the other
    // languages into dist/ (see src/prerender.rs).
    println!("cargo:rerun-if-changed={CONTENT_DIR}");
    for (index, (language, dir)) in toml_source::discover(Path::new(CONTENT_DIR))
        .into_iter()
        .enumerate()
    {
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
            // errors. Shown for the default language, which editors write first.
            if index == 0 {
                for warning in check.warnings() {
                    println!("cargo:warning={warning}");
                }
            }
            // The review's verdict is computed here (the widget computes no
            // fingerprint), and what only reviewers read is left out.
            let mut raw = loaded.raw.clone().expect("checked content was read");
            review::seal(&mut raw, None);
            let content = Content::from_raw(raw)?;
            Sealed::of(&content)
                .map(Sealed::into_string)
                .map_err(|e| vec![e])
        });
        let text = match text {
            Ok(text) => text,
            Err(errors) => {
                for error in &errors {
                    println!("cargo:warning={error}");
                    eprintln!("{error}");
                }
                eprintln!(
                    "{label} ({language}) has {} problem(s); see above",
                    errors.len()
                );
                process::exit(1);
            }
        };
        if index == 0 {
            fs::write(Path::new(&out_dir).join("built-in.txt"), text).expect("OUT_DIR is writable");
        }
    }
}
