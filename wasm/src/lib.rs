//! The JavaScript boundary: the only crate that names `wasm_bindgen` or `js_sys`. It
//! converts values and errors and calls the public Rust API of `guestpass` (and, for
//! `Directory.sample` and `sampleWorld`, of `guestpass-sample`); it holds no rules of its
//! own. wasm-pack builds this crate into the npm package (`--out-name guestpass`).
//!
//! Without its `full` feature it is the view runtime (`guestpass/view`): the same code,
//! exporting only `fromView`, the session's questions (its changes answer
//! `VIEW_READ_ONLY`, `calls/view_writes.rs`), `release`, `liveObjects`, `version` and
//! `registerErrorClass`; what nothing exported reaches (world JSON, importers, snapshots,
//! the sample, changes) the linker leaves out of the .wasm.
// The runtime compiles the whole boundary and exports a part: the rest is unused there.
#![cfg_attr(not(feature = "full"), allow(dead_code, unused_imports))]

mod approvals;
pub mod calls;
mod convert;
mod directory;
mod error;
mod flow_answers;
mod flow_cache;
mod flows;
mod groups;
mod lookups;
mod objects;
#[cfg(not(feature = "full"))]
mod options;
mod people_index;
mod random;
mod search;
mod search_packed;
mod session;
#[cfg(feature = "full")]
mod sources;
mod views;

pub use directory::JsDirectory;
#[cfg(feature = "full")]
pub use directory::{sample_sources, sample_world};
pub use error::register_error_class;
pub use objects::{live_objects, release};
pub use people_index::JsPeopleIndex;
pub use session::JsSession;

use wasm_bindgen::prelude::*;

/// Runs when the module is instantiated, before any directory exists: registers WebCrypto
/// as the core's source of secret randomness, which keys every table's id hashing (std
/// has none on wasm32: `guestpass::directory::Table`) and invitation ticket keys. The
/// full package only: the view runtime reads views its own server wrote from a directory
/// loaded (and keyed) there, and its tables hash ids as std alone does, which keeps
/// `crypto` out of its module.
#[cfg(feature = "full")]
#[wasm_bindgen(start)]
pub fn start() {
    random::register();
}

/// The guestpass version, as in Cargo.toml.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
