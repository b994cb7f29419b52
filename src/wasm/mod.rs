//! The JavaScript boundary: the only module that names `wasm_bindgen`, `js_sys` or
//! `serde_wasm_bindgen`. It converts values and errors and calls the public Rust API;
//! it holds no rules of its own.

mod approvals;
mod convert;
mod directory;
mod error;
mod flows;
mod groups;
mod people_ids;
mod people_index;
mod people_records;
mod search;
mod session;
mod views;

pub use directory::{sample_world, JsDirectory};
pub use error::register_error_class;
pub use people_index::JsPeopleIndex;
pub use session::JsSession;

use wasm_bindgen::prelude::*;

/// The guestpass version, as in Cargo.toml.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
