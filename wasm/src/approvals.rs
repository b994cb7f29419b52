//! Approvals for JavaScript: `session.approvals/respond/reassign/cancel`,
//! `dir.notifications`, and the clock (`dir.setClock`) that makes answers reproducible.

use super::convert::{optional_text_arg, options_from_js, text_arg, to_js};
use super::error::throw;
use super::{JsDirectory, JsSession};
use guestpass::approvals::{self, ApprovalQuery};
use guestpass::directory::Directory;
use guestpass::timestamp::Timestamp;
use wasm_bindgen::prelude::*;

/// The time answers are given at: the directory's clock if set, else the real time.
fn now(dir: &Directory) -> Timestamp {
    dir.clock()
        .or_else(|| Timestamp::from_unix_millis(js_sys::Date::now()))
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

impl JsSession {
    /// The approvals of the tenant signed into, newest first:
    /// `approvals({ box: "received" | "sent", status: "pending" | "completed" | "all" })`
    /// (defaults `received`, `pending`). Received ones are those where the person is an
    /// approver (named or through a group; a `sequential` one is pending for them only
    /// on their turn); sent ones, those they requested. Each item is the approval (status
    /// `expired` once left pending 30 days) with `expiresAt`, `waitingFor`, `canRespond`,
    /// `canReassign`, `canCancel`, `via` (the groups that made them an approver) and `names`
    /// (display names of the people and groups it names that the person may see).
    /// Returns `{ items, blocked? }`: a person who lacks a prerequisite of every Power
    /// Automate capability (a licence that counts, consent) gets no items and `blocked:
    /// { outcome: "denied", code, message }`; one whose home facts are not known,
    /// `blocked: { outcome: "unknown", code: "HOME_LICENSE_UNKNOWN", … }`.
    /// Throws `INVALID_INPUT` / `UNKNOWN_FIELD` for a bad query.
    pub fn approvals(&self, query: JsValue) -> Result<JsValue, JsValue> {
        self.read(|d, s| {
            let query: ApprovalQuery = if query.is_undefined() || query.is_null() {
                ApprovalQuery::default()
            } else {
                options_from_js(query)?
            };
            to_js(&s.approvals(d, &query, now(d))?)
        })
    }

    /// Responds to an approval with one of its options (case does not matter) and
    /// optional comments; returns the updated approval (completed when the type's rule
    /// says so). Throws `UNKNOWN_APPROVAL`, `NOT_AN_APPROVER`, `APPROVAL_COMPLETED`,
    /// `APPROVAL_CANCELED`, `APPROVAL_EXPIRED`, `ALREADY_RESPONDED`,
    /// `INVALID_RESPONSE` (details.options lists them), or the `blocked` code of
    /// `approvals()` (`NO_LICENSE`, `NO_CONSENT`, `HOME_LICENSE_UNKNOWN`, …); nothing changes.
    pub fn respond(
        &self,
        approval_id: JsValue,
        response: JsValue,
        comments: JsValue,
    ) -> Result<JsValue, JsValue> {
        let approval_id: &str = &text_arg(&approval_id, "approvalId")?;
        let response: &str = &text_arg(&response, "response")?;
        let comments = optional_text_arg(&comments, "comments")?;
        self.write(|d, s| {
            let now = now(d);
            to_js(&s.respond(d, approval_id, response, comments.as_deref(), now)?)
        })
    }

    /// Hands the person's approver position to another user of this tenant (object id,
    /// userPrincipalName or mail), who takes its place among the approvers; returns the
    /// updated approval. Throws `UNKNOWN_APPROVAL`, `NOT_AN_APPROVER`,
    /// `ALREADY_RESPONDED`, `USER_NOT_FOUND`, `ALREADY_AN_APPROVER`, `APPROVAL_COMPLETED`,
    /// `APPROVAL_CANCELED`, `APPROVAL_EXPIRED` or the `blocked` code of `approvals()`;
    /// nothing changes.
    pub fn reassign(&self, approval_id: JsValue, to_user: JsValue) -> Result<JsValue, JsValue> {
        let approval_id: &str = &text_arg(&approval_id, "approvalId")?;
        let to_user: &str = &text_arg(&to_user, "toUser")?;
        self.write(|d, s| {
            let now = now(d);
            to_js(&s.reassign(d, approval_id, to_user, now)?)
        })
    }

    /// Cancels an approval the person requested; returns the updated approval. Throws
    /// `UNKNOWN_APPROVAL`, `NOT_THE_REQUESTER`, `APPROVAL_COMPLETED`, `APPROVAL_CANCELED`,
    /// `APPROVAL_EXPIRED` or the `blocked` code of `approvals()`; nothing changes.
    pub fn cancel(&self, approval_id: JsValue) -> Result<JsValue, JsValue> {
        let approval_id: &str = &text_arg(&approval_id, "approvalId")?;
        self.write(|d, s| {
            let now = now(d);
            to_js(&s.cancel(d, approval_id, now)?)
        })
    }
}

impl JsDirectory {
    /// Who must be told about an approval now: `[{ userId, displayName, address, reason,
    /// onBehalfOf?, tenantId, approvalId, link, blocked? }]`; `blocked` says why an
    /// approver asked to respond cannot act (yet): a missing prerequisite, a blocked
    /// collaboration, or an unknown home fact (`outcome: "unknown"`). Pending: the approvers it waits for
    /// (a group's members; in `sequential`, the one whose turn it is); completed or
    /// expired: the requester; canceled: those it was waiting for. `address` is the real
    /// address (a guest's `mail`, never their `#EXT#` userPrincipalName); `link` opens
    /// the Approvals page of the approval's tenant:
    /// `https://make.powerautomate.com/approvals/received?tenantId=…&approvalId=…`
    /// (`/sent` for the requester; the host follows the tenant's cloud).
    /// Throws `UNKNOWN_APPROVAL`.
    pub fn notifications(&self, approval_id: JsValue) -> Result<JsValue, JsValue> {
        let approval_id: &str = &text_arg(&approval_id, "approvalId")?;
        let dir = self.shared();
        let dir = dir.try_borrow().map_err(|_| super::error::busy())?;
        throw(approvals::notifications(&dir, approval_id, now(&dir)).and_then(|n| to_js(&n)))
    }

    /// Sets the time approvals are judged at (expiry, response and completion times), as
    /// RFC 3339 text such as `"2026-11-23T10:00:00Z"`; `null` or no argument goes back to
    /// the real time. The clock is not part of the world: `toJSON()` leaves it out.
    /// Throws `INVALID_TIME`.
    pub fn set_clock(&self, now: JsValue) -> Result<(), JsValue> {
        let now = optional_text_arg(&now, "now")?;
        let clock = match now {
            None => None,
            Some(text) => Some(throw(Timestamp::parse("clock", &text))?),
        };
        let dir = self.shared();
        let mut dir = dir.try_borrow_mut().map_err(|_| super::error::busy())?;
        dir.set_clock(clock);
        Ok(())
    }

    /// The time set with `setClock`, or `undefined` when answers use the real time.
    pub fn clock(&self) -> Result<Option<String>, JsValue> {
        let dir = self.shared();
        let dir = dir.try_borrow().map_err(|_| super::error::busy())?;
        Ok(dir.clock().map(Timestamp::to_rfc3339))
    }
}

#[cfg(not(feature = "full"))]
impl super::options::Options for ApprovalQuery {
    const NAME: &'static str = "ApprovalQuery";
    const FIELDS: &'static [&'static str] = &["box", "status"];

    fn field(
        &mut self,
        index: usize,
        value: &JsValue,
        path: &str,
    ) -> Result<(), guestpass::error::Error> {
        use super::options::variant;
        use guestpass::approvals::{ApprovalBox, StatusFilter};
        const BOXES: [ApprovalBox; 2] = [ApprovalBox::Received, ApprovalBox::Sent];
        const STATUSES: [StatusFilter; 3] = [
            StatusFilter::Pending,
            StatusFilter::Completed,
            StatusFilter::All,
        ];
        match index {
            0 => self.mailbox = BOXES[variant(value, path, &["received", "sent"])?],
            _ => self.status = STATUSES[variant(value, path, &["pending", "completed", "all"])?],
        }
        Ok(())
    }
}
