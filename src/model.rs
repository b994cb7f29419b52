//! Plain data with Microsoft Graph's spellings: what a world is made of.
//!
//! Every type here (de)serializes as camelCase JSON with Graph's enum spellings
//! (`userType: "Guest"`, `externalUserState: "PendingAcceptance"`). Unknown fields are
//! refused, so a typo in input is an error instead of a silently ignored setting.
//! Nothing here knows about other modules: these are the records the rest of the crate
//! reasons about.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Implements `Deserialize` for an enum of unit variants written as JSON strings, through
/// [`variant_index`]: `string_enum!(Cloud, "Cloud", [Global = "global", ...])` lists every
/// variant in declaration order with its JSON spelling (the one its derived `Serialize`
/// writes; `tests::string_enums_round_trip` checks they agree).
macro_rules! string_enum {
    ($t:ident, $name:literal, [$($v:ident = $s:literal),* $(,)?]) => {
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                const ALL: &[$t] = &[$($t::$v),*];
                let at = $crate::model::variant_index(d, $name, &[$($s),*])?;
                ALL.get(at)
                    .copied()
                    .ok_or_else(|| <D::Error as serde::de::Error>::custom("variant index out of range"))
            }
        }
    };
}
pub(crate) use string_enum;

/// Reads one of `variants` (an enum of unit variants named `name`) and returns its
/// position.
///
/// This is what `#[derive(Deserialize)]` generates for such an enum — `deserialize_enum`,
/// an identifier for the variant, then a unit variant — so the same input is accepted
/// and the errors read the same (`unknown variant `x`, expected one of ...`), but the Wasm
/// module holds one copy of it instead of one per enum (about 1.2 KB each).
pub(crate) fn variant_index<'de, D: serde::Deserializer<'de>>(
    d: D,
    name: &'static str,
    variants: &'static [&'static str],
) -> Result<usize, D::Error> {
    d.deserialize_enum(name, variants, StringEnum { name, variants })
}

/// The visitor of [`variant_index`]: the enum, then its variant's name.
struct StringEnum {
    name: &'static str,
    variants: &'static [&'static str],
}

impl<'de> serde::de::Visitor<'de> for StringEnum {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "enum {}", self.name)
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (at, variant) = data.variant_seed(VariantName(self.variants))?;
        serde::de::VariantAccess::unit_variant(variant)?;
        Ok(at)
    }
}

/// A variant's name (or index) among the enum's variants.
struct VariantName(&'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for VariantName {
    type Value = usize;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl serde::de::Visitor<'_> for VariantName {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<usize, E> {
        match usize::try_from(v) {
            Ok(at) if at < self.0.len() => Ok(at),
            _ => Err(E::invalid_value(
                serde::de::Unexpected::Unsigned(v),
                &format!("variant index 0 <= i < {}", self.0.len()).as_str(),
            )),
        }
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|s| *s == v)
            .ok_or_else(|| E::unknown_variant(v, self.0))
    }

    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<usize, E> {
        self.0
            .iter()
            .position(|s| s.as_bytes() == v)
            .ok_or_else(|| E::unknown_variant(&String::from_utf8_lossy(v), self.0))
    }
}

/// An object id. Ids are unique across the whole world (tenants, users, groups, apps,
/// flows, approvals, connectors and join requests share one namespace).
pub type Id = String;

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

fn is_false(value: &bool) -> bool {
    !*value
}

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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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

/// A per-partner override of the default cross-tenant access; an absent direction
/// falls back to the tenant default.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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

/// Who may invite guests (Graph `authorizationPolicy.allowInvitesFrom`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AllowInvitesFrom {
    /// Nobody, admins included.
    None,
    /// Admins and the Guest Inviter role only (guestpass models no roles: nobody here).
    AdminsAndGuestInviters,
    /// Admins, guest inviters and every member (not guests).
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
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CrossTenantAccess {
    /// Applies to every partner without its own setting.
    #[serde(default)]
    pub default: AccessDirections,
    /// Partner tenant id -> override.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub partners: BTreeMap<Id, PartnerAccess>,
}

/// A tenant's settings that guestpass reasons about.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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

fn is_everyone(value: &AllowInvitesFrom) -> bool {
    *value == AllowInvitesFrom::Everyone
}

/// A directory (Entra tenant) in one cloud.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
    /// Settings; absent means Entra's defaults.
    #[serde(default)]
    pub settings: TenantSettings,
}

fn default_cloud() -> Cloud {
    Cloud::Global
}

/// Member of the tenant, or B2B guest from elsewhere (Graph `userType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum UserType {
    /// A member of the tenant.
    #[default]
    Member,
    /// A B2B guest.
    Guest,
}

string_enum!(UserType, "UserType", [Member = "Member", Guest = "Guest"]);

/// Invitation state of a guest (Graph `externalUserState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ExternalUserState {
    /// Invited, not yet redeemed.
    PendingAcceptance,
    /// Invitation redeemed.
    Accepted,
}

string_enum!(
    ExternalUserState,
    "ExternalUserState",
    [
        PendingAcceptance = "PendingAcceptance",
        Accepted = "Accepted"
    ]
);

/// A user object in one tenant: a member, or a guest's object in the resource tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct User {
    /// Object id.
    pub id: Id,
    /// The tenant this object lives in.
    pub tenant_id: Id,
    /// Name shown in pickers.
    pub display_name: String,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// Real email address (a guest's home address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail: Option<String>,
    /// Further addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_mails: Vec<String>,
    /// Sign-in name; for a guest `alice_contoso.com#EXT#@fabrikam.onmicrosoft.com`.
    pub user_principal_name: String,
    /// Member or guest.
    #[serde(default)]
    pub user_type: UserType,
    /// A guest's invitation state; `None` for members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_user_state: Option<ExternalUserState>,
    /// How the object came to be (`"Invitation"` for invited guests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_type: Option<String>,
    /// Job title (searched, weighted lowest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// A guest's home tenant, when it is part of the world.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_tenant_id: Option<Id>,
    /// A guest's user object in their home tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_user_id: Option<Id>,
    /// License plan kinds assigned on this object (`office365`, `powerAutomate`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licenses: Vec<String>,
    /// Signed in to Power Automate and consented.
    #[serde(default, skip_serializing_if = "is_false")]
    pub consented_to_power_automate: bool,
    /// The account may sign in (Graph `accountEnabled`); a disabled one cannot.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub account_enabled: bool,
}

impl User {
    /// Whether this object is a B2B guest.
    pub fn is_guest(&self) -> bool {
        self.user_type == UserType::Guest
    }

    /// Whether this guest has not yet redeemed their invitation.
    pub fn is_pending(&self) -> bool {
        self.external_user_state == Some(ExternalUserState::PendingAcceptance)
    }
}

/// Who may join a group by asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum JoinPolicy {
    /// Nobody joins by asking.
    #[default]
    Closed,
    /// Anyone in the tenant joins at once.
    Open,
    /// A request waits for an owner's decision.
    OwnerApproval,
}

string_enum!(
    JoinPolicy,
    "JoinPolicy",
    [
        Closed = "closed",
        Open = "open",
        OwnerApproval = "ownerApproval"
    ]
);

/// A security or Microsoft 365 group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Group {
    /// Object id.
    pub id: Id,
    /// The tenant this group lives in.
    pub tenant_id: Id,
    /// Name.
    pub display_name: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A security group.
    #[serde(default)]
    pub security_enabled: bool,
    /// A mail-enabled group.
    #[serde(default, skip_serializing_if = "is_false")]
    pub mail_enabled: bool,
    /// `"Unified"` (Microsoft 365) and/or `"DynamicMembership"`.
    #[serde(default)]
    pub group_types: Vec<String>,
    /// Synced from on-premises Active Directory.
    #[serde(default)]
    pub on_premises_sync_enabled: bool,
    /// Join policy for self-service requests.
    #[serde(default)]
    pub join_policy: JoinPolicy,
    /// Owner user ids.
    #[serde(default)]
    pub owners: Vec<Id>,
    /// Member ids: users or groups of the same tenant.
    #[serde(default)]
    pub members: Vec<Id>,
}

/// The `groupTypes` value of a group with rule-based membership.
pub const DYNAMIC_MEMBERSHIP: &str = "DynamicMembership";
/// The `groupTypes` value of a Microsoft 365 group.
pub const UNIFIED: &str = "Unified";

impl Group {
    /// Whether membership is computed by a rule (guests can never be added).
    pub fn is_dynamic(&self) -> bool {
        self.group_types.iter().any(|t| t == DYNAMIC_MEMBERSHIP)
    }

    /// Whether this is a Microsoft 365 group.
    pub fn is_unified(&self) -> bool {
        self.group_types.iter().any(|t| t == UNIFIED)
    }
}

/// Single sign-on mode of an enterprise app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SingleSignOn {
    /// Not configured.
    #[default]
    None,
    /// SAML-based.
    Saml,
    /// OpenID Connect (gallery).
    Oidc,
    /// Password-based.
    Password,
    /// Linked.
    Linked,
}

string_enum!(
    SingleSignOn,
    "SingleSignOn",
    [
        None = "none",
        Saml = "saml",
        Oidc = "oidc",
        Password = "password",
        Linked = "linked"
    ]
);

/// Self-service access settings of an app.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SelfService {
    /// Users may request access.
    #[serde(default)]
    pub enabled: bool,
    /// The group self-service adds people to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<Id>,
    /// Requests need an owner's approval.
    #[serde(default)]
    pub require_approval: bool,
}

/// An enterprise application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct App {
    /// Object id.
    pub id: Id,
    /// The tenant this app lives in.
    pub tenant_id: Id,
    /// Name.
    pub display_name: String,
    /// Single sign-on mode.
    #[serde(default)]
    pub single_sign_on: SingleSignOn,
    /// Self-service settings, if configured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_service: Option<SelfService>,
    /// Owner user ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<Id>,
    /// Users and groups assigned to the app.
    #[serde(default)]
    pub assignments: Vec<Id>,
}

/// What starts a flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Trigger {
    /// Started by a person (button, widget); the only kind that can have run-only users.
    Manual,
    /// Started by an event.
    Automated,
    /// Started on a schedule.
    Scheduled,
}

string_enum!(
    Trigger,
    "Trigger",
    [
        Manual = "manual",
        Automated = "automated",
        Scheduled = "scheduled"
    ]
);

/// A Power Automate flow and its sharing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Flow {
    /// Object id.
    pub id: Id,
    /// The tenant (environment) this flow lives in.
    pub tenant_id: Id,
    /// Name.
    pub display_name: String,
    /// Trigger kind.
    pub trigger: Trigger,
    /// Turned on.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub enabled: bool,
    /// The creator.
    pub owner_id: Id,
    /// Co-owners: users or groups.
    #[serde(default)]
    pub co_owners: Vec<Id>,
    /// Run-only users: users or groups (manual trigger only).
    #[serde(default)]
    pub run_only: Vec<Id>,
}

/// How an approval's responses decide its outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ApprovalType {
    /// The first response decides (Approve/Reject).
    FirstToRespond,
    /// Everyone must approve; one Reject ends it (Approve/Reject).
    EveryoneMustApprove,
    /// Custom responses; the first response decides.
    CustomWaitForOne,
    /// Custom responses; waits for every approver.
    CustomWaitForAll,
    /// Approvers in order; each Approve moves to the next.
    Sequential,
}

string_enum!(
    ApprovalType,
    "ApprovalType",
    [
        FirstToRespond = "firstToRespond",
        EveryoneMustApprove = "everyoneMustApprove",
        CustomWaitForOne = "customWaitForOne",
        CustomWaitForAll = "customWaitForAll",
        Sequential = "sequential"
    ]
);

/// The response that approves, among the options of the Approve/Reject types.
pub const APPROVE: &str = "Approve";
/// The response that rejects, among the options of the Approve/Reject types.
pub const REJECT: &str = "Reject";

impl ApprovalType {
    /// Whether the requester chooses the response options (`customWaitForOne`,
    /// `customWaitForAll`); the other types answer [`APPROVE`] or [`REJECT`].
    pub fn has_custom_responses(self) -> bool {
        matches!(
            self,
            ApprovalType::CustomWaitForOne | ApprovalType::CustomWaitForAll
        )
    }
}

/// Where an approval stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ApprovalStatus {
    /// Waiting for responses.
    #[default]
    Pending,
    /// Decided.
    Completed,
    /// Canceled by the requester.
    Canceled,
    /// Left pending too long (28 days after `createdAt`). Lists report a pending approval
    /// as expired once the clock passes that time, without changing what is stored.
    Expired,
}

string_enum!(
    ApprovalStatus,
    "ApprovalStatus",
    [
        Pending = "pending",
        Completed = "completed",
        Canceled = "canceled",
        Expired = "expired"
    ]
);

/// One approver's response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApprovalResponse {
    /// Who responded.
    pub approver_id: Id,
    /// One of the approval's response options.
    pub response: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<String>,
    /// RFC 3339 time of the response.
    pub responded_at: String,
    /// The group approver this person answered for, when they answered as a member of a
    /// group named in `approvers` rather than as an approver named themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<Id>,
}

/// An approval request; it belongs to one tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Approval {
    /// Object id.
    pub id: Id,
    /// The tenant whose Approvals page shows it.
    pub tenant_id: Id,
    /// Title.
    pub title: String,
    /// Details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Who asked.
    pub requester_id: Id,
    /// Approvers: users or groups, in order (order matters for `sequential`).
    pub approvers: Vec<Id>,
    /// Outcome rule.
    #[serde(rename = "type")]
    pub approval_type: ApprovalType,
    /// The responses an approver may give.
    pub response_options: Vec<String>,
    /// Responses so far.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<ApprovalResponse>,
    /// Where it stands.
    #[serde(default)]
    pub status: ApprovalStatus,
    /// The deciding response, once completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// RFC 3339 creation time; still pending 28 days later, the approval expires.
    pub created_at: String,
    /// RFC 3339 time it completed, was canceled or expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
}

/// A connector whose pickers may or may not offer guests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Connector {
    /// Connector id (`shared_office365`).
    pub id: Id,
    /// Name.
    pub display_name: String,
    /// Whether its people pickers support guests.
    #[serde(default = "yes")]
    pub guest_picker: bool,
}

/// Where a request to join a group stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum JoinRequestStatus {
    /// Waiting for an owner.
    #[default]
    Pending,
    /// An owner approved; the person was added.
    Approved,
    /// An owner declined.
    Declined,
}

string_enum!(
    JoinRequestStatus,
    "JoinRequestStatus",
    [
        Pending = "pending",
        Approved = "approved",
        Declined = "declined"
    ]
);

/// A request by a person to join a group that requires owner approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JoinRequest {
    /// Object id.
    pub id: Id,
    /// The group asked for.
    pub group_id: Id,
    /// Who asked.
    pub user_id: Id,
    /// Where it stands.
    #[serde(default)]
    pub status: JoinRequestStatus,
    /// The owner who decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<Id>,
}

/// Everything guestpass knows, as one JSON document (`Directory.fromJSON`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct World {
    /// Tenants.
    #[serde(default)]
    pub tenants: Vec<Tenant>,
    /// Users: members and guest objects.
    #[serde(default)]
    pub users: Vec<User>,
    /// Groups.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// Enterprise apps.
    #[serde(default)]
    pub apps: Vec<App>,
    /// Flows.
    #[serde(default)]
    pub flows: Vec<Flow>,
    /// Approvals.
    #[serde(default)]
    pub approvals: Vec<Approval>,
    /// Connectors.
    #[serde(default)]
    pub connectors: Vec<Connector>,
    /// Requests to join groups.
    #[serde(default)]
    pub join_requests: Vec<JoinRequest>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `#[derive(Deserialize)]` makes of `Cloud`, to compare `string_enum!` with.
    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    enum DerivedCloud {
        Global,
        Usgov,
        China,
    }

    #[test]
    fn string_enums_read_and_fail_like_derived_ones() {
        for input in [
            r#""global""#,
            r#""china""#,
            r#""\u0067lobal""#,
            r#""mars""#,
            r#""Global""#,
            r#""""#,
            "3",
            "-1",
            "1.5",
            "null",
            "true",
            "[]",
            r#"["global"]"#,
            "{}",
            r#"{"global":null}"#,
            r#"{"global":1}"#,
            r#"{"mars":null}"#,
            r#"{"global":null,"usgov":null}"#,
            r#" "usgov" "#,
            r#""usgov"#,
        ] {
            let ours = serde_json::from_str::<Cloud>(input).map_err(|e| e.to_string());
            let derived = serde_json::from_str::<DerivedCloud>(input).map_err(|e| e.to_string());
            match (&ours, &derived) {
                (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{input}"),
                (Err(a), Err(b)) => assert_eq!(a, b, "{input}"),
                _ => panic!("{input}: {ours:?} against {derived:?}"),
            }
        }
    }

    fn round_trip<T>(all: &[T])
    where
        T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug,
    {
        for v in all {
            let text = serde_json::to_string(v).unwrap();
            assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), v, "{text}");
        }
    }

    #[test]
    fn string_enums_read_what_they_write() {
        use crate::sharing::Role;
        round_trip(&[Cloud::Global, Cloud::Usgov, Cloud::China]);
        round_trip(&[
            GuestAccess::SameAsMember,
            GuestAccess::Limited,
            GuestAccess::Restricted,
        ]);
        round_trip(&[UserType::Member, UserType::Guest]);
        round_trip(&[
            AllowInvitesFrom::None,
            AllowInvitesFrom::AdminsAndGuestInviters,
            AllowInvitesFrom::AdminsGuestInvitersAndAllMembers,
            AllowInvitesFrom::Everyone,
        ]);
        round_trip(&[
            ExternalUserState::PendingAcceptance,
            ExternalUserState::Accepted,
        ]);
        round_trip(&[
            JoinPolicy::Closed,
            JoinPolicy::Open,
            JoinPolicy::OwnerApproval,
        ]);
        round_trip(&[
            SingleSignOn::None,
            SingleSignOn::Saml,
            SingleSignOn::Oidc,
            SingleSignOn::Password,
            SingleSignOn::Linked,
        ]);
        round_trip(&[Trigger::Manual, Trigger::Automated, Trigger::Scheduled]);
        round_trip(&[
            ApprovalType::FirstToRespond,
            ApprovalType::EveryoneMustApprove,
            ApprovalType::CustomWaitForOne,
            ApprovalType::CustomWaitForAll,
            ApprovalType::Sequential,
        ]);
        round_trip(&[
            ApprovalStatus::Pending,
            ApprovalStatus::Completed,
            ApprovalStatus::Canceled,
            ApprovalStatus::Expired,
        ]);
        round_trip(&[
            JoinRequestStatus::Pending,
            JoinRequestStatus::Approved,
            JoinRequestStatus::Declined,
        ]);
        round_trip(&[Role::RunOnly, Role::CoOwner, Role::Owner]);
    }
}
