//! Power Automate's flows and their permissions → flows, in the shapes the management
//! API returns: `GET /providers/Microsoft.ProcessSimple/environments/{environment}/flows`
//! (pages of `{ name, id, type, properties: { displayName, state, creator,
//! definitionSummary, … } }`) and each flow's `…/flows/{name}/permissions` (pages of
//! `{ name, properties: { roleName, permissionType, principal: { id, type } } }`).
//!
//! - The flow's id is its `name`; it lives in the tenant of the environment entry.
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

use super::References;
use crate::error::{Error, Result};
use crate::graph::fields::Object;
use crate::model::{Flow, Id, Trigger};

fn enabled(o: &Object<'_>) -> Result<bool> {
    match o.string("state")? {
        Some("Started") | None => Ok(true),
        Some("Stopped" | "Suspended") => Ok(false),
        Some(other) => Err(o.wrong(
            "state",
            "\"Started\", \"Stopped\" or \"Suspended\"",
            &format!("\"{other}\""),
        )),
    }
}

fn trigger(properties: &Object<'_>) -> Result<Option<Trigger>> {
    let Some(summary) = properties.object("definitionSummary")? else {
        return Ok(None);
    };
    let Some(first) = summary.objects("triggers")?.into_iter().next() else {
        return Ok(None);
    };
    Ok(Some(match first.string("type")? {
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

/// Reads one flow's permission objects; `creator` is left out of the co-owners.
pub(super) fn shares(
    permissions: &[Object<'_>],
    flow_id: &str,
    creator: &str,
    refs: &References<'_>,
) -> Result<Shares> {
    let mut out = Shares::default();
    for p in permissions {
        let Some(props) = p.object("properties")? else {
            continue;
        };
        let Some(principal) = props.object("principal")? else {
            continue;
        };
        let kind = principal.string("type")?.unwrap_or("");
        if !kind.eq_ignore_ascii_case("User") && !kind.eq_ignore_ascii_case("Group") {
            continue;
        }
        let id = principal.required_string("id")?;
        let list = match props.string("roleName")? {
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

/// The flow a management-API flow object describes, in `tenant_id`, with `shares`.
pub(super) fn flow(
    o: &Object<'_>,
    tenant_id: &str,
    shares: Shares,
    refs: &References<'_>,
) -> Result<Flow> {
    let id = o.required_string("name")?;
    let props = o
        .object("properties")?
        .ok_or_else(|| o.wrong("properties", "an object", "nothing"))?;
    let creator = props
        .object("creator")?
        .ok_or_else(|| props.wrong("creator", "an object", "nothing"))?;
    let owner_id = creator.required_string("objectId")?;
    refs.user(id, "creator", owner_id)?;
    let trigger = match trigger(&props)? {
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
        display_name: props.string("displayName")?.unwrap_or(id).to_string(),
        trigger,
        enabled: enabled(&props)?,
        owner_id: owner_id.to_string(),
        co_owners: shares.co_owners,
        run_only: shares.run_only,
    })
}

/// The creator's object id of a flow object, for reading its permissions first.
pub(super) fn creator_of<'a>(o: &Object<'a>) -> Result<Option<&'a str>> {
    let Some(props) = o.object("properties")? else {
        return Ok(None);
    };
    let Some(creator) = props.object("creator")? else {
        return Ok(None);
    };
    creator.string("objectId")
}
