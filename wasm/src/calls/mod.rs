//! The functions wasm-bindgen's glue exports, one per method of the package's classes
//! (`Directory`, `Session`, `PeopleIndex` in pkg-template/): each takes the object's
//! handle first, looks it up in the object table (`objects.rs`: a freed or foreign handle
//! is refused there) and calls the Rust method. The glue is internal to the package; the
//! classes document every method once.

#[cfg(feature = "full")]
pub mod directory;
pub mod lookups;
#[cfg(feature = "full")]
pub mod people_index;
pub mod session;
#[cfg(not(feature = "full"))]
pub mod view_writes;
