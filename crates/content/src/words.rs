//! Words for messages to people: positions as people count them, lists
//! ending in "or", and "did you mean" suggestions. Knows nothing of the
//! content format.

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`: a 0-based index as people count.
///
/// ```
/// use tg_content::words::ordinal;
/// assert_eq!(ordinal(0), "1st");
/// assert_eq!(ordinal(11), "12th");
/// assert_eq!(ordinal(21), "22nd");
/// ```
pub fn ordinal(index: usize) -> String {
    let n = index + 1;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The longest name quoted in a message, in characters.
pub const MAX_QUOTED_CHARS: usize = 40;

/// A name as a message quotes it: trimmed, and cut with `…` past
/// [`MAX_QUOTED_CHARS`], so a runaway value cannot flood a message.
///
/// ```
/// assert_eq!(tg_content::words::quoted(" Zofran "), "Zofran");
/// assert_eq!(tg_content::words::quoted(&"v".repeat(100)).chars().count(), 41);
/// ```
pub fn quoted(name: &str) -> String {
    let name = name.trim();
    if name.chars().count() <= MAX_QUOTED_CHARS {
        return name.to_owned();
    }
    let mut cut: String = name.chars().take(MAX_QUOTED_CHARS).collect();
    cut.push('…');
    cut
}

/// `a`, `a or b`, `a, b or c`.
///
/// ```
/// assert_eq!(tg_content::words::one_of(&["brand", "code", "other"]), "brand, code or other");
/// ```
pub fn one_of<S: AsRef<str>>(words: &[S]) -> String {
    match words {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} or {}", rest.join(", "), last.as_ref())
        }
    }
}

/// The candidate closest to `word` when it is close enough to be a slip of
/// the keyboard (a few letters apart, or the same letters in another case
/// or with other separators), else `None`.
///
/// ```
/// use tg_content::words::closest;
/// assert_eq!(closest("brnad", ["brand", "code"]), Some("brand"));
/// assert_eq!(closest("brand name", ["brand", "code"]), Some("brand"));
/// assert_eq!(closest("nickname", ["brand", "code"]), None);
/// ```
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(word);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter_map(|candidate| {
            let other = fold(candidate);
            if other.is_empty() || folded.is_empty() {
                return None;
            }
            let distance = if other == folded {
                0
            } else if folded.starts_with(&other) || other.starts_with(&folded) {
                // "brand name" for "brand", "chemo" for "chemotherapy".
                1
            } else {
                edit_distance(&folded, &other)
            };
            let allowed = 1 + other.chars().count().max(folded.chars().count()) / 4;
            (distance <= allowed).then_some((distance, candidate))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// `; did you mean "x"?` for [`closest`], or nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates).map_or_else(String::new, |c| format!(" (did you mean \"{c}\"?)"))
}

/// The word as the lookup compares names: case, accents and separators
/// folded away (the crate's own tables, so no other is needed).
fn fold(word: &str) -> String {
    crate::key::normalize(word)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A JSON path as people read it: `drugs[0].synonyms[1].name` becomes
/// `drugs, 1st item, synonyms, 2nd item, name`.
///
/// ```
/// assert_eq!(tg_content::words::position("drugs[0].synonyms[1].name"),
///            "drugs, 1st item, synonyms, 2nd item, name");
/// ```
pub fn position(path: &str) -> String {
    let mut parts = Vec::new();
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        let mut pieces = segment.split('[');
        if let Some(name) = pieces.next().filter(|n| !n.is_empty()) {
            parts.push(name.to_owned());
        }
        for index in pieces {
            match index.trim_end_matches(']').parse::<usize>() {
                Ok(i) => parts.push(format!("{} item", ordinal(i))),
                Err(_) => parts.push(index.to_owned()),
            }
        }
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_as_people_count() {
        let got: Vec<String> = [0, 1, 2, 3, 10, 11, 12, 20, 100, 110].map(ordinal).into();
        assert_eq!(
            got,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "101st", "111th"]
        );
    }

    #[test]
    fn lists_end_in_or() {
        assert_eq!(one_of::<&str>(&[]), "");
        assert_eq!(one_of(&["a"]), "a");
        assert_eq!(one_of(&["a", "b"]), "a or b");
    }

    #[test]
    fn suggestions_are_close_or_none() {
        let ids = ["chemotherapy", "targeted-therapy", "immunotherapy"];
        assert_eq!(closest("chemotherpy", ids), Some("chemotherapy"));
        assert_eq!(closest("Targeted therapy", ids), Some("targeted-therapy"));
        assert_eq!(closest("surgery", ids), None);
        assert_eq!(
            did_you_mean("imunotherapy", ids),
            " (did you mean \"immunotherapy\"?)"
        );
        assert_eq!(did_you_mean("surgery", ids), "");
    }
}
