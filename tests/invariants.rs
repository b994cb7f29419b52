//! Invariants over random histories (issue 8, item 4), checked with `proptest`.
//!
//! Worlds are the sample world at a generated size and seed, or small hand-generated
//! worlds (three tenants, members, licensed and unlicensed, accepted and pending guests,
//! nested groups, flows with every role, approvals of every type, people sharing names so
//! search results tie). Histories are generated sequences of sign-ins, shares and
//! unshares, group membership changes, approvals and responses, reassignments,
//! cancellations, invitations, join requests and decisions, and user changes.
//!
//! After every step:
//! 1. no session sees a user, approval, app, join request or flow of another tenant
//!    (guest objects of its own tenant are its own);
//! 2. a call that fails leaves `to_bytes()` identical;
//! 3. a run-only role allows `run` and nothing else;
//! 4. removing a share or a group membership removes exactly the access that came
//!    through it: nobody else's roles or apps change, and the people it reached keep
//!    what an independent model of the remaining shares and memberships gives them;
//! 5. (at the end) search returns the same people, in the same order, before and after
//!    a snapshot round trip;
//! 6. a guest whose invitation is pending can do nothing: no sign-in, and an earlier
//!    session gets refusals or "no" everywhere.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::approvals::{ApprovalBox, ApprovalQuery, StatusFilter};
use guestpass::directory::Directory;
use guestpass::groups::{self, InvitationRequest, JoinBox};
use guestpass::model::{ExternalUserState, Flow, World};
use guestpass::session::{SearchOptions, Session};
use guestpass::sharing::{Action, Person, Role, Share};
use guestpass::timestamp::Timestamp;
use guestpass_sample::{sample_world, SampleOptions};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashSet};

// --- worlds -----------------------------------------------------------------------------

/// Names with duplicates and shared prefixes, so search scores tie.
const NAMES: [&str; 7] = [
    "Ann Lee",
    "Ann Lee",
    "Anna Lee",
    "Bob Stone",
    "Bo Stone",
    "Léa Ann",
    "Ann Leeds",
];
const ACCESS: [&str; 3] = ["limited", "sameAsMember", "restricted"];
const TYPES: [&str; 4] = [
    "firstToRespond",
    "everyoneMustApprove",
    "customWaitForOne",
    "customWaitForAll",
];

/// A generated flow: (tenant, owner, co-owners, run-only, enabled).
type FlowSpec = (usize, Index, Vec<Index>, Vec<Index>, bool);

#[derive(Debug, Clone)]
struct SmallWorld {
    access: [usize; 3],
    /// (name, tenant, kind: 0 licensed member, 1 unlicensed member, 2 guest, 3 pending guest)
    users: Vec<(usize, usize, u8)>,
    /// (tenant, owner, members, join policy)
    groups: Vec<(usize, Index, Vec<Index>, u8)>,
    flows: Vec<FlowSpec>,
    /// (tenant, requester, approvers, type, day)
    approvals: Vec<(usize, Index, Vec<Index>, usize, u8)>,
}

fn small_world() -> impl Strategy<Value = SmallWorld> {
    (
        [0..3usize, 0..3usize, 0..3usize],
        prop::collection::vec((0..NAMES.len(), 0..3usize, 0..4u8), 3..16),
        prop::collection::vec(
            (
                0..3usize,
                any::<Index>(),
                prop::collection::vec(any::<Index>(), 0..5),
                0..3u8,
            ),
            0..6,
        ),
        prop::collection::vec(
            (
                0..3usize,
                any::<Index>(),
                prop::collection::vec(any::<Index>(), 0..3),
                prop::collection::vec(any::<Index>(), 0..3),
                any::<bool>(),
            ),
            0..6,
        ),
        prop::collection::vec(
            (
                0..3usize,
                any::<Index>(),
                prop::collection::vec(any::<Index>(), 1..4),
                0..TYPES.len(),
                0..20u8,
            ),
            0..5,
        ),
    )
        .prop_map(|(access, users, groups, flows, approvals)| SmallWorld {
            access,
            users,
            groups,
            flows,
            approvals,
        })
}

fn dedup(ids: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    ids.into_iter()
        .filter(|id| seen.insert(id.clone()))
        .collect()
}

impl SmallWorld {
    fn world(&self) -> World {
        let tenants: Vec<Value> = (0..3)
            .map(|t| {
                json!({
                    "id": format!("t{t}"), "displayName": format!("Tenant {t}"),
                    "domains": [format!("t{t}.com")],
                    "initialDomain": format!("t{t}.onmicrosoft.com"),
                    "settings": { "guestAccess": ACCESS[self.access[t]],
                                  "selfServiceGroupManagement": true } })
            })
            .collect();
        let mut users = Vec::new();
        let mut users_of: [Vec<String>; 3] = Default::default();
        let mut members_of: [Vec<String>; 3] = Default::default();
        for (i, &(name, t, kind)) in self.users.iter().enumerate() {
            let id = format!("u{i}");
            let name = NAMES[name];
            let user = if kind < 2 {
                members_of[t].push(id.clone());
                json!({ "id": id, "tenantId": format!("t{t}"), "displayName": name,
                        "mail": format!("{id}@t{t}.com"),
                        "userPrincipalName": format!("{id}@t{t}.com"),
                        "licenses": if kind == 0 { vec!["office365"] } else { vec![] },
                        "consentedToPowerAutomate": true })
            } else {
                let home = (t + 1) % 3;
                json!({ "id": id, "tenantId": format!("t{t}"), "displayName": name,
                        "mail": format!("{id}@t{home}.com"),
                        "userPrincipalName": format!("{id}_t{home}.com#EXT#@t{t}.onmicrosoft.com"),
                        "userType": "Guest",
                        "externalUserState": if kind == 2 { "Accepted" } else { "PendingAcceptance" },
                        "creationType": "Invitation", "homeTenantId": format!("t{home}"),
                        "licenses": ["powerAutomate"], "consentedToPowerAutomate": true })
            };
            users_of[t].push(id);
            users.push(user);
        }
        let mut groups = Vec::new();
        let mut groups_of: [Vec<String>; 3] = Default::default();
        for (j, (t, owner, members, policy)) in self.groups.iter().enumerate() {
            let t = *t;
            if members_of[t].is_empty() {
                continue;
            }
            let id = format!("g{j}");
            let candidates: Vec<String> =
                users_of[t].iter().chain(&groups_of[t]).cloned().collect();
            let members = dedup(members.iter().map(|i| i.get(&candidates).clone()).collect());
            let policy = ["closed", "open", "ownerApproval"][usize::from(*policy)];
            groups.push(json!({
                "id": id, "tenantId": format!("t{t}"), "displayName": format!("Group {j}"),
                "securityEnabled": true,
                "joinPolicy": policy,
                "owners": [owner.get(&members_of[t])], "members": members }));
            groups_of[t].push(id);
        }
        let mut flows = Vec::new();
        for (j, (t, owner, co, run, enabled)) in self.flows.iter().enumerate() {
            let t = *t;
            if users_of[t].is_empty() {
                continue;
            }
            let principals: Vec<String> =
                users_of[t].iter().chain(&groups_of[t]).cloned().collect();
            let owner = owner.get(&users_of[t]).clone();
            let co = dedup(co.iter().map(|i| i.get(&principals).clone()).collect());
            let run = dedup(run.iter().map(|i| i.get(&principals).clone()).collect());
            flows.push(json!({
                "id": format!("f{j}"), "tenantId": format!("t{t}"),
                "displayName": format!("Flow {j}"),
                "trigger": if run.is_empty() && j % 2 == 1 { "automated" } else { "manual" },
                "enabled": enabled, "ownerId": owner, "coOwners": co, "runOnly": run }));
        }
        let mut approvals = Vec::new();
        for (j, (t, requester, approvers, kind, day)) in self.approvals.iter().enumerate() {
            let t = *t;
            if users_of[t].is_empty() {
                continue;
            }
            let principals: Vec<String> =
                users_of[t].iter().chain(&groups_of[t]).cloned().collect();
            let approvers = dedup(
                approvers
                    .iter()
                    .map(|i| i.get(&principals).clone())
                    .collect(),
            );
            let kind = TYPES[*kind];
            let options = if kind.starts_with("custom") {
                vec!["Yes", "No", "Later"]
            } else {
                vec!["Approve", "Reject"]
            };
            approvals.push(json!({
                "id": format!("a{j}"), "tenantId": format!("t{t}"),
                "title": format!("Approval {j}"),
                "requesterId": requester.get(&users_of[t]), "approvers": approvers,
                "type": kind, "responseOptions": options,
                "createdAt": format!("2026-11-{:02}T09:00:00Z", 1 + day) }));
        }
        serde_json::from_value(json!({
            "tenants": tenants, "users": users, "groups": groups, "flows": flows,
            "approvals": approvals,
            "connectors": [{ "id": "no_guests", "displayName": "No guests", "guestPicker": false }]
        }))
        .expect("the generated world is well-formed JSON")
    }
}

// --- histories --------------------------------------------------------------------------

/// One step of a history. Indexes pick among the objects present when the step runs.
#[derive(Debug, Clone)]
enum Op {
    SignIn(Index),
    SignInByMail(Index),
    Share {
        s: Index,
        flow: Index,
        principal: Index,
        run_only: bool,
    },
    Unshare {
        s: Index,
        flow: Index,
        principal: Index,
    },
    /// An administrator takes one share off a flow.
    DropShare {
        flow: Index,
        which: Index,
    },
    /// An administrator adds a share.
    AddShare {
        flow: Index,
        principal: Index,
        run_only: bool,
    },
    /// A group owner takes a member out (through the session).
    RemoveFromGroup {
        s: Index,
        group: Index,
        member: Index,
    },
    /// An administrator takes a member out of a group.
    DropMember {
        group: Index,
        which: Index,
    },
    /// An administrator adds a member to a group.
    AddMember {
        group: Index,
        principal: Index,
    },
    Respond {
        s: Index,
        approval: Index,
        option: Index,
    },
    Reassign {
        s: Index,
        approval: Index,
        to: Index,
    },
    Cancel {
        s: Index,
        approval: Index,
    },
    Invite {
        s: Index,
        group: Index,
        email: Index,
        known: bool,
    },
    RequestToJoin {
        s: Index,
        group: Index,
    },
    DecideJoin {
        s: Index,
        request: Index,
        approve: bool,
    },
    SetPending {
        user: Index,
        pending: bool,
    },
    Redeem(Index),
    Rename {
        user: Index,
        name: Index,
    },
    ToggleLicense(Index),
    RemoveUser(Index),
    Clock(u8),
}

impl Op {
    /// The session a step acts through, if any.
    fn session(&self) -> Option<&Index> {
        match self {
            Op::Share { s, .. }
            | Op::Unshare { s, .. }
            | Op::RemoveFromGroup { s, .. }
            | Op::Respond { s, .. }
            | Op::Reassign { s, .. }
            | Op::Cancel { s, .. }
            | Op::Invite { s, .. }
            | Op::RequestToJoin { s, .. }
            | Op::DecideJoin { s, .. } => Some(s),
            _ => None,
        }
    }
}

fn op() -> impl Strategy<Value = Op> {
    let i = any::<Index>;
    prop_oneof![
        3 => i().prop_map(Op::SignIn),
        1 => i().prop_map(Op::SignInByMail),
        2 => (i(), i(), i(), any::<bool>()).prop_map(|(s, flow, principal, run_only)| Op::Share { s, flow, principal, run_only }),
        2 => (i(), i(), i()).prop_map(|(s, flow, principal)| Op::Unshare { s, flow, principal }),
        2 => (i(), i()).prop_map(|(flow, which)| Op::DropShare { flow, which }),
        1 => (i(), i(), any::<bool>()).prop_map(|(flow, principal, run_only)| Op::AddShare { flow, principal, run_only }),
        1 => (i(), i(), i()).prop_map(|(s, group, member)| Op::RemoveFromGroup { s, group, member }),
        2 => (i(), i()).prop_map(|(group, which)| Op::DropMember { group, which }),
        1 => (i(), i()).prop_map(|(group, principal)| Op::AddMember { group, principal }),
        2 => (i(), i(), i()).prop_map(|(s, approval, option)| Op::Respond { s, approval, option }),
        1 => (i(), i(), i()).prop_map(|(s, approval, to)| Op::Reassign { s, approval, to }),
        1 => (i(), i()).prop_map(|(s, approval)| Op::Cancel { s, approval }),
        1 => (i(), i(), i(), any::<bool>()).prop_map(|(s, group, email, known)| Op::Invite { s, group, email, known }),
        1 => (i(), i()).prop_map(|(s, group)| Op::RequestToJoin { s, group }),
        1 => (i(), i(), any::<bool>()).prop_map(|(s, request, approve)| Op::DecideJoin { s, request, approve }),
        1 => (i(), any::<bool>()).prop_map(|(user, pending)| Op::SetPending { user, pending }),
        1 => i().prop_map(Op::Redeem),
        1 => (i(), i()).prop_map(|(user, name)| Op::Rename { user, name }),
        1 => i().prop_map(Op::ToggleLicense),
        1 => i().prop_map(Op::RemoveUser),
        1 => (0..40u8).prop_map(Op::Clock),
    ]
}

fn pick<T: Clone>(items: &[T], i: &Index) -> Option<T> {
    (!items.is_empty()).then(|| i.get(items).clone())
}

fn user_ids(dir: &Directory) -> Vec<String> {
    let mut ids: Vec<String> = dir.users().map(|u| u.id.clone()).collect();
    ids.sort();
    ids
}

fn group_ids(dir: &Directory) -> Vec<String> {
    let mut ids: Vec<String> = dir.groups().map(|g| g.id.clone()).collect();
    ids.sort();
    ids
}

fn flow_ids(dir: &Directory) -> Vec<String> {
    let mut ids: Vec<String> = dir.flows().map(|f| f.id.clone()).collect();
    ids.sort();
    ids
}

fn approval_ids(dir: &Directory) -> Vec<String> {
    let mut ids: Vec<String> = dir.approvals().map(|a| a.id.clone()).collect();
    ids.sort();
    ids
}

/// Users and groups of a tenant.
/// The ids of `ids` whose object lives in `tenant` (all of them when none does, so a
/// session also tries another tenant's objects now and then).
fn in_tenant(
    ids: &[String],
    tenant: &str,
    tenant_of: impl Fn(&str) -> Option<String>,
) -> Vec<String> {
    let mine: Vec<String> = ids
        .iter()
        .filter(|id| tenant_of(id).as_deref() == Some(tenant))
        .cloned()
        .collect();
    if mine.is_empty() {
        ids.to_vec()
    } else {
        mine
    }
}

fn principals_of(dir: &Directory, tenant: &str) -> Vec<String> {
    let mut ids: Vec<String> = dir
        .users()
        .filter(|u| u.tenant_id == tenant)
        .map(|u| u.id.clone())
        .chain(
            dir.groups()
                .filter(|g| g.tenant_id == tenant)
                .map(|g| g.id.clone()),
        )
        .collect();
    ids.sort();
    ids
}

// --- the independent model and the access table -----------------------------------------

/// Every group `principal` belongs to, directly or through nested groups (a fixpoint over
/// the world's member lists, independent of the directory's indexes).
fn model_groups(world: &World, principal: &str) -> BTreeSet<String> {
    let mut found: BTreeSet<String> = BTreeSet::new();
    loop {
        let before = found.len();
        for g in &world.groups {
            if !found.contains(&g.id)
                && g.members
                    .iter()
                    .any(|m| m == principal || found.contains(m))
            {
                found.insert(g.id.clone());
            }
        }
        if found.len() == before {
            return found;
        }
    }
}

/// The role the shares of `flow` give `user` in the model.
fn model_role(world: &World, user: &str, flow: &Flow) -> Option<Role> {
    if flow.owner_id == user {
        return Some(Role::Owner);
    }
    let groups = model_groups(world, user);
    let holds = |list: &[String]| list.iter().any(|p| p == user || groups.contains(p));
    if holds(&flow.co_owners) {
        Some(Role::CoOwner)
    } else if holds(&flow.run_only) {
        Some(Role::RunOnly)
    } else {
        None
    }
}

/// The users `principal` stands for: itself, or every user in the group (nested).
fn model_reach(world: &World, principal: &str) -> BTreeSet<String> {
    world
        .users
        .iter()
        .filter(|u| u.id == principal || model_groups(world, &u.id).contains(principal))
        .map(|u| u.id.clone())
        .collect()
}

/// What everybody holds: for each user, the role on each flow of their tenant and the
/// apps they reach.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Access {
    roles: BTreeMap<(String, String), Option<Role>>,
    apps: BTreeMap<String, Vec<String>>,
}

fn access(dir: &Directory) -> Access {
    let mut roles = BTreeMap::new();
    let mut apps = BTreeMap::new();
    for user in dir.users() {
        let person = Person::of(dir, user);
        for flow in dir.flows().filter(|f| f.tenant_id == user.tenant_id) {
            let role = person.grant(flow).map(|(role, _)| role);
            roles.insert((user.id.clone(), flow.id.clone()), role);
        }
        let reached = groups::my_apps(dir, &user.tenant_id, &user.id)
            .into_iter()
            .map(|a| a.id)
            .collect();
        apps.insert(user.id.clone(), reached);
    }
    Access { roles, apps }
}

/// The engine agrees with the model on every role, and run-only allows only `run`.
fn check_roles(dir: &Directory) -> Result<(), TestCaseError> {
    let world = dir.to_world();
    for user in dir.users() {
        let person = Person::of(dir, user);
        for flow in dir.flows().filter(|f| f.tenant_id == user.tenant_id) {
            let role = person.grant(flow).map(|(role, _)| role);
            prop_assert_eq!(
                role,
                model_role(&world, &user.id, flow),
                "role of {} on {}",
                &user.id,
                &flow.id
            );
            let allowed = person.allowed_actions(flow);
            if role == Some(Role::RunOnly) {
                prop_assert!(
                    allowed.iter().all(|a| *a == Action::Run),
                    "run-only {} may {:?} on {}",
                    &user.id,
                    allowed,
                    &flow.id
                );
                for action in Action::ALL.into_iter().filter(|a| *a != Action::Run) {
                    prop_assert!(!person.decide(action, flow).allowed);
                }
            }
            if user.is_pending() {
                prop_assert!(allowed.is_empty(), "pending {} may {:?}", &user.id, allowed);
            }
        }
    }
    Ok(())
}

/// After a removal that reached `reach` (the users the removed share or membership stood
/// for), nobody else's roles or apps changed, and those reached lost, never gained.
fn check_removal(
    before: &Access,
    after: &Access,
    reach: &BTreeSet<String>,
    flow: Option<&str>,
) -> Result<(), TestCaseError> {
    for ((user, f), role) in &after.roles {
        let old = before
            .roles
            .get(&(user.clone(), f.clone()))
            .copied()
            .flatten();
        let touched = reach.contains(user) && flow.is_none_or(|only| only == f);
        if touched {
            prop_assert!(*role <= old, "{user} gained {role:?} (had {old:?}) on {f}");
        } else {
            prop_assert_eq!(*role, old, "{} on {} changed, not reached", user, f);
        }
    }
    for (user, apps) in &after.apps {
        let old = before.apps.get(user).cloned().unwrap_or_default();
        if reach.contains(user) && flow.is_none() {
            prop_assert!(apps.iter().all(|a| old.contains(a)), "{user} gained apps");
        } else {
            prop_assert_eq!(apps, &old, "apps of {} changed, not reached", user);
        }
    }
    Ok(())
}

// --- the checks on sessions -------------------------------------------------------------

fn now_at(days: u8) -> Timestamp {
    Timestamp::from_rfc3339("2026-11-20T12:00:00Z")
        .and_then(|t| t.plus_days(i64::from(days)))
        .unwrap()
}

/// Queries that hit names, prefixes, addresses and ties.
fn queries(dir: &Directory) -> Vec<String> {
    let mut out: Vec<String> = ["a", "an", "ann", "ann l", "bo", "lee", "b", "stone", "t0"]
        .iter()
        .map(|q| q.to_string())
        .collect();
    for user in dir.users().take(6) {
        out.push(user.display_name.chars().take(2).collect());
        if let Some(mail) = &user.mail {
            out.push(mail.clone());
        }
    }
    out
}

fn check_sessions(
    dir: &Directory,
    sessions: &[Session],
    now: Timestamp,
) -> Result<(), TestCaseError> {
    for s in sessions {
        let tenant = s.tenant_id();
        let Some(user) = dir.user(s.user_id()) else {
            prop_assert!(s.whoami(dir).is_err(), "a removed user still acts");
            continue;
        };
        let pending = user.is_pending();
        // 6. a pending guest can do nothing.
        if pending {
            prop_assert_eq!(
                s.whoami(dir).map(|_| ()).unwrap_err().code(),
                "INVITATION_PENDING"
            );
            prop_assert!(s.search(dir, "a", &SearchOptions::default()).is_err());
            prop_assert!(s.approvals(dir, &ApprovalQuery::default(), now).is_err());
            prop_assert!(s.my_apps(dir).is_err());
            prop_assert!(s.join_requests(dir, JoinBox::Mine).is_err());
            prop_assert!(s.features(dir).is_err());
        }
        // 1. nothing of another tenant.
        for q in queries(dir).iter().take(8) {
            for limit in [3, 10] {
                let options = SearchOptions {
                    limit: Some(limit),
                    ..SearchOptions::default()
                };
                if let Ok(found) = s.search(dir, q, &options) {
                    for item in &found.items {
                        let other = dir.user(&item.id).map(|u| u.tenant_id.as_str());
                        prop_assert_eq!(other, Some(tenant), "{} sees {}", s.user_id(), &item.id);
                    }
                }
            }
        }
        for mailbox in [ApprovalBox::Received, ApprovalBox::Sent] {
            let query = ApprovalQuery {
                mailbox,
                status: StatusFilter::All,
            };
            if let Ok(list) = s.approvals(dir, &query, now) {
                for item in list.items {
                    prop_assert_eq!(&item.approval.tenant_id, tenant);
                }
            }
        }
        if let Ok(apps) = s.my_apps(dir) {
            for app in apps {
                prop_assert_eq!(&dir.app(&app.id).unwrap().tenant_id, tenant);
            }
        }
        for join_box in [JoinBox::Mine, JoinBox::ToDecide] {
            if let Ok(items) = s.join_requests(dir, join_box) {
                for item in items {
                    prop_assert_eq!(&dir.group(&item.group_id).unwrap().tenant_id, tenant);
                }
            }
        }
        for flow in dir.flows() {
            for action in Action::ALL {
                let decision = match s.check(dir, action.as_str(), &flow.id) {
                    Ok(decision) => decision,
                    Err(e) => {
                        // Another tenant's flow answers as an id that exists nowhere.
                        if flow.tenant_id != tenant {
                            prop_assert!(
                                matches!(
                                    e.code(),
                                    "UNKNOWN_FLOW" | "SESSION_ENDED" | "COLLABORATION_BLOCKED"
                                ),
                                "{}",
                                e.code()
                            );
                        }
                        continue;
                    }
                };
                prop_assert_eq!(&flow.tenant_id, tenant);
                // 3. run-only allows run, nothing else.
                if decision.role == Some(Role::RunOnly) && action != Action::Run {
                    prop_assert!(!decision.allowed, "run-only allowed {:?}", action);
                }
                if pending {
                    prop_assert!(
                        !decision.allowed,
                        "a pending guest may {:?} {}",
                        action,
                        &flow.id
                    );
                }
            }
        }
    }
    // 6. pending guests cannot sign in, by id or by mail.
    for user in dir.users().filter(|u| u.is_pending()) {
        let refused = dir.sign_in(&user.tenant_id, &user.id).map(|_| ());
        prop_assert_eq!(refused.unwrap_err().code(), "INVITATION_PENDING");
        if let Some(mail) = &user.mail {
            if let Err(e) = dir.sign_in(&user.tenant_id, mail) {
                prop_assert!(
                    matches!(e.code(), "INVITATION_PENDING" | "USER_NOT_FOUND"),
                    "{}",
                    e.code()
                );
            } else {
                let s = dir.sign_in(&user.tenant_id, mail).unwrap();
                prop_assert_ne!(
                    s.user_id(),
                    user.id.as_str(),
                    "a pending guest signed in by mail"
                );
            }
        }
    }
    Ok(())
}

/// 5. search returns the same people before and after a snapshot round trip.
fn check_round_trip_search(dir: &Directory) -> Result<(), TestCaseError> {
    let bytes = dir.to_bytes().unwrap();
    let reloaded = Directory::from_bytes(&bytes).unwrap();
    prop_assert_eq!(reloaded.to_world(), dir.to_world());
    let mut searchers: Vec<Session> = Vec::new();
    for tenant in dir.tenants() {
        searchers.extend(
            dir.users()
                .filter(|u| u.tenant_id == tenant.id)
                .filter_map(|u| dir.sign_in(&tenant.id, &u.id).ok())
                .take(2),
        );
    }
    for s in &searchers {
        for q in queries(dir) {
            for limit in [1, 2, 3, 10] {
                let options = SearchOptions {
                    limit: Some(limit),
                    ..SearchOptions::default()
                };
                let ids = |d: &Directory| {
                    s.search(d, &q, &options)
                        .map(|r| r.items.into_iter().map(|i| i.id).collect::<Vec<_>>())
                        .map_err(|e| e.code())
                };
                prop_assert_eq!(
                    ids(dir),
                    ids(&reloaded),
                    "{} searching {:?} (limit {})",
                    s.user_id(),
                    &q,
                    limit
                );
            }
        }
    }
    Ok(())
}

// --- running a history ------------------------------------------------------------------

/// What a successful step removed, for the exactness check.
enum Removed {
    Share { flow: String, principal: String },
    Member { member: String },
}

fn run_history(world: World, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut dir = Directory::from_world(world).unwrap();
    // One person signed in per tenant from the start; the history signs in more.
    let mut sessions: Vec<Session> = Vec::new();
    let tenants: Vec<String> = dir.tenants().map(|t| t.id.clone()).collect();
    for tenant in tenants {
        let signed_in = user_ids(&dir)
            .into_iter()
            .filter(|id| dir.user(id).is_some_and(|u| u.tenant_id == tenant))
            .find_map(|id| dir.sign_in(&tenant, &id).ok());
        sessions.extend(signed_in.into_iter().take(usize::from(sessions.len() < 3)));
    }
    let mut now = now_at(0);
    check_roles(&dir)?;
    for op in ops {
        let world_before = dir.to_world();
        let bytes_before = dir.to_bytes().unwrap();
        let access_before = access(&dir);
        let (outcome, removed) = apply(&mut dir, &mut sessions, &mut now, op);
        match outcome {
            Err(code) => {
                // 2. a call that fails leaves the snapshot identical.
                prop_assert!(
                    dir.to_bytes().unwrap() == bytes_before,
                    "{:?} failed with {} and changed the directory",
                    op,
                    code
                );
            }
            Ok(()) => {
                if let Some(removed) = removed {
                    // 4. exactly the access that came through the removed share or membership.
                    let access_after = access(&dir);
                    match removed {
                        Removed::Share { flow, principal } => {
                            let reach = model_reach(&world_before, &principal);
                            check_removal(&access_before, &access_after, &reach, Some(&flow))?;
                        }
                        Removed::Member { member } => {
                            let reach = model_reach(&world_before, &member);
                            check_removal(&access_before, &access_after, &reach, None)?;
                        }
                    }
                }
            }
        }
        check_roles(&dir)?;
        check_sessions(&dir, &sessions, now)?;
    }
    check_round_trip_search(&dir)
}

type Outcome = (Result<(), &'static str>, Option<Removed>);

fn done<T>(result: guestpass::Result<T>) -> Result<(), &'static str> {
    result.map(|_| ()).map_err(|e| e.code())
}

/// Runs one step; `Err(code)` when the directory refused it.
fn apply(
    dir: &mut Directory,
    sessions: &mut Vec<Session>,
    now: &mut Timestamp,
    op: &Op,
) -> Outcome {
    let users = user_ids(dir);
    let (mut groups, mut flows, mut approvals) = (group_ids(dir), flow_ids(dir), approval_ids(dir));
    // A session's steps pick among its own tenant's objects.
    if let Some(me) = op.session().and_then(|i| pick(sessions, i)) {
        let tenant = me.tenant_id();
        groups = in_tenant(&groups, tenant, |id| {
            dir.group(id).map(|g| g.tenant_id.clone())
        });
        flows = in_tenant(&flows, tenant, |id| {
            dir.flow(id).map(|f| f.tenant_id.clone())
        });
        approvals = in_tenant(&approvals, tenant, |id| {
            dir.approval(id).map(|a| a.tenant_id.clone())
        });
    }
    let session = |i: &Index| pick(sessions, i);
    let nothing: Outcome = (Ok(()), None);
    match op {
        Op::SignIn(i) => {
            let Some(id) = pick(&users, i) else {
                return nothing;
            };
            let tenant = dir.user(&id).unwrap().tenant_id.clone();
            if let Ok(s) = dir.sign_in(&tenant, &id) {
                if sessions.len() >= 4 {
                    sessions.remove(0);
                }
                sessions.push(s);
            }
            nothing
        }
        Op::SignInByMail(i) => {
            let Some(id) = pick(&users, i) else {
                return nothing;
            };
            let user = dir.user(&id).unwrap();
            let (tenant, mail) = (
                user.tenant_id.clone(),
                user.mail.clone().unwrap_or_default(),
            );
            if let Ok(s) = dir.sign_in(&tenant, &mail) {
                if sessions.len() >= 4 {
                    sessions.remove(0);
                }
                sessions.push(s);
            }
            nothing
        }
        Op::Share {
            s,
            flow,
            principal,
            run_only,
        } => {
            let (Some(s), Some(flow)) = (session(s), pick(&flows, flow)) else {
                return nothing;
            };
            let tenant = dir.flow(&flow).unwrap().tenant_id.clone();
            let Some(principal) = pick(&principals_of(dir, &tenant), principal) else {
                return nothing;
            };
            let role = if *run_only {
                Role::RunOnly
            } else {
                Role::CoOwner
            };
            (done(s.share(dir, &flow, &Share { principal, role })), None)
        }
        Op::Unshare { s, flow, principal } => {
            let (Some(s), Some(flow)) = (session(s), pick(&flows, flow)) else {
                return nothing;
            };
            let f = dir.flow(&flow).unwrap();
            let shares: Vec<String> = f.co_owners.iter().chain(&f.run_only).cloned().collect();
            let Some(principal) = pick(&shares, principal) else {
                return nothing;
            };
            let outcome = done(s.unshare(dir, &flow, &principal));
            (outcome, Some(Removed::Share { flow, principal }))
        }
        Op::DropShare { flow, which } => {
            let Some(flow) = pick(&flows, flow) else {
                return nothing;
            };
            let mut f = dir.flow(&flow).unwrap().clone();
            let shares: Vec<String> = f.co_owners.iter().chain(&f.run_only).cloned().collect();
            let Some(principal) = pick(&shares, which) else {
                return nothing;
            };
            f.co_owners.retain(|p| *p != principal);
            f.run_only.retain(|p| *p != principal);
            (
                done(dir.upsert_flow(f)),
                Some(Removed::Share { flow, principal }),
            )
        }
        Op::AddShare {
            flow,
            principal,
            run_only,
        } => {
            let Some(flow) = pick(&flows, flow) else {
                return nothing;
            };
            let mut f = dir.flow(&flow).unwrap().clone();
            let Some(principal) = pick(&principals_of(dir, &f.tenant_id), principal) else {
                return nothing;
            };
            if *run_only {
                f.run_only.push(principal);
            } else {
                f.co_owners.push(principal);
            }
            (done(dir.upsert_flow(f)), None)
        }
        Op::RemoveFromGroup { s, group, member } => {
            let (Some(s), Some(group)) = (session(s), pick(&groups, group)) else {
                return nothing;
            };
            let members = dir.group(&group).unwrap().members.clone();
            let Some(member) = pick(&members, member) else {
                return nothing;
            };
            let outcome = done(s.remove_from_group(dir, &group, &member));
            (outcome, Some(Removed::Member { member }))
        }
        Op::DropMember { group, which } => {
            let Some(group) = pick(&groups, group) else {
                return nothing;
            };
            let mut g = dir.group(&group).unwrap().clone();
            let Some(member) = pick(&g.members, which) else {
                return nothing;
            };
            g.members.retain(|m| *m != member);
            (done(dir.upsert_group(g)), Some(Removed::Member { member }))
        }
        Op::AddMember { group, principal } => {
            let Some(group) = pick(&groups, group) else {
                return nothing;
            };
            let mut g = dir.group(&group).unwrap().clone();
            let Some(principal) = pick(&principals_of(dir, &g.tenant_id), principal) else {
                return nothing;
            };
            g.members.push(principal);
            (done(dir.upsert_group(g)), None)
        }
        Op::Respond {
            s,
            approval,
            option,
        } => {
            let (Some(s), Some(id)) = (session(s), pick(&approvals, approval)) else {
                return nothing;
            };
            let options = dir.approval(&id).unwrap().response_options.clone();
            let response = pick(&options, option).unwrap_or_default();
            (done(s.respond(dir, &id, &response, Some("ok"), *now)), None)
        }
        Op::Reassign { s, approval, to } => {
            let (Some(s), Some(id), Some(to)) =
                (session(s), pick(&approvals, approval), pick(&users, to))
            else {
                return nothing;
            };
            (done(s.reassign(dir, &id, &to, *now)), None)
        }
        Op::Cancel { s, approval } => {
            let (Some(s), Some(id)) = (session(s), pick(&approvals, approval)) else {
                return nothing;
            };
            (done(s.cancel(dir, &id, *now)), None)
        }
        Op::Invite {
            s,
            group,
            email,
            known,
        } => {
            let (Some(s), Some(group)) = (session(s), pick(&groups, group)) else {
                return nothing;
            };
            let email = if *known {
                pick(&users, email)
                    .and_then(|id| dir.user(&id).unwrap().mail.clone())
                    .unwrap_or_default()
            } else {
                let domains = ["t0.com", "t1.com", "t2.com", "fabrikam.com", "gmail.com"];
                format!("new{}@{}", email.index(100), email.get(&domains))
            };
            let request = InvitationRequest {
                email,
                display_name: None,
                message: Some("Welcome".into()),
            };
            (done(s.invite_to_group(dir, &group, &request)), None)
        }
        Op::RequestToJoin { s, group } => {
            let (Some(s), Some(group)) = (session(s), pick(&groups, group)) else {
                return nothing;
            };
            (done(s.request_to_join(dir, &group)), None)
        }
        Op::DecideJoin {
            s,
            request,
            approve,
        } => {
            let mut requests: Vec<String> = dir.join_requests().map(|r| r.id.clone()).collect();
            requests.sort();
            let (Some(s), Some(id)) = (session(s), pick(&requests, request)) else {
                return nothing;
            };
            (done(s.decide_join_request(dir, &id, *approve)), None)
        }
        Op::SetPending { user, pending } => {
            let Some(id) = pick(&users, user) else {
                return nothing;
            };
            let mut u = dir.user(&id).unwrap().clone();
            if !u.is_guest() {
                return nothing;
            }
            u.external_user_state = Some(if *pending {
                ExternalUserState::PendingAcceptance
            } else {
                ExternalUserState::Accepted
            });
            (done(dir.upsert_user(u)), None)
        }
        Op::Redeem(i) => {
            let Some(id) = pick(&users, i) else {
                return nothing;
            };
            let tenant = dir.user(&id).unwrap().tenant_id.clone();
            (done(groups::redeem_invitation(dir, &tenant, &id)), None)
        }
        Op::Rename { user, name } => {
            let Some(id) = pick(&users, user) else {
                return nothing;
            };
            let mut u = dir.user(&id).unwrap().clone();
            u.display_name = name.get(&NAMES).to_string();
            (done(dir.upsert_user(u)), None)
        }
        Op::ToggleLicense(i) => {
            let Some(id) = pick(&users, i) else {
                return nothing;
            };
            let mut u = dir.user(&id).unwrap().clone();
            if u.licenses.is_empty() {
                u.licenses.push("office365".into());
            } else {
                u.licenses.clear();
            }
            (done(dir.upsert_user(u)), None)
        }
        Op::RemoveUser(i) => {
            let Some(id) = pick(&users, i) else {
                return nothing;
            };
            (done(dir.remove_user(&id)), None)
        }
        Op::Clock(days) => {
            *now = now_at(*days);
            nothing
        }
    }
}

// --- the properties ---------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Histories over small hand-generated worlds (ties in search, every role and type).
    #[test]
    fn histories_over_small_worlds(
        world in small_world(),
        ops in prop::collection::vec(op(), 1..24),
    ) {
        let world = world.world();
        let loaded = Directory::from_world(world.clone());
        prop_assume!(loaded.is_ok(), "generated world refused: {:?}", loaded.err());
        run_history(world, &ops)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    /// Histories over the sample world at a generated size and seed.
    #[test]
    fn histories_over_sample_worlds(
        users in 0usize..70,
        seed in any::<u64>(),
        ops in prop::collection::vec(op(), 1..16),
    ) {
        run_history(sample_world(&SampleOptions { users, seed }), &ops)?;
    }
}
