//! A versioned, checksummed binary snapshot of a directory (`dir.toBytes()` /
//! `Directory.fromBytes(bytes)`), for keeping a loaded directory in IndexedDB or a file.
//!
//! Layout, little-endian:
//!
//! | bytes | content |
//! | --- | --- |
//! | 0..8 | magic `GUESTPAS` |
//! | 8..12 | format version (`u32`, currently 1) |
//! | 12..20 | payload length `n` (`u64`) |
//! | 20..20+n | payload: the canonical world as UTF-8 JSON (every list sorted by id) |
//! | 20+n..24+n | CRC-32 (IEEE) of bytes `0..20+n` |
//!
//! Reading checks, in order: the magic (`SNAPSHOT_NOT_RECOGNIZED`), the length
//! (`SNAPSHOT_TRUNCATED`, or `SNAPSHOT_CORRUPT` for trailing bytes), the checksum
//! (`SNAPSHOT_CHECKSUM_MISMATCH`: any flipped byte), the version
//! (`SNAPSHOT_VERSION_UNSUPPORTED`), then decodes and validates the world exactly as
//! `fromJSON` does. Nothing is half-loaded: a refused snapshot yields no directory.

use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::World;

/// The first eight bytes of every snapshot.
pub const MAGIC: &[u8; 8] = b"GUESTPAS";
/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
const HEADER_LEN: usize = 20;
const CHECKSUM_LEN: usize = 4;

/// The directory as snapshot bytes.
pub fn to_bytes(dir: &Directory) -> Result<Vec<u8>> {
    // JSON keeps the Wasm module small (serde_json is already in it) and, measured on the
    // sample world, parses faster than MessagePack through rmp-serde.
    let payload = serde_json::to_vec(&dir.to_world())
        .map_err(|e| Error::SnapshotCorrupt(format!("could not encode: {e}")))?;
    Ok(frame(FORMAT_VERSION, &payload))
}

/// Wraps a payload in the header and checksum (exposed for tests of other versions).
pub fn frame(version: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len() + CHECKSUM_LEN);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// A directory from snapshot bytes, or the reason they are refused.
pub fn from_bytes(bytes: &[u8]) -> Result<Directory> {
    Directory::from_world(read_world(bytes)?)
}

/// The world inside snapshot bytes, checked but not yet validated as a directory.
pub fn read_world(bytes: &[u8]) -> Result<World> {
    let payload = checked_payload(bytes)?;
    serde_json::from_slice(payload).map_err(|e| Error::SnapshotCorrupt(e.to_string()))
}

fn checked_payload(bytes: &[u8]) -> Result<&[u8]> {
    if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
        return Err(Error::SnapshotNotRecognized);
    }
    let header = bytes.get(..HEADER_LEN).ok_or(Error::SnapshotTruncated {
        expected: HEADER_LEN + CHECKSUM_LEN,
        actual: bytes.len(),
    })?;
    let version = u32::from_le_bytes(array(header, 8)?);
    let declared = u64::from_le_bytes(array(header, 12)?);
    let expected = usize::try_from(declared)
        .ok()
        .and_then(|n| n.checked_add(HEADER_LEN + CHECKSUM_LEN))
        .ok_or(Error::SnapshotTruncated {
            expected: usize::MAX,
            actual: bytes.len(),
        })?;
    if bytes.len() < expected {
        return Err(Error::SnapshotTruncated {
            expected,
            actual: bytes.len(),
        });
    }
    if bytes.len() > expected {
        return Err(Error::SnapshotCorrupt(format!(
            "{} bytes after the end of the snapshot",
            bytes.len() - expected
        )));
    }
    let body_end = expected - CHECKSUM_LEN;
    let body = bytes
        .get(..body_end)
        .ok_or(Error::SnapshotChecksumMismatch)?;
    let stored = u32::from_le_bytes(array(bytes, body_end)?);
    if crc32fast::hash(body) != stored {
        return Err(Error::SnapshotChecksumMismatch);
    }
    if version != FORMAT_VERSION {
        return Err(Error::SnapshotVersionUnsupported {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    body.get(HEADER_LEN..)
        .ok_or(Error::SnapshotChecksumMismatch)
}

fn array<const N: usize>(bytes: &[u8], at: usize) -> Result<[u8; N]> {
    bytes
        .get(at..at + N)
        .and_then(|s| <[u8; N]>::try_from(s).ok())
        .ok_or(Error::SnapshotTruncated {
            expected: at + N,
            actual: bytes.len(),
        })
}

impl Directory {
    /// The directory as snapshot bytes: see [`crate::snapshot`].
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        to_bytes(self)
    }

    /// A directory from snapshot bytes: see [`crate::snapshot`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Directory> {
        from_bytes(bytes)
    }
}
