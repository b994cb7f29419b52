//! The directory: world JSON in and out, stats, and atomic mutations.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{code, directory, world, world_json};
use guestpass::directory::Directory;
use guestpass::model::{Flow, Group, Trigger, User, UserType};

#[test]
fn the_architecture_world_loads_and_counts() {
    let dir = directory();
    let stats = dir.stats();
    assert_eq!(stats.tenants, 4);
    assert_eq!(stats.users, 9);
    assert_eq!(stats.guests, 5);
    assert_eq!(stats.members, 4);
    assert_eq!(stats.pending_guests, 1);
    assert_eq!(stats.groups, 2);
    assert_eq!(
        (stats.apps, stats.flows, stats.approvals, stats.connectors),
        (1, 1, 1, 1)
    );
}

#[test]
fn to_json_round_trips_to_an_identical_directory() {
    let dir = directory();
    let text = dir.to_json_string().unwrap();
    let again = Directory::from_json_str(&text).unwrap();
    assert_eq!(again.to_world(), dir.to_world());
    assert_eq!(again.to_json_string().unwrap(), text);
}

#[test]
fn defaults_fill_absent_settings() {
    let dir = directory();
    let fabrikam = dir.tenant("fabrikam").unwrap();
    assert_eq!(
        fabrikam.settings.guest_access,
        guestpass::model::GuestAccess::Limited
    );
    assert!(!fabrikam.settings.self_service_group_management);
    assert!(fabrikam.settings.enabled_clouds.is_empty());
    assert!(fabrikam.settings.cross_tenant_access.default.inbound);
    assert!(fabrikam.settings.cross_tenant_access.default.outbound);
}

#[test]
fn unknown_fields_are_refused_with_their_path() {
    let bad = world_json().replacen("\"givenName\"", "\"givenNme\"", 1);
    let err = Directory::from_json_str(&bad).unwrap_err();
    assert_eq!(err.code(), "UNKNOWN_FIELD");
    assert!(err.to_string().contains("users[0]"), "{err}");
    assert!(err.to_string().contains("givenNme"), "{err}");
}

#[test]
fn wrong_types_are_invalid_input() {
    let bad = world_json().replacen(
        "\"securityEnabled\": true",
        "\"securityEnabled\": \"yes\"",
        1,
    );
    assert_eq!(code(Directory::from_json_str(&bad)), "INVALID_INPUT");
    assert_eq!(
        code(Directory::from_json_str("{ not json")),
        "INVALID_INPUT"
    );
    let bad_enum = world_json().replacen("\"userType\": \"Guest\"", "\"userType\": \"guest\"", 1);
    assert_eq!(code(Directory::from_json_str(&bad_enum)), "INVALID_INPUT");
}

#[test]
fn duplicate_ids_are_refused_across_kinds() {
    let mut w = world();
    w.groups[0].id = "bob".into();
    for flow in &mut w.flows {
        flow.run_only.clear();
    }
    w.apps.clear();
    assert_eq!(code(Directory::from_world(w)), "DUPLICATE_ID");
    let mut w = world();
    let again = w.users[0].clone();
    w.users.push(again);
    assert_eq!(code(Directory::from_world(w)), "DUPLICATE_ID");
}

#[test]
fn dangling_references_are_refused() {
    let mut w = world();
    w.groups[0].members.push("nobody".into());
    let err = Directory::from_world(w).unwrap_err();
    assert_eq!(err.code(), "DANGLING_REFERENCE");
    assert!(err.to_string().contains("sales.members"), "{err}");

    let mut w = world();
    w.users[1].home_tenant_id = Some("atlantis".into());
    assert_eq!(code(Directory::from_world(w)), "DANGLING_REFERENCE");

    let mut w = world();
    w.users[1].home_user_id = Some("ghost".into());
    assert_eq!(code(Directory::from_world(w)), "DANGLING_REFERENCE");

    let mut w = world();
    w.users[0].tenant_id = "atlantis".into();
    assert_eq!(code(Directory::from_world(w)), "DANGLING_REFERENCE");
}

#[test]
fn references_across_tenants_are_refused() {
    let mut w = world();
    // alice is fabrikam's member; contoso's group must name her guest object instead.
    w.groups[0].members.push("alice".into());
    let err = Directory::from_world(w).unwrap_err();
    assert_eq!(err.code(), "CROSS_TENANT_REFERENCE");
    assert!(err.to_string().contains("guest"), "{err}");
}

#[test]
fn a_guest_may_have_no_home_tenant() {
    let dir = directory();
    let gina = dir.user("gina-gmail").unwrap();
    assert!(gina.is_guest());
    assert!(gina.home_tenant_id.is_none());
}

#[test]
fn members_cannot_name_a_home_tenant() {
    let mut w = world();
    w.users[2].home_tenant_id = Some("fabrikam".into());
    assert_eq!(code(Directory::from_world(w)), "INVALID_VALUE");
}

#[test]
fn cycles_of_groups_are_refused_in_input_and_in_upserts() {
    let mut w = world();
    w.groups[0].members.push("emea".into());
    assert_eq!(code(Directory::from_world(w)), "GROUP_CYCLE");

    let mut dir = directory();
    let before = dir.to_json_string().unwrap();
    let mut sales = dir.group("sales").unwrap().clone();
    sales.members.push("emea".into());
    assert_eq!(code(dir.upsert_group(sales)), "GROUP_CYCLE");
    let mut itself = dir.group("emea").unwrap().clone();
    itself.members.push("emea".into());
    assert_eq!(code(dir.upsert_group(itself)), "GROUP_CYCLE");
    assert_eq!(dir.to_json_string().unwrap(), before);
}

#[test]
fn run_only_needs_a_manual_trigger() {
    let mut w = world();
    w.flows[0].trigger = Trigger::Automated;
    assert_eq!(
        code(Directory::from_world(w)),
        "RUN_ONLY_REQUIRES_MANUAL_TRIGGER"
    );
}

#[test]
fn two_users_of_a_tenant_cannot_share_a_upn() {
    let mut dir = directory();
    let before = dir.to_json_string().unwrap();
    let mut clone = dir.user("bob").unwrap().clone();
    clone.id = "bob2".into();
    clone.user_principal_name = "BOB@contoso.com".into();
    assert_eq!(code(dir.upsert_user(clone)), "INVALID_VALUE");
    assert_eq!(dir.to_json_string().unwrap(), before);
}

#[test]
fn upserts_add_and_replace() {
    let mut dir = directory();
    let v = dir.version();
    dir.upsert_user(User {
        id: "zoe".into(),
        tenant_id: "contoso".into(),
        display_name: "Zoë Ångström".into(),
        given_name: Some("Zoë".into()),
        surname: Some("Ångström".into()),
        mail: Some("zoe@contoso.com".into()),
        other_mails: vec![],
        user_principal_name: "zoe@contoso.com".into(),
        user_type: UserType::Member,
        external_user_state: None,
        creation_type: None,
        job_title: Some("Analyst".into()),
        home_tenant_id: None,
        home_user_id: None,
        licenses: vec!["office365".into()],
        consented_to_power_automate: true,
        account_enabled: true,
    })
    .unwrap();
    assert!(dir.version() > v);
    assert_eq!(
        dir.find_user_in_tenant("contoso", "ZOE@contoso.com")
            .unwrap()
            .unwrap()
            .id,
        "zoe"
    );
    let mut zoe = dir.user("zoe").unwrap().clone();
    zoe.user_principal_name = "zoe.a@contoso.com".into();
    zoe.mail = Some("zoe.a@contoso.com".into());
    dir.upsert_user(zoe).unwrap();
    assert!(dir
        .find_user_in_tenant("contoso", "zoe@contoso.com")
        .unwrap()
        .is_none());
    assert_eq!(
        dir.find_user_in_tenant("contoso", "zoe.a@contoso.com")
            .unwrap()
            .unwrap()
            .id,
        "zoe"
    );
}

#[test]
fn a_user_cannot_move_tenants() {
    let mut dir = directory();
    let mut bob = dir.user("bob").unwrap().clone();
    bob.tenant_id = "fabrikam".into();
    assert_eq!(code(dir.upsert_user(bob)), "TENANT_CHANGE");
}

#[test]
fn removing_a_user_removes_memberships_and_shares_or_is_refused_whole() {
    let mut dir = directory();
    let before = dir.to_json_string().unwrap();
    // bob owns a flow and requested an approval: refused, nothing changed.
    assert_eq!(code(dir.remove_user("bob")), "IN_USE");
    // alice (fabrikam) is the home user of a guest object.
    assert_eq!(code(dir.remove_user("alice")), "IN_USE");
    assert_eq!(code(dir.remove_user("nobody")), "UNKNOWN_USER");
    assert_eq!(dir.to_json_string().unwrap(), before);

    // carol's guest object: in no approval; add her to a group and a flow first.
    let mut sales = dir.group("sales").unwrap().clone();
    sales.members.push("carol-at-contoso".into());
    dir.upsert_group(sales).unwrap();
    let mut flow: Flow = dir.flow("invoice-flow").unwrap().clone();
    flow.co_owners.push("carol-at-contoso".into());
    dir.upsert_flow(flow).unwrap();
    assert_eq!(dir.transitive_groups_of("carol-at-contoso").len(), 2);
    dir.remove_user("carol-at-contoso").unwrap();
    assert!(dir.user("carol-at-contoso").is_none());
    assert!(!dir
        .group("sales")
        .unwrap()
        .members
        .contains(&"carol-at-contoso".to_string()));
    assert!(dir.flow("invoice-flow").unwrap().co_owners.is_empty());
    assert!(dir.transitive_groups_of("carol-at-contoso").is_empty());
}

#[test]
fn nested_membership_reports_its_chain() {
    let dir = directory();
    let groups = dir.transitive_groups_of("alice-at-contoso");
    let ids: Vec<_> = groups.iter().map(|m| m.group_id.as_str()).collect();
    assert_eq!(ids, ["sales", "emea"]);
    assert_eq!(groups[1].path, ["sales", "emea"]);
    assert_eq!(
        dir.membership_path("alice-at-contoso", "emea").unwrap(),
        ["sales", "emea"]
    );
    assert!(dir.membership_path("bob", "emea").is_none());
}

#[test]
fn removing_a_group_is_refused_while_it_is_an_apps_self_service_group() {
    let mut dir = directory();
    assert_eq!(code(dir.remove_group("sales")), "IN_USE");
    dir.remove_group("emea").unwrap();
    assert!(dir.transitive_groups_of("alice-at-contoso").len() == 1);
}

#[test]
fn group_upsert_refuses_members_of_another_tenant_and_changes_nothing() {
    let mut dir = directory();
    let before = dir.to_json_string().unwrap();
    let g = Group {
        id: "new".into(),
        tenant_id: "contoso".into(),
        display_name: "New".into(),
        description: None,
        security_enabled: true,
        mail_enabled: false,
        group_types: vec![],
        on_premises_sync_enabled: false,
        join_policy: Default::default(),
        owners: vec!["bob".into()],
        members: vec!["tom".into()],
    };
    assert_eq!(code(dir.upsert_group(g)), "CROSS_TENANT_REFERENCE");
    assert_eq!(dir.to_json_string().unwrap(), before);
}

#[test]
fn limits_are_enforced() {
    let mut w = world();
    w.users[0].display_name = "x".repeat(5_000);
    assert_eq!(code(Directory::from_world(w)), "LIMIT_EXCEEDED");
    let mut w = world();
    w.users[0].id = "i".repeat(300);
    assert_eq!(code(Directory::from_world(w)), "LIMIT_EXCEEDED");
}

/// A chain of `n` nested groups `chain1 ⊃ chain2 ⊃ … ⊃ chainN` in the world's first tenant.
fn chain_of_groups(w: &mut guestpass::model::World, n: usize) {
    let template = w.groups[0].clone();
    for i in 1..=n {
        let mut g = template.clone();
        g.id = format!("chain{i}");
        g.display_name = format!("Chain {i}");
        g.owners.clear();
        g.members = if i < n {
            vec![format!("chain{}", i + 1)]
        } else {
            vec![]
        };
        w.groups.push(g);
    }
}

#[test]
fn groups_nest_at_most_max_group_depth_deep() {
    use guestpass::limits::MAX_GROUP_DEPTH;
    let mut w = world();
    chain_of_groups(&mut w, MAX_GROUP_DEPTH);
    let mut dir = Directory::from_world(w).unwrap();

    let mut w = world();
    chain_of_groups(&mut w, MAX_GROUP_DEPTH + 1);
    let err = Directory::from_world(w).unwrap_err();
    assert_eq!(err.code(), "LIMIT_EXCEEDED");
    assert!(err.to_string().contains("nesting of groups"), "{err}");

    // One more group on top of the chain, or below its end, is refused; nothing changes.
    let before = dir.to_json_string().unwrap();
    let mut top = dir.group("chain1").unwrap().clone();
    top.id = "chain0".into();
    top.members = vec!["chain1".into()];
    assert_eq!(code(dir.upsert_group(top)), "LIMIT_EXCEEDED");
    let mut end = dir
        .group(&format!("chain{MAX_GROUP_DEPTH}"))
        .unwrap()
        .clone();
    let mut extra = end.clone();
    extra.id = "extra".into();
    dir.upsert_group(extra).unwrap();
    let after_extra = dir.to_json_string().unwrap();
    end.members = vec!["extra".into()];
    assert_eq!(code(dir.upsert_group(end)), "LIMIT_EXCEEDED");
    assert_eq!(dir.to_json_string().unwrap(), after_extra);
    assert_ne!(before, after_extra);
}

/// The error of loading `w`, which must be refused.
fn refused(w: guestpass::model::World) -> guestpass::Error {
    Directory::from_world(w).expect_err("the world should be refused")
}

/// `LIMIT_EXCEEDED` naming `path`.
fn assert_limit(err: guestpass::Error, path: &str) {
    assert_eq!(err.code(), "LIMIT_EXCEEDED", "{err}");
    assert!(
        err.to_string().starts_with(path),
        "{err} should name {path}"
    );
}

#[test]
fn every_text_and_list_of_a_world_is_bounded_and_named_by_its_path() {
    use guestpass::limits::{MAX_GROUP_TYPES, MAX_ID_CHARS, MAX_LIST_LEN, MAX_TEXT_CHARS};
    use guestpass::model::{ApprovalResponse, Cloud, PartnerAccess};
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    fn user(w: &mut guestpass::model::World) -> &mut guestpass::model::User {
        w.users.iter_mut().find(|u| u.id == "bob").unwrap()
    }

    let mut w = world();
    user(&mut w).licenses = vec!["office365".into(), long.clone()];
    assert_limit(refused(w), "users[bob].licenses[1]");
    let mut w = world();
    user(&mut w).other_mails = vec![long.clone()];
    assert_limit(refused(w), "users[bob].otherMails[0]");
    let mut w = world();
    w.users[0].display_name = long.clone();
    assert_limit(refused(w), "users[alice].displayName");

    let mut w = world();
    w.groups[0].group_types = vec!["Unified".into(); MAX_GROUP_TYPES + 1];
    assert_limit(refused(w), "groups[sales].groupTypes");
    let mut w = world();
    w.groups[0].group_types = vec![long.clone()];
    assert_limit(refused(w), "groups[sales].groupTypes[0]");

    let mut w = world();
    w.tenants[0].settings.enabled_clouds = vec![Cloud::Usgov; 4];
    assert_limit(refused(w), "tenants[contoso].settings.enabledClouds");
    fn partners(
        w: &mut guestpass::model::World,
    ) -> &mut std::collections::BTreeMap<String, PartnerAccess> {
        &mut w.tenants[0].settings.cross_tenant_access.partners
    }
    let mut w = world();
    for i in 0..=MAX_LIST_LEN {
        partners(&mut w).insert(format!("p{i}"), PartnerAccess::default());
    }
    assert_limit(
        refused(w),
        "tenants[contoso].settings.crossTenantAccess.partners",
    );
    let mut w = world();
    partners(&mut w).insert("p".repeat(MAX_ID_CHARS + 1), PartnerAccess::default());
    assert_limit(
        refused(w),
        "a key of tenants[contoso].settings.crossTenantAccess.partners",
    );

    let mut w = world();
    let targets = guestpass::model::AccessTargets {
        users_and_groups: vec!["u".repeat(MAX_ID_CHARS + 1)],
        users_and_groups_allowed: true,
        applications: vec![],
        applications_allowed: true,
    };
    partners(&mut w)
        .get_mut("tailspin")
        .unwrap()
        .inbound_targets = Some(targets.clone());
    assert_limit(
        refused(w),
        "tenants[contoso].settings.crossTenantAccess.partners.tailspin.inboundTargets.usersAndGroups[0]",
    );
    let mut w = world();
    w.tenants[0]
        .settings
        .cross_tenant_access
        .default
        .outbound_targets = Some(guestpass::model::AccessTargets {
        applications: vec!["app".into(); MAX_LIST_LEN + 1],
        users_and_groups: vec![],
        ..targets
    });
    assert_limit(
        refused(w),
        "tenants[contoso].settings.crossTenantAccess.default.outboundTargets.applications",
    );

    let mut w = world();
    w.approvals[0].created_at = "2026-01-01T00:00:00Z".repeat(1_000);
    assert_limit(refused(w), "approvals[inv-42].createdAt");
    let mut w = world();
    let response = ApprovalResponse {
        approver_id: "bob".into(),
        response: "Approve".into(),
        comments: None,
        responded_at: "2026-01-01T00:00:00Z".into(),
        on_behalf_of: None,
    };
    w.approvals[0].responses = vec![response; MAX_LIST_LEN + 1];
    assert_limit(refused(w), "approvals[inv-42].responses");

    let mut w = world();
    w.connectors[0].display_name = long.clone();
    assert_limit(refused(w), "connectors[shared_office365].displayName");
    // A reference too long to be an id is not repeated in a DANGLING_REFERENCE message.
    let mut w = world();
    w.groups[0].members.push("m".repeat(1_000_000));
    assert_limit(refused(w), "sales.members");
}

#[test]
fn a_partner_names_another_tenant_of_the_world() {
    use guestpass::model::PartnerAccess;
    let mut w = world();
    w.tenants[0]
        .settings
        .cross_tenant_access
        .partners
        .insert("atlantis".into(), PartnerAccess::default());
    let err = refused(w);
    assert_eq!(err.code(), "DANGLING_REFERENCE", "{err}");
    assert!(err.to_string().contains("\"atlantis\""), "{err}");
    let mut w = world();
    w.tenants[0]
        .settings
        .cross_tenant_access
        .partners
        .insert("contoso".into(), PartnerAccess::default());
    assert_eq!(code(Directory::from_world(w)), "INVALID_VALUE");
    // An upsert is held to the same rule, and changes nothing when refused.
    let mut dir = directory();
    let before = dir.to_json_string().unwrap();
    let mut contoso = dir.tenant("contoso").unwrap().clone();
    contoso
        .settings
        .cross_tenant_access
        .partners
        .insert("atlantis".into(), PartnerAccess::default());
    assert_eq!(code(dir.upsert_tenant(contoso)), "DANGLING_REFERENCE");
    assert_eq!(dir.to_json_string().unwrap(), before);
}

#[test]
fn a_key_written_twice_is_refused_with_its_path() {
    let text = world_json();
    let twice = text.replacen(
        r#""partners": {"#,
        r#""partners": { "woodgrove": { "inbound": false }, "woodgrove": { "inbound": true },"#,
        1,
    );
    assert_ne!(twice, text, "the fixture has partners");
    let err = Directory::from_json_str(&twice).unwrap_err();
    assert_eq!(err.code(), "INVALID_INPUT", "{err}");
    assert!(
        err.to_string().contains(
            "tenants[0].settings.crossTenantAccess.partners.woodgrove: duplicate key `woodgrove`"
        ),
        "{err}"
    );
    assert_eq!(
        err.details(),
        vec![(
            "field",
            "tenants[0].settings.crossTenantAccess.partners.woodgrove".to_string()
        )]
    );
    // A field of our own objects written twice is refused the same way.
    let twice = text.replacen(r#""id": "contoso","#, r#""id": "contoso", "id": "x","#, 1);
    assert_ne!(twice, text);
    let err = Directory::from_json_str(&twice).unwrap_err();
    assert_eq!(err.code(), "INVALID_INPUT", "{err}");
    assert!(
        err.to_string()
            .contains("tenants[0].id: duplicate field `id`"),
        "{err}"
    );
}

/// Every object of `value` with its path (`tenants[0].settings`), the top level first.
fn object_paths(value: &serde_json::Value, path: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            out.push(path.clone());
            for (key, v) in map {
                let at = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                object_paths(v, at, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                object_paths(v, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// `value` with the node at `path` (as [`object_paths`] spells it) replaced by `with`.
fn replaced(value: &serde_json::Value, path: &str, with: serde_json::Value) -> serde_json::Value {
    let mut out = value.clone();
    let mut node = &mut out;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indexes) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            node = node.get_mut(key).unwrap();
        }
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            node = node
                .get_mut(index.trim_end_matches(']').parse::<usize>().unwrap())
                .unwrap();
        }
    }
    *node = with;
    out
}

/// Issue 21, defect 8: serde's derived readers build a struct from an array of its fields
/// in order (`"settings": []` was a tenant's default settings, `["contoso", "Contoso"]` a
/// tenant). Every object of our world JSON, at every depth, is refused when given as an
/// array, with its path.
#[test]
fn a_struct_given_as_an_array_is_refused_at_every_depth_with_its_path() {
    let mut w: serde_json::Value = serde_json::from_str(&world_json()).unwrap();
    let approvals: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/approvals.json"
        ))
        .unwrap(),
    )
    .unwrap();
    // Parsing comes before validation, so the world needs every kind of object, not sense.
    let with_responses = approvals["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a.get("responses").is_some());
    w["approvals"]
        .as_array_mut()
        .unwrap()
        .push(with_responses.unwrap().clone());
    w["joinRequests"] = serde_json::json!([{ "id": "jr", "groupId": "g", "userId": "u" }]);
    let access = &mut w["tenants"][0]["settings"]["crossTenantAccess"];
    access["default"]["inboundTargets"] = serde_json::json!({ "usersAndGroups": ["u"] });
    access["default"]["outboundTargets"] = serde_json::json!({});
    access["partners"]["tailspin"]["inboundTargets"] = serde_json::json!({});
    access["partners"]["tailspin"]["outboundTargets"] =
        serde_json::json!({ "applications": ["a"] });
    guestpass::json_path::parse::<guestpass::model::World>(&w.to_string()).unwrap();

    let mut paths = Vec::new();
    object_paths(&w, String::new(), &mut paths);
    let mut structs = std::collections::BTreeSet::new();
    for path in &paths {
        // An empty array: before the fix, every struct whose fields all have defaults
        // (settings, crossTenantAccess, selfService, targets) was read from it.
        for positional in [serde_json::json!([]), serde_json::json!(["x", "y"])] {
            let text = replaced(&w, path, positional).to_string();
            let err = Directory::from_json_str(&text).unwrap_err();
            let message = err.to_string();
            assert_eq!(err.code(), "INVALID_INPUT", "{path}: {message}");
            assert!(
                message.contains("invalid type: array, expected an object"),
                "{path}: {message}"
            );
            let field = err
                .details()
                .into_iter()
                .find(|(k, _)| *k == "field")
                .map(|(_, v)| v);
            assert_eq!(field.as_deref().unwrap_or(""), path.as_str(), "{message}");
            if let Some((_, name)) = message.split_once("expected an object (") {
                structs.insert(name.split(')').next().unwrap().to_string());
            }
        }
    }
    let every: std::collections::BTreeSet<String> = [
        "World",
        "Tenant",
        "TenantSettings",
        "CrossTenantAccess",
        "AccessDirections",
        "AccessTargets",
        "PartnerAccess",
        "User",
        "Group",
        "App",
        "SelfService",
        "Flow",
        "Connector",
        "Approval",
        "ApprovalResponse",
        "JoinRequest",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(
        structs, every,
        "every struct of the world was given as an array"
    );
}
