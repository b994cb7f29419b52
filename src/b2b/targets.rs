//! Cross-tenant rules that cover only some people or applications (Entra cross-tenant
//! access settings, B2B collaboration "Applies to": users and groups, applications).
//!
//! A tenant-wide verdict ([`super::between`]) cannot say whether such a rule lets a
//! given guest in: it depends on who the guest is at home and which application they
//! use. This module decides it for one person and, where known, one application, and
//! names the setting that decided. What the directory cannot know stays unknown,
//! never a false "no": a guest whose home user is not in the directory cannot be matched
//! against a list of that tenant's users and groups, and an application nobody named
//! cannot be matched against a list of applications.

use super::Blocker;
use crate::directory::Directory;
use crate::model::{AccessTargets, Tenant, User};

/// Power Automate's first-party application id ("Microsoft Flow Service", listed in
/// Microsoft Entra's first-party applications and in the service's API permissions).
pub const POWER_AUTOMATE_APP_ID: &str = "7df0a125-d3be-4c96-aa54-591f83ff541c";

/// The `target` Graph uses for every user (`AllUsers`) and every application
/// (`AllApplications`), kept when a caller writes them into a target list.
const ALL_USERS: &str = "AllUsers";
const ALL_APPLICATIONS: &str = "AllApplications";

/// What a rule says about one person or application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetMatch {
    /// The rule lets them through.
    Allowed,
    /// The rule stops them.
    Blocked,
    /// The directory does not hold what the rule needs (the person's home user, or the
    /// application): the caller must not answer "no" on this alone.
    Unknown,
}

/// The targets that apply to `partner` in one direction of `tenant`'s settings, with
/// the setting's path: the partner's own when the partner entry sets that direction,
/// else the default's.
pub fn applying<'t>(
    tenant: &'t Tenant,
    partner: &str,
    inbound: bool,
) -> Option<(&'t AccessTargets, String)> {
    let access = &tenant.settings.cross_tenant_access;
    let name = if inbound { "inbound" } else { "outbound" };
    if let Some(p) = access.partners.get(partner) {
        let (value, targets) = if inbound {
            (p.inbound, p.inbound_targets.as_ref())
        } else {
            (p.outbound, p.outbound_targets.as_ref())
        };
        if value.is_some() || targets.is_some() {
            return targets.map(|t| {
                (
                    t,
                    format!("crossTenantAccess.partners.{partner}.{name}Targets"),
                )
            });
        }
    }
    let targets = if inbound {
        access.default.inbound_targets.as_ref()
    } else {
        access.default.outbound_targets.as_ref()
    };
    targets.map(|t| (t, format!("crossTenantAccess.default.{name}Targets")))
}

/// Whether `targets` let the person in: `home_user` is their user object in the tenant
/// the lists name (their home tenant), `None` when the directory does not hold it.
pub fn person_matches(
    dir: &Directory,
    targets: &AccessTargets,
    home_user: Option<&User>,
) -> TargetMatch {
    let list = &targets.users_and_groups;
    if list.is_empty() || list.iter().any(|t| t == ALL_USERS) {
        return verdict(targets.users_and_groups_allowed);
    }
    let Some(user) = home_user else {
        return TargetMatch::Unknown;
    };
    // Entra: a rule naming a group applies to its members, nested groups included.
    let named = list
        .iter()
        .any(|t| dir.membership_path(&user.id, t).is_some());
    verdict(named == targets.users_and_groups_allowed)
}

/// Whether `targets` let `app` through; `None` (an application nobody named) is
/// `Unknown` unless the rule covers every application.
pub fn application_matches(targets: &AccessTargets, app: Option<&str>) -> TargetMatch {
    let list = &targets.applications;
    if list.is_empty() || list.iter().any(|t| t == ALL_APPLICATIONS) {
        return verdict(targets.applications_allowed);
    }
    let Some(app) = app else {
        return TargetMatch::Unknown;
    };
    let named = list.iter().any(|t| t.eq_ignore_ascii_case(app));
    verdict(named == targets.applications_allowed)
}

fn verdict(allowed: bool) -> TargetMatch {
    if allowed {
        TargetMatch::Allowed
    } else {
        TargetMatch::Blocked
    }
}

/// What the person-level rules say about one guest: the settings that block them, and
/// whether some rule could not be decided.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonRules {
    /// The settings that certainly block, resource tenant first.
    pub blockers: Vec<Blocker>,
    /// A rule the directory cannot decide for them (see [`TargetMatch::Unknown`]).
    pub undecided: bool,
}

/// What the person-level rules say for `guest` (a guest object in `resource`, from
/// `home`) using `app`: the resource tenant's inbound targets, then the home tenant's
/// outbound targets.
pub fn person_rules(
    dir: &Directory,
    resource: &Tenant,
    home: &Tenant,
    guest: &User,
    app: Option<&str>,
) -> PersonRules {
    let home_user = guest.home_user_id.as_deref().and_then(|id| dir.user(id));
    let mut rules = PersonRules::default();
    direction_rules(dir, (resource, &home.id, true), home_user, app, &mut rules);
    direction_rules(dir, (home, &resource.id, false), home_user, app, &mut rules);
    rules
}

/// What the resource tenant's inbound rules say for a guest whose home tenant is
/// `home_id` (empty when not known: the default rule applies) and whose home user the
/// directory does not hold.
pub fn inbound_rules(
    dir: &Directory,
    resource: &Tenant,
    home_id: &str,
    app: Option<&str>,
) -> PersonRules {
    let mut rules = PersonRules::default();
    direction_rules(dir, (resource, home_id, true), None, app, &mut rules);
    rules
}

/// Adds what one direction's targets say: `(tenant, partner, inbound)` picks the rule.
fn direction_rules(
    dir: &Directory,
    (tenant, partner, inbound): (&Tenant, &str, bool),
    home_user: Option<&User>,
    app: Option<&str>,
    rules: &mut PersonRules,
) {
    let Some((targets, setting)) = applying(tenant, partner, inbound) else {
        return;
    };
    let code = if inbound {
        "INBOUND_BLOCKED"
    } else {
        "OUTBOUND_BLOCKED"
    };
    for (part, matched) in [
        ("usersAndGroups", person_matches(dir, targets, home_user)),
        ("applications", application_matches(targets, app)),
    ] {
        match matched {
            TargetMatch::Blocked => rules.blockers.push(Blocker {
                tenant_id: tenant.id.clone(),
                setting: format!("{setting}.{part}"),
                code,
            }),
            TargetMatch::Unknown => rules.undecided = true,
            TargetMatch::Allowed => {}
        }
    }
}
