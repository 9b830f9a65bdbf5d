//! The README's API tables, written from the element's own tables
//! ([`crate::attributes`], [`crate::api`]) between markers such as
//! `<!-- api:methods:start -->` and `<!-- api:methods:end -->`.
//!
//! `tests/contract.rs` fails when the README's tables differ from these;
//! `TG_BLESS=1 cargo test --test contract readme` rewrites them.

use crate::api::{ErrorKind, CSS_PROPERTIES, EVENTS, FIELDS, METHODS, PARTS};
use crate::attributes::Attribute;

/// A cell's text, with the pipes a Markdown table would read as column breaks escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A code cell.
fn code(text: &str) -> String {
    format!("`{}`", cell(text))
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = format!("| {} |\n", header.join(" | "));
    out += &format!("|{}\n", "---|".repeat(header.len()));
    for row in rows {
        out += &format!("| {} |\n", row.join(" | "));
    }
    out
}

/// Every generated table: its marker's name and its Markdown.
pub fn tables() -> Vec<(&'static str, String)> {
    let attributes = table(
        &["attribute", "what it does", "example"],
        Attribute::ALL
            .iter()
            .map(|a| vec![code(a.name()), cell(a.description()), code(a.example())])
            .collect(),
    );
    let mut rows: Vec<Vec<String>> = Attribute::ALL
        .iter()
        .map(|a| {
            vec![
                code(a.name()),
                code(a.property()),
                code(a.property_type()),
                format!("reflects `{}`", a.name()),
            ]
        })
        .collect();
    rows.extend(FIELDS.iter().map(|f| {
        let kind = if f.is_static {
            "static, read-only"
        } else {
            "read-only"
        };
        vec![
            String::new(),
            format!("`{}` ({kind})", f.name),
            code(f.type_text),
            cell(f.description),
        ]
    }));
    let properties = table(&["attribute", "property", "type", "description"], rows);
    let methods = table(
        &["method", "resolves to", "description"],
        METHODS
            .iter()
            .map(|m| {
                let parameters: Vec<String> = m
                    .parameters
                    .iter()
                    .map(|(name, ty)| format!("{name}: {ty}"))
                    .collect();
                vec![
                    code(&format!("{}({})", m.name, parameters.join(", "))),
                    code(m.resolves),
                    cell(m.description),
                ]
            })
            .collect(),
    );
    let events = table(
        &["event", "`detail`", "when"],
        EVENTS
            .iter()
            .map(|e| vec![code(e.name), code(e.detail), cell(e.description)])
            .collect(),
    );
    let kinds = table(
        &["`kind`", "what it means"],
        ErrorKind::ALL
            .iter()
            .map(|k| vec![code(k.name()), cell(k.description())])
            .collect(),
    );
    let parts = table(
        &["part", "what it is"],
        PARTS
            .iter()
            .map(|(name, description)| vec![code(name), cell(description)])
            .collect(),
    );
    let custom_properties = table(
        &["property", "syntax", "what it sets"],
        CSS_PROPERTIES
            .iter()
            .map(|(name, syntax, description)| vec![code(name), code(syntax), cell(description)])
            .collect(),
    );
    vec![
        ("attributes", attributes),
        ("properties", properties),
        ("methods", methods),
        ("events", events),
        ("error-kinds", kinds),
        ("parts", parts),
        ("custom-properties", custom_properties),
    ]
}

/// `readme` with every generated table written between its markers, or
/// which marker is missing.
pub fn splice(readme: &str) -> Result<String, String> {
    let mut out = readme.to_owned();
    for (name, markdown) in tables() {
        let start = format!("<!-- api:{name}:start -->\n");
        let end = format!("<!-- api:{name}:end -->");
        let from = out
            .find(&start)
            .ok_or_else(|| format!("README.md has no `{}` line", start.trim_end()))?
            + start.len();
        let to = out[from..]
            .find(&end)
            .ok_or_else(|| format!("README.md has no `{end}` after its start"))?
            + from;
        out.replace_range(from..to, &markdown);
    }
    Ok(out)
}
