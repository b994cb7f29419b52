//! Graph's policies → a tenant's settings: `/policies/authorizationPolicy`,
//! `/policies/crossTenantAccessPolicy`, its `/default` and its `/partners`.
//!
//! - `authorizationPolicy.guestUserRoleId` is the guest access level, by the role
//!   template ids "authorizationPolicy resource type" lists: User
//!   (`a0b1b346-…`, same as members), Guest User (`10dae51f-…`, limited, the default)
//!   and Restricted Guest User (`2af84b1e-…`, restricted). Another id is refused.
//!   `allowInvitesFrom` is who may invite guests (`none`, `adminsAndGuestInviters`,
//!   `adminsGuestInvitersAndAllMembers`, `everyone`).
//! - `crossTenantAccessPolicy.allowedCloudEndpoints` are the other clouds enabled
//!   (Microsoft cloud settings, "Configure Microsoft cloud settings for B2B
//!   collaboration"): `microsoftonline.com` global, `microsoftonline.us` US Government,
//!   `partner.microsoftonline.cn` 21Vianet. An endpoint guestpass does not know enables
//!   nothing (the conservative answer: collaboration with it stays blocked).
//! - `b2bCollaborationInbound` and `b2bCollaborationOutbound` of the default and of each
//!   partner (Graph `crossTenantAccessPolicyB2BSetting`: `usersAndGroups` and
//!   `applications`, each `accessType` `allowed` or `blocked` and `targets`) become the
//!   direction and, when a rule names only some users, groups or applications, its
//!   targets. `AllUsers` and `AllApplications` mean everyone and everything. A partner's
//!   direction that is `null` inherits the default ("For any partner-specific property
//!   that is null, these settings inherit the behavior configured in your default
//!   cross-tenant access settings"), and so does a `null` half of it.
//!
//! Graph's documentation shows the policy of `GET /policies/crossTenantAccessPolicy`
//! wrapped in a `value` object; the service returns the entity itself. Both are read.

use super::fields::Object;
use crate::error::Result;
use crate::model::{
    AccessTargets, AllowInvitesFrom, Cloud, GuestAccess, PartnerAccess, TenantSettings,
};

/// `guestUserRoleId` values ("authorizationPolicy resource type").
const SAME_AS_MEMBERS: &str = "a0b1b346-4d3e-4e8b-98f8-753987be4970";
const LIMITED: &str = "10dae51f-b6af-4016-8d66-8c2a99b929b3";
const RESTRICTED: &str = "2af84b1e-32c8-42b7-82bc-daa82404023b";

/// Reads `authorizationPolicy` into `settings`.
pub(super) fn authorization(o: &Object<'_>, settings: &mut TenantSettings) -> Result<()> {
    if let Some(role) = o.string("guestUserRoleId")? {
        settings.guest_access = match role.to_ascii_lowercase().as_str() {
            SAME_AS_MEMBERS => GuestAccess::SameAsMember,
            LIMITED => GuestAccess::Limited,
            RESTRICTED => GuestAccess::Restricted,
            _ => {
                return Err(o.wrong(
                    "guestUserRoleId",
                    &format!(
                        "one of the guest role ids {SAME_AS_MEMBERS}, {LIMITED} or {RESTRICTED}"
                    ),
                    &format!("\"{role}\""),
                ))
            }
        };
    }
    if let Some(who) = o.string("allowInvitesFrom")? {
        settings.allow_invites_from = match who {
            "none" => AllowInvitesFrom::None,
            "adminsAndGuestInviters" => AllowInvitesFrom::AdminsAndGuestInviters,
            "adminsGuestInvitersAndAllMembers" => AllowInvitesFrom::AdminsGuestInvitersAndAllMembers,
            "everyone" => AllowInvitesFrom::Everyone,
            other => {
                return Err(o.wrong(
                    "allowInvitesFrom",
                    "\"none\", \"adminsAndGuestInviters\", \"adminsGuestInvitersAndAllMembers\" or \"everyone\"",
                    &format!("\"{other}\""),
                ))
            }
        };
    }
    Ok(())
}

/// Reads `crossTenantAccessPolicy` (its `allowedCloudEndpoints`) into `settings`.
pub(super) fn cross_tenant_policy(o: &Object<'_>, settings: &mut TenantSettings) -> Result<()> {
    let mut clouds = Vec::new();
    for endpoint in o.strings("allowedCloudEndpoints")? {
        let cloud = match endpoint.trim().to_ascii_lowercase().as_str() {
            "microsoftonline.com" => Cloud::Global,
            "microsoftonline.us" => Cloud::Usgov,
            "partner.microsoftonline.cn" => Cloud::China,
            _ => continue,
        };
        if !clouds.contains(&cloud) {
            clouds.push(cloud);
        }
    }
    settings.enabled_clouds = clouds;
    Ok(())
}

/// One half of a B2B setting: `accessType` and `targets`.
#[derive(Debug, Clone, PartialEq)]
struct Half {
    allowed: bool,
    /// Empty: every user or application.
    ids: Vec<String>,
}

/// One direction: its users-and-groups half and its applications half.
type Direction = (Option<Half>, Option<Half>);

fn half(parent: &Object<'_>, field: &'static str, all: &str) -> Result<Option<Half>> {
    let Some(o) = parent.object(field)? else {
        return Ok(None);
    };
    let allowed = match o.string("accessType")? {
        Some("allowed") | None => true,
        Some("blocked") => false,
        Some(other) => {
            return Err(o.wrong(
                "accessType",
                "\"allowed\" or \"blocked\"",
                &format!("\"{other}\""),
            ))
        }
    };
    let mut ids = Vec::new();
    for t in o.objects("targets")? {
        let target = t.required_string("target")?;
        if target.eq_ignore_ascii_case(all) {
            ids.clear();
            break;
        }
        ids.push(target.to_string());
    }
    Ok(Some(Half { allowed, ids }))
}

fn direction(parent: &Object<'_>, field: &'static str) -> Result<Option<Direction>> {
    let Some(o) = parent.object(field)? else {
        return Ok(None);
    };
    Ok(Some((
        half(&o, "usersAndGroups", "AllUsers")?,
        half(&o, "applications", "AllApplications")?,
    )))
}

/// A direction as the model holds it: on or off, and its targets when partial.
fn settle(users: &Half, apps: &Half) -> (bool, Option<AccessTargets>) {
    let all_blocked = |h: &Half| !h.allowed && h.ids.is_empty();
    let on = !all_blocked(users) && !all_blocked(apps);
    let partial = !users.ids.is_empty() || !apps.ids.is_empty();
    let targets = (on && partial).then(|| AccessTargets {
        users_and_groups: users.ids.clone(),
        users_and_groups_allowed: users.allowed,
        applications: apps.ids.clone(),
        applications_allowed: apps.allowed,
    });
    (on, targets)
}

fn everyone() -> Half {
    Half {
        allowed: true,
        ids: Vec::new(),
    }
}

/// The default configuration's two directions, as read (absent halves allow all).
#[derive(Debug, Clone, Default)]
pub(super) struct Defaults {
    inbound: Option<Direction>,
    outbound: Option<Direction>,
}

/// Reads the default configuration into `settings` and returns it for the partners.
pub(super) fn defaults(o: &Object<'_>, settings: &mut TenantSettings) -> Result<Defaults> {
    let read = Defaults {
        inbound: direction(o, "b2bCollaborationInbound")?,
        outbound: direction(o, "b2bCollaborationOutbound")?,
    };
    let d = &mut settings.cross_tenant_access.default;
    for (dir, on, targets) in [
        (&read.inbound, &mut d.inbound, &mut d.inbound_targets),
        (&read.outbound, &mut d.outbound, &mut d.outbound_targets),
    ] {
        if let Some((users, apps)) = dir {
            let (value, t) = settle(
                users.as_ref().unwrap_or(&everyone()),
                apps.as_ref().unwrap_or(&everyone()),
            );
            *on = value;
            *targets = t;
        }
    }
    Ok(read)
}

/// Reads one partner configuration into `settings` (keyed by its `tenantId`).
pub(super) fn partner(
    o: &Object<'_>,
    defaults: &Defaults,
    settings: &mut TenantSettings,
) -> Result<()> {
    let tenant_id = o.required_string("tenantId")?;
    let mut access = PartnerAccess::default();
    for (field, inherited, value, targets) in [
        (
            "b2bCollaborationInbound",
            &defaults.inbound,
            &mut access.inbound,
            &mut access.inbound_targets,
        ),
        (
            "b2bCollaborationOutbound",
            &defaults.outbound,
            &mut access.outbound,
            &mut access.outbound_targets,
        ),
    ] {
        let Some((users, apps)) = direction(o, field)? else {
            continue;
        };
        let from_default = |pick: fn(&Direction) -> &Option<Half>| {
            inherited
                .as_ref()
                .and_then(|d| pick(d).clone())
                .unwrap_or_else(everyone)
        };
        let users = users.unwrap_or_else(|| from_default(|d| &d.0));
        let apps = apps.unwrap_or_else(|| from_default(|d| &d.1));
        let (on, t) = settle(&users, &apps);
        *value = Some(on);
        *targets = t;
    }
    settings
        .cross_tenant_access
        .partners
        .insert(tenant_id.to_string(), access);
    Ok(())
}
