//! The Power Automate and Dataverse rows guestpass reads, as typed structs: only the
//! properties and columns the readers use, each kept as found so that a wrong type is
//! refused by the reader with its path (see `graph::lenient`). Every other property
//! (`@odata.etag`, formatted values, the columns we do not read) is skipped while parsing.

use crate::graph::lenient::{List, Row, Scalar};
use serde::Deserialize;

/// A flow of `…/environments/{environment}/flows`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct FlowRow<'a> {
    #[serde(borrow)]
    pub name: Scalar<'a>,
    #[serde(borrow)]
    pub properties: Row<FlowProperties<'a>>,
}

/// A flow's `properties`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct FlowProperties<'a> {
    #[serde(borrow)]
    pub display_name: Scalar<'a>,
    #[serde(borrow)]
    pub state: Scalar<'a>,
    #[serde(borrow)]
    pub creator: Row<Creator<'a>>,
    #[serde(borrow)]
    pub definition_summary: Row<DefinitionSummary<'a>>,
}

/// A flow's `properties.creator`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct Creator<'a> {
    #[serde(borrow)]
    pub object_id: Scalar<'a>,
}

/// A flow's `properties.definitionSummary`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct DefinitionSummary<'a> {
    #[serde(borrow)]
    pub triggers: List<Row<Typed<'a>>>,
}

/// An object read for its `type` (a trigger, a principal's kind).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct Typed<'a> {
    #[serde(borrow, rename = "type")]
    pub kind: Scalar<'a>,
}

/// A permission of `…/flows/{name}/permissions`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct PermissionRow<'a> {
    #[serde(borrow)]
    pub properties: Row<PermissionProperties<'a>>,
}

/// A permission's `properties`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct PermissionProperties<'a> {
    #[serde(borrow)]
    pub role_name: Scalar<'a>,
    #[serde(borrow)]
    pub principal: Row<Principal<'a>>,
}

/// A permission's `properties.principal`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct Principal<'a> {
    #[serde(borrow)]
    pub id: Scalar<'a>,
    #[serde(borrow, rename = "type")]
    pub kind: Scalar<'a>,
}

/// A row of Dataverse's `systemusers`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct SystemUserRow<'a> {
    #[serde(borrow)]
    pub systemuserid: Scalar<'a>,
    #[serde(borrow)]
    pub azureactivedirectoryobjectid: Scalar<'a>,
}

/// A row of `msdyn_flow_approvals`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ApprovalRow<'a> {
    #[serde(borrow)]
    pub msdyn_flow_approvalid: Scalar<'a>,
    #[serde(borrow, rename = "_ownerid_value")]
    pub owner: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_approval_title: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_approval_details: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_approval_result: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_approval_modeltype: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_approval_completedon: Scalar<'a>,
    #[serde(borrow)]
    pub createdon: Scalar<'a>,
    #[serde(borrow)]
    pub statuscode: Scalar<'a>,
}

/// A row of `msdyn_flow_approvalrequests`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct RequestRow<'a> {
    #[serde(borrow, rename = "_msdyn_flow_approvalrequest_approval_value")]
    pub approval: Scalar<'a>,
    #[serde(borrow, rename = "_ownerid_value")]
    pub owner: Scalar<'a>,
    #[serde(borrow)]
    pub statuscode: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_approvalrequest_stepnumber: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_approvalrequest_responseoptionstype: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_approvalrequest_responseoptions: Scalar<'a>,
}

/// A row of `msdyn_flow_approvalresponses`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ResponseRow<'a> {
    #[serde(borrow, rename = "_msdyn_flow_approvalresponse_approval_value")]
    pub approval: Scalar<'a>,
    #[serde(borrow, rename = "_ownerid_value")]
    pub owner: Scalar<'a>,
    #[serde(borrow)]
    pub statuscode: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_approvalresponse_response: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_approvalresponse_comments: Scalar<'a>,
    #[serde(borrow)]
    pub createdon: Scalar<'a>,
}

/// A row of `msdyn_flow_flowapprovals`: which flow asked for an approval.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct FlowApprovalRow<'a> {
    #[serde(borrow, rename = "_msdyn_flow_flowapproval_approval_value")]
    pub approval: Scalar<'a>,
    #[serde(borrow)]
    pub msdyn_flow_flowapproval_flowid: Scalar<'a>,
}
