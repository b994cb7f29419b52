//! The roles a person can hold on a flow, and what each one permits.
//!
//! Power Automate's sharing, as its documentation describes it ("Create team flows" and
//! "Share a flow" in the Power Automate docs):
//! - the **owner** is the flow's creator and may do everything;
//! - **co-owners** ("all owners of a team flow") may view the run history, manage the
//!   flow's properties (turn it on or off, connections, add owners), edit its definition,
//!   add and remove other owners — *but not the flow's creator* — and delete the flow; so
//!   here a co-owner may do every [`Action`], `delete` included, and the creator can never
//!   be removed (`CANNOT_REMOVE_CREATOR`, for everyone);
//! - **run-only** users (`Sharing-Run Only`) may run the flow and nothing else; only flows
//!   with a manual trigger can have them.

use super::action::Action;
use serde::Serialize;
use std::fmt;

/// A role on a flow. Ordered weakest first, so `max` picks the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// `Sharing-Run Only`: may run the flow, nothing else.
    RunOnly,
    /// A co-owner: may do everything; nobody can remove the creator.
    CoOwner,
    /// The creator: may do everything.
    Owner,
}

crate::model::string_enum!(
    Role,
    "Role",
    [RunOnly = "runOnly", CoOwner = "coOwner", Owner = "owner"]
);

impl Role {
    /// The JSON spelling: `"owner"`, `"coOwner"` or `"runOnly"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::CoOwner => "coOwner",
            Role::RunOnly => "runOnly",
        }
    }

    /// Whether this role alone permits `action` (prerequisites and the flow being turned
    /// on are checked apart).
    pub fn permits(self, action: Action) -> bool {
        match self {
            Role::Owner | Role::CoOwner => true,
            Role::RunOnly => action == Action::Run,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strongest_role_is_the_greatest() {
        assert!(Role::Owner > Role::CoOwner && Role::CoOwner > Role::RunOnly);
        assert_eq!(
            [Role::RunOnly, Role::Owner, Role::CoOwner].iter().max(),
            Some(&Role::Owner)
        );
    }

    #[test]
    fn run_only_permits_run_alone_and_owners_everything() {
        for action in Action::ALL {
            assert!(Role::Owner.permits(action));
            assert!(Role::CoOwner.permits(action));
            assert_eq!(Role::RunOnly.permits(action), action == Action::Run);
        }
    }
}
