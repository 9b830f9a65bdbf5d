//! The element's name and attributes: the one table that the loader (through
//! the build's manifest: its `observedAttributes` and reflecting properties),
//! `custom-elements.json`, `treatment-guide.d.ts` and the README's tables
//! (`src/readme.rs`) follow. Native tests (`tests/contract.rs`) check the
//! README and the manifest against it.

/// The custom element's name.
pub const ELEMENT: &str = "treatment-guide";

/// Class of the element inside the shadow root that the widget renders into
/// (the loader puts the prerendered guide in one).
pub const MOUNT_CLASS: &str = "tg-mount";

/// The language of the content compiled into the widget, shown when a page
/// asks for a language the guide does not have (the content crate's default).
pub const DEFAULT_LANGUAGE: &str = tg_content::languages::FALLBACK;

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
    /// `debug`: show a content file's problems on the page, not only in the console.
    Debug,
}

/// How a property reflects its attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reflection {
    /// The attribute's text (`null` when absent).
    Text,
    /// Present or absent.
    Boolean,
}

impl Attribute {
    /// Every attribute, in the order the README lists them.
    pub const ALL: [Attribute; 5] = [
        Attribute::Open,
        Attribute::HeadingLevel,
        Attribute::Lang,
        Attribute::ContentSrc,
        Attribute::Debug,
    ];

    /// The attribute's name in HTML.
    pub const fn name(self) -> &'static str {
        match self {
            Attribute::Open => "open",
            Attribute::HeadingLevel => "heading-level",
            Attribute::Lang => "lang",
            Attribute::ContentSrc => "content-src",
            Attribute::Debug => "debug",
        }
    }

    /// The element's property that reflects it.
    pub const fn property(self) -> &'static str {
        match self {
            Attribute::Open => "open",
            Attribute::HeadingLevel => "headingLevel",
            Attribute::Lang => "lang",
            Attribute::ContentSrc => "contentSrc",
            Attribute::Debug => "debug",
        }
    }

    /// How the property reflects the attribute.
    pub const fn reflection(self) -> Reflection {
        match self {
            Attribute::Debug => Reflection::Boolean,
            _ => Reflection::Text,
        }
    }

    /// The TypeScript type of its property: `lang` is `HTMLElement`'s own
    /// (always a string); a text attribute's property is `null` when absent.
    pub const fn property_type(self) -> &'static str {
        match (self, self.reflection()) {
            (Attribute::Lang, _) => "string",
            (_, Reflection::Text) => "string | null",
            (_, Reflection::Boolean) => "boolean",
        }
    }

    /// What it does: the one text of the README's attribute tables,
    /// `custom-elements.json` and `treatment-guide.d.ts`.
    pub const fn description(self) -> &'static str {
        match self {
            Attribute::Open => "Sections open at start: section ids separated by commas, or `all`.",
            Attribute::HeadingLevel => "Level of the section headings in the page's outline (1–6, default 2).",
            Attribute::Lang => "Language of the guide: a built-in language's code, such as `en` or `fr` (`fr-CA`, `fr-FR` and the like mean French). Without it, the nearest ancestor's `lang` decides (`<html lang=\"fr-CA\">`), and otherwise English.",
            Attribute::ContentSrc => "URL of your own content file in the JSON format, shown instead of the built-in guide.",
            Attribute::Debug => "Shows a content file's problems on the page too, for the web staff (readers otherwise get a short plain notice; the console always has the details).",
        }
    }

    /// An example of the attribute in HTML, for the README.
    pub const fn example(self) -> &'static str {
        match self {
            Attribute::Open => "open=\"chemotherapy,immunotherapy\"",
            Attribute::HeadingLevel => "heading-level=\"3\"",
            Attribute::Lang => "lang=\"fr\"",
            Attribute::ContentSrc => "content-src=\"/guide/content.json\"",
            Attribute::Debug => "debug",
        }
    }
}
