//! Dataverse's Approvals tables → approvals, in the shapes the Dataverse Web API
//! returns (OData pages of rows; lookups as `_<column>_value`), following the table
//! references "Approval (msdyn_flow_approval)", "Approval Request
//! (msdyn_flow_approvalrequest)", "Approval Response (msdyn_flow_approvalresponse)"
//! and "User (systemuser)".
//!
//! - Rows name people by Dataverse user (`_ownerid_value`, a `systemuserid`); the
//!   environment's `systemusers` rows give each one's Entra object id
//!   (`azureactivedirectoryobjectid`), which must be a user of the tenant.
//! - An approval (`msdyn_flow_approvalid`): `msdyn_flow_approval_title`, `…_details`,
//!   `…_result` (the outcome), `createdon`, `…_completedon`; its owner asked for it.
//!   `statuscode`: Created, Pending and Suspended (192350000-2) are pending, Completed
//!   (192350004) completed, Expired (192350005) expired, Canceled and Abandoned
//!   (192350006-7) canceled.
//! - Its requests (`_msdyn_flow_approvalrequest_approval_value`): each request's owner is
//!   an approver, in `msdyn_flow_approvalrequest_stepnumber` order; a reassigned request
//!   (`statuscode` 192350000) no longer is. `…_responseoptionstype` BasicApproveReject
//!   (192350001) means Approve/Reject, CustomOptions (192350002) the comma-separated
//!   `…_responseoptions`.
//! - Its responses (`_msdyn_flow_approvalresponse_approval_value`), when committed
//!   (`statuscode` 192350002; reviewing and saved ones are drafts): the owner, `…_response`,
//!   `…_comments`, `createdon`.
//! - The type: requests in more than one step are `sequential`; otherwise the approval
//!   model (`msdyn_flow_approval_modeltype`) says whether one response decides
//!   (`msdyn_flow_basicapprovalmodel`: first to respond) or every approver must
//!   (`msdyn_flow_awaitallapprovalmodel`, `…awaitallactionapprovalmodel`), with the
//!   response options saying Approve/Reject or custom. No document maps the model
//!   names to the connector's approval types; this is our reading of them, and a model
//!   guestpass does not know is read as "everyone must respond" (the type that decides
//!   least on one response).

use super::References;
use crate::error::Result;
use crate::graph::fields::Object;
use crate::model::{Approval, ApprovalResponse, ApprovalStatus, ApprovalType, Id, APPROVE, REJECT};
use std::collections::HashMap;

const REASSIGNED: i64 = 192_350_000;
const COMMITTED: i64 = 192_350_002;
const CUSTOM_OPTIONS: i64 = 192_350_002;

/// An integer column (Dataverse choices are numbers); absent and `null` are `None`.
fn number(o: &Object<'_>, field: &str) -> Result<Option<i64>> {
    o.integer(field)
}

fn status(o: &Object<'_>) -> Result<ApprovalStatus> {
    Ok(match number(o, "statuscode")? {
        None | Some(192_350_000..=192_350_002) => ApprovalStatus::Pending,
        Some(192_350_004) => ApprovalStatus::Completed,
        Some(192_350_005) => ApprovalStatus::Expired,
        Some(192_350_006 | 192_350_007) => ApprovalStatus::Canceled,
        Some(other) => {
            return Err(o.wrong(
                "statuscode",
                "an approval status reason (192350000-192350002, 192350004-192350007)",
                &other.to_string(),
            ))
        }
    })
}

/// The rows of requests and responses, grouped by the approval they belong to.
#[derive(Default)]
pub(super) struct Rows<'a> {
    /// Approval id → its request rows.
    pub requests: HashMap<&'a str, Vec<Object<'a>>>,
    /// Approval id → its response rows.
    pub responses: HashMap<&'a str, Vec<Object<'a>>>,
}

/// The approval an `msdyn_flow_approval` row describes, with its requests and responses.
pub(super) fn approval(
    o: &Object<'_>,
    tenant_id: &str,
    rows: &Rows<'_>,
    refs: &References<'_>,
) -> Result<Approval> {
    let id = o.required_string("msdyn_flow_approvalid")?;
    let requester =
        refs.dataverse_user(id, "_ownerid_value", o.required_string("_ownerid_value")?)?;
    let mut requests: Vec<&Object<'_>> = rows
        .requests
        .get(id)
        .map(|r| r.iter().collect())
        .unwrap_or_default();
    let mut kept = Vec::with_capacity(requests.len());
    for r in requests.drain(..) {
        if number(r, "statuscode")? != Some(REASSIGNED) {
            kept.push((
                number(r, "msdyn_flow_approvalrequest_stepnumber")?.unwrap_or(0),
                r,
            ));
        }
    }
    kept.sort_by_key(|(step, _)| *step);
    let mut approvers: Vec<Id> = Vec::with_capacity(kept.len());
    for (_, r) in &kept {
        let who = refs.dataverse_user(id, "approvers", r.required_string("_ownerid_value")?)?;
        if !approvers.contains(&who) {
            approvers.push(who);
        }
    }
    let custom = match kept.first() {
        Some((_, r)) => {
            number(r, "msdyn_flow_approvalrequest_responseoptionstype")? == Some(CUSTOM_OPTIONS)
        }
        None => false,
    };
    let response_options = match (custom, kept.first()) {
        (true, Some((_, r))) => r
            .string("msdyn_flow_approvalrequest_responseoptions")?
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        _ => vec![APPROVE.to_string(), REJECT.to_string()],
    };
    let steps = kept
        .iter()
        .map(|(s, _)| *s)
        .collect::<std::collections::BTreeSet<_>>();
    let every = !o
        .string("msdyn_flow_approval_modeltype")?
        .is_some_and(|m| m.eq_ignore_ascii_case("msdyn_flow_basicapprovalmodel"));
    let approval_type = match (steps.len() > 1, custom, every) {
        (true, _, _) => ApprovalType::Sequential,
        (false, false, false) => ApprovalType::FirstToRespond,
        (false, false, true) => ApprovalType::EveryoneMustApprove,
        (false, true, false) => ApprovalType::CustomWaitForOne,
        (false, true, true) => ApprovalType::CustomWaitForAll,
    };
    let mut responses = Vec::new();
    for r in rows.responses.get(id).map(Vec::as_slice).unwrap_or(&[]) {
        if number(r, "statuscode")?.is_some_and(|s| s != COMMITTED) {
            continue;
        }
        responses.push(ApprovalResponse {
            approver_id: refs.dataverse_user(
                id,
                "responses",
                r.required_string("_ownerid_value")?,
            )?,
            response: r
                .required_string("msdyn_flow_approvalresponse_response")?
                .to_string(),
            comments: r
                .string("msdyn_flow_approvalresponse_comments")?
                .map(str::to_string),
            responded_at: r.required_string("createdon")?.to_string(),
            on_behalf_of: None,
        });
    }
    responses.sort_by(|a, b| a.responded_at.cmp(&b.responded_at));
    let status = status(o)?;
    Ok(Approval {
        id: id.to_string(),
        tenant_id: tenant_id.to_string(),
        title: o.required_string("msdyn_flow_approval_title")?.to_string(),
        details: o.string("msdyn_flow_approval_details")?.map(str::to_string),
        requester_id: requester,
        approvers,
        approval_type,
        response_options,
        responses,
        status,
        outcome: o.string("msdyn_flow_approval_result")?.map(str::to_string),
        created_at: o.required_string("createdon")?.to_string(),
        completed_at: o
            .string("msdyn_flow_approval_completedon")?
            .map(str::to_string),
    })
}
