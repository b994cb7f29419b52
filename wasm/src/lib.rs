//! The JavaScript boundary: the only crate that names `wasm_bindgen` or `js_sys`. It
//! converts values and errors and calls the public Rust API of `guestpass` (and, for
//! `Directory.sample` and `sampleWorld`, of `guestpass-sample`); it holds no rules of its
//! own. wasm-pack builds this crate into the npm package (`--out-name guestpass`).

mod approvals;
pub mod calls;
mod convert;
mod directory;
mod error;
mod flow_answers;
mod flow_cache;
mod flows;
mod groups;
mod objects;
mod people_index;
mod search;
mod search_packed;
mod session;
mod views;

pub use directory::{sample_world, JsDirectory};
pub use error::register_error_class;
pub use objects::{live_objects, release};
pub use people_index::JsPeopleIndex;
pub use session::JsSession;

use wasm_bindgen::prelude::*;

/// The guestpass version, as in Cargo.toml.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
