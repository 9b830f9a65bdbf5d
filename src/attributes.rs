//! The element's name and attributes: the one table that the loader
//! (`treatment-guide.js`, its `observedAttributes`) and the README follow.
//! A native test (`tests/contract.rs`) checks that both agree with it.

/// The custom element's name.
pub const ELEMENT: &str = "treatment-guide";

/// An attribute a host page sets on the element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    /// `open`: section ids separated by commas, or `all`.
    Open,
    /// `heading-level`: level of the section headings (1–6).
    HeadingLevel,
    /// `lang`: the language wanted.
    Lang,
    /// `content-src`: URL of a content file in the JSON format.
    ContentSrc,
}

impl Attribute {
    /// Every attribute, in the order the README lists them.
    pub const ALL: [Attribute; 4] = [
        Attribute::Open,
        Attribute::HeadingLevel,
        Attribute::Lang,
        Attribute::ContentSrc,
    ];

    /// The attribute's name in HTML.
    pub const fn name(self) -> &'static str {
        match self {
            Attribute::Open => "open",
            Attribute::HeadingLevel => "heading-level",
            Attribute::Lang => "lang",
            Attribute::ContentSrc => "content-src",
        }
    }
}
