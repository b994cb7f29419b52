//! The Graph rows guestpass reads, as typed structs: only the properties the readers
//! use, each kept as found ([`Scalar`], [`List`], [`Row`]) so that a wrong type is
//! refused by the reader with its path. Every other property Graph sends is skipped
//! while parsing.

use super::lenient::{List, Row, Scalar};
use serde::Deserialize;

/// A Graph `user` (`GET /users`), the properties `users` reads.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct UserRow<'a> {
    #[serde(borrow)]
    pub id: Scalar<'a>,
    #[serde(borrow)]
    pub display_name: Scalar<'a>,
    #[serde(borrow)]
    pub given_name: Scalar<'a>,
    #[serde(borrow)]
    pub surname: Scalar<'a>,
    #[serde(borrow)]
    pub mail: Scalar<'a>,
    #[serde(borrow)]
    pub other_mails: List<Scalar<'a>>,
    #[serde(borrow)]
    pub user_principal_name: Scalar<'a>,
    #[serde(borrow)]
    pub user_type: Scalar<'a>,
    #[serde(borrow)]
    pub external_user_state: Scalar<'a>,
    #[serde(borrow)]
    pub creation_type: Scalar<'a>,
    #[serde(borrow)]
    pub job_title: Scalar<'a>,
    #[serde(borrow)]
    pub account_enabled: Scalar<'a>,
    #[serde(borrow)]
    pub assigned_plans: List<Row<PlanRow<'a>>>,
    #[serde(borrow)]
    pub assigned_licenses: List<Row<LicenceRow<'a>>>,
}

/// A Graph `assignedPlan`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct PlanRow<'a> {
    #[serde(borrow)]
    pub service: Scalar<'a>,
    #[serde(borrow)]
    pub capability_status: Scalar<'a>,
}

/// A Graph `assignedLicense`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct LicenceRow<'a> {
    #[serde(borrow)]
    pub sku_id: Scalar<'a>,
    #[serde(borrow)]
    pub disabled_plans: List<Scalar<'a>>,
}

/// A Graph `group` (`GET /groups`), the properties `groups` reads.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct GroupRow<'a> {
    #[serde(borrow)]
    pub id: Scalar<'a>,
    #[serde(borrow)]
    pub display_name: Scalar<'a>,
    #[serde(borrow)]
    pub description: Scalar<'a>,
    #[serde(borrow)]
    pub group_types: List<Scalar<'a>>,
    #[serde(borrow)]
    pub security_enabled: Scalar<'a>,
    #[serde(borrow)]
    pub mail_enabled: Scalar<'a>,
    #[serde(borrow)]
    pub on_premises_sync_enabled: Scalar<'a>,
}

/// A `directoryObject` of `/groups/{id}/members` or `/owners`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct DirectoryObjectRow<'a> {
    #[serde(borrow, rename = "@odata.type")]
    pub odata_type: Scalar<'a>,
    #[serde(borrow)]
    pub id: Scalar<'a>,
}

/// A Graph `servicePrincipal` (`GET /servicePrincipals`), the properties `apps` reads.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct ServicePrincipalRow<'a> {
    #[serde(borrow)]
    pub id: Scalar<'a>,
    #[serde(borrow)]
    pub display_name: Scalar<'a>,
    #[serde(borrow)]
    pub preferred_single_sign_on_mode: Scalar<'a>,
}

/// An `appRoleAssignment` of `/servicePrincipals/{id}/appRoleAssignedTo`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub(crate) struct AppRoleAssignmentRow<'a> {
    #[serde(borrow)]
    pub principal_id: Scalar<'a>,
    #[serde(borrow)]
    pub principal_type: Scalar<'a>,
}
