//! An independent check of the sharing rules: the same rules written as a Cedar policy
//! set (`tests/cedar/sharing.cedar`, schema `tests/cedar/sharing.cedarschema`), and
//! guestpass's answer compared with Cedar's on generated worlds — members and guests
//! with and without licenses, consent and redeemed invitations, nested groups, flows of
//! every trigger turned on and off, in several tenants — for every person, flow and
//! action: at least 100,000 requests, zero disagreements.
//!
//! The generator is seeded: a failure prints the seed of the world it happened in;
//! `GUESTPASS_CEDAR_SEED=<seed> cargo test --test cedar_differential` replays from it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cedar_policy::{
    Authorizer, Context, Decision as CedarDecision, Entities, EntityUid, PolicySet, Request,
    Schema, ValidationMode, Validator,
};
use guestpass::directory::Directory;
use guestpass::model::{
    Cloud, ExternalUserState, Flow, Group, JoinPolicy, Tenant, TenantSettings, Trigger, User,
    UserType, World,
};
use guestpass::sharing::{Action, Person};
use serde_json::{json, Value};
use std::str::FromStr;

const POLICIES: &str = include_str!("cedar/sharing.cedar");
const SCHEMA: &str = include_str!("cedar/sharing.cedarschema");
/// The first world's seed unless `GUESTPASS_CEDAR_SEED` says otherwise; world `i` uses
/// `seed + i`.
const DEFAULT_SEED: u64 = 0x6775_6573_7470_6173;
const MIN_REQUESTS: usize = 100_000;

fn schema() -> Schema {
    Schema::from_cedarschema_str(SCHEMA)
        .expect("schema parses")
        .0
}

fn policies() -> PolicySet {
    PolicySet::from_str(POLICIES).expect("policies parse")
}

#[test]
fn the_cedar_policies_are_well_typed_against_the_schema() {
    let result = Validator::new(schema()).validate(&policies(), ValidationMode::Strict);
    let errors: Vec<String> = result.validation_errors().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

// ---------------------------------------------------------------------------------------
// Generated worlds

const LICENSE_KINDS: [&[&str]; 5] = [
    &["office365"],
    &["office365"],
    &["powerAutomate"],
    &["visio"],
    &["visio", "powerAutomate"],
];

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

fn licenses(rng: &mut fastrand::Rng, none_weight: f32) -> Vec<String> {
    if rng.f32() < none_weight {
        Vec::new()
    } else {
        pick(rng, &LICENSE_KINDS)
            .iter()
            .map(|s| s.to_string())
            .collect()
    }
}

fn member(tenant: &str, n: usize, rng: &mut fastrand::Rng) -> User {
    User {
        id: format!("{tenant}-m{n}"),
        tenant_id: tenant.into(),
        display_name: format!("Member {n} of {tenant}"),
        given_name: None,
        surname: None,
        mail: Some(format!("m{n}@{tenant}.example")),
        other_mails: vec![],
        user_principal_name: format!("m{n}@{tenant}.example"),
        user_type: UserType::Member,
        external_user_state: None,
        creation_type: None,
        job_title: None,
        home_tenant_id: None,
        home_user_id: None,
        licenses: licenses(rng, 0.1),
        consented_to_power_automate: rng.f32() < 0.85,
        account_enabled: true,
    }
}

fn guest(
    tenant: &str,
    n: usize,
    home: &str,
    home_user: Option<String>,
    rng: &mut fastrand::Rng,
) -> User {
    User {
        id: format!("{tenant}-g{n}"),
        tenant_id: tenant.into(),
        display_name: format!("Guest {n} in {tenant}"),
        given_name: None,
        surname: None,
        mail: None,
        other_mails: vec![],
        user_principal_name: format!("g{n}_{home}.example#EXT#@{tenant}.onmicrosoft.com"),
        user_type: UserType::Guest,
        external_user_state: Some(if rng.f32() < 0.2 {
            ExternalUserState::PendingAcceptance
        } else {
            ExternalUserState::Accepted
        }),
        creation_type: Some("Invitation".into()),
        job_title: None,
        home_tenant_id: Some(home.into()),
        home_user_id: home_user,
        licenses: licenses(rng, 0.6),
        consented_to_power_automate: rng.f32() < 0.7,
        account_enabled: true,
    }
}

/// A valid world: 2–3 tenants, members, guests (some pending, some licensed only at
/// home), groups nested without cycles (a group only contains groups made before it),
/// flows of every trigger, some turned off, shared with users and groups.
fn generate(seed: u64) -> World {
    let mut rng = fastrand::Rng::with_seed(seed);
    let tenant_ids: Vec<String> = (0..rng.usize(2..=3)).map(|i| format!("t{i}")).collect();
    let tenants = tenant_ids
        .iter()
        .map(|id| Tenant {
            id: id.clone(),
            display_name: id.to_uppercase(),
            cloud: Cloud::Global,
            domains: vec![format!("{id}.example")],
            initial_domain: format!("{id}.onmicrosoft.com"),
            us_government: None,
            settings: TenantSettings::default(),
        })
        .collect();
    let mut users: Vec<User> = Vec::new();
    for t in &tenant_ids {
        for n in 0..rng.usize(1..=7) {
            users.push(member(t, n, &mut rng));
        }
    }
    for t in &tenant_ids {
        for n in 0..rng.usize(0..=4) {
            let home = pick(&mut rng, &tenant_ids).clone();
            if home == *t {
                continue;
            }
            let home_members: Vec<String> = users
                .iter()
                .filter(|u| u.tenant_id == home && u.user_type == UserType::Member)
                .map(|u| u.id.clone())
                .collect();
            let home_user = if rng.f32() < 0.75 && !home_members.is_empty() {
                Some(pick(&mut rng, &home_members).clone())
            } else {
                None
            };
            users.push(guest(t, n, &home, home_user, &mut rng));
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    for t in &tenant_ids {
        let people: Vec<String> = users
            .iter()
            .filter(|u| &u.tenant_id == t)
            .map(|u| u.id.clone())
            .collect();
        let mut made: Vec<String> = Vec::new();
        for n in 0..rng.usize(0..=6) {
            let mut members: Vec<String> =
                people.iter().filter(|_| rng.f32() < 0.3).cloned().collect();
            members.extend(made.iter().filter(|_| rng.f32() < 0.35).cloned());
            let id = format!("{t}-grp{n}");
            groups.push(Group {
                id: id.clone(),
                tenant_id: t.clone(),
                display_name: id.clone(),
                description: None,
                security_enabled: true,
                mail_enabled: false,
                group_types: vec![],
                on_premises_sync_enabled: false,
                join_policy: JoinPolicy::Closed,
                owners: vec![],
                members,
            });
            made.push(id);
        }
    }
    let mut flows: Vec<Flow> = Vec::new();
    for t in &tenant_ids {
        let people: Vec<String> = users
            .iter()
            .filter(|u| &u.tenant_id == t)
            .map(|u| u.id.clone())
            .collect();
        let principals: Vec<String> = people
            .iter()
            .cloned()
            .chain(
                groups
                    .iter()
                    .filter(|g| &g.tenant_id == t)
                    .map(|g| g.id.clone()),
            )
            .collect();
        for n in 0..rng.usize(1..=5) {
            let trigger = *pick(
                &mut rng,
                &[Trigger::Manual, Trigger::Automated, Trigger::Scheduled],
            );
            let co_owners = principals
                .iter()
                .filter(|_| rng.f32() < 0.2)
                .cloned()
                .collect();
            let run_only = if trigger == Trigger::Manual {
                principals
                    .iter()
                    .filter(|_| rng.f32() < 0.3)
                    .cloned()
                    .collect()
            } else {
                vec![]
            };
            flows.push(Flow {
                id: format!("{t}-flow{n}"),
                tenant_id: t.clone(),
                display_name: format!("Flow {n}"),
                trigger,
                enabled: rng.f32() < 0.8,
                owner_id: pick(&mut rng, &people).clone(),
                co_owners,
                run_only,
                environment: None,
            });
        }
    }
    World {
        tenants,
        users,
        groups,
        flows,
        ..World::default()
    }
}

// ---------------------------------------------------------------------------------------
// The same world as Cedar entities, read from the world's plain data (not from
// guestpass's indexes): parents are the groups whose member lists name the entity.

fn uid(kind: &str, id: &str) -> Value {
    json!({ "__entity": { "type": kind, "id": id } })
}

fn cedar_entities(world: &World) -> Value {
    let parents = |id: &str| -> Vec<Value> {
        world
            .groups
            .iter()
            .filter(|g| g.members.iter().any(|m| m == id))
            .map(|g| json!({ "type": "Group", "id": g.id }))
            .collect()
    };
    let is_group = |id: &str| world.groups.iter().any(|g| g.id == id);
    let split = |ids: &[String]| -> (Vec<Value>, Vec<Value>) {
        let users = ids
            .iter()
            .filter(|i| !is_group(i))
            .map(|i| uid("User", i))
            .collect();
        let groups = ids
            .iter()
            .filter(|i| is_group(i))
            .map(|i| uid("Group", i))
            .collect();
        (users, groups)
    };
    let mut entities = Vec::new();
    for u in &world.users {
        let mut attrs = json!({
            "tenant": u.tenant_id,
            "pending": u.external_user_state == Some(ExternalUserState::PendingAcceptance),
            "consented": u.consented_to_power_automate,
            "licenses": u.licenses,
        });
        if u.user_type == UserType::Guest {
            if let Some(home) = &u.home_user_id {
                attrs["home"] = uid("User", home);
            }
        }
        entities.push(json!({
            "uid": { "type": "User", "id": u.id },
            "attrs": attrs,
            "parents": parents(&u.id),
        }));
    }
    for g in &world.groups {
        entities.push(json!({
            "uid": { "type": "Group", "id": g.id },
            "attrs": {},
            "parents": parents(&g.id),
        }));
    }
    for f in &world.flows {
        let (co_users, co_groups) = split(&f.co_owners);
        let (run_users, run_groups) = split(&f.run_only);
        entities.push(json!({
            "uid": { "type": "Flow", "id": f.id },
            "attrs": {
                "tenant": f.tenant_id,
                "enabled": f.enabled,
                "owner": uid("User", &f.owner_id),
                "coOwnerUsers": co_users,
                "coOwnerGroups": co_groups,
                "runOnlyUsers": run_users,
                "runOnlyGroups": run_groups,
            },
            "parents": [],
        }));
    }
    Value::Array(entities)
}

fn entity_uid(kind: &str, id: &str) -> EntityUid {
    EntityUid::from_str(&format!("{kind}::{}", Value::String(id.into()))).expect("uid")
}

// ---------------------------------------------------------------------------------------

#[derive(Default)]
struct Tally {
    worlds: usize,
    requests: usize,
    allowed: usize,
    /// How often guestpass gave each code: every "no" must be exercised.
    codes: std::collections::BTreeMap<&'static str, usize>,
    disagreements: Vec<String>,
}

/// Every person × flow × action of the world seeded `seed`, through guestpass and Cedar.
fn compare_world(seed: u64, schema: &Schema, policies: &PolicySet, tally: &mut Tally) {
    let world = generate(seed);
    let dir = Directory::from_world(world.clone())
        .unwrap_or_else(|e| panic!("seed {seed}: the generator made an invalid world: {e}"));
    let entities = Entities::from_json_value(cedar_entities(&world), Some(schema))
        .unwrap_or_else(|e| panic!("seed {seed}: Cedar refused the entities: {e}"));
    let authorizer = Authorizer::new();
    let actions: Vec<EntityUid> = Action::ALL
        .iter()
        .map(|a| entity_uid("Action", a.as_str()))
        .collect();
    let flows: Vec<(&Flow, EntityUid)> = world
        .flows
        .iter()
        .map(|f| (f, entity_uid("Flow", &f.id)))
        .collect();
    // Every flow of the person's own tenant, and one flow of another tenant (those all
    // answer FLOW_IN_OTHER_TENANT; asking about every one would drown the rest).
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    for user in &world.users {
        let person = Person::of(&dir, dir.user(&user.id).expect("user"));
        let principal = entity_uid("User", &user.id);
        let foreign: Vec<&(&Flow, EntityUid)> = flows
            .iter()
            .filter(|(f, _)| f.tenant_id != user.tenant_id)
            .collect();
        let one_foreign = (!foreign.is_empty()).then(|| foreign[rng.usize(..foreign.len())]);
        let asked: Vec<&(&Flow, EntityUid)> = flows
            .iter()
            .filter(|(f, _)| f.tenant_id == user.tenant_id)
            .chain(one_foreign)
            .collect();
        for (flow, resource) in asked.iter().copied() {
            let stored = dir.flow(&flow.id).expect("flow");
            for (action, action_uid) in Action::ALL.iter().zip(&actions) {
                let ours = person.verdict(*action, stored);
                let request = Request::new(
                    principal.clone(),
                    action_uid.clone(),
                    resource.clone(),
                    Context::empty(),
                    None,
                )
                .expect("request");
                let response = authorizer.is_authorized(&request, policies, &entities);
                let errors: Vec<String> = response
                    .diagnostics()
                    .errors()
                    .map(|e| e.to_string())
                    .collect();
                assert!(
                    errors.is_empty(),
                    "seed {seed}: Cedar evaluation errors: {errors:?}"
                );
                let theirs = response.decision() == CedarDecision::Allow;
                tally.requests += 1;
                tally.allowed += usize::from(theirs);
                *tally
                    .codes
                    .entry(ours.code.map_or("(allowed)", |c| c.as_str()))
                    .or_default() += 1;
                if ours.allowed() != theirs && tally.disagreements.len() < 20 {
                    tally.disagreements.push(format!(
                        "seed {seed}: {} {} {}: guestpass {} ({:?}), Cedar {}",
                        user.id,
                        action,
                        flow.id,
                        ours.allowed(),
                        ours,
                        theirs
                    ));
                }
            }
        }
        // The session API answers the same as the core for everyone who can sign in.
        if let Ok(session) = dir.sign_in(&user.tenant_id, &user.id) {
            let pairs: Vec<(&str, &str)> = asked
                .iter()
                .flat_map(|(f, _)| Action::ALL.iter().map(move |a| (a.as_str(), f.id.as_str())))
                .collect();
            let answers = session.check_many(&dir, &pairs).expect("check_many");
            for ((action, flow), answer) in pairs.iter().zip(answers) {
                let stored = dir.flow(flow).expect("flow");
                if stored.tenant_id != user.tenant_id {
                    // A session answers another tenant's flow as an id that exists nowhere.
                    let code = answer.expect_err("a foreign flow is unknown").code();
                    assert_eq!(code, "UNKNOWN_FLOW", "seed {seed}");
                    continue;
                }
                let core = person.decide(Action::parse(action).expect("action"), stored);
                assert_eq!(
                    answer.expect("decision"),
                    core,
                    "seed {seed}: session and core differ"
                );
            }
        }
    }
    tally.worlds += 1;
}

#[test]
fn guestpass_and_cedar_agree_on_every_generated_request() {
    let seed: u64 = std::env::var("GUESTPASS_CEDAR_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    let schema = schema();
    let policies = policies();
    let mut tally = Tally::default();
    let mut world_seed = seed;
    while tally.requests < MIN_REQUESTS {
        compare_world(world_seed, &schema, &policies, &mut tally);
        assert!(
            tally.disagreements.is_empty(),
            "guestpass and Cedar disagree (replay with GUESTPASS_CEDAR_SEED={world_seed}):\n{}",
            tally.disagreements.join("\n")
        );
        world_seed = world_seed.wrapping_add(1);
    }
    println!(
        "{} requests over {} worlds (seeds {seed}..{world_seed}), {} allowed: zero disagreements",
        tally.requests, tally.worlds, tally.allowed
    );
    println!("{:#?}", tally.codes);
    let mut expected: Vec<&str> = vec![
        "(allowed)",
        "FLOW_IN_OTHER_TENANT",
        "NO_ROLE",
        "INVITATION_PENDING",
        "NO_LICENSE",
        "NO_CONSENT",
        "FLOW_TURNED_OFF",
    ];
    expected.extend(
        Action::ALL
            .iter()
            .filter(|a| **a != Action::Run)
            .map(|a| guestpass::sharing::Code::RunOnlyCannot(*a).as_str()),
    );
    for code in expected {
        assert!(
            tally.codes.contains_key(code),
            "the generator never produced {code}"
        );
    }
    // The generator must exercise both answers, not only "no".
    assert!(
        tally.allowed * 20 > tally.requests,
        "too few allowed requests: {}",
        tally.allowed
    );
    assert!(
        tally.allowed * 20 < tally.requests * 19,
        "too few denied requests"
    );
}
