//! A tenant and its settings: cloud, guest access and cross-tenant access.

use super::{unique_keys, yes, Id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which national cloud a tenant lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Cloud {
    /// Microsoft Azure commercial cloud.
    Global,
    /// Microsoft Azure Government (US).
    Usgov,
    /// Microsoft Azure operated by 21Vianet (China).
    China,
}

string_enum!(
    Cloud,
    "Cloud",
    [Global = "global", Usgov = "usgov", China = "china"]
);

impl Cloud {
    /// The JSON spelling of this cloud, for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Cloud::Global => "global",
            Cloud::Usgov => "usgov",
            Cloud::China => "china",
        }
    }
}

/// How much of the directory a guest may see (Entra "guest user access").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum GuestAccess {
    /// Guests have the same access as members.
    SameAsMember,
    /// Guests see only what they ask for exactly (the Entra default).
    #[default]
    Limited,
    /// Guests see nothing of the directory.
    Restricted,
}

string_enum!(
    GuestAccess,
    "GuestAccess",
    [
        SameAsMember = "sameAsMember",
        Limited = "limited",
        Restricted = "restricted"
    ]
);

/// One direction pair of cross-tenant access: may B2B collaboration come in / go out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct AccessDirections {
    /// Users of other tenants may be invited into this one.
    #[serde(default = "yes")]
    pub inbound: bool,
    /// Users of this tenant may be invited into other tenants.
    #[serde(default = "yes")]
    pub outbound: bool,
    /// When `inbound` covers only some people or applications: which.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_targets: Option<AccessTargets>,
    /// When `outbound` covers only some people or applications: which.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_targets: Option<AccessTargets>,
}
crate::objects_only!(serialize: AccessDirections);

impl Default for AccessDirections {
    fn default() -> Self {
        AccessDirections {
            inbound: true,
            outbound: true,
            inbound_targets: None,
            outbound_targets: None,
        }
    }
}

/// The people and applications a direction that is on covers, when not everyone and
/// everything (Entra cross-tenant access settings, "Applies to": the `usersAndGroups`
/// and `applications` of Graph's `crossTenantAccessPolicyB2BSetting`). An empty list
/// means all users (`AllUsers`) or all applications (`AllApplications`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct AccessTargets {
    /// User and group ids named by the rule (of the tenant whose people travel: the
    /// partner for inbound, this tenant for outbound); empty means all users.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub users_and_groups: Vec<Id>,
    /// True: only the named users and groups are allowed; false: they are blocked and
    /// everyone else is allowed.
    #[serde(default = "yes")]
    pub users_and_groups_allowed: bool,
    /// Application ids named by the rule; empty means all applications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applications: Vec<Id>,
    /// True: only the named applications are allowed; false: they are blocked.
    #[serde(default = "yes")]
    pub applications_allowed: bool,
}
crate::objects_only!(serialize: AccessTargets);

/// A per-partner override of the default cross-tenant access; an absent direction
/// falls back to the tenant default.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct PartnerAccess {
    /// Overrides `default.inbound` for this partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound: Option<bool>,
    /// Overrides `default.outbound` for this partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound: Option<bool>,
    /// When this partner's inbound rule covers only some people or applications: which.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inbound_targets: Option<AccessTargets>,
    /// When this partner's outbound rule covers only some people or applications: which.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbound_targets: Option<AccessTargets>,
}
crate::objects_only!(serialize: PartnerAccess);

/// Who may invite guests (Graph `authorizationPolicy.allowInvitesFrom`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AllowInvitesFrom {
    /// Nobody, admins included.
    None,
    /// Admins and the Guest Inviter role only (guestpass models no roles: nobody here).
    AdminsAndGuestInviters,
    /// Admins, guest inviters and every member, and guests with member permissions
    /// (guest access `sameAsMember`), as Entra's external collaboration settings say.
    AdminsGuestInvitersAndAllMembers,
    /// Everyone, guests included (Entra's default outside US Government).
    #[default]
    Everyone,
}

string_enum!(
    AllowInvitesFrom,
    "AllowInvitesFrom",
    [
        None = "none",
        AdminsAndGuestInviters = "adminsAndGuestInviters",
        AdminsGuestInvitersAndAllMembers = "adminsGuestInvitersAndAllMembers",
        Everyone = "everyone"
    ]
);

/// Cross-tenant access settings: a default and per-partner overrides keyed by tenant id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct CrossTenantAccess {
    /// Applies to every partner without its own setting.
    #[serde(default)]
    pub default: AccessDirections,
    /// Partner tenant id -> override. Each key names another tenant of the world, once.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub partners: BTreeMap<Id, PartnerAccess>,
}
crate::objects_only!(serialize: CrossTenantAccess);

/// A tenant's settings that guestpass reasons about.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct TenantSettings {
    /// Guest user access level for directory search.
    #[serde(default)]
    pub guest_access: GuestAccess,
    /// "Owners can manage group membership requests" (self-service group management).
    #[serde(default)]
    pub self_service_group_management: bool,
    /// Microsoft cloud settings: other clouds this tenant collaborates with.
    #[serde(default)]
    pub enabled_clouds: Vec<Cloud>,
    /// Cross-tenant access settings for B2B collaboration.
    #[serde(default)]
    pub cross_tenant_access: CrossTenantAccess,
    /// Who may invite guests.
    #[serde(default, skip_serializing_if = "is_everyone")]
    pub allow_invites_from: AllowInvitesFrom,
}
crate::objects_only!(serialize: TenantSettings);

fn is_everyone(value: &AllowInvitesFrom) -> bool {
    *value == AllowInvitesFrom::Everyone
}

/// Which US Government offering of Microsoft's online services a tenant uses: GCC runs
/// on the commercial cloud's directory, GCC High and DoD on Azure Government's.
// Power Automate "Power Automate US Government": GCC, GCC High and DoD plans, each with its own service URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum UsGovernment {
    /// Government Community Cloud (directory in the commercial cloud).
    Gcc,
    /// GCC High (directory in Azure Government).
    GccHigh,
    /// Department of Defense (directory in Azure Government).
    Dod,
}

string_enum!(
    UsGovernment,
    "UsGovernment",
    [Gcc = "gcc", GccHigh = "gccHigh", Dod = "dod"]
);

impl UsGovernment {
    /// The cloud a tenant of this offering lives in.
    pub fn cloud(self) -> Cloud {
        match self {
            UsGovernment::Gcc => Cloud::Global,
            UsGovernment::GccHigh | UsGovernment::Dod => Cloud::Usgov,
        }
    }

    /// The JSON spelling, for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            UsGovernment::Gcc => "gcc",
            UsGovernment::GccHigh => "gccHigh",
            UsGovernment::Dod => "dod",
        }
    }
}

/// A directory (Entra tenant) in one cloud.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct Tenant {
    /// Tenant id.
    pub id: Id,
    /// Organization name.
    pub display_name: String,
    /// The cloud this tenant lives in.
    #[serde(default = "default_cloud")]
    pub cloud: Cloud,
    /// Verified domains; a guest's mail domain names their home tenant.
    #[serde(default)]
    pub domains: Vec<String>,
    /// The `*.onmicrosoft.com` domain guest UPNs are minted in.
    pub initial_domain: String,
    /// The US Government offering (`gcc` in the global cloud; `gccHigh` or `dod` in
    /// `usgov`, where absent means `gccHigh`); absent for every other tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub us_government: Option<UsGovernment>,
    /// Settings; absent means Entra's defaults.
    #[serde(default)]
    pub settings: TenantSettings,
}
crate::objects_only!(serialize: Tenant);

fn default_cloud() -> Cloud {
    Cloud::Global
}
