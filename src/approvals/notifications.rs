//! Who must be told about an approval now, at which real address, and the link that
//! opens the Approvals page of the tenant the approval belongs to.

use super::rules;
use crate::b2b::{self, Blocked, HomeFacts, Outcome};
use crate::clouds::Offering;
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::{Approval, ApprovalStatus, Id, Tenant, User};
use crate::timestamp::Timestamp;
use serde::Serialize;
use std::collections::{HashSet, VecDeque};

/// Why a person is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NotificationReason {
    /// The approval waits for their response.
    ResponseRequested,
    /// Their request completed (its `outcome` and responses are in the approval).
    Completed,
    /// Their request expired: nobody answered in 30 days (its flow run timed out).
    Expired,
    /// The requester canceled it; it no longer waits for them.
    Canceled,
}

impl NotificationReason {
    /// Whether the message goes to the requester (and links to their Sent box).
    fn is_for_requester(self) -> bool {
        matches!(
            self,
            NotificationReason::Completed | NotificationReason::Expired
        )
    }
}

/// One message to send (`dir.notifications(approvalId)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    /// The recipient's user object in the approval's tenant (a guest's guest object).
    pub user_id: Id,
    /// Their name.
    pub display_name: String,
    /// Their real address: `mail` (for a guest, their home address, never the `#EXT#`
    /// userPrincipalName), else the first of `otherMails`, else a guest's home user's
    /// `mail`, else a member's userPrincipalName. Absent when none is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Why they are told.
    pub reason: NotificationReason,
    /// The approver (user or group) they are asked to answer for, when it is a group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_behalf_of: Option<Id>,
    /// The tenant the approval belongs to: the one to sign into.
    pub tenant_id: Id,
    /// The approval.
    pub approval_id: Id,
    /// The Approvals page of that tenant showing this approval (see [`approvals_page`]).
    pub link: String,
    /// Whether the recipient can respond from the email itself (Outlook's actionable
    /// approval mail): only for a response requested of a member. A guest acts on the
    /// Approvals page at `link`.
    pub actionable_in_email: bool,
    /// For an approver asked to respond who cannot act on it (yet): why — a missing
    /// prerequisite or a collaboration that is blocked (`outcome: "denied"`), or a fact
    /// about their home that is not known (`"unknown"`). Absent when they can act.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked: Option<Blocked>,
}

/// Why `user` cannot act on an approval of their tenant, if anything: the prerequisites
/// of every Power Automate capability (Power Automate "Support for guest users",
/// Requirements), and for a guest a collaboration that Entra cross-tenant access settings
/// block. No home facts are supplied here: what the directory does not hold is unknown.
fn cannot_act(dir: &Directory, user: &User) -> Option<Blocked> {
    let facts = HomeFacts::default();
    let pa = Some(b2b::POWER_AUTOMATE_APP_ID);
    let collaboration = b2b::guest_collaboration(dir, user, &facts, pa).ok();
    if collaboration.is_some_and(|c| c.outcome == Outcome::Denied) && !user.is_pending() {
        return Some(Blocked {
            outcome: Outcome::Denied,
            code: "COLLABORATION_BLOCKED",
            message: "the guest's home tenant and this tenant may not collaborate (cross-tenant access settings), so they cannot sign in to respond",
        });
    }
    b2b::standing(dir, user, &facts).blocked()
}

/// The Approvals page of `tenant` opened on approval `approval_id`, in the Received box
/// (`sent == false`) or the Sent box:
/// `https://<host>/approvals/<received|sent>?tenantId=<tenant id>&approvalId=<approval id>`
/// where the host is the Power Automate portal of the tenant's cloud and offering
/// ([`Offering::power_automate`]: commercial, GCC, GCC High, DoD, 21Vianet) and ids are
/// percent-encoded. Carrying the tenant id makes a guest land in the resource tenant, not
/// their home one.
pub fn approvals_page(tenant: &Tenant, approval_id: &str, sent: bool) -> String {
    let host = Offering::of(tenant).power_automate();
    let page = if sent { "sent" } else { "received" };
    format!(
        "{host}/approvals/{page}?tenantId={}&approvalId={}",
        encode(&tenant.id),
        encode(approval_id)
    )
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Where `user` really receives mail (see [`Notification::address`]).
fn real_address(dir: &Directory, user: &User) -> Option<String> {
    let usable = |a: &&String| !a.trim().is_empty();
    user.mail
        .as_ref()
        .filter(usable)
        .or_else(|| user.other_mails.iter().find(usable))
        .cloned()
        .or_else(|| {
            user.home_user_id
                .as_deref()
                .and_then(|id| dir.user(id))
                .and_then(|home| home.mail.clone())
        })
        .or_else(|| {
            (!user.is_guest() && !user.user_principal_name.contains("#EXT#"))
                .then(|| user.user_principal_name.clone())
        })
}

/// The users an approver position reaches: the user it names, or every user in the
/// group it names (nested groups counting), in member order.
fn reached_users<'d>(dir: &'d Directory, entry: &str) -> Vec<&'d User> {
    if let Some(user) = dir.user(entry) {
        return vec![user];
    }
    let mut users = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut groups: VecDeque<&str> = VecDeque::from([entry]);
    while let Some(id) = groups.pop_front() {
        let Some(group) = dir.group(id).filter(|_| seen.insert(id)) else {
            continue;
        };
        for member in &group.members {
            match dir.user(member) {
                Some(user) => users.push(user),
                None => groups.push_back(member),
            }
        }
    }
    users
}

/// Who must be told about approval `approval_id` at `now`, each at their real address
/// with a link to the Approvals page of the approval's tenant:
///
/// - pending: every user the approval waits for (for a group approver, its members;
///   for `sequential`, only the approver whose turn it is), except those who responded;
/// - completed or expired: the requester;
/// - canceled: the users it was waiting for.
///
/// Refused with `UNKNOWN_APPROVAL`.
pub fn notifications(
    dir: &Directory,
    approval_id: &str,
    now: Timestamp,
) -> Result<Vec<Notification>> {
    let approval = dir
        .approval(approval_id)
        .ok_or_else(|| Error::UnknownApproval(approval_id.to_string()))?;
    let tenant = dir
        .tenant(&approval.tenant_id)
        .ok_or_else(|| Error::UnknownTenant(approval.tenant_id.clone()))?;
    let status = rules::status_at(approval, rules::created(approval)?, now);
    let tell = |user: &User, reason: NotificationReason, on_behalf_of: Option<&str>| Notification {
        user_id: user.id.clone(),
        display_name: user.display_name.clone(),
        address: real_address(dir, user),
        reason,
        on_behalf_of: on_behalf_of.map(str::to_string),
        tenant_id: tenant.id.clone(),
        approval_id: approval.id.clone(),
        link: approvals_page(tenant, &approval.id, reason.is_for_requester()),
        // Approvals connector, known issues: "Actionable Approval mails in Outlook are not supported for Guest users in a tenant. Guest users will need to go to the Power Automate portal in order to act on an approval."
        actionable_in_email: reason == NotificationReason::ResponseRequested && !user.is_guest(),
        blocked: (reason == NotificationReason::ResponseRequested)
            .then(|| cannot_act(dir, user))
            .flatten(),
    };
    let out = match status {
        ApprovalStatus::Pending => {
            waited_for(dir, approval, NotificationReason::ResponseRequested, &tell)
        }
        ApprovalStatus::Canceled => {
            let waiting = Approval {
                status: ApprovalStatus::Pending,
                ..approval.clone()
            };
            waited_for(dir, &waiting, NotificationReason::Canceled, &tell)
        }
        ApprovalStatus::Completed => requester(dir, approval, NotificationReason::Completed, &tell),
        ApprovalStatus::Expired => requester(dir, approval, NotificationReason::Expired, &tell),
    };
    Ok(out)
}

fn requester(
    dir: &Directory,
    approval: &Approval,
    reason: NotificationReason,
    tell: &dyn Fn(&User, NotificationReason, Option<&str>) -> Notification,
) -> Vec<Notification> {
    dir.user(&approval.requester_id)
        .map(|u| tell(u, reason, None))
        .into_iter()
        .collect()
}

fn waited_for(
    dir: &Directory,
    approval: &Approval,
    reason: NotificationReason,
    tell: &dyn Fn(&User, NotificationReason, Option<&str>) -> Notification,
) -> Vec<Notification> {
    let mut told: HashSet<&str> = approval
        .responses
        .iter()
        .map(|r| r.approver_id.as_str())
        .collect();
    let mut out = Vec::new();
    for position in rules::awaited(approval) {
        let Some(entry) = approval.approvers.get(position) else {
            continue;
        };
        let group = dir.group(entry).map(|g| g.id.as_str());
        for user in reached_users(dir, entry) {
            if told.insert(user.id.as_str()) {
                out.push(tell(user, reason, group));
            }
        }
    }
    out
}
