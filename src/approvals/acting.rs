//! Responding, reassigning and canceling. Each computes the new approval and stores it
//! with one `upsert_approval`, so a refused call changes nothing.

use super::rules::{self, Person, Standing};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::limits::{self, MAX_LONG_TEXT_CHARS};
use crate::model::{Approval, ApprovalResponse, ApprovalStatus};
use crate::timestamp::Timestamp;

/// The approval `id` of `tenant_id`. An approval of another tenant is reported exactly as
/// one that does not exist, so a session learns nothing about it.
fn approval_in_tenant<'d>(dir: &'d Directory, tenant_id: &str, id: &str) -> Result<&'d Approval> {
    dir.approval(id)
        .filter(|a| a.tenant_id == tenant_id)
        .ok_or_else(|| Error::UnknownApproval(id.to_string()))
}

/// The approver position `person` may act on now, after the checks every action shares:
/// they are an approver (`NOT_AN_APPROVER`), the approval is pending
/// (`APPROVAL_COMPLETED`, `APPROVAL_CANCELED`, `APPROVAL_EXPIRED`) and they have not
/// responded (`ALREADY_RESPONDED`).
fn open_standing(approval: &Approval, person: &Person, now: Timestamp) -> Result<Standing> {
    let standing = Standing::of(approval, person);
    if !standing.is_approver() {
        return Err(Error::NotAnApprover(approval.id.clone()));
    }
    rules::check_pending(approval, now)?;
    if standing.responded {
        return Err(Error::AlreadyResponded {
            approval: approval.id.clone(),
            approver: person.user_id.clone(),
        });
    }
    if standing.open.is_empty() {
        let answered = standing
            .entries
            .first()
            .and_then(|i| approval.approvers.get(*i))
            .cloned()
            .unwrap_or_else(|| person.user_id.clone());
        return Err(Error::AlreadyResponded {
            approval: approval.id.clone(),
            approver: answered,
        });
    }
    Ok(standing)
}

/// The option of `approval` that `response` names: exactly, else ignoring case.
fn option_named<'a>(approval: &'a Approval, response: &str) -> Result<&'a String> {
    let response_trimmed = response.trim();
    approval
        .response_options
        .iter()
        .find(|o| o.as_str() == response_trimmed)
        .or_else(|| {
            let lower = response_trimmed.to_lowercase();
            approval
                .response_options
                .iter()
                .find(|o| o.to_lowercase() == lower)
        })
        .ok_or_else(|| Error::InvalidResponse {
            approval: approval.id.clone(),
            response: response.to_string(),
            options: approval.response_options.clone(),
        })
}

/// `user_id` (signed into `tenant_id`) answers approval `id` with `response` (one of its
/// options; case does not matter) and optional `comments`, at `now`. The type's rule
/// then completes the approval or leaves it waiting (see the module documentation).
///
/// Refused with `UNKNOWN_APPROVAL` (also for another tenant's approval),
/// `NOT_AN_APPROVER`, `APPROVAL_COMPLETED`, `APPROVAL_CANCELED`, `APPROVAL_EXPIRED`,
/// `ALREADY_RESPONDED`, `NOT_YOUR_TURN` (a `sequential` approval waiting for someone
/// before them), `INVALID_RESPONSE` (naming the options) or `LIMIT_EXCEEDED` (comments).
pub fn respond(
    dir: &mut Directory,
    tenant_id: &str,
    user_id: &str,
    id: &str,
    response: &str,
    comments: Option<&str>,
    now: Timestamp,
) -> Result<Approval> {
    let approval = approval_in_tenant(dir, tenant_id, id)?;
    let person = Person::of(dir, user_id);
    let standing = open_standing(approval, &person, now)?;
    let Some(position) = standing.turn else {
        let waiting_for = rules::awaited(approval)
            .next()
            .and_then(|i| approval.approvers.get(i))
            .cloned()
            .unwrap_or_default();
        return Err(Error::NotYourTurn {
            approval: approval.id.clone(),
            waiting_for,
        });
    };
    let option = option_named(approval, response)?.clone();
    let comments = comments.map(str::trim).filter(|c| !c.is_empty());
    if let Some(c) = comments {
        limits::text("comments", c, MAX_LONG_TEXT_CHARS)?;
    }
    let entry = approval.approvers.get(position).cloned();
    let mut updated = approval.clone();
    updated.responses.push(ApprovalResponse {
        approver_id: person.user_id.clone(),
        response: option.clone(),
        comments: comments.map(str::to_string),
        responded_at: now.to_rfc3339(),
        on_behalf_of: entry.filter(|e| *e != person.user_id),
    });
    rules::settle(&mut updated, &option, now);
    dir.upsert_approval(updated.clone())?;
    Ok(updated)
}

/// `user_id` (signed into `tenant_id`) hands their approver position on approval `id` to
/// `to_user` (an object id, userPrincipalName or mail of a user of the same tenant), at
/// `now`. The position keeps its place in `approvers` (its step, for `sequential`):
/// `to_user` replaces the person there, or replaces the group the person stood for.
///
/// Refused with `UNKNOWN_APPROVAL`, `NOT_AN_APPROVER`, `APPROVAL_COMPLETED`,
/// `APPROVAL_CANCELED`, `APPROVAL_EXPIRED`, `ALREADY_RESPONDED` (they, or their group,
/// already answered), `USER_NOT_FOUND` (no such user in this tenant) or
/// `ALREADY_AN_APPROVER` (`to_user` is named among the approvers, has responded, or is
/// the person themselves).
pub fn reassign(
    dir: &mut Directory,
    tenant_id: &str,
    user_id: &str,
    id: &str,
    to_user: &str,
    now: Timestamp,
) -> Result<Approval> {
    let approval = approval_in_tenant(dir, tenant_id, id)?;
    let person = Person::of(dir, user_id);
    let standing = open_standing(approval, &person, now)?;
    let position = standing
        .held(approval, &person)
        .ok_or_else(|| Error::NotAnApprover(approval.id.clone()))?;
    let target = dir
        .find_user_in_tenant(tenant_id, to_user.trim())?
        .ok_or_else(|| Error::UserNotFound {
            user: to_user.to_string(),
            tenant: tenant_id.to_string(),
        })?;
    let taken = target.id == person.user_id
        || approval.approvers.contains(&target.id)
        || approval
            .responses
            .iter()
            .any(|r| r.approver_id == target.id);
    if taken {
        return Err(Error::AlreadyAnApprover {
            approval: approval.id.clone(),
            user: target.id.clone(),
        });
    }
    let mut updated = approval.clone();
    if let Some(entry) = updated.approvers.get_mut(position) {
        *entry = target.id.clone();
    }
    dir.upsert_approval(updated.clone())?;
    Ok(updated)
}

/// `user_id` (signed into `tenant_id`), the requester, cancels approval `id` at `now`.
///
/// Refused with `UNKNOWN_APPROVAL`, `NOT_THE_REQUESTER`, `APPROVAL_COMPLETED`,
/// `APPROVAL_CANCELED` or `APPROVAL_EXPIRED`.
pub fn cancel(
    dir: &mut Directory,
    tenant_id: &str,
    user_id: &str,
    id: &str,
    now: Timestamp,
) -> Result<Approval> {
    let approval = approval_in_tenant(dir, tenant_id, id)?;
    if approval.requester_id != user_id {
        return Err(Error::NotTheRequester(approval.id.clone()));
    }
    rules::check_pending(approval, now)?;
    let mut updated = approval.clone();
    updated.status = ApprovalStatus::Canceled;
    updated.completed_at = Some(now.to_rfc3339());
    dir.upsert_approval(updated.clone())?;
    Ok(updated)
}
