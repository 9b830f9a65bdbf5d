//! Validates the editable content in `content/` and embeds it as JSON, and
//! minifies the widget stylesheet.
//!
//! A content mistake fails the build with the file, the line and the field,
//! so a broken page can never be built.

#[allow(dead_code, unused_imports)]
#[path = "src/content/mod.rs"]
mod content;
#[allow(dead_code)]
#[path = "src/case/mod.rs"]
mod case;

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
    let raw = loaded.raw.as_ref().expect("validated content was read");
    let json = serde_json::to_string(raw).expect("content serialises to JSON");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("content.json"), json).expect("OUT_DIR is writable");
    fs::write(Path::new(&out_dir).join("content.txt"), content_text(raw))
        .expect("OUT_DIR is writable");

    println!("cargo:rerun-if-changed=styles/widget.css");
    let css = fs::read_to_string("styles/widget.css").expect("styles/widget.css exists");
    fs::write(Path::new(&out_dir).join("widget.css"), minify_css(&css))
        .expect("OUT_DIR is writable");
}

/// Separates the fields of [`content_text`].
const UNIT_SEPARATOR: char = '\u{1f}';

/// The content as one text of fields separated by U+001F, in the order
/// `src/built_in.rs` reads them, with counts before lists. The widget turns
/// it into its model without parsing JSON at start-up, and it is smaller
/// than the JSON (no keys, no quotes).
fn content_text(raw: &content::RawContent) -> String {
    let m = &raw.meta;
    let mut fields: Vec<String> = vec![
        m.version.clone(),
        m.last_reviewed.clone(),
        m.language.clone(),
        m.title.clone(),
        m.intro.clone(),
    ];
    for name in content::UiStrings::NAMES {
        fields.push(raw.strings.field(name).unwrap_or_default().to_owned());
    }
    fields.push(raw.sections.len().to_string());
    for s in &raw.sections {
        fields.extend([s.id.clone(), s.title.clone(), s.summary.clone(), s.body.clone()]);
    }
    fields.push(raw.drugs.len().to_string());
    for d in &raw.drugs {
        fields.extend([d.name.clone(), d.treatment.clone(), d.class.clone()]);
        fields.push(d.synonyms.len().to_string());
        for s in &d.synonyms {
            fields.extend([s.name.clone(), s.kind.clone()]);
        }
    }
    fields.push(raw.glossary.len().to_string());
    for t in &raw.glossary {
        fields.push(t.term.clone());
        fields.push(t.aliases.len().to_string());
        fields.extend(t.aliases.iter().cloned());
        fields.push(t.definition.clone());
    }
    if let Some(field) = fields.iter().find(|f| f.contains(UNIT_SEPARATOR)) {
        eprintln!("content/: the text {field:?} holds the control character U+001F; remove it");
        process::exit(1);
    }
    fields.join(&UNIT_SEPARATOR.to_string())
}

/// Drops comments and needless white space; the stylesheet is compiled into
/// the wasm, so every byte is downloaded by every reader.
fn minify_css(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    without_comments.push_str(rest);
    let mut out = String::with_capacity(without_comments.len());
    for word in without_comments.split_whitespace() {
        let joins = out.ends_with(['{', '}', ';', ':', ',', '>'])
            || word.starts_with(['{', '}', ';', ',', '>']);
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
