//! What a resource tenant cannot see about a guest's home, and the third answer it gives.
//!
//! A resource tenant cannot read a guest's home-tenant licences nor the home tenant's
//! outbound settings (Entra "Cross-tenant access overview": each organization manages its
//! own settings; Power Automate "Support for guest users": a licence "assigned through
//! either the tenant hosting the flow or the guest user's home tenant"). guestpass holds
//! those facts only when the directory holds the home tenant and the guest's home user.
//! Where an answer depends on a fact it does not hold, the answer is neither "yes" nor
//! "no": it is [`Outcome::Unknown`] with the [`Unknown`] fact named, and it becomes
//! certain when the caller supplies that fact ([`HomeFacts`], at sign-in, from its own
//! service or a token claim). A fact the directory holds always wins over a supplied one.

use super::{between, direction, license_counts, Blocker, Collaboration, LicenseSource, Unknown};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::{Tenant, User};
use serde::Deserialize;

/// Facts about a guest's home that the caller knows and the directory may not hold
/// (`signIn({ tenantId, user, homeFacts })`). Each fills only a gap: what the directory
/// holds wins. Ignored for members.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct HomeFacts {
    /// The guest's home tenant id (the `idp` claim of their token names it).
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// `false` for an account with no Microsoft Entra home tenant (a Microsoft account,
    /// email one-time passcode, Google, Facebook): no home licences, no home outbound
    /// settings, and the resource tenant's cross-tenant access settings do not apply.
    #[serde(default)]
    pub entra_home: Option<bool>,
    /// Whether the guest holds a licence that counts in their home tenant.
    #[serde(default)]
    pub licensed: Option<bool>,
    /// Whether the home tenant's outbound settings let the guest collaborate here.
    #[serde(default)]
    pub outbound_allowed: Option<bool>,
    /// Whether the cross-tenant rules that cover only some users, groups or applications
    /// let the guest in, where the directory cannot decide them.
    #[serde(default)]
    pub targeted_rules_allow: Option<bool>,
}
crate::objects_only!(HomeFacts);

impl HomeFacts {
    /// Whether the caller said the guest has no Entra home tenant.
    fn no_entra_home(&self) -> bool {
        self.entra_home == Some(false)
    }

    /// Refuses facts that contradict the directory or each other (`INVALID_VALUE`): a
    /// `tenantId` other than the guest's known home tenant or naming the tenant signed
    /// into, and `entraHome: false` beside a home tenant or a home licence.
    pub fn check(&self, user: &User) -> Result<()> {
        if !user.is_guest() {
            return Ok(());
        }
        let wrong = |field: &str, reason: String| Error::InvalidValue {
            field: format!("homeFacts.{field}"),
            reason,
        };
        if self.no_entra_home() {
            if let Some(home) = user.home_tenant_id.as_ref().or(self.tenant_id.as_ref()) {
                return Err(wrong(
                    "entraHome",
                    format!("the guest's home tenant is \"{home}\", an Entra tenant"),
                ));
            }
            if self.licensed == Some(true) {
                return Err(wrong(
                    "licensed",
                    "an account with no Entra home tenant has no home licences".into(),
                ));
            }
        }
        let Some(claimed) = &self.tenant_id else {
            return Ok(());
        };
        if claimed == &user.tenant_id {
            return Err(wrong(
                "tenantId",
                format!(
                    "\"{claimed}\" is the tenant signed into; a guest's home tenant is another one"
                ),
            ));
        }
        match &user.home_tenant_id {
            Some(home) if home != claimed => Err(wrong(
                "tenantId",
                format!(
                    "the directory has \"{home}\" as this guest's home tenant, not \"{claimed}\""
                ),
            )),
            _ => Ok(()),
        }
    }
}

/// The licence that counts for `user`: `Ok(None)` when certainly none, `Err` when it
/// depends on a home licence the directory does not hold and `facts` does not supply.
///
/// Power Automate "Support for guest users": a licence assigned "through either the
/// tenant hosting the flow or the guest user's home tenant" counts. The home licence is
/// known when the directory holds the guest's home user.
pub fn license(
    dir: &Directory,
    user: &User,
    facts: &HomeFacts,
) -> std::result::Result<Option<LicenseSource>, Unknown> {
    if license_counts(user) {
        return Ok(Some(LicenseSource::ThisTenant));
    }
    if !user.is_guest() {
        return Ok(None);
    }
    let home_user = user.home_user_id.as_deref().and_then(|id| dir.user(id));
    let home_licensed = match home_user {
        Some(home) => license_counts(home),
        None if facts.no_entra_home() => false,
        None => facts.licensed.ok_or(Unknown::HomeLicense)?,
    };
    Ok(home_licensed.then_some(LicenseSource::HomeTenant))
}

/// May the guest `user` collaborate with the tenant they are a guest in? Certain when the
/// directory holds their home tenant (or `facts` names one it holds); otherwise built
/// from what the resource tenant's settings say and what `facts` supplies. Members: allowed.
///
/// Without a known home tenant, the home is taken to be in the resource tenant's cloud:
/// Entra "Configure Microsoft cloud settings for B2B collaboration" lets another cloud's
/// people in only through a partner the resource tenant adds by tenant id, which the
/// caller can name in `facts.tenantId`.
///
/// `app` is the application the answer is about: guestpass's answers about flows and
/// approvals pass Power Automate's ([`super::POWER_AUTOMATE_APP_ID`]); a sign-in to the
/// widget's host passes `None`, leaving a rule that names applications unknown.
pub fn guest_collaboration(
    dir: &Directory,
    user: &User,
    facts: &HomeFacts,
    app: Option<&str>,
) -> Result<Collaboration> {
    // Entra "Cross-tenant access overview": the settings govern collaboration with other
    // Microsoft Entra organizations; an account with no Entra home is not one (external
    // collaboration settings govern it, which guestpass does not model).
    if !user.is_guest() || (user.home_tenant_id.is_none() && facts.no_entra_home()) {
        return Ok(Collaboration::certain(Vec::new()));
    }
    let resource = dir
        .tenant(&user.tenant_id)
        .ok_or_else(|| Error::UnknownTenant(user.tenant_id.clone()))?;
    if user.home_tenant_id.is_some() {
        // The home tenant is in the directory (validation sees to it): certain, person
        // by person where a partner rule names only some users or applications.
        return super::collaboration_for(dir, user, app, facts);
    }
    let home_id = facts.tenant_id.as_deref();
    if let Some(home) = home_id.and_then(|id| dir.tenant(id)) {
        let mut blockers = between(resource, home).blockers;
        let mut unknown = Vec::new();
        let rules = super::person_rules(dir, resource, home, user, app);
        super::add_person_rules(rules, resource, facts, &mut blockers, &mut unknown);
        return Ok(Collaboration::with_unknown(blockers, unknown));
    }
    let mut blockers = Vec::new();
    let mut unknown = Vec::new();
    match inbound_without_home(resource, home_id) {
        Ok((true, _)) => {
            let rules = super::inbound_rules(dir, resource, home_id.unwrap_or(""), app);
            super::add_person_rules(rules, resource, facts, &mut blockers, &mut unknown);
        }
        Ok((false, setting)) => blockers.push(Blocker {
            tenant_id: resource.id.clone(),
            setting,
            code: "INBOUND_BLOCKED",
        }),
        Err(fact) => unknown.push(fact),
    }
    match facts.outbound_allowed {
        Some(true) => {}
        Some(false) => blockers.push(Blocker {
            tenant_id: home_id.unwrap_or_default().to_string(),
            setting: "homeFacts.outboundAllowed".into(),
            code: "OUTBOUND_BLOCKED",
        }),
        None => unknown.push(Unknown::HomeOutbound),
    }
    Ok(Collaboration::with_unknown(blockers, unknown))
}

/// The resource tenant's inbound answer for a home the directory does not hold: the
/// partner entry of `home_id` if given (else the default, Entra "Cross-tenant access
/// settings": a partner entry overrides the default); without an id, certain only when
/// the default and every partner entry agree.
fn inbound_without_home(
    resource: &Tenant,
    home_id: Option<&str>,
) -> std::result::Result<(bool, String), Unknown> {
    if let Some(id) = home_id {
        return Ok(direction(resource, id, true));
    }
    let access = &resource.settings.cross_tenant_access;
    let default = access.default.inbound;
    // A partner entry with targets of its own may answer differently for some people.
    let agree = access.partners.values().all(|p| {
        p.inbound.is_none_or(|v| v == default)
            && (p.inbound_targets.is_none() || p.inbound_targets == access.default.inbound_targets)
    });
    if agree {
        Ok((default, "crossTenantAccess.default.inbound".into()))
    } else {
        Err(Unknown::HomeTenant)
    }
}
