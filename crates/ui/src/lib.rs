//! treatment-guide user interface: the Yew components and view state.
//!
//! The same component tree renders in the browser (feature `csr`) and
//! natively to an HTML string (feature `ssr`, see [`ssr`]), which is how the
//! build prerenders the guide.
//! Render functions are pure: the browser is only touched in effects and
//! event handlers, so both renderings agree.
//!
//! [`App`] owns the state ([`state::ViewState`], changed only by
//! [`state::Action`]s); the components in [`components`] map it to HTML and
//! send actions. No medical content or search logic lives here.

pub mod app;
pub mod components;
pub mod dom;
pub mod mode;
pub mod options;
pub mod shared;
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
pub mod ssr;
pub mod state;
pub mod text;

pub use app::{App, AppProps, Change, Control, Guide, GuideProps};
pub use components::Notice;
pub use mode::RenderMode;
pub use options::{OpenSpec, Options};
pub use shared::{ContentRef, Shared};
