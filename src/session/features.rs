//! What a signed-in person may use in the tenant they are signed into.
//!
//! Guests have the member experience in the portal, the mobile app and widgets —
//! except Process Mining, never offered to guests. Flows, widgets and Process Mining
//! need a license that counts and consent; approvals need a license that counts;
//! people search follows the tenant's guest access setting for guests.

use crate::b2b::{self, LicenseSource, Missing};
use crate::directory::Directory;
use crate::model::{GuestAccess, Tenant, User};
use serde::Serialize;

/// One yes/no with the reason for a no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Feature {
    /// May the person use it.
    pub allowed: bool,
    /// Why not (`NO_LICENSE`, `NO_CONSENT`, `NOT_OFFERED_TO_GUESTS`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    /// The reason in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<&'static str>,
}

impl Feature {
    fn yes() -> Feature {
        Feature {
            allowed: true,
            code: None,
            message: None,
        }
    }

    fn no(code: &'static str, message: &'static str) -> Feature {
        Feature {
            allowed: false,
            code: Some(code),
            message: Some(message),
        }
    }

    fn unless(missing: Option<Missing>) -> Feature {
        match missing {
            None => Feature::yes(),
            Some(m) => Feature::no(m.code(), m.message()),
        }
    }
}

/// How much of the directory a person's people search covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SearchMode {
    /// Typeahead over the whole tenant directory (members; guests with `sameAsMember`).
    Full,
    /// Only an exact mail or userPrincipalName finds someone (guests, `limited`).
    ExactOnly,
    /// No directory search at all (guests, `restricted`).
    None,
}

/// People search for this person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeopleSearch {
    /// Whether any search is possible.
    pub allowed: bool,
    /// How much it covers.
    pub mode: SearchMode,
    /// Why it is narrowed (`GUEST_SEARCH_LIMITED`, `GUEST_SEARCH_RESTRICTED`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
}

/// What a signed-in person may use here (`session.features()`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Features {
    /// Create flows.
    pub create_flows: Feature,
    /// Run flows shared with them.
    pub run_flows: Feature,
    /// See and respond to approvals of this tenant.
    pub approvals: Feature,
    /// Use flows from widgets (SharePoint, Teams, Excel, Power BI, Outlook).
    pub widgets: Feature,
    /// Process Mining (never offered to guests).
    pub process_mining: Feature,
    /// People search.
    pub people_search: PeopleSearch,
    /// Where the license that counts comes from, if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<LicenseSource>,
}

/// The people search mode for `user` in `tenant`.
pub fn search_mode(tenant: &Tenant, user: &User) -> PeopleSearch {
    if !user.is_guest() {
        return PeopleSearch {
            allowed: true,
            mode: SearchMode::Full,
            code: None,
        };
    }
    match tenant.settings.guest_access {
        GuestAccess::SameAsMember => PeopleSearch {
            allowed: true,
            mode: SearchMode::Full,
            code: None,
        },
        GuestAccess::Limited => PeopleSearch {
            allowed: true,
            mode: SearchMode::ExactOnly,
            code: Some("GUEST_SEARCH_LIMITED"),
        },
        GuestAccess::Restricted => PeopleSearch {
            allowed: false,
            mode: SearchMode::None,
            code: Some("GUEST_SEARCH_RESTRICTED"),
        },
    }
}

/// Every feature for `user` signed into `tenant`.
pub fn of(dir: &Directory, tenant: &Tenant, user: &User) -> Features {
    let flows = b2b::flow_prerequisite(dir, user);
    let license = b2b::license_source(dir, user);
    let approvals = if user.is_pending() {
        Some(Missing::InvitationPending)
    } else if license.is_none() {
        Some(Missing::NoLicense)
    } else {
        None
    };
    let process_mining = if user.is_guest() {
        Feature::no(
            "NOT_OFFERED_TO_GUESTS",
            "Process Mining is not offered to guests",
        )
    } else {
        Feature::unless(flows)
    };
    Features {
        create_flows: Feature::unless(flows),
        run_flows: Feature::unless(flows),
        approvals: Feature::unless(approvals),
        widgets: Feature::unless(flows),
        process_mining,
        people_search: search_mode(tenant, user),
        license,
    }
}
