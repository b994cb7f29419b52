//! Flow sharing: who may run, edit, share, see or act on the runs of, or delete a flow,
//! with the reason for every answer.
//!
//! A flow has one owner (its creator), co-owners and run-only users; each share names a
//! user or a group of the flow's tenant, and membership through nested groups counts.
//! The owner may do every [`Action`]; a co-owner too (nobody can remove the creator); a
//! run-only user may only `run`, and only manually triggered flows have run-only users.
//! A turned-off flow cannot be run. A guest who has redeemed their invitation, holds a
//! license that counts and has consented gets exactly a member's answers; a person
//! lacking one of those gets `allowed: false` with that prerequisite's code. When several
//! roles apply, the strongest decides. See [`Code`] for every "no" and the order they are
//! reported in, and [`Decision`] for the shape of an answer.
//!
//! The rules are checked against an independent encoding as a Cedar policy set on
//! generated worlds (`tests/cedar_differential.rs`, policies in `tests/cedar/`).
//!
//! ```
//! # fn main() -> Result<(), guestpass::Error> {
//! use guestpass::sharing::{self, Action, Person};
//! let dir = guestpass::directory::Directory::from_json_str(r#"{
//!   "tenants": [{ "id": "contoso", "displayName": "Contoso",
//!                 "initialDomain": "contoso.onmicrosoft.com" }],
//!   "users": [
//!     { "id": "bob", "tenantId": "contoso", "displayName": "Bob",
//!       "userPrincipalName": "bob@contoso.com", "licenses": ["office365"],
//!       "consentedToPowerAutomate": true },
//!     { "id": "eve", "tenantId": "contoso", "displayName": "Eve",
//!       "userPrincipalName": "eve@contoso.com", "licenses": ["office365"],
//!       "consentedToPowerAutomate": true } ],
//!   "groups": [{ "id": "sales", "tenantId": "contoso", "displayName": "Sales",
//!                "members": ["eve"] }],
//!   "flows": [{ "id": "invoices", "tenantId": "contoso", "displayName": "Invoices",
//!               "trigger": "manual", "ownerId": "bob", "runOnly": ["sales"] }]
//! }"#)?;
//! let eve = dir.user("eve").ok_or(guestpass::Error::UnknownUser("eve".into()))?;
//! let eve = Person::of(&dir, eve);
//! let run = sharing::decide(&dir, &eve, Action::Run, "invoices")?;
//! assert!(run.allowed);
//! assert_eq!(run.via, ["sales"]);
//! let edit = sharing::decide(&dir, &eve, Action::parse("edit")?, "invoices")?;
//! assert_eq!(edit.code.map(|c| c.as_str()), Some("RUN_ONLY_CANNOT_EDIT"));
//! # Ok(()) }
//! ```

mod action;
mod decision;
mod person;
mod role;
mod shares;

pub use action::{Action, ACTION_NAMES};
pub use decision::{allowed_message, Code, Decision, Verdict, Via};
pub use person::Person;
pub use role::Role;
pub use shares::{share, unshare, FlowShares, Share};

use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::limits::MAX_BATCH_LEN;
use crate::model::Flow;

/// The flow `flow_id` as `person` may ask about it: `UNKNOWN_FLOW` when there is none in
/// the tenant they signed into — a flow of another tenant is answered exactly as an id
/// that exists nowhere, so a session cannot tell them apart (Entra tenant isolation;
/// no document says more, this is the conservative answer).
pub fn flow<'d>(dir: &'d Directory, person: &Person, flow_id: &str) -> Result<&'d Flow> {
    dir.flow_in_tenant(person.tenant_id(), flow_id)
        .ok_or_else(|| Error::UnknownFlow(flow_id.to_string()))
}

/// May `person` do `action` with the flow `flow_id`? `UNKNOWN_FLOW` when there is no such
/// flow; every other "no" is a [`Decision`] with a [`Code`].
pub fn decide(dir: &Directory, person: &Person, action: Action, flow_id: &str) -> Result<Decision> {
    Ok(person.decide(action, flow(dir, person, flow_id)?))
}

/// Every action `person` may do with the flow `flow_id`, in [`Action::ALL`] order.
pub fn allowed_actions(dir: &Directory, person: &Person, flow_id: &str) -> Result<Vec<Action>> {
    Ok(person.allowed_actions(flow(dir, person, flow_id)?))
}

/// Refuses a `checkMany` batch of `len` items when it is longer than [`MAX_BATCH_LEN`]
/// (`LIMIT_EXCEEDED`).
pub fn check_batch_len(len: usize) -> Result<()> {
    if len > MAX_BATCH_LEN {
        return Err(Error::LimitExceeded {
            what: format!("checkMany ({len} items)"),
            limit: MAX_BATCH_LEN,
        });
    }
    Ok(())
}
