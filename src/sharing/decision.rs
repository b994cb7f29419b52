//! The answer to "may I do this with this flow?": allowed, denied or unknown, the role that
//! decided, the group chain it came through, and a stable code with a message for every
//! answer but a certain yes.

use super::action::Action;
use super::role::Role;
use crate::b2b::{Missing, Outcome, Unknown};
use serde::{Serialize, Serializer};

/// Why a check said no. Every code is stable and part of the public contract.
///
/// When several reasons apply, the first in this order is reported, most fundamental
/// first: the flow is in another tenant, the person has no role, the role does not permit
/// the action, a prerequisite is missing, the flow is turned off; then, only when nothing
/// certain says no, a fact about the guest's home that is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// `FLOW_IN_OTHER_TENANT`: the flow belongs to another tenant than the one signed
    /// into. Nothing else about it is told (not even whether the person has a role).
    /// Sessions never answer it: they look a flow up in their own tenant only
    /// ([`super::flow`]), so another tenant's flow is `UNKNOWN_FLOW` like an id that
    /// exists nowhere; [`super::Person::verdict`] keeps it for a flow handed to it directly.
    FlowInOtherTenant,
    /// `NO_ROLE`: the flow is not shared with the person, directly or through a group.
    NoRole,
    /// `RUN_ONLY_CANNOT_EDIT`, `RUN_ONLY_CANNOT_SHARE`, `RUN_ONLY_CANNOT_VIEW_RUNS`,
    /// `RUN_ONLY_CANNOT_CANCEL_RUN`, `RUN_ONLY_CANNOT_RESUBMIT_RUN`,
    /// `RUN_ONLY_CANNOT_DELETE`: run-only users may only run the flow.
    RunOnlyCannot(Action),
    /// `INVITATION_PENDING`, `NO_LICENSE` or `NO_CONSENT`: the person may not use flows
    /// yet (see [`crate::b2b::flow_prerequisite`]); a guest who has them all gets exactly
    /// a member's answers.
    Prerequisite(Missing),
    /// `FLOW_TURNED_OFF`: a turned-off flow cannot be run (everything else still can).
    FlowTurnedOff,
    /// `HOME_TENANT_UNKNOWN`, `HOME_OUTBOUND_UNKNOWN`, `TARGETED_RULE_UNKNOWN` or `HOME_LICENSE_UNKNOWN`: the answer
    /// depends on a fact about the guest's home the directory does not hold (outcome
    /// `unknown`, see [`crate::b2b::Unknown`]).
    Unknown(Unknown),
}

impl Code {
    /// How many distinct codes there are (the range of [`Code::index`]).
    pub const COUNT: usize = 17;

    /// Every code, in [`Code::index`] order.
    pub fn all() -> Vec<Code> {
        let mut all = vec![Code::FlowInOtherTenant, Code::NoRole];
        all.extend(Action::ALL.map(Code::RunOnlyCannot));
        all.extend(
            [
                Missing::InvitationPending,
                Missing::NoLicense,
                Missing::NoConsent,
            ]
            .map(Code::Prerequisite),
        );
        all.push(Code::FlowTurnedOff);
        all.extend(Unknown::ALL.map(Code::Unknown));
        all
    }

    /// `denied` for a certain "no", `unknown` for a missing home fact.
    pub fn outcome(self) -> Outcome {
        match self {
            Code::Unknown(_) => Outcome::Unknown,
            _ => Outcome::Denied,
        }
    }

    /// The stable machine-readable code, e.g. `"RUN_ONLY_CANNOT_EDIT"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::FlowInOtherTenant => "FLOW_IN_OTHER_TENANT",
            Code::NoRole => "NO_ROLE",
            Code::RunOnlyCannot(action) => match action {
                // Run-only users may run; kept total for the type's sake.
                Action::Run => "RUN_ONLY_CANNOT_RUN",
                Action::Edit => "RUN_ONLY_CANNOT_EDIT",
                Action::Share => "RUN_ONLY_CANNOT_SHARE",
                Action::ViewRuns => "RUN_ONLY_CANNOT_VIEW_RUNS",
                Action::CancelRun => "RUN_ONLY_CANNOT_CANCEL_RUN",
                Action::ResubmitRun => "RUN_ONLY_CANNOT_RESUBMIT_RUN",
                Action::Delete => "RUN_ONLY_CANNOT_DELETE",
            },
            Code::Prerequisite(missing) => missing.code(),
            Code::FlowTurnedOff => "FLOW_TURNED_OFF",
            Code::Unknown(unknown) => unknown.code(),
        }
    }

    /// What the code means and what to do about it, in words.
    pub fn message(self) -> &'static str {
        match self {
            Code::FlowInOtherTenant => {
                "this flow belongs to another tenant than the one you are signed into; sign into that tenant to use it"
            }
            Code::NoRole => {
                "this flow is not shared with you, directly or through a group; ask its owner or a co-owner to share it with you"
            }
            Code::RunOnlyCannot(action) => match action {
                Action::Run => "run-only users may run this flow",
                Action::Edit => {
                    "run-only users may only run this flow; to edit it, ask its owner or a co-owner to make you a co-owner"
                }
                Action::Share => {
                    "run-only users may only run this flow; to share it, ask its owner or a co-owner to make you a co-owner"
                }
                Action::ViewRuns => {
                    "run-only users may only run this flow; to see its run history, ask its owner or a co-owner to make you a co-owner"
                }
                Action::CancelRun => {
                    "run-only users may only run this flow; to cancel its runs, ask its owner or a co-owner to make you a co-owner"
                }
                Action::ResubmitRun => {
                    "run-only users may only run this flow; to resubmit its runs, ask its owner or a co-owner to make you a co-owner"
                }
                Action::Delete => {
                    "run-only users may only run this flow; to delete it, ask its owner or a co-owner to make you a co-owner"
                }
            },
            Code::Prerequisite(missing) => missing.message(),
            Code::FlowTurnedOff => {
                "this flow is turned off; its owner or a co-owner must turn it on before it can run"
            }
            Code::Unknown(unknown) => unknown.message(),
        }
    }

    /// A small dense index in `0..Code::COUNT` (for tables of prepared strings).
    pub fn index(self) -> usize {
        match self {
            Code::FlowInOtherTenant => 0,
            Code::NoRole => 1,
            Code::RunOnlyCannot(action) => 2 + action.index(),
            Code::Prerequisite(Missing::InvitationPending) => 9,
            Code::Prerequisite(Missing::NoLicense) => 10,
            Code::Prerequisite(Missing::NoConsent) => 11,
            Code::FlowTurnedOff => 12,
            Code::Unknown(Unknown::HomeTenant) => 13,
            Code::Unknown(Unknown::HomeOutbound) => 14,
            Code::Unknown(Unknown::TargetedRule) => 15,
            Code::Unknown(Unknown::HomeLicense) => 16,
        }
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The message of an allowed check, by the role that allowed it.
pub fn allowed_message(role: Role) -> &'static str {
    match role {
        Role::Owner => "allowed: you created this flow and own it",
        Role::CoOwner => "allowed: co-owners may do everything but remove the creator",
        Role::RunOnly => "allowed: run-only users may run this flow",
    }
}

/// Where a role came from: named on the flow, or through a chain of groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// The person is named on the flow: its creator, or a share naming them.
    Direct,
    /// Through groups: the index of the chain in [`super::Person::path`].
    Groups(u32),
}

/// A decision before it is spelled out: small, `Copy`, no allocation. Its `via` indexes
/// the [`super::Person`] it was computed for; [`super::Person::spell`] turns it into a
/// [`Decision`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// The strongest role the person holds on the flow (`None` for other tenants' flows).
    pub role: Option<Role>,
    /// How that role reached them.
    pub via: Via,
    /// Why not, or `None` when allowed.
    pub code: Option<Code>,
}

impl Verdict {
    /// Whether the action is allowed, for certain.
    pub fn allowed(&self) -> bool {
        self.code.is_none()
    }

    /// `allowed`, `denied` or `unknown`.
    pub fn outcome(&self) -> Outcome {
        self.code.map_or(Outcome::Allowed, Code::outcome)
    }

    /// The message: why not, or which role allowed it.
    pub fn message(&self) -> &'static str {
        match (self.code, self.role) {
            (Some(code), _) => code.message(),
            (None, Some(role)) => allowed_message(role),
            (None, None) => "allowed",
        }
    }
}

/// The answer to `session.check(action, flowId)`:
/// `{ allowed, outcome, role, via, code, message }` in JSON.
///
/// - `outcome`: `"allowed"`, `"denied"` or `"unknown"` (the answer depends on a fact about
///   the guest's home the directory does not hold; `code` names it). `allowed` is true
///   only when the outcome is `"allowed"`.
/// - `role`: the strongest role the person holds on the flow (`"owner"`, `"coOwner"`,
///   `"runOnly"`), also when it does not permit the action; `null` when they hold none,
///   and for a flow of another tenant.
/// - `via`: the groups the role came through, from the person's own group up to the group
///   the flow is shared with — `["sales", "emea"]` means the person is in `sales`, `sales`
///   is in `emea`, and the flow is shared with `emea`. Empty when the person is named on
///   the flow themselves (its creator, or a share naming them) and when there is no role.
///   When several shares give the strongest role, a direct one wins, then the shortest
///   chain, then the share listed first.
/// - `code`: `null` when allowed, else a stable [`Code`]; `message` says it in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// May the person do it, for certain.
    pub allowed: bool,
    /// `allowed`, `denied` or `unknown`.
    pub outcome: Outcome,
    /// The role that decided.
    pub role: Option<Role>,
    /// The group chain the role came through; empty for a direct role.
    pub via: Vec<String>,
    /// Why not (`null` when allowed).
    pub code: Option<Code>,
    /// The reason, in words.
    pub message: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn every_code() -> Vec<Code> {
        Code::all()
    }

    #[test]
    fn codes_are_distinct_screaming_snake_case_with_dense_indexes() {
        let all = every_code();
        assert_eq!(all.len(), Code::COUNT);
        let names: HashSet<&str> = all.iter().map(|c| c.as_str()).collect();
        let indexes: HashSet<usize> = all.iter().map(|c| c.index()).collect();
        assert_eq!(names.len(), Code::COUNT);
        assert_eq!(indexes, (0..Code::COUNT).collect());
        for c in all {
            assert!(c
                .as_str()
                .chars()
                .all(|ch| ch.is_ascii_uppercase() || ch == '_'));
            assert!(!c.message().is_empty());
        }
        assert_eq!(
            Code::RunOnlyCannot(Action::Edit).as_str(),
            "RUN_ONLY_CANNOT_EDIT"
        );
    }

    #[test]
    fn all_lists_every_code_in_index_order_with_its_outcome() {
        for (i, code) in Code::all().into_iter().enumerate() {
            assert_eq!(code.index(), i, "{}", code.as_str());
            let unknown = code.as_str().ends_with("_UNKNOWN");
            assert_eq!(code.outcome() == Outcome::Unknown, unknown);
        }
    }

    #[test]
    fn a_decision_serializes_to_the_contract_shape() {
        let d = Decision {
            allowed: false,
            outcome: Outcome::Denied,
            role: Some(Role::RunOnly),
            via: vec!["sales".into(), "emea".into()],
            code: Some(Code::RunOnlyCannot(Action::Edit)),
            message: Code::RunOnlyCannot(Action::Edit).message(),
        };
        let json = serde_json::to_value(&d).unwrap_or_default();
        assert_eq!(json["allowed"], false);
        assert_eq!(json["outcome"], "denied");
        assert_eq!(json["role"], "runOnly");
        assert_eq!(json["via"], serde_json::json!(["sales", "emea"]));
        assert_eq!(json["code"], "RUN_ONLY_CANNOT_EDIT");
        assert!(json["message"].is_string());
    }
}
