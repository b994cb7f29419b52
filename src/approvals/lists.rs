//! The Received and Sent boxes of a signed-in person, read from the directory's approval
//! index: the person's own approvals and their groups', never a scan of every approval.

use super::rules::{self, Person, Standing};
use crate::directory::{ApprovalPostings, ApprovalRole, Directory};
use crate::model::{Approval, ApprovalStatus, Id};
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Which box to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ApprovalBox {
    /// Approvals where the person is an approver (named, or through a group).
    #[default]
    Received,
    /// Approvals the person requested.
    Sent,
}

crate::model::string_enum!(
    ApprovalBox,
    "ApprovalBox",
    [Received = "received", Sent = "sent"]
);

/// Which approvals of the box to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// Received: those waiting for the person's response now (for `sequential`, only
    /// when it is their turn). Sent: those still pending.
    #[default]
    Pending,
    /// Those no longer pending: completed, canceled or expired.
    Completed,
    /// Everything in the box.
    All,
}

crate::model::string_enum!(
    StatusFilter,
    "StatusFilter",
    [Pending = "pending", Completed = "completed", All = "all"]
);

/// `session.approvals({ box, status })`; both default to `received` and `pending`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct ApprovalQuery {
    /// `received` or `sent`.
    #[serde(rename = "box", default)]
    pub mailbox: ApprovalBox,
    /// `pending`, `completed` or `all`.
    #[serde(default)]
    pub status: StatusFilter,
}
crate::objects_only!(ApprovalQuery);

/// One approval in a list: the approval (with its status at the time asked) and what
/// the signed-in person may do with it. It borrows from the directory, copying only an
/// approval whose status differs from the stored one (pending, now expired).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalItem<'d> {
    /// The approval; `status` is `expired` once it was left pending 30 days.
    #[serde(flatten)]
    pub approval: Cow<'d, Approval>,
    /// When it expires (or expired) if left pending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// The approvers (users or groups) it waits for now; empty unless pending.
    pub waiting_for: Vec<&'d str>,
    /// The person may respond now (it waits for them and they have not responded).
    pub can_respond: bool,
    /// The person holds an approver position they have not answered and may hand over.
    pub can_reassign: bool,
    /// The person requested it and it is still pending.
    pub can_cancel: bool,
    /// When the person is an approver only through a group: the groups from theirs up
    /// to the group named among the approvers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Vec<Id>>,
    /// Display names of the people and groups the approval names (requester, approvers,
    /// responders, `via`) that the signed-in person may see; the session fills it
    /// (`session::Sight`), ids it leaves out are shown as ids.
    pub names: BTreeMap<&'d str, &'d str>,
}

impl<'d> ApprovalItem<'d> {
    /// Every principal id the approval names: its requester, approvers and responders
    /// (and who they answered for), and the groups of `via`.
    pub fn named(&self) -> impl Iterator<Item = &str> {
        let a = &*self.approval;
        std::iter::once(a.requester_id.as_str())
            .chain(a.approvers.iter().map(String::as_str))
            .chain(a.responses.iter().flat_map(|r| {
                std::iter::once(r.approver_id.as_str()).chain(r.on_behalf_of.as_deref())
            }))
            .chain(self.via.iter().flatten().map(String::as_str))
    }

    /// Describes `approval` (created at `created`, with `status` now) for `person`, whose
    /// part in it is `standing`.
    fn new(
        approval: &'d Approval,
        created: Timestamp,
        status: ApprovalStatus,
        person: &Person,
        standing: &Standing,
    ) -> ApprovalItem<'d> {
        let pending = status == ApprovalStatus::Pending;
        let waiting_for = if pending {
            rules::awaited(approval)
                .filter_map(|i| approval.approvers.get(i).map(String::as_str))
                .collect()
        } else {
            Vec::new()
        };
        let held = standing.held(approval, person);
        let shown = held
            .or_else(|| standing.entries.first().copied())
            .and_then(|i| approval.approvers.get(i));
        let via = if standing.entries.iter().any(|i| {
            approval
                .approvers
                .get(*i)
                .is_some_and(|e| *e == person.user_id)
        }) {
            None
        } else {
            shown.and_then(|e| person.via(e)).map(<[Id]>::to_vec)
        };
        let shown_approval = if approval.status == status {
            Cow::Borrowed(approval)
        } else {
            Cow::Owned(Approval {
                status,
                ..approval.clone()
            })
        };
        ApprovalItem {
            approval: shown_approval,
            expires_at: rules::expires_at(created).map(Timestamp::to_rfc3339),
            waiting_for,
            can_respond: pending && standing.turn.is_some(),
            can_reassign: pending && held.is_some(),
            can_cancel: pending && approval.requester_id == person.user_id,
            via,
            names: BTreeMap::new(),
        }
    }
}

/// The approvals of `tenant_id` in `user_id`'s box, newest first (ties by id), as of
/// `now`. The caller (the session) has checked that the person may use approvals.
pub fn list<'d>(
    dir: &'d Directory,
    tenant_id: &str,
    user_id: &str,
    query: &ApprovalQuery,
    now: Timestamp,
) -> Vec<ApprovalItem<'d>> {
    let person = Person::of(dir, user_id);
    let mut found: Vec<(Timestamp, &Approval)> = Vec::new();
    match query.mailbox {
        ApprovalBox::Received => {
            for principal in person.principals() {
                gather(
                    dir.approvals_of(principal, ApprovalRole::Approver),
                    query.status,
                    now,
                    &mut found,
                );
            }
        }
        ApprovalBox::Sent => gather(
            dir.approvals_of(user_id, ApprovalRole::Requester),
            query.status,
            now,
            &mut found,
        ),
    }
    // Newest first, then by id: two stable passes.
    crate::order::sort_by_text(&mut found, |(_, a)| &a.id);
    crate::order::sort_by_number(&mut found, |(t, _)| u128::MAX - t.order_bits());
    found.dedup_by(|(_, a), (_, b)| a.id == b.id);
    found
        .into_iter()
        .filter(|(_, a)| a.tenant_id == tenant_id)
        .filter_map(|(created, a)| {
            let status = rules::status_at(a, created, now);
            let pending = status == ApprovalStatus::Pending;
            let standing = Standing::of(a, &person);
            let wanted = match (query.status, query.mailbox) {
                (StatusFilter::All, _) => true,
                (StatusFilter::Completed, _) => !pending,
                (StatusFilter::Pending, ApprovalBox::Received) => {
                    pending && standing.turn.is_some()
                }
                (StatusFilter::Pending, ApprovalBox::Sent) => pending,
            };
            wanted.then(|| ApprovalItem::new(a, created, status, &person, &standing))
        })
        .collect()
}

/// Adds the postings that may match `status` at `now` (the rules filter them after):
/// pending ones are stored as pending and created within the last 30 days; completed
/// ones are stored as closed, or stored as pending and older.
fn gather<'d>(
    postings: ApprovalPostings<'d>,
    status: StatusFilter,
    now: Timestamp,
    found: &mut Vec<(Timestamp, &'d Approval)>,
) {
    let expired_until = now.minus_days(rules::EXPIRES_AFTER_DAYS);
    match (status, expired_until) {
        (StatusFilter::Pending, Some(until)) => found.extend(postings.open_created_after(until)),
        (StatusFilter::Pending, None) => found.extend(postings.open()),
        (StatusFilter::Completed, Some(until)) => {
            found.extend(postings.closed());
            found.extend(postings.open_created_until(until));
        }
        (StatusFilter::Completed, None) => found.extend(postings.closed()),
        (StatusFilter::All, _) => {
            found.extend(postings.open());
            found.extend(postings.closed());
        }
    }
}
