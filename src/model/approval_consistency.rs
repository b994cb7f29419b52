//! What a stored approval must say to be one Power Automate could hold, checked whenever
//! an approval is stored (`fromJSON`, `fromBytes`, `upsertApproval` and every action):
//! each response comes from an approver, a pending approval still waits for someone, and
//! no response or completion comes before the approval was created.
//!
//! These are the facts the outcome rules of `approvals` rely on: an approval that
//! broke one of them (a stranger's response completing it, a `firstToRespond` approval
//! waiting for nobody) would answer lists and notifications wrongly for ever after.

//!
//! It lives with the model (not in `approvals`) because the directory checks it on every
//! store, and the directory sits below the rules.

use super::{Approval, ApprovalStatus};
use crate::error::{Error, Result};
use crate::timestamp::Timestamp;

/// Refuses an approval whose responses, status or times contradict each other
/// (`INVALID_VALUE`, naming the field to fix).
pub fn check_consistent(a: &Approval) -> Result<()> {
    let refuse = |field: String, reason: String| Err(Error::InvalidValue { field, reason });
    for (i, r) in a.responses.iter().enumerate() {
        // Approvals connector: only the users assigned to an approval (AssignedTo) can respond to it.
        if r.on_behalf_of.is_none() && !a.approvers.contains(&r.approver_id) {
            return refuse(
                format!("approvals[{}].responses[{i}].approverId", a.id),
                format!(
                    "\"{}\" is not among the approvers; a response comes from an approver named in `approvers`, or from a member of a group approver with `onBehalfOf` naming that group",
                    r.approver_id
                ),
            );
        }
    }
    if a.status == ApprovalStatus::Pending && !a.responses.is_empty() && a.responses_settle() {
        // Approvals connector: "first to respond" completes at the first response; "everyone must approve" at the first Reject or the last Approve; "wait for all" once all answered.
        let waiting = a.approvers.iter().any(|e| !a.is_answered(e));
        return refuse(
            format!("approvals[{}].status", a.id),
            format!(
                "the approval is pending, but its responses already decide it under its type{}; store it as completed (with its outcome and completedAt) or remove the responses",
                if waiting { "" } else { " (every approver has answered)" }
            ),
        );
    }
    let created = Timestamp::parse(&format!("approvals[{}].createdAt", a.id), &a.created_at)?;
    for (i, r) in a.responses.iter().enumerate() {
        let field = format!("approvals[{}].responses[{i}].respondedAt", a.id);
        if Timestamp::parse(&field, &r.responded_at)? < created {
            return refuse(
                field,
                format!(
                    "{} is before the approval's createdAt ({}); a response comes after the approval exists",
                    r.responded_at, a.created_at
                ),
            );
        }
    }
    if let Some(at) = &a.completed_at {
        let field = format!("approvals[{}].completedAt", a.id);
        if Timestamp::parse(&field, at)? < created {
            return refuse(
                field,
                format!(
                    "{at} is before the approval's createdAt ({}); an approval ends after it was created",
                    a.created_at
                ),
            );
        }
    }
    Ok(())
}
