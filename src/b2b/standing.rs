//! Where a person stands on the prerequisites of every Power Automate capability: met,
//! certainly missing one, or waiting on a fact about their home the directory lacks.

use super::{guest_collaboration, license, HomeFacts, Missing, Outcome, Unknown};
use crate::directory::Directory;
use crate::model::User;
use serde::Serialize;

/// Where a person stands on the prerequisites of every Power Automate capability.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// They meet every prerequisite.
    Met,
    /// They certainly lack one (the first in the seed's order).
    Missing(Missing),
    /// Nothing certain is missing, but a fact about their home is not known.
    Unknown(Unknown),
}

impl Standing {
    /// The outcome this standing gives a capability that needs the prerequisites.
    pub fn outcome(self) -> Outcome {
        match self {
            Standing::Met => Outcome::Allowed,
            Standing::Missing(_) => Outcome::Denied,
            Standing::Unknown(_) => Outcome::Unknown,
        }
    }

    /// The code of a missing prerequisite or unknown fact (`None` when met).
    pub fn code(self) -> Option<&'static str> {
        match self {
            Standing::Met => None,
            Standing::Missing(m) => Some(m.code()),
            Standing::Unknown(u) => Some(u.code()),
        }
    }

    /// The message of a missing prerequisite or unknown fact (`None` when met).
    pub fn message(self) -> Option<&'static str> {
        match self {
            Standing::Met => None,
            Standing::Missing(m) => Some(m.message()),
            Standing::Unknown(u) => Some(u.message()),
        }
    }
}

/// Why a list of a Power Automate capability is empty: the prerequisite that is certainly
/// missing (`outcome: "denied"`) or the home fact that is not known (`"unknown"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Blocked {
    /// `denied` or `unknown`.
    pub outcome: Outcome,
    /// `INVITATION_PENDING`, `NO_LICENSE`, `NO_CONSENT` or an unknown fact's code.
    pub code: &'static str,
    /// The reason, in words a widget can show.
    pub message: &'static str,
}

impl Standing {
    /// What blocks the capability, or `None` when the prerequisites are met.
    pub fn blocked(self) -> Option<Blocked> {
        Some(Blocked {
            outcome: self.outcome(),
            code: self.code()?,
            message: self.message()?,
        })
    }
}

/// Where `user` stands on the prerequisites, with the home facts the caller supplied.
///
/// Power Automate "Support for guest users", Requirements: a licence that counts (in the
/// tenant hosting the flow or the home tenant) and signing in to Power Automate with
/// consent; they hold for every capability the document lists, approvals included. A
/// certain "no" is reported before an unknown fact; a guest whose collaboration is not
/// known (see [`guest_collaboration`]) has that unknown too. A collaboration that is
/// certainly blocked refuses the sign-in itself (`COLLABORATION_BLOCKED`), not this.
pub fn standing(dir: &Directory, user: &User, facts: &HomeFacts) -> Standing {
    if user.is_pending() {
        return Standing::Missing(Missing::InvitationPending);
    }
    let license = license(dir, user, facts);
    if license == Ok(None) {
        return Standing::Missing(Missing::NoLicense);
    }
    if !user.consented_to_power_automate {
        return Standing::Missing(Missing::NoConsent);
    }
    let pa = Some(super::POWER_AUTOMATE_APP_ID);
    let collaboration_unknown = guest_collaboration(dir, user, facts, pa)
        .ok()
        .and_then(|c| c.unknown.first().map(|u| u.code));
    match (collaboration_unknown, license) {
        (Some(unknown), _) | (None, Err(unknown)) => Standing::Unknown(unknown),
        (None, Ok(_)) => Standing::Met,
    }
}
