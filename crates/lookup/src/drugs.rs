//! The lookup over a content's drugs: every generic name and other name
//! becomes an [`Entry`], and hits come back as drugs with the name that matched.

use std::ops::Range;

use tg_content::Content;

use crate::hit::MatchKind;
use crate::store::{Entry, Index};

/// Which name of which drug an index entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NameRef {
    drug: usize,
    synonym: Option<usize>,
}

/// One suggestion: a drug, and the name of it that matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrugHit {
    /// Index into the content's drugs.
    pub drug: usize,
    /// The other name that matched, or `None` for the generic name.
    pub synonym: Option<usize>,
    /// How it matched.
    pub kind: MatchKind,
    /// Matched byte ranges in that name, for highlighting.
    pub ranges: Vec<Range<usize>>,
}

/// The search index over every name of every drug of a content.
#[derive(Debug)]
pub struct DrugIndex {
    index: Index,
    names: Vec<NameRef>,
}

impl DrugIndex {
    /// Indexes every drug name and other name of `content`.
    ///
    /// ```
    /// use tg_lookup::DrugIndex;
    /// let content = tg_content::toml_source::shipped();
    /// let index = DrugIndex::new(&content);
    /// let hit = &index.search("Adriamycin", 5)[0];
    /// assert_eq!(content.drugs[hit.drug].name, "doxorubicin");
    /// ```
    pub fn new(content: &Content) -> DrugIndex {
        let mut names = Vec::new();
        for (d, drug) in content.drugs.iter().enumerate() {
            names.push(NameRef {
                drug: d,
                synonym: None,
            });
            for s in 0..drug.synonyms.len() {
                names.push(NameRef {
                    drug: d,
                    synonym: Some(s),
                });
            }
        }
        DrugIndex {
            index: Index::build(DrugIndex::entries(content)),
            names,
        }
    }

    /// The names of `content`'s drugs as index entries, in the order they
    /// are indexed: each generic name followed by its other names; target
    /// `i` is the content's `i`-th drug.
    ///
    /// ```
    /// use tg_lookup::DrugIndex;
    ///
    /// let entries = DrugIndex::entries(&tg_content::toml_source::shipped());
    /// assert_eq!(entries[0].text, "vincristine");
    /// assert_eq!(entries.iter().filter(|e| e.target == 3).count(), 3);
    /// ```
    pub fn entries(content: &Content) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (d, drug) in content.drugs.iter().enumerate() {
            let target = u32::try_from(d).unwrap_or(u32::MAX);
            entries.push(Entry::new(drug.name.as_str(), target));
            entries.extend(
                drug.synonyms
                    .iter()
                    .map(|s| Entry::new(s.name.as_str(), target)),
            );
        }
        entries
    }

    /// At most `limit` drugs for what a reader typed, best first, one per drug.
    pub fn search(&self, query: &str, limit: usize) -> Vec<DrugHit> {
        self.index
            .search(query, limit)
            .into_iter()
            .filter_map(|hit| {
                let name = *self.names.get(hit.entry as usize)?;
                Some(DrugHit {
                    drug: name.drug,
                    synonym: name.synonym,
                    kind: hit.kind,
                    ranges: hit.ranges,
                })
            })
            .collect()
    }
}
