//! What a view holds, counted: the answer to "what does this person's browser receive?"
//! (the demo's view panel, and anyone checking a view before serving it).

use super::Audience;
use crate::directory::Directory;
use serde::Serialize;

/// The parts of a view and how many of each it carries. Records are counted, not
/// sized: the bytes' length says the size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewContents {
    /// The audience the view was written for: it decided the people part.
    pub audience: Audience,
    /// Tenants named (the tenant signed into, and the person's home tenant for a guest).
    pub tenants: usize,
    /// People whose records are readable: the tenant's directory for members; for a guest
    /// themselves, their home account and the people they may see (join requests to
    /// groups they own).
    pub people: usize,
    /// People reachable by exact address only (a guest with limited access): sealed
    /// records, unreadable without the address.
    pub sealed_people: usize,
    /// Groups the person may see: the tenant's for members, those they own or belong to
    /// for guests.
    pub groups: usize,
    /// Apps those groups and the person reach.
    pub apps: usize,
    /// Flows the person holds a role on.
    pub flows: usize,
    /// Flows of the tenant the person holds no role on: digests only, so their ids answer
    /// `NO_ROLE` as on the whole directory.
    pub unseen_flows: usize,
    /// Groups not in the view: digests only.
    pub unseen_groups: usize,
    /// The person's approvals in the tenant.
    pub approvals: usize,
    /// Connectors (the same catalogue for everyone).
    pub connectors: usize,
    /// Join requests the person made or decides.
    pub join_requests: usize,
    /// Home tenants named beside guests in a members' search.
    pub home_tenant_names: usize,
}

impl Directory {
    /// What the view this directory was read from holds; `None` for a whole directory.
    pub fn view_contents(&self) -> Option<ViewContents> {
        let partial = self.partial()?;
        let stats = self.stats();
        Some(ViewContents {
            audience: partial.audience(),
            tenants: stats.tenants,
            people: stats.users,
            sealed_people: partial.book().map_or(0, |b| b.len()),
            groups: stats.groups,
            apps: stats.apps,
            flows: stats.flows,
            unseen_flows: partial.flow_digests.len().saturating_sub(
                self.flows()
                    .filter(|f| f.tenant_id == partial.tenant_id)
                    .count(),
            ),
            unseen_groups: partial.group_digests.len().saturating_sub(
                self.groups()
                    .filter(|g| g.tenant_id == partial.tenant_id)
                    .count(),
            ),
            approvals: stats.approvals,
            connectors: stats.connectors,
            join_requests: stats.join_requests,
            home_tenant_names: partial.home_tenant_names.len(),
        })
    }
}
