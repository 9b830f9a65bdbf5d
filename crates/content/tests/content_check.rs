//! The `content-check` command: what it reports, warns about and explains.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

use tg_content::readability::MAX_GRADE;
use tg_content::toml_source::{self, FILES};

mod common;
use common::{built_in_value, content_check, line_of, repository_dir, shipped};

#[test]
fn content_check_command_reports_ok_and_problems() {
    let exe = env!("CARGO_BIN_EXE_content-check");
    let dir = std::env::temp_dir().join(format!("tg-check-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    let out = std::process::Command::new(exe)
        .arg("--export")
        .arg(repository_dir())
        .arg(&good)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = std::process::Command::new(exe).arg(&good).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok: 9 sections, 16 drugs"));

    let mut value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&good).unwrap()).unwrap();
    value["drugs"][3]["synonyms"][1]["name"] = "Oncovin".into();
    let bad = dir.join("bad.json");
    fs::write(&bad, value.to_string()).unwrap();
    let out = std::process::Command::new(exe).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(": the 4th drug, cytarabine, its 2nd other name: \"Oncovin\" is already a name of vincristine"),
        "{stderr}"
    );

    let out = std::process::Command::new(exe)
        .arg(repository_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::process::Command::new(exe)
            .output()
            .unwrap()
            .status
            .code(),
        Some(2),
        "usage error"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_plain_language_check_reads_the_text_readers_see() {
    // Its text is the section's plain text, so its grades are the widget's.
    let dir = toml_source::ContentDir::read(&repository_dir(), "content/").unwrap();
    let raw = dir.raw.as_ref().unwrap();
    let content = shipped();
    for (raw, section) in raw.sections.iter().zip(&content.sections) {
        assert_eq!(
            tg_content::plain_body(&raw.body).text,
            section.plain_text(),
            "{}",
            section.id
        );
    }
    let check = dir.check();
    assert!(
        check.errors.is_empty() && check.warnings().is_empty(),
        "{check:?}"
    );
    let grades = &check.plain_language.as_ref().unwrap().grades;
    assert_eq!(grades.len(), 9);
    assert!(grades.iter().all(|g| g.grade <= MAX_GRADE));
}

#[test]
fn content_check_warns_about_plain_language_and_strict_makes_it_fail() {
    let dir = std::env::temp_dir().join(format!("tg-plain-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let strict = std::ffi::OsStr::new("--strict");

    // The shipped content passes, even with --strict, and shows every section's grade.
    let (code, stdout, stderr) = content_check(&[strict, repository_dir().as_os_str()]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains(
            "reading grade by section (plain language is 8 or lower): What relapsed and refractory mean (relapsed-and-refractory) "
        ),
        "{stdout}"
    );
    assert!(stdout.contains("(clinical-trials) "), "{stdout}");
    assert!(!stderr.contains("warning"), "{stderr}");

    // A JSON file: a 30-word sentence in a list item, and a hard section.
    let mut value = built_in_value();
    let long = "Your doctor will check your blood every week or so while you have this treatment, \
                and will tell you what the results mean for you and your family today.";
    let body = value["sections"][7]["body"].as_str().unwrap().to_owned();
    value["sections"][7]["body"] = format!("{body}- {long}\n").into();
    value["sections"][7]["sources"]
        .as_array_mut()
        .unwrap()
        .push("Supportive therapy, list".into());
    value["sections"][2]["body"] =
        "Intravenous immunosuppressive administration necessitates multidisciplinary coordination."
            .into();
    value["sections"][2]["sources"] = serde_json::json!(["Targeted therapy, 1st paragraph"]);
    let file = dir.join("plain.json");
    fs::write(&file, value.to_string()).unwrap();
    let (code, stdout, stderr) = content_check(&[file.as_os_str()]);
    assert_eq!(code, Some(0), "warnings alone do not fail: {stderr}");
    assert!(stdout.contains(": ok: 9 sections"), "{stdout}");
    let label = file.display();
    let expected = [
        format!(
            "warning: {label}:1: the 3rd section, \"Targeted therapy\": plain language: reading grade 45.8, above 8; \
             use shorter sentences and everyday words"
        ),
        format!(
            "warning: {label}:1: the 8th section, \"Supportive therapy\": plain language: a sentence of 29 words, more than 25; \
             split it: \"Your doctor will check your blood every week or so …\""
        ),
        format!("{label}: 2 warning(s); --strict makes them errors"),
    ];
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines, expected, "{stderr}");

    let (code, _, stderr) = content_check(&[strict, file.as_os_str()]);
    assert_eq!(code, Some(1), "--strict fails on warnings: {stderr}");
    assert!(
        stderr.contains(&format!(
            "error: {label}:1: the 8th section, \"Supportive therapy\": plain language: a sentence of 29 words"
        )),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(&format!("{label}: 2 problem(s)\n")),
        "{stderr}"
    );

    // Errors and warnings together: both are listed, and the file fails without --strict.
    value["drugs"][3]["synonyms"][1]["name"] = "Oncovin".into();
    fs::write(&file, value.to_string()).unwrap();
    let (code, _, stderr) = content_check(&[file.as_os_str()]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("the 4th drug, cytarabine, its 2nd other name: \"Oncovin\" is already a name of vincristine")
    );
    assert!(stderr.contains("warning: "), "{stderr}");

    // The TOML folder: the warning names the file and the line of the sentence.
    let toml = dir.join("content");
    fs::create_dir_all(&toml).unwrap();
    for name in FILES {
        fs::copy(repository_dir().join(name), toml.join(name)).unwrap();
    }
    let sections = fs::read_to_string(toml.join("sections.toml")).unwrap();
    let item = "- {leukapheresis}, where a machine removes";
    assert!(sections.contains(item));
    fs::write(
        toml.join("sections.toml"),
        sections.replace(item, &format!("- {long}\n{item}")),
    )
    .unwrap();
    let (code, _, stderr) = content_check(&[strict, toml.as_os_str()]);
    assert_eq!(code, Some(1));
    let line = line_of("sections.toml", item);
    assert!(
        stderr.contains(&format!(
            "error: {}/sections.toml:{line}: the 8th section, \"Supportive therapy\": plain language: a sentence of 29 words",
            toml.display()
        )),
        "{stderr}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn content_check_explains_names_in_another_language_and_translations() {
    let exe = env!("CARGO_BIN_EXE_content-check");
    let fr = repository_dir().join("fr");
    let out = std::process::Command::new(exe).arg(&fr).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("4 name(s) in another language (lang)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("a translation of the en text, version"),
        "{stdout}"
    );
    let help = std::process::Command::new(exe)
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("drugs[].synonyms[].lang") && help.contains("meta.translation"),
        "{help}"
    );
}

#[test]
fn content_check_warns_when_a_translation_is_older_than_its_original() {
    let exe = env!("CARGO_BIN_EXE_content-check");
    let dir = std::env::temp_dir().join(format!("tg-old-translation-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let fr = repository_dir().join("fr");
    for name in FILES {
        fs::copy(fr.join(name), dir.join(name)).unwrap();
    }
    let meta = fs::read_to_string(dir.join("meta.toml")).unwrap();
    // The English text it was translated from is not the English text now.
    let old = meta.replacen(
        "from_fingerprint = \"sha256:",
        "from_fingerprint = \"sha256:00",
        1,
    );
    assert_ne!(meta, old);
    fs::write(dir.join("meta.toml"), old).unwrap();
    let out = std::process::Command::new(exe).arg(&dir).output().unwrap();
    let strict = std::process::Command::new(exe)
        .arg("--strict")
        .arg(&dir)
        .output()
        .unwrap();
    fs::remove_dir_all(&dir).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: ")
            && stderr.contains("this translation is out of date: it was made from version ")
            && stderr.contains(" of the en text, which has changed since"),
        "{stderr}"
    );
    assert_eq!(strict.status.code(), Some(1));
}
