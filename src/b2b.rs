//! Collaboration between tenants, and what a person needs before they may use flows.
//!
//! Two tenants may collaborate when the resource tenant allows the home tenant
//! **inbound** and the home tenant allows the resource tenant **outbound** (a
//! per-partner setting overrides the tenant default). Across Microsoft clouds three more
//! things must hold, as Entra's "Enable B2B collaboration across Microsoft clouds"
//! (cross-cloud settings) describes: the two clouds are a pair Microsoft offers
//! (commercial with US Government, commercial with 21Vianet — never two sovereign clouds),
//! each tenant enables the other's cloud in its Microsoft cloud settings, and each tenant
//! has added the other to its organizational settings (a partner entry, even one that only
//! inherits the defaults): enabling a cloud blocks every tenant of that cloud until then.
//! A person may use flows once they hold a license that counts (an Office 365 plan or any
//! plan with Power Automate, on their object here or — for a guest — on their home user)
//! and have consented. What the resource tenant cannot see about a guest's home is
//! answered as unknown, never as "no" ([`home`]).

mod home;
mod outcome;
mod standing;

pub use home::{guest_collaboration, license, HomeFacts};
pub use outcome::{Outcome, Unknown, UnknownFact};
pub use standing::{standing, Blocked, Standing};

mod targets;

pub use targets::{
    application_matches, inbound_rules, person_matches, person_rules, PersonRules, TargetMatch,
    POWER_AUTOMATE_APP_ID,
};

use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::{Cloud, Tenant, User};
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
    /// `CLOUDS_NOT_PAIRED`, `CLOUD_NOT_ENABLED`, `PARTNER_NOT_ADDED`, `INBOUND_BLOCKED`
    /// or `OUTBOUND_BLOCKED`.
    pub code: &'static str,
}

/// The answer to "may these two tenants collaborate?" (`dir.collaboration`, and for a
/// guest `session.collaboration()`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Collaboration {
    /// True only when nothing blocks for certain and nothing is unknown.
    pub allowed: bool,
    /// `allowed`, `denied` (a setting blocks) or `unknown` (a fact is missing).
    pub outcome: Outcome,
    /// Every setting that blocks, resource tenant first.
    pub blockers: Vec<Blocker>,
    /// The facts about the guest's home it depends on and the directory does not hold;
    /// empty unless the outcome is `unknown`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<UnknownFact>,
}

impl Collaboration {
    /// A certain answer: allowed when nothing blocks.
    pub fn certain(blockers: Vec<Blocker>) -> Collaboration {
        Collaboration::with_unknown(blockers, Vec::new())
    }

    /// Denied when something blocks for certain (a certain "no" wins), else unknown when a
    /// fact is missing, else allowed.
    pub fn with_unknown(blockers: Vec<Blocker>, unknown: Vec<Unknown>) -> Collaboration {
        let outcome = if !blockers.is_empty() {
            Outcome::Denied
        } else if !unknown.is_empty() {
            Outcome::Unknown
        } else {
            Outcome::Allowed
        };
        Collaboration {
            allowed: outcome == Outcome::Allowed,
            outcome,
            blockers,
            unknown: match outcome {
                Outcome::Unknown => unknown.into_iter().map(UnknownFact::from).collect(),
                _ => Vec::new(),
            },
        }
    }
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
            across_clouds(resource, home, &mut blockers);
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
    Collaboration::certain(blockers)
}

/// Whether Microsoft offers B2B collaboration between tenants of clouds `a` and `b`: the
/// same cloud, or the commercial cloud with either sovereign cloud.
pub fn clouds_pair(a: Cloud, b: Cloud) -> bool {
    // Entra "Enable B2B collaboration across Microsoft clouds": commercial <-> US Government and commercial <-> 21Vianet only.
    a == b || a == Cloud::Global || b == Cloud::Global
}

/// Whether `user` is a guest whose home tenant (known here) is in another cloud than the
/// tenant their guest object lives in.
pub fn is_cross_cloud_guest(dir: &Directory, user: &User) -> bool {
    let cloud_of = |id: &str| dir.tenant(id).map(|t| t.cloud);
    match (user.is_guest(), user.home_tenant_id.as_deref()) {
        (true, Some(home)) => match (cloud_of(home), cloud_of(&user.tenant_id)) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        },
        _ => false,
    }
}

/// Refuses naming a cross-cloud guest by an address other than their user principal name
/// (`UPN_REQUIRED`): the object id, the guest object's UPN, their home user's UPN — or,
/// when the home user is not loaded, the address they were invited with — sign them in;
/// another mail address does not.
pub fn check_sign_in_name(dir: &Directory, user: &User, name: &str) -> Result<()> {
    if !is_cross_cloud_guest(dir, user) {
        return Ok(());
    }
    // Entra cross-cloud settings: "Users from another Microsoft cloud must be invited using their user principal name (UPN). Email as sign-in is not supported".
    let name = name.trim();
    let same = |a: &str| a.eq_ignore_ascii_case(name) || a.to_lowercase() == name.to_lowercase();
    let home_upn = user
        .home_user_id
        .as_deref()
        .and_then(|id| dir.user(id))
        .map(|home| home.user_principal_name.as_str());
    let by_upn = name == user.id
        || same(&user.user_principal_name)
        || match home_upn {
            Some(upn) => same(upn),
            None => user.mail.as_deref().is_some_and(same),
        };
    if by_upn {
        Ok(())
    } else {
        Err(Error::UpnRequired {
            user: user.id.clone(),
            tenant: user.tenant_id.clone(),
        })
    }
}

/// The blockers of two tenants in different clouds: a pair Microsoft does not offer, or on
/// each side a cloud not enabled or a partner not added.
fn across_clouds(resource: &Tenant, home: &Tenant, blockers: &mut Vec<Blocker>) {
    if !clouds_pair(resource.cloud, home.cloud) {
        blockers.push(Blocker {
            tenant_id: resource.id.clone(),
            setting: format!(
                "cloud (\"{}\" and \"{}\" never collaborate)",
                resource.cloud.as_str(),
                home.cloud.as_str()
            ),
            code: "CLOUDS_NOT_PAIRED",
        });
        return;
    }
    for (tenant, other) in [(resource, home), (home, resource)] {
        // Entra cross-cloud settings: both organizations enable the other's cloud in Microsoft cloud settings.
        if !tenant.settings.enabled_clouds.contains(&other.cloud) {
            blockers.push(Blocker {
                tenant_id: tenant.id.clone(),
                setting: format!("enabledClouds (needs \"{}\")", other.cloud.as_str()),
                code: "CLOUD_NOT_ENABLED",
            });
        }
        // Entra cross-cloud settings: "once you enable another Microsoft Azure cloud, all B2B collaboration is blocked by default for organizations in that cloud" until the tenant is added to Organizational settings.
        if !tenant
            .settings
            .cross_tenant_access
            .partners
            .contains_key(&other.id)
        {
            blockers.push(Blocker {
                tenant_id: tenant.id.clone(),
                setting: format!("crossTenantAccess.partners.{} (not added)", other.id),
                code: "PARTNER_NOT_ADDED",
            });
        }
    }
}

/// Whether `tenant` allows `partner` in the given direction, and which setting said so.
// Entra "Configure cross-tenant access settings for B2B collaboration": a partner's own setting overrides the default; either tenant can block.
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
/// it, or `app` is not given) is `TARGETED_RULE_UNKNOWN` unless `facts` settles it —
/// never a false "yes" or "no". A member, or a guest with no home tenant in the
/// directory, is always allowed.
pub fn collaboration_for(
    dir: &Directory,
    guest: &User,
    app: Option<&str>,
    facts: &HomeFacts,
) -> Result<Collaboration> {
    let Some(home_id) = guest.home_tenant_id.as_deref().filter(|_| guest.is_guest()) else {
        return Ok(Collaboration::certain(Vec::new()));
    };
    let resource = dir
        .tenant(&guest.tenant_id)
        .ok_or_else(|| Error::UnknownTenant(guest.tenant_id.clone()))?;
    let home = dir
        .tenant(home_id)
        .ok_or_else(|| Error::UnknownTenant(home_id.to_string()))?;
    let mut blockers = between(resource, home).blockers;
    let mut unknown = Vec::new();
    if resource.id != home.id {
        let rules = targets::person_rules(dir, resource, home, guest, app);
        add_person_rules(rules, resource, facts, &mut blockers, &mut unknown);
    }
    Ok(Collaboration::with_unknown(blockers, unknown))
}

/// Adds what the person-level rules say to an answer: their blockers, and for a rule
/// the directory cannot decide, what `facts.targetedRulesAllow` says or
/// `TARGETED_RULE_UNKNOWN`. No Microsoft document says how to answer a rule one cannot
/// evaluate; the conservative answer is neither yes nor no until the caller knows.
pub(crate) fn add_person_rules(
    rules: PersonRules,
    resource: &Tenant,
    facts: &HomeFacts,
    blockers: &mut Vec<Blocker>,
    unknown: &mut Vec<Unknown>,
) {
    blockers.extend(rules.blockers);
    match (rules.undecided, facts.targeted_rules_allow) {
        (false, _) | (true, Some(true)) => {}
        (true, Some(false)) => blockers.push(Blocker {
            tenant_id: resource.id.clone(),
            setting: "homeFacts.targetedRulesAllow".into(),
            code: "INBOUND_BLOCKED",
        }),
        (true, None) => unknown.push(Unknown::TargetedRule),
    }
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

/// Whether a licence assigned on `user` itself counts.
fn license_counts(user: &User) -> bool {
    user.licenses
        .iter()
        .any(|l| LICENSES_THAT_COUNT.contains(&l.as_str()))
}

/// The license that counts for `user`, if the directory knows of one: on the object
/// itself, or for a guest on their home user. `None` also when it is not known (see
/// [`license`] for the answer that tells the two apart).
pub fn license_source(dir: &Directory, user: &User) -> Option<LicenseSource> {
    license(dir, user, &HomeFacts::default()).ok().flatten()
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

/// The first prerequisite `user` certainly lacks for using flows, or `None` when nothing
/// is certainly missing (see [`standing`] for the answer that also says what is unknown).
pub fn flow_prerequisite(dir: &Directory, user: &User) -> Option<Missing> {
    match standing(dir, user, &HomeFacts::default()) {
        Standing::Missing(missing) => Some(missing),
        Standing::Met | Standing::Unknown(_) => None,
    }
}
