//! The rules every approval follows: when it expires, which approvers it waits for, what
//! a person's part in it is, and how a response settles it.

use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::{Approval, ApprovalStatus, ApprovalType, Id, APPROVE, REJECT};
use crate::timestamp::Timestamp;
use std::collections::HashMap;

/// An approval still pending this many days after `createdAt` is expired: the flow run
/// that waits for it has timed out.
// Power Automate "Limits of automated, scheduled, and instant flows": run duration 30 days from the run's start, pending approvals included; after 30 days any pending steps time out.
// (The Approvals "Known issues and limitations" page still says a flow can wait 28 days; the limits page is the one that defines run duration.)
pub const EXPIRES_AFTER_DAYS: i64 = 30;

/// When an approval created at `created` expires if still pending; `None` when that is
/// past the representable range (it never expires).
pub fn expires_at(created: Timestamp) -> Option<Timestamp> {
    created.plus_days(EXPIRES_AFTER_DAYS)
}

/// The status of `approval` at `now`: as stored, except that a pending approval past its
/// expiry is expired.
pub fn status_at(approval: &Approval, created: Timestamp, now: Timestamp) -> ApprovalStatus {
    match approval.status {
        ApprovalStatus::Pending if expires_at(created).is_some_and(|t| t <= now) => {
            ApprovalStatus::Expired
        }
        status => status,
    }
}

/// The creation time of a stored approval (validated when it was stored).
pub(super) fn created(approval: &Approval) -> Result<Timestamp> {
    Timestamp::parse(
        &format!("approvals[{}].createdAt", approval.id),
        &approval.created_at,
    )
}

/// Refuses acting on an approval that is not pending at `now`.
pub(super) fn check_pending(approval: &Approval, now: Timestamp) -> Result<()> {
    match status_at(approval, created(approval)?, now) {
        ApprovalStatus::Pending => Ok(()),
        ApprovalStatus::Completed => Err(Error::ApprovalCompleted(approval.id.clone())),
        ApprovalStatus::Canceled => Err(Error::ApprovalCanceled(approval.id.clone())),
        ApprovalStatus::Expired => Err(Error::ApprovalExpired(approval.id.clone())),
    }
}

/// Whether the approver `entry` has been answered (see [`Approval::is_answered`]).
pub(super) fn is_answered(approval: &Approval, entry: &str) -> bool {
    approval.is_answered(entry)
}

/// Positions in `approvers` the approval waits for now: every approver not yet answered;
/// none unless it is stored as pending (expiry is the caller's business: it depends on
/// the time).
// Approvals connector: every approval type assigns all its approvers at once; "sequential" is successive approval actions, each its own approval.
pub(super) fn awaited(approval: &Approval) -> impl Iterator<Item = usize> + '_ {
    let pending = approval.status == ApprovalStatus::Pending;
    approval
        .approvers
        .iter()
        .enumerate()
        .filter(move |(_, e)| pending && !is_answered(approval, e))
        .map(|(i, _)| i)
}

/// A signed-in person as approvals see them: their user id and every group they belong
/// to (nested groups counting) with the chain it came through.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub user_id: Id,
    groups: HashMap<Id, Vec<Id>>,
}

impl Person {
    /// Reads the person's groups from the directory.
    pub fn of(dir: &Directory, user_id: &str) -> Person {
        let groups = dir
            .transitive_groups_of(user_id)
            .into_iter()
            .map(|m| (m.group_id, m.path))
            .collect();
        Person {
            user_id: user_id.to_string(),
            groups,
        }
    }

    /// The person's user id and the ids of their groups.
    pub fn principals(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.user_id.as_str()).chain(self.groups.keys().map(String::as_str))
    }

    /// Whether the approver `entry` (a user or group id) is this person or a group of theirs.
    pub fn stands_for(&self, entry: &str) -> bool {
        entry == self.user_id || self.groups.contains_key(entry)
    }

    /// The chain of groups through which the person stands for `entry`; `None` when
    /// `entry` names them.
    pub fn via(&self, entry: &str) -> Option<&[Id]> {
        self.groups.get(entry).map(Vec::as_slice)
    }
}

/// A person's part in one approval.
#[derive(Debug, Clone, Default)]
pub(super) struct Standing {
    /// Their response, if they responded.
    pub responded: bool,
    /// Positions in `approvers` they stand for (named, or through a group).
    pub entries: Vec<usize>,
    /// Of those, the ones not yet answered.
    pub open: Vec<usize>,
    /// The position they would answer now: awaited, theirs, named directly if possible.
    pub turn: Option<usize>,
}

impl Standing {
    /// Reads `person`'s part in `approval`.
    pub fn of(approval: &Approval, person: &Person) -> Standing {
        let responded = approval
            .responses
            .iter()
            .any(|r| r.approver_id == person.user_id);
        let entries: Vec<usize> = approval
            .approvers
            .iter()
            .enumerate()
            .filter(|(_, e)| person.stands_for(e))
            .map(|(i, _)| i)
            .collect();
        let open: Vec<usize> = entries
            .iter()
            .copied()
            .filter(|i| {
                approval
                    .approvers
                    .get(*i)
                    .is_some_and(|e| !is_answered(approval, e))
            })
            .collect();
        let turn = if responded || open.is_empty() {
            None
        } else if approval.status == ApprovalStatus::Pending {
            prefer_named(approval, person, open.iter().copied())
        } else {
            None
        };
        Standing {
            responded,
            entries,
            open,
            turn,
        }
    }

    /// Whether the person is an approver at all (named, through a group, or responded).
    pub fn is_approver(&self) -> bool {
        self.responded || !self.entries.is_empty()
    }

    /// The position the person holds and could hand over: their turn, else their first
    /// unanswered position (named directly if possible). `None` once they responded.
    pub fn held(&self, approval: &Approval, person: &Person) -> Option<usize> {
        if self.responded {
            return None;
        }
        self.turn
            .or_else(|| prefer_named(approval, person, self.open.iter().copied()))
    }
}

/// The position naming the person directly among `positions`, else the first of them.
fn prefer_named(
    approval: &Approval,
    person: &Person,
    positions: impl Iterator<Item = usize>,
) -> Option<usize> {
    let mut first = None;
    for i in positions {
        if approval.approvers.get(i) == Some(&person.user_id) {
            return Some(i);
        }
        first.get_or_insert(i);
    }
    first
}

/// Settles `approval` after a response was added, by its type's rule: completes it (with
/// its outcome and `completedAt`) or leaves it pending.
pub(super) fn settle(approval: &mut Approval, response: &str, now: Timestamp) {
    let all_answered = approval.approvers.iter().all(|e| is_answered(approval, e));
    let outcome = match approval.approval_type {
        ApprovalType::FirstToRespond | ApprovalType::CustomWaitForOne => {
            Some(Some(response.to_string()))
        }
        ApprovalType::EveryoneMustApprove => {
            if response == REJECT {
                Some(Some(REJECT.to_string()))
            } else if all_answered {
                Some(Some(APPROVE.to_string()))
            } else {
                None
            }
        }
        ApprovalType::CustomWaitForAll => all_answered.then_some(None),
    };
    if let Some(outcome) = outcome {
        approval.status = ApprovalStatus::Completed;
        approval.outcome = outcome;
        approval.completed_at = Some(now.to_rfc3339());
    }
}
