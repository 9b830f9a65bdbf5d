//! The Yew user interface: renders the content model and holds view state.
//!
//! [`App`] owns the state ([`state::ViewState`], changed only by
//! [`state::Action`]s); the components in [`components`] map it to HTML and
//! send actions. No medical content or search logic lives here.

pub mod app;
pub mod components;
pub mod dom;
pub mod options;
pub mod state;
pub mod text;

pub use app::{App, AppProps, ContentRef, Guide, GuideProps, Shared};
pub use components::Notice;
pub use options::{OpenSpec, Options};
