//! The input of `fromGraph` with its service rows typed ([`rows`](super::rows)): what the
//! readers read. It is made either from a [`ValueInput`] (each page's `Value` read into
//! rows, borrowing its strings) or straight from JSON text (no `Value` tree at all: the
//! fast path of `Directory.fromSources`). The envelope is the same struct, field for
//! field, as [`ValueTenant`] (same field and struct names, defaults, unknown fields and
//! arrays refused, so the same messages); only the pages differ.

use super::lenient::Page;
use super::rows::{
    AppRoleAssignmentRow, DirectoryObjectRow, GroupRow, ServicePrincipalRow, UserRow,
};
use super::{GraphInput as ValueInput, GraphTenant as ValueTenant};
use crate::error::{Error, Result};
use crate::json_object::ObjectOnly;
use crate::model::{Cloud, Id, TenantSettings};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Graph pages for one or more tenants, rows typed (see [`ValueInput`]; the same name, for serde's messages).
#[derive(Debug, Default, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub(crate) struct GraphInput<'a> {
    #[serde(default, borrow)]
    pub tenants: Vec<GraphTenant<'a>>,
}

/// What Graph returned for one tenant, rows typed (see [`ValueTenant`]; the same name, for serde's messages).
#[derive(Debug, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub(crate) struct GraphTenant<'a> {
    pub organization: Cow<'a, Value>,
    #[serde(default = "super::global")]
    pub cloud: Cloud,
    #[serde(default)]
    pub settings: Cow<'a, TenantSettings>,
    #[serde(default, borrow)]
    pub users: Vec<Page<UserRow<'a>>>,
    #[serde(default, borrow)]
    pub groups: Vec<Page<GroupRow<'a>>>,
    #[serde(default, borrow)]
    pub group_members: BTreeMap<Id, Vec<Page<DirectoryObjectRow<'a>>>>,
    #[serde(default, borrow)]
    pub group_owners: BTreeMap<Id, Vec<Page<DirectoryObjectRow<'a>>>>,
    #[serde(default)]
    pub consented_to_power_automate: Cow<'a, [Id]>,
    #[serde(default)]
    pub authorization_policy: Option<Cow<'a, Value>>,
    #[serde(default)]
    pub cross_tenant_access_policy: Option<Cow<'a, Value>>,
    #[serde(default)]
    pub cross_tenant_access_default: Option<Cow<'a, Value>>,
    #[serde(default)]
    pub cross_tenant_access_partners: Cow<'a, [Value]>,
    #[serde(default)]
    pub subscribed_skus: Cow<'a, [Value]>,
    #[serde(default, borrow)]
    pub service_principals: Vec<Page<ServicePrincipalRow<'a>>>,
    #[serde(default, borrow)]
    pub service_principal_owners: BTreeMap<Id, Vec<Page<DirectoryObjectRow<'a>>>>,
    #[serde(default, borrow)]
    pub app_role_assigned_to: BTreeMap<Id, Vec<Page<AppRoleAssignmentRow<'a>>>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for GraphInput<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        GraphInput::deserialize(ObjectOnly(d))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for GraphTenant<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        GraphTenant::deserialize(ObjectOnly(d))
    }
}

/// Each page of `pages` read into typed rows, borrowing from it.
pub(crate) fn typed<'v, T: Deserialize<'v>>(pages: &'v [Value]) -> Result<Vec<Page<T>>> {
    pages
        .iter()
        .map(|p| Page::deserialize(p).map_err(Error::from))
        .collect()
}

/// [`typed`] for each list of pages of a map.
pub(crate) fn typed_map<'v, T: Deserialize<'v>>(
    map: &'v BTreeMap<Id, Vec<Value>>,
) -> Result<BTreeMap<Id, Vec<Page<T>>>> {
    map.iter()
        .map(|(k, pages)| Ok((k.clone(), typed(pages)?)))
        .collect()
}

impl ValueInput {
    /// The same input with its rows typed, borrowing from it.
    pub(crate) fn typed(&self) -> Result<GraphInput<'_>> {
        Ok(GraphInput {
            tenants: self
                .tenants
                .iter()
                .map(ValueTenant::typed)
                .collect::<Result<_>>()?,
        })
    }
}

impl ValueTenant {
    /// The same tenant's pages with their rows typed, borrowing from them.
    fn typed(&self) -> Result<GraphTenant<'_>> {
        Ok(GraphTenant {
            organization: Cow::Borrowed(&self.organization),
            cloud: self.cloud,
            settings: Cow::Borrowed(&self.settings),
            users: typed(&self.users)?,
            groups: typed(&self.groups)?,
            group_members: typed_map(&self.group_members)?,
            group_owners: typed_map(&self.group_owners)?,
            consented_to_power_automate: Cow::Borrowed(&self.consented_to_power_automate),
            authorization_policy: self.authorization_policy.as_ref().map(Cow::Borrowed),
            cross_tenant_access_policy: self.cross_tenant_access_policy.as_ref().map(Cow::Borrowed),
            cross_tenant_access_default: self
                .cross_tenant_access_default
                .as_ref()
                .map(Cow::Borrowed),
            cross_tenant_access_partners: Cow::Borrowed(&self.cross_tenant_access_partners),
            subscribed_skus: Cow::Borrowed(&self.subscribed_skus),
            service_principals: typed(&self.service_principals)?,
            service_principal_owners: typed_map(&self.service_principal_owners)?,
            app_role_assigned_to: typed_map(&self.app_role_assigned_to)?,
        })
    }
}
