//! Approvals of the tenant signed into: the Received and Sent boxes, respond, reassign and
//! cancel. Everything is about the session's tenant only; a person without a license
//! that counts sees no approvals (`features().approvals` says why) and may not act.

use super::{writable, Session};
use crate::approvals::{self, ApprovalItem, ApprovalQuery};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::Approval;
use crate::timestamp::Timestamp;

impl Session {
    /// Whether this person may use approvals here (the answer of `features().approvals`).
    fn approvals_allowed(&self, dir: &Directory) -> Result<bool> {
        Ok(self.features(dir)?.approvals.allowed)
    }

    /// Refuses acting without a license that counts (`NO_LICENSE`).
    fn check_approvals_allowed(&self, dir: &Directory) -> Result<()> {
        if self.approvals_allowed(dir)? {
            Ok(())
        } else {
            Err(Error::ApprovalsNeedLicense(self.user_id().to_string()))
        }
    }

    /// The approvals of this tenant in this person's Received or Sent box, newest first,
    /// as of `now` (see [`ApprovalQuery`] for what each status means). Empty for a person
    /// without a license that counts.
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// use guestpass::approvals::ApprovalQuery;
    /// use guestpass::timestamp::Timestamp;
    /// let dir = guestpass::directory::Directory::from_json_str(r#"{
    ///   "tenants": [{ "id": "contoso", "displayName": "Contoso",
    ///                 "initialDomain": "contoso.onmicrosoft.com" }],
    ///   "users": [{ "id": "bob", "tenantId": "contoso", "displayName": "Bob",
    ///               "userPrincipalName": "bob@contoso.com", "licenses": ["office365"] }],
    ///   "approvals": [{ "id": "po-1", "tenantId": "contoso", "title": "PO 1",
    ///     "requesterId": "bob", "approvers": ["bob"], "type": "firstToRespond",
    ///     "responseOptions": ["Approve", "Reject"], "createdAt": "2026-11-20T09:00:00Z" }]
    /// }"#)?;
    /// let bob = dir.sign_in("contoso", "bob")?;
    /// let now = Timestamp::parse("now", "2026-11-23T10:00:00Z")?;
    /// let received = bob.approvals(&dir, &ApprovalQuery::default(), now)?;
    /// assert_eq!(received[0].approval.id, "po-1");
    /// assert!(received[0].can_respond);
    /// # Ok(()) }
    /// ```
    pub fn approvals<'d>(
        &self,
        dir: &'d Directory,
        query: &ApprovalQuery,
        now: Timestamp,
    ) -> Result<Vec<ApprovalItem<'d>>> {
        if !self.approvals_allowed(dir)? {
            return Ok(Vec::new());
        }
        Ok(approvals::list(
            dir,
            self.tenant_id(),
            self.user_id(),
            query,
            now,
        ))
    }

    /// Responds to approval `id` with one of its options: see [`approvals::respond`].
    /// Also refused with `NO_LICENSE`.
    pub fn respond(
        &self,
        dir: &mut Directory,
        id: &str,
        response: &str,
        comments: Option<&str>,
        now: Timestamp,
    ) -> Result<Approval> {
        writable(dir, "respond")?;
        self.check_approvals_allowed(dir)?;
        approvals::respond(
            dir,
            self.tenant_id(),
            self.user_id(),
            id,
            response,
            comments,
            now,
        )
    }

    /// Hands this person's approver position on approval `id` to `to_user`: see
    /// [`approvals::reassign`]. Also refused with `NO_LICENSE`.
    pub fn reassign(
        &self,
        dir: &mut Directory,
        id: &str,
        to_user: &str,
        now: Timestamp,
    ) -> Result<Approval> {
        writable(dir, "reassign")?;
        self.check_approvals_allowed(dir)?;
        approvals::reassign(dir, self.tenant_id(), self.user_id(), id, to_user, now)
    }

    /// Cancels approval `id`, which this person requested: see [`approvals::cancel`].
    /// Also refused with `NO_LICENSE`.
    pub fn cancel(&self, dir: &mut Directory, id: &str, now: Timestamp) -> Result<Approval> {
        writable(dir, "cancel")?;
        self.check_approvals_allowed(dir)?;
        approvals::cancel(dir, self.tenant_id(), self.user_id(), id, now)
    }
}
