//! Views: what one person's browser receives, and the read-only directory that answers
//! from it.
//!
//! A widget runs in the person's browser, and whatever it loads the person can read. A
//! view holds exactly what that person may see and act on in one tenant
//! ([`scope`] decides it; [`sealed`] keeps a limited guest's directory unreadable), so
//! loading it instead of the whole directory keeps tenant isolation and the guest access
//! level where the widget runs.
//!
//! [`Directory::view_for`] writes the bytes on the server; [`Directory::from_view`]
//! reads them into a [`View`]: a directory holding that part only (see
//! `directory/partial.rs`) and the person's [`Session`], which answers every question
//! the person can ask — `whoami`, `features`, `search`, `check`, `allowed_actions`,
//! `check_many`, `approvals`, `my_apps`, `join_requests` — exactly as a session on the
//! whole directory does (`tests/views.rs` checks it over generated worlds). An
//! approval's `flowId` keeps to that: a view holds only the flows the person holds a role
//! on, so an approval of another flow travels without its `flowId`, and the whole
//! directory's `session.approvals` (and respond, reassign, cancel) leave it out under the
//! same rule ([`crate::session::approval_flow`]) rather than the differential test
//! skipping it. Changes (share, unshare, respond, reassign, cancel, invite, request to
//! join, decide, remove from a group) are refused with `VIEW_READ_ONLY`: they must reach
//! the directory the view came from, and a view cannot say what the server would answer.
//!
//! A view comes in two parts ([`Directory::view_parts`]):
//!
//! - the **shared part** ([`shared`], magic `GUESTSHR`): what every person of the same
//!   audience in the tenant receives alike — for members (and guests with member-like
//!   access) the tenant's users, groups and apps; for guests with limited access the
//!   sealed address book; for everyone the connector catalogue and the digests of the
//!   tenant's flows (and, for guests, groups) — byte-identical for all of them and named
//!   by its SHA-256, so a server or CDN keeps one copy per tenant and audience
//!   (`Cache-Control: immutable`);
//! - the **personal part** (magic `GUESTPRS`): the SHA-256 of the shared part it goes
//!   with and the checksum that part's frame ends with (its XXH64, which reading pairs
//!   the parts by: SHA-256 over a 111 MB shared part took 0.6-0.8 s of a 4 s load in
//!   Chromium; a browser checks the SHA-256 itself, natively, when the shared part is
//!   fetched with `integrity`), then the person (tenant id, user id, audience byte,
//!   clock as an optional string) and a snapshot's world section with the rest: tenants, the people only this
//!   person reads (a guest's home user, requesters, themselves), a guest's groups and
//!   apps, flows, approvals, join requests; then the people index of those people, one
//!   per tenant they are of.
//!
//! Both parts carry their people's search index (`PeopleIndex::write_view`: a snapshot's
//! segments without their address arrays, keyed by the people's slots in the view: the
//! shared part's users first, then the personal part's), so reading a view never builds
//! one: it derives the address arrays from the people, checks every segment as a
//! snapshot's, and refuses an index that does not hold every person of the view once.
//! At 709,996 people a member's view then loaded in 2.5–2.9 s natively instead of
//! 4.2–4.7 s, for about 13 bytes a person more, gzipped (BENCHMARKS.md, issue 17, fifth
//! session); 1.3–1.6 s since the parts are paired by checksum, ASCII addresses are
//! hashed without folding and the members' shared part holds its users in their index's
//! rank order, so a reader goes through them in the order they lie (sixth session).
//!
//! [`Directory::view_for`] puts both in one container (magic `GUESTVEW`: the personal
//! part then the shared part, each a `u64` length and its bytes) for callers that want
//! one blob. All three are snapshot frames ([`crate::snapshot`]) of format version 7 (6
//! wrote approvals' titles, details and flows in full, as snapshot format 7 did; 5
//! paired the parts by SHA-256 alone; 4 carried no people index; 3 wrote repeated
//! strings and times in full, as snapshot format 6 did; 2 was one body; 1 had no home
//! tenant names). The directory keeps the
//! shared parts it wrote until its next change, so the next person of an audience costs
//! only their personal part.
//!
//! Reading checks each frame as a snapshot's (`VIEW_NOT_RECOGNIZED` for another magic,
//! then `SNAPSHOT_VERSION_UNSUPPORTED`, `SNAPSHOT_TRUNCATED`, `SNAPSHOT_CHECKSUM_MISMATCH`,
//! `SNAPSHOT_CORRUPT`), that the shared part is the one the personal part names
//! (`VIEW_PARTS_MISMATCH`), then that the person can sign in from what the view holds.

mod contents;
mod scope;
mod sealed;
pub mod shared;

pub use crate::directory::{id_digest, Audience, IdDigest, Partial, SealedPerson, SharedCache};
pub use contents::ViewContents;
pub use scope::{audience, Scope};
pub use sealed::SealedBook;

use crate::binary::{corrupt, ByteSource, Reader, Within, Writer, WINDOW};
use crate::directory::{search_flags, search_person, Directory};
use crate::error::{Error, Result};
use crate::search::{PeopleIndex, StoredIndex};
use crate::session::Session;
use crate::snapshot::world_codec::{self, WorldRefs};
use crate::timestamp::Timestamp;
use std::sync::Arc;

/// The first eight bytes of every view in one piece (both parts).
pub const MAGIC: &[u8; 8] = b"GUESTVEW";
/// The first eight bytes of every personal part.
pub const PERSONAL_MAGIC: &[u8; 8] = b"GUESTPRS";
/// The view format this build writes and reads (the container and both parts).
pub const FORMAT_VERSION: u32 = 7;

/// A view in its two parts: see [`crate::view`].
#[derive(Debug, Clone)]
pub struct ViewParts {
    /// The shared part: the same bytes for every person of the audience in the tenant.
    pub shared: Arc<Vec<u8>>,
    /// The shared part's SHA-256, lowercase hex: its name.
    pub shared_hash: String,
    /// The personal part: this person's, naming the shared part by its hash.
    pub personal: Vec<u8>,
}

impl ViewParts {
    /// Both parts in one container, as [`Directory::view_for`] writes it.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.bytes(&self.personal);
        w.bytes(&self.shared);
        crate::snapshot::frame_as(MAGIC, FORMAT_VERSION, &w.into_bytes())
    }
}

const AUDIENCES: [Audience; 3] = [
    Audience::Members,
    Audience::LimitedGuest,
    Audience::RestrictedGuest,
];

/// A view read back: one person's part of a tenant and their session.
#[derive(Debug, Clone)]
pub struct View {
    dir: Directory,
    session: Session,
}

impl View {
    /// The read-only directory the session answers from.
    pub fn directory(&self) -> &Directory {
        &self.dir
    }

    /// The person's session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The directory and the session, for a caller that keeps them apart (the Wasm
    /// boundary); the directory still refuses changes through a session.
    pub fn into_parts(self) -> (Directory, Session) {
        (self.dir, self.session)
    }
}

impl Directory {
    /// The bytes of the view of `user` (an object id, userPrincipalName or mail) in
    /// `tenant_id`, both parts in one container: see [`crate::view`]. Refused as
    /// [`Directory::sign_in`] refuses.
    pub fn view_for(&self, tenant_id: &str, user: &str) -> Result<Vec<u8>> {
        Ok(self.view_parts(tenant_id, user)?.to_bytes())
    }

    /// The view of `user` in `tenant_id` in its two parts: the shared part (written once
    /// per tenant and audience until the directory changes) and the personal part.
    /// Refused as [`Directory::sign_in`] refuses.
    pub fn view_parts(&self, tenant_id: &str, user: &str) -> Result<ViewParts> {
        let session = self.sign_in(tenant_id, user)?;
        let scope = scope::of(self, &session)?;
        let tenant_id = session.tenant_id();
        let shared =
            self.shared_parts()
                .get_or_make(self.version(), tenant_id, scope.audience, || {
                    let bytes = shared::write(self, tenant_id, scope.audience);
                    let hash = shared::hash(&bytes);
                    (bytes, hash)
                });
        let pairing = (&shared.hash, shared::checksum(&shared.bytes));
        let personal = self.personal_part(&session, scope, pairing);
        Ok(ViewParts {
            shared: shared.bytes,
            shared_hash: shared::hex(&shared.hash),
            personal,
        })
    }

    /// The personal part of `session`'s person, naming its shared part by `(SHA-256,
    /// checksum)`.
    fn personal_part(
        &self,
        session: &Session,
        scope: Scope<'_>,
        (hash, checksum): (&[u8; 32], [u8; 8]),
    ) -> Vec<u8> {
        let mut w = Writer::new();
        w.raw(hash);
        w.raw(&checksum);
        w.str(session.tenant_id());
        w.str(session.user_id());
        w.byte(scope.audience as u8);
        w.opt_str(self.clock().map(Timestamp::to_rfc3339).as_deref());
        let refs = WorldRefs {
            tenants: scope.tenants.iter().collect(),
            user_count: scope.users.len(),
            groups: scope.groups,
            apps: scope.apps,
            flows: scope.flows,
            approvals: scope.approvals.iter().map(AsRef::as_ref).collect(),
            connectors: Vec::new(),
            join_requests: scope.join_requests,
        };
        // In user-id order, so that their index ranks tied people in user-id order
        // (`Directory::ties_in_id_order`).
        let mut users = scope.users;
        crate::order::sort_by_text(&mut users, |u| u.id.as_str());
        world_codec::write(&mut w, &refs, users.iter().copied(), &[]);
        // The people index of these users, one per tenant (a guest's home user is of
        // another), keyed by their slots in the view: after the shared part's users.
        let tenant = session.tenant_id();
        // The members' shared part holds every user of the tenant: as many as its index.
        let first = match scope.audience {
            Audience::Members => self.people_index(tenant).map_or(0, |i| i.len()),
            _ => 0,
        };
        let mut tenants: Vec<&str> = Vec::new();
        for u in &users {
            if !tenants.contains(&u.tenant_id.as_str()) {
                tenants.push(&u.tenant_id);
            }
        }
        w.varint(tenants.len() as u64);
        for t in tenants {
            w.str(t);
            let of_tenant = (first as u32..)
                .zip(&users)
                .filter(|(_, u)| u.tenant_id == t);
            let people = of_tenant.map(|(k, u)| (k, search_person(u), search_flags(u)));
            PeopleIndex::from_people(people).write_view(&mut w);
        }
        crate::snapshot::frame_as(PERSONAL_MAGIC, FORMAT_VERSION, &w.into_bytes())
    }

    /// Reads a view in one piece ([`Directory::view_for`]) into a [`View`]: see
    /// [`crate::view`].
    pub fn from_view(bytes: &[u8]) -> Result<View> {
        Directory::from_view_source(&mut { bytes }, bytes.len())
    }

    /// [`Directory::from_view`] of the `len` bytes of `source`, a window at a time: the
    /// personal part is read into memory, the shared part stays in the source (as
    /// [`Directory::from_view_parts_source`] reads it).
    pub fn from_view_source(source: &mut dyn ByteSource, len: usize) -> Result<View> {
        let frame = (MAGIC, FORMAT_VERSION, Error::ViewNotRecognized);
        let body = crate::snapshot::checked_source(source, len, frame, WINDOW)?;
        let (personal, shared) = {
            let mut r = Reader::streaming(source, body.start, body.len(), WINDOW);
            let personal = r.bytes_span("view personal part")?;
            let shared = r.bytes_span("view shared part")?;
            r.finish()?;
            (personal, shared)
        };
        let mut personal_bytes = vec![0u8; personal.len()];
        source.read_at(body.start + personal.start, &mut personal_bytes)?;
        let start = body.start + shared.start;
        let mut shared_source = Within { source, start };
        Directory::from_view_parts_source(&personal_bytes, &mut shared_source, shared.len())
    }

    /// Reads a view's two parts ([`Directory::view_parts`]) into a [`View`], refusing a
    /// shared part other than the one the personal part names (`VIEW_PARTS_MISMATCH`).
    pub fn from_view_parts(personal: &[u8], shared: &[u8]) -> Result<View> {
        Directory::from_view_parts_source(personal, &mut { shared }, shared.len())
    }

    /// [`Directory::from_view_parts`] with the shared part's `shared_len` bytes read from
    /// `source` a window at a time, so that they are never copied whole beside the
    /// directory they become (a `Uint8Array` in JavaScript stays where it is).
    pub fn from_view_parts_source(
        personal: &[u8],
        shared: &mut dyn ByteSource,
        shared_len: usize,
    ) -> Result<View> {
        let body = crate::snapshot::payload_as(
            PERSONAL_MAGIC,
            FORMAT_VERSION,
            Error::ViewNotRecognized,
            personal,
        )?;
        let mut r = Reader::new(body);
        let named = r.raw::<32>("view shared part hash")?;
        let pairs_with = r.raw::<8>("view shared part checksum")?;
        // The shared part's frame is checked first (as a snapshot's), then its checksum,
        // which that check computed, compared with the one the personal part names; the
        // SHA-256 that names it is for fetching it (and for `fetch`'s `integrity`, which a
        // browser checks natively), not computed again here.
        let (shared_body, checksum) = shared::check_source(shared, shared_len)?;
        if checksum != pairs_with {
            return Err(Error::ViewPartsMismatch {
                expected: shared::hex(&named),
            });
        }
        let tenant_id = r.str("view tenant id")?.to_string();
        let user_id = r.str("view user id")?.to_string();
        let audience = read_audience(&mut r)?;
        let clock = r
            .opt_str("view clock")?
            .map(|c| Timestamp::parse("clock", &c))
            .transpose()
            .map_err(|e| corrupt(e.to_string()))?;
        let parts = world_codec::read(&mut r)?;
        let count = r.count(2, "view people indexes")?;
        let mut people = Vec::with_capacity(count + 1);
        for _ in 0..count {
            let tenant = r.str("view people index tenant")?.to_string();
            people.push((tenant, StoredIndex::read(&mut r)?));
        }
        r.finish()?;
        let personal_users: Vec<_> = parts.slots.into_iter().flatten().collect();
        // The shared users' array is made with room for the personal ones, so adding them
        // does not copy it (a copy of 710,000 people at the peak).
        let shared = shared::read_body(shared, shared_body, personal_users.len())?;
        if shared.tenant_id != tenant_id || shared.audience != audience {
            return Err(corrupt("the shared part is of another tenant or audience"));
        }
        let mut world = parts.world;
        // The shared part's people come first, as its users do.
        people.insert(0, (tenant_id.clone(), shared.people));
        let mut users = shared.world.users;
        users.extend(personal_users);
        world.users = users;
        // Moved, not cloned (`concat` would copy every shared group and app).
        let personal = std::mem::replace(&mut world.groups, shared.world.groups);
        world.groups.extend(personal);
        let personal = std::mem::replace(&mut world.apps, shared.world.apps);
        world.apps.extend(personal);
        world.connectors = shared.world.connectors;
        let partial = Partial::new(
            tenant_id.clone(),
            user_id.clone(),
            audience,
            shared.flow_digests,
            shared.group_digests,
            shared
                .book
                .map(|b| Arc::new(b) as Arc<dyn crate::directory::AddressLookup>),
            shared.home_tenant_names,
        );
        let mut dir = Directory::from_partial_world(world, partial, people).map_err(in_view)?;
        dir.set_clock(clock);
        let session = Session::sign_in(&dir, &tenant_id, &user_id)?;
        Ok(View { dir, session })
    }
}

fn read_audience(r: &mut Reader<'_>) -> Result<Audience> {
    let at = usize::from(r.byte("view audience")?);
    AUDIENCES
        .get(at)
        .copied()
        .ok_or_else(|| corrupt(format_args!("view audience: unknown tag {at}")))
}

fn digests(r: &mut Reader<'_>, what: &str) -> Result<Vec<IdDigest>> {
    let n = r.count(16, what)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(r.raw::<16>(what)?);
    }
    Ok(out)
}

/// A view whose objects do not build a directory is corrupt.
fn in_view(e: Error) -> Error {
    match e {
        Error::SnapshotCorrupt(_) => e,
        other => Error::SnapshotCorrupt(format!("{}: {other}", other.code())),
    }
}
