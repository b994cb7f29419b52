//! What one person may see and act on in one tenant: the objects a view holds.
//!
//! - **People.** Members, and guests whose tenant gives guests the same access as
//!   members, get the tenant's directory: every user and group of the tenant ("Default
//!   user permissions", Entra: members read all users and groups). Guests with limited
//!   access get no readable directory, only the sealed address book an exact lookup
//!   opens ([`super::sealed`]); restricted guests get themselves. Everyone also gets the
//!   people their own answers name: the requesters of pending join requests to a group
//!   they own (an owner sees who asks), and a guest's own home user (their license may
//!   come from there: "Support for guest users", Power Automate).
//! - **Flows** they hold a role on, directly or through groups, nested counting
//!   ("Share a flow", Power Automate); the tenant's other flows only as digests.
//! - **Approvals** of this tenant they requested, are named on (directly or through a
//!   group) or responded to ("Approvals for guest users": a person sees the approvals of
//!   the tenant they sign into). An approval keeps its `flowId` only when the view holds
//!   that flow; otherwise it travels without one, so the view names no flow the person
//!   holds no role on ([`crate::session::approval_flow`], the rule the whole directory's
//!   `session.approvals` answers follow too).
//! - **Groups** they belong to (nested counting), own, or asked to join; the tenant's
//!   other groups only as digests (for a search's group filter). **Apps** assigned to them
//!   or to one of their groups (members: every app of the tenant, as they read every
//!   group — "Default user permissions"), assigned to a group they own (the groups-I-own answer
//!   names the apps each reaches: Entra self-service group management), and apps they own
//!   (a direct app link is sent by an owner: Entra "Invite guest users to an app"). **Join requests** they made, and the pending ones of the
//!   groups they own. (Every **connector**, Microsoft's and the same for everyone, travels
//!   in the shared part.)
//! - **Tenants**: this one with its settings, and for a guest their home tenant — its
//!   name, cloud and the settings collaboration with this tenant reads (Entra
//!   cross-tenant access settings; cross-cloud settings), nothing else. Cross-tenant
//!   settings keep only the entry of the guest's home tenant; for a guest whose home is
//!   not loaded, one partner entry that differs from the default inbound setting (with a
//!   stub of that tenant: id and cloud), which is what makes their answers
//!   `HOME_TENANT_UNKNOWN`. No document says how much of another tenant a guest may see;
//!   this is the least the answers need.

use super::Audience;
use crate::directory::{id_digest, IdDigest};
use crate::directory::{ApprovalRole, Directory};
use crate::error::Result;
use crate::model::{
    App, Approval, Flow, Group, GuestAccess, JoinRequest, Tenant, TenantSettings, User,
};
use crate::session::{hide_unseen_flow, Session, Sight};
use crate::sharing::Person;
use std::borrow::Cow;
use std::collections::HashSet;

/// The objects of one person's view, in the directory's own order.
#[derive(Debug)]
pub struct Scope<'d> {
    /// Members' directory, limited or restricted guest.
    pub audience: Audience,
    /// This tenant and, for a guest, their home tenant, trimmed.
    pub tenants: Vec<Tenant>,
    /// Users the personal part holds readably (members' audience: beyond the tenant's
    /// users, which the shared part holds).
    pub users: Vec<&'d User>,
    /// Groups the personal part holds (guests; members' are in the shared part).
    pub groups: Vec<&'d Group>,
    /// Apps they reach (guests; members' are in the shared part).
    pub apps: Vec<&'d App>,
    /// Flows they hold a role on.
    pub flows: Vec<&'d Flow>,
    /// Their approvals in this tenant, each without its `flowId` unless the view holds
    /// that flow (copied only then).
    pub approvals: Vec<Cow<'d, Approval>>,
    /// Their join requests and those they decide.
    pub join_requests: Vec<&'d JoinRequest>,
}

/// The audience of `user` in `tenant`.
pub fn audience(tenant: &Tenant, user: &User) -> Audience {
    // "Restrict guest access permissions in Microsoft Entra ID": guestUserRoleId.
    if crate::session::reads_directory(tenant, user) {
        return Audience::Members;
    }
    match tenant.settings.guest_access {
        GuestAccess::Restricted => Audience::RestrictedGuest,
        GuestAccess::Limited | GuestAccess::SameAsMember => Audience::LimitedGuest,
    }
}

/// What the person of `session` may see in their tenant beyond their audience's shared
/// part ([`super::shared`]): the objects [`crate::session::Sight`] lets them see (the rule
/// lookups and approval names follow too), their own home user, flows and approvals.
pub fn of<'d>(dir: &'d Directory, session: &Session) -> Result<Scope<'d>> {
    let me = session.user(dir)?;
    let tenant_id = session.tenant_id();
    let sight = Sight::of(dir, tenant_id, me)?;
    let tenant = sight.tenant;
    let audience = audience(tenant, me);
    let members = audience == Audience::Members;
    let home_user = me
        .home_user_id
        .as_deref()
        .filter(|_| me.is_guest())
        .and_then(|id| dir.user(id));
    let users: Vec<&User> = if members {
        home_user.into_iter().collect()
    } else {
        dir.users()
            .filter(|u| sight.sees_user(u) || home_user.is_some_and(|h| h.id == u.id))
            .collect()
    };
    let (groups, apps): (Vec<&Group>, Vec<&App>) = if members {
        (Vec::new(), Vec::new())
    } else {
        (
            dir.groups().filter(|g| sight.sees_group(g)).collect(),
            dir.apps().filter(|a| sight.sees_app(a)).collect(),
        )
    };
    let person = Person::of(dir, me);
    let flows = dir
        .flows()
        .filter(|f| f.tenant_id == tenant_id && person.grant(f).is_some())
        .collect();
    let mine: HashSet<&str> = sight.member_of.iter().map(String::as_str).collect();
    Ok(Scope {
        audience,
        tenants: tenants(dir, tenant, me),
        users,
        groups,
        apps,
        flows,
        approvals: approvals(dir, tenant_id, &me.id, &mine)
            .into_iter()
            .map(|a| {
                let mut a = Cow::Borrowed(a);
                hide_unseen_flow(dir, &person, &mut a);
                a
            })
            .collect(),
        join_requests: sight.join_requests.clone(),
    })
}

/// The display names of the home tenants of the guests among `users` that the directory
/// holds, by tenant id, sorted.
// Microsoft Graph "findTenantInformationByTenantId": a tenant's display name is readable by
// any signed-in caller, so a members' view may carry it; nothing else of those tenants.
pub(super) fn home_tenant_names(dir: &Directory, users: &[&User]) -> Vec<(String, String)> {
    let mut ids: Vec<&str> = users
        .iter()
        .filter(|u| u.is_guest())
        .filter_map(|u| u.home_tenant_id.as_deref())
        .collect();
    crate::order::sort_by_text(&mut ids, |id: &&str| -> &str { id });
    ids.dedup();
    ids.into_iter()
        .filter_map(|id| {
            dir.tenant(id)
                .map(|t| (t.id.clone(), t.display_name.clone()))
        })
        .collect()
}

/// This tenant and a guest's home tenant, each with only what the person's answers read.
fn tenants(dir: &Directory, tenant: &Tenant, me: &User) -> Vec<Tenant> {
    let home = me
        .home_tenant_id
        .as_deref()
        .filter(|_| me.is_guest())
        .and_then(|id| dir.tenant(id));
    let mut here = tenant.clone();
    let access = &mut here.settings.cross_tenant_access;
    let default_inbound = access.default.inbound;
    // A guest whose home is not loaded is answered from whether every partner entry agrees
    // with the default (b2b::home, `HOME_TENANT_UNKNOWN`): one entry that differs carries
    // that fact (with a stub of its tenant, which the entry must name: its id and cloud,
    // nothing else), and no other partner is shipped.
    let unknown_home = me.is_guest() && home.is_none();
    let mut differing: Option<String> = None;
    access.partners.retain(|id, p| {
        if home.is_some_and(|h| h.id == *id) {
            return true;
        }
        let differs = p.inbound.is_some_and(|v| v != default_inbound);
        let keep = unknown_home && differs && differing.is_none();
        if keep {
            differing = Some(id.clone());
        }
        keep
    });
    let mut out = vec![here];
    if let Some(partner) = differing.and_then(|id| dir.tenant(&id)) {
        out.push(Tenant {
            id: partner.id.clone(),
            display_name: partner.id.clone(),
            cloud: partner.cloud,
            us_government: partner.us_government,
            domains: Vec::new(),
            initial_domain: partner.initial_domain.clone(),
            settings: TenantSettings::default(),
        });
    }
    if let Some(home) = home {
        let mut access = home.settings.cross_tenant_access.clone();
        access.partners.retain(|id, _| *id == tenant.id);
        out.push(Tenant {
            id: home.id.clone(),
            display_name: home.display_name.clone(),
            cloud: home.cloud,
            us_government: home.us_government,
            domains: Vec::new(),
            initial_domain: home.initial_domain.clone(),
            settings: TenantSettings {
                enabled_clouds: home.settings.enabled_clouds.clone(),
                cross_tenant_access: access,
                ..TenantSettings::default()
            },
        });
    }
    out
}

/// The approvals of `tenant_id` that `user_id` or one of their groups takes part in.
fn approvals<'d>(
    dir: &'d Directory,
    tenant_id: &str,
    user_id: &str,
    groups: &HashSet<&str>,
) -> Vec<&'d Approval> {
    let mut ids: HashSet<&str> = HashSet::new();
    let mut file = |principal: &str, role: ApprovalRole| {
        let postings = dir.approvals_of(principal, role);
        for (_, a) in postings.open().chain(postings.closed()) {
            ids.insert(&a.id);
        }
    };
    file(user_id, ApprovalRole::Approver);
    file(user_id, ApprovalRole::Requester);
    for g in groups {
        file(g, ApprovalRole::Approver);
    }
    dir.approvals()
        .filter(|a| a.tenant_id == tenant_id && ids.contains(a.id.as_str()))
        .collect()
}

/// Every user of `tenant_id` with the digests of the groups they belong to.
pub(super) fn sealed_people<'d>(
    dir: &'d Directory,
    tenant_id: &str,
) -> Vec<(&'d User, Vec<IdDigest>)> {
    dir.users()
        .filter(|u| u.tenant_id == tenant_id)
        .map(|u| {
            let groups = dir
                .transitive_groups_of(&u.id)
                .iter()
                .map(|m| id_digest(b"group", tenant_id, &m.group_id))
                .collect();
            (u, groups)
        })
        .collect()
}
