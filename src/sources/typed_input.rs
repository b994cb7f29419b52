//! The input of `fromSources` with its service rows typed ([`rows`](super::rows)): what
//! the readers read, made either from a [`ValueInput`] (each page's `Value` read into
//! rows, borrowing its strings) or straight from JSON text, with no `Value` tree of the
//! pages at all ([`SourcesInput::from_json`], the path `Directory.fromSources` takes).
//! The envelope is the same, field for field, as [`ValueInput`], [`ValueFlows`] and
//! [`ValueApprovals`], under the same struct names (which serde's messages spell), with
//! the same defaults, unknown fields and arrays refused: the same messages. Only the
//! pages differ.

use super::rows::{
    ApprovalRow, FlowApprovalRow, FlowRow, PermissionRow, RequestRow, ResponseRow, SystemUserRow,
};
use super::{
    EnvironmentApprovals as ValueApprovals, EnvironmentFlows as ValueFlows,
    SourcesInput as ValueInput,
};
use crate::error::Result;
use crate::graph::lenient::Page;
use crate::graph::typed_input::{typed, typed_map, GraphInput as GraphPages};
use crate::json_object::ObjectOnly;
use crate::json_path::Origin;
use crate::model::Id;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// Pages from every source, rows typed (see [`ValueInput`]).
#[derive(Debug, Default, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub(crate) struct SourcesInput<'a> {
    #[serde(default, borrow)]
    pub graph: GraphPages<'a>,
    #[serde(default, borrow)]
    pub power_automate: Vec<EnvironmentFlows<'a>>,
    #[serde(default, borrow)]
    pub dataverse: Vec<EnvironmentApprovals<'a>>,
}

/// One Power Automate environment's pages, rows typed (see [`ValueFlows`]).
#[derive(Debug, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub(crate) struct EnvironmentFlows<'a> {
    pub tenant_id: Id,
    pub environment: String,
    #[serde(default, borrow)]
    pub flows: Vec<Page<FlowRow<'a>>>,
    #[serde(default, borrow)]
    pub permissions: BTreeMap<Id, Vec<Page<PermissionRow<'a>>>>,
}

/// One Dataverse environment's pages, rows typed (see [`ValueApprovals`]).
#[derive(Debug, Deserialize)]
#[serde(
    remote = "Self",
    rename = "EnvironmentApprovals",
    rename_all = "camelCase"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct EnvironmentApprovals<'a> {
    pub tenant_id: Id,
    pub environment: String,
    #[serde(default, borrow)]
    pub system_users: Vec<Page<SystemUserRow<'a>>>,
    #[serde(default, borrow)]
    pub approvals: Vec<Page<ApprovalRow<'a>>>,
    #[serde(default, borrow)]
    pub approval_requests: Vec<Page<RequestRow<'a>>>,
    #[serde(default, borrow)]
    pub approval_responses: Vec<Page<ResponseRow<'a>>>,
    #[serde(default, borrow)]
    pub flow_approvals: Vec<Page<FlowApprovalRow<'a>>>,
}

/// Implements `Deserialize` over the inherent one `remote = "Self"` derives, reading
/// from a JSON object only (see `json_object`).
macro_rules! objects_only_borrowed {
    ($($t:ident),+) => {
        $(
            impl<'de: 'a, 'a> Deserialize<'de> for $t<'a> {
                fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                    $t::deserialize(ObjectOnly(d))
                }
            }
        )+
    };
}
objects_only_borrowed!(SourcesInput, EnvironmentFlows, EnvironmentApprovals);

impl<'a> SourcesInput<'a> {
    /// Reads sources input from JSON text, borrowing its strings (`INVALID_INPUT` or
    /// `UNKNOWN_FIELD` when it does not parse, exactly as [`ValueInput::from_json`]).
    pub fn from_json(text: &'a str, origin: Origin) -> Result<SourcesInput<'a>> {
        crate::json_path::parse_borrowed(text, origin)
    }
}

impl ValueInput {
    /// The same input with its rows typed, borrowing from it.
    pub(crate) fn typed(&self) -> Result<SourcesInput<'_>> {
        Ok(SourcesInput {
            graph: self.graph.typed()?,
            power_automate: self
                .power_automate
                .iter()
                .map(ValueFlows::typed)
                .collect::<Result<_>>()?,
            dataverse: self
                .dataverse
                .iter()
                .map(ValueApprovals::typed)
                .collect::<Result<_>>()?,
        })
    }
}

impl ValueFlows {
    fn typed(&self) -> Result<EnvironmentFlows<'_>> {
        Ok(EnvironmentFlows {
            tenant_id: self.tenant_id.clone(),
            environment: self.environment.clone(),
            flows: typed(&self.flows)?,
            permissions: typed_map(&self.permissions)?,
        })
    }
}

impl ValueApprovals {
    fn typed(&self) -> Result<EnvironmentApprovals<'_>> {
        Ok(EnvironmentApprovals {
            tenant_id: self.tenant_id.clone(),
            environment: self.environment.clone(),
            system_users: typed(&self.system_users)?,
            approvals: typed(&self.approvals)?,
            approval_requests: typed(&self.approval_requests)?,
            approval_responses: typed(&self.approval_responses)?,
            flow_approvals: typed(&self.flow_approvals)?,
        })
    }
}
