//! `content-check`: checks a content file with the same rules and messages as
//! the widget, so web staff see every problem before readers do.
//!
//! ```text
//! cargo run --bin content-check -- my-content.json    # a JSON content file (content-src)
//! cargo run --bin content-check -- content/           # the TOML folder of the built-in content
//! cargo run --bin content-check -- --strict FILE      # plain-language warnings are errors too
//! cargo run --bin content-check -- --export content/ out.json  # a TOML folder as JSON, to start from
//! ```
//!
//! Errors (the widget refuses the file) and plain-language warnings (a
//! section above reading grade 8, a sentence over 25 words) go to standard
//! error, each with its file and line or its JSON path; each section's
//! reading grade goes to standard output. The exit status is 1 for any error,
//! or for any warning with `--strict`; 2 for a usage error.

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

    use tg_content::readability::{one_decimal, MAX_GRADE};
    use tg_content::record::Value;
    use tg_content::{json, toml_source, Check, ContentError};

    const USAGE: &str = "usage: content-check [--strict] FILE.json | content-check [--strict] CONTENT_DIR | content-check --export CONTENT_DIR [OUT.json]";

    /// Runs the command; returns the process exit code.
    pub fn run(args: Vec<String>) -> i32 {
        match args
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["--export", dir] => export(Path::new(dir), None),
            ["--export", dir, out] => export(Path::new(dir), Some(out)),
            ["-h" | "--help"] => {
                println!("{USAGE}");
                0
            }
            [path] if !path.starts_with('-') => check(Path::new(path), false),
            ["--strict", path] if !path.starts_with('-') => check(Path::new(path), true),
            _ => {
                eprintln!("{USAGE}");
                2
            }
        }
    }

    /// Writes the content of a TOML folder as one JSON file in the documented format.
    fn export(dir: &Path, out: Option<&str>) -> i32 {
        let label = format!("{}/", dir.display().to_string().trim_end_matches('/'));
        let raw = match toml_source::ContentDir::read(dir, &label) {
            Ok(loaded) => loaded.raw.expect("read() returns parsed content"),
            Err(errors) => {
                errors.iter().for_each(|e| eprintln!("{e}"));
                return 1;
            }
        };
        let json = json::to_text(&raw.to_json()) + "\n";
        match out {
            None => print!("{json}"),
            Some(out) => {
                if let Err(e) = fs::write(out, json) {
                    eprintln!("content-check: cannot write {out}: {e}");
                    return 1;
                }
                eprintln!("content-check: wrote the content of {label} to {out}");
            }
        }
        0
    }

    fn check(path: &Path, strict: bool) -> i32 {
        let label = path.display().to_string();
        let check = if path.is_dir() {
            match toml_source::ContentDir::read(path, &format!("{}/", label.trim_end_matches('/')))
            {
                Ok(dir) => dir.check(),
                Err(errors) => Check::failed(errors),
            }
        } else {
            match fs::read_to_string(path) {
                Ok(text) => Check::of_json(&text),
                Err(e) => {
                    eprintln!("content-check: cannot read {label}: {e}");
                    return 1;
                }
            }
        };
        // Where a problem is: its file and line (the checked file when the
        // problem names none).
        let placed = |problem: &ContentError| {
            let mut problem = problem.clone();
            if problem.location.file.is_none() {
                problem.location.file = Some(label.clone());
            }
            problem.to_string()
        };
        for error in &check.errors {
            eprintln!("{}", placed(error));
        }
        if let Some(plain) = &check.plain_language {
            let grades: Vec<String> = plain
                .grades
                .iter()
                .map(|s| format!("{} ({}) {}", s.title, s.id, one_decimal(s.grade)))
                .collect();
            println!(
                "{label}: reading grade by section (plain language is {} or lower): {}",
                one_decimal(MAX_GRADE),
                grades.join(", ")
            );
        }
        let warnings = check.warnings();
        let level = if strict { "error" } else { "warning" };
        for warning in warnings {
            eprintln!("{level}: {}", placed(warning));
        }
        if let Some(content) = check.content.as_ref() {
            let names: usize = content.drugs.iter().map(|d| 1 + d.synonyms.len()).sum();
            println!(
                "{label}: ok: {} sections, {} drugs ({names} names), {} glossary terms",
                content.sections.len(),
                content.drugs.len(),
                content.glossary.len()
            );
        }
        let problems = check.errors.len() + if strict { warnings.len() } else { 0 };
        if problems > 0 {
            eprintln!("{label}: {problems} problem(s)");
            return 1;
        }
        if !warnings.is_empty() {
            eprintln!(
                "{label}: {} plain-language warning(s); --strict makes them errors",
                warnings.len()
            );
        }
        0
    }
}
