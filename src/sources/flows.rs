//! Power Automate's flows and their permissions → flows, in the shapes the management
//! API returns: `GET /providers/Microsoft.ProcessSimple/environments/{environment}/flows`
//! (pages of `{ name, id, type, properties: { displayName, state, creator,
//! definitionSummary, … } }`) and each flow's `…/flows/{name}/permissions` (pages of
//! `{ name, properties: { roleName, permissionType, principal: { id, type } } }`).
//!
//! - The flow's id is its `name`; it lives in the tenant of the environment entry, and in
//!   that entry's `environment`.
//! - `state`: `Started` is on; `Stopped` and `Suspended` are off ("Turn a flow on or
//!   off"; a suspended flow does not run). Another state is refused.
//! - The trigger kind comes from `definitionSummary.triggers[0].type`: `Request` (a
//!   button, Power Apps, Copilot or HTTP request started by a person: "manually trigger a
//!   flow") is manual, `Recurrence` is scheduled, anything else (a connector's event)
//!   automated. A flow listed without triggers (the admin list does that) is manual when
//!   it has run-only users — only flows with a manual trigger can have them ("Share a
//!   flow with run-only permissions") — and otherwise automated, the kind that grants
//!   the least.
//! - The creator is `properties.creator.objectId` (an Entra object id of the tenant).
//! - Permissions ("Share a flow"): `Owner` and `CanEdit` are owners and co-owners; the
//!   creator's own `Owner` entry is the creator. Run-only users and groups are the
//!   `CanView` entries (the role `Set-FlowOwnerRole -RoleName CanView` grants, and the
//!   one the portal's "Run only users" panel lists). Principals of `type` `User` and
//!   `Group` must be users and groups of the same tenant; other principals (the whole
//!   tenant, service principals) are not modelled and skipped.

use super::rows::{FlowProperties, FlowRow, PermissionRow};
use super::References;
use crate::error::{Error, Result};
use crate::graph::read::Item;
use crate::model::{Flow, Id, Trigger};

fn enabled(p: Item<'_, FlowProperties<'_>>) -> Result<bool> {
    // "Turn a flow on or off": only a started flow runs; a suspended one does not.
    match p.spot.string("state", &p.row.state)? {
        Some("Started") | None => Ok(true),
        Some("Stopped" | "Suspended") => Ok(false),
        Some(other) => Err(p.spot.wrong(
            "state",
            "\"Started\", \"Stopped\" or \"Suspended\"",
            &format!("\"{other}\""),
        )),
    }
}

fn trigger(p: Item<'_, FlowProperties<'_>>) -> Result<Option<Trigger>> {
    let Some(summary) = p
        .spot
        .object("definitionSummary", &p.row.definition_summary)?
    else {
        return Ok(None);
    };
    let triggers = summary.spot.objects("triggers", &summary.row.triggers)?;
    let Some(first) = triggers.into_iter().next() else {
        return Ok(None);
    };
    // "Manually trigger a flow": a `Request` trigger is started by a person.
    Ok(Some(match first.spot.string("type", &first.row.kind)? {
        Some(t) if t.eq_ignore_ascii_case("Request") => Trigger::Manual,
        Some(t) if t.eq_ignore_ascii_case("Recurrence") => Trigger::Scheduled,
        _ => Trigger::Automated,
    }))
}

/// One flow's permissions, sorted into co-owners and run-only principals.
#[derive(Debug, Default)]
pub(super) struct Shares {
    co_owners: Vec<Id>,
    run_only: Vec<Id>,
}

/// Reads one flow's permission rows; `creator` is left out of the co-owners.
pub(super) fn shares(
    permissions: &[Item<'_, PermissionRow<'_>>],
    flow_id: &str,
    creator: &str,
    refs: &References<'_>,
) -> Result<Shares> {
    let mut out = Shares::default();
    for p in permissions {
        let Some(props) = p.spot.object("properties", &p.row.properties)? else {
            continue;
        };
        let Some(principal) = props.spot.object("principal", &props.row.principal)? else {
            continue;
        };
        let kind = principal
            .spot
            .string("type", &principal.row.kind)?
            .unwrap_or("");
        if !kind.eq_ignore_ascii_case("User") && !kind.eq_ignore_ascii_case("Group") {
            continue;
        }
        let id = principal.spot.required_string("id", &principal.row.id)?;
        // "Share a flow": Owner and CanEdit are co-owners, CanView is run-only.
        let list = match props.spot.string("roleName", &props.row.role_name)? {
            Some("Owner" | "CanEdit") if id.eq_ignore_ascii_case(creator) => continue,
            Some("Owner" | "CanEdit") => &mut out.co_owners,
            Some("CanView") => &mut out.run_only,
            _ => continue,
        };
        refs.principal(flow_id, "permissions", id)?;
        if !list.iter().any(|x| x == id) {
            list.push(id.to_string());
        }
    }
    Ok(out)
}

/// A flow row's `properties`, which must be there.
fn properties<'s>(o: Item<'s, FlowRow<'_>>) -> Result<Item<'s, FlowProperties<'s>>> {
    o.spot
        .object("properties", &o.row.properties)?
        .ok_or_else(|| o.spot.wrong("properties", "an object", "nothing"))
}

/// The flow a management-API flow row describes, in `tenant_id` and its `environment`,
/// with `shares`.
pub(super) fn flow(
    o: Item<'_, FlowRow<'_>>,
    tenant_id: &str,
    environment: &str,
    shares: Shares,
    refs: &References<'_>,
) -> Result<Flow> {
    let id = o.spot.required_string("name", &o.row.name)?;
    let props = properties(o)?;
    let creator = props
        .spot
        .object("creator", &props.row.creator)?
        .ok_or_else(|| props.spot.wrong("creator", "an object", "nothing"))?;
    let owner_id = creator
        .spot
        .required_string("objectId", &creator.row.object_id)?;
    refs.user(id, "creator", owner_id)?;
    // "Share a flow with run-only permissions": only a manual trigger has run-only users.
    let trigger = match trigger(props)? {
        Some(t) => t,
        None if !shares.run_only.is_empty() => Trigger::Manual,
        None => Trigger::Automated,
    };
    if trigger != Trigger::Manual && !shares.run_only.is_empty() {
        return Err(Error::RunOnlyRequiresManualTrigger(id.to_string()));
    }
    Ok(Flow {
        id: id.to_string(),
        tenant_id: tenant_id.to_string(),
        display_name: props
            .spot
            .string("displayName", &props.row.display_name)?
            .unwrap_or(id)
            .to_string(),
        trigger,
        enabled: enabled(props)?,
        owner_id: owner_id.to_string(),
        co_owners: shares.co_owners,
        run_only: shares.run_only,
        environment: Some(environment.to_string()),
    })
}

/// The creator's object id of a flow row, for reading its permissions first.
pub(super) fn creator_of<'s>(o: Item<'s, FlowRow<'_>>) -> Result<Option<&'s str>> {
    let Some(props) = o.spot.object("properties", &o.row.properties)? else {
        return Ok(None);
    };
    let Some(creator) = props.spot.object("creator", &props.row.creator)? else {
        return Ok(None);
    };
    creator.spot.string("objectId", &creator.row.object_id)
}
