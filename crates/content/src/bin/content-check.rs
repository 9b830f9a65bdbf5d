//! `content-check`: checks a content file with the same rules and messages as
//! the widget, so web staff see every problem before readers do.
//!
//! ```text
//! cargo run --bin content-check -- my-content.json    # a JSON content file (content-src)
//! cargo run --bin content-check -- content/           # the TOML folder of the built-in content
//! cargo run --bin content-check -- --export out.json  # the built-in content as JSON, to start from
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::fs;
    use std::path::Path;

    use tg_content::{toml_source, Content, RawContent};

    const USAGE: &str = "usage: content-check FILE.json | CONTENT_DIR | --export [OUT.json]";

    /// Runs the command; returns the process exit code.
    pub fn run(args: Vec<String>) -> i32 {
        match args
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["--export"] => export(None),
            ["--export", out] => export(Some(out)),
            ["-h" | "--help"] => {
                println!("{USAGE}");
                0
            }
            [path] if !path.starts_with('-') => check(Path::new(path)),
            _ => {
                eprintln!("{USAGE}");
                2
            }
        }
    }

    fn export(out: Option<&str>) -> i32 {
        let dir = toml_source::repository_dir();
        let raw: RawContent = match toml_source::ContentDir::read(&dir, "content/") {
            Ok(loaded) => loaded.raw.expect("read() returns parsed content"),
            Err(errors) => {
                errors.iter().for_each(|e| eprintln!("{e}"));
                return 1;
            }
        };
        let json = serde_json::to_string_pretty(&raw).expect("content serialises") + "\n";
        match out {
            None => print!("{json}"),
            Some(out) => {
                if let Err(e) = fs::write(out, json) {
                    eprintln!("content-check: cannot write {out}: {e}");
                    return 1;
                }
                eprintln!("content-check: wrote the built-in content to {out}");
            }
        }
        0
    }

    fn check(path: &Path) -> i32 {
        let label = path.display().to_string();
        let result = if path.is_dir() {
            toml_source::load(path, &format!("{}/", label.trim_end_matches('/')))
        } else {
            match fs::read_to_string(path) {
                Ok(text) => Content::from_json(&text),
                Err(e) => {
                    eprintln!("content-check: cannot read {label}: {e}");
                    return 1;
                }
            }
        };
        match result {
            Ok(content) => {
                let names: usize = content.drugs.iter().map(|d| 1 + d.synonyms.len()).sum();
                println!(
                    "{label}: ok: {} sections, {} drugs ({names} names), {} glossary terms",
                    content.sections.len(),
                    content.drugs.len(),
                    content.glossary.len()
                );
                0
            }
            Err(errors) => {
                for error in &errors {
                    if error.location.file.is_some() {
                        eprintln!("{error}");
                    } else {
                        eprintln!("{label}: {error}");
                    }
                }
                eprintln!("{label}: {} problem(s)", errors.len());
                1
            }
        }
    }
}
