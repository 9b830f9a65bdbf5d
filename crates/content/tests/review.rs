//! The medical review bound to the text (issue 27), through `content-check`
//! as an editor runs it: signing, what changed since, a translation of an
//! older original, a statement without a reference, the review sheet, and
//! the fingerprint as the README documents it.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::PathBuf;

use sha2::{Digest, Sha256};
use tg_content::review::{fingerprint, statements};
use tg_content::toml_source::{self, FILES};

mod common;
use common::{content_check, repository_dir};

/// A throwaway copy of `content/` (English, and French in `fr/`), removed on drop.
struct Copy(PathBuf);

impl Copy {
    fn new(name: &str) -> Copy {
        let dir = std::env::temp_dir().join(format!("tg-review-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        for (from, to) in [
            (repository_dir(), dir.clone()),
            (repository_dir().join("fr"), dir.join("fr")),
        ] {
            fs::create_dir_all(&to).unwrap();
            for file in FILES {
                fs::copy(from.join(file), to.join(file)).unwrap();
            }
        }
        Copy(dir)
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.0.join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from:?} is in {file}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

#[test]
fn signing_binds_the_review_to_the_text_and_one_changed_word_is_listed() {
    let copy = Copy::new("sign");
    let dir = copy.0.as_os_str();
    let (code, stdout, _) = content_check(&[dir]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("medical review: none yet"), "{stdout}");

    let sign = |lang: Option<&str>, date: &str| {
        let mut args = vec![
            os("--sign-review"),
            os("--date"),
            os(date),
            os("--by"),
            os("Dr A. Tremblay, hematologist"),
        ];
        if let Some(lang) = lang {
            args.extend([os("--lang"), os(lang)]);
        }
        args.push(dir);
        content_check(&args)
    };
    let (code, stdout, stderr) = sign(None, "2027-01-10");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("signed: medically reviewed on 2027-01-10 by Dr A. Tremblay, hematologist"),
        "{stdout}"
    );
    let meta = fs::read_to_string(copy.0.join("meta.toml")).unwrap();
    assert!(meta.contains("[review]\nby = \"Dr A. Tremblay, hematologist\"\ndate = \"2027-01-10\"\nfingerprint = \"sha256:"), "{meta}");
    let (_, stdout, _) = content_check(&[dir]);
    assert!(
        stdout.contains("this text was reviewed on 2027-01-10 by Dr A. Tremblay, hematologist"),
        "{stdout}"
    );

    // The French edition is signed on its own.
    let (code, _, stderr) = sign(Some("fr"), "2027-01-12");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(fs::read_to_string(copy.0.join("fr/meta.toml"))
        .unwrap()
        .contains("date = \"2027-01-12\""));

    // One word a reader sees: the review no longer holds, and that statement is named, at its line.
    copy.edit(
        "sections.toml",
        "the main treatment is",
        "the first treatment is",
    );
    let (code, stdout, _) = content_check(&[dir]);
    assert_eq!(code, Some(0), "a changed text is not an error");
    assert!(
        stdout.contains(
            "the text has changed since the review of 2027-01-10 by Dr A. Tremblay, hematologist"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("Changed or new since: 1 statement(s)"),
        "{stdout}"
    );
    let sections = fs::read_to_string(copy.0.join("sections.toml")).unwrap();
    // At the line where the section's text starts.
    let chemo = sections.find("id = \"chemotherapy\"").unwrap();
    let body = chemo + sections[chemo..].find("body = ").unwrap();
    let line = 1 + sections[..body].matches('\n').count();
    let changed: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("changed since the review:"))
        .collect();
    assert_eq!(changed.len(), 1, "{stdout}");
    assert!(
        changed[0].contains(&format!("sections.toml:{line}"))
            && changed[0].contains("Chemotherapy, 1st paragraph: \"For relapsed and refractory ALL, the first treatment is"),
        "{}",
        changed[0]
    );
    // A reference is not reader text: editing one changes nothing.
    copy.edit(
        "sections.toml",
        "\"Chemotherapy, 2nd paragraph\"",
        "\"Chemotherapy, paragraph 2\"",
    );
    let (_, again, _) = content_check(&[dir]);
    assert!(
        again.contains("Changed or new since: 1 statement(s)"),
        "{again}"
    );

    // Signing again turns it back.
    let (code, _, stderr) = sign(None, "2027-02-01");
    assert_eq!(code, Some(0), "{stderr}");
    let (_, stdout, _) = content_check(&[dir]);
    assert!(
        stdout.contains("this text was reviewed on 2027-02-01"),
        "{stdout}"
    );
}

#[test]
fn a_translation_of_an_older_original_is_flagged_until_it_is_marked_again() {
    let copy = Copy::new("translation");
    let fr = copy.0.join("fr");
    let (_, _, stderr) = content_check(&[fr.as_os_str()]);
    assert!(!stderr.contains("out of date"), "{stderr}");
    copy.edit(
        "sections.toml",
        "the main treatment is",
        "the first treatment is",
    );
    let (code, _, stderr) = content_check(&[fr.as_os_str()]);
    assert_eq!(code, Some(0));
    assert!(
        stderr.contains("warning: ")
            && stderr.contains("this translation is out of date: it was made from version ")
            && stderr.contains(" of the en text, which has changed since"),
        "{stderr}"
    );
    let (code, _, _) = content_check(&[os("--strict"), fr.as_os_str()]);
    assert_eq!(
        code,
        Some(1),
        "--strict fails on an out-of-date translation"
    );
    let (code, stdout, stderr) = content_check(&[os("--mark-translation"), fr.as_os_str()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("marked as a translation of the en text, version ")
            && stdout.contains("(which has not had a medical review)"),
        "{stdout}"
    );
    let (_, _, stderr) = content_check(&[fr.as_os_str()]);
    assert!(!stderr.contains("out of date"), "{stderr}");
}

#[test]
fn a_statement_without_a_reference_is_warned_about_and_the_built_in_content_has_none() {
    let (code, _, stderr) = content_check(&[os("--strict"), repository_dir().as_os_str()]);
    assert_eq!(
        code,
        Some(0),
        "every built-in statement names its place in the source: {stderr}"
    );
    let copy = Copy::new("reference");
    copy.edit(
        "glossary.toml",
        "source = \"Targeted therapy, 2nd paragraph\"\nterm = \"Philadelphia chromosome\"",
        "term = \"Philadelphia chromosome\"",
    );
    copy.edit(
        "sections.toml",
        "  \"Clinical trials, 1st sentence\",\n",
        "",
    );
    let (code, _, stderr) = content_check(&[copy.0.as_os_str()]);
    assert_eq!(code, Some(0), "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("has no reference"))
        .collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings[0].contains("Clinical trials, 2nd paragraph: \"Your healthcare team can tell you"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].contains("glossary.toml:")
            && warnings[1].contains("Glossary, Philadelphia chromosome"),
        "{}",
        warnings[1]
    );
}

#[test]
fn the_review_sheet_puts_both_languages_side_by_side_with_references_and_marks_what_changed() {
    let copy = Copy::new("sheet");
    let dir = copy.0.as_os_str();
    content_check(&[
        os("--sign-review"),
        os("--date"),
        os("2027-01-10"),
        os("--by"),
        os("Hematologist"),
        dir,
    ]);
    copy.edit(
        "sections.toml",
        "the main treatment is",
        "the first treatment is",
    );
    let out = copy.0.join("sheet.html");
    let (code, stdout, stderr) = content_check(&[os("--review-sheet"), out.as_os_str(), dir]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("(118 statements)") || stdout.contains(" statements) to "),
        "{stdout}"
    );
    let html = fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("<th>English</th><th>French</th>"),
        "both languages"
    );
    assert!(html.contains("<td lang=\"fr\">Pour la LLA récidivante ou réfractaire, le traitement principal est la chimiothérapie.") || html.contains("<td lang=\"fr\">Pour la"), "the French beside the English");
    assert!(
        html.contains("<td class=\"ref\">Targeted therapy, 2nd paragraph</td>"),
        "references"
    );
    assert_eq!(
        html.matches("<span class=\"mark\">CHANGED</span>For")
            .count(),
        1,
        "the one changed statement is marked"
    );
    assert!(
        html.contains("Hydrocortisone is the steroid usually given this way"),
        "points for the reviewer"
    );
    assert!(html
        .contains("content-check --sign-review --date YYYY-MM-DD --by \"NAME, ROLE\" --lang fr"));
    // Nothing from the source is copied into the references.
    let seed = fs::read_to_string("/work/shared/seed/000_053e83d330814529.txt").ok();
    if let Some(seed) = seed {
        let raw = toml_source::built_in("en").unwrap().raw.unwrap();
        for s in statements(&raw) {
            if let Some(reference) = s.source {
                for sentence in seed
                    .split(['.', '\n'])
                    .map(str::trim)
                    .filter(|s| s.split_whitespace().count() >= 8)
                {
                    assert!(
                        !reference.contains(sentence),
                        "{reference} copies the source"
                    );
                }
            }
        }
    }
}

#[test]
fn the_fingerprint_is_the_documented_sha256_of_the_statements() {
    let raw = toml_source::built_in("en").unwrap().raw.unwrap();
    let all = statements(&raw);
    let mut text = String::new();
    for s in &all {
        text.push_str(&format!("{}\t{}\n", s.key, s.text));
    }
    let hex: String = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(fingerprint(&all), format!("sha256:{hex}"));
    // Reader order, every kind of statement.
    let keys: Vec<&str> = all.iter().map(|s| s.key.as_str()).collect();
    for key in [
        "meta.title",
        "meta.intro",
        "meta.source",
        "sections.chemotherapy.title",
        "sections.chemotherapy.summary",
        "sections.chemotherapy.14",
        "glossary.1",
        "drugs.16",
        "strings.no_match",
    ] {
        assert!(keys.contains(&key), "{key}: {keys:?}");
    }
    assert!(
        keys.iter().position(|k| *k == "meta.title") < keys.iter().position(|k| *k == "glossary.1")
    );
    // Reflowing a paragraph is not a change; a mention that opens another entry is.
    let mut reflowed = raw.clone();
    reflowed.sections[1].body =
        reflowed.sections[1]
            .body
            .replacen("the main treatment is", "the main\n  treatment is", 1);
    assert_eq!(fingerprint(&statements(&reflowed)), fingerprint(&all));
    let mut retargeted = raw.clone();
    retargeted.sections[1].body =
        retargeted.sections[1]
            .body
            .replacen("{relapsed}", "{relapsed|refractory}", 1);
    assert_ne!(fingerprint(&statements(&retargeted)), fingerprint(&all));
    // A drug's class and a glossary definition are reader text.
    let mut class = raw.clone();
    class.drugs[0].class = "vinca alkaloid".into();
    assert_ne!(fingerprint(&statements(&class)), fingerprint(&all));
}
