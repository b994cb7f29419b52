//! Approvals: their type, their responses and where they stand.

use super::Id;
use serde::{Deserialize, Serialize};

/// How an approval's responses decide its outcome: the four approval types of the
/// Approvals connector.
// Approvals connector ("Create an approval"): Approve/Reject - First to respond, Approve/Reject - Everyone must approve, Custom Responses - Wait for one response, Custom Responses - Wait for all responses.
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
}

/// Why `"sequential"` is refused where an approval type is expected.
// Power Automate builds a sequential approval as successive approval actions (each created when the previous one is approved); the Approvals connector has no sequential type.
pub const SEQUENTIAL_REFUSED: &str = "\"sequential\" is not an approval type of the Approvals connector: Power Automate builds a sequential approval as successive approvals, each created when the one before it is approved; store each step as its own approval (firstToRespond or everyoneMustApprove) with the approvers of that step";

/// The JSON spellings of [`ApprovalType`], in declaration order.
const APPROVAL_TYPES: [&str; 4] = [
    "firstToRespond",
    "everyoneMustApprove",
    "customWaitForOne",
    "customWaitForAll",
];

impl<'de> Deserialize<'de> for ApprovalType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        const ALL: [ApprovalType; 4] = [
            ApprovalType::FirstToRespond,
            ApprovalType::EveryoneMustApprove,
            ApprovalType::CustomWaitForOne,
            ApprovalType::CustomWaitForAll,
        ];
        let text = String::deserialize(d)?;
        if text == "sequential" {
            return Err(serde::de::Error::custom(SEQUENTIAL_REFUSED));
        }
        APPROVAL_TYPES
            .iter()
            .position(|s| *s == text)
            .and_then(|at| ALL.get(at).copied())
            .ok_or_else(|| serde::de::Error::unknown_variant(&text, &APPROVAL_TYPES))
    }
}

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
    /// Left pending too long (30 days after `createdAt`: the flow run waiting for it
    /// timed out). Lists report a pending approval
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
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
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
crate::objects_only!(serialize: ApprovalResponse);

/// An approval request; it belongs to one tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
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
    /// Approvers: users or groups.
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
    /// RFC 3339 creation time; still pending 30 days later, the approval expires.
    pub created_at: String,
    /// RFC 3339 time it completed, was canceled or expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    /// The flow that asked for it: a flow of the same tenant. Absent when it was not a
    /// flow's, or its flow is not known (deleted, or in an environment not loaded). A
    /// person's answers and views show it only when they hold a role on that flow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_id: Option<Id>,
    /// The Power Automate environment the approval lives in, by its name
    /// (`Default-<tenant id>` for the tenant's default environment), whose Dataverse
    /// holds its Approvals tables; absent when not known. Kept as the sources gave it: no
    /// rule reads it yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<String>,
}
crate::objects_only!(serialize: Approval);

impl Approval {
    /// Whether the approver `entry` (a user or group of `approvers`) has been answered: a
    /// response names it in `onBehalfOf`, or comes from it directly.
    pub fn is_answered(&self, entry: &str) -> bool {
        self.responses
            .iter()
            .any(|r| r.on_behalf_of.as_deref().unwrap_or(&r.approver_id) == entry)
    }

    /// Whether the responses this approval holds complete it under its type's rule
    /// (whatever its stored status says).
    // Approvals connector types: first to respond / wait for one response end at the first response; everyone must approve at a Reject or once all approved; wait for all responses once all answered.
    pub fn responses_settle(&self) -> bool {
        let all_answered = self.approvers.iter().all(|e| self.is_answered(e));
        match self.approval_type {
            ApprovalType::FirstToRespond | ApprovalType::CustomWaitForOne => {
                !self.responses.is_empty()
            }
            ApprovalType::EveryoneMustApprove => {
                all_answered || self.responses.iter().any(|r| r.response == REJECT)
            }
            ApprovalType::CustomWaitForAll => all_answered,
        }
    }
}
