//! A versioned, checksummed binary snapshot of a directory (`dir.toBytes()` /
//! `Directory.fromBytes(bytes)`), for keeping a loaded directory in IndexedDB or a file.
//!
//! Layout, little-endian:
//!
//! | bytes | content |
//! | --- | --- |
//! | 0..8 | magic `GUESTPAS` |
//! | 8..12 | format version (`u32`, currently 2) |
//! | 12..20 | body length `n` (`u64`) |
//! | 20..20+n | body (below) |
//! | 20+n..24+n | CRC-32 (IEEE) of bytes `0..20+n` |
//!
//! The body of format 2 (lengths are `u64`, lists are a length then their items):
//!
//! 1. the canonical world as UTF-8 JSON (every list sorted by id), length-prefixed;
//! 2. the user slots: the slot count, each user's slot in the world's user order, the
//!    free slots in reuse order;
//! 3. the people-search indexes: their count, then per tenant (ids ascending) the tenant
//!    id and the index's segments as stored in memory.
//!
//! Loading parses and validates the world exactly as `fromJSON` does but restores the
//! user slots and the search indexes instead of rebuilding them — folding and indexing
//! every name is most of the cost of `fromJSON` — so it is several times faster (figures
//! in BENCHMARKS.md, "Loading"). See [`crate::directory`]'s `restore.rs` and
//! `search/persist.rs` for what is checked.
//!
//! Reading checks, in order: the magic (`SNAPSHOT_NOT_RECOGNIZED`), the length
//! (`SNAPSHOT_TRUNCATED`, or `SNAPSHOT_CORRUPT` for trailing bytes), the checksum
//! (`SNAPSHOT_CHECKSUM_MISMATCH`: any flipped byte), the version
//! (`SNAPSHOT_VERSION_UNSUPPORTED`), then the body: anything in it that does not read,
//! does not validate as a world, or disagrees with the world (a slot used twice, an index
//! that misses a user or holds one of another tenant, a posting list that disagrees with
//! its records) is `SNAPSHOT_CORRUPT`, with the reason in the message. Nothing is
//! half-loaded: a refused snapshot yields no directory.

use crate::binary::{corrupt, Reader, Writer};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::World;

/// The first eight bytes of every snapshot.
pub const MAGIC: &[u8; 8] = b"GUESTPAS";
/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;
const HEADER_LEN: usize = 20;
const CHECKSUM_LEN: usize = 4;

/// The directory as snapshot bytes.
pub fn to_bytes(dir: &Directory) -> Result<Vec<u8>> {
    let world = dir.to_world();
    // JSON keeps the Wasm module small (serde_json is already in it); the world is not
    // where loading spends its time.
    let json = serde_json::to_vec(&world)
        .map_err(|e| Error::SnapshotCorrupt(format!("could not encode: {e}")))?;
    let mut body = Writer::new();
    body.bytes(&json);
    drop(json);
    dir.write_restore_parts(&world, &mut body);
    drop(world);
    Ok(frame(FORMAT_VERSION, &body.into_bytes()))
}

/// Wraps a body in the header and checksum (public so tests can write other versions
/// and damaged bodies with a valid checksum).
pub fn frame(version: u32, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + body.len() + CHECKSUM_LEN);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(body);
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// The body inside snapshot bytes, after the header and checksum were checked (public so
/// tests can damage it and frame it again).
pub fn body(bytes: &[u8]) -> Result<&[u8]> {
    checked_payload(bytes)
}

/// A directory from snapshot bytes, or the reason they are refused.
pub fn from_bytes(bytes: &[u8]) -> Result<Directory> {
    let mut r = Reader::new(checked_payload(bytes)?);
    let world = read_world_json(&mut r)?;
    Directory::restore(world, &mut r).map_err(in_snapshot)
}

/// The world inside snapshot bytes, checked but not yet validated as a directory.
pub fn read_world(bytes: &[u8]) -> Result<World> {
    read_world_json(&mut Reader::new(checked_payload(bytes)?))
}

fn read_world_json(r: &mut Reader<'_>) -> Result<World> {
    let text = std::str::from_utf8(r.bytes("the world")?)
        .map_err(|_| corrupt("the world is not UTF-8"))?;
    crate::json_path::parse(text).map_err(in_snapshot)
}

/// Any refusal of what is inside a checksummed body means the snapshot is corrupt.
fn in_snapshot(e: Error) -> Error {
    match e {
        Error::SnapshotCorrupt(_) => e,
        other => Error::SnapshotCorrupt(format!("{}: {other}", other.code())),
    }
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
