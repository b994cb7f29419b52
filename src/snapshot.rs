//! A versioned, checksummed binary snapshot of a directory (`dir.toBytes()` /
//! `Directory.fromBytes(bytes)`), for keeping a loaded directory in IndexedDB or a file.
//!
//! Layout, little-endian:
//!
//! | bytes | content |
//! | --- | --- |
//! | 0..8 | magic `GUESTPAS` |
//! | 8..12 | format version (`u32`, currently 8) |
//! | 12..20 | body length `n` (`u64`) |
//! | 20..20+n | body (below) |
//! | 20+n..28+n | XXH64 (seed 0, `u64`) of bytes `0..20+n` |
//!
//! The checksum is XXH64, as in Zstandard's frames, from the maintained `xxhash-rust`
//! crate: it needs no tables (`crc32fast`'s CRC-32, used up to format 3, carried 16 KB of
//! them into the `.wasm`) and is faster on a large snapshot.
//!
//! The body of format 8 (laid out as format 6's, with repeated strings and times written
//! compactly, below; format 7 wrote approvals' titles, details and flows in full; format
//! 6 added the link key after the indexes; format 5's address hashes of the search
//! indexes were XXH64 where format 4's were FNV-1a):
//!
//! | part | content |
//! | --- | --- |
//! | free user slots | their count (`u64`), then each slot (`u32`) in reuse order |
//! | users | their count (varint), then every user slot by slot, free slots skipped |
//! | tenants, groups, apps, flows, approvals, connectors, join requests | each a count (varint) and the objects sorted by id |
//! | people-search indexes | their count (`u64`), then per tenant (ids ascending) the tenant id (`u64` length, bytes) and the index's segments as stored in memory (`search/persist.rs`) |
//! | link key | 0, or 1 and the 32 bytes of the key of invitation redeem tickets (format 6; `directory/link_key.rs`): a snapshot is as secret as the directory |
//!
//! Objects are written field by field (`snapshot/world_codec.rs`): strings as a varint
//! byte length and UTF-8, optional strings as the length plus one (0 for none), lists as
//! a varint count, enums as one byte, booleans packed into one flags byte per object.
//! Strings that repeat across objects (tenant ids, job titles, licences, flow owners,
//! approvers, response options, approvals' titles, details and flows) are written once
//! and then by number ([`crate::binary::Writer::shared`]); approval times that are whole
//! seconds in UTC as a varint of the seconds since the epoch (format 7: a view's personal
//! part with 50 approvals went from 8.1 to about 5.3 KB; format 8: to about 4 KB, its
//! approvals sharing their details and flow).
//!
//! Loading decodes the world without any JSON, places every user in its slot, runs every
//! check of the world that `fromJSON` runs (ids, duplicates across kinds, references and
//! tenants, limits, userPrincipalName clashes, group cycles, approvals), and restores the
//! search indexes instead of rebuilding them, checking each against itself and against
//! the users — folding and indexing every name is most of the cost of `fromJSON`. At a
//! million users it is about three times faster than `fromJSON` (figures in
//! BENCHMARKS.md, "Loading"). See [`crate::directory`]'s `restore.rs` and `search/persist.rs` for what
//! is checked.
//!
//! Format 3 replaced format 2 (the world as JSON text, the user slots as a separate list)
//! in December 2026, format 4 replaced format 3's CRC-32 with XXH64 the same month, and
//! format 5 the search indexes' FNV-1a address hashes with XXH64 (the crate's one hash,
//! `src/hash.rs`) the same month, format 6 added the link key, format 7 the compact
//! strings and times and format 8 the approvals' shared texts the same month; this build
//! reads format 8 only and refuses older
//! snapshots with `SNAPSHOT_VERSION_UNSUPPORTED`: load the world with `fromJSON` and call
//! `toBytes()` again.
//!
//! Reading checks, in order: the magic (`SNAPSHOT_NOT_RECOGNIZED`), the version
//! (`SNAPSHOT_VERSION_UNSUPPORTED`, before anything whose place depends on it), the length
//! (`SNAPSHOT_TRUNCATED`, or `SNAPSHOT_CORRUPT` for trailing bytes), the checksum
//! (`SNAPSHOT_CHECKSUM_MISMATCH`: any other flipped byte), then the body: anything in it that does not read
//! (an unknown tag or flag, text that is not UTF-8, a count the body cannot hold), does
//! not validate as a world, or disagrees with the world (a free slot listed twice, an
//! index that misses a user or holds one of another tenant, a posting list that disagrees
//! with its records) is `SNAPSHOT_CORRUPT`, with the reason in the message. Nothing is
//! half-loaded: a refused snapshot yields no directory.

mod settings_codec;
pub(crate) mod world_codec;

use crate::binary::{ByteSource, Reader, Writer};
use crate::directory::{Directory, Keyed, LinkKey};
use crate::error::{Error, Result};
use crate::model::World;
use world_codec::WorldRefs;

/// The first eight bytes of every snapshot.
pub const MAGIC: &[u8; 8] = b"GUESTPAS";
/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 8;
const HEADER_LEN: usize = 20;
const CHECKSUM_LEN: usize = 8;

/// The directory as snapshot bytes.
pub fn to_bytes(dir: &Directory) -> Result<Vec<u8>> {
    let world = WorldRefs {
        tenants: sorted(dir.tenants()),
        user_count: dir.stats().users,
        groups: sorted(dir.groups()),
        apps: sorted(dir.apps()),
        flows: sorted(dir.flows()),
        approvals: sorted(dir.approvals()),
        connectors: sorted(dir.connectors()),
        join_requests: sorted(dir.join_requests()),
    };
    let mut body = Writer::new();
    let users = dir.users_with_slots().map(|(_, u)| u);
    world_codec::write(&mut body, &world, users, dir.free_user_slots());
    dir.write_people(&mut body);
    match dir.link_key() {
        None => body.byte(0),
        Some(key) => {
            body.byte(1);
            body.raw(key.bytes());
        }
    }
    Ok(frame(FORMAT_VERSION, &body.into_bytes()))
}

fn sorted<'a, T: Keyed + 'a>(items: impl Iterator<Item = &'a T>) -> Vec<&'a T> {
    let mut v: Vec<&T> = items.collect();
    crate::order::sort_by_text(&mut v, |t| t.key());
    v
}

/// Wraps a body in the header and checksum (public so tests can write other versions
/// and damaged bodies with a valid checksum).
pub fn frame(version: u32, body: &[u8]) -> Vec<u8> {
    frame_as(MAGIC, version, body)
}

/// [`frame`] under another magic (views use the same frame: [`crate::view`]; public so
/// the view fuzzer can frame any body under a valid checksum).
pub fn frame_as(magic: &[u8; 8], version: u32, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + body.len() + CHECKSUM_LEN);
    out.extend_from_slice(magic);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(body);
    let checksum = crate::hash::stable(&out);
    out.extend_from_slice(&checksum.to_le_bytes());
    out
}

/// The body inside snapshot bytes, after the header and checksum were checked (public so
/// tests can damage it and frame it again).
pub fn body(bytes: &[u8]) -> Result<&[u8]> {
    checked_payload(bytes)
}

/// The world section of a body: `world`'s users fill the slots that are not `free`, in
/// order; every list is written in the order given (public so tests can write damaged
/// worlds under a valid checksum; [`to_bytes`] writes the canonical one).
pub fn encode_world(world: &World, free: &[u32]) -> Vec<u8> {
    let refs = WorldRefs {
        tenants: world.tenants.iter().collect(),
        user_count: world.users.len(),
        groups: world.groups.iter().collect(),
        apps: world.apps.iter().collect(),
        flows: world.flows.iter().collect(),
        approvals: world.approvals.iter().collect(),
        connectors: world.connectors.iter().collect(),
        join_requests: world.join_requests.iter().collect(),
    };
    let mut w = Writer::new();
    world_codec::write(&mut w, &refs, world.users.iter(), free);
    w.into_bytes()
}

/// How many bytes of `body` the world section takes (the people indexes follow it).
pub fn world_section_len(body: &[u8]) -> Result<usize> {
    let mut r = Reader::new(body);
    world_codec::read(&mut r)?;
    Ok(r.position())
}

/// A directory from snapshot bytes, or the reason they are refused.
pub fn from_bytes(bytes: &[u8]) -> Result<Directory> {
    read_directory(&mut Reader::new(checked_payload(bytes)?))
}

/// A directory from the `len` snapshot bytes of `source`, read a window at a time, so
/// that the input never has to be held in memory beside the directory it becomes (a
/// `Uint8Array` in JavaScript, which `fromBytes` would otherwise copy whole into Wasm
/// memory). The same checks in the same order as [`from_bytes`]: the checksum is
/// verified over the whole input before anything in the body is read.
pub fn from_source(source: &mut dyn ByteSource, len: usize) -> Result<Directory> {
    from_source_in_windows(source, len, crate::binary::WINDOW)
}

/// [`from_source`] reading `window` bytes at a time (public so tests can make every
/// value cross a window's edge).
#[doc(hidden)]
pub fn from_source_in_windows(
    source: &mut dyn ByteSource,
    len: usize,
    window: usize,
) -> Result<Directory> {
    let frame = (MAGIC, FORMAT_VERSION, Error::SnapshotNotRecognized);
    let body = checked_source(source, len, frame, window)?;
    read_directory(&mut Reader::streaming(
        source,
        body.start,
        body.len(),
        window,
    ))
}

/// Where the body lies in the `len` framed bytes of `source` (a frame of `magic` and
/// `version`, `foreign` for another magic), after the checks of [`payload_as`] in its
/// order, the checksum verified a window at a time over the whole input.
pub(crate) fn checked_source(
    source: &mut dyn ByteSource,
    len: usize,
    (magic, version, foreign): (&[u8; 8], u32, Error),
    window: usize,
) -> Result<std::ops::Range<usize>> {
    let mut head = [0u8; HEADER_LEN];
    let head = head.get_mut(..HEADER_LEN.min(len)).unwrap_or_default();
    source.read_at(0, head)?;
    let body = framed_body(magic, version, foreign, head, len)?;
    let mut checksum = crate::hash::StableInPieces::default();
    let mut buffer = vec![0u8; window.clamp(1, body.end.max(1))];
    let mut at = 0;
    while at < body.end {
        let n = (body.end - at).min(buffer.len());
        let piece = buffer.get_mut(..n).unwrap_or_default();
        source.read_at(at, piece)?;
        checksum.update(piece);
        at += piece.len();
    }
    drop(buffer);
    let mut stored = [0u8; CHECKSUM_LEN];
    source.read_at(body.end, &mut stored)?;
    if checksum.digest() != u64::from_le_bytes(stored) {
        return Err(Error::SnapshotChecksumMismatch);
    }
    Ok(body)
}

/// The directory in a checked body: the world, the people indexes, the link key.
fn read_directory(r: &mut Reader<'_>) -> Result<Directory> {
    let parts = world_codec::read(r)?;
    let mut dir =
        Directory::restore(parts.world, parts.slots, parts.free, r).map_err(in_snapshot)?;
    match r.byte("link key")? {
        0 => {}
        1 => dir.set_link_key(LinkKey::from_bytes(r.raw::<32>("link key")?)),
        other => {
            return Err(crate::binary::corrupt(format_args!(
                "link key: tag {other}"
            )))
        }
    }
    r.finish()?;
    Ok(dir)
}

/// The world inside snapshot bytes (every list sorted by id), read but not yet
/// validated as a directory.
pub fn read_world(bytes: &[u8]) -> Result<World> {
    let parts = world_codec::read(&mut Reader::new(checked_payload(bytes)?))?;
    let mut world = parts.world;
    world.users = parts.slots.into_iter().flatten().collect();
    crate::order::sort_by_text(&mut world.users, |u| &u.id);
    Ok(world)
}

/// Any refusal of what is inside a checksummed body means the snapshot is corrupt.
fn in_snapshot(e: Error) -> Error {
    match e {
        Error::SnapshotCorrupt(_) => e,
        other => Error::SnapshotCorrupt(format!("{}: {other}", other.code())),
    }
}

fn checked_payload(bytes: &[u8]) -> Result<&[u8]> {
    payload_as(MAGIC, FORMAT_VERSION, Error::SnapshotNotRecognized, bytes)
}

/// The body of bytes framed by [`frame_as`] with `magic` and `supported`, checked in the
/// order the module documentation gives; `foreign` when the magic differs.
pub(crate) fn payload_as<'b>(
    magic: &[u8; 8],
    supported: u32,
    foreign: Error,
    bytes: &'b [u8],
) -> Result<&'b [u8]> {
    let head = bytes.get(..HEADER_LEN.min(bytes.len())).unwrap_or_default();
    let body = framed_body(magic, supported, foreign, head, bytes.len())?;
    let framed = bytes
        .get(..body.end)
        .ok_or(Error::SnapshotChecksumMismatch)?;
    let stored = u64::from_le_bytes(array(bytes, body.end)?);
    if crate::hash::stable(framed) != stored {
        return Err(Error::SnapshotChecksumMismatch);
    }
    bytes.get(body).ok_or(Error::SnapshotChecksumMismatch)
}

/// Where the body lies in `total` framed bytes that begin with `head` (their first
/// [`HEADER_LEN`] bytes, or all of them when fewer): the magic, version and length
/// checks of [`payload_as`], before its checksum.
fn framed_body(
    magic: &[u8; 8],
    supported: u32,
    foreign: Error,
    head: &[u8],
    total: usize,
) -> Result<std::ops::Range<usize>> {
    if head.get(..magic.len()) != Some(magic.as_slice()) {
        return Err(foreign);
    }
    if head.len() < HEADER_LEN {
        return Err(Error::SnapshotTruncated {
            expected: HEADER_LEN + CHECKSUM_LEN,
            actual: total,
        });
    }
    let version = u32::from_le_bytes(array(head, 8)?);
    if version != supported {
        return Err(Error::SnapshotVersionUnsupported {
            found: version,
            supported,
        });
    }
    let declared = u64::from_le_bytes(array(head, 12)?);
    let expected = usize::try_from(declared)
        .ok()
        .and_then(|n| n.checked_add(HEADER_LEN + CHECKSUM_LEN))
        .ok_or(Error::SnapshotTruncated {
            expected: usize::MAX,
            actual: total,
        })?;
    if total < expected {
        return Err(Error::SnapshotTruncated {
            expected,
            actual: total,
        });
    }
    if total > expected {
        return Err(Error::SnapshotCorrupt(format!(
            "{} bytes after the end of the snapshot",
            total - expected
        )));
    }
    Ok(HEADER_LEN..expected - CHECKSUM_LEN)
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

    /// A directory from snapshot bytes read a window at a time: see [`from_source`].
    pub fn from_source(source: &mut dyn ByteSource, len: usize) -> Result<Directory> {
        from_source(source, len)
    }
}
