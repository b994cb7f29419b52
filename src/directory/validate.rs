//! The checks one object must pass against the rest of the directory before it is
//! stored: ids, sizes, references that exist and stay inside one tenant.
//! The same checks serve `fromJSON` and every upsert, so both refuse the same things.

use super::Directory;
use crate::error::{Error, Result};
use crate::limits::{
    self, MAX_ENABLED_CLOUDS, MAX_GROUP_TYPES, MAX_ID_CHARS, MAX_LIST_LEN, MAX_LONG_TEXT_CHARS,
    MAX_TEXT_CHARS,
};
use crate::model::{
    AccessTargets, App, Approval, Connector, Flow, Group, JoinRequest, SingleSignOn, Tenant,
    Trigger, User, UserType, APPROVE, REJECT,
};
use crate::timestamp::Timestamp;

/// Refuses an empty or over-long id.
pub fn id(id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::InvalidValue {
            field: "id".into(),
            reason: "ids must be non-empty".into(),
        });
    }
    limits::text("id", id, MAX_ID_CHARS)
}

/// Refuses a short text over [`MAX_TEXT_CHARS`], naming it by its path
/// (`users[bob].displayName`).
fn text(kind: &str, id: &str, field: &str, value: &str) -> Result<()> {
    limits::text(format_args!("{kind}[{id}].{field}"), value, MAX_TEXT_CHARS)
}

/// `DANGLING_REFERENCE` from `from.field` to `to`, or `LIMIT_EXCEEDED` when `to` is too
/// long to be an id (so no message repeats a text of any length).
fn dangling(from: &str, field: &'static str, to: &str) -> Error {
    if let Err(too_long) = limits::text(format_args!("{from}.{field}"), to, MAX_ID_CHARS) {
        return too_long;
    }
    Error::DanglingReference {
        from: from.into(),
        field,
        to: to.into(),
    }
}

fn tenant_exists(dir: &Directory, from: &str, tenant_id: &str) -> Result<()> {
    if dir.tenant(tenant_id).is_none() {
        return Err(dangling(from, "tenantId", tenant_id));
    }
    Ok(())
}

/// Refuses `id` unless it is a user of `tenant_id`; the user when it is.
pub fn user_of_tenant<'d>(
    dir: &'d Directory,
    from: &str,
    field: &'static str,
    id: &str,
    tenant_id: &str,
) -> Result<&'d User> {
    match dir.user(id) {
        None => Err(dangling(from, field, id)),
        Some(u) if u.tenant_id != tenant_id => Err(Error::CrossTenantReference {
            from: from.into(),
            field,
            to: id.into(),
        }),
        Some(u) => Ok(u),
    }
}

/// Refuses `id` unless it is a user or a group of `tenant_id`.
pub fn principal_of_tenant(
    dir: &Directory,
    from: &str,
    field: &'static str,
    id: &str,
    tenant_id: &str,
) -> Result<()> {
    // A user is looked up first and a group only when there is none (one lookup for
    // most references).
    let owner_tenant = match dir.user(id) {
        Some(u) => &u.tenant_id,
        None => match dir.group(id) {
            Some(g) => &g.tenant_id,
            None => return Err(dangling(from, field, id)),
        },
    };
    if owner_tenant != tenant_id {
        return Err(Error::CrossTenantReference {
            from: from.into(),
            field,
            to: id.into(),
        });
    }
    Ok(())
}

/// Refuses an approval's `flowId` unless it names a flow of the approval's tenant.
fn flow_of_tenant(dir: &Directory, from: &str, id: &str, tenant_id: &str) -> Result<()> {
    match dir.flow(id) {
        None => Err(dangling(from, "flowId", id)),
        Some(f) if f.tenant_id != tenant_id => Err(Error::CrossTenantReference {
            from: from.into(),
            field: "flowId",
            to: id.into(),
        }),
        Some(_) => Ok(()),
    }
}

/// Checks a tenant's names, domains and settings.
pub fn tenant(dir: &Directory, t: &Tenant) -> Result<()> {
    text("tenants", &t.id, "displayName", &t.display_name)?;
    text("tenants", &t.id, "initialDomain", &t.initial_domain)?;
    if !t.initial_domain.contains('.') {
        return Err(Error::InvalidValue {
            field: format!("tenants[{}].initialDomain", t.id),
            reason: format!(
                "\"{}\" is not a domain; expected e.g. \"contoso.onmicrosoft.com\"",
                t.initial_domain
            ),
        });
    }
    limits::list(format_args!("tenants[{}].domains", t.id), &t.domains)?;
    for d in &t.domains {
        text("tenants", &t.id, "domains[]", d)?;
    }
    settings(dir, t)?;
    crate::clouds::check_us_government(t)
}

/// Checks the clouds and the cross-tenant partners a tenant's settings name. A partner
/// key names another tenant of the world (`DANGLING_REFERENCE` otherwise): an entry for a
/// tenant guestpass does not know would decide nothing, so it is more likely a typo than
/// a setting. No Microsoft document bounds the list; the bounds are [`limits`]'.
fn settings(dir: &Directory, t: &Tenant) -> Result<()> {
    let settings = &t.settings;
    limits::entries(
        format_args!("tenants[{}].settings.enabledClouds", t.id),
        settings.enabled_clouds.len(),
        MAX_ENABLED_CLOUDS,
    )?;
    let access = &settings.cross_tenant_access;
    let default = format!("tenants[{}].settings.crossTenantAccess.default", t.id);
    targets(
        &default,
        "inboundTargets",
        access.default.inbound_targets.as_ref(),
    )?;
    targets(
        &default,
        "outboundTargets",
        access.default.outbound_targets.as_ref(),
    )?;
    let partners = &access.partners;
    let path = format!("tenants[{}].settings.crossTenantAccess.partners", t.id);
    limits::entries(&path, partners.len(), MAX_LIST_LEN)?;
    for (partner, access) in partners {
        limits::text(format_args!("a key of {path}"), partner, MAX_ID_CHARS)?;
        if partner == &t.id {
            return Err(Error::InvalidValue {
                field: format!("{path}.{partner}"),
                reason: "a tenant is not its own partner; remove the entry".into(),
            });
        }
        let at = format!("{path}.{partner}");
        targets(&at, "inboundTargets", access.inbound_targets.as_ref())?;
        targets(&at, "outboundTargets", access.outbound_targets.as_ref())?;
        if dir.tenant(partner).is_none() {
            return Err(dangling(
                &t.id,
                "settings.crossTenantAccess.partners",
                partner,
            ));
        }
    }
    Ok(())
}

/// Bounds the lists of a cross-tenant rule's targets (`{at}.{field}`): their ids may name
/// people and apps of a partner outside the world, so only their sizes are checked.
fn targets(at: &str, field: &str, targets: Option<&AccessTargets>) -> Result<()> {
    let Some(targets) = targets else {
        return Ok(());
    };
    for (name, list) in [
        ("usersAndGroups", &targets.users_and_groups),
        ("applications", &targets.applications),
    ] {
        limits::list(format_args!("{at}.{field}.{name}"), list)?;
        for (i, id) in list.iter().enumerate() {
            limits::text(format_args!("{at}.{field}.{name}[{i}]"), id, MAX_ID_CHARS)?;
        }
    }
    Ok(())
}

/// Checks a user's fields, and a guest's home tenant and home user.
pub fn user(dir: &Directory, u: &User) -> Result<()> {
    tenant_exists(dir, &u.id, &u.tenant_id)?;
    text("users", &u.id, "displayName", &u.display_name)?;
    text("users", &u.id, "userPrincipalName", &u.user_principal_name)?;
    if u.user_principal_name.trim().is_empty() {
        return Err(Error::InvalidValue {
            field: format!("users[{}].userPrincipalName", u.id),
            reason: "must be non-empty".into(),
        });
    }
    for (field, value) in [
        ("givenName", &u.given_name),
        ("surname", &u.surname),
        ("mail", &u.mail),
        ("creationType", &u.creation_type),
        ("jobTitle", &u.job_title),
    ] {
        if let Some(v) = value {
            text("users", &u.id, field, v)?;
        }
    }
    limits::list(format_args!("users[{}].otherMails", u.id), &u.other_mails)?;
    for (i, mail) in u.other_mails.iter().enumerate() {
        text("users", &u.id, &format!("otherMails[{i}]"), mail)?;
    }
    limits::list(format_args!("users[{}].licenses", u.id), &u.licenses)?;
    for (i, license) in u.licenses.iter().enumerate() {
        text("users", &u.id, &format!("licenses[{i}]"), license)?;
    }
    match u.user_type {
        UserType::Member => {
            if u.home_tenant_id.is_some() || u.home_user_id.is_some() {
                return Err(Error::InvalidValue {
                    field: format!("users[{}].homeTenantId", u.id),
                    reason: "only guests (userType \"Guest\") have a home tenant and home user"
                        .into(),
                });
            }
        }
        UserType::Guest => {
            if u.home_user_id.is_some() && u.home_tenant_id.is_none() {
                return Err(Error::InvalidValue {
                    field: format!("users[{}].homeUserId", u.id),
                    reason: "a guest naming a home user must also name its homeTenantId".into(),
                });
            }
            if let Some(home) = &u.home_tenant_id {
                if dir.tenant(home).is_none() {
                    return Err(dangling(&u.id, "homeTenantId", home));
                }
                if home == &u.tenant_id {
                    return Err(Error::InvalidValue {
                        field: format!("users[{}].homeTenantId", u.id),
                        reason:
                            "a guest's home tenant must differ from the tenant it is a guest in"
                                .into(),
                    });
                }
                if let Some(home_user) = &u.home_user_id {
                    let h = user_of_tenant(dir, &u.id, "homeUserId", home_user, home)?;
                    if h.is_guest() {
                        return Err(Error::InvalidValue {
                            field: format!("users[{}].homeUserId", u.id),
                            reason: format!(
                                "\"{home_user}\" is a guest; a home user must be a member of the home tenant"
                            ),
                        });
                    }
                }
            }
        }
    }
    Ok(())
}

/// Checks a group's owners and members (users or groups of the same tenant).
pub fn group(dir: &Directory, g: &Group) -> Result<()> {
    tenant_exists(dir, &g.id, &g.tenant_id)?;
    text("groups", &g.id, "displayName", &g.display_name)?;
    if let Some(d) = &g.description {
        limits::text(
            format_args!("groups[{}].description", g.id),
            d,
            MAX_LONG_TEXT_CHARS,
        )?;
    }
    limits::entries(
        format_args!("groups[{}].groupTypes", g.id),
        g.group_types.len(),
        MAX_GROUP_TYPES,
    )?;
    for (i, group_type) in g.group_types.iter().enumerate() {
        text("groups", &g.id, &format!("groupTypes[{i}]"), group_type)?;
    }
    limits::list(format_args!("groups[{}].owners", g.id), &g.owners)?;
    limits::list(format_args!("groups[{}].members", g.id), &g.members)?;
    for owner in &g.owners {
        user_of_tenant(dir, &g.id, "owners", owner, &g.tenant_id)?;
    }
    for member in &g.members {
        principal_of_tenant(dir, &g.id, "members", member, &g.tenant_id)?;
    }
    Ok(())
}

/// Checks an app's owners, assignments and self-service group.
pub fn app(dir: &Directory, a: &App) -> Result<()> {
    tenant_exists(dir, &a.id, &a.tenant_id)?;
    text("apps", &a.id, "displayName", &a.display_name)?;
    limits::list(format_args!("apps[{}].owners", a.id), &a.owners)?;
    limits::list(format_args!("apps[{}].assignments", a.id), &a.assignments)?;
    for owner in &a.owners {
        user_of_tenant(dir, &a.id, "owners", owner, &a.tenant_id)?;
    }
    for assignee in &a.assignments {
        principal_of_tenant(dir, &a.id, "assignments", assignee, &a.tenant_id)?;
    }
    if let Some(group_id) = a.self_service.as_ref().and_then(|s| s.group_id.as_ref()) {
        if dir.group(group_id).is_none() {
            return Err(dangling(&a.id, "selfService.groupId", group_id));
        }
        principal_of_tenant(dir, &a.id, "selfService.groupId", group_id, &a.tenant_id)?;
    }
    self_service(a)
}

/// Self-service that is turned on needs single sign-on and a group assigned to the app
/// (the group self-service adds people to), so no app can be half-configured.
fn self_service(a: &App) -> Result<()> {
    let Some(settings) = a.self_service.as_ref().filter(|s| s.enabled) else {
        return Ok(());
    };
    if a.single_sign_on == SingleSignOn::None {
        return Err(Error::SsoNotConfigured(a.id.clone()));
    }
    let Some(group_id) = &settings.group_id else {
        return Err(Error::InvalidValue {
            field: format!("apps[{}].selfService.groupId", a.id),
            reason: "self-service that is enabled needs the group it adds people to".into(),
        });
    };
    if !a.assignments.contains(group_id) {
        return Err(Error::GroupNotAssignedToApp {
            app: a.id.clone(),
            group: group_id.clone(),
        });
    }
    Ok(())
}

/// Checks a flow's owner and shares; run-only shares need a manual trigger.
pub fn flow(dir: &Directory, f: &Flow) -> Result<()> {
    tenant_exists(dir, &f.id, &f.tenant_id)?;
    text("flows", &f.id, "displayName", &f.display_name)?;
    if let Some(env) = &f.environment {
        text("flows", &f.id, "environment", env)?;
    }
    user_of_tenant(dir, &f.id, "ownerId", &f.owner_id, &f.tenant_id)?;
    limits::list(format_args!("flows[{}].coOwners", f.id), &f.co_owners)?;
    limits::list(format_args!("flows[{}].runOnly", f.id), &f.run_only)?;
    for p in &f.co_owners {
        principal_of_tenant(dir, &f.id, "coOwners", p, &f.tenant_id)?;
    }
    for p in &f.run_only {
        principal_of_tenant(dir, &f.id, "runOnly", p, &f.tenant_id)?;
    }
    if !f.run_only.is_empty() && f.trigger != Trigger::Manual {
        return Err(Error::RunOnlyRequiresManualTrigger(f.id.clone()));
    }
    Ok(())
}

/// Checks an approval's requester, approvers, options and responses.
pub fn approval(dir: &Directory, a: &Approval) -> Result<()> {
    tenant_exists(dir, &a.id, &a.tenant_id)?;
    text("approvals", &a.id, "title", &a.title)?;
    if let Some(env) = &a.environment {
        text("approvals", &a.id, "environment", env)?;
    }
    if let Some(d) = &a.details {
        limits::text(
            format_args!("approvals[{}].details", a.id),
            d,
            MAX_LONG_TEXT_CHARS,
        )?;
    }
    user_of_tenant(dir, &a.id, "requesterId", &a.requester_id, &a.tenant_id)?;
    if let Some(flow_id) = &a.flow_id {
        flow_of_tenant(dir, &a.id, flow_id, &a.tenant_id)?;
    }
    approvers(dir, a)?;
    if a.response_options.is_empty() {
        return Err(Error::InvalidValue {
            field: format!("approvals[{}].responseOptions", a.id),
            reason:
                "an approval needs at least one response option, e.g. [\"Approve\", \"Reject\"]"
                    .into(),
        });
    }
    limits::list(
        format_args!("approvals[{}].responseOptions", a.id),
        &a.response_options,
    )?;
    response_options(a)?;
    limits::list(format_args!("approvals[{}].responses", a.id), &a.responses)?;
    time(&a.created_at, || format!("approvals[{}].createdAt", a.id))?;
    if let Some(at) = &a.completed_at {
        time(at, || format!("approvals[{}].completedAt", a.id))?;
    }
    if let Some(outcome) = &a.outcome {
        if !a.response_options.contains(outcome) {
            return Err(Error::InvalidValue {
                field: format!("approvals[{}].outcome", a.id),
                reason: format!("\"{outcome}\" is not one of the response options"),
            });
        }
    }
    response_history(dir, a)?;
    response_answers(dir, a)?;
    crate::model::check_consistent(a)
}

/// An approval's approvers: at least one, within the list limit, each a user or group
/// of the approval's tenant, and none named twice.
fn approvers(dir: &Directory, a: &Approval) -> Result<()> {
    limits::list(format_args!("approvals[{}].approvers", a.id), &a.approvers)?;
    if a.approvers.is_empty() {
        return Err(Error::InvalidValue {
            field: format!("approvals[{}].approvers", a.id),
            reason: "an approval needs at least one approver".into(),
        });
    }
    for (i, p) in a.approvers.iter().enumerate() {
        principal_of_tenant(dir, &a.id, "approvers", p, &a.tenant_id)?;
        if a.approvers.iter().take(i).any(|q| q == p) {
            return Err(Error::InvalidValue {
                field: format!("approvals[{}].approvers", a.id),
                reason: format!("\"{p}\" is named twice; name each approver once"),
            });
        }
    }
    Ok(())
}

/// Each response of an approval, in order: an RFC 3339 time, one response per approver,
/// and on behalf of a group only where that group is among the approvers.
fn response_history(dir: &Directory, a: &Approval) -> Result<()> {
    for (i, r) in a.responses.iter().enumerate() {
        time(&r.responded_at, || {
            format!("approvals[{}].responses[{i}].respondedAt", a.id)
        })?;
        if a.responses
            .iter()
            .take(i)
            .any(|other| other.approver_id == r.approver_id)
        {
            return Err(Error::InvalidValue {
                field: format!("approvals[{}].responses", a.id),
                reason: format!(
                    "\"{}\" responded twice; an approver responds once",
                    r.approver_id
                ),
            });
        }
        if let Some(group) = &r.on_behalf_of {
            if dir.group(group).is_none() || !a.approvers.contains(group) {
                return Err(Error::InvalidValue {
                    field: format!("approvals[{}].responses[{i}].onBehalfOf", a.id),
                    reason: format!("\"{group}\" is not a group among the approvers"),
                });
            }
        }
    }
    Ok(())
}

/// What each response of an approval says: by a user of the approval's
/// tenant, with one of its response options, and comments within the text limit.
fn response_answers(dir: &Directory, a: &Approval) -> Result<()> {
    for r in &a.responses {
        user_of_tenant(
            dir,
            &a.id,
            "responses.approverId",
            &r.approver_id,
            &a.tenant_id,
        )?;
        if !a.response_options.contains(&r.response) {
            return Err(Error::InvalidValue {
                field: format!("approvals[{}].responses", a.id),
                reason: format!("\"{}\" is not one of the response options", r.response),
            });
        }
        if let Some(c) = &r.comments {
            limits::text(
                format_args!("approvals[{}].comments", a.id),
                c,
                MAX_LONG_TEXT_CHARS,
            )?;
        }
    }
    Ok(())
}

/// Refuses `text` unless it is an RFC 3339 time; `field` names it in the error (and in
/// `LIMIT_EXCEEDED` first, for a text too long to be a time).
fn time(text: &str, field: impl FnOnce() -> String) -> Result<()> {
    if text.len() > MAX_ID_CHARS {
        return limits::text(field(), text, MAX_ID_CHARS);
    }
    match Timestamp::from_rfc3339(text) {
        Some(_) => Ok(()),
        None => Err(Error::InvalidTime {
            field: field(),
            value: text.to_string(),
        }),
    }
}

/// Response options are distinct (ignoring case) non-empty texts; the Approve/Reject
/// types (`firstToRespond`, `everyoneMustApprove`) offer exactly those two.
fn response_options(a: &Approval) -> Result<()> {
    let field = || format!("approvals[{}].responseOptions", a.id);
    for (i, option) in a.response_options.iter().enumerate() {
        text("approvals", &a.id, "responseOptions[]", option)?;
        if option.trim().is_empty() {
            return Err(Error::InvalidValue {
                field: field(),
                reason: "response options must be non-empty".into(),
            });
        }
        if a.response_options.iter().take(i).any(|o| {
            o.chars()
                .flat_map(char::to_lowercase)
                .eq(option.chars().flat_map(char::to_lowercase))
        }) {
            return Err(Error::InvalidValue {
                field: field(),
                reason: format!("\"{option}\" is offered twice"),
            });
        }
    }
    let approve_reject = a.response_options.len() == 2
        && a.response_options.iter().any(|o| o == APPROVE)
        && a.response_options.iter().any(|o| o == REJECT);
    if !a.approval_type.has_custom_responses() && !approve_reject {
        return Err(Error::InvalidValue {
            field: field(),
            reason: format!(
                "this approval type answers [\"{APPROVE}\", \"{REJECT}\"]; use customWaitForOne or customWaitForAll for other options"
            ),
        });
    }
    Ok(())
}

/// Checks a connector's name.
pub fn connector(c: &Connector) -> Result<()> {
    text("connectors", &c.id, "displayName", &c.display_name)
}

/// Checks a join request's group and person (same tenant).
pub fn join_request(dir: &Directory, r: &JoinRequest) -> Result<()> {
    let Some(group) = dir.group(&r.group_id) else {
        return Err(dangling(&r.id, "groupId", &r.group_id));
    };
    user_of_tenant(dir, &r.id, "userId", &r.user_id, &group.tenant_id)?;
    if let Some(by) = &r.decided_by {
        user_of_tenant(dir, &r.id, "decidedBy", by, &group.tenant_id)?;
    }
    Ok(())
}
