//! A user object: a member of its tenant, or a B2B guest's object in a resource tenant.

use super::{is_false, is_true, yes, Id};
use serde::{Deserialize, Serialize};

/// Member of the tenant, or B2B guest from elsewhere (Graph `userType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum UserType {
    /// A member of the tenant.
    #[default]
    Member,
    /// A B2B guest.
    Guest,
}

string_enum!(UserType, "UserType", [Member = "Member", Guest = "Guest"]);

/// Invitation state of a guest (Graph `externalUserState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ExternalUserState {
    /// Invited, not yet redeemed.
    PendingAcceptance,
    /// Invitation redeemed.
    Accepted,
}

string_enum!(
    ExternalUserState,
    "ExternalUserState",
    [
        PendingAcceptance = "PendingAcceptance",
        Accepted = "Accepted"
    ]
);

/// A user object in one tenant: a member, or a guest's object in the resource tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct User {
    /// Object id.
    pub id: Id,
    /// The tenant this object lives in.
    pub tenant_id: Id,
    /// Name shown in pickers.
    pub display_name: String,
    /// First name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// Last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// Real email address (a guest's home address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mail: Option<String>,
    /// Further addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_mails: Vec<String>,
    /// Sign-in name; for a guest `alice_contoso.com#EXT#@fabrikam.onmicrosoft.com`.
    pub user_principal_name: String,
    /// Member or guest.
    #[serde(default)]
    pub user_type: UserType,
    /// A guest's invitation state; `None` for members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_user_state: Option<ExternalUserState>,
    /// How the object came to be (`"Invitation"` for invited guests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_type: Option<String>,
    /// Job title (searched, weighted lowest).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// A guest's home tenant, when it is part of the world.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_tenant_id: Option<Id>,
    /// A guest's user object in their home tenant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_user_id: Option<Id>,
    /// License plan kinds assigned on this object (`office365`, `powerAutomate`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licenses: Vec<String>,
    /// Signed in to Power Automate and consented.
    #[serde(default, skip_serializing_if = "is_false")]
    pub consented_to_power_automate: bool,
    /// The account may sign in (Graph `accountEnabled`); a disabled one cannot.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub account_enabled: bool,
}
crate::objects_only!(serialize: User);

impl User {
    /// Whether this object is a B2B guest.
    pub fn is_guest(&self) -> bool {
        self.user_type == UserType::Guest
    }

    /// Whether this guest has not yet redeemed their invitation.
    pub fn is_pending(&self) -> bool {
        self.external_user_state == Some(ExternalUserState::PendingAcceptance)
    }
}
