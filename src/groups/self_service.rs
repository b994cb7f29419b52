//! The administrator's side: turning self-service group management on for a tenant,
//! assigning people and groups to an app, and configuring the app for self-service.
//!
//! Self-service on an app needs single sign-on (`SSO_NOT_CONFIGURED`) and its group
//! assigned to the app (`GROUP_NOT_ASSIGNED_TO_APP`). The directory enforces this on every
//! app it stores — `fromJSON` and `upsertApp` included — so no world can hold a
//! half-configured app; [`configure_self_service`] adds that the group must take members
//! by hand (not dynamic, not synced from on-premises).

use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::limits;
use crate::model::{App, SelfService};
use serde::Deserialize;

/// What [`configure_self_service`] sets (`dir.configureSelfService(appId, { groupId,
/// requireApproval })`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct SelfServiceConfig {
    /// The group self-service adds people to; it must be assigned to the app.
    pub group_id: String,
    /// Whether requests need an owner's approval (default `false`).
    #[serde(default)]
    pub require_approval: bool,
}
crate::objects_only!(SelfServiceConfig);

/// Turns "owners can manage group membership requests" on or off for a tenant
/// (`settings.selfServiceGroupManagement`). Returns the tenant's new value.
pub fn set_self_service_group_management(
    dir: &mut Directory,
    tenant_id: &str,
    enabled: bool,
) -> Result<bool> {
    let mut tenant = dir
        .tenant(tenant_id)
        .cloned()
        .ok_or_else(|| Error::UnknownTenant(tenant_id.to_string()))?;
    tenant.settings.self_service_group_management = enabled;
    dir.upsert_tenant(tenant)?;
    Ok(enabled)
}

fn app(dir: &Directory, app_id: &str) -> Result<App> {
    dir.app(app_id)
        .cloned()
        .ok_or_else(|| Error::UnknownApp(app_id.to_string()))
}

/// Assigns a user or group of the app's tenant to the app; assigning someone already
/// assigned changes nothing. Returns the app as stored.
pub fn assign_to_app(dir: &mut Directory, app_id: &str, principal_id: &str) -> Result<App> {
    let mut next = app(dir, app_id)?;
    if next.assignments.iter().any(|p| p == principal_id) {
        return Ok(next);
    }
    next.assignments.push(principal_id.to_string());
    limits::list(format_args!("{app_id}.assignments"), &next.assignments)?;
    dir.upsert_app(next.clone())?;
    Ok(next)
}

/// Takes a user or group off the app's assignments; one not assigned changes nothing.
/// Refused with `GROUP_NOT_ASSIGNED_TO_APP` while it is the app's self-service group
/// (turn self-service off or choose another group first). Returns the app as stored.
pub fn unassign_from_app(dir: &mut Directory, app_id: &str, principal_id: &str) -> Result<App> {
    let mut next = app(dir, app_id)?;
    if !next.assignments.iter().any(|p| p == principal_id) {
        return Ok(next);
    }
    next.assignments.retain(|p| p != principal_id);
    dir.upsert_app(next.clone())?;
    Ok(next)
}

/// Turns self-service on for an app: people who get access are added to `group_id`.
/// Refused with `SSO_NOT_CONFIGURED`, `GROUP_NOT_ASSIGNED_TO_APP`, `UNKNOWN_GROUP`,
/// `CROSS_TENANT_REFERENCE`, `NOT_A_SECURITY_GROUP` (self-service adds people to a
/// security group), `DYNAMIC_GROUP` or `ON_PREMISES_GROUP`. Returns the app.
pub fn configure_self_service(
    dir: &mut Directory,
    app_id: &str,
    config: &SelfServiceConfig,
) -> Result<App> {
    let mut next = app(dir, app_id)?;
    let group = dir
        .group(&config.group_id)
        .ok_or_else(|| Error::UnknownGroup(config.group_id.clone()))?;
    if group.tenant_id != next.tenant_id {
        return Err(Error::CrossTenantReference {
            from: next.id.clone(),
            field: "selfService.groupId",
            to: group.id.clone(),
        });
    }
    super::app_requests::require_self_service_group(group)?;
    next.self_service = Some(SelfService {
        enabled: true,
        group_id: Some(config.group_id.clone()),
        require_approval: config.require_approval,
    });
    dir.upsert_app(next.clone())?;
    Ok(next)
}

/// Turns self-service off for an app, keeping its group and approval setting for when
/// it is turned on again. Returns the app.
pub fn disable_self_service(dir: &mut Directory, app_id: &str) -> Result<App> {
    let mut next = app(dir, app_id)?;
    if let Some(settings) = next.self_service.as_mut() {
        settings.enabled = false;
    }
    dir.upsert_app(next.clone())?;
    Ok(next)
}
