//! Self-service groups: an administrator turns on "owners can manage group membership
//! requests", assigns a group to an app configured for self-service, and from then on the
//! group's owners decide who reaches the app — guests included, invited by email.
//!
//! - [`self_service`]: the administrator's settings — the tenant switch, app assignments
//!   and an app's self-service group (which needs single sign-on and the group assigned).
//! - [`invitations`]: an owner invites someone by email; a guest account is created as
//!   Microsoft Graph would, and redeemed later.
//! - [`mod@join_requests`]: people ask to join; open groups add at once, owner-approval groups
//!   wait for an owner's decision, closed groups refuse.
//! - [`members`]: an owner takes someone out of their group (and its apps).
//! - [`app_access`]: the apps a person reaches, directly or through (nested) groups, each
//!   with the direct link an app owner can send.
//! - [`app_requests`]: asking for an app (its `requireApproval` honoured), an owner
//!   inviting a guest to the app itself, and an app owner's direct link for a guest.
//! - [`owned`]: "Groups I own", each with the apps it reaches.
//!
//! Every change is computed first and stored through the directory's validated upserts,
//! so a refused call changes nothing. Groups whose membership the tenant does not manage
//! by hand — dynamic groups and groups synced from on-premises — never take members here.

pub mod address;
pub mod app_access;
pub mod app_requests;
pub mod invitations;
pub mod join_requests;
pub mod links;
pub mod members;
pub mod owned;
pub mod self_service;

pub use address::EmailAddress;
pub use app_access::{my_apps, AppAccess, Assignment};
pub use app_requests::{app_link, invite_to_app, request_app_access, AppLink};
pub use invitations::{
    invite, redeem_at_sign_in, redeem_by_link, redeem_invitation, Invitation, InvitationRequest,
    InvitationStatus, MessageInfo,
};
pub use join_requests::{
    decide_join_request, join_requests, request_to_join, JoinBox, JoinOutcome, JoinRequestItem,
    JoinResult,
};
pub use links::{direct_link, offering_of, parse_redeem_url, redeem_url, RedeemTarget};
pub use members::remove_from_group;
pub use owned::{groups_i_own, GroupApp, OwnedGroup};
pub use self_service::{
    assign_to_app, configure_self_service, disable_self_service, set_self_service_group_management,
    unassign_from_app, SelfServiceConfig,
};

use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::limits;
use crate::model::{Group, Tenant};

/// The tenant `tenant_id`, refused with `SELF_SERVICE_DISABLED` unless its administrator
/// turned on self-service group management.
pub(crate) fn self_service_tenant<'d>(dir: &'d Directory, tenant_id: &str) -> Result<&'d Tenant> {
    let tenant = dir
        .tenant(tenant_id)
        .ok_or_else(|| Error::UnknownTenant(tenant_id.to_string()))?;
    if !tenant.settings.self_service_group_management {
        return Err(Error::SelfServiceDisabled(tenant.id.clone()));
    }
    Ok(tenant)
}

/// The group `group_id` of `tenant_id` (a group of another tenant is `UNKNOWN_GROUP`: a
/// session never learns about other tenants' objects).
pub(crate) fn group_of_tenant<'d>(
    dir: &'d Directory,
    tenant_id: &str,
    group_id: &str,
) -> Result<&'d Group> {
    dir.group(group_id)
        .filter(|g| g.tenant_id == tenant_id)
        .ok_or_else(|| Error::UnknownGroup(group_id.to_string()))
}

/// Refuses a group whose members are not managed by hand here: dynamic membership
/// (`DYNAMIC_GROUP`) or synced from on-premises (`ON_PREMISES_GROUP`).
pub(crate) fn require_assigned_membership(group: &Group) -> Result<()> {
    if group.is_dynamic() {
        return Err(Error::DynamicGroup(group.id.clone()));
    }
    if group.on_premises_sync_enabled {
        return Err(Error::OnPremisesGroup(group.id.clone()));
    }
    Ok(())
}

/// Refuses `user_id` unless they own `group` (`NOT_GROUP_OWNER`).
pub(crate) fn require_owner(group: &Group, user_id: &str) -> Result<()> {
    if group.owners.iter().any(|o| o == user_id) {
        Ok(())
    } else {
        Err(Error::NotGroupOwner {
            group: group.id.clone(),
            user: user_id.to_string(),
        })
    }
}

/// Whether `principal` is a direct member of `group`.
pub(crate) fn is_direct_member(group: &Group, principal: &str) -> bool {
    group.members.iter().any(|m| m == principal)
}

/// `group` with `principal` added to its members, refused with `LIMIT_EXCEEDED` before
/// anything changes when the list is full.
pub(crate) fn with_member(group: &Group, principal: &str) -> Result<Group> {
    let mut next = group.clone();
    next.members.push(principal.to_string());
    limits::list(format_args!("{}.members", group.id), &next.members)?;
    Ok(next)
}

/// A fresh id built from `base` (cut to fit [`limits::MAX_ID_CHARS`]): `base` itself when
/// no object has it, else `base-2`, `base-3`, … — deterministic for the same directory.
pub(crate) fn fresh_id(dir: &Directory, base: &str) -> String {
    let base: String = base.chars().take(limits::MAX_ID_CHARS - 12).collect();
    if dir.kind_of(&base).is_none() {
        return base;
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| dir.kind_of(candidate).is_none())
        .unwrap_or(base)
}

/// Lower-case ASCII letters and digits of `text`, every other run of characters one `-`.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(
            slug("Eve.Adams+news@North-Wind.com"),
            "eve-adams-news-north-wind-com"
        );
        assert_eq!(slug("--x__"), "x");
        assert_eq!(slug("ünï"), "n");
    }
}
