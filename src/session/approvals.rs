//! Approvals of the tenant signed into: the Received and Sent boxes, respond, reassign and
//! cancel. Everything is about the session's tenant only. Approvals are a Power Automate
//! capability like flows, with the same prerequisites (Power Automate "Support for guest
//! users", Requirements): a person who lacks one gets an empty list that says why
//! (`blocked`), not a silent `[]`, and may not act.

use super::sight::hide_unseen_flow;
use super::{writable, Session};
use crate::approvals::{self, ApprovalItem, ApprovalQuery};
use crate::b2b::{self, Blocked, Missing, Standing, Unknown};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::Approval;
use crate::sharing::Person;
use crate::timestamp::Timestamp;
use serde::Serialize;
use std::borrow::Cow;

/// `session.approvals(query)`: the approvals of a box, or why there are none to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalList<'d> {
    /// The approvals, newest first; empty when `blocked`.
    pub items: Vec<ApprovalItem<'d>>,
    /// Why the person cannot use approvals: a missing prerequisite (`outcome: "denied"`)
    /// or a fact about their home that is not known (`"unknown"`); absent when they can.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked: Option<Blocked>,
}

impl Session {
    /// What blocks approvals for this person, if anything (as `features().approvals`).
    fn approvals_blocked(&self, dir: &Directory) -> Result<Option<Blocked>> {
        let user = self.user(dir)?;
        Ok(b2b::standing(dir, user, self.home_facts()).blocked())
    }

    /// Refuses acting without the prerequisites, with the prerequisite's or unknown
    /// fact's code (`NO_LICENSE`, `NO_CONSENT`, `HOME_LICENSE_UNKNOWN`, …).
    fn check_approvals_allowed(&self, dir: &Directory) -> Result<()> {
        let user = self.user(dir)?;
        let id = user.id.clone();
        let standing = b2b::standing(dir, user, self.home_facts());
        let reason = standing.message().unwrap_or_default();
        match standing {
            Standing::Met => Ok(()),
            Standing::Missing(Missing::InvitationPending) => Err(Error::InvitationPending(id)),
            Standing::Missing(Missing::NoLicense) => Err(Error::ApprovalsNeedLicense(id)),
            Standing::Missing(Missing::NoConsent) => {
                Err(Error::ApprovalsNeedConsent { user: id, reason })
            }
            Standing::Unknown(Unknown::HomeTenant) => {
                Err(Error::ApprovalsHomeTenantUnknown { user: id, reason })
            }
            Standing::Unknown(Unknown::HomeOutbound) => {
                Err(Error::ApprovalsHomeOutboundUnknown { user: id, reason })
            }
            Standing::Unknown(Unknown::TargetedRule) => {
                Err(Error::ApprovalsTargetedRuleUnknown { user: id, reason })
            }
            Standing::Unknown(Unknown::HomeLicense) => {
                Err(Error::ApprovalsHomeLicenseUnknown { user: id, reason })
            }
        }
    }

    /// The approvals of this tenant in this person's Received or Sent box, newest first,
    /// as of `now` (see [`ApprovalQuery`] for what each status means). For a person who
    /// lacks a prerequisite, or whose home facts are not known, no items and `blocked`
    /// saying why. Each item's `names` holds the display names of the people and groups it
    /// names that the person may see ([`super::Sight`]), and its `flowId` is there only
    /// when the person holds a role on that flow ([`super::approval_flow`]).
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// use guestpass::approvals::ApprovalQuery;
    /// use guestpass::timestamp::Timestamp;
    /// let dir = guestpass::directory::Directory::from_json_str(r#"{
    ///   "tenants": [{ "id": "contoso", "displayName": "Contoso",
    ///                 "initialDomain": "contoso.onmicrosoft.com" }],
    ///   "users": [{ "id": "bob", "tenantId": "contoso", "displayName": "Bob",
    ///               "userPrincipalName": "bob@contoso.com", "licenses": ["office365"],
    ///               "consentedToPowerAutomate": true }],
    ///   "approvals": [{ "id": "po-1", "tenantId": "contoso", "title": "PO 1",
    ///     "requesterId": "bob", "approvers": ["bob"], "type": "firstToRespond",
    ///     "responseOptions": ["Approve", "Reject"], "createdAt": "2026-11-20T09:00:00Z" }]
    /// }"#)?;
    /// let bob = dir.sign_in("contoso", "bob")?;
    /// let now = Timestamp::parse("now", "2026-11-23T10:00:00Z")?;
    /// let received = bob.approvals(&dir, &ApprovalQuery::default(), now)?;
    /// assert_eq!(received.items[0].approval.id, "po-1");
    /// assert!(received.items[0].can_respond);
    /// assert!(received.blocked.is_none());
    /// # Ok(()) }
    /// ```
    pub fn approvals<'d>(
        &self,
        dir: &'d Directory,
        query: &ApprovalQuery,
        now: Timestamp,
    ) -> Result<ApprovalList<'d>> {
        if let Some(blocked) = self.approvals_blocked(dir)? {
            return Ok(ApprovalList {
                items: Vec::new(),
                blocked: Some(blocked),
            });
        }
        let mut items = approvals::list(dir, self.tenant_id(), self.user_id(), query, now);
        let sight = self.sight(dir)?;
        if items.iter().any(|i| i.approval.flow_id.is_some()) {
            let person = Person::of(dir, sight.me);
            for item in &mut items {
                hide_unseen_flow(dir, &person, &mut item.approval);
            }
        }
        for item in &mut items {
            let names: Vec<(&str, &str)> = item
                .named()
                .filter_map(|id| sight.name_of(dir, id))
                .collect();
            item.names.extend(names);
        }
        Ok(ApprovalList {
            items,
            blocked: None,
        })
    }

    /// Responds to approval `id` with one of its options: see [`approvals::respond`].
    /// Also refused with the code of a missing prerequisite or unknown home fact (`NO_LICENSE`, `NO_CONSENT`, `HOME_LICENSE_UNKNOWN`, …).
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
        let done = approvals::respond(
            dir,
            self.tenant_id(),
            self.user_id(),
            id,
            response,
            comments,
            now,
        )?;
        self.as_seen(dir, done)
    }

    /// Hands this person's approver position on approval `id` to `to_user`: see
    /// [`approvals::reassign`]. Also refused with the code of a missing prerequisite or unknown home fact (`NO_LICENSE`, `NO_CONSENT`, `HOME_LICENSE_UNKNOWN`, …).
    pub fn reassign(
        &self,
        dir: &mut Directory,
        id: &str,
        to_user: &str,
        now: Timestamp,
    ) -> Result<Approval> {
        writable(dir, "reassign")?;
        self.check_approvals_allowed(dir)?;
        let done = approvals::reassign(dir, self.tenant_id(), self.user_id(), id, to_user, now)?;
        self.as_seen(dir, done)
    }

    /// Cancels approval `id`, which this person requested: see [`approvals::cancel`].
    /// Also refused with the code of a missing prerequisite or unknown home fact (`NO_LICENSE`, `NO_CONSENT`, `HOME_LICENSE_UNKNOWN`, …).
    pub fn cancel(&self, dir: &mut Directory, id: &str, now: Timestamp) -> Result<Approval> {
        writable(dir, "cancel")?;
        self.check_approvals_allowed(dir)?;
        let done = approvals::cancel(dir, self.tenant_id(), self.user_id(), id, now)?;
        self.as_seen(dir, done)
    }

    /// An approval as this person may see it: its `flowId` only when they hold a role on
    /// that flow ([`super::approval_flow`]).
    fn as_seen(&self, dir: &Directory, approval: Approval) -> Result<Approval> {
        let mut seen: Cow<'_, Approval> = Cow::Owned(approval);
        if seen.flow_id.is_some() {
            hide_unseen_flow(dir, &Person::of(dir, self.user(dir)?), &mut seen);
        }
        Ok(seen.into_owned())
    }
}
