//! The code's reading of the attributes that change what a reader sees
//! (`open`, `heading-level`, the element's place among the page's guides)
//! against the table of cases that the loader's guide before the code must
//! also follow (`tests/cases/attributes.json`; e2e/before-code.test.mjs runs
//! the same table in a browser).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use tg_ui::options::{parse_heading_level, ID_PREFIX};
use tg_ui::{OpenSpec, Options};

fn cases() -> Vec<Value> {
    let table: Value = serde_json::from_str(include_str!("cases/attributes.json")).unwrap();
    table["cases"].as_array().unwrap().clone()
}

fn text(value: &Value) -> Option<&str> {
    value.as_str()
}

#[test]
fn open_follows_the_shared_cases() {
    let ids: Vec<String> = tg_content::toml_source::shipped()
        .sections
        .iter()
        .map(|s| s.id.clone())
        .collect();
    for case in cases() {
        let spec = OpenSpec::parse(text(&case["open"]));
        let expected = match &case["opens"] {
            Value::String(all) if all == "all" => OpenSpec::All,
            Value::Array(list) if list.is_empty() => OpenSpec::None,
            Value::Array(list) => OpenSpec::Ids(
                list.iter()
                    .map(|id| id.as_str().unwrap().to_owned())
                    .collect(),
            ),
            other => panic!("opens: {other}"),
        };
        // `None` and an empty list open the same sections.
        let same = spec == expected
            || matches!((&spec, &expected), (OpenSpec::Ids(ids), OpenSpec::None) if ids.is_empty());
        assert!(
            same,
            "open={}: {spec:?}, expected {expected:?}",
            case["open"]
        );
        let shown: Vec<&str> = ids
            .iter()
            .map(String::as_str)
            .filter(|id| spec.opens(id))
            .collect();
        let expected_shown: Vec<&str> = match &case["shown"] {
            Value::String(_) => ids.iter().map(String::as_str).collect(),
            Value::Array(list) => {
                let listed: Vec<&str> = list.iter().map(|id| id.as_str().unwrap()).collect();
                ids.iter()
                    .map(String::as_str)
                    .filter(|id| listed.contains(id))
                    .collect()
            }
            other => panic!("shown: {other}"),
        };
        assert_eq!(shown, expected_shown, "open={}", case["open"]);
    }
}

#[test]
fn heading_level_follows_the_shared_cases() {
    for case in cases() {
        let level = parse_heading_level(text(&case["headingLevel"]));
        assert_eq!(
            u64::from(level),
            case["level"].as_u64().unwrap(),
            "heading-level={}",
            case["headingLevel"]
        );
    }
}

#[test]
fn the_id_prefix_follows_the_shared_cases() {
    for case in cases() {
        let position = u32::try_from(case["position"].as_u64().unwrap()).unwrap();
        let options = Options::for_position(position);
        assert_eq!(options.id_prefix, case["prefix"].as_str().unwrap());
        assert_eq!(options.hash_prefix, Some(format!("{}-", options.id_prefix)));
        assert!(options.id_prefix.starts_with(ID_PREFIX));
    }
}
