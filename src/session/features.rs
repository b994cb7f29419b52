//! What a signed-in person may use in the tenant they are signed into.
//!
//! Guests have the member experience in the portal, the mobile app and widgets —
//! except Process Mining, never offered to guests. Every Power Automate capability —
//! flows, widgets, Process Mining and approvals — needs the same prerequisites (Power
//! Automate "Support for guest users", Requirements: a licence that counts and consent);
//! people search follows the tenant's guest access setting for guests. Where a guest's
//! home facts are not known the answer is `unknown`, never a false "no".

use crate::b2b::{self, HomeFacts, LicenseSource, Outcome, Standing};
use crate::directory::Directory;
use crate::model::{GuestAccess, Tenant, User};
use serde::Serialize;

/// One yes/no/unknown with the reason for anything but yes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Feature {
    /// May the person use it: true only when certain.
    pub allowed: bool,
    /// `allowed`, `denied` or `unknown`.
    pub outcome: Outcome,
    /// Why not (`NO_LICENSE`, `NO_CONSENT`, `NOT_OFFERED_TO_GUESTS`, …) or what is not
    /// known (`HOME_LICENSE_UNKNOWN`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    /// The reason in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<&'static str>,
}

impl Feature {
    fn no(code: &'static str, message: &'static str) -> Feature {
        Feature {
            allowed: false,
            outcome: Outcome::Denied,
            code: Some(code),
            message: Some(message),
        }
    }

    /// The feature as the person's standing on the prerequisites answers it.
    pub fn of(standing: Standing) -> Feature {
        let outcome = standing.outcome();
        Feature {
            allowed: outcome == Outcome::Allowed,
            outcome,
            code: standing.code(),
            message: standing.message(),
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

/// Every feature for `user` signed into `tenant`, with the home facts the caller supplied.
pub fn of(dir: &Directory, tenant: &Tenant, user: &User, facts: &HomeFacts) -> Features {
    // One rule for every capability (Power Automate "Support for guest users").
    let standing = b2b::standing(dir, user, facts);
    let process_mining = if user.is_guest() {
        // "Support for guest users": guests aren't supported in Process Mining.
        Feature::no(
            "NOT_OFFERED_TO_GUESTS",
            "Process Mining is not offered to guests",
        )
    } else {
        Feature::of(standing)
    };
    Features {
        create_flows: Feature::of(standing),
        run_flows: Feature::of(standing),
        approvals: Feature::of(standing),
        widgets: Feature::of(standing),
        process_mining,
        people_search: search_mode(tenant, user),
        license: b2b::license(dir, user, facts).ok().flatten(),
    }
}
