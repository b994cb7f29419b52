//! One entry for what a tenant really has: Microsoft Graph pages (people, groups,
//! policies, licences, enterprise apps), Power Automate's flows and permissions, and Dataverse's
//! Approvals tables, each in the shapes those services answer, into one [`World`]
//! (`Directory.fromSources`).
//!
//! ```json
//! { "graph": <the input of fromGraph>,
//!   "powerAutomate": [ { "tenantId": "…", "environment": "Default-…",
//!       "flows": [ <pages of …/environments/{environment}/flows> ],
//!       "permissions": { "<flow name>": [ <pages of …/flows/{name}/permissions> ] } } ],
//!   "dataverse": [ { "tenantId": "…", "environment": "Default-…",
//!       "systemUsers": [ <pages of /api/data/v9.2/systemusers> ],
//!       "approvals": [ <pages of msdyn_flow_approvals> ],
//!       "approvalRequests": [ <pages of msdyn_flow_approvalrequests> ],
//!       "approvalResponses": [ <pages of msdyn_flow_approvalresponses> ],
//!       "flowApprovals": [ <pages of msdyn_flow_flowapprovals> ] } ] }
//! ```
//!
//! As for Graph, the envelope is guestpass's own and refuses unknown fields, while the
//! rows inside the pages are the services' and keep whatever they add; a used property
//! of the wrong type is `INVALID_VALUE` naming its path. A flow or approval lives in an
//! environment of a tenant the Graph pages hold; everyone it names must be a user or
//! group of that tenant (`DANGLING_REFERENCE`, `CROSS_TENANT_REFERENCE`). The world is
//! then checked exactly as `fromJSON` checks one. See `flows` and `approvals` for the
//! mappings; `flowApprovals` (the "Flow Approval (msdyn_flow_flowapproval)" table) links
//! an approval to the flow that asked for it, a flow of `powerAutomate` in the same
//! tenant (see `approvals`).

mod approvals;
mod flows;
mod grouped;
mod parts;
mod references;
mod rows;
mod typed_input;

use crate::error::Result;
use crate::graph::fields::Place;
use crate::graph::maps::{KeyedMap, KeyedSet};
use crate::graph::pages::Whence;
use crate::graph::{graph_world, pages, GraphInput, Positions};
use crate::json_path::Origin;
use crate::model::{Id, World};
use grouped::Grouped;
pub use parts::{world_from_sources_parts, SourcesParts};
use references::References;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use typed_input::{
    EnvironmentApprovals as ApprovalsPages, EnvironmentFlows as FlowsPages,
    SourcesInput as SourcesPages,
};

/// Pages from every source: the input of `Directory.fromSources`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct SourcesInput {
    /// Microsoft Graph: tenants, people, groups, policies, licences, enterprise apps.
    #[serde(default)]
    pub graph: GraphInput,
    /// Power Automate: flows and their permissions, per environment.
    #[serde(default)]
    pub power_automate: Vec<EnvironmentFlows>,
    /// Dataverse: approvals, per environment.
    #[serde(default)]
    pub dataverse: Vec<EnvironmentApprovals>,
}
crate::objects_only!(serialize: SourcesInput);

/// What Power Automate's management API returned for one environment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct EnvironmentFlows {
    /// The tenant the environment belongs to.
    pub tenant_id: Id,
    /// The environment's name (`Default-<tenant id>` for the default one).
    pub environment: String,
    /// Pages of `GET …/environments/{environment}/flows`.
    #[serde(default)]
    pub flows: Vec<Value>,
    /// Flow name → pages of `GET …/flows/{name}/permissions`.
    #[serde(default)]
    pub permissions: BTreeMap<Id, Vec<Value>>,
}
crate::objects_only!(serialize: EnvironmentFlows);

/// What the Dataverse Web API of one environment returned for its Approvals tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct EnvironmentApprovals {
    /// The tenant the environment belongs to.
    pub tenant_id: Id,
    /// The environment's name.
    pub environment: String,
    /// Pages of `GET /api/data/v9.2/systemusers` (`systemuserid`,
    /// `azureactivedirectoryobjectid`).
    #[serde(default)]
    pub system_users: Vec<Value>,
    /// Pages of `GET /api/data/v9.2/msdyn_flow_approvals`.
    #[serde(default)]
    pub approvals: Vec<Value>,
    /// Pages of `GET /api/data/v9.2/msdyn_flow_approvalrequests`.
    #[serde(default)]
    pub approval_requests: Vec<Value>,
    /// Pages of `GET /api/data/v9.2/msdyn_flow_approvalresponses`.
    #[serde(default)]
    pub approval_responses: Vec<Value>,
    /// Pages of `GET /api/data/v9.2/msdyn_flow_flowapprovals`
    /// (`_msdyn_flow_flowapproval_approval_value`, `msdyn_flow_flowapproval_flowid`).
    #[serde(default)]
    pub flow_approvals: Vec<Value>,
}
crate::objects_only!(serialize: EnvironmentApprovals);

impl SourcesInput {
    /// Reads sources input from JSON text (`INVALID_INPUT` or `UNKNOWN_FIELD` when it
    /// does not parse).
    pub fn from_json(text: &str) -> Result<SourcesInput> {
        crate::json_path::parse(text)
    }
}

fn place(root: &'static str, at: usize, list: &'static str) -> Place<'static> {
    Place {
        root,
        tenant: at,
        list,
        key: None,
        page: None,
        item: None,
    }
}

/// Refuses an environment entry whose tenant the Graph pages do not hold.
fn known_tenant(world: &World, root: &str, at: usize, tenant_id: &str) -> Result<()> {
    if world.tenants.iter().any(|t| t.id == tenant_id) {
        Ok(())
    } else {
        Err(References::unknown_tenant(root, at, tenant_id))
    }
}

/// The flows of one Power Automate environment entry.
fn environment_flows(
    env: &FlowsPages<'_>,
    at: usize,
    refs: &References<'_>,
) -> Result<Vec<crate::model::Flow>> {
    let tid = env.tenant_id.as_str();
    let flow_objects = pages::rows(&env.flows, place("powerAutomate", at, "flows"), tid)?;
    let names: Vec<&str> = flow_objects
        .iter()
        .map(|o| o.spot.required_string("name", &o.row.name))
        .collect::<Result<_>>()?;
    let known: KeyedSet<&str> = names.iter().copied().collect();
    for key in env.permissions.keys() {
        if !known.contains(key.as_str()) {
            let from = format!("powerAutomate[{at}]");
            return Err(References::dangling(&from, "permissions", key));
        }
    }
    let mut out = Vec::with_capacity(flow_objects.len());
    for (&o, name) in flow_objects.iter().zip(&names) {
        let creator = flows::creator_of(o)?.unwrap_or("");
        let shares = match env.permissions.get(*name) {
            Some(pages_of_flow) => {
                let at_flow = Place {
                    key: Some(name),
                    ..place("powerAutomate", at, "permissions")
                };
                let objects = pages::rows(pages_of_flow, at_flow, tid)?;
                flows::shares(&objects, name, creator, refs)?
            }
            None => flows::Shares::default(),
        };
        out.push(flows::flow(o, tid, &env.environment, shares, refs)?);
    }
    Ok(out)
}

/// The approvals of one Dataverse environment entry, linked to the tenant's `flows`.
fn environment_approvals(
    env: &ApprovalsPages<'_>,
    at: usize,
    refs: &References<'_>,
    flows: Option<&approvals::FlowNames<'_>>,
) -> Result<Vec<crate::model::Approval>> {
    let tid = env.tenant_id.as_str();
    let at_list = |list| place("dataverse", at, list);
    let from_requests = Whence::new(at_list("approvalRequests"), tid);
    let from_responses = Whence::new(at_list("approvalResponses"), tid);
    let requests = pages::positioned(&env.approval_requests, from_requests)?;
    let responses = pages::positioned(&env.approval_responses, from_responses)?;
    let rows = approvals::Rows {
        requests: Grouped::new(from_requests).read(requests, |o| {
            let column = "_msdyn_flow_approvalrequest_approval_value";
            o.spot.required_string(column, &o.row.approval)
        })?,
        responses: Grouped::new(from_responses).read(responses, |o| {
            let column = "_msdyn_flow_approvalresponse_approval_value";
            o.spot.required_string(column, &o.row.approval)
        })?,
    };
    let approval_objects = pages::rows(&env.approvals, at_list("approvals"), tid)?;
    let approval_ids: KeyedSet<&str> = approval_objects
        .iter()
        .filter_map(|o| {
            let id = &o.row.msdyn_flow_approvalid;
            o.spot.string("msdyn_flow_approvalid", id).ok().flatten()
        })
        .collect();
    for id in rows.requests.keys().chain(rows.responses.keys()) {
        if !approval_ids.contains(id) {
            return Err(References::dangling(
                &format!("dataverse[{at}]"),
                "approval",
                id,
            ));
        }
    }
    let links = pages::rows(&env.flow_approvals, at_list("flowApprovals"), tid)?;
    let flow_of = approvals::flow_links(&links, &approval_ids, flows)?;
    approval_objects
        .iter()
        .map(|&o| {
            let id = o
                .spot
                .string("msdyn_flow_approvalid", &o.row.msdyn_flow_approvalid);
            let flow = id
                .ok()
                .flatten()
                .and_then(|id| flow_of.get(id).copied().flatten());
            approvals::approval(o, tid, &env.environment, &rows, refs, flow)
        })
        .collect()
}

/// The world every source's pages describe: Graph's tenants, people and groups, with
/// the flows and approvals of their environments.
pub fn world_from_sources(input: &SourcesInput) -> Result<World> {
    world_from_pages(&input.typed()?)
}

/// [`world_from_sources`] of JSON text, read straight into typed rows (no
/// `serde_json::Value` tree of the pages): the same world, and the same errors as
/// [`SourcesInput::from_json`] then [`world_from_sources`] give.
pub fn world_from_sources_json(text: &str, origin: Origin) -> Result<World> {
    world_from_pages(&SourcesPages::from_json(text, origin)?)
}

/// The world of pages whose rows are typed.
fn world_from_pages(input: &SourcesPages<'_>) -> Result<World> {
    let (mut world, positions) = graph_world(&input.graph)?;
    let Positions { users, groups } = positions;
    let mut flows = Vec::new();
    for (at, env) in input.power_automate.iter().enumerate() {
        known_tenant(&world, "powerAutomate", at, &env.tenant_id)?;
        let refs = References::new(&world, &env.tenant_id, &users, &groups);
        flows.extend(environment_flows(env, at, &refs)?);
    }
    let mut flow_names: KeyedMap<&str, approvals::FlowNames<'_>> = KeyedMap::default();
    if !input.dataverse.is_empty() {
        for f in &flows {
            let names = flow_names.entry(f.tenant_id.as_str()).or_default();
            names
                .entry(references::lowercase(&f.id))
                .or_insert(f.id.as_str());
        }
    }
    let mut approvals = Vec::new();
    for (at, env) in input.dataverse.iter().enumerate() {
        known_tenant(&world, "dataverse", at, &env.tenant_id)?;
        let su_place = place("dataverse", at, "systemUsers");
        let su = pages::rows(&env.system_users, su_place, &env.tenant_id)?;
        let refs =
            References::new(&world, &env.tenant_id, &users, &groups).with_system_users(&su)?;
        let names = flow_names.get(env.tenant_id.as_str());
        approvals.extend(environment_approvals(env, at, &refs, names)?);
    }
    drop((users, groups, flow_names));
    world.flows = flows;
    world.approvals = approvals;
    Ok(world)
}

impl crate::directory::Directory {
    /// Builds a directory from the pages of every source (`Directory.fromSources`).
    pub fn from_sources(input: &SourcesInput) -> Result<crate::directory::Directory> {
        crate::directory::Directory::from_world(world_from_sources(input)?)
    }

    /// [`from_sources`](Self::from_sources) of JSON text, without a `Value` tree of the
    /// pages: what `Directory.fromSources` runs.
    pub fn from_sources_json(text: &str, origin: Origin) -> Result<crate::directory::Directory> {
        crate::directory::Directory::from_world(world_from_sources_json(text, origin)?)
    }

    /// [`Self::from_sources_json`] of input given in parts ([`SourcesParts`]: what
    /// `Directory.fromSources` of an object sends, so no one string holds every page).
    pub fn from_sources_parts(parts: &SourcesParts) -> Result<crate::directory::Directory> {
        crate::directory::Directory::from_world(world_from_sources_parts(parts)?)
    }
}
