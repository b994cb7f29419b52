//! Shared fixtures for the native integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::directory::Directory;
use guestpass::model::World;

/// The world from ARCHITECTURE.md, extended with a usgov and a china tenant, guests
/// with and without licenses, a pending guest and an outside email account.
pub fn world_json() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/world.json"
    ))
    .expect("fixture")
}

/// The fixture as a typed world.
pub fn world() -> World {
    serde_json::from_str(&world_json()).expect("fixture parses")
}

/// The fixture as a directory.
pub fn directory() -> Directory {
    Directory::from_world(world()).expect("fixture is valid")
}

/// The error code of a refused call.
pub fn code<T: std::fmt::Debug>(result: guestpass::Result<T>) -> &'static str {
    result.expect_err("expected the call to be refused").code()
}

/// Asserts that two ways of reading the same input agree: the same value, or refusals with
/// the same code and message (`what` says which input, for the failure message).
pub fn assert_same_outcome<T: PartialEq + std::fmt::Debug>(
    a: &guestpass::Result<T>,
    b: &guestpass::Result<T>,
    what: &str,
) {
    match (a, b) {
        (Ok(x), Ok(y)) => assert_eq!(x, y, "the two paths read otherwise: {what}"),
        (Err(x), Err(y)) => assert_eq!(
            (x.code(), x.to_string()),
            (y.code(), y.to_string()),
            "the two paths refuse otherwise: {what}"
        ),
        _ => panic!("the two paths disagree ({what}): {a:?} / {b:?}"),
    }
}
