//! What the signed-in person may see of the tenant they signed into: the one rule that the
//! lookups (`session.user`, `group`, `app`, `tenant`), the names beside ids in approval
//! items and a view's contents (`view/scope.rs`) all follow, so no answer shows what a view
//! of the same person would not hold.
//!
//! - **People and groups.** Members, and guests of a tenant whose guests have the same
//!   access as members, read every user and group of the tenant ("Default user permissions
//!   in Microsoft Entra ID": members read all users and groups; "Restrict guest access
//!   permissions in Microsoft Entra ID": `guestUserRoleId`). A guest with limited or
//!   restricted access reads themselves, the groups they belong to (nested counting), own
//!   or asked to join, and the requesters of pending join requests to a group they own (an
//!   owner sees who asks). Entra lets a limited guest read another user whose object id
//!   they know; here ids are often guessable (`bob`), a lookup by id would enumerate the
//!   directory, and a view does not carry those people: the conservative answer is no.
//! - **Apps** assigned to them or to one of their groups, assigned to a group they own, or
//!   owned by them; members read every app of the tenant.
//! - **Tenants**: this one and, for a guest, their home tenant (its name and cloud).
//! - **Flows** they hold a role on (owner, co-owner, run-only; directly or through groups,
//!   nested counting): "Share a flow", Power Automate. An approval's `flowId` is shown only
//!   when it names such a flow ([`approval_flow`]); otherwise the approval answers without
//!   one, as a view (which holds no other flow) does.
//!
//! Another tenant's objects are never seen: they answer as ids that exist nowhere.

use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::groups;
use crate::model::{
    App, Approval, Group, GuestAccess, JoinRequest, JoinRequestStatus, Tenant, User,
};
use crate::sharing::Person;
use std::borrow::Cow;
use std::collections::HashSet;

/// The flow of `approval` that `person` may see: its `flowId` when it names a flow of the
/// approval's tenant they hold a role on (issue 17: "the flows they hold a role on, and
/// nothing about the others"), else none. No Microsoft document we found says whether an
/// approver may see the flow that asked; the conservative answer hides it from whoever
/// holds no role on that flow.
pub fn approval_flow<'a>(
    dir: &Directory,
    person: &Person,
    approval: &'a Approval,
) -> Option<&'a str> {
    let id = approval.flow_id.as_deref()?;
    dir.flow(id)
        .filter(|f| f.tenant_id == approval.tenant_id && person.grant(f).is_some())
        .map(|_| id)
}

/// Leaves `approval` as `person` may see it: without its `flowId` unless
/// [`approval_flow`] shows it (copied only then).
pub fn hide_unseen_flow(dir: &Directory, person: &Person, approval: &mut Cow<'_, Approval>) {
    if approval.flow_id.is_some() && approval_flow(dir, person, approval).is_none() {
        approval.to_mut().flow_id = None;
    }
}

/// The person of a session and what they may see of their tenant, computed once per
/// question.
#[derive(Debug)]
pub struct Sight<'d> {
    /// The tenant signed into.
    pub tenant: &'d Tenant,
    /// The signed-in person.
    pub me: &'d User,
    /// Reads the tenant's whole directory (members, guests with member access).
    pub reads_directory: bool,
    /// Groups the person belongs to, nested counting.
    pub member_of: HashSet<String>,
    /// Groups of the tenant the person owns.
    pub owned: HashSet<&'d str>,
    /// Their join requests, and the pending ones of groups they own.
    pub join_requests: Vec<&'d JoinRequest>,
    asked: HashSet<&'d str>,
    requesters: HashSet<&'d str>,
}

/// Whether `user` reads the whole directory of `tenant`: a member, or a guest whose tenant
/// gives guests the same access as members.
pub fn reads_directory(tenant: &Tenant, user: &User) -> bool {
    // "Restrict guest access permissions in Microsoft Entra ID": guestUserRoleId.
    !user.is_guest() || tenant.settings.guest_access == GuestAccess::SameAsMember
}

impl<'d> Sight<'d> {
    /// What `me`, signed into `tenant_id`, may see.
    pub fn of(dir: &'d Directory, tenant_id: &str, me: &'d User) -> Result<Sight<'d>> {
        let tenant = dir
            .tenant(tenant_id)
            .ok_or_else(|| Error::UnknownTenant(tenant_id.to_string()))?;
        let member_of: HashSet<String> = dir
            .transitive_groups_of(&me.id)
            .into_iter()
            .map(|m| m.group_id)
            .collect();
        let owns = |g: &Group| g.owners.contains(&me.id);
        let owned: HashSet<&str> = dir
            .groups()
            .filter(|g| g.tenant_id == tenant_id && owns(g))
            .map(|g| g.id.as_str())
            .collect();
        let join_requests: Vec<&JoinRequest> = dir
            .join_requests()
            .filter(|r| {
                groups::group_of_tenant(dir, tenant_id, &r.group_id).is_ok_and(|g| {
                    r.user_id == me.id || (r.status == JoinRequestStatus::Pending && owns(g))
                })
            })
            .collect();
        Ok(Sight {
            tenant,
            me,
            reads_directory: reads_directory(tenant, me),
            asked: join_requests.iter().map(|r| r.group_id.as_str()).collect(),
            requesters: join_requests.iter().map(|r| r.user_id.as_str()).collect(),
            member_of,
            owned,
            join_requests,
        })
    }

    /// Whether the person may see `user` (a user of this tenant).
    pub fn sees_user(&self, user: &User) -> bool {
        user.tenant_id == self.tenant.id
            && (self.reads_directory
                || user.id == self.me.id
                || self.requesters.contains(user.id.as_str()))
    }

    /// Whether the person may see `group` (a group of this tenant).
    pub fn sees_group(&self, group: &Group) -> bool {
        group.tenant_id == self.tenant.id
            && (self.reads_directory
                || self.member_of.contains(&group.id)
                || self.owned.contains(group.id.as_str())
                || self.asked.contains(group.id.as_str()))
    }

    /// Whether the person may see `app` (an app of this tenant).
    pub fn sees_app(&self, app: &App) -> bool {
        app.tenant_id == self.tenant.id
            && (self.reads_directory
                || app.owners.contains(&self.me.id)
                || app.assignments.iter().any(|p| {
                    *p == self.me.id
                        || self.member_of.contains(p)
                        || self.owned.contains(p.as_str())
                }))
    }

    /// Whether the person may see the tenant `id`: this one, or a guest's home tenant.
    pub fn sees_tenant(&self, id: &str) -> bool {
        id == self.tenant.id
            || (self.me.is_guest() && self.me.home_tenant_id.as_deref() == Some(id))
    }

    /// The id (as the directory holds it) and display name of `principal`, a user or
    /// group, if the person may see it.
    pub fn name_of<'a>(&self, dir: &'a Directory, principal: &str) -> Option<(&'a str, &'a str)> {
        if let Some(user) = dir.user(principal) {
            return self
                .sees_user(user)
                .then_some((user.id.as_str(), user.display_name.as_str()));
        }
        dir.group(principal)
            .filter(|g| self.sees_group(g))
            .map(|g| (g.id.as_str(), g.display_name.as_str()))
    }
}
