//! A Graph `servicePrincipal` resource → an enterprise app, the `directoryObject` pages
//! of `/servicePrincipals/{id}/owners` → its owners, and the `appRoleAssignment` pages of
//! `/servicePrincipals/{id}/appRoleAssignedTo` → its assignments.
//!
//! Read from a service principal: `id`, `displayName` (absent → the id) and
//! `preferredSingleSignOnMode`. Every service principal of the pages is an app: which
//! ones to fetch is the caller's choice (the loaders ask for the enterprise applications,
//! those tagged `WindowsAzureActiveDirectoryIntegratedApp`). `appRoleAssignmentRequired`,
//! `accountEnabled`, `tags` and the rest are not read: the model has no place for them.
//!
//! Self-service application access ("Allow users to request access to this
//! application?", its group and its approval) is set in the Microsoft Entra admin center
//! only ("Enable self-service application assignment"); the Graph v1.0 `servicePrincipal`
//! has no property for it, so imported apps have no `selfService`.
//!
//! Owners are read as a group's owners are (`groups::directory_objects`): users of the
//! same tenant; service principals that own the app are skipped (the model's owners are
//! users). Assignments: each `appRoleAssignment`'s `principalId`, told apart by its
//! `principalType`.

use super::groups::{principals, Kind, Known, Named};
use super::read::Item;
use super::rows::{AppRoleAssignmentRow, ServicePrincipalRow};
use crate::error::Result;
use crate::model::{App, Id, SingleSignOn};

/// The single sign-on mode a `preferredSingleSignOnMode` names.
fn single_sign_on(o: Item<'_, ServicePrincipalRow<'_>>) -> Result<SingleSignOn> {
    let field = "preferredSingleSignOnMode";
    // servicePrincipal resource type — Microsoft Graph v1.0: "The supported values are
    // password, saml, notSupported, and oidc"; null when none was chosen.
    match o.spot.string(field, &o.row.preferred_single_sign_on_mode)? {
        None => Ok(SingleSignOn::None),
        Some("saml") => Ok(SingleSignOn::Saml),
        Some("oidc") => Ok(SingleSignOn::Oidc),
        Some("password") => Ok(SingleSignOn::Password),
        // Our reading: `notSupported` is an app without single sign-on, the model's `none`
        // (the conservative kind: self-service cannot be turned on without single sign-on).
        Some("notSupported") => Ok(SingleSignOn::None),
        // Not documented (Graph may add modes; none names linked sign-on): no document
        // says what a new mode allows, so the conservative kind, as `notSupported`, rather
        // than failing the tenant's whole load.
        Some(_) => Ok(SingleSignOn::None),
    }
}

/// The app of tenant `tenant_id` that a Graph service principal describes, without
/// owners or assignments.
pub(super) fn app(o: Item<'_, ServicePrincipalRow<'_>>, tenant_id: &str) -> Result<App> {
    let (at, row) = (o.spot, o.row);
    let id = at.required_string("id", &row.id)?;
    Ok(App {
        id: id.to_string(),
        tenant_id: tenant_id.to_string(),
        display_name: at
            .string("displayName", &row.display_name)?
            .unwrap_or(id)
            .to_string(),
        single_sign_on: single_sign_on(o)?,
        // "Enable self-service application assignment" (Microsoft Entra): admin center
        // only; servicePrincipal resource type — Microsoft Graph v1.0 has no such property.
        self_service: None,
        owners: Vec::new(),
        assignments: Vec::new(),
    })
}

/// The kinds of principal an `appRoleAssignment` may name, by its `principalType`; `None`
/// for a principal the model does not hold.
fn assignee_kinds(o: &Item<'_, AppRoleAssignmentRow<'_>>) -> Result<Option<&'static [Kind]>> {
    let field = "principalType";
    // appRoleAssignment resource type — Microsoft Graph v1.0: "This can either be User,
    // Group or ServicePrincipal".
    match o.spot.string(field, &o.row.principal_type)? {
        Some("User") => Ok(Some(&[Kind::User])),
        Some("Group") => Ok(Some(&[Kind::Group])),
        // An app-only permission grant to another app (same document): not an assignment
        // of people, and guestpass models no service principals.
        Some("ServicePrincipal") => Ok(None),
        None => Ok(Some(&[Kind::User, Kind::Group])),
        // Not documented (Graph may add kinds): a principal the model holds no kind of is
        // not assigned (the conservative answer), rather than failing the tenant's load.
        Some(_) => Ok(None),
    }
}

/// The users and groups the `appRoleAssignedTo` pages of app `app_id` (of the tenant at
/// position `tenant`) assign, in order, each once: a principal holding several app roles
/// is assigned once (appRoleAssignment resource type — Microsoft Graph v1.0: one
/// assignment per app role granted; the model keeps who is assigned).
pub(super) fn assignments(
    objects: &[Item<'_, AppRoleAssignmentRow<'_>>],
    app_id: &str,
    tenant: usize,
    known: &Known<'_>,
) -> Result<Vec<Id>> {
    let at = Named {
        from: app_id,
        field: "assignments",
        tenant,
    };
    principals(objects, at, known, |o| {
        let Some(accepted) = assignee_kinds(o)? else {
            return Ok(None);
        };
        Ok(Some((
            accepted,
            o.spot.required_string("principalId", &o.row.principal_id)?,
        )))
    })
}
