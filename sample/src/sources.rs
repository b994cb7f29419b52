//! A world as the pages Microsoft's services would answer for it: the input of
//! `Directory.fromSources` (`guestpass::sources::SourcesInput`). Each shape is the one the
//! importer reads and documents (`src/graph/*`, `src/sources/*`): Graph's
//! `organization`, `user`, `group`, `directoryObject`, `servicePrincipal` (the enterprise
//! apps, with their owners and `appRoleAssignment`s), the authorization and cross-tenant
//! access policies; Power Automate's flows and permissions; Dataverse's Approvals
//! tables (with the flow each approval came from) and system users. Pages hold
//! [`PAGE_SIZE`] rows and carry `@odata.nextLink` as the services do.
//!
//! What no source carries stays out: connectors and join requests (guestpass has no
//! importer for them yet), and what the services cannot say:
//! - an app's self-service settings: "Enable self-service application assignment" sets
//!   them in the Microsoft Entra admin center only, and the Graph v1.0
//!   `servicePrincipal` has no property for them, so apps read back without;
//! - linked single sign-on: `preferredSingleSignOnMode` has no value for it (Graph
//!   documents `password`, `saml`, `notSupported` and `oidc`), so such an app is written
//!   with `null` and reads back as `none` (the sample makes none);
//! - licences: Graph lists plans, not guestpass's licence kinds, so a user whose
//!   licences count gets one enabled plan with the Power Automate service
//!   (`ProcessSimple`) and reads back as `powerAutomate`;
//! - group join policies (Graph has none; imported groups are `closed`) and US
//!   Government clouds (`tenant_region_sub_scope` of the OpenID metadata, not a Graph
//!   resource) are written into the envelope's own `settings` only where it has a place;
//! - an approval assigned to a group: Dataverse holds one request per person, so the
//!   group's members become approvers.
//!
//! `tests/sample_sources.rs` states the remaining difference as a function and proves the
//! round trip over sample worlds.

use guestpass::graph::{GraphInput, GraphTenant};
use guestpass::model::{
    AccessDirections, AccessTargets, App, Approval, ApprovalStatus, ApprovalType, Cloud, Flow,
    GuestAccess, PartnerAccess, SingleSignOn, Tenant, Trigger, User, World,
};
use guestpass::sources::{EnvironmentApprovals, EnvironmentFlows, SourcesInput};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};

/// Rows per page.
pub const PAGE_SIZE: usize = 100;

/// The source pages of `world`: one Graph entry per tenant, one Power Automate and one
/// Dataverse environment (`Default-<tenant id>`) per tenant that has flows or approvals.
pub fn source_pages(world: &World) -> SourcesInput {
    let groups: HashSet<&str> = world.groups.iter().map(|g| g.id.as_str()).collect();
    let mut input = SourcesInput {
        graph: GraphInput::default(),
        power_automate: Vec::new(),
        dataverse: Vec::new(),
    };
    for tenant in &world.tenants {
        input.graph.tenants.push(graph_tenant(world, tenant));
        let flows: Vec<&Flow> = world
            .flows
            .iter()
            .filter(|f| f.tenant_id == tenant.id)
            .collect();
        if !flows.is_empty() {
            input
                .power_automate
                .push(environment_flows(tenant, &flows, &groups));
        }
        let approvals: Vec<&Approval> = world
            .approvals
            .iter()
            .filter(|a| a.tenant_id == tenant.id)
            .collect();
        if !approvals.is_empty() {
            input
                .dataverse
                .push(environment_approvals(world, tenant, &approvals));
        }
    }
    input
}

/// `rows` as collection pages of `PAGE_SIZE`, each but the last with a `nextLink`.
fn pages(rows: Vec<Value>, url: &str) -> Vec<Value> {
    let count = rows.len().div_ceil(PAGE_SIZE).max(1);
    let mut out = Vec::with_capacity(count);
    let mut rows = rows.into_iter().peekable();
    for page in 0..count {
        let value: Vec<Value> = rows.by_ref().take(PAGE_SIZE).collect();
        let mut body = json!({ "@odata.context": format!("{url}/$metadata"), "value": value });
        if rows.peek().is_some() {
            body["@odata.nextLink"] = json!(format!("{url}?$skiptoken={}", page + 1));
        }
        out.push(body);
    }
    out
}

fn environment(tenant: &Tenant) -> String {
    crate::environment_of(&tenant.id)
}

// --- Microsoft Graph --------------------------------------------------------------

fn graph_tenant(world: &World, tenant: &Tenant) -> GraphTenant {
    let users: Vec<&User> = world
        .users
        .iter()
        .filter(|u| u.tenant_id == tenant.id)
        .collect();
    let groups = world.groups.iter().filter(|g| g.tenant_id == tenant.id);
    let kinds: HashSet<&str> = world.groups.iter().map(|g| g.id.as_str()).collect();
    let mut group_rows = Vec::new();
    let mut members = BTreeMap::new();
    let mut owners = BTreeMap::new();
    for g in groups {
        group_rows.push(json!({
            "id": g.id, "displayName": g.display_name, "description": g.description,
            "groupTypes": g.group_types, "securityEnabled": g.security_enabled,
            "mailEnabled": g.mail_enabled, "onPremisesSyncEnabled": g.on_premises_sync_enabled,
        }));
        let url = format!("https://graph.microsoft.com/v1.0/groups/{}", g.id);
        let objects = |ids: &[String]| -> Vec<Value> {
            ids.iter().map(|id| directory_object(id, &kinds)).collect()
        };
        members.insert(
            g.id.clone(),
            pages(objects(&g.members), &format!("{url}/members")),
        );
        owners.insert(
            g.id.clone(),
            pages(objects(&g.owners), &format!("{url}/owners")),
        );
    }
    let mut settings = tenant.settings.clone();
    // The policies below say these; the envelope keeps only what no Graph resource holds.
    settings.cross_tenant_access = Default::default();
    let apps = app_pages(world, tenant, &kinds);
    GraphTenant {
        organization: organization(tenant),
        cloud: tenant.cloud,
        settings,
        users: pages(
            users.iter().map(|u| user(u)).collect(),
            "https://graph.microsoft.com/v1.0/users",
        ),
        groups: pages(group_rows, "https://graph.microsoft.com/v1.0/groups"),
        group_members: members,
        group_owners: owners,
        consented_to_power_automate: users
            .iter()
            .filter(|u| u.consented_to_power_automate)
            .map(|u| u.id.clone())
            .collect(),
        authorization_policy: Some(authorization_policy(tenant)),
        cross_tenant_access_policy: Some(json!({
            "allowedCloudEndpoints": tenant.settings.enabled_clouds.iter()
                .map(|c| cloud_endpoint(*c)).collect::<Vec<_>>(),
        })),
        cross_tenant_access_default: Some(default_policy(
            &tenant.settings.cross_tenant_access.default,
        )),
        cross_tenant_access_partners: pages(
            tenant
                .settings
                .cross_tenant_access
                .partners
                .iter()
                .map(|(id, p)| partner_policy(id, p))
                .collect(),
            "https://graph.microsoft.com/v1.0/policies/crossTenantAccessPolicy/partners",
        ),
        subscribed_skus: Vec::new(),
        service_principals: apps.service_principals,
        service_principal_owners: apps.owners,
        app_role_assigned_to: apps.assigned_to,
    }
}

/// The tag that lists a service principal among Entra's enterprise applications
/// (New-AzureADServicePrincipal: "used to have this service principal show up in the list
/// of Integrated Applications in the Admin Portal").
const ENTERPRISE_APP_TAG: &str = "WindowsAzureActiveDirectoryIntegratedApp";

/// The `appRoleId` of an assignment to an app that declares no app roles
/// (appRoleAssignment resource type — Microsoft Graph v1.0).
const DEFAULT_ACCESS: &str = "00000000-0000-0000-0000-000000000000";

/// A tenant's enterprise apps as Graph pages.
struct AppPages {
    /// Pages of `GET /servicePrincipals`.
    service_principals: Vec<Value>,
    /// App id → pages of `GET /servicePrincipals/{id}/owners`.
    owners: BTreeMap<String, Vec<Value>>,
    /// App id → pages of `GET /servicePrincipals/{id}/appRoleAssignedTo`.
    assigned_to: BTreeMap<String, Vec<Value>>,
}

/// `preferredSingleSignOnMode` for a single sign-on kind (servicePrincipal resource type —
/// Microsoft Graph v1.0 lists `password`, `saml`, `notSupported` and `oidc`; none for
/// linked sign-on, written as `null`).
fn single_sign_on_mode(mode: SingleSignOn) -> Value {
    match mode {
        SingleSignOn::Saml => json!("saml"),
        SingleSignOn::Oidc => json!("oidc"),
        SingleSignOn::Password => json!("password"),
        SingleSignOn::None | SingleSignOn::Linked => Value::Null,
    }
}

/// The service principal, owner and assignment pages of `tenant`'s apps.
fn app_pages(world: &World, tenant: &Tenant, groups: &HashSet<&str>) -> AppPages {
    let base = "https://graph.microsoft.com/v1.0/servicePrincipals";
    let mut out = AppPages {
        service_principals: Vec::new(),
        owners: BTreeMap::new(),
        assigned_to: BTreeMap::new(),
    };
    let mut rows = Vec::new();
    for app in world.apps.iter().filter(|a| a.tenant_id == tenant.id) {
        rows.push(json!({
            "id": app.id, "displayName": app.display_name,
            "preferredSingleSignOnMode": single_sign_on_mode(app.single_sign_on),
            "servicePrincipalType": "Application", "tags": [ENTERPRISE_APP_TAG],
        }));
        let owners = app.owners.iter().map(|id| directory_object(id, groups));
        let url = format!("{base}/{}", app.id);
        out.owners.insert(
            app.id.clone(),
            pages(owners.collect(), &format!("{url}/owners")),
        );
        out.assigned_to.insert(
            app.id.clone(),
            pages(
                assignments(app, groups),
                &format!("{url}/appRoleAssignedTo"),
            ),
        );
    }
    if !rows.is_empty() {
        out.service_principals = pages(rows, base);
    }
    out
}

/// An app's assignments as `appRoleAssignment`s of its default access role.
fn assignments(app: &App, groups: &HashSet<&str>) -> Vec<Value> {
    app.assignments
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let kind = if groups.contains(id.as_str()) {
                "Group"
            } else {
                "User"
            };
            json!({
                "id": format!("{}-assignment-{i}", app.id), "appRoleId": DEFAULT_ACCESS,
                "principalId": id, "principalType": kind,
                "resourceId": app.id, "resourceDisplayName": app.display_name,
            })
        })
        .collect()
}

fn organization(tenant: &Tenant) -> Value {
    let mut domains =
        vec![json!({ "name": tenant.initial_domain, "isInitial": true, "isDefault": false })];
    for (i, d) in tenant.domains.iter().enumerate() {
        domains.push(json!({ "name": d, "isInitial": false, "isDefault": i == 0 }));
    }
    json!({ "id": tenant.id, "displayName": tenant.display_name, "verifiedDomains": domains })
}

fn directory_object(id: &str, groups: &HashSet<&str>) -> Value {
    let kind = match groups.contains(id) {
        true => "#microsoft.graph.group",
        false => "#microsoft.graph.user",
    };
    json!({ "@odata.type": kind, "id": id })
}

fn user(u: &User) -> Value {
    let counts = u
        .licenses
        .iter()
        .any(|l| guestpass::b2b::LICENSES_THAT_COUNT.contains(&l.as_str()));
    let plans: Vec<Value> = match counts {
        true => vec![json!({
            "assignedDateTime": "2026-01-01T00:00:00Z", "capabilityStatus": "Enabled",
            "service": "ProcessSimple", "servicePlanId": "76846ad7-7776-4c40-a281-a386362dd1b9",
        })],
        false => Vec::new(),
    };
    json!({
        "id": u.id, "displayName": u.display_name, "givenName": u.given_name,
        "surname": u.surname, "mail": u.mail, "otherMails": u.other_mails,
        "userPrincipalName": u.user_principal_name, "userType": u.user_type,
        "externalUserState": u.external_user_state,
        "creationType": u.creation_type, "jobTitle": u.job_title,
        "accountEnabled": u.account_enabled, "assignedPlans": plans,
    })
}

/// The role template id Graph's `authorizationPolicy` names for each guest access level.
fn authorization_policy(tenant: &Tenant) -> Value {
    let role = match tenant.settings.guest_access {
        GuestAccess::SameAsMember => "a0b1b346-4d3e-4e8b-98f8-753987be4970",
        GuestAccess::Limited => "10dae51f-b6af-4016-8d66-8c2a99b929b3",
        GuestAccess::Restricted => "2af84b1e-32c8-42b7-82bc-daa82404023b",
    };
    json!({
        "id": "authorizationPolicy",
        "guestUserRoleId": role,
        "allowInvitesFrom": tenant.settings.allow_invites_from,
    })
}

fn cloud_endpoint(cloud: Cloud) -> &'static str {
    match cloud {
        Cloud::Global => "microsoftonline.com",
        Cloud::Usgov => "microsoftonline.us",
        Cloud::China => "partner.microsoftonline.cn",
    }
}

/// One `crossTenantAccessPolicyB2BSetting`: on or off for everyone, or its targets.
fn b2b_setting(on: bool, targets: Option<&AccessTargets>) -> Value {
    let half = |allowed: bool, ids: &[String], all: &str, kind: &str| {
        let access = if allowed { "allowed" } else { "blocked" };
        let targets: Vec<Value> = match ids.is_empty() {
            true => vec![json!({ "target": all, "targetType": kind })],
            false => ids
                .iter()
                .map(|id| json!({ "target": id, "targetType": kind }))
                .collect(),
        };
        json!({ "accessType": access, "targets": targets })
    };
    match (on, targets) {
        (true, Some(t)) => json!({
            "usersAndGroups": half(t.users_and_groups_allowed, &t.users_and_groups, "AllUsers", "user"),
            "applications": half(t.applications_allowed, &t.applications, "AllApplications", "application"),
        }),
        (on, _) => json!({
            "usersAndGroups": half(on, &[], "AllUsers", "user"),
            "applications": half(on, &[], "AllApplications", "application"),
        }),
    }
}

fn default_policy(d: &AccessDirections) -> Value {
    json!({
        "isServiceDefault": false,
        "b2bCollaborationInbound": b2b_setting(d.inbound, d.inbound_targets.as_ref()),
        "b2bCollaborationOutbound": b2b_setting(d.outbound, d.outbound_targets.as_ref()),
    })
}

fn partner_policy(tenant_id: &str, p: &PartnerAccess) -> Value {
    let direction = |on: Option<bool>, targets: Option<&AccessTargets>| match on {
        Some(on) => b2b_setting(on, targets),
        None => Value::Null,
    };
    json!({
        "tenantId": tenant_id,
        "b2bCollaborationInbound": direction(p.inbound, p.inbound_targets.as_ref()),
        "b2bCollaborationOutbound": direction(p.outbound, p.outbound_targets.as_ref()),
    })
}

// --- Power Automate ---------------------------------------------------------------

fn environment_flows(tenant: &Tenant, flows: &[&Flow], groups: &HashSet<&str>) -> EnvironmentFlows {
    let env = environment(tenant);
    let base = format!(
        "https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/environments/{env}/flows"
    );
    let mut permissions = BTreeMap::new();
    let rows = flows
        .iter()
        .map(|f| {
            let entries = flow_permissions(f, groups);
            permissions.insert(
                f.id.clone(),
                pages(entries, &format!("{base}/{}/permissions", f.id)),
            );
            flow_row(f, tenant, &base)
        })
        .collect();
    EnvironmentFlows {
        tenant_id: tenant.id.clone(),
        environment: env.clone(),
        flows: pages(rows, &base),
        permissions,
    }
}

fn flow_row(f: &Flow, tenant: &Tenant, base: &str) -> Value {
    let trigger = match f.trigger {
        Trigger::Manual => json!({ "type": "Request", "kind": "Button" }),
        Trigger::Scheduled => json!({ "type": "Recurrence" }),
        Trigger::Automated => json!({ "type": "OpenApiConnectionWebhook" }),
    };
    json!({
        "name": f.id, "id": format!("{base}/{}", f.id),
        "type": "Microsoft.ProcessSimple/environments/flows",
        "properties": {
            "displayName": f.display_name,
            "state": if f.enabled { "Started" } else { "Stopped" },
            "creator": { "tenantId": tenant.id, "objectId": f.owner_id, "userType": "ActiveDirectory" },
            "definitionSummary": { "triggers": [trigger], "actions": [] },
        },
    })
}

fn flow_permissions(f: &Flow, groups: &HashSet<&str>) -> Vec<Value> {
    let entry = |id: &str, role: &str| {
        let kind = if groups.contains(id) { "Group" } else { "User" };
        json!({
            "name": format!("{}-{id}", f.id),
            "type": "Microsoft.ProcessSimple/environments/flows/permissions",
            "properties": { "roleName": role, "permissionType": "Principal",
                            "principal": { "id": id, "type": kind } },
        })
    };
    let mut out = vec![entry(&f.owner_id, "Owner")];
    out.extend(f.co_owners.iter().map(|id| entry(id, "CanEdit")));
    out.extend(f.run_only.iter().map(|id| entry(id, "CanView")));
    out
}

// --- Dataverse --------------------------------------------------------------------

/// Status reasons of `msdyn_flow_approval` (Pending, Completed, Expired, Canceled).
fn status_code(status: ApprovalStatus) -> i64 {
    match status {
        ApprovalStatus::Pending => 192_350_001,
        ApprovalStatus::Completed => 192_350_004,
        ApprovalStatus::Expired => 192_350_005,
        ApprovalStatus::Canceled => 192_350_006,
    }
}

/// The Dataverse user id standing for Entra user `id` in the environment.
fn system_user(id: &str) -> String {
    format!("su-{id}").to_ascii_lowercase()
}

fn environment_approvals(
    world: &World,
    tenant: &Tenant,
    approvals: &[&Approval],
) -> EnvironmentApprovals {
    let env = environment(tenant);
    let api = format!("https://{env}.crm.dynamics.com/api/data/v9.2");
    let members = group_members(world);
    let mut requests = Vec::new();
    let mut responses = Vec::new();
    let rows = approvals
        .iter()
        .map(|a| {
            let approvers = approvers(a, &members);
            requests.extend(approval_requests(a, &approvers));
            responses.extend(a.responses.iter().enumerate().map(|(i, r)| {
                json!({
                    "msdyn_flow_approvalresponseid": format!("{}-response-{i}", a.id),
                    "_msdyn_flow_approvalresponse_approval_value": a.id,
                    "_ownerid_value": system_user(&r.approver_id),
                    "msdyn_flow_approvalresponse_response": r.response,
                    "msdyn_flow_approvalresponse_comments": r.comments,
                    "createdon": r.responded_at, "statuscode": 192_350_002,
                })
            }));
            approval_row(a)
        })
        .collect();
    let users = world
        .users
        .iter()
        .filter(|u| u.tenant_id == tenant.id)
        .map(
            |u| json!({ "systemuserid": system_user(&u.id), "azureactivedirectoryobjectid": u.id }),
        )
        .collect();
    // "Flow Approval (msdyn_flow_flowapproval)": the flow that asked for each approval.
    let links: Vec<Value> = approvals
        .iter()
        .filter_map(|a| {
            let flow = a.flow_id.as_deref()?;
            Some(json!({
                "msdyn_flow_flowapprovalid": format!("{}-flow", a.id),
                "_msdyn_flow_flowapproval_approval_value": a.id,
                "msdyn_flow_flowapproval_flowid": flow,
            }))
        })
        .collect();
    EnvironmentApprovals {
        tenant_id: tenant.id.clone(),
        environment: env,
        system_users: pages(users, &format!("{api}/systemusers")),
        approvals: pages(rows, &format!("{api}/msdyn_flow_approvals")),
        approval_requests: pages(requests, &format!("{api}/msdyn_flow_approvalrequests")),
        approval_responses: pages(responses, &format!("{api}/msdyn_flow_approvalresponses")),
        flow_approvals: match links.is_empty() {
            true => Vec::new(),
            false => pages(links, &format!("{api}/msdyn_flow_flowapprovals")),
        },
    }
}

fn approval_row(a: &Approval) -> Value {
    let model = match a.approval_type {
        ApprovalType::FirstToRespond | ApprovalType::CustomWaitForOne => {
            "msdyn_flow_basicapprovalmodel"
        }
        ApprovalType::EveryoneMustApprove | ApprovalType::CustomWaitForAll => {
            "msdyn_flow_awaitallapprovalmodel"
        }
    };
    json!({
        "msdyn_flow_approvalid": a.id, "msdyn_flow_approval_title": a.title,
        "msdyn_flow_approval_details": a.details, "msdyn_flow_approval_result": a.outcome,
        "createdon": a.created_at, "msdyn_flow_approval_completedon": a.completed_at,
        "_ownerid_value": system_user(&a.requester_id), "statuscode": status_code(a.status),
        "msdyn_flow_approval_modeltype": model,
    })
}

/// Group id → its direct and nested user members, in order.
fn group_members(world: &World) -> BTreeMap<&str, Vec<&str>> {
    let by_id: BTreeMap<&str, &guestpass::model::Group> =
        world.groups.iter().map(|g| (g.id.as_str(), g)).collect();
    let mut out = BTreeMap::new();
    for g in &world.groups {
        let mut users = Vec::new();
        let mut seen = HashSet::new();
        let mut stack: Vec<&str> = g.members.iter().rev().map(String::as_str).collect();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            match by_id.get(id) {
                Some(inner) => stack.extend(inner.members.iter().rev().map(String::as_str)),
                None => users.push(id),
            }
        }
        out.insert(g.id.as_str(), users);
    }
    out
}

/// The people an approval's requests go to: its approvers, a group's members in its place.
fn approvers<'a>(a: &'a Approval, members: &BTreeMap<&str, Vec<&'a str>>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for id in &a.approvers {
        let people = members
            .get(id.as_str())
            .cloned()
            .unwrap_or_else(|| vec![id.as_str()]);
        for p in people {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

fn approval_requests(a: &Approval, approvers: &[&str]) -> Vec<Value> {
    let custom = a.approval_type.has_custom_responses();
    approvers
        .iter()
        .enumerate()
        .map(|(i, who)| {
            json!({
                "msdyn_flow_approvalrequestid": format!("{}-request-{i}", a.id),
                "_msdyn_flow_approvalrequest_approval_value": a.id,
                "_ownerid_value": system_user(who),
                "msdyn_flow_approvalrequest_stepnumber": 1,
                "msdyn_flow_approvalrequest_responseoptionstype": if custom { 192_350_002 } else { 192_350_001 },
                "msdyn_flow_approvalrequest_responseoptions": if custom { a.response_options.join(",") } else { String::new() },
                "statuscode": 192_350_001,
            })
        })
        .collect()
}
