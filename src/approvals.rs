//! Approvals per tenant: what each person sees where they are signed in, and how
//! approvals resolve.
//!
//! An approval belongs to one tenant, and a person sees the approvals of the tenant they
//! are signed into and no other: signed into their home tenant, a guest does not see the
//! approvals of a tenant where they are a guest, and signed in there as a guest they do
//! not see their home tenant's. (Their member object and their guest object are different
//! users, each of one tenant, and every list and action is about the session's tenant.)
//!
//! # Approvers
//!
//! `approvers` names users and groups of the approval's tenant, in order. **A group is one
//! approver**: any of its members (nested groups counting) may answer for it, and the
//! first member to answer fills it (their response records the group in `onBehalfOf`).
//! A person responds once per approval. When a person is named directly and also belongs
//! to a group approver, their response answers for them as named.
//!
//! # Outcome rules, by type
//!
//! | type | who is waited for | completes |
//! |------|-------------------|-----------|
//! | `firstToRespond` | every approver | at the first response, with its outcome (Approve/Reject) |
//! | `customWaitForOne` | every approver | at the first response, with the option chosen |
//! | `everyoneMustApprove` | every approver not yet answered | at the first Reject (outcome Reject), or once all approved (Approve) |
//! | `customWaitForAll` | every approver not yet answered | once every approver answered; no single `outcome`: the responses are the result |
//! | `sequential` | the first approver not yet answered, in order | at the first Reject, or once the last approved |
//!
//! # Time and expiry
//!
//! An approval still pending [`EXPIRES_AFTER_DAYS`] days after `createdAt` is expired:
//! lists report it with status `expired`, and responding, reassigning or canceling is
//! refused with `APPROVAL_EXPIRED`. Expiry is computed from the time passed in, never
//! written back, so a refused call leaves the directory byte-for-byte unchanged. Every
//! function here takes `now`; nothing reads a system clock.
//!
//! # Acting
//!
//! [`respond`], [`reassign`] and [`cancel`] compute the new approval and store it with
//! [`Directory::upsert_approval`](crate::directory::Directory::upsert_approval), so a
//! refused call changes nothing. An approval of another tenant is, to a session, an
//! approval that does not exist (`UNKNOWN_APPROVAL`, the same message), so nothing about
//! it leaks.

mod acting;
mod lists;
mod notifications;
mod rules;

pub use acting::{cancel, reassign, respond};
pub use lists::{list, ApprovalBox, ApprovalItem, ApprovalQuery, StatusFilter};
pub use notifications::{approvals_page, notifications, Notification, NotificationReason};
pub use rules::{expires_at, status_at, EXPIRES_AFTER_DAYS};
