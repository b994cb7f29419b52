//! Groups and the requests to join them.

use super::{is_false, Id};
use serde::{Deserialize, Serialize};

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
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
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
crate::objects_only!(serialize: Group);

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
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
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
crate::objects_only!(serialize: JoinRequest);
