//! What a directory read from a view knows beyond the objects it holds: whose view it
//! is, which of the tenant's flows and groups exist without being in it, and — for a
//! guest with limited access — the sealed address book that answers exact lookups.
//!
//! It lives with the directory, which holds it; `view/` writes and reads the bytes
//! (`view/sealed.rs` is the address book's codec and cipher, behind [`AddressLookup`]),
//! so neither the directory nor a session imports the view module.
//!
//! Flows and groups the person may not see are kept as keyed digests of their ids, so a
//! session answers them as the whole directory does (`NO_ROLE` for a flow of the tenant
//! the person holds no role on; a group filter that exists) while the view names none
//! of them: a digest tells only whether an id the person already typed exists, which the
//! whole directory's answer tells too.

use crate::model::{Flow, Trigger, User};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::sync::Arc;

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

/// One person an exact address names, as a sealed record holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedPerson {
    /// The user record.
    pub user: User,
    /// Digests of the groups they belong to (nested groups counting).
    pub groups: Vec<IdDigest>,
}

/// Exact address lookups without a readable directory: a limited guest's sealed address
/// book (`view::SealedBook` implements it).
pub trait AddressLookup: std::fmt::Debug + Send + Sync {
    /// The people whose address is `address` (trimmed, compared in lowercase); empty when
    /// none.
    fn open(&self, address: &str) -> Vec<SealedPerson>;
    /// How many addresses it answers.
    fn len(&self) -> usize;
    /// Whether it answers no address.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The first 16 bytes of SHA-256 over a domain, the tenant and an id: how a view names
/// an object it does not hold.
pub type IdDigest = [u8; 16];

/// The digest of `id` in `tenant_id` under `domain` (`b"flow"`, `b"group"`).
pub fn id_digest(domain: &[u8], tenant_id: &str, id: &str) -> IdDigest {
    let mut h = Sha256::new();
    h.update(b"guestpass view id\0");
    h.update(domain);
    h.update(b"\0");
    h.update(tenant_id.as_bytes());
    h.update(b"\0");
    h.update(id.as_bytes());
    let full = h.finalize();
    let mut out = [0u8; 16];
    out.copy_from_slice(full.get(..16).unwrap_or(&[0; 16]));
    out
}

/// Whose part of which tenant a directory holds, and what it knows exists elsewhere.
///
/// The digests name every flow (and, for guests, every group) of the tenant, those the
/// view holds too: they come from the audience's shared part, the same for everyone of
/// it; an object the view holds is found before its digest is asked.
#[derive(Debug, Clone)]
pub struct Partial {
    pub(crate) tenant_id: String,
    pub(crate) user_id: String,
    pub(crate) audience: Audience,
    /// Digests of the tenant's flows, sorted.
    pub(crate) flow_digests: Vec<IdDigest>,
    /// Digests of the tenant's groups (guests' views), sorted.
    pub(crate) group_digests: Vec<IdDigest>,
    /// Exact address lookups for a guest with limited access.
    pub(crate) book: Option<Arc<dyn AddressLookup>>,
    /// Display names of the home tenants of the guests the view holds, by tenant id
    /// (sorted).
    pub(crate) home_tenant_names: Vec<(String, String)>,
    /// The stand-in for an unseen flow: of the tenant, owned by nobody, shared with
    /// nobody, so every check of it answers `NO_ROLE`.
    pub(crate) stand_in: Flow,
}

impl Partial {
    pub(crate) fn new(
        tenant_id: String,
        user_id: String,
        audience: Audience,
        mut flow_digests: Vec<IdDigest>,
        mut group_digests: Vec<IdDigest>,
        book: Option<Arc<dyn AddressLookup>>,
        mut home_tenant_names: Vec<(String, String)>,
    ) -> Partial {
        flow_digests.sort_unstable();
        home_tenant_names.sort_unstable();
        group_digests.sort_unstable();
        let stand_in = Flow {
            id: String::new(),
            tenant_id: tenant_id.clone(),
            display_name: String::new(),
            trigger: Trigger::Manual,
            enabled: true,
            owner_id: String::new(),
            co_owners: Vec::new(),
            run_only: Vec::new(),
            environment: None,
        };
        Partial {
            tenant_id,
            user_id,
            audience,
            flow_digests,
            group_digests,
            book,
            home_tenant_names,
            stand_in,
        }
    }

    /// The tenant the view is of.
    pub fn tenant_id(&self) -> &str {
        &self.tenant_id
    }

    /// The person the view is for.
    pub fn user_id(&self) -> &str {
        &self.user_id
    }

    /// Which audience the view was written for.
    pub fn audience(&self) -> Audience {
        self.audience
    }

    /// The stand-in of a flow of `tenant_id` that exists (asked for a flow the view does
    /// not hold).
    pub fn unseen_flow(&self, tenant_id: &str, flow_id: &str) -> Option<&Flow> {
        (tenant_id == self.tenant_id
            && self
                .flow_digests
                .binary_search(&id_digest(b"flow", tenant_id, flow_id))
                .is_ok())
        .then_some(&self.stand_in)
    }

    /// Whether `group_id` is a group of `tenant_id` known by its digest (asked for a group
    /// the view does not hold).
    pub fn has_unseen_group(&self, tenant_id: &str, group_id: &str) -> bool {
        tenant_id == self.tenant_id
            && self
                .group_digests
                .binary_search(&id_digest(b"group", tenant_id, group_id))
                .is_ok()
    }

    /// The sealed address book of a guest with limited access.
    pub fn book(&self) -> Option<&dyn AddressLookup> {
        self.book.as_deref()
    }

    /// How many flow digests it holds (every flow of the tenant).
    pub fn flow_digest_count(&self) -> usize {
        self.flow_digests.len()
    }

    /// How many group digests it holds (every group of the tenant, in guests' views).
    pub fn group_digest_count(&self) -> usize {
        self.group_digests.len()
    }

    /// How many home tenant names it carries.
    pub fn home_tenant_name_count(&self) -> usize {
        self.home_tenant_names.len()
    }

    /// The display name of a guest's home tenant as the view carries it (members' views).
    pub fn home_tenant_name(&self, tenant_id: &str) -> Option<&str> {
        self.home_tenant_names
            .binary_search_by(|(id, _)| id.as_str().cmp(tenant_id))
            .ok()
            .and_then(|i| self.home_tenant_names.get(i))
            .map(|(_, name)| name.as_str())
    }
}
