//! Self-service access to an app, as the person asking and the app's owner live it:
//! asking for the app (added to its self-service group at once, or a request the group's
//! owners decide when the app requires approval), an owner inviting a guest to the app
//! itself (which adds them to its self-service group), and an owner sending a guest the
//! app's direct link.
//!
//! The app must be configured for self-service, and its group must be a security group
//! with assigned membership: the directory holds what an administrator configured, so it
//! is checked again each time it is used.

use super::invitations::{invite_into, Invitation, InvitationRequest};
use super::join_requests::{JoinOutcome, JoinResult};
use super::links::{direct_link, offering_of};
use super::{
    fresh_id, group_of_tenant, is_direct_member, require_assigned_membership, require_owner,
    self_service_tenant, with_member,
};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::{App, Group, JoinRequest, JoinRequestStatus};
use serde::Serialize;

/// The app `app_id` of `tenant_id` configured for self-service, with its self-service
/// group; refused with `UNKNOWN_APP` (also for another tenant's app),
/// `SELF_SERVICE_NOT_CONFIGURED`, `NOT_A_SECURITY_GROUP`, `DYNAMIC_GROUP` or
/// `ON_PREMISES_GROUP`.
pub(crate) fn self_service_app<'d>(
    dir: &'d Directory,
    tenant_id: &str,
    app_id: &str,
) -> Result<(&'d App, &'d Group)> {
    let app = dir
        .app(app_id)
        .filter(|a| a.tenant_id == tenant_id)
        .ok_or_else(|| Error::UnknownApp(app_id.to_string()))?;
    let group_id = app
        .self_service
        .as_ref()
        .filter(|s| s.enabled)
        .and_then(|s| s.group_id.as_deref())
        .ok_or_else(|| Error::SelfServiceNotConfigured(app.id.clone()))?;
    let group = group_of_tenant(dir, tenant_id, group_id)?;
    require_self_service_group(group)?;
    Ok((app, group))
}

/// Refuses a group self-service cannot add people to: not a security group
/// (`NOT_A_SECURITY_GROUP`), dynamic or synced from on-premises.
// Entra "How users in your organization can invite guest users to an app": the group is created with Group type Security and Membership type Assigned.
pub(crate) fn require_self_service_group(group: &Group) -> Result<()> {
    if !group.security_enabled {
        return Err(Error::NotASecurityGroup(group.id.clone()));
    }
    require_assigned_membership(group)
}

/// `user_id` of `tenant_id` asks for access to `app_id` (My Apps, "Request new apps"):
/// added to the app's self-service group at once, or — when the app requires approval —
/// a pending request (a join request on the self-service group) that the group's owners
/// decide with `decideJoinRequest`.
///
/// Refused, with nothing changed: `UNKNOWN_APP`, `SELF_SERVICE_NOT_CONFIGURED`,
/// `NOT_A_SECURITY_GROUP`, `DYNAMIC_GROUP`, `ON_PREMISES_GROUP`, `ALREADY_MEMBER`,
/// `REQUEST_ALREADY_PENDING` and, when approval is required, `SELF_SERVICE_DISABLED`
/// (owners decide requests only where the tenant lets them).
// Entra "Enable self-service application assignment": "Require approval before granting access to this application?"; approved users are added to the selected group.
pub fn request_app_access(
    dir: &mut Directory,
    tenant_id: &str,
    user_id: &str,
    app_id: &str,
) -> Result<JoinResult> {
    let (app, group) = self_service_app(dir, tenant_id, app_id)?;
    let require_approval = app
        .self_service
        .as_ref()
        .is_some_and(|s| s.require_approval);
    if is_direct_member(group, user_id) {
        return Err(Error::AlreadyMember {
            group: group.id.clone(),
            user: user_id.to_string(),
        });
    }
    let group_id = group.id.clone();
    if !require_approval {
        let next = with_member(group, user_id)?;
        dir.upsert_group(next)?;
        return Ok(JoinResult {
            group_id,
            outcome: JoinOutcome::Added,
            request_id: None,
        });
    }
    self_service_tenant(dir, tenant_id)?;
    if let Some(waiting) = dir.join_requests().find(|r| {
        r.group_id == group_id && r.user_id == user_id && r.status == JoinRequestStatus::Pending
    }) {
        return Err(Error::RequestAlreadyPending {
            request: waiting.id.clone(),
            group: group_id,
        });
    }
    let request = JoinRequest {
        id: fresh_id(dir, &format!("{group_id}-join-{user_id}")),
        group_id: group_id.clone(),
        user_id: user_id.to_string(),
        status: JoinRequestStatus::Pending,
        decided_by: None,
    };
    let request_id = request.id.clone();
    dir.upsert_join_request(request)?;
    Ok(JoinResult {
        group_id,
        outcome: JoinOutcome::Pending,
        request_id: Some(request_id),
    })
}

/// `inviter_id`, an owner of `app_id` (`app.owners`) or of its self-service group,
/// invites `request.email` to the app itself: the person (a new pending guest, or the
/// existing account) is added to the app's self-service group. An owner's invitation
/// needs no approval. See [`super::invite`] for what is created.
///
/// Refused, with nothing changed: what [`self_service_app`] refuses, `NOT_APP_OWNER`, and
/// everything [`super::invite`] refuses after its owner check.
// Entra "How users in your organization can invite guest users to an app": the application owner invites a guest user to an app or to a group that has access to it.
pub fn invite_to_app(
    dir: &mut Directory,
    tenant_id: &str,
    inviter_id: &str,
    app_id: &str,
    request: &InvitationRequest,
) -> Result<Invitation> {
    let (app, group) = self_service_app(dir, tenant_id, app_id)?;
    let owns_app = app.owners.iter().any(|o| o == inviter_id);
    if !owns_app && require_owner(group, inviter_id).is_err() {
        return Err(Error::NotAppOwner {
            app: app.id.clone(),
            user: inviter_id.to_string(),
        });
    }
    let group_id = group.id.clone();
    invite_into(dir, tenant_id, inviter_id, &group_id, request)
}

/// The direct link an app owner sends a guest (`session.appLink(appId, guest)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppLink {
    /// The app.
    pub app_id: String,
    /// The guest object it is for.
    pub user_id: String,
    /// The direct link, carrying the tenant so the guest signs into it.
    pub link: String,
}

/// `sender_id`, an owner of `app_id`, gets the app's direct link to send the guest named
/// by `guest` (object id, UPN or mail) of the same tenant.
///
/// Refused with `UNKNOWN_APP` (also an app a guest with limited or restricted access
/// neither owns nor reaches: they cannot read the tenant's apps), `NOT_APP_OWNER`,
/// `USER_NOT_FOUND` (no such user in the tenant: a direct link is for a guest already in
/// the directory) and `NOT_A_GUEST`.
// Entra "How users in your organization can invite guest users to an app": "after a guest user has been added to the directory, an application owner can send the guest user a direct link to the app".
pub fn app_link(
    dir: &Directory,
    tenant_id: &str,
    sender_id: &str,
    app_id: &str,
    guest: &str,
) -> Result<AppLink> {
    let app = dir
        .app(app_id)
        .filter(|a| a.tenant_id == tenant_id)
        .ok_or_else(|| Error::UnknownApp(app_id.to_string()))?;
    if !app.owners.iter().any(|o| o == sender_id) {
        if !reads_apps(dir, tenant_id, sender_id, app) {
            // No oracle: an app the sender may not read answers as one that does not exist.
            return Err(Error::UnknownApp(app_id.to_string()));
        }
        return Err(Error::NotAppOwner {
            app: app.id.clone(),
            user: sender_id.to_string(),
        });
    }
    let user = dir
        .find_user_in_tenant(tenant_id, guest.trim())?
        .ok_or_else(|| Error::UserNotFound {
            user: guest.to_string(),
            tenant: tenant_id.to_string(),
        })?;
    if !user.is_guest() {
        return Err(Error::NotAGuest(user.id.clone()));
    }
    Ok(AppLink {
        app_id: app.id.clone(),
        user_id: user.id.clone(),
        link: direct_link(offering_of(dir, &app.tenant_id), &app.tenant_id, &app.id),
    })
}

/// Whether `user_id` may read `app` of `tenant_id`: members, and guests with the same
/// access as members, read the tenant's apps; other guests only the apps they reach or
/// that a group they own reaches (what their view holds).
// Entra "Restrict guest access permissions": limited and restricted guests cannot enumerate directory objects.
fn reads_apps(dir: &Directory, tenant_id: &str, user_id: &str, app: &App) -> bool {
    let Some(user) = dir.user(user_id) else {
        return false;
    };
    let same_as_member = dir
        .tenant(tenant_id)
        .is_some_and(|t| t.settings.guest_access == crate::model::GuestAccess::SameAsMember);
    if !user.is_guest() || same_as_member {
        return true;
    }
    let groups = dir.transitive_groups_of(user_id);
    let owns = |id: &str| {
        dir.group(id)
            .is_some_and(|g| g.owners.iter().any(|o| o == user_id))
    };
    app.assignments
        .iter()
        .any(|p| p == user_id || owns(p) || groups.iter().any(|m| m.group_id == *p))
}
