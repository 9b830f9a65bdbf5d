//! `content-check`: checks a content file with the same rules and messages as
//! the widget, so web staff see every problem before readers do.
//!
//! ```text
//! cargo run --bin content-check -- my-content.json    # a JSON content file (content-src)
//! cargo run --bin content-check -- content/           # the TOML folder of the built-in content
//! cargo run --bin content-check -- --strict FILE      # plain-language warnings are errors too
//! cargo run --bin content-check -- --export content/ out.json  # a TOML folder as JSON, to start from
//! cargo run --bin content-check -- --sign-review --date 2027-01-10 --by "Dr A. Tremblay, hematologist" [--lang fr] [content/ | FILE.json]
//! cargo run --bin content-check -- --mark-translation content/fr/   # or FILE.json --original EN.json
//! cargo run --bin content-check -- --review-sheet out.html [content/ | FILE.json]
//! ```
//!
//! `--sign-review` writes the medical review record (who, when, the
//! fingerprint of every statement a reader sees) for the text as it is now:
//! into `meta.toml` of the folder of the language chosen (`--lang`, default
//! the folder's own), or into the JSON file. `--mark-translation` records in
//! a translation the original it was made from. `--review-sheet` writes one
//! printable page for a medical reviewer (`tg_content::sheet`).
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
//! medical review; it warns when its original has changed since it was made.
//! It says whether the text is the one a reviewer signed, and lists the
//! statements changed since.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::fs;
    use std::path::{Path, PathBuf};

    use tg_content::readability::{one_decimal, MAX_GRADE};
    use tg_content::record::Value;
    use tg_content::review::{self, Changes};
    use tg_content::{
        json, sheet, toml_source, Check, Content, ContentError, ContentFile, Location, RawContent,
    };

    const USAGE: &str = "usage: content-check [--strict] FILE.json | content-check [--strict] CONTENT_DIR | content-check --export CONTENT_DIR [OUT.json]
       content-check --sign-review --date YYYY-MM-DD --by \"NAME, ROLE\" [--lang CODE] [CONTENT_DIR | FILE.json]
       content-check --mark-translation CONTENT_DIR/LANG | content-check --mark-translation FILE.json --original ORIGINAL.json
       content-check --review-sheet OUT.html [CONTENT_DIR | FILE.json]";

    /// What `--help` adds about the fields that describe languages.
    const LANGUAGE_FIELDS: &str = "\
fields about languages:
  drugs[].synonyms[].lang   the language of a name that is not in the file's language
                            (\"fr\" on doxorubicine in an English file). The lookup still
                            finds it; the drug card shows it labelled (\"French name\").
  meta.translation          for a translated file: from_language and from_version of the
                            original, and from_fingerprint and from_reviewed, written by
                            --mark-translation: when the original changes, the footer says
                            the translation is of an earlier version.

the medical review:
  review                    who reviewed the text, when, and the fingerprint of everything a
                            reader sees; written by --sign-review, never by hand. The footer
                            says \"Medically reviewed on {date}\" only while the text is that
                            text. A translation is signed on its own (--lang fr): until then
                            its footer says whether the text it was translated from was.
  sections[].sources        one reference a paragraph or list item, in order: the source's
  glossary[].source         heading and item (\"Targeted therapy, 3rd paragraph\"), never its
  drugs[].source            sentences. Shown on the review sheet, never to readers.";

    /// The content folder when a command names none.
    const DEFAULT_DIR: &str = "content";

    /// Runs the command; returns the process exit code.
    pub fn run(args: Vec<String>) -> i32 {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match args.as_slice() {
            ["--export", dir] => export(Path::new(dir), None),
            ["--export", dir, out] => export(Path::new(dir), Some(out)),
            ["-h" | "--help"] => {
                println!("{USAGE}\n\n{LANGUAGE_FIELDS}");
                0
            }
            ["--sign-review", rest @ ..] => sign(rest),
            ["--mark-translation", path] => mark_translation(Path::new(path), None),
            ["--mark-translation", path, "--original", original] => {
                mark_translation(Path::new(path), Some(Path::new(original)))
            }
            ["--review-sheet", out] => review_sheet(out, Path::new(DEFAULT_DIR)),
            ["--review-sheet", out, path] => review_sheet(out, Path::new(path)),
            [path] if !path.starts_with('-') => check(Path::new(path), false),
            ["--strict", path] if !path.starts_with('-') => check(Path::new(path), true),
            _ => usage(),
        }
    }

    fn usage() -> i32 {
        eprintln!("{USAGE}");
        2
    }

    /// Content read from a TOML folder or a JSON file, with what is needed to
    /// place messages and write it back.
    struct Loaded {
        raw: RawContent,
        lines: json::Lines,
        label: String,
    }

    fn dir_label(dir: &Path) -> String {
        format!("{}/", dir.display().to_string().trim_end_matches('/'))
    }

    fn load(path: &Path) -> Result<Loaded, Vec<ContentError>> {
        let label = path.display().to_string();
        if path.is_dir() {
            let label = dir_label(path);
            let dir = toml_source::ContentDir::read(path, &label)?;
            return Ok(Loaded {
                raw: dir.raw.expect("read() returns parsed content"),
                lines: dir.lines,
                label,
            });
        }
        let text = fs::read_to_string(path).map_err(|e| {
            vec![ContentError::new(
                Location::default(),
                format!("content-check: cannot read {label}: {e}"),
            )]
        })?;
        let file = ContentFile::read(&text);
        Ok(Loaded {
            raw: file.raw?,
            lines: file.lines,
            label,
        })
    }

    fn print_errors(errors: &[ContentError]) -> i32 {
        errors.iter().for_each(|e| eprintln!("{e}"));
        1
    }

    /// Writes the content of a TOML folder as one JSON file in the documented format.
    fn export(dir: &Path, out: Option<&str>) -> i32 {
        let label = dir_label(dir);
        let json = match toml_source::export(dir, &label) {
            Ok(json) => json,
            Err(errors) => return print_errors(&errors),
        };
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

    /// The folder of `lang` under a content folder (the folder itself for its own language).
    fn language_dir(root: &Path, lang: Option<&str>) -> Option<PathBuf> {
        let found = toml_source::discover(root);
        match lang {
            None => found.into_iter().next().map(|(_, dir)| dir),
            Some(code) => found
                .into_iter()
                .find(|(c, _)| c == code)
                .map(|(_, dir)| dir),
        }
    }

    /// `--sign-review --date D --by WHO [--lang CODE] [PATH]`.
    fn sign(args: &[&str]) -> i32 {
        let (mut date, mut by, mut lang, mut path) = (None, None, None, None);
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            match *arg {
                "--date" => date = rest.next().copied(),
                "--by" => by = rest.next().copied(),
                "--lang" => lang = rest.next().copied(),
                other if !other.starts_with('-') && path.is_none() => path = Some(other),
                _ => return usage(),
            }
        }
        let (Some(date), Some(by)) = (date, by) else {
            eprintln!("content-check: --sign-review needs --date YYYY-MM-DD and --by \"NAME, ROLE\" (or only the role)");
            return 2;
        };
        if by.trim().is_empty() {
            eprintln!("content-check: --by must say who reviewed the text: a name and role, or only the role");
            return 2;
        }
        let path = Path::new(path.unwrap_or(DEFAULT_DIR));
        let target = if path.is_dir() {
            match language_dir(path, lang) {
                Some(dir) => dir,
                None => {
                    eprintln!(
                        "content-check: {} has no content in the language {}",
                        path.display(),
                        lang.unwrap_or("?")
                    );
                    return 1;
                }
            }
        } else if lang.is_some() {
            eprintln!(
                "content-check: --lang chooses a language folder; a JSON file is signed as it is"
            );
            return 2;
        } else {
            path.to_path_buf()
        };
        let mut loaded = match load(&target) {
            Ok(loaded) => loaded,
            Err(errors) => return print_errors(&errors),
        };
        loaded.raw.review = review::sign(&loaded.raw, by, date);
        let check = Check::of_raw(loaded.raw.clone());
        if !check.errors.is_empty() {
            let mut errors = check.errors.clone();
            errors.iter_mut().for_each(|e| loaded.lines.place(e));
            print_errors(&errors);
            eprintln!(
                "content-check: {} was not signed: fix the problems above first",
                loaded.label
            );
            return 1;
        }
        if let Err(message) = write_review(&target, &loaded.raw) {
            eprintln!("content-check: {message}");
            return 1;
        }
        println!(
            "{}: signed: medically reviewed on {date} by {}; fingerprint {} of {} statements",
            loaded.label,
            by.trim(),
            loaded.raw.review.fingerprint,
            loaded.raw.review.statements.len()
        );
        0
    }

    /// The comment above a written `[review]` table.
    const REVIEW_COMMENT: &str = "# The medical review of this text, written by `content-check --sign-review`; do not edit it.\n# Any change to what readers see makes the footer say that the text has changed since.\n";

    /// Writes the review record of `raw` into `meta.toml` of a folder, or into a JSON file.
    fn write_review(target: &Path, raw: &RawContent) -> Result<(), String> {
        if target.is_dir() {
            let meta = target.join(toml_source::FILES[0]);
            let text = fs::read_to_string(&meta)
                .map_err(|e| format!("cannot read {}: {e}", meta.display()))?;
            let mut document: toml_edit::DocumentMut = text
                .parse()
                .map_err(|e| format!("{} is not valid TOML: {e}", meta.display()))?;
            document.remove("review");
            let mut out = document.to_string().trim_end().to_owned();
            out.push_str("\n\n");
            out.push_str(REVIEW_COMMENT);
            out.push_str(&review_table(&raw.review));
            fs::write(&meta, out).map_err(|e| format!("cannot write {}: {e}", meta.display()))
        } else {
            write_json(target, raw)
        }
    }

    /// The `[review]` table as TOML text.
    fn review_table(review: &tg_content::RawReview) -> String {
        let quote = |text: &str| toml_edit::Value::from(text).decorated("", "").to_string();
        let mut out = format!(
            "[review]\nby = {}\ndate = {}\nfingerprint = {}\nstatements = [\n",
            quote(&review.by),
            quote(&review.date),
            quote(&review.fingerprint)
        );
        for row in review.statements.chunks(6) {
            let row: Vec<String> = row.iter().map(|s| quote(s)).collect();
            out.push_str(&format!("  {},\n", row.join(", ")));
        }
        out.push_str("]\n");
        out
    }

    /// Writes `raw` back into a JSON content file (the documented format).
    fn write_json(path: &Path, raw: &RawContent) -> Result<(), String> {
        fs::write(path, json::to_text(&raw.to_json()) + "\n")
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// The original of a translation: the JSON file given, or the folder of
    /// its language beside (or above) a translation's folder, or the built-in one.
    fn original_of(path: &Path, raw: &RawContent, given: Option<&Path>) -> Option<RawContent> {
        if let Some(given) = given {
            return load(given).ok().map(|l| l.raw);
        }
        let from = raw.meta.translation.from_language.trim();
        if from.is_empty() {
            return None;
        }
        if path.is_dir() {
            for root in path.parent().into_iter().chain(Some(path)) {
                let found = toml_source::discover(root);
                if let Some((_, dir)) = found.iter().find(|(code, _)| code == from) {
                    if dir != path {
                        if let Ok(loaded) = load(dir) {
                            return Some(loaded.raw);
                        }
                    }
                }
            }
        }
        toml_source::built_in(from)?.raw
    }

    /// `--mark-translation PATH [--original FILE]`.
    fn mark_translation(path: &Path, original: Option<&Path>) -> i32 {
        let mut loaded = match load(path) {
            Ok(loaded) => loaded,
            Err(errors) => return print_errors(&errors),
        };
        if loaded.raw.meta.translation.from_language.trim().is_empty() {
            eprintln!(
                "content-check: {} is not a translation: give meta.translation.from_language first",
                loaded.label
            );
            return 1;
        }
        let Some(original) = original_of(path, &loaded.raw, original) else {
            eprintln!("content-check: the original of {} was not found; name it with --original FILE.json", loaded.label);
            return 1;
        };
        review::mark_translation(&mut loaded.raw, &original);
        let t = &loaded.raw.meta.translation;
        let written = if path.is_dir() {
            let meta = path.join(toml_source::FILES[0]);
            (|| -> Result<(), String> {
                let text = fs::read_to_string(&meta).map_err(|e| e.to_string())?;
                let mut document: toml_edit::DocumentMut =
                    text.parse().map_err(|e| format!("{e}"))?;
                let table = document["meta"]["translation"]
                    .or_insert(toml_edit::table())
                    .as_table_like_mut()
                    .ok_or("meta.translation is not a table")?;
                table.insert("from_language", toml_edit::value(t.from_language.clone()));
                table.insert("from_version", toml_edit::value(t.from_version.clone()));
                table.insert(
                    "from_fingerprint",
                    toml_edit::value(t.from_fingerprint.clone()),
                );
                table.insert("from_reviewed", toml_edit::value(t.from_reviewed.clone()));
                fs::write(&meta, document.to_string()).map_err(|e| e.to_string())
            })()
        } else {
            write_json(path, &loaded.raw)
        };
        if let Err(message) = written {
            eprintln!("content-check: cannot write {}: {message}", loaded.label);
            return 1;
        }
        let reviewed = if t.from_reviewed.is_empty() {
            "which has not had a medical review".to_owned()
        } else {
            format!("medically reviewed on {}", t.from_reviewed)
        };
        println!(
            "{}: marked as a translation of the {} text, version {} ({reviewed}); fingerprint {}",
            loaded.label, t.from_language, t.from_version, t.from_fingerprint
        );
        0
    }

    /// `--review-sheet OUT [PATH]`: the original and, for a folder, its first translation.
    fn review_sheet(out: &str, path: &Path) -> i32 {
        let (original, translation) = if path.is_dir() {
            let found = toml_source::discover(path);
            let mut raws = Vec::new();
            for (_, dir) in &found {
                match load(dir) {
                    Ok(loaded) => raws.push(loaded.raw),
                    Err(errors) => return print_errors(&errors),
                }
            }
            let mut raws = raws.into_iter();
            let Some(original) = raws.next() else {
                eprintln!("content-check: {} holds no content", path.display());
                return 1;
            };
            (original, raws.next())
        } else {
            match load(path) {
                Ok(loaded) => (loaded.raw, None),
                Err(errors) => return print_errors(&errors),
            }
        };
        let html = sheet::review_sheet(&original, translation.as_ref());
        if let Err(e) = fs::write(out, html) {
            eprintln!("content-check: cannot write {out}: {e}");
            return 1;
        }
        println!(
            "content-check: wrote the review sheet of {} ({} statements) to {out}",
            path.display(),
            review::statements(&original).len()
        );
        0
    }

    fn check(path: &Path, strict: bool) -> i32 {
        let label = if path.is_dir() {
            dir_label(path)
        } else {
            path.display().to_string()
        };
        let check = if path.is_dir() {
            match toml_source::ContentDir::read(path, &label) {
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
        for warning in &warnings {
            eprintln!("{level}: {}", placed(warning));
        }
        let mut behind = 0;
        if let (Some(content), Ok(loaded)) = (check.content.as_ref(), load(path)) {
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
            let original = original_of(path, &loaded.raw, None);
            if let Some(warning) = translation_behind(&loaded.raw, original.as_ref()) {
                eprintln!("{level}: {label}: {warning}");
                behind = 1;
            }
            review_notes(&loaded, &label);
        }
        let warnings_count = warnings.len() + behind;
        let problems = check.errors.len() + if strict { warnings_count } else { 0 };
        if problems > 0 {
            eprintln!("{label}: {problems} problem(s)");
            return 1;
        }
        if !warnings.is_empty() {
            eprintln!(
                "{label}: {} warning(s); --strict makes them errors",
                warnings.len()
            );
        }
        0
    }

    /// Whether the text is the one reviewed, and what changed since, each
    /// changed statement at its file and line.
    fn review_notes(loaded: &Loaded, label: &str) {
        let raw = &loaded.raw;
        let statements = review::statements(raw).len();
        println!(
            "{label}: fingerprint of the text now: {}",
            review::fingerprint(&review::statements(raw))
        );
        if !review::has_review(raw) {
            println!("{label}: medical review: none yet; the footer says this version has not yet had a medical review ({statements} statements; sign with content-check --sign-review)");
            return;
        }
        let (by, date) = (raw.review.by.trim(), raw.review.date.trim());
        if review::is_current(raw) {
            println!("{label}: medical review: this text was reviewed on {date} by {by}; the footer says \"medically reviewed\"");
            return;
        }
        let Changes { changed, gone } = review::changes(raw);
        println!(
            "{label}: medical review: the text has changed since the review of {date} by {by}; the footer says this version has not yet had a medical review. Changed or new since: {} statement(s); reviewed statements no longer in the text as they were: {gone}",
            changed.len()
        );
        for statement in &changed {
            let mut place = ContentError::new(
                Location::at_path(statement.path.clone()),
                format!(
                    "changed since the review: {}: \"{}\"",
                    statement.label, statement.shown
                ),
            );
            loaded.lines.place(&mut place);
            if place.location.file.is_none() {
                place.location.file = Some(label.to_owned());
            }
            println!("{place}");
        }
        if changed.is_empty() && gone == 0 {
            println!("{label}: (the statements are those reviewed, but their order changed)");
        }
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
            let review = match &content.meta.review {
                Some(review) => format!("it has its own medical review record, of {}", review.date),
                None => "it has had no medical review of its own (sign it with content-check --sign-review --lang ...)".to_owned(),
            };
            notes.push(format!(
                "a translation of the {} text, version {}; {review}",
                t.from_language, t.from_version
            ));
        }
        notes
    }

    /// A warning when a translation's original has changed since it was made.
    fn translation_behind(raw: &RawContent, original: Option<&RawContent>) -> Option<String> {
        let t = &raw.meta.translation;
        let original = original?;
        review::translation_behind(raw, original).then(|| {
            format!(
                "this translation is out of date: it was made from version {} of the {} text, which has changed since (now version {}); translate what changed, then run content-check --mark-translation on it",
                t.from_version, t.from_language, original.meta.version
            )
        })
    }
}
