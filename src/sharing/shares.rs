//! Changing who a flow is shared with: `share` and `unshare`, allowed to its owner and
//! co-owners only. Each computes the new flow and stores it with one upsert, so a refused
//! call changes nothing.

use super::action::Action;
use super::person::Person;
use super::role::Role;
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::{Flow, Trigger};
use serde::{Deserialize, Serialize};

/// A request to share a flow (`session.share(flowId, { principal, role })`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct Share {
    /// A group id, or a user of the flow's tenant by object id, userPrincipalName or mail.
    pub principal: String,
    /// `"coOwner"` or `"runOnly"` (a flow has one owner: its creator).
    pub role: Role,
}
crate::objects_only!(serialize: Share);

/// Who a flow is shared with, after a change (`share` and `unshare` return it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowShares {
    /// The flow.
    pub flow_id: String,
    /// Its creator and owner.
    pub owner_id: String,
    /// Co-owners: user and group ids.
    pub co_owners: Vec<String>,
    /// Run-only users: user and group ids.
    pub run_only: Vec<String>,
}

impl FlowShares {
    /// The shares of `flow`.
    pub fn of(flow: &Flow) -> FlowShares {
        FlowShares {
            flow_id: flow.id.clone(),
            owner_id: flow.owner_id.clone(),
            co_owners: flow.co_owners.clone(),
            run_only: flow.run_only.clone(),
        }
    }
}

/// The flow `flow_id`, if `person` may share it; `NOT_ALLOWED_TO_SHARE` naming the
/// decision's code otherwise.
fn flow_to_change<'d>(dir: &'d Directory, person: &Person, flow_id: &str) -> Result<&'d Flow> {
    let flow = super::flow(dir, person, flow_id)?;
    let verdict = person.verdict(Action::Share, flow);
    if let Some(code) = verdict.code {
        return Err(Error::NotAllowedToShare {
            flow: flow_id.to_string(),
            user: person.user_id().to_string(),
            reason: code.as_str(),
        });
    }
    Ok(flow)
}

/// The object id of the user or group `name` names in the flow's tenant: a group id, or
/// a user's object id, userPrincipalName or mail. A user or group of another tenant is
/// answered exactly as a name that exists nowhere (`UNKNOWN_PRINCIPAL`): a session cannot
/// tell another tenant's ids from made-up ones (Entra tenant isolation).
fn principal_id(dir: &Directory, flow: &Flow, name: &str) -> Result<String> {
    if let Some(group) = dir.group(name).filter(|g| g.tenant_id == flow.tenant_id) {
        return Ok(group.id.clone());
    }
    if let Some(user) = dir.find_user_in_tenant(&flow.tenant_id, name.trim())? {
        return Ok(user.id.clone());
    }
    Err(Error::UnknownPrincipal {
        principal: name.to_string(),
        tenant: flow.tenant_id.clone(),
    })
}

fn creator_stays(flow: &Flow) -> Error {
    Error::CannotRemoveCreator {
        flow: flow.id.clone(),
        creator: flow.owner_id.clone(),
    }
}

/// Shares `flow_id` with `share.principal` as `share.role`, replacing any role that
/// principal held (a principal holds at most one share per flow). Sharing again with
/// the same role changes nothing.
///
/// Refused with `UNKNOWN_FLOW`; `NOT_ALLOWED_TO_SHARE` unless `person` may share it (owner
/// or co-owner meeting the prerequisites); `INVALID_VALUE` for role `owner`;
/// `UNKNOWN_PRINCIPAL` for a principal that is not a user or group of the flow's tenant; `CANNOT_REMOVE_CREATOR` for the creator;
/// `RUN_ONLY_REQUIRES_MANUAL_TRIGGER` for run-only on a flow that is not manually
/// triggered.
pub fn share(
    dir: &mut Directory,
    person: &Person,
    flow_id: &str,
    share: &Share,
) -> Result<FlowShares> {
    let flow = flow_to_change(dir, person, flow_id)?;
    if share.role == Role::Owner {
        return Err(Error::InvalidValue {
            field: "role".into(),
            reason: "a flow has one owner, its creator; share as \"coOwner\" or \"runOnly\"".into(),
        });
    }
    let principal = principal_id(dir, flow, &share.principal)?;
    if principal == flow.owner_id {
        return Err(creator_stays(flow));
    }
    if share.role == Role::RunOnly && flow.trigger != Trigger::Manual {
        return Err(Error::RunOnlyRequiresManualTrigger(flow.id.clone()));
    }
    let (target, other) = match share.role {
        Role::RunOnly => (&flow.run_only, &flow.co_owners),
        Role::CoOwner | Role::Owner => (&flow.co_owners, &flow.run_only),
    };
    if target.contains(&principal) && !other.contains(&principal) {
        return Ok(FlowShares::of(flow));
    }
    let mut changed = flow.clone();
    changed.co_owners.retain(|p| *p != principal);
    changed.run_only.retain(|p| *p != principal);
    match share.role {
        Role::RunOnly => changed.run_only.push(principal),
        Role::CoOwner | Role::Owner => changed.co_owners.push(principal),
    }
    let shares = FlowShares::of(&changed);
    dir.upsert_flow(changed)?;
    Ok(shares)
}

/// Removes `principal`'s own share of `flow_id` (co-owner or run-only).
///
/// Refused with `UNKNOWN_FLOW`; `NOT_ALLOWED_TO_SHARE` unless `person` may share it;
/// `UNKNOWN_PRINCIPAL` for a principal that is not a user or group of the flow's tenant; `CANNOT_REMOVE_CREATOR` for the creator (nobody can remove
/// them); `NOT_SHARED` when the principal has no share of their own on the flow (they may
/// still reach it through a group).
pub fn unshare(
    dir: &mut Directory,
    person: &Person,
    flow_id: &str,
    principal: &str,
) -> Result<FlowShares> {
    let flow = flow_to_change(dir, person, flow_id)?;
    let principal = principal_id(dir, flow, principal)?;
    if principal == flow.owner_id {
        return Err(creator_stays(flow));
    }
    let mut changed = flow.clone();
    changed.co_owners.retain(|p| *p != principal);
    changed.run_only.retain(|p| *p != principal);
    if changed.co_owners.len() == flow.co_owners.len()
        && changed.run_only.len() == flow.run_only.len()
    {
        return Err(Error::NotShared {
            flow: flow.id.clone(),
            principal,
        });
    }
    let shares = FlowShares::of(&changed);
    dir.upsert_flow(changed)?;
    Ok(shares)
}
