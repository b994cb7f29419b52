//! What a person may want to do with a flow.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One thing a person may do with a flow (`session.check(action, flowId)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    /// Start the flow (a manual trigger: a button, a widget).
    Run,
    /// Change the flow's definition or its properties (turn it on or off, connections).
    Edit,
    /// Add or remove co-owners and run-only users.
    Share,
    /// See the run history.
    ViewRuns,
    /// Cancel a run in progress.
    CancelRun,
    /// Run a past run again with its inputs.
    ResubmitRun,
    /// Delete the flow.
    Delete,
}

/// The JSON spellings of every action, in [`Action::ALL`] order, for messages.
pub const ACTION_NAMES: &str = "run, edit, share, viewRuns, cancelRun, resubmitRun, delete";

impl Action {
    /// Every action, in the order `allowedActions` lists them.
    pub const ALL: [Action; 7] = [
        Action::Run,
        Action::Edit,
        Action::Share,
        Action::ViewRuns,
        Action::CancelRun,
        Action::ResubmitRun,
        Action::Delete,
    ];

    /// The JSON spelling: `"run"`, `"viewRuns"`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Run => "run",
            Action::Edit => "edit",
            Action::Share => "share",
            Action::ViewRuns => "viewRuns",
            Action::CancelRun => "cancelRun",
            Action::ResubmitRun => "resubmitRun",
            Action::Delete => "delete",
        }
    }

    /// The action with this JSON spelling; `UNKNOWN_ACTION` (listing the valid ones)
    /// for anything else. Spellings are exact: `"Run"` and `"view_runs"` are refused.
    pub fn parse(name: &str) -> Result<Action> {
        Ok(match name {
            "run" => Action::Run,
            "edit" => Action::Edit,
            "share" => Action::Share,
            "viewRuns" => Action::ViewRuns,
            "cancelRun" => Action::CancelRun,
            "resubmitRun" => Action::ResubmitRun,
            "delete" => Action::Delete,
            _ => {
                return Err(Error::UnknownAction {
                    action: name.to_string(),
                    expected: ACTION_NAMES,
                })
            }
        })
    }

    /// The position of this action in [`Action::ALL`] (a small index for tables).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl FromStr for Action {
    type Err = Error;

    fn from_str(name: &str) -> Result<Action> {
        Action::parse(name)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_round_trips_and_is_listed_in_order() {
        let names: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
        assert_eq!(names.join(", "), ACTION_NAMES);
        for (i, a) in Action::ALL.iter().enumerate() {
            assert_eq!(Action::parse(a.as_str()), Ok(*a));
            assert_eq!(a.index(), i);
            let json = serde_json::to_string(a).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", a.as_str()));
        }
    }

    #[test]
    fn unknown_actions_are_refused_with_the_valid_list() {
        for bad in ["Run", "", "view_runs", "deleteFlow"] {
            let err = Action::parse(bad).err();
            assert_eq!(err.as_ref().map(Error::code), Some("UNKNOWN_ACTION"));
            let message = err.map(|e| e.to_string()).unwrap_or_default();
            assert!(message.contains("resubmitRun"), "{message}");
        }
    }
}
