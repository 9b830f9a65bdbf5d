//! The review sheet: one printable HTML page a medical reviewer can work
//! through in an hour. Every statement a reader sees ([`crate::review::statements`]),
//! the original and its translation side by side, each with the reference to
//! where it rests in the source; what changed since the last review, marked;
//! the points for the reviewer; a place to sign, with the exact
//! `content-check --sign-review` command that turns it into the record.
//!
//! Pure: `content-check --review-sheet` and the checker page's module both
//! call [`review_sheet`].

use crate::languages::{default_strings, FALLBACK};
use crate::raw::RawContent;
use crate::review::{self, Statement};

/// The page's styles: readable on screen, one column of rows on paper.
const STYLE: &str = "\
body{font:15px/1.45 system-ui,sans-serif;color:#111;margin:1.5rem auto;max-width:72rem;padding:0 1rem}\
h1{font-size:1.45rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.4rem 0 .4rem}\
.facts{margin:.2rem 0 1rem;color:#333}.facts dt{font-weight:600;float:left;clear:left;margin-right:.4rem}.facts dd{margin:0 0 .15rem}\
.status{border:2px solid #111;padding:.5rem .7rem;margin:.6rem 0}\
.points li{margin:.25rem 0}\
table{border-collapse:collapse;width:100%;table-layout:fixed}.where{width:7.5rem}.ref{width:11rem}.ok{width:2.6rem;text-align:center}th,td{border:1px solid #999;padding:.3rem .45rem;vertical-align:top;text-align:left}\
th{background:#eee}td.where{font-size:.85rem;color:#333}td.ref{font-size:.85rem}td{overflow-wrap:anywhere}\
tr.group th{background:#dde6f0;font-size:1rem}\
.changed{background:#fff3bf;box-shadow:inset 4px 0 #c77700}.mark{display:inline-block;font-size:.75rem;font-weight:700;border:1px solid #c77700;padding:0 .25rem;margin-right:.3rem}\
.missing{color:#a00;font-style:italic}\
.sign{border:2px solid #111;padding:.7rem;margin-top:1.5rem;break-inside:avoid}.line{border-bottom:1px solid #111;display:inline-block;min-width:18rem;height:1.2rem}\
code{font-size:.85rem;background:#f3f3f3;padding:.1rem .25rem;word-break:break-all}\
@media print{body{margin:0;max-width:none;font-size:10.5pt}tr{break-inside:avoid}thead{display:table-header-group}a{color:inherit}}";

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The state of a text's review, in words for the sheet.
fn status(raw: &RawContent, language: &str) -> String {
    let count = review::statements(raw).len();
    if !review::has_review(raw) {
        return format!(
            "The {language} text ({count} statements) has not yet had a medical review."
        );
    }
    let (by, date) = (esc(raw.review.by.trim()), esc(raw.review.date.trim()));
    if review::is_current(raw) {
        return format!("The {language} text was medically reviewed on {date} by {by}, and has not changed since.");
    }
    let changes = review::changes(raw);
    format!(
        "The {language} text was medically reviewed on {date} by {by}. Since then {} statement(s) are new or changed (marked <span class=\"mark\">CHANGED</span> below) and {} reviewed statement(s) are no longer in the text as they were.",
        changes.changed.len(),
        changes.gone
    )
}

/// The name of a language for the sheet, which is in the default language.
fn language_name(code: &str) -> String {
    default_strings(FALLBACK)
        .language_name(code.trim())
        .to_owned()
}

/// The group a statement belongs to on the sheet: its section's title, or
/// the kind of item.
fn group(statement: &Statement, raw: &RawContent) -> String {
    let key = &statement.key;
    if let Some(rest) = key.strip_prefix("sections.") {
        let id = rest.rsplit_once('.').map_or(rest, |(id, _)| id);
        let title = raw
            .sections
            .iter()
            .find(|s| s.id.trim() == id)
            .map_or(id, |s| s.title.trim());
        return format!("Section: {title}");
    }
    match key.split('.').next().unwrap_or_default() {
        "glossary" => "Glossary (shown when a reader presses a term)".to_owned(),
        "drugs" => "Drug cards (shown by the lookup)".to_owned(),
        "strings" => "Interface words that carry medical meaning".to_owned(),
        _ => "The guide".to_owned(),
    }
}

/// One cell of a statement's text, marked when it changed since the review.
fn cell(statement: Option<&Statement>, changed: &[String], lang: &str) -> String {
    match statement {
        None => "<td class=\"missing\">(none)</td>".to_owned(),
        Some(s) if changed.contains(&s.key) => format!(
            "<td class=\"changed\" lang=\"{lang}\"><span class=\"mark\">CHANGED</span>{}</td>",
            esc(&s.shown)
        ),
        Some(s) => format!("<td lang=\"{lang}\">{}</td>", esc(&s.shown)),
    }
}

/// The review sheet of `original` and, when given, its `translation`, side by side.
///
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// let en = tg_content::toml_source::built_in("en").unwrap().raw.unwrap();
/// let html = tg_content::sheet::review_sheet(&en, None);
/// assert!(html.starts_with("<!doctype html>"));
/// assert!(html.contains("content-check --sign-review --date YYYY-MM-DD"));
/// # }
/// ```
pub fn review_sheet(original: &RawContent, translation: Option<&RawContent>) -> String {
    let ours = review::statements(original);
    let theirs = translation.map(review::statements).unwrap_or_default();
    let keys = |raw: &RawContent| -> Vec<String> {
        review::changes(raw)
            .changed
            .into_iter()
            .map(|s| s.key)
            .collect()
    };
    let changed_ours = keys(original);
    let changed_theirs = translation.map(keys).unwrap_or_default();
    let lang = original.meta.language.trim();
    let first = language_name(lang);
    let second = translation.map(|t| language_name(&t.meta.language));
    let mut out = String::new();
    out.push_str(&format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<title>Medical review sheet: {}</title><style>{STYLE}</style></head><body>\n",
        esc(original.meta.title.trim())
    ));
    out.push_str(&format!(
        "<h1>Medical review sheet</h1><p>{}</p>\n<dl class=\"facts\"><dt>Content version</dt><dd>{}</dd>",
        esc(original.meta.title.trim()),
        esc(original.meta.version.trim())
    ));
    if !original.meta.source.text.trim().is_empty() {
        out.push_str(&format!(
            "<dt>Source</dt><dd>{}</dd>",
            esc(original.meta.source.text.trim())
        ));
    }
    out.push_str(&format!(
        "<dt>Fingerprint of this {first} text</dt><dd><code>{}</code></dd>",
        review::fingerprint(&ours)
    ));
    if let (Some(t), Some(second)) = (translation, &second) {
        out.push_str(&format!(
            "<dt>Fingerprint of this {second} text</dt><dd><code>{}</code></dd>",
            review::fingerprint(&theirs)
        ));
        let behind = review::translation_behind(t, original);
        out.push_str(&format!(
            "<dt>Translation</dt><dd>{}</dd>",
            if behind {
                format!("the {second} text was translated from an earlier version of the {first} text: it does not follow every change")
            } else {
                format!("the {second} text is a translation of this {first} text")
            }
        ));
    }
    out.push_str("</dl>\n<div class=\"status\">");
    out.push_str(&status(original, &first));
    if let (Some(t), Some(second)) = (translation, &second) {
        out.push_str("<br>");
        out.push_str(&status(t, second));
    }
    out.push_str("</div>\n<p>How to read it: each row is one statement a reader sees, in the order they see it. Check it against the source named in the reference column (references name the source's heading and item; they are never shown to readers). Tick the last column when a statement is right; write corrections beside it.</p>\n");
    if !original.review_points.is_empty() {
        out.push_str("<h2>Points for the reviewer</h2><p>Places where the text follows a source that may be ambiguous or dated. The text keeps the source's words until a reviewer decides.</p><ol class=\"points\">");
        for point in &original.review_points {
            let section = original
                .sections
                .iter()
                .find(|s| !point.section.trim().is_empty() && s.id.trim() == point.section.trim())
                .map(|s| format!("<strong>{}:</strong> ", esc(s.title.trim())))
                .unwrap_or_default();
            out.push_str(&format!("<li>{section}{}</li>", esc(point.text.trim())));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("<h2>Every statement</h2>\n<table><thead><tr><th class=\"where\">Where</th>");
    out.push_str(&format!("<th>{first}</th>"));
    if let Some(second) = &second {
        out.push_str(&format!("<th>{second}</th>"));
    }
    out.push_str("<th class=\"ref\">Where it rests in the source</th><th class=\"ok\">OK</th></tr></thead><tbody>\n");
    let columns = if second.is_some() { 5 } else { 4 };
    let mut last_group = String::new();
    let mut row = |s: Option<&Statement>, t: Option<&Statement>, out: &mut String| {
        let anchor = s.or(t).expect("a row has a statement");
        let name = group(anchor, original);
        if name != last_group {
            out.push_str(&format!(
                "<tr class=\"group\"><th colspan=\"{columns}\">{}</th></tr>\n",
                esc(&name)
            ));
            last_group = name;
        }
        let place = anchor
            .label
            .split_once(", ")
            .map_or(anchor.label.as_str(), |(_, rest)| rest);
        let mut chars = place.chars();
        let place: String = chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        out.push_str(&format!("<tr><td class=\"where\">{}</td>", esc(&place)));
        out.push_str(&cell(s, &changed_ours, lang));
        if second.is_some() {
            let code = translation.map_or("", |t| t.meta.language.trim());
            out.push_str(&cell(t, &changed_theirs, code));
        }
        let reference = s.and_then(|s| s.source.clone());
        let own = t
            .and_then(|t| t.source.clone())
            .filter(|r| Some(r) != reference.as_ref());
        let needs = anchor.kind.needs_source();
        let mut refs = match (&reference, needs) {
            (Some(r), _) => esc(r),
            (None, true) => "<span class=\"missing\">no reference</span>".to_owned(),
            (None, false) => "—".to_owned(),
        };
        if let Some(own) = own {
            refs.push_str(&format!(
                "<br>({}: {})",
                esc(second.as_deref().unwrap_or_default()),
                esc(&own)
            ));
        }
        out.push_str(&format!(
            "<td class=\"ref\">{refs}</td><td class=\"ok\">☐</td></tr>\n"
        ));
    };
    for s in &ours {
        let t = theirs.iter().find(|t| t.key == s.key);
        row(Some(s), t, &mut out);
    }
    for t in theirs
        .iter()
        .filter(|t| !ours.iter().any(|s| s.key == t.key))
    {
        row(None, Some(t), &mut out);
    }
    out.push_str("</tbody></table>\n");
    out.push_str("<div class=\"sign\"><h2>Sign</h2><p>I have reviewed every statement on this sheet against the source, and the text may be shown to readers as medically reviewed.</p>\
<p>Name and role (as the charity will show it, or the role only): <span class=\"line\"></span></p>\
<p>Date: <span class=\"line\"></span> &nbsp; Signature: <span class=\"line\"></span></p>");
    out.push_str(&format!(
        "<p>The charity's editor turns this into the review record of the exact text on this sheet with:</p>\
<p><code>content-check --sign-review --date YYYY-MM-DD --by \"NAME, ROLE\"</code> (the {first} text)</p>"
    ));
    if let (Some(t), Some(second)) = (translation, &second) {
        out.push_str(&format!(
            "<p><code>content-check --sign-review --date YYYY-MM-DD --by \"NAME, ROLE\" --lang {}</code> (the {second} text, when the reviewer has read it too)</p>",
            esc(t.meta.language.trim())
        ));
    }
    out.push_str("<p>Before signing, <code>content-check</code> on the content must show the fingerprint printed at the top of this sheet: if it does not, the text has changed since this sheet was made; make a new sheet.</p></div>\n</body></html>\n");
    out
}
