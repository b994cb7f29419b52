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

use super::{between, direction, license_counts, Blocker, Collaboration, LicenseSource, Missing};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::{Tenant, User};
use serde::{Deserialize, Serialize, Serializer};

/// The three answers to "may they?": `allowed` and `denied` are certain; `unknown` means
/// the answer depends on a fact about a guest's home that the directory does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// Certainly yes.
    Allowed,
    /// Certainly no, with a code saying why.
    Denied,
    /// Depends on a fact about the guest's home the directory does not hold.
    Unknown,
}

impl Outcome {
    /// `"allowed"`, `"denied"` or `"unknown"`, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Allowed => "allowed",
            Outcome::Denied => "denied",
            Outcome::Unknown => "unknown",
        }
    }
}

/// A fact about a guest's home that the directory does not hold, most fundamental first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unknown {
    /// `HOME_TENANT_UNKNOWN`: which tenant the guest comes from, where the resource
    /// tenant's inbound settings answer differently per partner.
    HomeTenant,
    /// `HOME_OUTBOUND_UNKNOWN`: whether the home tenant's outbound settings let the guest
    /// collaborate here.
    HomeOutbound,
    /// `HOME_LICENSE_UNKNOWN`: whether the guest holds a licence that counts at home.
    HomeLicense,
}

impl Unknown {
    /// Every unknown fact, in the order answers report them.
    pub const ALL: [Unknown; 3] = [
        Unknown::HomeTenant,
        Unknown::HomeOutbound,
        Unknown::HomeLicense,
    ];

    /// The stable code naming the missing fact.
    pub fn code(self) -> &'static str {
        match self {
            Unknown::HomeTenant => "HOME_TENANT_UNKNOWN",
            Unknown::HomeOutbound => "HOME_OUTBOUND_UNKNOWN",
            Unknown::HomeLicense => "HOME_LICENSE_UNKNOWN",
        }
    }

    /// The field of [`HomeFacts`] that settles it (`homeFacts.<fact>` at sign-in).
    pub fn fact(self) -> &'static str {
        match self {
            Unknown::HomeTenant => "tenantId",
            Unknown::HomeOutbound => "outboundAllowed",
            Unknown::HomeLicense => "licensed",
        }
    }

    /// What is not known and how to settle it, in words a widget can show.
    pub fn message(self) -> &'static str {
        match self {
            Unknown::HomeTenant => {
                "not known yet: this tenant's cross-tenant settings differ per partner and the guest's home tenant is not in the directory; sign in with homeFacts.tenantId (the idp claim of the guest's token), or homeFacts.entraHome: false for an account with no Entra home, to know"
            }
            Unknown::HomeOutbound => {
                "not known yet: the guest's home tenant decides whether its people may collaborate outbound, and it is not in the directory; sign in with homeFacts.outboundAllowed (or homeFacts.entraHome: false for an account with no Entra home) to know"
            }
            Unknown::HomeLicense => {
                "not known yet: no licence that counts here, and the guest's home licences are not in the directory; sign in with homeFacts.licensed to know"
            }
        }
    }
}

impl Serialize for Unknown {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// One unknown fact spelled out: `{ code, fact, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnknownFact {
    /// `HOME_TENANT_UNKNOWN`, `HOME_OUTBOUND_UNKNOWN` or `HOME_LICENSE_UNKNOWN`.
    pub code: Unknown,
    /// The `homeFacts` field that settles it.
    pub fact: &'static str,
    /// What is not known, in words.
    pub message: &'static str,
}

impl From<Unknown> for UnknownFact {
    fn from(unknown: Unknown) -> UnknownFact {
        UnknownFact {
            code: unknown,
            fact: unknown.fact(),
            message: unknown.message(),
        }
    }
}

/// Facts about a guest's home that the caller knows and the directory may not hold
/// (`signIn({ tenantId, user, homeFacts })`). Each fills only a gap: what the directory
/// holds wins. Ignored for members.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
}

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
pub fn guest_collaboration(
    dir: &Directory,
    user: &User,
    facts: &HomeFacts,
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
    let home_id = user
        .home_tenant_id
        .as_deref()
        .or(facts.tenant_id.as_deref());
    if let Some(home) = home_id.and_then(|id| dir.tenant(id)) {
        return Ok(between(resource, home));
    }
    let mut blockers = Vec::new();
    let mut unknown = Vec::new();
    match inbound_without_home(resource, home_id) {
        Ok((true, _)) => {}
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
    let agree = access
        .partners
        .values()
        .all(|p| p.inbound.is_none_or(|v| v == default));
    if agree {
        Ok((default, "crossTenantAccess.default.inbound".into()))
    } else {
        Err(Unknown::HomeTenant)
    }
}

/// Where a person stands on the prerequisites of every Power Automate capability.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// They meet every prerequisite.
    Met,
    /// They certainly lack one (the first in the seed's order).
    Missing(Missing),
    /// Nothing certain is missing, but a fact about their home is not known.
    Unknown(Unknown),
}

impl Standing {
    /// The outcome this standing gives a capability that needs the prerequisites.
    pub fn outcome(self) -> Outcome {
        match self {
            Standing::Met => Outcome::Allowed,
            Standing::Missing(_) => Outcome::Denied,
            Standing::Unknown(_) => Outcome::Unknown,
        }
    }

    /// The code of a missing prerequisite or unknown fact (`None` when met).
    pub fn code(self) -> Option<&'static str> {
        match self {
            Standing::Met => None,
            Standing::Missing(m) => Some(m.code()),
            Standing::Unknown(u) => Some(u.code()),
        }
    }

    /// The message of a missing prerequisite or unknown fact (`None` when met).
    pub fn message(self) -> Option<&'static str> {
        match self {
            Standing::Met => None,
            Standing::Missing(m) => Some(m.message()),
            Standing::Unknown(u) => Some(u.message()),
        }
    }
}

/// Why a list of a Power Automate capability is empty: the prerequisite that is certainly
/// missing (`outcome: "denied"`) or the home fact that is not known (`"unknown"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Blocked {
    /// `denied` or `unknown`.
    pub outcome: Outcome,
    /// `INVITATION_PENDING`, `NO_LICENSE`, `NO_CONSENT` or an unknown fact's code.
    pub code: &'static str,
    /// The reason, in words a widget can show.
    pub message: &'static str,
}

impl Standing {
    /// What blocks the capability, or `None` when the prerequisites are met.
    pub fn blocked(self) -> Option<Blocked> {
        Some(Blocked {
            outcome: self.outcome(),
            code: self.code()?,
            message: self.message()?,
        })
    }
}

/// Where `user` stands on the prerequisites, with the home facts the caller supplied.
///
/// Power Automate "Support for guest users", Requirements: a licence that counts (in the
/// tenant hosting the flow or the home tenant) and signing in to Power Automate with
/// consent; they hold for every capability the document lists, approvals included. A
/// certain "no" is reported before an unknown fact; a guest whose collaboration is not
/// known (see [`guest_collaboration`]) has that unknown too. A collaboration that is
/// certainly blocked refuses the sign-in itself (`COLLABORATION_BLOCKED`), not this.
pub fn standing(dir: &Directory, user: &User, facts: &HomeFacts) -> Standing {
    if user.is_pending() {
        return Standing::Missing(Missing::InvitationPending);
    }
    let license = license(dir, user, facts);
    if license == Ok(None) {
        return Standing::Missing(Missing::NoLicense);
    }
    if !user.consented_to_power_automate {
        return Standing::Missing(Missing::NoConsent);
    }
    let collaboration_unknown = guest_collaboration(dir, user, facts)
        .ok()
        .and_then(|c| c.unknown.first().map(|u| u.code));
    match (collaboration_unknown, license) {
        (Some(unknown), _) | (None, Err(unknown)) => Standing::Unknown(unknown),
        (None, Ok(_)) => Standing::Met,
    }
}
