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
//!
//! It also says what the language facts of a file mean: how many names carry
//! a `lang` (a name in another language, labelled with it on the drug card),
//! and, for a translation (`meta.translation`), whether it has had its own
//! medical review; it warns when the original text in this repository has a
//! newer version than the one the translation was made from.

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
    use tg_content::{json, toml_source, Check, Content, ContentError};

    const USAGE: &str = "usage: content-check [--strict] FILE.json | content-check [--strict] CONTENT_DIR | content-check --export CONTENT_DIR [OUT.json]";

    /// What `--help` adds about the fields that describe languages.
    const LANGUAGE_FIELDS: &str = "\
fields about languages:
  drugs[].synonyms[].lang   the language of a name that is not in the file's language
                            (\"fr\" on doxorubicine in an English file). The lookup still
                            finds it; the drug card shows it labelled (\"French name\").
  meta.translation          for a translated file: from_language and from_version of the
                            original, and reviewed, the date of its own medical review
                            (empty until then: the footer says it is a translation of the
                            original reviewed on meta.last_reviewed).";

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
                println!("{USAGE}\n\n{LANGUAGE_FIELDS}");
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
        let mut behind = 0;
        if let Some(content) = check.content.as_ref() {
            let names: usize = content.drugs.iter().map(|d| 1 + d.synonyms.len()).sum();
            println!(
                "{label}: ok: {} sections, {} drugs ({names} names), {} glossary terms",
                content.sections.len(),
                content.drugs.len(),
                content.glossary.len()
            );
            for note in language_notes(content) {
                println!("{label}: {note}");
            }
            if let Some(warning) = translation_behind(content) {
                eprintln!("{level}: {label}: {warning}");
                behind = 1;
            }
        }
        let warnings_count = warnings.len() + behind;
        let problems = check.errors.len() + if strict { warnings_count } else { 0 };
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

    /// What the language facts of valid content mean, in plain words.
    fn language_notes(content: &Content) -> Vec<String> {
        let mut notes = Vec::new();
        let other: usize = content
            .drugs
            .iter()
            .flat_map(|d| &d.synonyms)
            .filter(|s| s.lang.is_some())
            .count();
        if other > 0 {
            notes.push(format!(
                "{other} name(s) in another language (lang): found by the lookup, shown on the drug card under a label naming the language"
            ));
        }
        if let Some(t) = &content.meta.translation {
            let review = match &t.reviewed {
                Some(date) => format!("it had its own medical review on {date}"),
                None => format!(
                    "it has had no medical review of its own: the footer says it is a translation of the {} text reviewed on {}",
                    t.from_language, content.meta.last_reviewed
                ),
            };
            notes.push(format!(
                "a translation of the {} text, version {}; {review}",
                t.from_language, t.from_version
            ));
        }
        notes
    }

    /// A warning when the built-in original of a translation has a newer
    /// version than the one it was translated from.
    fn translation_behind(content: &Content) -> Option<String> {
        let t = content.meta.translation.as_ref()?;
        let original = toml_source::built_in(&t.from_language)?.raw?;
        t.is_behind(&original.meta.version).then(|| {
            format!(
                "this translation was made from version {} of the {} text, which is now version {}; translate what changed, then raise meta.translation.from_version",
                t.from_version, t.from_language, original.meta.version
            )
        })
    }
}
