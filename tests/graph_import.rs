#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Graph import: Graph-shaped pages (written from Graph's documented resource shapes)
//! build the same world as the equivalent hand-written world JSON, and bad pages are
//! refused with a code that names the place.

mod common;

use guestpass::graph::{world_from_graph, GraphInput};
use guestpass::json_path::Origin;
use guestpass::model::World;
use guestpass::sources::world_from_sources_json;
use guestpass::Error;
use serde_json::{json, Value};

const INPUT: &str = include_str!("fixtures/graph/input.json");
const EXPECTED: &str = include_str!("fixtures/graph/expected-world.json");

fn input() -> Value {
    serde_json::from_str(INPUT).unwrap()
}

/// Reads `value` through `GraphInput` (a `Value` tree) and, beside it, as the `graph` of
/// sources JSON text read straight into typed rows: both must give the same world or
/// the same error, code and message.
fn import(value: Value) -> Result<World, Error> {
    let text = json!({ "graph": value }).to_string();
    let input: GraphInput = serde_json::from_value(value).map_err(Error::from)?;
    let read = world_from_graph(&input);
    let fast = world_from_sources_json(&text, Origin::Object);
    common::assert_same_outcome(&read, &fast, "Graph pages");
    read
}

fn sorted(mut w: World) -> World {
    w.tenants.sort_by(|a, b| a.id.cmp(&b.id));
    w.users.sort_by(|a, b| a.id.cmp(&b.id));
    w.groups.sort_by(|a, b| a.id.cmp(&b.id));
    w.apps.sort_by(|a, b| a.id.cmp(&b.id));
    w.flows.sort_by(|a, b| a.id.cmp(&b.id));
    w.approvals.sort_by(|a, b| a.id.cmp(&b.id));
    w.connectors.sort_by(|a, b| a.id.cmp(&b.id));
    w.join_requests.sort_by(|a, b| a.id.cmp(&b.id));
    w
}

fn refused(value: Value) -> Error {
    match import(value) {
        Ok(_) => panic!("the input was accepted"),
        Err(e) => e,
    }
}

#[test]
fn graph_pages_build_the_same_world_as_the_world_json() {
    let from_graph = world_from_graph(&GraphInput::from_json(INPUT).unwrap()).unwrap();
    let expected: World = serde_json::from_str(EXPECTED).unwrap();
    assert_eq!(sorted(from_graph.clone()), sorted(expected));
    // And the imported world is valid world JSON itself.
    let again: World = serde_json::from_value(serde_json::to_value(&from_graph).unwrap()).unwrap();
    assert_eq!(again, from_graph);
}

#[test]
fn guests_find_their_home_by_mail_domain_case_insensitively() {
    let w = import(input()).unwrap();
    let user = |id: &str| w.users.iter().find(|u| u.id == id).unwrap();
    // Mail "Carlos@Fabrikam.com" finds fabrikam's member carlos@fabrikam.com.
    let carlos = user("ca4105c0-0000-4000-8000-000000000004");
    assert_eq!(
        carlos.home_user_id.as_deref(),
        Some("ca410500-0000-4000-8000-00000000000b")
    );
    // No mail: the #EXT# UPN spells the address.
    let deborah = user("d0bfab00-0000-4000-8000-00000000000d");
    assert_eq!(
        deborah.home_user_id.as_deref(),
        Some("d0b00002-0000-4000-8000-000000000002")
    );
    // A domain no tenant of the input verified: an outside account.
    let zoe = user("20e0fab0-0000-4000-8000-00000000000e");
    assert!(zoe.home_tenant_id.is_none() && zoe.home_user_id.is_none());
}

#[test]
fn a_home_tenant_without_a_matching_member_names_no_home_user() {
    let mut v = input();
    v["tenants"][0]["users"][1]["value"][0]["mail"] = json!("someone.else@fabrikam.com");
    let w = import(v).unwrap();
    let alice = w
        .users
        .iter()
        .find(|u| u.id.starts_with("a11ce0c0"))
        .unwrap();
    assert_eq!(
        alice.home_tenant_id.as_deref(),
        Some("fab00000-1111-4222-8333-444455556666")
    );
    assert!(alice.home_user_id.is_none());
}

fn assert_invalid_value(e: Error, field: &str, tenant: &str) {
    assert_eq!(e.code(), "INVALID_VALUE", "{e}");
    let Error::InvalidValue { field: f, reason } = &e else {
        unreachable!()
    };
    assert_eq!(f, field);
    assert!(reason.contains(tenant), "{reason}");
}

#[test]
fn a_used_property_of_the_wrong_type_is_refused_with_its_path() {
    const CONTOSO: &str = "c0a1b2c3-d4e5-4f60-8172-8394a5b6c7d8";
    let mut v = input();
    v["tenants"][0]["users"][1]["value"][1]["mail"] = json!(42);
    assert_invalid_value(refused(v), "tenants[0].users[1].value[1].mail", CONTOSO);

    let mut v = input();
    v["tenants"][0]["users"][0]["value"][0]["assignedPlans"][1]["service"] = json!(["SharePoint"]);
    assert_invalid_value(
        refused(v),
        "tenants[0].users[0].value[0].assignedPlans[1].service",
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][1]["groups"][0]["value"][0]["securityEnabled"] = json!("yes");
    assert_invalid_value(
        refused(v),
        "tenants[1].groups[0].value[0].securityEnabled",
        "fab00000-1111-4222-8333-444455556666",
    );

    let mut v = input();
    v["tenants"][0]["users"][0]["value"][1]["otherMails"] = json!(["ok@contoso.com", 7]);
    assert_invalid_value(
        refused(v),
        "tenants[0].users[0].value[1].otherMails[1]",
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][0]["users"][0]["value"][0]["userType"] = json!("Visitor");
    assert_invalid_value(refused(v), "tenants[0].users[0].value[0].userType", CONTOSO);

    let mut v = input();
    v["tenants"][0]["users"][1]["value"][0]["externalUserState"] = json!("Invited");
    assert_invalid_value(
        refused(v),
        "tenants[0].users[1].value[0].externalUserState",
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][0]["users"][0]["value"][0]
        .as_object_mut()
        .unwrap()
        .remove("userPrincipalName");
    assert_invalid_value(
        refused(v),
        "tenants[0].users[0].value[0].userPrincipalName",
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][0]["groupMembers"]["5a1e5e00-0000-4000-8000-000000000102"][0]["value"][0]["id"] =
        json!(null);
    assert_invalid_value(
        refused(v),
        "tenants[0].groupMembers[\"5a1e5e00-0000-4000-8000-000000000102\"][0].value[0].id",
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][0]["users"][2]["value"][0] = json!("not a user");
    assert_invalid_value(refused(v), "tenants[0].users[2].value[0]", CONTOSO);
}

#[test]
fn properties_guestpass_does_not_use_may_hold_anything() {
    let mut v = input();
    let bob = &mut v["tenants"][0]["users"][0]["value"][0];
    bob["businessPhones"] = json!(42);
    bob["onPremisesExtensionAttributes"] = json!({ "extensionAttribute1": null });
    bob["@odata.type"] = json!("#microsoft.graph.user");
    v["tenants"][0]["users"][0]["@odata.count"] = json!(5);
    assert!(import(v).is_ok());
}

#[test]
fn a_page_without_a_value_array_is_refused() {
    let mut v = input();
    v["tenants"][0]["users"][1]
        .as_object_mut()
        .unwrap()
        .remove("value");
    let e = refused(v);
    assert_eq!(e.code(), "INVALID_INPUT");
    assert!(e.to_string().contains("tenants[0].users[1]"), "{e}");
    assert!(
        e.to_string()
            .contains("c0a1b2c3-d4e5-4f60-8172-8394a5b6c7d8"),
        "{e}"
    );

    let mut v = input();
    v["tenants"][1]["groups"][0]["value"] = json!({});
    assert_eq!(refused(v).code(), "INVALID_INPUT");

    let mut v = input();
    v["tenants"][1]["users"] = json!([[]]);
    assert_eq!(refused(v).code(), "INVALID_INPUT");
}

#[test]
fn fewer_pages_than_next_links_promise_are_accepted() {
    let mut v = input();
    // Drop the last users page: the page before still has an @odata.nextLink.
    v["tenants"][0]["users"].as_array_mut().unwrap().pop();
    v["tenants"][0]["consentedToPowerAutomate"]
        .as_array_mut()
        .unwrap()
        .retain(|id| !id.as_str().unwrap().starts_with("9a70"));
    let w = import(v).unwrap();
    assert!(w.users.iter().all(|u| !u.id.starts_with("9a70")));
}

#[test]
fn duplicate_ids_are_refused() {
    let mut v = input();
    let bob = v["tenants"][0]["users"][0]["value"][0].clone();
    v["tenants"][0]["users"][2]["value"]
        .as_array_mut()
        .unwrap()
        .push(bob);
    let e = refused(v);
    assert_eq!(
        e,
        Error::DuplicateId("b0b00001-0000-4000-8000-000000000001".into())
    );

    let mut v = input();
    v["tenants"][1]["groups"][0]["value"][0]["id"] = json!("b0b00001-0000-4000-8000-000000000001");
    assert_eq!(refused(v).code(), "DUPLICATE_ID");

    let mut v = input();
    v["tenants"][1]["organization"]["id"] = v["tenants"][0]["organization"]["id"].clone();
    assert_eq!(refused(v).code(), "DUPLICATE_ID");
}

#[test]
fn members_and_owners_must_be_of_the_same_tenant() {
    const PARTNERS: &str = "9a47e450-0000-4000-8000-000000000201";
    let mut v = input();
    v["tenants"][1]["groupMembers"][PARTNERS][0]["value"][0]["id"] =
        json!("00000000-dead-4000-8000-000000000000");
    let e = refused(v);
    assert_eq!(e.code(), "DANGLING_REFERENCE");
    assert!(
        matches!(e, Error::DanglingReference { ref from, field: "members", .. } if from == PARTNERS)
    );

    let mut v = input();
    v["tenants"][1]["groupOwners"][PARTNERS][0]["value"][0]["id"] =
        json!("b0b00001-0000-4000-8000-000000000001");
    let e = refused(v);
    assert_eq!(e.code(), "CROSS_TENANT_REFERENCE");
    assert!(matches!(
        e,
        Error::CrossTenantReference {
            field: "owners",
            ..
        }
    ));

    // A group listed as a user is not a user.
    let mut v = input();
    v["tenants"][1]["groupOwners"][PARTNERS][0]["value"][0]["id"] = json!(PARTNERS);
    assert_eq!(refused(v).code(), "DANGLING_REFERENCE");

    // Members of a group that is not in the tenant's group pages.
    let mut v = input();
    let pages = v["tenants"][1]["groupMembers"][PARTNERS].clone();
    v["tenants"][1]["groupMembers"]["5a1e5000-0000-4000-8000-000000000101"] = pages;
    let e = refused(v);
    assert!(
        matches!(
            e,
            Error::DanglingReference {
                field: "groupMembers",
                ..
            }
        ),
        "{e}"
    );

    let mut v = input();
    v["tenants"][1]["consentedToPowerAutomate"] = json!(["b0b00001-0000-4000-8000-000000000001"]);
    let e = refused(v);
    assert!(matches!(
        e,
        Error::DanglingReference {
            field: "consentedToPowerAutomate",
            ..
        }
    ));
}

#[test]
fn the_organization_needs_an_id_and_an_initial_domain() {
    let mut v = input();
    v["tenants"][1]["organization"]["verifiedDomains"][0]["isInitial"] = json!(false);
    let e = refused(v);
    assert_invalid_value(
        e,
        "tenants[1].organization.verifiedDomains",
        "fab00000-1111-4222-8333-444455556666",
    );

    let mut v = input();
    v["tenants"][1]["organization"]
        .as_object_mut()
        .unwrap()
        .remove("id");
    assert_invalid_value(refused(v), "tenants[1].organization.id", "tenants[1]");
}

#[test]
fn the_envelope_refuses_unknown_fields() {
    let mut v = input();
    v["tenants"][0]["members"] = json!({});
    assert_eq!(refused(v).code(), "UNKNOWN_FIELD");
    let e = GraphInput::from_json(r#"{"tenant": []}"#).unwrap_err();
    assert_eq!(e.code(), "UNKNOWN_FIELD");
    assert_eq!(
        GraphInput::from_json("{").unwrap_err().code(),
        "INVALID_INPUT"
    );
}

#[test]
fn an_empty_input_is_an_empty_world() {
    assert_eq!(import(json!({})).unwrap(), World::default());
}

// --- Enterprise apps: servicePrincipal pages (tests/fixtures/graph/README.md names their sources)

const CONTOSO: &str = "c0a1b2c3-d4e5-4f60-8172-8394a5b6c7d8";
const BOB: &str = "b0b00001-0000-4000-8000-000000000001";
const CUSTOM_APP: &str = "226859cc-86f0-40d3-b308-f43b3a729b6e";
const FOO_APP: &str = "59e617e5-e447-4adc-8b88-00af644d7c92";
const WEB_APP: &str = "43a9e7d8-0469-42f5-8c9d-17ac8c974ba6";

fn app(w: &World, id: &str) -> guestpass::model::App {
    w.apps.iter().find(|a| a.id == id).cloned().unwrap()
}

#[test]
fn enterprise_apps_come_from_service_principal_pages() {
    use guestpass::model::SingleSignOn;
    let w = import(input()).unwrap();
    assert_eq!(w.apps.len(), 3, "every service principal of both pages");
    let custom = app(&w, CUSTOM_APP);
    assert_eq!(custom.tenant_id, CONTOSO);
    assert_eq!(custom.display_name, "My custom enterprise application");
    assert_eq!(custom.single_sign_on, SingleSignOn::None, "null");
    assert_eq!(
        custom.self_service, None,
        "Graph v1.0 has no self-service property"
    );
    // The service principal owning the app is skipped; the user stays.
    assert_eq!(custom.owners, vec![BOB]);
    // Bob holds two app roles: assigned once; the app-only grant to a service principal
    // is not an assignment of people.
    assert_eq!(
        custom.assignments,
        vec![BOB, "5a1e5000-0000-4000-8000-000000000101"]
    );
    let foo = app(&w, FOO_APP);
    assert_eq!(foo.single_sign_on, SingleSignOn::Saml);
    // An owner without @odata.type (as the documented example shows) must be a user.
    assert_eq!(foo.owners, vec!["d0b00002-0000-4000-8000-000000000002"]);
    assert!(foo.assignments.is_empty(), "no appRoleAssignedTo pages");
    let web = app(&w, WEB_APP);
    assert_eq!(web.single_sign_on, SingleSignOn::Oidc);
    assert_eq!(
        web.assignments,
        vec!["a11ce0c0-0000-4000-8000-000000000003"]
    );
    // The imported world is a directory: Bob reaches the app he is assigned to.
    let dir = guestpass::directory::Directory::from_world(w).unwrap();
    let mine = dir.sign_in(CONTOSO, BOB).unwrap().my_apps(&dir).unwrap();
    assert!(mine.iter().any(|a| a.id == CUSTOM_APP), "{mine:?}");
}

#[test]
fn single_sign_on_modes_map_as_graph_documents_them() {
    use guestpass::model::SingleSignOn;
    for (mode, kind) in [
        (json!("password"), SingleSignOn::Password),
        (json!("saml"), SingleSignOn::Saml),
        (json!("oidc"), SingleSignOn::Oidc),
        (json!("notSupported"), SingleSignOn::None),
        (json!(null), SingleSignOn::None),
        // A mode Graph does not document (none names linked sign-on): the conservative kind.
        (json!("linked"), SingleSignOn::None),
    ] {
        let mut v = input();
        v["tenants"][0]["servicePrincipals"][0]["value"][1]["preferredSingleSignOnMode"] = mode;
        assert_eq!(app(&import(v).unwrap(), FOO_APP).single_sign_on, kind);
    }
    let mut v = input();
    v["tenants"][0]["servicePrincipals"][0]["value"][1]
        .as_object_mut()
        .unwrap()
        .remove("preferredSingleSignOnMode");
    assert_eq!(
        app(&import(v).unwrap(), FOO_APP).single_sign_on,
        SingleSignOn::None
    );
}

#[test]
fn a_wrong_type_in_app_pages_is_refused_with_its_path() {
    let mut v = input();
    v["tenants"][0]["servicePrincipals"][1]["value"][0]["preferredSingleSignOnMode"] = json!(42);
    assert_invalid_value(
        refused(v),
        "tenants[0].servicePrincipals[1].value[0].preferredSingleSignOnMode",
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][0]["servicePrincipals"][0]["value"][1]["displayName"] = json!(["foo"]);
    assert_invalid_value(
        refused(v),
        "tenants[0].servicePrincipals[0].value[1].displayName",
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][0]["servicePrincipals"][0]["value"][0]
        .as_object_mut()
        .unwrap()
        .remove("id");
    assert_invalid_value(
        refused(v),
        "tenants[0].servicePrincipals[0].value[0].id",
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][0]["appRoleAssignedTo"][CUSTOM_APP][0]["value"][1]["principalId"] = json!(true);
    assert_invalid_value(
        refused(v),
        &format!("tenants[0].appRoleAssignedTo[\"{CUSTOM_APP}\"][0].value[1].principalId"),
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][0]["appRoleAssignedTo"][CUSTOM_APP][0]["value"][0]["principalType"] = json!(7);
    assert_invalid_value(
        refused(v),
        &format!("tenants[0].appRoleAssignedTo[\"{CUSTOM_APP}\"][0].value[0].principalType"),
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][0]["servicePrincipalOwners"][FOO_APP][0]["value"][0]["id"] = json!(7);
    assert_invalid_value(
        refused(v),
        &format!("tenants[0].servicePrincipalOwners[\"{FOO_APP}\"][0].value[0].id"),
        CONTOSO,
    );

    let mut v = input();
    v["tenants"][0]["servicePrincipals"][1]["value"] = json!({});
    assert_eq!(refused(v).code(), "INVALID_INPUT");
}

#[test]
fn service_principal_properties_guestpass_does_not_read_may_hold_anything() {
    let mut v = input();
    let sp = &mut v["tenants"][0]["servicePrincipals"][0]["value"][0];
    sp["tags"] = json!(42);
    sp["appRoleAssignmentRequired"] = json!("yes");
    sp["accountEnabled"] = json!(null);
    sp["someFutureProperty"] = json!({ "nested": [1, 2, 3] });
    let row = &mut v["tenants"][0]["appRoleAssignedTo"][CUSTOM_APP][0]["value"][0];
    row["appRoleId"] = json!(false);
    row["principalDisplayName"] = json!({});
    row["resourceId"] = json!(12);
    v["tenants"][0]["servicePrincipalOwners"][CUSTOM_APP][0]["value"][0]["mail"] = json!([]);
    assert_eq!(import(v).unwrap(), import(input()).unwrap());
}

#[test]
fn app_owners_and_assignees_must_be_of_the_same_tenant() {
    // A principal the input does not hold.
    let mut v = input();
    v["tenants"][0]["appRoleAssignedTo"][CUSTOM_APP][0]["value"][0]["principalId"] =
        json!("00000000-dead-4000-8000-000000000000");
    let e = refused(v);
    assert!(
        matches!(e, Error::DanglingReference { ref from, field: "assignments", .. } if from == CUSTOM_APP),
        "{e}"
    );

    // A user of Fabrikam assigned to a Contoso app.
    let mut v = input();
    v["tenants"][0]["appRoleAssignedTo"][WEB_APP][0]["value"][0]["principalId"] =
        json!("a11ce000-0000-4000-8000-00000000000a");
    let e = refused(v);
    assert!(
        matches!(
            e,
            Error::CrossTenantReference {
                field: "assignments",
                ..
            }
        ),
        "{e}"
    );

    // A group said to be a user.
    let mut v = input();
    v["tenants"][0]["appRoleAssignedTo"][CUSTOM_APP][0]["value"][1]["principalType"] =
        json!("User");
    assert_eq!(refused(v).code(), "DANGLING_REFERENCE");

    // Without principalType, a user or a group of the tenant.
    let mut v = input();
    for row in v["tenants"][0]["appRoleAssignedTo"][CUSTOM_APP][0]["value"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .take(2)
    {
        row.as_object_mut().unwrap().remove("principalType");
    }
    assert_eq!(
        app(&import(v).unwrap(), CUSTOM_APP).assignments,
        vec![BOB, "5a1e5000-0000-4000-8000-000000000101"]
    );

    // A principal type Graph does not document: not assigned (the conservative answer).
    let mut v = input();
    for row in v["tenants"][0]["appRoleAssignedTo"][CUSTOM_APP][0]["value"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .filter(|row| row["principalId"] == BOB)
    {
        row["principalType"] = json!("Device");
    }
    let assigned = app(&import(v).unwrap(), CUSTOM_APP).assignments.clone();
    assert!(!assigned.iter().any(|id| id == BOB), "{assigned:?}");

    // An owner of another tenant.
    let mut v = input();
    v["tenants"][0]["servicePrincipalOwners"][FOO_APP][0]["value"][0]["id"] =
        json!("a11ce000-0000-4000-8000-00000000000a");
    let e = refused(v);
    assert!(
        matches!(e, Error::CrossTenantReference { field: "owners", ref from, .. } if from == FOO_APP),
        "{e}"
    );

    // Owners or assignments of a service principal the tenant's pages do not hold.
    for list in ["servicePrincipalOwners", "appRoleAssignedTo"] {
        let mut v = input();
        let pages = v["tenants"][0][list][CUSTOM_APP].clone();
        v["tenants"][1][list] = json!({ CUSTOM_APP: pages });
        let e = refused(v);
        assert!(
            matches!(e, Error::DanglingReference { field, ref to, .. } if field == list && to == CUSTOM_APP),
            "{e}"
        );
    }
}

#[test]
fn a_service_principal_id_is_unique_across_the_input() {
    let mut v = input();
    v["tenants"][0]["servicePrincipals"][1]["value"][0]["id"] = json!(BOB);
    assert_eq!(refused(v), Error::DuplicateId(BOB.into()));
    let mut v = input();
    let sp = v["tenants"][0]["servicePrincipals"][1]["value"][0].clone();
    v["tenants"][1]["servicePrincipals"] = json!([{ "value": [sp] }]);
    assert_eq!(refused(v), Error::DuplicateId(WEB_APP.into()));
}
