//! Power Automate flows and the connectors whose pickers may offer guests.

use super::{is_true, yes, Id};
use serde::{Deserialize, Serialize};

/// What starts a flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Trigger {
    /// Started by a person (button, widget); the only kind that can have run-only users.
    Manual,
    /// Started by an event.
    Automated,
    /// Started on a schedule.
    Scheduled,
}

string_enum!(
    Trigger,
    "Trigger",
    [
        Manual = "manual",
        Automated = "automated",
        Scheduled = "scheduled"
    ]
);

/// A Power Automate flow and its sharing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct Flow {
    /// Object id.
    pub id: Id,
    /// The tenant (environment) this flow lives in.
    pub tenant_id: Id,
    /// Name.
    pub display_name: String,
    /// Trigger kind.
    pub trigger: Trigger,
    /// Turned on.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub enabled: bool,
    /// The creator.
    pub owner_id: Id,
    /// Co-owners: users or groups.
    #[serde(default)]
    pub co_owners: Vec<Id>,
    /// Run-only users: users or groups (manual trigger only).
    #[serde(default)]
    pub run_only: Vec<Id>,
    /// The Power Automate environment the flow lives in, by its name
    /// (`Default-<tenant id>` for the tenant's default environment); absent when not
    /// known. Kept as the sources gave it: no rule reads it yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<String>,
}
crate::objects_only!(serialize: Flow);

/// A connector whose pickers may or may not offer guests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct Connector {
    /// Connector id (`shared_office365`).
    pub id: Id,
    /// Name.
    pub display_name: String,
    /// Whether its people pickers support guests.
    #[serde(default = "yes")]
    pub guest_picker: bool,
}
crate::objects_only!(serialize: Connector);
