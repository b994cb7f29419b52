//! Snapshots: a round trip is identical; every kind of damage is refused with its code.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{code, directory};
use guestpass::directory::Directory;
use guestpass::snapshot;

#[test]
fn a_round_trip_gives_an_identical_directory() {
    let dir = directory();
    let bytes = dir.to_bytes().unwrap();
    let again = Directory::from_bytes(&bytes).unwrap();
    assert_eq!(again.to_world(), dir.to_world());
    assert_eq!(again.to_bytes().unwrap(), bytes);
}

#[test]
fn truncated_bytes_are_refused_at_every_length() {
    let bytes = directory().to_bytes().unwrap();
    for len in 0..bytes.len() {
        let c = code(Directory::from_bytes(&bytes[..len]));
        let expected = if len < 8 {
            "SNAPSHOT_NOT_RECOGNIZED"
        } else {
            "SNAPSHOT_TRUNCATED"
        };
        assert_eq!(c, expected, "cut at {len}");
    }
}

#[test]
fn a_flipped_byte_anywhere_is_refused() {
    let bytes = directory().to_bytes().unwrap();
    for i in 0..bytes.len() {
        for bit in [0x01u8, 0x80] {
            let mut bad = bytes.clone();
            bad[i] ^= bit;
            let c = code(Directory::from_bytes(&bad));
            let allowed: &[&str] = if i < 8 {
                &["SNAPSHOT_NOT_RECOGNIZED"]
            } else if (12..20).contains(&i) {
                &["SNAPSHOT_TRUNCATED", "SNAPSHOT_CORRUPT"]
            } else {
                &["SNAPSHOT_CHECKSUM_MISMATCH"]
            };
            assert!(allowed.contains(&c), "byte {i} bit {bit:#x}: {c}");
        }
    }
}

#[test]
fn another_format_version_is_refused() {
    let dir = directory();
    let payload = serde_json::to_vec(&dir.to_world()).unwrap();
    let bytes = snapshot::frame(2, &payload);
    let err = Directory::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.code(), "SNAPSHOT_VERSION_UNSUPPORTED");
    assert!(err.to_string().contains("version 2"), "{err}");
}

#[test]
fn random_bytes_are_refused_without_panicking() {
    let mut rng = fastrand::Rng::with_seed(7);
    for len in [0usize, 1, 7, 8, 19, 20, 24, 100, 10_000] {
        for _ in 0..50 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.u8(..)).collect();
            assert!(Directory::from_bytes(&bytes).is_err());
        }
    }
    // Valid frame, garbage payload: decodes to nothing sensible.
    let bytes = snapshot::frame(snapshot::FORMAT_VERSION, b"\xc1\xc1garbage");
    assert_eq!(code(Directory::from_bytes(&bytes)), "SNAPSHOT_CORRUPT");
}

#[test]
fn trailing_bytes_are_refused() {
    let mut bytes = directory().to_bytes().unwrap();
    bytes.push(0);
    assert_eq!(code(Directory::from_bytes(&bytes)), "SNAPSHOT_CORRUPT");
}
