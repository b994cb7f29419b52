//! Approvals: their type, their responses and where they stand.

use super::Id;
use serde::{Deserialize, Serialize};

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
