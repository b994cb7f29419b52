#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! `Directory.fromSources`: pages built from Microsoft's published examples
//! (tests/fixtures/sources/README.md names each) → tenants with their policies, people
//! with their licences, flows with their sharing, approvals; and one test per rule.

mod common;

use guestpass::b2b::{self, HomeFacts, Outcome, Unknown, POWER_AUTOMATE_APP_ID};
use guestpass::directory::Directory;
use guestpass::json_path::Origin;
use guestpass::model::{
    AllowInvitesFrom, ApprovalStatus, ApprovalType, Cloud, GuestAccess, Trigger, World,
};
use guestpass::sources::{world_from_sources, world_from_sources_json, SourcesInput};
use guestpass::Error;
use serde_json::{json, Value};

const INPUT: &str = include_str!("fixtures/sources/input.json");
const CONTOSO: &str = "d87a7535-dd31-4437-bfe1-95340acd55c5";
const FABRIKAM: &str = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const CREATOR: &str = "da8f7aea-cf43-497f-ad62-c2feae89a194";
const CAN_EDIT: &str = "8323f7fe-e8a4-46c4-b5ea-f4864887d160";
const OWNER2: &str = "fe36f75e-c103-410b-a18a-2bf6df06ac3a";
const ALICE_GUEST: &str = "a11ce000-0000-4000-8000-0000000000c1";
const BOB_GUEST: &str = "b0b00000-0000-4000-8000-0000000000c2";
const ALICE_HOME: &str = "a11ce000-0000-4000-8000-000000000001";
const BOB_HOME: &str = "b0b00000-0000-4000-8000-000000000002";
const DISABLED: &str = "d15ab1ed-0000-4000-8000-000000000003";
const RUNNERS: &str = "9a7d0000-0000-4000-8000-00000000c001";
const PARTNERS: &str = "9a7d0000-0000-4000-8000-00000000f001";

fn input() -> Value {
    serde_json::from_str(INPUT).unwrap()
}

/// Reads `v` through `SourcesInput` (a `Value` tree) and, beside it, straight from its
/// JSON text into typed rows (what `Directory.fromSources` runs): both must give the
/// same world or the same error, code and message.
fn import(v: Value) -> Result<World, Error> {
    let text = v.to_string();
    let input: SourcesInput = serde_json::from_value(v).map_err(Error::from)?;
    let read = world_from_sources(&input);
    let fast = world_from_sources_json(&text, Origin::Object);
    common::assert_same_outcome(&read, &fast, "source pages");
    read
}

fn directory(v: Value) -> Directory {
    Directory::from_world(import(v).unwrap()).unwrap()
}

fn world() -> World {
    let read = world_from_sources(&SourcesInput::from_json(INPUT).unwrap()).unwrap();
    assert_eq!(world_from_sources_json(INPUT, Origin::Text).unwrap(), read);
    read
}

#[test]
fn the_pages_build_a_valid_directory_that_survives_a_snapshot() {
    let dir = Directory::from_sources(&SourcesInput::from_json(INPUT).unwrap()).unwrap();
    let again = Directory::from_bytes(&dir.to_bytes().unwrap()).unwrap();
    assert_eq!(again.to_world(), dir.to_world());
    let json = Directory::from_json_str(&dir.to_json_string().unwrap()).unwrap();
    assert_eq!(json.to_world(), dir.to_world());
}

#[test]
fn authorization_policy_gives_guest_access_and_who_may_invite() {
    let w = world();
    let s = &w.tenants.iter().find(|t| t.id == CONTOSO).unwrap().settings;
    assert_eq!(s.guest_access, GuestAccess::Restricted);
    assert_eq!(
        s.allow_invites_from,
        AllowInvitesFrom::AdminsGuestInvitersAndAllMembers
    );
    for (role, level) in [
        (
            "a0b1b346-4d3e-4e8b-98f8-753987be4970",
            GuestAccess::SameAsMember,
        ),
        ("10dae51f-b6af-4016-8d66-8c2a99b929b3", GuestAccess::Limited),
    ] {
        let mut v = input();
        v["graph"]["tenants"][0]["authorizationPolicy"]["guestUserRoleId"] = json!(role);
        assert_eq!(import(v).unwrap().tenants[0].settings.guest_access, level);
    }
    let mut v = input();
    v["graph"]["tenants"][0]["authorizationPolicy"]["guestUserRoleId"] = json!("not-a-role");
    let e = import(v).unwrap_err();
    assert_eq!(e.code(), "INVALID_VALUE");
    assert!(
        e.to_string()
            .contains("authorizationPolicy.guestUserRoleId"),
        "{e}"
    );
}

#[test]
fn cross_tenant_policy_gives_clouds_default_and_partner_targets() {
    let w = world();
    let s = &w.tenants[0].settings;
    assert_eq!(s.enabled_clouds, vec![Cloud::Usgov]);
    assert!(s.cross_tenant_access.default.inbound && s.cross_tenant_access.default.outbound);
    assert!(s.cross_tenant_access.default.inbound_targets.is_none());
    let p = &s.cross_tenant_access.partners[FABRIKAM];
    assert_eq!(p.inbound, Some(true));
    assert_eq!(p.outbound, None, "a null direction inherits the default");
    let t = p.inbound_targets.as_ref().unwrap();
    assert_eq!(t.users_and_groups, vec![PARTNERS.to_string()]);
    assert!(t.users_and_groups_allowed && t.applications_allowed);
    assert_eq!(
        t.applications,
        vec![POWER_AUTOMATE_APP_ID.to_string(), "Office365".to_string()]
    );
}

#[test]
fn a_partner_outside_the_input_is_left_out_and_the_tenant_loads() {
    let mut v = input();
    let page = &mut v["graph"]["tenants"][0]["crossTenantAccessPartners"][0]["value"];
    let mut outside = page[0].clone();
    outside["tenantId"] = json!("0e7a1d00-0000-4000-8000-0000000000ff");
    page.as_array_mut().unwrap().push(outside);
    let dir = directory(v);
    let partners = &dir
        .tenant(CONTOSO)
        .unwrap()
        .settings
        .cross_tenant_access
        .partners;
    assert_eq!(partners.keys().collect::<Vec<_>>(), vec![FABRIKAM]);
}

#[test]
fn a_partner_blocking_all_users_turns_the_direction_off() {
    let mut v = input();
    let inbound = &mut v["graph"]["tenants"][0]["crossTenantAccessPartners"][0]["value"][0]
        ["b2bCollaborationInbound"];
    inbound["usersAndGroups"] = json!({ "accessType": "blocked", "targets": [{ "target": "AllUsers", "targetType": "user" }] });
    let dir = directory(v);
    let e = dir.sign_in(CONTOSO, ALICE_GUEST).unwrap_err();
    assert_eq!(e.code(), "COLLABORATION_BLOCKED");
    assert!(
        e.to_string()
            .contains(&format!("crossTenantAccess.partners.{FABRIKAM}.inbound")),
        "{e}"
    );
}

#[test]
fn a_partner_rule_for_some_groups_is_decided_per_person() {
    let dir = directory(input());
    // Alice is in the partner group at home: in.
    dir.sign_in(CONTOSO, ALICE_GUEST).unwrap();
    // Bob is not: the targets name the setting that decided.
    let e = dir.sign_in(CONTOSO, BOB_GUEST).unwrap_err();
    assert_eq!(e.code(), "COLLABORATION_BLOCKED");
    assert!(
        e.to_string().contains(&format!(
            "crossTenantAccess.partners.{FABRIKAM}.inboundTargets.usersAndGroups"
        )),
        "{e}"
    );
    // A rule that blocks the named group instead lets Bob in and keeps Alice out.
    let mut v = input();
    v["graph"]["tenants"][0]["crossTenantAccessPartners"][0]["value"][0]
        ["b2bCollaborationInbound"]["usersAndGroups"]["accessType"] = json!("blocked");
    let dir = directory(v);
    dir.sign_in(CONTOSO, BOB_GUEST).unwrap();
    assert_eq!(
        dir.sign_in(CONTOSO, ALICE_GUEST).unwrap_err().code(),
        "COLLABORATION_BLOCKED"
    );
}

#[test]
fn a_partner_rule_for_some_applications_is_decided_per_application() {
    let dir = directory(input());
    let alice = dir.user(ALICE_GUEST).unwrap();
    let none = HomeFacts::default();
    let allowed = |app| b2b::collaboration_for(&dir, alice, app, &none).unwrap();
    assert!(allowed(Some(POWER_AUTOMATE_APP_ID)).allowed);
    let other = allowed(Some("00000000-0000-0000-0000-00000000beef"));
    assert!(!other.allowed);
    assert!(other.blockers[0]
        .setting
        .ends_with("inboundTargets.applications"));
    // An application nobody named is unknown: neither a false "no" nor a false "yes".
    let unnamed = allowed(None);
    assert_eq!(unnamed.outcome, Outcome::Unknown);
    assert_eq!(unnamed.unknown[0].code, Unknown::TargetedRule);
    assert_eq!(unnamed.unknown[0].fact, "targetedRulesAllow");
    // The caller settles it either way.
    let told = |allow| HomeFacts {
        targeted_rules_allow: Some(allow),
        ..HomeFacts::default()
    };
    assert!(
        b2b::collaboration_for(&dir, alice, None, &told(true))
            .unwrap()
            .allowed
    );
    let no = b2b::collaboration_for(&dir, alice, None, &told(false)).unwrap();
    assert_eq!(no.outcome, Outcome::Denied);
    assert_eq!(no.blockers[0].setting, "homeFacts.targetedRulesAllow");
}

#[test]
fn a_rule_naming_people_the_directory_cannot_see_stays_unknown() {
    // Without Fabrikam's pages, Bob's home user is unknown: the group rule can say
    // neither no nor yes (TARGETED_RULE_UNKNOWN), and signing in is not refused.
    let mut v = input();
    v["graph"]["tenants"][0]["users"][1]["value"][1]["mail"] = json!("bob@elsewhere.example");
    let dir = directory(v);
    let bob = dir.user(BOB_GUEST).unwrap();
    assert!(bob.home_user_id.is_none() && bob.home_tenant_id.is_none());
    // Which tenant he comes from decides whether the partner rule applies to him.
    let session = dir.sign_in(CONTOSO, BOB_GUEST).unwrap();
    let answer = session.collaboration(&dir).unwrap();
    assert_eq!(answer.outcome, Outcome::Unknown);
    assert_eq!(answer.unknown[0].code, Unknown::HomeTenant);
    // Told he is from Fabrikam, the rule applies, and it names groups he cannot be
    // matched against.
    let facts = HomeFacts {
        tenant_id: Some(FABRIKAM.into()),
        ..HomeFacts::default()
    };
    let session = dir.sign_in_with(CONTOSO, BOB_GUEST, facts).unwrap();
    let answer = session.collaboration(&dir).unwrap();
    assert_eq!(answer.outcome, Outcome::Unknown);
    assert_eq!(answer.unknown[0].code, Unknown::TargetedRule);
}

#[test]
fn licences_count_only_enabled_plans_with_power_automate() {
    let w = world();
    let licenses = |id: &str| {
        w.users
            .iter()
            .find(|u| u.id == id)
            .unwrap()
            .licenses
            .clone()
    };
    assert_eq!(
        licenses(CREATOR),
        vec!["powerAutomate"],
        "ProcessSimple, Enabled"
    );
    assert!(
        licenses(CAN_EDIT).is_empty(),
        "Exchange and SharePoint only"
    );
    assert!(licenses(OWNER2).is_empty(), "a Suspended plan");
    // assignedLicenses + subscribedSkus: FLOW_O365_P2 on, and turned off for Bob.
    assert_eq!(licenses(ALICE_HOME), vec!["powerAutomate"]);
    assert!(
        licenses(BOB_HOME).is_empty(),
        "the Power Automate plan is in disabledPlans"
    );
}

#[test]
fn a_disabled_account_cannot_sign_in() {
    let dir = directory(input());
    assert!(!dir.user(DISABLED).unwrap().account_enabled);
    let e = dir.sign_in(CONTOSO, DISABLED).unwrap_err();
    assert_eq!(e.code(), "ACCOUNT_DISABLED");
    dir.sign_in(CONTOSO, CREATOR).unwrap();
}

#[test]
fn flows_keep_state_trigger_creator_co_owners_and_run_only() {
    let w = world();
    let f1 = w
        .flows
        .iter()
        .find(|f| f.id.starts_with("1c6ee23a"))
        .unwrap();
    assert_eq!(f1.tenant_id, CONTOSO);
    assert_eq!(f1.display_name, "Send myself a reminder in 10 minutes");
    assert_eq!(f1.trigger, Trigger::Manual);
    assert!(f1.enabled);
    assert_eq!(f1.owner_id, CREATOR);
    assert_eq!(f1.co_owners, vec![CAN_EDIT.to_string(), OWNER2.to_string()]);
    assert_eq!(
        f1.run_only,
        vec![RUNNERS.to_string(), ALICE_GUEST.to_string()]
    );
    let f2 = w
        .flows
        .iter()
        .find(|f| f.id.starts_with("3989cb59"))
        .unwrap();
    assert_eq!(f2.trigger, Trigger::Scheduled);
    assert!(!f2.enabled, "Suspended is off");
}

#[test]
fn flow_rules_refuse_what_cannot_be() {
    // Run-only users on a scheduled flow.
    let mut v = input();
    v["powerAutomate"][0]["flows"][0]["value"][0]["properties"]["definitionSummary"]["triggers"] =
        json!([{ "type": "Recurrence" }]);
    assert_eq!(
        import(v).unwrap_err().code(),
        "RUN_ONLY_REQUIRES_MANUAL_TRIGGER"
    );
    // A state Power Automate does not have.
    let mut v = input();
    v["powerAutomate"][0]["flows"][1]["value"][0]["properties"]["state"] = json!("Paused");
    let e = import(v).unwrap_err();
    assert_eq!(e.code(), "INVALID_VALUE");
    assert!(
        e.to_string()
            .contains("powerAutomate[0].flows[1].value[0].properties.state"),
        "{e}"
    );
    // A permission for someone of no tenant here.
    let mut v = input();
    v["powerAutomate"][0]["permissions"]["1c6ee23a-a835-44bc-a4f5-462b658efc13"][0]["value"][0]
        ["properties"]["principal"]["id"] = json!("00000000-dead-4000-8000-000000000000");
    assert_eq!(import(v).unwrap_err().code(), "DANGLING_REFERENCE");
    // A creator of another tenant.
    let mut v = input();
    v["powerAutomate"][0]["flows"][0]["value"][0]["properties"]["creator"]["objectId"] =
        json!(ALICE_HOME);
    assert_eq!(import(v).unwrap_err().code(), "CROSS_TENANT_REFERENCE");
    // An environment of a tenant the Graph pages do not hold.
    let mut v = input();
    v["powerAutomate"][0]["tenantId"] = json!("nowhere");
    assert_eq!(import(v).unwrap_err().code(), "DANGLING_REFERENCE");
}

#[test]
fn approvals_map_status_type_approvers_and_committed_responses() {
    let w = world();
    let a1 = w
        .approvals
        .iter()
        .find(|a| a.title == "Invoice 4711")
        .unwrap();
    assert_eq!(a1.status, ApprovalStatus::Completed);
    assert_eq!(a1.approval_type, ApprovalType::FirstToRespond);
    assert_eq!(a1.requester_id, CREATOR);
    assert_eq!(a1.approvers, vec![CAN_EDIT.to_string()]);
    assert_eq!(a1.outcome.as_deref(), Some("Approve"));
    assert_eq!(a1.responses.len(), 1);
    let a2 = w
        .approvals
        .iter()
        .find(|a| a.title == "Budget 2025")
        .unwrap();
    assert_eq!(a2.status, ApprovalStatus::Pending);
    assert_eq!(a2.approval_type, ApprovalType::EveryoneMustApprove);
    // The reassigned request is not an approver; the draft response is not a response.
    assert_eq!(
        a2.approvers,
        vec![CAN_EDIT.to_string(), ALICE_GUEST.to_string()]
    );
    assert_eq!(a2.responses.len(), 1);
    assert_eq!(a2.responses[0].approver_id, ALICE_GUEST);
    assert_eq!(a2.response_options, vec!["Approve", "Reject"]);
}

#[test]
fn approval_rows_naming_nobody_are_refused() {
    let mut v = input();
    v["dataverse"][0]["approvalRequests"][0]["value"][0]["_ownerid_value"] =
        json!("5a1e0001-0000-4000-8000-0000000000ff");
    assert_eq!(import(v).unwrap_err().code(), "DANGLING_REFERENCE");
    let mut v = input();
    v["dataverse"][0]["approvalResponses"][0]["value"][0]
        ["_msdyn_flow_approvalresponse_approval_value"] =
        json!("ab000001-0000-4000-8000-0000000000ff");
    assert_eq!(import(v).unwrap_err().code(), "DANGLING_REFERENCE");
    let mut v = input();
    v["dataverse"][0]["approvals"][0]["value"][0]["statuscode"] = json!("Completed");
    assert_eq!(import(v).unwrap_err().code(), "INVALID_VALUE");
}

#[test]
fn service_pages_keep_unknown_fields_but_the_envelope_refuses_them() {
    let mut v = input();
    v["powerAutomate"][0]["flows"][0]["value"][0]["properties"]["aNewField"] = json!({ "x": 1 });
    v["dataverse"][0]["approvals"][0]["value"][0]["msdyn_new_column"] = json!(3);
    import(v).unwrap();
    let mut v = input();
    v["powerAutomate"][0]["flowz"] = json!([]);
    assert_eq!(import(v).unwrap_err().code(), "UNKNOWN_FIELD");
}

// Issue 21, defect 6: Graph guests misread.

#[test]
fn a_mail_with_a_trailing_space_still_finds_the_home_tenant() {
    let w = world();
    let alice = w.users.iter().find(|u| u.id == ALICE_GUEST).unwrap();
    assert_eq!(alice.mail.as_deref(), Some("alice@fabrikam.com"));
    assert_eq!(alice.home_tenant_id.as_deref(), Some(FABRIKAM));
    assert_eq!(alice.home_user_id.as_deref(), Some(ALICE_HOME));
}

#[test]
fn a_lowercase_ext_upn_without_user_type_is_a_guest_with_a_home() {
    let w = world();
    let bob = w.users.iter().find(|u| u.id == BOB_GUEST).unwrap();
    assert!(bob.is_guest());
    assert_eq!(bob.home_user_id.as_deref(), Some(BOB_HOME));
}

#[test]
fn two_tenants_claiming_one_domain_are_refused() {
    let mut v = input();
    v["graph"]["tenants"][1]["organization"]["verifiedDomains"][0]["name"] = json!("Contoso.com");
    let e = import(v).unwrap_err();
    assert_eq!(e.code(), "INVALID_VALUE");
    assert!(
        e.to_string()
            .contains("tenants[1].organization.verifiedDomains"),
        "{e}"
    );
}

/// Found by fuzzing `approval_pages`: with two approvals missing, which one the error
/// named depended on a hash map's order. It names the first row's, on both import paths.
#[test]
fn a_missing_approval_is_reported_in_row_order() {
    let mut v = input();
    v["dataverse"][0]["approvals"] = json!([{ "value": [] }]);
    let first = "ab000001-0000-4000-8000-000000000001";
    for _ in 0..8 {
        let e = import(v.clone()).unwrap_err();
        assert_eq!(e.code(), "DANGLING_REFERENCE");
        assert!(e.to_string().contains(first), "{e}");
        let text = guestpass::sources::world_from_sources_json(
            &v.to_string(),
            guestpass::json_path::Origin::Text,
        )
        .unwrap_err();
        assert_eq!(text.to_string(), e.to_string());
    }
}

// Issue 22 item 3: "Flow Approval (msdyn_flow_flowapproval)" links an approval to its flow.

const FLOW_BUTTON: &str = "1c6ee23a-a835-44bc-a4f5-462b658efc13";
const FLOW_DIGEST: &str = "3989cb59-ce1a-4a5c-bb78-257c5c39381d";
const INVOICE: &str = "ab000001-0000-4000-8000-000000000001";
const BUDGET: &str = "ab000001-0000-4000-8000-000000000002";

fn flow_of(w: &World, approval: &str) -> Option<String> {
    let a = w.approvals.iter().find(|a| a.id == approval).unwrap();
    a.flow_id.clone()
}

/// The fixture's link rows replaced by `rows`.
fn with_links(rows: Value) -> Value {
    let mut v = input();
    v["dataverse"][0]["flowApprovals"] = json!([{ "value": rows }]);
    v
}

fn link(approval: &str, flow: Value) -> Value {
    json!({ "_msdyn_flow_flowapproval_approval_value": approval,
            "msdyn_flow_flowapproval_flowid": flow })
}

#[test]
fn an_approval_names_the_flow_that_asked_for_it_when_that_flow_is_loaded() {
    let w = world();
    // The fixture's first link names a flow of powerAutomate[0]; the second, a flow no
    // environment here lists: no flow is invented for it.
    assert_eq!(flow_of(&w, INVOICE).as_deref(), Some(FLOW_BUTTON));
    assert_eq!(flow_of(&w, BUDGET), None);
    // Without the table, no approval has a flow.
    let mut v = input();
    v["dataverse"][0]
        .as_object_mut()
        .unwrap()
        .remove("flowApprovals");
    let w = import(v).unwrap();
    assert!(w.approvals.iter().all(|a| a.flow_id.is_none()));
}

#[test]
fn flow_links_keep_the_first_ignore_unlisted_approvals_and_match_ids_in_any_case() {
    let w = import(with_links(json!([
        link(INVOICE, json!(FLOW_BUTTON.to_uppercase())),
        link(INVOICE, json!(FLOW_DIGEST)),
        link("ab000001-0000-4000-8000-0000000000ff", json!(FLOW_DIGEST)),
        link(BUDGET, Value::Null),
        link(BUDGET, json!(FLOW_DIGEST)),
    ])))
    .unwrap();
    assert_eq!(flow_of(&w, INVOICE).as_deref(), Some(FLOW_BUTTON));
    // The first link of BUDGET names no flow; it still is the one that counts.
    assert_eq!(flow_of(&w, BUDGET), None);
}

#[test]
fn a_flow_of_another_tenant_is_no_flow_of_the_approval() {
    let mut v = with_links(json!([link(INVOICE, json!("fab-flow"))]));
    let fab_env = json!({
        "tenantId": FABRIKAM, "environment": format!("Default-{FABRIKAM}"),
        "flows": [{ "value": [{ "name": "fab-flow", "properties": {
            "displayName": "Fabrikam's", "state": "Started",
            "creator": { "objectId": ALICE_HOME } } }] }] });
    v["powerAutomate"].as_array_mut().unwrap().push(fab_env);
    let w = import(v).unwrap();
    assert!(w.flows.iter().any(|f| f.id == "fab-flow"));
    assert_eq!(flow_of(&w, INVOICE), None);
}

#[test]
fn unreadable_flow_links_are_refused_with_their_path() {
    for (row, column) in [
        (
            link(INVOICE, json!(7)),
            "dataverse[0].flowApprovals[0].value[0].msdyn_flow_flowapproval_flowid",
        ),
        (
            link(INVOICE, json!({ "x": 1 })),
            "dataverse[0].flowApprovals[0].value[0].msdyn_flow_flowapproval_flowid",
        ),
        (
            json!({ "msdyn_flow_flowapproval_flowid": FLOW_BUTTON }),
            "dataverse[0].flowApprovals[0].value[0]._msdyn_flow_flowapproval_approval_value",
        ),
        (
            link("", json!(FLOW_BUTTON)),
            "dataverse[0].flowApprovals[0].value[0]._msdyn_flow_flowapproval_approval_value",
        ),
    ] {
        let e = import(with_links(json!([row]))).unwrap_err();
        assert_eq!(e.code(), "INVALID_VALUE", "{e}");
        assert!(e.to_string().contains(column), "{e}");
    }
    // A wrong type is refused on any row, even one whose approval is not listed.
    let e = import(with_links(json!([link("unlisted", json!(false))]))).unwrap_err();
    assert_eq!(e.code(), "INVALID_VALUE", "{e}");
    let mut v = input();
    v["dataverse"][0]["flowApprovals"] = json!({});
    assert!(import(v).is_err());
}

#[test]
fn world_json_refuses_a_flow_id_naming_no_flow_of_the_tenant() {
    let base = world();
    for (flow, code) in [
        ("no-such-flow", "DANGLING_REFERENCE"),
        ("fab-flow", "CROSS_TENANT_REFERENCE"),
    ] {
        let mut w = base.clone();
        w.flows.push(guestpass::model::Flow {
            id: "fab-flow".into(),
            tenant_id: FABRIKAM.into(),
            display_name: "Fabrikam's".into(),
            trigger: Trigger::Automated,
            enabled: true,
            owner_id: ALICE_HOME.into(),
            co_owners: vec![],
            run_only: vec![],
            environment: None,
        });
        let a = w.approvals.iter_mut().find(|a| a.id == BUDGET).unwrap();
        a.flow_id = Some(flow.into());
        let e = Directory::from_world(w).unwrap_err();
        assert_eq!(e.code(), code, "{e}");
        assert!(e.to_string().contains("flowId"), "{e}");
    }
}

#[test]
fn a_flow_id_survives_json_and_snapshots_and_removing_its_flow_unlinks_it() {
    let mut dir = directory(input());
    let json = dir.to_json_string().unwrap();
    assert!(json.contains(&format!("\"flowId\":\"{FLOW_BUTTON}\"")));
    assert_eq!(
        Directory::from_json_str(&json).unwrap().to_world(),
        dir.to_world()
    );
    let again = Directory::from_bytes(&dir.to_bytes().unwrap()).unwrap();
    assert_eq!(
        flow_of(&again.to_world(), INVOICE).as_deref(),
        Some(FLOW_BUTTON)
    );
    // A flow an approval names cannot move to another tenant…
    let mut moved = dir.flow(FLOW_BUTTON).unwrap().clone();
    moved.tenant_id = FABRIKAM.into();
    moved.owner_id = ALICE_HOME.into();
    moved.co_owners.clear();
    moved.run_only.clear();
    assert_eq!(dir.upsert_flow(moved).unwrap_err().code(), "IN_USE");
    // …and removing it leaves the approval without a flow, as a fresh import would.
    dir.remove_flow(FLOW_BUTTON).unwrap();
    let w = dir.to_world();
    assert_eq!(flow_of(&w, INVOICE), None);
    Directory::from_world(w).unwrap();
}

/// A person's approvals name the flow only when they hold a role on it (issue 17's rule,
/// which views follow): the guest approver of BUDGET runs the button flow (run-only) and
/// has no role on the scheduled one.
#[test]
fn a_person_sees_an_approvals_flow_only_when_they_hold_a_role_on_it() {
    use guestpass::approvals::{ApprovalBox, ApprovalQuery, StatusFilter};
    let now = guestpass::timestamp::Timestamp::parse("now", "2024-03-05T00:00:00Z").unwrap();
    let received = ApprovalQuery {
        mailbox: ApprovalBox::Received,
        status: StatusFilter::All,
    };
    for (flow, shown) in [(FLOW_BUTTON, true), (FLOW_DIGEST, false)] {
        let mut v = with_links(json!([link(BUDGET, json!(flow))]));
        // Fabrikam's guests collaborate by the default rule here (the partner rule admits
        // only some groups).
        v["graph"]["tenants"][0]["crossTenantAccessPartners"] = json!([]);
        let dir = directory(v);
        assert_eq!(flow_of(&dir.to_world(), BUDGET).as_deref(), Some(flow));
        let guest = dir.sign_in(CONTOSO, ALICE_GUEST).unwrap();
        let list = guest.approvals(&dir, &received, now).unwrap();
        assert!(list.blocked.is_none(), "{:?}", list.blocked);
        let item = list.items.iter().find(|i| i.approval.id == BUDGET).unwrap();
        let expected = shown.then(|| flow.to_string());
        assert_eq!(item.approval.flow_id, expected, "{flow}");
        // Their view holds the flow exactly then, and answers alike.
        let view = Directory::from_view(&dir.view_for(CONTOSO, ALICE_GUEST).unwrap()).unwrap();
        assert_eq!(view.directory().flow(flow).is_some(), shown);
        let seen = view
            .session()
            .approvals(view.directory(), &received, now)
            .unwrap();
        assert_eq!(
            serde_json::to_string(&seen).unwrap(),
            serde_json::to_string(&list).unwrap()
        );
        // The requester owns both flows and always sees it.
        let creator = dir.sign_in(CONTOSO, CREATOR).unwrap();
        let sent = ApprovalQuery {
            mailbox: ApprovalBox::Sent,
            status: StatusFilter::All,
        };
        let mine = creator.approvals(&dir, &sent, now).unwrap();
        let item = mine.items.iter().find(|i| i.approval.id == BUDGET).unwrap();
        assert_eq!(item.approval.flow_id.as_deref(), Some(flow));
    }
}

#[test]
fn flows_and_approvals_keep_the_environment_they_came_from() {
    let default = format!("Default-{CONTOSO}");
    let w = world();
    assert!(!w.flows.is_empty() && !w.approvals.is_empty());
    assert!(w
        .flows
        .iter()
        .all(|f| f.environment.as_deref() == Some(&default)));
    assert!(w
        .approvals
        .iter()
        .all(|a| a.environment.as_deref() == Some(&default)));
    // The name is the entry's, whatever it is: nothing is derived from the tenant.
    let mut v = input();
    v["powerAutomate"][0]["environment"] = json!("Sales-1");
    v["dataverse"][0]["environment"] = json!("Sales-2");
    let w = import(v).unwrap();
    assert!(w
        .flows
        .iter()
        .all(|f| f.environment.as_deref() == Some("Sales-1")));
    assert!(w
        .approvals
        .iter()
        .all(|a| a.environment.as_deref() == Some("Sales-2")));
}

#[test]
fn an_environment_survives_world_json_and_snapshots_and_a_too_long_one_is_refused() {
    let dir = directory(input());
    let json = dir.to_json_string().unwrap();
    assert!(json.contains(&format!("\"environment\":\"Default-{CONTOSO}\"")));
    let again = Directory::from_json_str(&json).unwrap();
    assert_eq!(again.to_world(), dir.to_world());
    let bytes = Directory::from_bytes(&dir.to_bytes().unwrap()).unwrap();
    assert_eq!(bytes.to_world(), dir.to_world());
    // Absent stays absent, in JSON and in a snapshot.
    let mut w = dir.to_world();
    w.flows[0].environment = None;
    w.approvals[0].environment = None;
    let none = Directory::from_world(w.clone()).unwrap();
    assert_eq!(
        Directory::from_bytes(&none.to_bytes().unwrap())
            .unwrap()
            .to_world(),
        w
    );
    let text = none.to_json_string().unwrap();
    assert_eq!(Directory::from_json_str(&text).unwrap().to_world(), w);
    // A short text, like a name: more than MAX_TEXT_CHARS is refused.
    let long = "e".repeat(guestpass::limits::MAX_TEXT_CHARS + 1);
    let mut w = dir.to_world();
    w.flows[0].environment = Some(long.clone());
    let e = Directory::from_world(w).unwrap_err();
    assert_eq!(e.code(), "LIMIT_EXCEEDED", "{e}");
    assert!(e.to_string().contains("environment"), "{e}");
    let mut w = dir.to_world();
    w.approvals[0].environment = Some(long);
    let text = serde_json::to_string(&w).unwrap();
    let e = Directory::from_json_str(&text).unwrap_err();
    assert_eq!(e.code(), "LIMIT_EXCEEDED", "{e}");
    assert!(e.to_string().contains("approvals["), "{e}");
}

// Enterprise apps: Graph's servicePrincipal pages, their owners and app role assignments
// (tests/fixtures/graph/README.md names the published examples).

const CUSTOM_APP: &str = "226859cc-86f0-40d3-b308-f43b3a729b6e";

#[test]
fn enterprise_apps_are_read_from_graph_with_owners_and_assignments() {
    use guestpass::model::SingleSignOn;
    let w = world();
    assert_eq!(w.apps.len(), 3);
    let app = |id: &str| w.apps.iter().find(|a| a.id == id).unwrap();
    let custom = app(CUSTOM_APP);
    assert_eq!(custom.tenant_id, CONTOSO);
    assert_eq!(custom.single_sign_on, SingleSignOn::None);
    assert_eq!(
        custom.owners,
        vec![CREATOR],
        "the owning service principal is skipped"
    );
    assert_eq!(custom.assignments, vec![CREATOR, RUNNERS]);
    assert_eq!(custom.self_service, None);
    assert_eq!(
        app("59e617e5-e447-4adc-8b88-00af644d7c92").single_sign_on,
        SingleSignOn::Saml
    );
    let web = app("43a9e7d8-0469-42f5-8c9d-17ac8c974ba6");
    assert_eq!(web.single_sign_on, SingleSignOn::Oidc);
    assert_eq!(web.assignments, vec![ALICE_GUEST]);
    // The guest reaches the app she is assigned to; Megan reaches hers directly.
    let dir = directory(input());
    let mine = |user| dir.sign_in(CONTOSO, user).unwrap().my_apps(&dir).unwrap();
    assert!(mine(ALICE_GUEST).iter().any(|a| a.id == web.id));
    assert!(mine(CREATOR).iter().any(|a| a.id == CUSTOM_APP));
}

#[test]
fn app_pages_keep_unknown_fields_and_refuse_a_wrong_type_with_its_path() {
    let mut v = input();
    let sp = &mut v["graph"]["tenants"][0]["servicePrincipals"][0]["value"][0];
    sp["aNewProperty"] = json!({ "x": [1] });
    sp["tags"] = json!("not read");
    v["graph"]["tenants"][0]["appRoleAssignedTo"][CUSTOM_APP][0]["value"][0]["appRoleId"] =
        json!(7);
    assert_eq!(import(v).unwrap(), world());
    let mut v = input();
    v["graph"]["tenants"][0]["appRoleAssignedTo"][CUSTOM_APP][0]["value"][0]["principalType"] =
        json!(1);
    let e = import(v).unwrap_err();
    assert_eq!(e.code(), "INVALID_VALUE");
    let Error::InvalidValue { field, reason } = &e else {
        unreachable!()
    };
    assert_eq!(
        field,
        &format!("tenants[0].appRoleAssignedTo[\"{CUSTOM_APP}\"][0].value[0].principalType")
    );
    assert!(reason.contains(CONTOSO), "{reason}");
    let mut v = input();
    v["graph"]["tenants"][0]["servicePrincipalOwnerz"] = json!({});
    assert_eq!(import(v).unwrap_err().code(), "UNKNOWN_FIELD");
}
