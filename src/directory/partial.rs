//! A directory that holds one person's part of a tenant, read from a view
//! ([`crate::view`]): the objects the person may see, and a [`Partial`] that says who
//! it is for, what exists without being held, and the sealed address book of a guest
//! with limited access.
//!
//! Such a world is not whole on purpose: a flow names co-owners the person may not see,
//! a group lists members outside the view. So building it runs the checks that need no
//! other object (ids, duplicates, texts, userPrincipalName clashes, group cycles) and
//! leaves references to absent objects unresolved; every lookup already treats a missing
//! object as absent. Its integrity comes from the view's checksum, and what it may hold
//! from the server that wrote it.

use super::addresses::AddressBook;
use super::approval_index::ApprovalIndex;
use super::held::Partial;
use super::membership::{self, MemberOf};
use super::people::People;
use super::{collect, validate, Directory};
use crate::error::Result;
use crate::model::{Flow, World};
use crate::search::StoredIndex;

impl Directory {
    /// A directory of one person's part of a tenant: see the module documentation.
    /// `people` is the view's people index, per tenant, in parts (the shared part's, then
    /// the personal part's), read but not yet checked: it must index every user once.
    pub(crate) fn from_partial_world(
        world: World,
        partial: Partial,
        people: Vec<(String, StoredIndex)>,
    ) -> Result<Directory> {
        let mut dir = Directory::new();
        dir.tenants = collect(world.tenants, &dir)?;
        dir.users = collect(world.users, &dir)?;
        dir.groups = collect(world.groups, &dir)?;
        dir.apps = collect(world.apps, &dir)?;
        dir.flows = collect(world.flows, &dir)?;
        dir.approvals = collect(world.approvals, &dir)?;
        dir.connectors = collect(world.connectors, &dir)?;
        dir.join_requests = collect(world.join_requests, &dir)?;
        for tenant in dir.tenants.iter() {
            validate::tenant(&dir, tenant)?;
        }
        dir.addresses = AddressBook::build(&dir.users, &dir.tenants)?;
        dir.member_of = MemberOf::build(&dir.groups, &dir.users);
        membership::check_no_cycles(&dir)?;
        dir.people = People::from_stored(people, &dir.users)?;
        dir.approval_index = ApprovalIndex::build(&dir);
        dir.partial = Some(Box::new(partial));
        Ok(dir)
    }

    /// What this directory holds of its tenant when it was read from a view; `None` for
    /// a whole directory.
    pub fn partial(&self) -> Option<&Partial> {
        self.partial.as_deref()
    }

    /// The flow `flow_id` of `tenant_id` as a session there sees it: the flow, or for a
    /// view the stand-in of a flow of that tenant the person holds no role on (it answers
    /// `NO_ROLE`); `None` for a flow of another tenant and an id that exists nowhere,
    /// alike.
    pub fn flow_in_tenant(&self, tenant_id: &str, flow_id: &str) -> Option<&Flow> {
        match self.flow(flow_id) {
            Some(flow) if flow.tenant_id == tenant_id => Some(flow),
            Some(_) => None,
            None => self
                .partial()
                .and_then(|p| p.unseen_flow(tenant_id, flow_id)),
        }
    }
}
