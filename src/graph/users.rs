//! A Graph `user` resource → a user object of one tenant.
//!
//! Read: `id`, `displayName` (absent → the UPN), `givenName`, `surname`, `mail`,
//! `otherMails`, `userPrincipalName`, `userType`, `externalUserState`, `creationType`,
//! `jobTitle`, `assignedPlans`. `userType` is only returned on `$select`; when it is
//! absent, a UPN containing `#EXT#` means `Guest`, anything else `Member`.
//! `externalUserState` is kept for guests only.
//!
//! Licenses come from `assignedPlans` whose `capabilityStatus` is `Enabled` or
//! `Warning` (Graph: "available for normal use … but in a grace period"); `Suspended`,
//! `Deleted` and `LockedOut` plans count for nothing. The plan's `service`, compared
//! without case:
//!
//! | `service`                 | license kind     |
//! |---------------------------|------------------|
//! | `ProcessSimple`           | `powerAutomate`  |
//! | `exchange`, `SharePoint`  | `office365`      |
//! | anything else             | ignored          |
//!
//! Each kind appears once, `office365` before `powerAutomate`.

use super::fields::Object;
use crate::error::Result;
use crate::model::{ExternalUserState, User, UserType};

/// The license kind an Office 365 plan counts as.
pub(super) const OFFICE365: &str = "office365";
/// The license kind a plan with Power Automate counts as.
pub(super) const POWER_AUTOMATE: &str = "powerAutomate";

fn user_type(o: &Object<'_>, upn: &str) -> Result<UserType> {
    match o.string("userType")? {
        Some("Member") => Ok(UserType::Member),
        Some("Guest") => Ok(UserType::Guest),
        Some(other) => Err(o.wrong(
            "userType",
            "\"Member\", \"Guest\" or null",
            &format!("\"{other}\""),
        )),
        None if upn.contains("#EXT#") => Ok(UserType::Guest),
        None => Ok(UserType::Member),
    }
}

fn external_user_state(o: &Object<'_>) -> Result<Option<ExternalUserState>> {
    match o.string("externalUserState")? {
        None => Ok(None),
        Some("PendingAcceptance") => Ok(Some(ExternalUserState::PendingAcceptance)),
        Some("Accepted") => Ok(Some(ExternalUserState::Accepted)),
        Some(other) => Err(o.wrong(
            "externalUserState",
            "\"PendingAcceptance\", \"Accepted\" or null",
            &format!("\"{other}\""),
        )),
    }
}

/// The license kinds the user's usable assigned plans count as.
pub(super) fn licenses(o: &Object<'_>) -> Result<Vec<String>> {
    let (mut office, mut automate) = (false, false);
    for plan in o.objects("assignedPlans")? {
        let usable = matches!(
            plan.string("capabilityStatus")?,
            Some("Enabled" | "Warning")
        );
        let service = plan.string("service")?.unwrap_or("");
        if !usable {
            continue;
        }
        if service.eq_ignore_ascii_case("ProcessSimple") {
            automate = true;
        } else if service.eq_ignore_ascii_case("exchange")
            || service.eq_ignore_ascii_case("SharePoint")
        {
            office = true;
        }
    }
    let mut kinds = Vec::new();
    if office {
        kinds.push(OFFICE365.to_string());
    }
    if automate {
        kinds.push(POWER_AUTOMATE.to_string());
    }
    Ok(kinds)
}

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::to_string)
}

/// The user object of tenant `tenant_id` that a Graph user describes (home tenant and
/// consent are filled in later).
pub(super) fn user(o: &Object<'_>, tenant_id: &str) -> Result<User> {
    let id = o.required_string("id")?;
    let upn = o.required_string("userPrincipalName")?;
    let user_type = user_type(o, upn)?;
    let state = external_user_state(o)?;
    Ok(User {
        id: id.to_string(),
        tenant_id: tenant_id.to_string(),
        display_name: o.string("displayName")?.unwrap_or(upn).to_string(),
        given_name: owned(o.string("givenName")?),
        surname: owned(o.string("surname")?),
        mail: owned(o.string("mail")?),
        other_mails: o
            .strings("otherMails")?
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
        creation_type: owned(o.string("creationType")?),
        job_title: owned(o.string("jobTitle")?),
        home_tenant_id: None,
        home_user_id: None,
        licenses: licenses(o)?,
        consented_to_power_automate: false,
    })
}
