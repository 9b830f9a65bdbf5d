//! Sealed content: what validation accepted comes back whole, and nothing
//! else opens. The widget opens sealed content without validating it again,
//! so a text that was not sealed (a content file, raw content) must be
//! refused, and a damaged one must give a message, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use tg_content::record::{self, Value};
use tg_content::{toml_source, Content, Inline, Sealed};

fn shipped() -> Content {
    toml_source::shipped()
}

fn sealed() -> String {
    Sealed::of(&shipped()).unwrap().into_string()
}

fn refused(text: &str) -> String {
    Content::from_sealed(text).unwrap_err().message
}

#[test]
fn validated_content_opens_as_it_was_sealed_in_every_language() {
    for language in ["en", "fr"] {
        let content = toml_source::built_in(language).unwrap().validate().unwrap();
        let sealed = Sealed::of(&content).unwrap();
        assert_eq!(Content::from_sealed(sealed.as_str()).unwrap(), content);
    }
}

#[test]
fn a_content_file_or_raw_content_is_not_opened_without_validation() {
    let raw = toml_source::built_in("en").unwrap().raw.unwrap();
    let json = tg_content::json::to_text(&raw.to_json());
    assert!(refused(&json).contains("not content the build or the content reader checked"));
    let encoded = record::encode(&raw).unwrap();
    assert!(refused(&encoded).contains("does not start as sealed content does"));
    assert!(refused("").contains("does not start as sealed content does"));
}

#[test]
fn a_damaged_text_is_refused_with_a_message() {
    let text = sealed();
    // Cut anywhere: refused, never a panic, never partial content.
    for cut in (20..text.len())
        .step_by(997)
        .filter(|&i| text.is_char_boundary(i))
    {
        let message = refused(&text[..cut]);
        assert!(message.contains("incomplete"), "cut at {cut}: {message}");
    }
    // Cut in the last field.
    assert!(refused(&text[..text.len() - 1]).contains("incomplete"));
    // One field too many.
    assert!(refused(&format!("{text}\u{1f}x")).contains("incomplete"));
    // A list length no text could hold does not make millions of values.
    let first_count = text
        .find("\u{1f}9\u{1f}")
        .expect("the nine sections' count");
    let huge = format!(
        "{}\u{1f}999999999{}",
        &text[..first_count],
        &text[first_count + 2..]
    );
    assert!(refused(&huge).contains("incomplete"));
}

#[test]
fn a_mention_of_a_drug_that_is_not_there_is_refused() {
    let mut content = shipped();
    let run = content
        .sections
        .iter_mut()
        .flat_map(|section| &mut section.blocks)
        .find_map(|block| match block {
            tg_content::Block::Paragraph(runs) => runs
                .iter_mut()
                .find(|run| matches!(run, Inline::Drug { .. })),
            tg_content::Block::List(_) => None,
        })
        .expect("the built-in text mentions a drug in a paragraph");
    let Inline::Drug { drug, .. } = run else {
        unreachable!()
    };
    *drug = 500;
    let sealed = Sealed::of(&content).unwrap();
    assert!(refused(sealed.as_str()).contains("a mention points at nothing"));
}

#[test]
fn a_text_the_encoding_cannot_hold_is_not_sealed() {
    let mut content = shipped();
    content.meta.title.push('\u{1f}');
    let error = Sealed::of(&content).unwrap_err();
    assert!(error.message.contains("U+001F"), "{error}");
}
