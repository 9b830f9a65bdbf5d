//! treatment-guide: patient information on treatments for relapsed or
//! refractory acute lymphoblastic leukemia, with a drug-synonym lookup.
//!
//! The layers follow the data flow:
//! [`content`] (model and validation) → [`lookup`] (drug-name search engine)
//! → `ui` (Yew components) → `embed` (the `<treatment-guide>` mount).
//! `content` and `lookup` are pure Rust and build natively; `ui` and `embed`
//! exist only in the WebAssembly build. [`case`] is the case folding both
//! pure layers share.

pub mod built_in;
pub mod case;
pub mod content;
pub mod lookup;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
