//! Collaboration between tenants, and what a person needs before they may use flows.
//!
//! Two tenants may collaborate when, across clouds, each tenant's Microsoft cloud
//! settings enable the other's cloud, the resource tenant allows the home tenant
//! **inbound** and the home tenant allows the resource tenant **outbound** (a
//! per-partner setting overrides the tenant default). A person may use flows once they
//! hold a license that counts (an Office 365 plan or any plan with Power Automate, on
//! their object here or — for a guest — on their home user) and have consented.

mod targets;

pub use targets::{application_matches, person_matches, TargetMatch, POWER_AUTOMATE_APP_ID};

use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::{Tenant, User};
use serde::Serialize;

/// License plan kinds that let a person use flows.
pub const LICENSES_THAT_COUNT: [&str; 2] = ["office365", "powerAutomate"];

/// Why two tenants may not collaborate: one tenant's setting says no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Blocker {
    /// The tenant whose setting blocks.
    pub tenant_id: String,
    /// The setting, as a path in the tenant's settings.
    pub setting: String,
    /// `CLOUD_NOT_ENABLED`, `INBOUND_BLOCKED` or `OUTBOUND_BLOCKED`.
    pub code: &'static str,
}

/// The answer to "may these two tenants collaborate?" (`dir.collaboration`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Collaboration {
    /// True when nothing blocks.
    pub allowed: bool,
    /// Every setting that blocks, resource tenant first.
    pub blockers: Vec<Blocker>,
}

/// May people of `home_tenant_id` be guests in `resource_tenant_id`?
///
/// ```
/// # fn main() -> Result<(), guestpass::Error> {
/// let dir = guestpass::directory::Directory::from_json_str(r#"{ "tenants": [
///   { "id": "contoso", "displayName": "Contoso", "initialDomain": "contoso.onmicrosoft.com" },
///   { "id": "tailspin", "displayName": "Tailspin", "cloud": "usgov",
///     "initialDomain": "tailspin.onmicrosoft.us" } ] }"#)?;
/// let verdict = guestpass::b2b::collaboration(&dir, "contoso", "tailspin")?;
/// assert!(!verdict.allowed);
/// assert_eq!(verdict.blockers[0].code, "CLOUD_NOT_ENABLED");
/// # Ok(()) }
/// ```
pub fn collaboration(
    dir: &Directory,
    resource_tenant_id: &str,
    home_tenant_id: &str,
) -> Result<Collaboration> {
    let resource = dir
        .tenant(resource_tenant_id)
        .ok_or_else(|| Error::UnknownTenant(resource_tenant_id.to_string()))?;
    let home = dir
        .tenant(home_tenant_id)
        .ok_or_else(|| Error::UnknownTenant(home_tenant_id.to_string()))?;
    Ok(between(resource, home))
}

/// The collaboration verdict between two tenants already looked up.
pub fn between(resource: &Tenant, home: &Tenant) -> Collaboration {
    let mut blockers = Vec::new();
    if resource.id != home.id {
        if resource.cloud != home.cloud {
            for (tenant, other) in [(resource, home), (home, resource)] {
                if !tenant.settings.enabled_clouds.contains(&other.cloud) {
                    blockers.push(Blocker {
                        tenant_id: tenant.id.clone(),
                        setting: format!("enabledClouds (needs \"{}\")", other.cloud.as_str()),
                        code: "CLOUD_NOT_ENABLED",
                    });
                }
            }
        }
        let (inbound, inbound_setting) = direction(resource, &home.id, true);
        if !inbound {
            blockers.push(Blocker {
                tenant_id: resource.id.clone(),
                setting: inbound_setting,
                code: "INBOUND_BLOCKED",
            });
        }
        let (outbound, outbound_setting) = direction(home, &resource.id, false);
        if !outbound {
            blockers.push(Blocker {
                tenant_id: home.id.clone(),
                setting: outbound_setting,
                code: "OUTBOUND_BLOCKED",
            });
        }
    }
    Collaboration {
        allowed: blockers.is_empty(),
        blockers,
    }
}

/// Whether `tenant` allows `partner` in the given direction, and which setting said so.
fn direction(tenant: &Tenant, partner: &str, inbound: bool) -> (bool, String) {
    let access = &tenant.settings.cross_tenant_access;
    let name = if inbound { "inbound" } else { "outbound" };
    // A partner entry that names only targets for a direction still sets it (on).
    let partner_value = access.partners.get(partner).and_then(|p| {
        let (value, targets) = if inbound {
            (p.inbound, p.inbound_targets.is_some())
        } else {
            (p.outbound, p.outbound_targets.is_some())
        };
        value.or(targets.then_some(true))
    });
    match partner_value {
        Some(value) => (
            value,
            format!("crossTenantAccess.partners.{partner}.{name}"),
        ),
        None => {
            let value = if inbound {
                access.default.inbound
            } else {
                access.default.outbound
            };
            (value, format!("crossTenantAccess.default.{name}"))
        }
    }
}

/// May this guest, as the person they are at home, collaborate in the tenant their
/// object lives in, using `app` when known (for example [`POWER_AUTOMATE_APP_ID`])?
/// The tenant-wide verdict of [`between`], plus the blockers of rules that cover only
/// some users, groups or applications (Entra cross-tenant access settings, "Applies
/// to"). A rule the directory cannot decide for this person (their home user is not in
/// it, or `app` is not named) adds no blocker. A member, or a guest with no home tenant
/// in the directory, is always allowed.
pub fn collaboration_for(
    dir: &Directory,
    guest: &User,
    app: Option<&str>,
) -> Result<Collaboration> {
    let Some(home_id) = guest.home_tenant_id.as_deref().filter(|_| guest.is_guest()) else {
        return Ok(Collaboration {
            allowed: true,
            blockers: Vec::new(),
        });
    };
    let resource = dir
        .tenant(&guest.tenant_id)
        .ok_or_else(|| Error::UnknownTenant(guest.tenant_id.clone()))?;
    let home = dir
        .tenant(home_id)
        .ok_or_else(|| Error::UnknownTenant(home_id.to_string()))?;
    let mut verdict = between(resource, home);
    if resource.id != home.id {
        verdict
            .blockers
            .extend(targets::person_blockers(dir, resource, home, guest, app));
    }
    verdict.allowed = verdict.blockers.is_empty();
    Ok(verdict)
}

/// Where a person's license that counts comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LicenseSource {
    /// Assigned on the object in the tenant signed into.
    ThisTenant,
    /// Assigned to a guest's home user in their home tenant.
    HomeTenant,
}

/// The license that counts for `user`, if any: on the object itself, or for a guest on
/// their home user.
pub fn license_source(dir: &Directory, user: &User) -> Option<LicenseSource> {
    let counts = |u: &User| {
        u.licenses
            .iter()
            .any(|l| LICENSES_THAT_COUNT.contains(&l.as_str()))
    };
    if counts(user) {
        return Some(LicenseSource::ThisTenant);
    }
    if user.is_guest() {
        let home = user.home_user_id.as_deref().and_then(|id| dir.user(id));
        if home.is_some_and(counts) {
            return Some(LicenseSource::HomeTenant);
        }
    }
    None
}

/// What a person lacks before they may use flows, first missing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Missing {
    /// A guest who has not redeemed their invitation.
    InvitationPending,
    /// No Office 365 or Power Automate license, here or at home.
    NoLicense,
    /// Has not signed in to Power Automate and consented.
    NoConsent,
}

impl Missing {
    /// The stable code of this missing prerequisite.
    pub fn code(self) -> &'static str {
        match self {
            Missing::InvitationPending => "INVITATION_PENDING",
            Missing::NoLicense => "NO_LICENSE",
            Missing::NoConsent => "NO_CONSENT",
        }
    }

    /// What to do about it, in words.
    pub fn message(self) -> &'static str {
        match self {
            Missing::InvitationPending => {
                "the guest has not redeemed their invitation; they must accept it first"
            }
            Missing::NoLicense => {
                "no license that counts: assign an Office 365 plan or a plan with Power Automate in this tenant or the guest's home tenant"
            }
            Missing::NoConsent => {
                "the person has not signed in to Power Automate and consented yet"
            }
        }
    }
}

/// The first prerequisite `user` lacks for using flows, or `None` when they have all.
pub fn flow_prerequisite(dir: &Directory, user: &User) -> Option<Missing> {
    if user.is_pending() {
        Some(Missing::InvitationPending)
    } else if license_source(dir, user).is_none() {
        Some(Missing::NoLicense)
    } else if !user.consented_to_power_automate {
        Some(Missing::NoConsent)
    } else {
        None
    }
}
