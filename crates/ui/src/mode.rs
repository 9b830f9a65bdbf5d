//! How a component tree is rendered: live, or as a static document.

/// How the guide is rendered. Components read it from a Yew context that
/// [`crate::Guide`] provides, so the same tree serves both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RenderMode {
    /// The widget: collapsible sections, the lookup, inline help. The HTML
    /// prerendered for the embed's first paint is this mode (the code then
    /// renders the same tree in its place).
    #[default]
    Interactive,
    /// A plain document for readers without script or WebAssembly, and for
    /// search engines: every section open, headings without buttons, no
    /// lookup, names as plain text, and a note that the search needs script.
    Static,
}

impl RenderMode {
    /// Whether the tree is live.
    pub fn is_interactive(self) -> bool {
        self == RenderMode::Interactive
    }
}
