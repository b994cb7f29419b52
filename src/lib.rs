//! # guestpass
//!
//! The guest-aware access engine for web widgets. A widget signs a person in — a member
//! or a B2B guest from another tenant — and asks, locally and in microseconds: who matches
//! what they type in a people picker, whether they may run, edit or cancel runs of a shared
//! flow, which approvals they see in the tenant they are signed into, whether a group owner
//! may invite a guest, and whether two tenants may collaborate at all.
//!
//! This crate is the pure core: it builds and tests natively and names no JavaScript. The
//! boundary to JavaScript lives in the workspace's `wasm/` crate (`guestpass-wasm`, what
//! wasm-pack builds), and the seeded sample worlds in its `sample/` crate
//! (`guestpass-sample`).

pub mod approvals;
pub mod b2b;
pub mod binary;
pub mod clouds;
pub mod directory;
pub mod error;
#[cfg(feature = "full")]
pub mod graph;
pub mod groups;
pub mod hash;
pub mod json_object;
pub mod json_path;
pub mod limits;
pub mod model;
pub mod order;
pub mod search;
pub mod session;
pub mod sharing;
pub mod snapshot;
#[cfg(feature = "full")]
pub mod sources;
pub mod timestamp;
pub mod varint;
pub mod view;

pub use error::{Error, Result};
