//! Snapshots: a round trip is identical (world, user slots, search indexes, answers);
//! every kind of damage is refused with its code, never a panic or a half-built directory.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{code, directory};
use guestpass::directory::Directory;
use guestpass::model::{User, UserType};
use guestpass::session::SearchOptions;
use guestpass::snapshot;
use guestpass_sample::{sample_world, SampleOptions};

/// Loads snapshot bytes as `from_bytes` does, checking that reading them a window at a
/// time (`from_source`, the package's path for a large `Uint8Array`) gives the same
/// directory or the same refusal, with windows that put every value across an edge.
fn load(bytes: &[u8]) -> guestpass::Result<Directory> {
    let whole = Directory::from_bytes(bytes);
    for window in [16, 61, 4096] {
        let mut source: &[u8] = bytes;
        let streamed = snapshot::from_source_in_windows(&mut source, bytes.len(), window);
        let written = |r: &guestpass::Result<Directory>| {
            r.as_ref()
                .map(|d| d.to_bytes().unwrap())
                .map_err(Clone::clone)
        };
        let what = format!("window {window}");
        common::assert_same_outcome(&written(&whole), &written(&streamed), &what);
    }
    whole
}

fn sample(users: usize, seed: u64) -> Directory {
    Directory::from_world(sample_world(&SampleOptions { users, seed })).unwrap()
}

const QUERIES: &[&str] = &[
    "a", "al", "ali", "alice", "b", "bo", "j", "jo", "john s", "m", "ma", "mar", "s", "sa", "le",
    "k", "ch", "da", "e", "sales", "eng", "contoso", "fabrikam", "x", "z", "o b",
];

/// Every tenant's people index answers the same queries the same way (keys and scores).
fn assert_same_search(a: &Directory, b: &Directory) {
    for tenant in a.tenants() {
        let (ia, ib) = (a.people_index(&tenant.id), b.people_index(&tenant.id));
        assert_eq!(ia.is_some(), ib.is_some(), "tenant {}", tenant.id);
        let (Some(ia), Some(ib)) = (ia, ib) else {
            continue;
        };
        assert_eq!(ia.len(), ib.len());
        assert_eq!(ia.segment_count(), ib.segment_count());
        for q in QUERIES {
            for limit in [1, 10, 50] {
                let ha = ia.search(q, limit, &mut |_, _| true).unwrap();
                let hb = ib.search(q, limit, &mut |_, _| true).unwrap();
                assert_eq!(ha, hb, "tenant {} query {q:?} limit {limit}", tenant.id);
            }
        }
        for user in a.users().filter(|u| u.tenant_id == tenant.id).take(20) {
            if let Some(mail) = &user.mail {
                assert_eq!(ia.exact_address(mail), ib.exact_address(mail));
            }
        }
    }
}

/// Loads `bytes` and checks the loaded directory is the same one: world, slots, bytes,
/// searches, sessions.
fn assert_round_trip(dir: &Directory) -> Vec<u8> {
    let bytes = dir.to_bytes().unwrap();
    let again = load(&bytes).unwrap();
    assert_eq!(again.to_world(), dir.to_world());
    assert_eq!(again.stats(), dir.stats());
    let slots = |d: &Directory| -> Vec<(u32, String)> {
        let mut v: Vec<_> = d
            .users_with_slots()
            .map(|(s, u)| (s, u.id.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(slots(&again), slots(dir));
    assert_eq!(
        again.to_bytes().unwrap(),
        bytes,
        "toBytes of the loaded directory"
    );
    assert_same_search(dir, &again);
    // A signed-in person's picker answers the same.
    for (tenant, user) in [("contoso", "bob"), ("fabrikam", "alice")] {
        let (Ok(sa), Ok(sb)) = (dir.sign_in(tenant, user), again.sign_in(tenant, user)) else {
            continue;
        };
        for q in QUERIES {
            let ra = sa.search(dir, q, &SearchOptions::default()).unwrap();
            let rb = sb.search(&again, q, &SearchOptions::default()).unwrap();
            assert_eq!(ra, rb, "{user} searching {q:?}");
        }
    }
    bytes
}

fn person(id: &str, tenant: &str, name: &str) -> User {
    let mut user: User = serde_json::from_value(serde_json::json!({
        "id": id, "tenantId": tenant, "displayName": name,
        "userPrincipalName": format!("{id}@{tenant}.example"),
        "mail": format!("{id}@{tenant}.example"),
    }))
    .unwrap();
    user.user_type = UserType::Member;
    user
}

/// A sample directory after a history: removals (free slots), `added` new people (reused
/// slots, small index segments), renames (tombstones).
fn mutated(users: usize, seed: u64, added: usize) -> Directory {
    history(sample(users, seed), added)
}

/// A sample of people and groups only (fast to load many times), after a history.
fn lean(users: usize, seed: u64, added: usize) -> Directory {
    let mut world = sample_world(&SampleOptions { users, seed });
    world.apps.clear();
    world.flows.clear();
    world.approvals.clear();
    world.join_requests.clear();
    history(Directory::from_world(world).unwrap(), added)
}

fn history(mut dir: Directory, added: usize) -> Directory {
    let ids: Vec<(String, String)> = dir
        .users()
        .map(|u| (u.id.clone(), u.tenant_id.clone()))
        .collect();
    // People who are referenced cannot be removed (IN_USE); the others can.
    for (id, _) in ids.iter().step_by(17) {
        let _ = dir.remove_user(id);
    }
    for i in 0..added * 2 {
        let tenant = if i % 2 == 0 { "contoso" } else { "fabrikam" };
        dir.upsert_user(person(
            &format!("new-{i}"),
            tenant,
            &format!("Zoë Newcomer {i}"),
        ))
        .unwrap();
    }
    // Half of them leave again (free slots), a few come back (reused slots).
    for i in (1..added * 2).step_by(2) {
        dir.remove_user(&format!("new-{i}")).unwrap();
    }
    for i in 0..added / 3 {
        dir.upsert_user(person(
            &format!("again-{i}"),
            "contoso",
            &format!("Ann Again {i}"),
        ))
        .unwrap();
    }
    for (id, _) in ids.iter().skip(3).step_by(29).take(30) {
        if let Some(mut user) = dir.user(id).cloned() {
            user.display_name = format!("Renamed {}", user.display_name);
            user.job_title = Some("Sales Lead".into());
            dir.upsert_user(user).unwrap();
        }
    }
    dir
}

#[test]
fn a_round_trip_gives_an_identical_directory() {
    let dir = directory();
    let bytes = assert_round_trip(&dir);
    assert_eq!(&bytes[8..12], &snapshot::FORMAT_VERSION.to_le_bytes());
    assert_eq!(snapshot::FORMAT_VERSION, 8);
}

#[test]
fn sample_worlds_round_trip_identically() {
    for (users, seed) in [(500, 1), (2_000, 42)] {
        assert_round_trip(&sample(users, seed));
    }
}

#[test]
fn sample_worlds_after_mutations_round_trip_identically() {
    for (users, seed) in [(800, 3), (2_500, 9)] {
        let dir = mutated(users, seed, 40);
        let bytes = assert_round_trip(&dir);
        // The next changes land in the same slots and segments on both sides.
        let mut a = dir.clone();
        let mut b = load(&bytes).unwrap();
        for d in [&mut a, &mut b] {
            d.upsert_user(person("later-1", "contoso", "Ann Later"))
                .unwrap();
            d.upsert_user(person("later-2", "contoso", "Bea Later"))
                .unwrap();
            d.remove_user("new-0").unwrap();
        }
        assert_eq!(a.user_slot("later-1"), b.user_slot("later-1"));
        assert_eq!(a.to_bytes().unwrap(), b.to_bytes().unwrap());
        assert_same_search(&a, &b);
    }
}

#[test]
fn truncated_bytes_are_refused_at_every_length() {
    let bytes = directory().to_bytes().unwrap();
    for len in 0..bytes.len() {
        let c = code(load(&bytes[..len]));
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
            let c = code(load(&bad));
            let allowed: &[&str] = if i < 8 {
                &["SNAPSHOT_NOT_RECOGNIZED"]
            } else if i < 12 {
                &["SNAPSHOT_VERSION_UNSUPPORTED"]
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
    let bytes = directory().to_bytes().unwrap();
    let body = snapshot::body(&bytes).unwrap();
    // Format 7 (approvals' texts in full), format 6 (strings and times in full), format 5
    // (no link key), format 4 (FNV-1a address hashes), format 3 (CRC-32), format 2 (the
    // world as JSON) and format 1 are no longer read.
    for version in [0, 1, 2, 3, 4, 5, 6, 7, 9, u32::MAX] {
        let err = load(&snapshot::frame(version, body)).unwrap_err();
        assert_eq!(err.code(), "SNAPSHOT_VERSION_UNSUPPORTED");
        assert!(
            err.to_string().contains(&format!("version {version}")),
            "{err}"
        );
    }
    // A format-3 snapshot, whose CRC-32 takes 4 bytes where XXH64 takes 8, is refused by
    // its version, not reported as truncated.
    let mut v3 = snapshot::frame(3, body);
    v3.truncate(v3.len() - 4);
    assert_eq!(code(load(&v3)), "SNAPSHOT_VERSION_UNSUPPORTED");
    // A format-1 snapshot (the world JSON alone) is refused, not misread.
    let v1 = snapshot::frame(1, &serde_json::to_vec(&directory().to_world()).unwrap());
    assert_eq!(code(load(&v1)), "SNAPSHOT_VERSION_UNSUPPORTED");
}

#[test]
fn random_bytes_are_refused_without_panicking() {
    let mut rng = fastrand::Rng::with_seed(7);
    for len in [0usize, 1, 7, 8, 19, 20, 24, 100, 10_000] {
        for _ in 0..50 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.u8(..)).collect();
            assert!(load(&bytes).is_err());
        }
    }
    // Valid frame, random body: refused as corrupt.
    for len in [0usize, 1, 8, 9, 64, 4_096] {
        for _ in 0..50 {
            let body: Vec<u8> = (0..len).map(|_| rng.u8(..)).collect();
            let bytes = snapshot::frame(snapshot::FORMAT_VERSION, &body);
            assert_eq!(code(load(&bytes)), "SNAPSHOT_CORRUPT");
        }
    }
}

#[test]
fn trailing_bytes_are_refused() {
    let mut bytes = directory().to_bytes().unwrap();
    bytes.push(0);
    assert_eq!(code(load(&bytes)), "SNAPSHOT_CORRUPT");
    // Inside a valid checksum too.
    let mut body = snapshot::body(&directory().to_bytes().unwrap())
        .unwrap()
        .to_vec();
    body.push(0);
    let bytes = snapshot::frame(snapshot::FORMAT_VERSION, &body);
    assert_eq!(code(load(&bytes)), "SNAPSHOT_CORRUPT");
}

// --- bodies damaged under a valid checksum ------------------------------------------------

/// Where things are in a format-4 body (offsets into the body).
#[derive(Debug, Default)]
struct Layout {
    /// The world section (free slots, users, then the other objects).
    world: (usize, usize),
    /// The free user slots, at the start of the world section.
    free: (usize, usize),
    /// Per index: tenant id and its segments.
    indexes: Vec<(String, Vec<SegmentLayout>)>,
}

#[derive(Debug, Default, Clone)]
struct SegmentLayout {
    term_bytes: (usize, usize),
    post_bytes: (usize, usize),
    keys: (usize, usize),
    flags: (usize, usize),
    fwd_bytes: (usize, usize),
    dead: (usize, usize),
}

/// The first rank of the segment that is not a tombstone.
fn live_rank(body: &[u8], seg: &SegmentLayout) -> usize {
    (0..)
        .find(|r: &usize| {
            let word = u64::from_le_bytes(
                body[seg.dead.0 + r / 64 * 8..seg.dead.0 + r / 64 * 8 + 8]
                    .try_into()
                    .unwrap(),
            );
            word & (1 << (r % 64)) == 0
        })
        .unwrap()
}

struct Cursor<'a>(&'a [u8], usize);

impl Cursor<'_> {
    fn u32(&mut self) -> u32 {
        let v = u32::from_le_bytes(self.0[self.1..self.1 + 4].try_into().unwrap());
        self.1 += 4;
        v
    }
    fn u64(&mut self) -> usize {
        let v = u64::from_le_bytes(self.0[self.1..self.1 + 8].try_into().unwrap());
        self.1 += 8;
        v as usize
    }
    /// A length-prefixed list of `size`-byte items: its byte range.
    fn list(&mut self, size: usize) -> (usize, usize) {
        let n = self.u64();
        let start = self.1;
        self.1 += n * size;
        (start, self.1)
    }
}

fn layout(body: &[u8]) -> Layout {
    let world_end = snapshot::world_section_len(body).unwrap();
    let mut c = Cursor(body, 0);
    let mut l = Layout {
        free: c.list(4),
        world: (0, world_end),
        ..Layout::default()
    };
    c.1 = world_end;
    let indexes = c.u64();
    for _ in 0..indexes {
        let (a, b) = c.list(1);
        let tenant = String::from_utf8(body[a..b].to_vec()).unwrap();
        c.u32();
        let segments = c.u64();
        let mut segs = Vec::new();
        for _ in 0..segments {
            c.u32();
            let mut s = SegmentLayout {
                term_bytes: c.list(1),
                ..SegmentLayout::default()
            };
            c.list(4);
            c.list(4);
            s.post_bytes = c.list(1);
            s.keys = c.list(4);
            s.flags = c.list(4);
            c.list(4);
            s.fwd_bytes = c.list(1);
            s.dead = c.list(8);
            c.list(8);
            c.list(4);
            segs.push(s);
        }
        l.indexes.push((tenant, segs));
    }
    // The link key: none, or a tag and 32 bytes.
    let keyed = body.get(c.1) == Some(&1);
    c.1 += if keyed { 33 } else { 1 };
    assert_eq!(c.1, body.len(), "the test's reading of the layout");
    l
}

/// The directory's world with its users in slot order (as a snapshot stores them).
fn world_in_slots(dir: &Directory) -> guestpass::model::World {
    let mut world = dir.to_world();
    world.users = dir.users_with_slots().map(|(_, u)| u.clone()).collect();
    world
}

/// `body` with its world section replaced by `world` (users in slot order) and `free`.
fn with_world(body: &[u8], l: &Layout, world: &guestpass::model::World, free: &[u32]) -> Vec<u8> {
    let mut bad = snapshot::encode_world(world, free);
    bad.extend_from_slice(&body[l.world.1..]);
    bad
}

fn u32_at(body: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(body[at..at + 4].try_into().unwrap())
}

fn put_u32(body: &mut [u8], at: usize, v: u32) {
    body[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

/// Frames a damaged body with a valid checksum and loads it.
fn load_body(body: &[u8]) -> guestpass::Result<Directory> {
    load(&snapshot::frame(snapshot::FORMAT_VERSION, body))
}

fn refused(body: &[u8], why: &str) -> String {
    let err = load_body(body).map(|_| ()).expect_err(why);
    assert_eq!(err.code(), "SNAPSHOT_CORRUPT", "{why}: {err}");
    err.to_string()
}

#[test]
fn a_valid_checksum_over_a_damaged_body_is_refused_as_corrupt() {
    let dir = lean(300, 5, 6);
    let bytes = dir.to_bytes().unwrap();
    let body = snapshot::body(&bytes).unwrap().to_vec();
    let l = layout(&body);
    let contoso = &l.indexes.iter().find(|(t, _)| t == "contoso").unwrap().1[0];
    let fabrikam_user = dir.users().find(|u| u.tenant_id == "fabrikam").unwrap();
    let fabrikam_slot = dir.user_slot(&fabrikam_user.id).unwrap();
    let live = live_rank(&body, contoso) * 4;

    // The body cut anywhere (a stride through the world, then every 13th byte).
    for len in (0..l.world.1)
        .step_by(997)
        .chain((l.world.1..body.len()).step_by(13))
    {
        refused(&body[..len], &format!("body cut at {len}"));
    }
    // The world section written again unchanged loads (the helpers below are faithful).
    let free: Vec<u32> = body[l.free.0..l.free.1]
        .chunks(4)
        .map(|c| u32::from_le_bytes(c.try_into().unwrap()))
        .collect();
    assert!(!free.is_empty(), "the history left free slots");
    let world = world_in_slots(&dir);
    assert_eq!(with_world(&body, &l, &world, &free), body);
    // A free slot listed twice, and one past the last slot.
    let mut bad = body.clone();
    put_u32(&mut bad, l.free.0 + 4 * (free.len() - 1), free[0]);
    if free.len() > 1 {
        refused(&bad, "a free slot listed twice");
    }
    let mut bad = body.clone();
    put_u32(&mut bad, l.free.0, (dir.stats().users + free.len()) as u32);
    refused(&bad, "a free slot past the last slot");
    // More free slots than a directory holds: refused before any memory is set aside for
    // them (each would cost a whole user record once loaded).
    let many: Vec<u32> = (0..guestpass::limits::MAX_USER_SLOTS as u32 + 1).collect();
    let msg = refused(
        &with_world(&body, &l, &world, &many),
        "more free slots than a directory holds",
    );
    assert!(msg.contains("user slots announced"), "{msg}");
    // One user twice (the second in the first's place).
    let mut twice = world.clone();
    twice.users[1] = twice.users[0].clone();
    let msg = refused(&with_world(&body, &l, &twice, &free), "a user twice");
    assert!(msg.contains("DUPLICATE_ID"), "{msg}");
    // A user whose id is a tenant's.
    let mut clash = world.clone();
    clash.users[0].id = "contoso".into();
    let msg = refused(
        &with_world(&body, &l, &clash, &free),
        "a user named like a tenant",
    );
    assert!(msg.contains("DUPLICATE_ID"), "{msg}");
    // A person of another tenant in contoso's index.
    let mut bad = body.clone();
    put_u32(&mut bad, contoso.keys.0 + live, fabrikam_slot);
    let msg = refused(&bad, "another tenant's person in the index");
    assert!(msg.contains("not a user of its tenant"), "{msg}");
    // A record's flags that are not its user's (member marked guest).
    let mut bad = body.clone();
    let flags = u32_at(&bad, contoso.flags.0 + live);
    put_u32(&mut bad, contoso.flags.0 + live, flags ^ 1);
    refused(&bad, "wrong flags");
    // The dictionary not UTF-8, then not sorted.
    let mut bad = body.clone();
    bad[contoso.term_bytes.0] = 0xff;
    refused(&bad, "terms not UTF-8");
    let mut bad = body.clone();
    bad[contoso.term_bytes.0] = b'z';
    refused(&bad, "terms not sorted");
    // Bytes of the posting lists (every one of the first 128, then every 11th): they must
    // be exactly the inverse of the forward records.
    let (from, to) = contoso.post_bytes;
    for at in (from..to.min(from + 128)).chain((from + 128..to).step_by(11)) {
        let mut bad = body.clone();
        bad[at] ^= 0x01;
        refused(&bad, &format!("posting byte {at}"));
    }
    // The world: text that is not UTF-8, a count too large, and worlds that do not
    // validate.
    let mut marked = world.clone();
    marked.users[0].display_name = "Zoë Marker".into();
    let mut bad = with_world(&body, &l, &marked, &free);
    let at = bad.windows(2).position(|w| w == "ë".as_bytes()).unwrap();
    bad[at] = 0xff;
    let msg = refused(&bad, "a name that is not UTF-8");
    assert!(msg.contains("not UTF-8"), "{msg}");
    // More free slots announced than the body could hold.
    let mut bad = body.clone();
    bad[..8].copy_from_slice(&u64::MAX.to_le_bytes());
    let msg = refused(&bad, "a count the body cannot hold");
    assert!(msg.contains("announced"), "{msg}");
    let mut dangling = world.clone();
    dangling.users[0].tenant_id = "no-such-tenant".into();
    let msg = refused(
        &with_world(&body, &l, &dangling, &free),
        "a world with a dangling reference",
    );
    assert!(msg.contains("DANGLING_REFERENCE"), "{msg}");
    let mut clashing = world.clone();
    let upn = clashing.users[1].user_principal_name.clone();
    let tenant = clashing.users[1].tenant_id.clone();
    let other = clashing
        .users
        .iter()
        .position(|u| u.tenant_id == tenant && u.user_principal_name != upn)
        .unwrap();
    clashing.users[other].user_principal_name = upn.to_uppercase();
    let msg = refused(
        &with_world(&body, &l, &clashing, &free),
        "two users of one tenant with one userPrincipalName",
    );
    assert!(msg.contains("userPrincipalName"), "{msg}");
    // A user missing from the world while its slot and index entry remain.
    let mut missing = world.clone();
    missing.users.pop();
    refused(
        &with_world(&body, &l, &missing, &free),
        "a user missing from the world",
    );
}

#[test]
fn a_flipped_byte_under_a_valid_checksum_never_panics_or_half_loads() {
    // Whatever passes the checks is a whole directory that answers; the rest is refused
    // as corrupt. (The checksum is what refuses every accidental flip; this is the
    // forged-checksum case.)
    let dir = lean(150, 11, 6);
    let bytes = dir.to_bytes().unwrap();
    let body = snapshot::body(&bytes).unwrap().to_vec();
    let l = layout(&body);
    let mut refused_count = 0;
    let mut positions = 0;
    let world_end = l.world.1;
    // Every fifth byte after the world (slots and indexes), and a stride through the world.
    let picks = (0..world_end)
        .step_by(89)
        .chain((world_end..body.len()).step_by(5));
    for at in picks {
        let mut bad = body.clone();
        bad[at] ^= 0x04;
        positions += 1;
        match load_body(&bad) {
            Err(e) => {
                assert_eq!(e.code(), "SNAPSHOT_CORRUPT", "byte {at}: {e}");
                refused_count += 1;
            }
            Ok(loaded) => {
                assert_eq!(loaded.stats().users, dir.stats().users, "byte {at}");
                if let Ok(s) = loaded.sign_in("contoso", "bob") {
                    s.search(&loaded, "a", &SearchOptions::default()).unwrap();
                }
            }
        }
    }
    eprintln!("{refused_count} of {positions} damaged bodies refused, the rest load whole");
    assert!(refused_count > 0);
}
