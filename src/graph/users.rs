//! A Graph `user` resource → a user object of one tenant.
//!
//! Read: `id`, `displayName` (absent → the UPN), `givenName`, `surname`, `mail`,
//! `otherMails`, `userPrincipalName`, `userType`, `externalUserState`, `creationType`,
//! `jobTitle`, `accountEnabled`, `assignedPlans` (or `assignedLicenses`). `userType` is only returned on `$select`; when it is
//! absent, a UPN containing `#EXT#` (in any case) means `Guest`, anything else `Member`.
//! `externalUserState` is kept for guests only.
//!
//! Licenses: a plan counts for flows when it carries the Power Automate service and is
//! enabled ("Power Automate licensing" and "Power Automate for guest users": a licence
//! that counts is any plan with Power Automate, which every Office 365 plan that
//! includes flows carries as its `FLOW_O365_*` service plan). From `assignedPlans`
//! (Graph `assignedPlan`): the plan's `service` is `ProcessSimple` (compared without
//! case) and its `capabilityStatus` is `Enabled` or `Warning` (Graph: "available for
//! normal use … but in a grace period"); `Suspended`, `Deleted` and `LockedOut` plans
//! and plans of other services (an Exchange-only or SharePoint-only plan) count for
//! nothing. A user whose page has no `assignedPlans` property (it only comes on
//! `$select`) is read from `assignedLicenses` and the tenant's `/subscribedSkus`: see
//! `skus`. Either way the user holds the kind `powerAutomate` once, or nothing.
//!
//! `accountEnabled: false` → the account cannot sign in (`ACCOUNT_DISABLED`); absent or
//! `null` → enabled.

use super::read::Item;
use super::rows::UserRow;
use crate::error::Result;
use crate::model::{ExternalUserState, User, UserType};

/// The license kind a plan with Power Automate counts as.
pub(super) const POWER_AUTOMATE: &str = "powerAutomate";

fn user_type(o: Item<'_, UserRow<'_>>, upn: &str) -> Result<UserType> {
    match o.spot.string("userType", &o.row.user_type)? {
        Some("Member") => Ok(UserType::Member),
        Some("Guest") => Ok(UserType::Guest),
        Some(other) => Err(o.spot.wrong(
            "userType",
            "\"Member\", \"Guest\" or null",
            &format!("\"{other}\""),
        )),
        // Entra writes `#EXT#`; compare without case so `#ext#` is a guest too.
        None if crate::model::guest_upn::is_guest_upn(upn) => Ok(UserType::Guest),
        None => Ok(UserType::Member),
    }
}

fn external_user_state(o: Item<'_, UserRow<'_>>) -> Result<Option<ExternalUserState>> {
    match o
        .spot
        .string("externalUserState", &o.row.external_user_state)?
    {
        None => Ok(None),
        Some("PendingAcceptance") => Ok(Some(ExternalUserState::PendingAcceptance)),
        Some("Accepted") => Ok(Some(ExternalUserState::Accepted)),
        Some(other) => Err(o.spot.wrong(
            "externalUserState",
            "\"PendingAcceptance\", \"Accepted\" or null",
            &format!("\"{other}\""),
        )),
    }
}

/// Whether a plan's `capabilityStatus` lets it be used (Graph `assignedPlan`).
pub(super) fn usable(status: Option<&str>) -> bool {
    matches!(status, Some("Enabled" | "Warning"))
}

/// The license kinds the user's plans count as: from `assignedPlans` when the page
/// carries them, else from `assignedLicenses` and the tenant's subscribed SKUs.
pub(super) fn licenses(o: Item<'_, UserRow<'_>>, skus: &super::skus::Skus) -> Result<Vec<String>> {
    let counts = if !matches!(o.row.assigned_plans, super::lenient::List::Absent) {
        let mut any = false;
        for plan in o.spot.objects("assignedPlans", &o.row.assigned_plans)? {
            let service = plan
                .spot
                .string("service", &plan.row.service)?
                .unwrap_or("");
            let status = plan
                .spot
                .string("capabilityStatus", &plan.row.capability_status)?;
            // Graph `assignedPlan`: Power Automate is the `ProcessSimple` service; only
            // `Enabled` and `Warning` plans are usable ("Power Automate licensing").
            any |= usable(status) && service.eq_ignore_ascii_case("ProcessSimple");
        }
        any
    } else {
        skus.any_with_power_automate(o)?
    };
    Ok(if counts {
        vec![POWER_AUTOMATE.to_string()]
    } else {
        Vec::new()
    })
}

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::to_string)
}

/// The user object of tenant `tenant_id` that a Graph user describes (home tenant and
/// consent are filled in later).
pub(super) fn user(
    o: Item<'_, UserRow<'_>>,
    tenant_id: &str,
    skus: &super::skus::Skus,
) -> Result<User> {
    let (at, row) = (o.spot, o.row);
    let id = at.required_string("id", &row.id)?;
    let upn = at.required_string("userPrincipalName", &row.user_principal_name)?;
    let user_type = user_type(o, upn)?;
    let state = external_user_state(o)?;
    Ok(User {
        id: id.to_string(),
        tenant_id: tenant_id.to_string(),
        display_name: at
            .string("displayName", &row.display_name)?
            .unwrap_or(upn)
            .to_string(),
        given_name: owned(at.string("givenName", &row.given_name)?),
        surname: owned(at.string("surname", &row.surname)?),
        // A stray space around an address is not part of it (issue 21: a mail with a
        // trailing space found no home tenant).
        mail: owned(
            at.string("mail", &row.mail)?
                .map(str::trim)
                .filter(|m| !m.is_empty()),
        ),
        other_mails: at
            .strings("otherMails", &row.other_mails)?
            .into_iter()
            .map(str::to_string)
            .collect(),
        user_principal_name: upn.to_string(),
        user_type,
        external_user_state: if user_type == UserType::Guest {
            state
        } else {
            None
        },
        creation_type: owned(at.string("creationType", &row.creation_type)?),
        job_title: owned(at.string("jobTitle", &row.job_title)?),
        home_tenant_id: None,
        home_user_id: None,
        licenses: licenses(o, skus)?,
        consented_to_power_automate: false,
        account_enabled: at
            .boolean("accountEnabled", &row.account_enabled)?
            .unwrap_or(true),
    })
}
