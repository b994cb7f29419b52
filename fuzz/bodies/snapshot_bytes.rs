//! Snapshot bytes (`Directory.fromBytes`): any bytes are refused with a code or load. The
//! input is tried as is (header, length and checksum checks) and framed as a payload
//! with a valid header and checksum (so the fuzzer reaches the decoder behind the
//! checksum). A snapshot that loads writes a snapshot that loads to the same directory.

use guestpass::directory::Directory;
use guestpass::snapshot;

/// Runs one input.
pub fn run(data: &[u8]) {
    check(data);
    check(&snapshot::frame(snapshot::FORMAT_VERSION, data));
}

fn check(bytes: &[u8]) {
    match Directory::from_bytes(bytes) {
        Ok(dir) => {
            let again = dir
                .to_bytes()
                .expect("a loaded directory writes a snapshot");
            let back = Directory::from_bytes(&again).expect("its own snapshot loads");
            assert_eq!(back.to_world(), dir.to_world(), "snapshot round trip");
        }
        Err(e) => {
            assert!(!e.code().is_empty());
        }
    }
}
