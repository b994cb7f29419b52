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
//! whole directory does (`tests/views.rs` checks it over generated worlds). Changes
//! (share, unshare, respond, reassign, cancel, invite, request to join, decide, remove
//! from a group) are refused with `VIEW_READ_ONLY`: they must reach the directory the
//! view came from, and a view cannot say what the server would answer.
//!
//! Layout: the snapshot frame ([`crate::snapshot`]) with magic `GUESTVEW` and format
//! version 2 (1 had no home tenant names), its body:
//!
//! | part | content |
//! | --- | --- |
//! | person | tenant id, user id (strings), audience (one byte), clock (optional string) |
//! | world | the view's objects, written as a snapshot's world section, in the whole directory's order |
//! | unseen flows, unseen groups | each a varint count and 16-byte digests ([`partial`]) |
//! | address book | 0, or 1 and a [`sealed::SealedBook`] (limited guests) |
//! | home tenant names | a varint count, then per tenant its id and display name (strings, by id): the names a members' search shows beside guests' `homeTenantId` |
//!
//! Reading checks the frame as a snapshot's (`VIEW_NOT_RECOGNIZED` for another magic,
//! then `SNAPSHOT_VERSION_UNSUPPORTED`, `SNAPSHOT_TRUNCATED`, `SNAPSHOT_CHECKSUM_MISMATCH`,
//! `SNAPSHOT_CORRUPT`), then that the person can sign in from what the view holds.

mod contents;
mod partial;
mod scope;
mod sealed;

pub use contents::ViewContents;
pub use partial::{id_digest, IdDigest, Partial};
pub use scope::{audience, Scope};
pub use sealed::{SealedBook, SealedPerson};

use crate::binary::{corrupt, Reader, Writer};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::session::Session;
use crate::snapshot::world_codec::{self, WorldRefs};
use crate::timestamp::Timestamp;
use serde::Serialize;

/// The first eight bytes of every view.
pub const MAGIC: &[u8; 8] = b"GUESTVEW";
/// The view format this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;

/// Whose kind of view it is: decides the people part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Audience {
    /// Members, and guests with the same access as members: the tenant's directory.
    Members,
    /// Guests with limited access: exact address lookups only.
    LimitedGuest,
    /// Guests with restricted access: themselves only.
    RestrictedGuest,
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
    /// `tenant_id`: see [`crate::view`]. Refused as [`Directory::sign_in`] refuses.
    pub fn view_for(&self, tenant_id: &str, user: &str) -> Result<Vec<u8>> {
        let session = self.sign_in(tenant_id, user)?;
        let scope = scope::of(self, &session)?;
        let mut w = Writer::new();
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
            approvals: scope.approvals,
            connectors: scope.connectors,
            join_requests: scope.join_requests,
        };
        world_codec::write(&mut w, &refs, scope.users.into_iter(), &[]);
        for digests in [&scope.unseen_flows, &scope.unseen_groups] {
            w.varint(digests.len() as u64);
            for d in digests {
                w.raw(d);
            }
        }
        match &scope.sealed {
            None => w.byte(0),
            Some(people) => {
                w.byte(1);
                SealedBook::seal(session.tenant_id(), people).write(&mut w);
            }
        }
        w.varint(scope.home_tenant_names.len() as u64);
        for (id, name) in &scope.home_tenant_names {
            w.str(id);
            w.str(name);
        }
        Ok(crate::snapshot::frame_as(
            MAGIC,
            FORMAT_VERSION,
            &w.into_bytes(),
        ))
    }

    /// Reads view bytes into a [`View`]: see [`crate::view`].
    pub fn from_view(bytes: &[u8]) -> Result<View> {
        let body =
            crate::snapshot::payload_as(MAGIC, FORMAT_VERSION, Error::ViewNotRecognized, bytes)?;
        let mut r = Reader::new(body);
        let tenant_id = r.str("view tenant id")?.to_string();
        let user_id = r.str("view user id")?.to_string();
        let at = usize::from(r.byte("view audience")?);
        let audience = *AUDIENCES
            .get(at)
            .ok_or_else(|| corrupt(format_args!("view audience: unknown tag {at}")))?;
        let clock = r
            .opt_str("view clock")?
            .map(|c| Timestamp::parse("clock", &c))
            .transpose()
            .map_err(|e| corrupt(e.to_string()))?;
        let parts = world_codec::read(&mut r)?;
        let mut world = parts.world;
        world.users = parts.slots.into_iter().flatten().collect();
        let unseen_flows = digests(&mut r, "unseen flows")?;
        let unseen_groups = digests(&mut r, "unseen groups")?;
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
        r.finish()?;
        let partial = Partial::new(
            tenant_id.clone(),
            user_id.clone(),
            audience,
            unseen_flows,
            unseen_groups,
            book,
            home_tenant_names,
        );
        let mut dir = Directory::from_partial_world(world, partial).map_err(in_view)?;
        dir.set_clock(clock);
        let session = Session::sign_in(&dir, &tenant_id, &user_id)?;
        Ok(View { dir, session })
    }
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
