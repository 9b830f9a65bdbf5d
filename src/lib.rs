//! treatment-guide: patient information on treatments for relapsed or
//! refractory acute lymphocytic leukemia, with a drug-synonym lookup, as a
//! `<treatment-guide>` element any web page can embed.
//!
//! This crate is the widget, the last layer of the data flow:
//! `tg_content` (model, validation) ← `tg_lookup` (drug-name search) ←
//! `tg_ui` (Yew components) ← this crate (the embed: [`embed::mount`]).
//! See `docs/ARCHITECTURE.md`.

pub mod api;
pub mod attributes;
pub mod built_in;

#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(not(target_arch = "wasm32"))]
pub mod readme;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod events;
#[cfg(target_arch = "wasm32")]
pub mod remote;
