//! The sample speaks the services' language (issue 22, item 7): the sample world written
//! as source pages (`guestpass_sample::sources::source_pages`) and read back by
//! `Directory::from_sources` is the sample world, up to what the services cannot carry
//! (`expected_from_sources` below names each difference and why). Enterprise apps come
//! back from Graph's service principal pages, without their self-service settings.

use guestpass::directory::Directory;
use guestpass::json_path::Origin;
use guestpass::model::{Approval, JoinPolicy, SingleSignOn, World};
use guestpass::sources::{world_from_sources, SourcesInput};
use guestpass_sample::sources::source_pages;
use guestpass_sample::{sample_world, SampleOptions};
use serde_json::Value;
use std::collections::BTreeMap;

/// The sample world as the sources can state it.
fn expected_from_sources(mut world: World) -> World {
    // No source importer for these yet (issue 22's note): they stay out of the pages.
    world.connectors.clear();
    world.join_requests.clear();
    let members = nested_user_members(&world);
    for user in &mut world.users {
        // Graph lists plans; a licence that counts reads back as the Power Automate kind.
        let counts = user
            .licenses
            .iter()
            .any(|l| guestpass::b2b::LICENSES_THAT_COUNT.contains(&l.as_str()));
        user.licenses = if counts {
            vec!["powerAutomate".into()]
        } else {
            vec![]
        };
    }
    for group in &mut world.groups {
        // Graph has no join policy: imported groups are closed (src/graph/groups.rs).
        group.join_policy = JoinPolicy::Closed;
    }
    for app in &mut world.apps {
        // Self-service application access is set in the Entra admin center only ("Enable
        // self-service application assignment"); the Graph v1.0 servicePrincipal has no
        // property for it (src/graph/apps.rs).
        app.self_service = None;
        // preferredSingleSignOnMode has no value for linked sign-on: written as null, read
        // as none (the sample makes no linked app; stated for completeness).
        if app.single_sign_on == SingleSignOn::Linked {
            app.single_sign_on = SingleSignOn::None;
        }
    }
    for tenant in &mut world.tenants {
        // The US Government cloud's kind is OpenID metadata, not a Graph resource.
        tenant.us_government = None;
    }
    for approval in &mut world.approvals {
        group_approvers_as_people(approval, &members);
    }
    world
}

/// Dataverse holds one request per person: a group approver becomes its members, and a
/// response no longer says on whose behalf it was given.
fn group_approvers_as_people(approval: &mut Approval, members: &BTreeMap<String, Vec<String>>) {
    let mut people: Vec<String> = Vec::new();
    for id in &approval.approvers {
        for p in members.get(id).cloned().unwrap_or_else(|| vec![id.clone()]) {
            if !people.contains(&p) {
                people.push(p);
            }
        }
    }
    approval.approvers = people;
    for r in &mut approval.responses {
        r.on_behalf_of = None;
    }
}

fn nested_user_members(world: &World) -> BTreeMap<String, Vec<String>> {
    let by_id: BTreeMap<&str, &guestpass::model::Group> =
        world.groups.iter().map(|g| (g.id.as_str(), g)).collect();
    let mut out = BTreeMap::new();
    for g in &world.groups {
        let (mut users, mut seen) = (Vec::new(), std::collections::HashSet::new());
        let mut stack: Vec<&str> = g.members.iter().rev().map(String::as_str).collect();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            match by_id.get(id) {
                Some(inner) => stack.extend(inner.members.iter().rev().map(String::as_str)),
                None => users.push(id.to_string()),
            }
        }
        out.insert(g.id.clone(), users);
    }
    out
}

/// Each collection of `world` as id → entity, so order does not matter.
fn by_id(world: &World) -> BTreeMap<String, BTreeMap<String, Value>> {
    let value = serde_json::to_value(world).unwrap_or(Value::Null);
    let mut out = BTreeMap::new();
    if let Value::Object(map) = value {
        for (collection, items) in map {
            let mut entities = BTreeMap::new();
            for item in items.as_array().cloned().unwrap_or_default() {
                let id = item["id"].as_str().unwrap_or_default().to_string();
                entities.insert(id, item);
            }
            out.insert(collection, entities);
        }
    }
    out
}

/// Panics naming the first entities that differ.
fn assert_same(expected: &World, actual: &World) {
    let (e, a) = (by_id(expected), by_id(actual));
    for (collection, items) in &e {
        let empty = BTreeMap::new();
        let other = a.get(collection).unwrap_or(&empty);
        let missing: Vec<&String> = items.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !items.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{collection}: missing {missing:?}, extra {extra:?}"
        );
        for (id, item) in items {
            assert_eq!(Some(item), other.get(id), "{collection} {id} differs");
        }
    }
}

fn round_trip(options: SampleOptions) -> (World, World) {
    let world = sample_world(&options);
    let pages: SourcesInput = source_pages(&world);
    let read = world_from_sources(&pages);
    assert!(
        read.is_ok(),
        "the sample's pages are refused: {:?}",
        read.err()
    );
    (expected_from_sources(world), read.unwrap_or_default())
}

#[test]
fn sample_pages_read_back_as_the_sample() {
    for users in [40, 2_000] {
        let (expected, actual) = round_trip(SampleOptions { users, seed: 7 });
        assert!(
            !expected.apps.is_empty(),
            "the sample's apps are compared too"
        );
        assert_same(&expected, &actual);
    }
}

#[test]
fn sample_pages_survive_json_and_build_a_directory() {
    let world = sample_world(&SampleOptions {
        users: 300,
        seed: 42,
    });
    let text = serde_json::to_string(&source_pages(&world)).unwrap_or_default();
    let input = SourcesInput::from_json(&text);
    assert!(input.is_ok(), "{:?}", input.err());
    let dir = input.and_then(|i| Directory::from_sources(&i));
    assert!(dir.is_ok(), "{:?}", dir.err());
    let fast = Directory::from_sources_json(&text, Origin::Text);
    assert!(fast.is_ok(), "{:?}", fast.err());
    let same = fast.ok().map(|d| d.to_world()) == dir.ok().map(|d| d.to_world());
    assert!(same, "the text path reads another directory");
}

#[test]
fn pages_are_paged_with_next_links() {
    let world = sample_world(&SampleOptions {
        users: 500,
        seed: 1,
    });
    let pages = source_pages(&world);
    let users = &pages.graph.tenants[0].users;
    assert!(users.len() > 1, "500 users make more than one page of 100");
    assert!(users[0].get("@odata.nextLink").is_some());
    assert!(users[users.len() - 1].get("@odata.nextLink").is_none());
}
