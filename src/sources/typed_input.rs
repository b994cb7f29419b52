//! The input of `fromSources` with its service rows typed ([`rows`](super::rows)): what
//! the readers read, made either from a [`SourcesInput`] (each page's `Value` read into
//! rows, borrowing its strings) or straight from JSON text, with no `Value` tree of the
//! pages at all ([`SourcesPages::from_json`], the path `Directory.fromSources` takes).
//! The envelope is the same, field for field, as [`SourcesInput`],
//! [`EnvironmentFlows`] and [`EnvironmentApprovals`] (same names, defaults, unknown
//! fields and arrays refused, same messages); only the pages differ.

use super::rows::{ApprovalRow, FlowRow, PermissionRow, RequestRow, ResponseRow, SystemUserRow};
use super::{EnvironmentApprovals, EnvironmentFlows, SourcesInput};
use crate::error::Result;
use crate::graph::lenient::Page;
use crate::graph::typed_input::{typed, typed_map, GraphPages};
use crate::json_object::ObjectOnly;
use crate::json_path::Origin;
use crate::model::Id;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;

/// Pages from every source, rows typed (see [`SourcesInput`]).
#[derive(Debug, Default, Deserialize)]
#[serde(remote = "Self", rename = "SourcesInput", rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub(crate) struct SourcesPages<'a> {
    #[serde(default, borrow)]
    pub graph: GraphPages<'a>,
    #[serde(default, borrow)]
    pub power_automate: Vec<FlowsPages<'a>>,
    #[serde(default, borrow)]
    pub dataverse: Vec<ApprovalsPages<'a>>,
}

/// One Power Automate environment's pages, rows typed (see [`EnvironmentFlows`]).
#[derive(Debug, Deserialize)]
#[serde(remote = "Self", rename = "EnvironmentFlows", rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub(crate) struct FlowsPages<'a> {
    pub tenant_id: Id,
    pub environment: String,
    #[serde(default, borrow)]
    pub flows: Vec<Page<FlowRow<'a>>>,
    #[serde(default, borrow)]
    pub permissions: BTreeMap<Id, Vec<Page<PermissionRow<'a>>>>,
}

/// One Dataverse environment's pages, rows typed (see [`EnvironmentApprovals`]).
#[derive(Debug, Deserialize)]
#[serde(
    remote = "Self",
    rename = "EnvironmentApprovals",
    rename_all = "camelCase"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct ApprovalsPages<'a> {
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
objects_only_borrowed!(SourcesPages, FlowsPages, ApprovalsPages);

impl<'a> SourcesPages<'a> {
    /// Reads sources input from JSON text, borrowing its strings (`INVALID_INPUT` or
    /// `UNKNOWN_FIELD` when it does not parse, exactly as [`SourcesInput::from_json`]).
    pub fn from_json(text: &'a str, origin: Origin) -> Result<SourcesPages<'a>> {
        crate::json_path::parse_borrowed(text, origin)
    }
}

impl SourcesInput {
    /// The same input with its rows typed, borrowing from it.
    pub(crate) fn typed(&self) -> Result<SourcesPages<'_>> {
        Ok(SourcesPages {
            graph: self.graph.typed()?,
            power_automate: self
                .power_automate
                .iter()
                .map(EnvironmentFlows::typed)
                .collect::<Result<_>>()?,
            dataverse: self
                .dataverse
                .iter()
                .map(EnvironmentApprovals::typed)
                .collect::<Result<_>>()?,
        })
    }
}

impl EnvironmentFlows {
    fn typed(&self) -> Result<FlowsPages<'_>> {
        Ok(FlowsPages {
            tenant_id: self.tenant_id.clone(),
            environment: self.environment.clone(),
            flows: typed(&self.flows)?,
            permissions: typed_map(&self.permissions)?,
        })
    }
}

impl EnvironmentApprovals {
    fn typed(&self) -> Result<ApprovalsPages<'_>> {
        Ok(ApprovalsPages {
            tenant_id: self.tenant_id.clone(),
            environment: self.environment.clone(),
            system_users: typed(&self.system_users)?,
            approvals: typed(&self.approvals)?,
            approval_requests: typed(&self.approval_requests)?,
            approval_responses: typed(&self.approval_responses)?,
        })
    }
}
