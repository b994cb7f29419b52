//! Import of Microsoft Graph-shaped JSON pages into a [`World`]: what `/organization`,
//! `/users`, `/groups`, `/groups/{id}/members`, `/groups/{id}/owners`,
//! `/servicePrincipals` and its `/owners` and `/appRoleAssignedTo` return, for one or
//! more tenants, builds the same world the equivalent `fromJSON` input builds.
//!
//! ```json
//! { "tenants": [ {
//!     "organization": { "id": "…", "displayName": "Contoso",
//!                       "verifiedDomains": [ { "name": "contoso.com", "isDefault": true },
//!                                            { "name": "contoso.onmicrosoft.com", "isInitial": true } ] },
//!     "cloud": "global",
//!     "settings": { "guestAccess": "limited" },
//!     "users":  [ { "@odata.context": "…", "@odata.nextLink": "…", "value": [ <user>, … ] }, <page>, … ],
//!     "groups": [ <pages of group> ],
//!     "groupMembers": { "<groupId>": [ <pages of directoryObject> ] },
//!     "groupOwners":  { "<groupId>": [ <pages of directoryObject> ] },
//!     "consentedToPowerAutomate": [ "<userId>", … ],
//!     "authorizationPolicy": <GET /policies/authorizationPolicy>,
//!     "crossTenantAccessPolicy": <GET /policies/crossTenantAccessPolicy>,
//!     "crossTenantAccessDefault": <GET /policies/crossTenantAccessPolicy/default>,
//!     "crossTenantAccessPartners": [ <pages of GET /policies/crossTenantAccessPolicy/partners> ],
//!     "subscribedSkus": [ <pages of GET /subscribedSkus> ],
//!     "servicePrincipals": [ <pages of GET /servicePrincipals> ],
//!     "servicePrincipalOwners": { "<servicePrincipalId>": [ <pages of directoryObject> ] },
//!     "appRoleAssignedTo": { "<servicePrincipalId>": [ <pages of appRoleAssignment> ] } } ] }
//! ```
//!
//! The envelope (`tenants`, `cloud`, `settings`, the page lists,
//! `consentedToPowerAutomate`) is guestpass's own and refuses unknown fields. The
//! objects inside the pages are Graph's: properties guestpass does not use are ignored,
//! a used property of the wrong type is refused with `INVALID_VALUE` naming its JSON
//! path and the tenant, and a page without a `value` array with `INVALID_INPUT`.
//! Ids must be unique across the whole input (`DUPLICATE_ID`); members, owners and app
//! assignees must be users or groups of the same tenant (`DANGLING_REFERENCE`,
//! `CROSS_TENANT_REFERENCE`).
//!
//! Graph has no property for "signed in to Power Automate and consented", so
//! `consentedToPowerAutomate` lists those users; everyone else has not consented.
//! `cloud` defaults to `global` and `settings` to Entra's defaults. The policy resources,
//! when given, override what `settings` says about the same things (guest access level,
//! who may invite, enabled clouds, cross-tenant access): see `policies`.
//!
//! What each resource maps to, and how licenses and guests' home tenants are found, is
//! documented in the submodules: `organization`, `users`, `groups`, `apps`, `homes`,
//! `pages`. Owners and assignments are held per service principal, as members and owners
//! are per group: the servicePrincipal resource documents `$expand` of `owners` and
//! `appRoleAssignedTo`, but "Use query parameters" (Microsoft Graph) says `$expand` on a
//! directoryObject returns at most 20 items and no `@odata.nextLink`.

mod apps;
pub(crate) mod fields;
mod groups;
mod homes;
pub(crate) mod lenient;
pub(crate) mod maps;
mod organization;
pub(crate) mod pages;
mod policies;
pub(crate) mod read;
mod rows;
mod skus;
pub(crate) mod typed_input;
mod users;

use crate::error::{Error, Result};
use crate::graph::maps::{keyed_map, keyed_set, KeyedMap, KeyedSet};
use crate::model::{Cloud, Id, TenantSettings, World};
use fields::Place;
use groups::{Kind, Known, Relation};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use typed_input::{GraphInput as GraphPages, GraphTenant as TenantPages};

/// Graph pages for one or more tenants: the input of `Directory.fromGraph`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct GraphInput {
    /// One entry per tenant.
    #[serde(default)]
    pub tenants: Vec<GraphTenant>,
}
crate::objects_only!(serialize: GraphInput);

fn global() -> Cloud {
    Cloud::Global
}

/// What Graph returned for one tenant, plus the settings Graph pages do not carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct GraphTenant {
    /// The `organization` resource (`GET /organization`, the one item of its `value`).
    pub organization: Value,
    /// The cloud the tenant lives in.
    #[serde(default = "global")]
    pub cloud: Cloud,
    /// guestpass settings of the tenant; absent means Entra's defaults.
    #[serde(default)]
    pub settings: TenantSettings,
    /// Pages of `GET /users`, in order.
    #[serde(default)]
    pub users: Vec<Value>,
    /// Pages of `GET /groups`, in order.
    #[serde(default)]
    pub groups: Vec<Value>,
    /// Group id → pages of `GET /groups/{id}/members`.
    #[serde(default)]
    pub group_members: BTreeMap<Id, Vec<Value>>,
    /// Group id → pages of `GET /groups/{id}/owners`.
    #[serde(default)]
    pub group_owners: BTreeMap<Id, Vec<Value>>,
    /// Users who have signed in to Power Automate and consented.
    #[serde(default)]
    pub consented_to_power_automate: Vec<Id>,
    /// `GET /policies/authorizationPolicy`: guest access level, who may invite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_policy: Option<Value>,
    /// `GET /policies/crossTenantAccessPolicy`: the clouds enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross_tenant_access_policy: Option<Value>,
    /// `GET /policies/crossTenantAccessPolicy/default`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross_tenant_access_default: Option<Value>,
    /// Pages of `GET /policies/crossTenantAccessPolicy/partners`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cross_tenant_access_partners: Vec<Value>,
    /// Pages of `GET /subscribedSkus`, for users read without `assignedPlans`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subscribed_skus: Vec<Value>,
    /// Pages of `GET /servicePrincipals`: the tenant's enterprise apps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_principals: Vec<Value>,
    /// Service principal id → pages of `GET /servicePrincipals/{id}/owners`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub service_principal_owners: BTreeMap<Id, Vec<Value>>,
    /// Service principal id → pages of `GET /servicePrincipals/{id}/appRoleAssignedTo`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub app_role_assigned_to: BTreeMap<Id, Vec<Value>>,
}
crate::objects_only!(serialize: GraphTenant);

impl GraphInput {
    /// Reads Graph input from JSON text (`INVALID_INPUT` or `UNKNOWN_FIELD` when it does
    /// not parse).
    pub fn from_json(text: &str) -> Result<GraphInput> {
        crate::json_path::parse(text)
    }
}

fn place(tenant: usize, list: &str) -> Place<'_> {
    Place {
        root: "tenants",
        tenant,
        list,
        key: None,
        page: None,
        item: None,
    }
}

/// The entity a single-resource response holds: the body itself, or (as Graph's
/// documentation shows some of them) the object or one-item array in its `value`.
fn entity(body: &Value) -> &Value {
    match body.get("value") {
        Some(inner @ Value::Object(_)) => inner,
        Some(Value::Array(items)) if items.len() == 1 => &items[0],
        _ => body,
    }
}

/// The tenant's settings: `settings`, overridden by the policy resources given.
fn settings_of<'a>(
    gt: &'a TenantPages<'_>,
    t: usize,
    tenant_id: &'a str,
) -> Result<TenantSettings> {
    let mut settings = gt.settings.clone().into_owned();
    let single =
        |list: &'static str, body: Option<&'a Value>| -> Result<Option<fields::Object<'a>>> {
            body.map(|b| fields::Object::new(entity(b), place(t, list), tenant_id))
                .transpose()
        };
    if let Some(o) = single("authorizationPolicy", gt.authorization_policy.as_deref())? {
        policies::authorization(&o, &mut settings)?;
    }
    let policy = gt.cross_tenant_access_policy.as_deref();
    if let Some(o) = single("crossTenantAccessPolicy", policy)? {
        policies::cross_tenant_policy(&o, &mut settings)?;
    }
    let default = gt.cross_tenant_access_default.as_deref();
    let defaults = match single("crossTenantAccessDefault", default)? {
        Some(o) => policies::defaults(&o, &mut settings)?,
        None => policies::Defaults::default(),
    };
    let partners = &gt.cross_tenant_access_partners;
    for o in pages::items(partners, place(t, "crossTenantAccessPartners"), tenant_id)? {
        policies::partner(&o, &defaults, &mut settings)?;
    }
    Ok(settings)
}

/// Refuses an id seen before anywhere in the input.
fn unique<'a>(seen: &mut KeyedSet<&'a str>, id: &'a str) -> Result<()> {
    if seen.insert(id) {
        Ok(())
    } else {
        Err(Error::DuplicateId(id.to_string()))
    }
}

/// The world the Graph pages of `input` describe: its tenants, their users (members and
/// guests, with guests' home tenants and home users found by mail domain), groups with
/// owners and members, and enterprise apps with owners and assignments.
pub fn world_from_graph(input: &GraphInput) -> Result<World> {
    world_from_graph_pages(&input.typed()?)
}

/// [`world_from_graph`] of pages whose rows are typed.
pub(crate) fn world_from_graph_pages(input: &GraphPages<'_>) -> Result<World> {
    graph_world(input).map(|(world, _)| world)
}

/// Where each user and group of a world read from Graph pages sits in it, by id.
pub(crate) struct Positions<'s> {
    /// User id → its position in `world.users`.
    pub users: KeyedMap<&'s str, usize>,
    /// Group id → its position in `world.groups`.
    pub groups: KeyedMap<&'s str, usize>,
}

/// [`world_from_graph_pages`], with the positions of its users and groups.
pub(crate) fn graph_world<'s>(input: &'s GraphPages<'_>) -> Result<(World, Positions<'s>)> {
    let mut world = World::default();
    let users: usize = input.tenants.iter().map(|t| pages::count(&t.users)).sum();
    let groups: usize = input.tenants.iter().map(|t| pages::count(&t.groups)).sum();
    let apps: usize = input
        .tenants
        .iter()
        .map(|t| pages::count(&t.service_principals))
        .sum();
    let mut ids = Ids {
        seen: keyed_set(input.tenants.len() + users + groups + apps),
        known: keyed_map(users + groups),
        at: Positions {
            users: keyed_map(users),
            groups: keyed_map(groups),
        },
        apps: keyed_map(apps),
    };
    world.users.reserve(users);
    world.groups.reserve(groups);
    world.apps.reserve(apps);

    let tenant_ids = read_tenants(input, &mut world, &mut ids.seen)?;
    homes::check_domains(&world)?;
    keep_partners_in_input(&mut world);
    for (t, gt) in input.tenants.iter().enumerate() {
        read_users_and_groups(t, gt, tenant_ids[t], &mut world, &mut ids)?;
        read_apps(t, gt, tenant_ids[t], &mut world, &mut ids)?;
    }
    for (t, gt) in input.tenants.iter().enumerate() {
        read_members_and_owners(t, gt, tenant_ids[t], &mut world, &ids)?;
        read_app_owners_and_assignments(t, gt, tenant_ids[t], &mut world, &ids)?;
        read_consents(gt, tenant_ids[t], &mut world, &ids.at.users)?;
    }
    homes::resolve(&mut world);
    Ok((world, ids.at))
}

/// The ids [`graph_world`] has read so far: every one seen (ids are unique across the
/// whole input), each user's and group's tenant and kind, and where it is in the world.
struct Ids<'s> {
    seen: KeyedSet<&'s str>,
    /// Id → its tenant (by position in the input) and whether it is a user or a group.
    known: Known<'s>,
    at: Positions<'s>,
    /// App (service principal) id → its position in `world.apps`.
    apps: KeyedMap<&'s str, usize>,
}

/// The first pass: every tenant, with its settings, into `world`; returns their ids, in
/// input order.
fn read_tenants<'s>(
    input: &'s GraphPages<'_>,
    world: &mut World,
    seen: &mut KeyedSet<&'s str>,
) -> Result<Vec<&'s str>> {
    let mut tenant_ids: Vec<&str> = Vec::with_capacity(input.tenants.len());
    for (t, gt) in input.tenants.iter().enumerate() {
        let mut tenant =
            organization::tenant(&gt.organization, t, gt.cloud, TenantSettings::default())?;
        let id = gt
            .organization
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        unique(seen, id)?;
        tenant.settings = settings_of(gt, t, id)?;
        tenant_ids.push(id);
        world.tenants.push(tenant);
    }
    Ok(tenant_ids)
}

/// The second pass, for tenant `t` (id `tid`): its users (licences read with its
/// subscribed SKUs) and its groups into `world`.
fn read_users_and_groups<'s>(
    t: usize,
    gt: &'s TenantPages<'_>,
    tid: &'s str,
    world: &mut World,
    ids: &mut Ids<'s>,
) -> Result<()> {
    let sku_objects = pages::items(&gt.subscribed_skus, place(t, "subscribedSkus"), tid)?;
    let skus = skus::Skus::read(&sku_objects)?;
    for o in pages::rows(&gt.users, place(t, "users"), tid)? {
        let user = users::user(o, tid, &skus)?;
        let id = o.spot.required_string("id", &o.row.id)?;
        unique(&mut ids.seen, id)?;
        ids.known.insert(id, (t, Kind::User));
        ids.at.users.insert(id, world.users.len());
        world.users.push(user);
    }
    for o in pages::rows(&gt.groups, place(t, "groups"), tid)? {
        let group = groups::group(o, tid)?;
        let id = o.spot.required_string("id", &o.row.id)?;
        unique(&mut ids.seen, id)?;
        ids.known.insert(id, (t, Kind::Group));
        ids.at.groups.insert(id, world.groups.len());
        world.groups.push(group);
    }
    Ok(())
}

/// The second pass's last step, for tenant `t` (id `tid`): its service principals, as
/// apps without owners or assignments, into `world`.
fn read_apps<'s>(
    t: usize,
    gt: &'s TenantPages<'_>,
    tid: &'s str,
    world: &mut World,
    ids: &mut Ids<'s>,
) -> Result<()> {
    for o in pages::rows(&gt.service_principals, place(t, "servicePrincipals"), tid)? {
        let app = apps::app(o, tid)?;
        let id = o.spot.required_string("id", &o.row.id)?;
        unique(&mut ids.seen, id)?;
        ids.apps.insert(id, world.apps.len());
        world.apps.push(app);
    }
    Ok(())
}

/// The position in `world.apps` of the app `app_id` of tenant `tid`, named as a key of
/// the list `list` (`DANGLING_REFERENCE` when the tenant's service principal pages do not
/// hold it).
fn app_of_tenant(
    world: &World,
    ids: &Ids<'_>,
    tid: &str,
    list: &'static str,
    app_id: &str,
) -> Result<usize> {
    ids.apps
        .get(app_id)
        .copied()
        .filter(|&i| world.apps[i].tenant_id == tid)
        .ok_or_else(|| Error::DanglingReference {
            from: tid.to_string(),
            field: list,
            to: app_id.to_string(),
        })
}

/// The third pass, for tenant `t` (id `tid`): each of its apps' owners and assignments
/// (an app named there must be one of the tenant's own service principals).
fn read_app_owners_and_assignments(
    t: usize,
    gt: &TenantPages<'_>,
    tid: &str,
    world: &mut World,
    ids: &Ids<'_>,
) -> Result<()> {
    let owners = per_app(
        t,
        &gt.service_principal_owners,
        "servicePrincipalOwners",
        tid,
        world,
        ids,
        |objects, app_id| {
            // servicePrincipal resource type — Microsoft Graph v1.0: owners are "non-admin
            // users or servicePrincipals"; the users are kept, as for a group's owners.
            groups::directory_objects(objects, Relation::Owners, app_id, t, &ids.known)
        },
    )?;
    for (index, ids) in owners {
        world.apps[index].owners = ids;
    }
    let assigned = per_app(
        t,
        &gt.app_role_assigned_to,
        "appRoleAssignedTo",
        tid,
        world,
        ids,
        |objects, app_id| apps::assignments(objects, app_id, t, &ids.known),
    )?;
    for (index, ids) in assigned {
        world.apps[index].assignments = ids;
    }
    Ok(())
}

/// What `of_rows` makes of each app's pages in `by_app` (the list `list` of tenant `t`), with
/// the app's index in `world.apps`.
fn per_app<'s, T>(
    t: usize,
    by_app: &'s BTreeMap<Id, Vec<lenient::Page<T>>>,
    list: &'static str,
    tid: &'s str,
    world: &World,
    ids: &Ids<'_>,
    of_rows: impl Fn(&[read::Item<'s, T>], &str) -> Result<Vec<Id>>,
) -> Result<Vec<(usize, Vec<Id>)>> {
    let mut out = Vec::with_capacity(by_app.len());
    for (app_id, app_pages) in by_app {
        let index = app_of_tenant(world, ids, tid, list, app_id)?;
        let at = Place {
            key: Some(app_id),
            ..place(t, list)
        };
        out.push((index, of_rows(&pages::rows(app_pages, at, tid)?, app_id)?));
    }
    Ok(out)
}

/// The third pass, for tenant `t` (id `tid`): each of its groups' members and owners
/// (a group named there must be one of the tenant's own: `DANGLING_REFERENCE`).
fn read_members_and_owners(
    t: usize,
    gt: &TenantPages<'_>,
    tid: &str,
    world: &mut World,
    ids: &Ids<'_>,
) -> Result<()> {
    for (list, relation, pages_by_group) in [
        ("groupMembers", Relation::Members, &gt.group_members),
        ("groupOwners", Relation::Owners, &gt.group_owners),
    ] {
        for (group_id, group_pages) in pages_by_group {
            let index = ids
                .at
                .groups
                .get(group_id.as_str())
                .copied()
                .filter(|&i| world.groups[i].tenant_id == tid);
            let Some(index) = index else {
                return Err(Error::DanglingReference {
                    from: tid.to_string(),
                    field: list,
                    to: group_id.clone(),
                });
            };
            let at = Place {
                key: Some(group_id),
                ..place(t, list)
            };
            let objects = pages::rows(group_pages, at, tid)?;
            let members = groups::directory_objects(&objects, relation, group_id, t, &ids.known)?;
            let group = &mut world.groups[index];
            match relation {
                Relation::Members => group.members = members,
                Relation::Owners => group.owners = members,
            }
        }
    }
    Ok(())
}

/// The third pass's last step, for tenant `tid`: its users who consented to Power
/// Automate, which must be users of that tenant (`DANGLING_REFERENCE`).
fn read_consents(
    gt: &TenantPages<'_>,
    tid: &str,
    world: &mut World,
    user_at: &KeyedMap<&str, usize>,
) -> Result<()> {
    for user_id in gt.consented_to_power_automate.iter() {
        match user_at.get(user_id.as_str()) {
            Some(&i) if world.users[i].tenant_id == tid => {
                world.users[i].consented_to_power_automate = true;
            }
            _ => {
                return Err(Error::DanglingReference {
                    from: tid.to_string(),
                    field: "consentedToPowerAutomate",
                    to: user_id.clone(),
                })
            }
        }
    }
    Ok(())
}

/// Leaves out the cross-tenant partner settings for organizations outside the input (a
/// real tenant's policy names many): they decide nothing in this world, and a world's
/// partner keys must name its tenants (`DANGLING_REFERENCE` otherwise). No Microsoft
/// document speaks to a subset of tenants; only settings that can apply are kept.
fn keep_partners_in_input(world: &mut World) {
    let ids: KeyedSet<String> = world.tenants.iter().map(|t| t.id.clone()).collect();
    for tenant in &mut world.tenants {
        let own = tenant.id.clone();
        tenant
            .settings
            .cross_tenant_access
            .partners
            .retain(|partner, _| partner != &own && ids.contains(partner));
    }
}

impl crate::directory::Directory {
    /// Builds a directory from Microsoft Graph pages: the same directory the
    /// equivalent `fromJSON` world builds.
    pub fn from_graph(input: &GraphInput) -> Result<crate::directory::Directory> {
        crate::directory::Directory::from_world(world_from_graph(input)?)
    }
}
