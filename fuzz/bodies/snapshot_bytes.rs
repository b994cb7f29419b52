//! Snapshot bytes (`Directory.fromBytes`): any bytes are refused with a code or load. The
//! input is tried as is (header, length and checksum checks) and framed as a payload
//! with a valid header and checksum (so the fuzzer reaches the decoder behind the
//! checksum). A snapshot that loads writes a snapshot that loads to the same directory.
//! Read a window at a time (`snapshot::from_source`, the package's `fromBytes` path), the
//! same bytes load to the same directory or are refused with the same error.

use guestpass::directory::Directory;
use guestpass::snapshot;

/// Runs one input.
pub fn run(data: &[u8]) {
    check(data);
    check(&snapshot::frame(snapshot::FORMAT_VERSION, data));
}

fn check(bytes: &[u8]) {
    let whole = Directory::from_bytes(bytes);
    let mut source: &[u8] = bytes;
    let streamed = snapshot::from_source_in_windows(&mut source, bytes.len(), 37);
    match (&whole, &streamed) {
        (Ok(a), Ok(b)) => assert_eq!(a.to_world(), b.to_world(), "read a window at a time"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "read a window at a time"),
        _ => panic!("from_bytes and from_source disagree"),
    }
    match whole {
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
