//! Options a host page gives a widget through the element's attributes.

/// The `open` value that opens every section.
pub const OPEN_ALL: &str = "all";

/// The level of the section headings when the host page sets none.
pub const DEFAULT_HEADING_LEVEL: u8 = 2;

/// The first widget's prefix of element ids (`tg-chemotherapy`); the n-th
/// widget's (n ≥ 2) is this followed by n (`tg2-chemotherapy`).
pub const ID_PREFIX: &str = "tg";

/// Which sections start open (the `open` attribute).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OpenSpec {
    /// None (no attribute).
    #[default]
    None,
    /// Every section (`open="all"`).
    All,
    /// The sections with these ids (`open="chemotherapy,immunotherapy"`).
    Ids(Vec<String>),
}

impl OpenSpec {
    /// Parses the `open` attribute: `all`, or section ids separated by commas
    /// or spaces. Unknown ids are kept and simply match nothing.
    pub fn parse(value: Option<&str>) -> OpenSpec {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return OpenSpec::None;
        };
        if value.eq_ignore_ascii_case(OPEN_ALL) {
            return OpenSpec::All;
        }
        let ids = value
            .split([',', ' '])
            .map(|id| id.trim().to_ascii_lowercase())
            .filter(|id| !id.is_empty())
            .collect();
        OpenSpec::Ids(ids)
    }

    /// Whether the section `id` starts open.
    pub fn opens(&self, id: &str) -> bool {
        match self {
            OpenSpec::None => false,
            OpenSpec::All => true,
            OpenSpec::Ids(ids) => ids.iter().any(|i| i == id),
        }
    }
}

/// Everything a host page can set on one widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Sections open at start.
    pub open: OpenSpec,
    /// Level of the section headings in the host page's outline (1–6).
    pub heading_level: u8,
    /// Prefix that keeps this widget's element ids unique on the page.
    pub id_prefix: String,
    /// Live widget or static document.
    pub mode: crate::mode::RenderMode,
    /// Start of the URL hash fragments this widget owns and follows: `tg-`
    /// for the first widget of a page, `tg2-`, `tg3-`… for the others, so
    /// they never fight; `None` leaves the URL alone.
    pub hash_prefix: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options::for_position(0)
    }
}

impl Options {
    /// The defaults for the widget at `position` (0-based) among the page's
    /// widgets: its element ids and the URL fragments it owns and makes
    /// links to start with `tg-` for the first widget, `tg2-`, `tg3-`… for
    /// the others, so a copied link always leads to the widget it came from.
    pub fn for_position(position: u32) -> Options {
        let id_prefix = match position {
            0 => ID_PREFIX.to_owned(),
            n => format!("{ID_PREFIX}{}", n + 1),
        };
        Options {
            open: OpenSpec::None,
            heading_level: DEFAULT_HEADING_LEVEL,
            mode: crate::mode::RenderMode::Interactive,
            hash_prefix: Some(format!("{id_prefix}-")),
            id_prefix,
        }
    }
}

/// Parses `heading-level`: 1 to 6, anything else gives [`DEFAULT_HEADING_LEVEL`].
pub fn parse_heading_level(value: Option<&str>) -> u8 {
    value
        .and_then(|v| v.trim().parse().ok())
        .filter(|l| (1..=6).contains(l))
        .unwrap_or(DEFAULT_HEADING_LEVEL)
}
