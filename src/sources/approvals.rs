//! Dataverse's Approvals tables → approvals, in the shapes the Dataverse Web API
//! returns (OData pages of rows; lookups as `_<column>_value`), following the table
//! references "Approval (msdyn_flow_approval)", "Approval Request
//! (msdyn_flow_approvalrequest)", "Approval Response (msdyn_flow_approvalresponse)"
//! and "User (systemuser)".
//!
//! - Each approval lives in the tenant of the environment entry, and in that entry's
//!   `environment`.
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
//! - Its flow ("Flow Approval (msdyn_flow_flowapproval)": `_msdyn_flow_flowapproval_approval_value`
//!   is "the linked approval", `msdyn_flow_flowapproval_flowid` "the logic apps id of the
//!   flow", which we read as the flow's `name` in Power Automate, the id guestpass gives it
//!   — the reference does not say so; a flow is a Logic Apps workflow of that name): the
//!   flow of that name (ignoring ASCII case, as Dataverse's ids) among the tenant's
//!   `powerAutomate` flows. A link to a flow the input does not hold (deleted, or of an
//!   environment not loaded) leaves the approval without a flow, a link to an approval the
//!   environment does not list is ignored, and of two links of one approval the first in
//!   row order counts: no document says more, and guestpass invents no flow.

use super::grouped::Grouped;
use super::references::lowercase;
use super::rows::{ApprovalRow, FlowApprovalRow, RequestRow, ResponseRow};
use super::References;
use crate::error::{Error, Result};
use crate::graph::maps::{keyed_map, KeyedMap, KeyedSet};
use crate::graph::read::Item;
use crate::model::{Approval, ApprovalResponse, ApprovalStatus, ApprovalType, Id, APPROVE, REJECT};
use std::borrow::Cow;

/// A tenant's flows by `name` in lowercase (the first flow of a name, should two differ
/// in case only) → the flow's id.
pub(super) type FlowNames<'f> = KeyedMap<Cow<'f, str>, &'f str>;

const REASSIGNED: i64 = 192_350_000;
const COMMITTED: i64 = 192_350_002;
const CUSTOM_OPTIONS: i64 = 192_350_002;

fn status(o: Item<'_, ApprovalRow<'_>>) -> Result<ApprovalStatus> {
    // "Approval (msdyn_flow_approval)" table reference: the statuscode choices.
    Ok(match o.spot.integer("statuscode", &o.row.statuscode)? {
        None | Some(192_350_000..=192_350_002) => ApprovalStatus::Pending,
        Some(192_350_004) => ApprovalStatus::Completed,
        Some(192_350_005) => ApprovalStatus::Expired,
        Some(192_350_006 | 192_350_007) => ApprovalStatus::Canceled,
        Some(other) => {
            return Err(o.spot.wrong(
                "statuscode",
                "an approval status reason (192350000-192350002, 192350004-192350007)",
                &other.to_string(),
            ))
        }
    })
}

/// The rows of requests and responses, grouped by the approval they belong to.
pub(super) struct Rows<'a> {
    /// Approval id → its request rows.
    pub requests: Grouped<'a, RequestRow<'a>>,
    /// Approval id → its response rows.
    pub responses: Grouped<'a, ResponseRow<'a>>,
}

/// What an approval's requests say: its approvers, whether they are in more than one
/// step, and the first request (which carries the response options).
struct Requested<'s> {
    approvers: Vec<Id>,
    several_steps: bool,
    first: Option<Item<'s, RequestRow<'s>>>,
}

/// The approvers of an approval, in step order, from its requests that still stand
/// ("Approval Request (msdyn_flow_approvalrequest)": a reassigned request no longer
/// does), with the first of them (which carries the response options).
fn approvers<'s>(
    id: &str,
    requests: &Grouped<'s, RequestRow<'s>>,
    refs: &References<'_>,
) -> Result<Requested<'s>> {
    let rows = requests.get(id);
    let mut kept = Vec::with_capacity(rows.len());
    for &a in rows {
        let r = requests.item(a);
        if r.spot.integer("statuscode", &r.row.statuscode)? != Some(REASSIGNED) {
            let step = r.spot.integer(
                "msdyn_flow_approvalrequest_stepnumber",
                &r.row.msdyn_flow_approvalrequest_stepnumber,
            )?;
            kept.push((step.unwrap_or(0), a));
        }
    }
    // Requests of one step (the usual case) are already in step order.
    let several_steps = kept.windows(2).any(|w| w[0].0 != w[1].0);
    if several_steps {
        kept.sort_by_key(|(step, _)| *step);
    }
    let mut approvers: Vec<Id> = Vec::with_capacity(kept.len());
    let mut seen = KeyedSet::default();
    for &(_, a) in &kept {
        let r = requests.item(a);
        let owner = r.spot.required_string("_ownerid_value", &r.row.owner)?;
        let who = refs.dataverse_user(id, "approvers", owner)?;
        // A few approvers are compared in place; many through a set.
        let new = match kept.len() {
            0..=8 => !approvers.iter().any(|known| known == who),
            _ => seen.insert(who),
        };
        if new {
            approvers.push(who.to_string());
        }
    }
    Ok(Requested {
        approvers,
        several_steps,
        first: kept.first().map(|&(_, a)| requests.item(a)),
    })
}

/// The response options the first request names: custom (`CustomOptions`, its
/// comma-separated options) or Approve/Reject.
fn options(first: Option<Item<'_, RequestRow<'_>>>) -> Result<(bool, Vec<String>)> {
    let Some(r) = first else {
        return Ok((false, vec![APPROVE.to_string(), REJECT.to_string()]));
    };
    let kind = r.spot.integer(
        "msdyn_flow_approvalrequest_responseoptionstype",
        &r.row.msdyn_flow_approvalrequest_responseoptionstype,
    )?;
    if kind != Some(CUSTOM_OPTIONS) {
        return Ok((false, vec![APPROVE.to_string(), REJECT.to_string()]));
    }
    let options = r
        .spot
        .string(
            "msdyn_flow_approvalrequest_responseoptions",
            &r.row.msdyn_flow_approvalrequest_responseoptions,
        )?
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Ok((true, options))
}

/// The committed responses of an approval, oldest first ("Approval Response
/// (msdyn_flow_approvalresponse)": reviewing and saved ones are drafts).
fn responses(
    id: &str,
    rows: &Grouped<'_, ResponseRow<'_>>,
    refs: &References<'_>,
) -> Result<Vec<ApprovalResponse>> {
    let mut responses = Vec::new();
    for &a in rows.get(id) {
        let r = rows.item(a);
        let (at, row) = (r.spot, r.row);
        if at
            .integer("statuscode", &row.statuscode)?
            .is_some_and(|s| s != COMMITTED)
        {
            continue;
        }
        let owner = at.required_string("_ownerid_value", &row.owner)?;
        responses.push(ApprovalResponse {
            approver_id: refs.dataverse_user(id, "responses", owner)?.to_string(),
            response: at
                .required_string(
                    "msdyn_flow_approvalresponse_response",
                    &row.msdyn_flow_approvalresponse_response,
                )?
                .to_string(),
            comments: at
                .string(
                    "msdyn_flow_approvalresponse_comments",
                    &row.msdyn_flow_approvalresponse_comments,
                )?
                .map(str::to_string),
            responded_at: at.required_string("createdon", &row.createdon)?.to_string(),
            on_behalf_of: None,
        });
    }
    responses.sort_by(|a, b| a.responded_at.cmp(&b.responded_at));
    Ok(responses)
}

/// Approval id → the flow that asked for it, from the `msdyn_flow_flowapprovals` rows
/// `links`, for the approvals of `listed`, among the tenant's flows `flows` (see the
/// module doc). Every row's columns are read, so a wrong type is refused wherever it is.
pub(super) fn flow_links<'s, 'f>(
    links: &[Item<'s, FlowApprovalRow<'s>>],
    listed: &KeyedSet<&str>,
    flows: Option<&FlowNames<'f>>,
) -> Result<KeyedMap<&'s str, Option<&'f str>>> {
    let mut out = keyed_map(links.len());
    for o in links {
        let approval = o
            .spot
            .required_string("_msdyn_flow_flowapproval_approval_value", &o.row.approval)?;
        let flow = o.spot.string(
            "msdyn_flow_flowapproval_flowid",
            &o.row.msdyn_flow_flowapproval_flowid,
        )?;
        // A link to an approval this environment does not list links nothing.
        if !listed.contains(approval) {
            continue;
        }
        // Two links of one approval: the first in row order counts.
        out.entry(approval).or_insert_with(|| {
            // A flow the input does not hold (deleted, another environment) is no flow: none is invented.
            flow.and_then(|f| flows?.get(lowercase(f).as_ref()).copied())
        });
    }
    Ok(out)
}

/// The approval an `msdyn_flow_approval` row describes, in `tenant_id` and its
/// `environment`, with its requests and responses, asked for by `flow_id` when known.
pub(super) fn approval(
    o: Item<'_, ApprovalRow<'_>>,
    tenant_id: &str,
    environment: &str,
    rows: &Rows<'_>,
    refs: &References<'_>,
    flow_id: Option<&str>,
) -> Result<Approval> {
    let (at, row) = (o.spot, o.row);
    let id = at.required_string("msdyn_flow_approvalid", &row.msdyn_flow_approvalid)?;
    let owner = at.required_string("_ownerid_value", &row.owner)?;
    let requester = refs.dataverse_user(id, "_ownerid_value", owner)?;
    let Requested {
        approvers,
        several_steps,
        first,
    } = approvers(id, &rows.requests, refs)?;
    let (custom, response_options) = options(first)?;
    let every = !at
        .string(
            "msdyn_flow_approval_modeltype",
            &row.msdyn_flow_approval_modeltype,
        )?
        .is_some_and(|m| m.eq_ignore_ascii_case("msdyn_flow_basicapprovalmodel"));
    if several_steps {
        // The connector's types assign every approver at once; requests in several steps are not one of them.
        return Err(Error::InvalidValue {
            field: format!("msdyn_flow_approvals[{id}].msdyn_flow_approvalrequest_stepnumber"),
            reason: crate::model::SEQUENTIAL_REFUSED.to_string(),
        });
    }
    let approval_type = match (custom, every) {
        (false, false) => ApprovalType::FirstToRespond,
        (false, true) => ApprovalType::EveryoneMustApprove,
        (true, false) => ApprovalType::CustomWaitForOne,
        (true, true) => ApprovalType::CustomWaitForAll,
    };
    let responses = responses(id, &rows.responses, refs)?;
    let status = status(o)?;
    let text = |field, v| at.string(field, v).map(|s| s.map(str::to_string));
    Ok(Approval {
        id: id.to_string(),
        tenant_id: tenant_id.to_string(),
        title: at
            .required_string("msdyn_flow_approval_title", &row.msdyn_flow_approval_title)?
            .to_string(),
        details: text(
            "msdyn_flow_approval_details",
            &row.msdyn_flow_approval_details,
        )?,
        requester_id: requester.to_string(),
        approvers,
        approval_type,
        response_options,
        responses,
        status,
        outcome: text(
            "msdyn_flow_approval_result",
            &row.msdyn_flow_approval_result,
        )?,
        created_at: at.required_string("createdon", &row.createdon)?.to_string(),
        completed_at: text(
            "msdyn_flow_approval_completedon",
            &row.msdyn_flow_approval_completedon,
        )?,
        flow_id: flow_id.map(str::to_string),
        environment: Some(environment.to_string()),
    })
}
