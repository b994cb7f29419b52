//! The shared part of a view: what every person of one audience in one tenant receives
//! alike, so a server or CDN keeps one copy per tenant and audience and names it by its
//! SHA-256.
//!
//! Every audience's shared part also carries the connector catalogue (Microsoft's, the
//! same for everyone).
//!
//! | audience | the shared part holds |
//! | --- | --- |
//! | members (and guests with member-like access) | the tenant's users, groups and apps, the home tenant names a members' search shows, the digests of the tenant's flows |
//! | limited guests | the sealed address book ([`SealedBook`]), the digests of the tenant's flows and groups |
//! | restricted guests | the digests of the tenant's flows and groups |
//!
//! Digests of every flow (and, for guests, every group) of the tenant stand for the ones
//! a person does not hold: a flow or group the personal part holds is found first, so the
//! digests answer only ids the view does not hold, as the unseen digests of format 2 did.
//!
//! Body: tenant id, audience (one byte), a world section (the snapshot world codec: the users,
//! groups, apps and connectors; every other list empty), the flow digests and the group digests (each
//! a varint count and 16-byte digests), the address book (0, or 1 and a
//! [`SealedBook`]), the home tenant names (a varint count, then id and display name), the
//! people index of the users (`PeopleIndex::write_view`: no segment for guests' audiences).

use super::sealed::SealedBook;
use super::{scope, Audience};
use crate::binary::{corrupt, ByteSource, Reader, Writer, WINDOW};
use crate::directory::Directory;
use crate::directory::{id_digest, search_flags, search_person, IdDigest};
use crate::error::Result;
use crate::model::{App, Group, User, World};
use crate::search::{PeopleIndex, StoredIndex};
use crate::snapshot::world_codec::{self, WorldRefs};
use sha2::{Digest, Sha256};

/// The first eight bytes of every shared part.
pub const MAGIC: &[u8; 8] = b"GUESTSHR";

/// A shared part read back.
#[derive(Debug)]
pub struct Shared {
    /// The tenant it is of.
    pub tenant_id: String,
    /// The audience it was written for.
    pub audience: Audience,
    /// Its users, groups, apps and connectors (no other list).
    pub world: World,
    /// Digests of the tenant's flows.
    pub flow_digests: Vec<IdDigest>,
    /// Digests of the tenant's groups (guests' audiences; empty for members, who hold
    /// every group).
    pub group_digests: Vec<IdDigest>,
    /// The sealed address book (limited guests).
    pub book: Option<SealedBook>,
    /// Home tenant names a members' search shows, by tenant id.
    pub home_tenant_names: Vec<(String, String)>,
    /// The people index of its users (members; empty for guests' audiences).
    pub people: StoredIndex,
}

/// The SHA-256 of `bytes` in lowercase hex: how a personal part names its shared part.
pub fn hash_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The SHA-256 of `bytes`.
pub fn hash(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 15] {
            out.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    out
}

/// The framed bytes of the shared part of `audience` in `tenant_id`.
pub fn write(dir: &Directory, tenant_id: &str, audience: Audience) -> Vec<u8> {
    let members = audience == Audience::Members;
    let (users, people) = people_in_rank_order(dir, tenant_id, members);
    let in_tenant = |g: &&Group| g.tenant_id == tenant_id;
    let groups: Vec<&Group> = if members {
        dir.groups().filter(in_tenant).collect()
    } else {
        Vec::new()
    };
    let apps: Vec<&App> = if members {
        dir.apps().filter(|a| a.tenant_id == tenant_id).collect()
    } else {
        Vec::new()
    };
    let mut w = Writer::new();
    w.str(tenant_id);
    w.byte(audience as u8);
    let refs = WorldRefs {
        user_count: users.len(),
        groups,
        apps,
        connectors: dir.connectors().collect(),
        ..WorldRefs::default()
    };
    world_codec::write(&mut w, &refs, users.iter().copied(), &[]);
    let flows: Vec<IdDigest> = dir
        .flows()
        .filter(|f| f.tenant_id == tenant_id)
        .map(|f| id_digest(b"flow", tenant_id, &f.id))
        .collect();
    let group_digests: Vec<IdDigest> = if members {
        Vec::new()
    } else {
        dir.groups()
            .filter(in_tenant)
            .map(|g| id_digest(b"group", tenant_id, &g.id))
            .collect()
    };
    for digests in [flows, group_digests] {
        let mut digests = digests;
        digests.sort_unstable();
        w.varint(digests.len() as u64);
        for d in &digests {
            w.raw(d);
        }
    }
    if audience == Audience::LimitedGuest {
        w.byte(1);
        SealedBook::seal(tenant_id, &scope::sealed_people(dir, tenant_id)).write(&mut w);
    } else {
        w.byte(0);
    }
    let names = if members {
        scope::home_tenant_names(dir, &users)
    } else {
        Vec::new()
    };
    w.varint(names.len() as u64);
    for (id, name) in &names {
        w.str(id);
        w.str(name);
    }
    people.write_view(&mut w);
    crate::snapshot::frame_as(MAGIC, super::FORMAT_VERSION, &w.into_bytes())
}

/// [`people_in_rank_order`] from the tenant's people index as the directory keeps it
/// (merged into one segment, from the terms it stores: the same bytes as indexing the
/// people again, and a 709,996-person shared part built in 3.2 s instead of 3.9), while
/// the directory's slots are in user-id order, so its people ranked alike are too; `None`
/// otherwise, or if the index and the users disagree.
fn from_the_directorys_index<'d>(
    dir: &'d Directory,
    tenant_id: &str,
) -> Option<(Vec<&'d User>, PeopleIndex)> {
    if !dir.users_in_id_order() {
        return None;
    }
    let (index, slots) = dir.people_index(tenant_id)?.one_segment_by_rank()?;
    let users: Vec<&User> = slots.iter().filter_map(|&s| dir.user_at(s)).collect();
    let of_tenant = users.iter().filter(|u| u.tenant_id == tenant_id).count();
    let all = dir.users().filter(|u| u.tenant_id == tenant_id).count();
    (of_tenant == slots.len() && of_tenant == all).then_some((users, index))
}

/// The users of `tenant_id` a members' shared part holds (none for guests' parts), in the
/// order of their people index's ranks, and that index keyed by their positions, which are
/// their slots in the view: a reader derives nothing but its address arrays
/// (`StoredIndex`), and meets the users in the order they lie in memory while it does (in
/// the directory's order, each was a cache miss: BENCHMARKS.md, issue 17, sixth session).
fn people_in_rank_order<'d>(
    dir: &'d Directory,
    tenant_id: &str,
    members: bool,
) -> (Vec<&'d User>, PeopleIndex) {
    if !members {
        return (Vec::new(), PeopleIndex::default());
    }
    if let Some(found) = from_the_directorys_index(dir, tenant_id) {
        return found;
    }
    let mut users: Vec<&User> = dir.users().filter(|u| u.tenant_id == tenant_id).collect();
    // Keyed in user-id order, people the index ranks alike are ranked in user-id order,
    // which a search's ties must come in (`Directory::ties_in_id_order`).
    crate::order::sort_by_text(&mut users, |u| u.id.as_str());
    let people = (0u32..).zip(&users);
    let mut index =
        PeopleIndex::from_people(people.map(|(k, u)| (k, search_person(u), search_flags(u))));
    match index.key_by_rank() {
        Some(order) => {
            let ranked = order.iter().filter_map(|&k| users.get(k as usize).copied());
            (ranked.collect(), index)
        }
        None => (users, index),
    }
}

/// The checksum a shared part's frame ends with (the XXH64 of its body, which reading
/// checks anyway): what a personal part pairs its shared part by when it is read, beside
/// the SHA-256 that names it (hashing 111 MB with SHA-256 took 0.6-0.8 s of a load in
/// Chromium: BENCHMARKS.md, issue 17, sixth session).
pub fn checksum(bytes: &[u8]) -> [u8; 8] {
    bytes.last_chunk::<8>().copied().unwrap_or_default()
}

/// Checks the frame of the `len` bytes of `source` as a shared part `write` wrote
/// (`VIEW_NOT_RECOGNIZED` for other bytes, then the snapshot frame's codes), a window at a
/// time, and answers where its body lies and its checksum ([`checksum`]), which a personal
/// part names.
pub fn check_source(
    source: &mut dyn ByteSource,
    len: usize,
) -> Result<(std::ops::Range<usize>, [u8; 8])> {
    let frame = (
        MAGIC,
        super::FORMAT_VERSION,
        crate::error::Error::ViewNotRecognized,
    );
    let body = crate::snapshot::checked_source(source, len, frame, WINDOW)?;
    let mut stored = [0u8; 8];
    source.read_at(body.end, &mut stored)?;
    Ok((body, stored))
}

/// Reads the shared part whose checked `body` lies in `source` ([`check_source`]), a
/// window at a time (the bytes are never all in memory at once: a `Uint8Array` in
/// JavaScript stays where it is), with room for `room_for_users` more users in its
/// users' array.
pub fn read_body(
    source: &mut dyn ByteSource,
    body: std::ops::Range<usize>,
    room_for_users: usize,
) -> Result<Shared> {
    let mut r = Reader::streaming(source, body.start, body.len(), WINDOW);
    let tenant_id = r.str("shared part tenant id")?.to_string();
    let audience = super::read_audience(&mut r)?;
    let parts = world_codec::read_with_room(&mut r, room_for_users)?;
    let mut world = parts.world;
    if !(world.tenants.is_empty()
        && world.flows.is_empty()
        && world.approvals.is_empty()
        && world.join_requests.is_empty())
    {
        return Err(corrupt(
            "a view's shared part holds only users, groups, apps and connectors",
        ));
    }
    // `filter_map`, unlike `flatten`, collects in place: the users are not copied into a
    // second array (at 710,000 people that copy was 217 MB more at the peak).
    #[allow(clippy::filter_map_identity)]
    let users = parts.slots.into_iter().filter_map(|slot| slot).collect();
    world.users = users;
    let flow_digests = super::digests(&mut r, "flow digests")?;
    let group_digests = super::digests(&mut r, "group digests")?;
    let book = match r.byte("view address book")? {
        0 => None,
        1 => Some(SealedBook::read(&mut r)?),
        other => return Err(corrupt(format_args!("view address book: tag {other}"))),
    };
    let count = r.count(2, "view home tenant names")?;
    let mut home_tenant_names = Vec::with_capacity(count);
    for _ in 0..count {
        let id = r.str("view home tenant id")?.to_string();
        let name = r.str("view home tenant name")?.to_string();
        home_tenant_names.push((id, name));
    }
    let people = StoredIndex::read(&mut r)?;
    r.finish()?;
    Ok(Shared {
        tenant_id,
        audience,
        world,
        flow_digests,
        group_digests,
        book,
        home_tenant_names,
        people,
    })
}
