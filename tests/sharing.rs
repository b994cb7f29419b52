//! Flow sharing: roles, actions, decisions with their reasons, batches, and changing
//! shares — each refused change leaving the directory exactly as it was.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use guestpass::directory::Directory;
use guestpass::sharing::{self, Action, Decision, Person, Role, Share};
use guestpass::Error;

fn world() -> Directory {
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sharing.json"
    ))
    .expect("fixture");
    Directory::from_json_str(&json).expect("fixture is valid")
}

/// The decision for `user` (signed into contoso) through the session API.
fn check(dir: &Directory, user: &str, action: &str, flow: &str) -> Decision {
    dir.sign_in("contoso", user)
        .unwrap()
        .check(dir, action, flow)
        .unwrap()
}

fn code(d: &Decision) -> Option<&'static str> {
    d.code.map(|c| c.as_str())
}

fn share(role: Role, principal: &str) -> Share {
    Share {
        principal: principal.into(),
        role,
    }
}

#[test]
fn the_owner_may_do_every_action() {
    let dir = world();
    for action in Action::ALL {
        let d = check(&dir, "bob", action.as_str(), "invoice-flow");
        assert!(d.allowed, "{action}: {d:?}");
        assert_eq!(d.role, Some(Role::Owner));
        assert!(d.via.is_empty());
        assert_eq!(d.code, None);
    }
}

#[test]
fn a_co_owner_may_do_every_action_including_delete() {
    let dir = world();
    for action in Action::ALL {
        let d = check(&dir, "carla", action.as_str(), "invoice-flow");
        assert!(d.allowed, "{action}: {d:?}");
        assert_eq!(d.role, Some(Role::CoOwner));
        assert!(d.via.is_empty(), "carla is named on the flow");
    }
}

#[test]
fn run_only_may_run_and_nothing_else_with_a_code_naming_the_action() {
    let dir = world();
    let run = check(&dir, "dave", "run", "invoice-flow");
    assert!(run.allowed);
    assert_eq!(run.role, Some(Role::RunOnly));
    let expected = [
        ("edit", "RUN_ONLY_CANNOT_EDIT"),
        ("share", "RUN_ONLY_CANNOT_SHARE"),
        ("viewRuns", "RUN_ONLY_CANNOT_VIEW_RUNS"),
        ("cancelRun", "RUN_ONLY_CANNOT_CANCEL_RUN"),
        ("resubmitRun", "RUN_ONLY_CANNOT_RESUBMIT_RUN"),
        ("delete", "RUN_ONLY_CANNOT_DELETE"),
    ];
    for (action, want) in expected {
        let d = check(&dir, "dave", action, "invoice-flow");
        assert!(!d.allowed);
        assert_eq!(code(&d), Some(want));
        assert_eq!(d.role, Some(Role::RunOnly), "the role that decided is told");
        assert!(!d.message.is_empty());
    }
}

#[test]
fn membership_through_nested_groups_counts_and_via_is_the_group_chain() {
    let dir = world();
    // dave is in sales, sales is in emea, invoice-flow is shared run-only with emea.
    let d = check(&dir, "dave", "run", "invoice-flow");
    assert_eq!(d.via, ["sales", "emea"]);
    // nightly-report is shared with emea as co-owners.
    let d = check(&dir, "dave", "edit", "nightly-report");
    assert!(d.allowed);
    assert_eq!(d.role, Some(Role::CoOwner));
    assert_eq!(d.via, ["sales", "emea"]);
    // One level.
    let d = check(&dir, "dave", "run", "paused-flow");
    assert_eq!(d.via, ["sales"]);
}

#[test]
fn the_strongest_role_decides_and_its_path_is_told() {
    let dir = world();
    // erin is run-only by name and co-owner through finance: co-owner decides.
    let d = check(&dir, "erin", "delete", "invoice-flow");
    assert!(d.allowed);
    assert_eq!(d.role, Some(Role::CoOwner));
    assert_eq!(d.via, ["finance"]);
}

#[test]
fn a_direct_share_wins_over_a_group_with_the_same_role() {
    let mut dir = world();
    let mut flow = dir.flow("invoice-flow").unwrap().clone();
    flow.run_only.push("dave".into());
    dir.upsert_flow(flow).unwrap();
    let d = check(&dir, "dave", "run", "invoice-flow");
    assert_eq!(d.role, Some(Role::RunOnly));
    assert!(d.via.is_empty(), "{d:?}");
}

#[test]
fn a_turned_off_flow_cannot_be_run_but_everything_else_still_can() {
    let dir = world();
    for user in ["bob", "carla", "dave"] {
        let d = check(&dir, user, "run", "paused-flow");
        assert!(!d.allowed);
        assert_eq!(code(&d), Some("FLOW_TURNED_OFF"));
    }
    assert!(check(&dir, "carla", "edit", "paused-flow").allowed);
    assert!(check(&dir, "bob", "viewRuns", "paused-flow").allowed);
    // Run-only cannot edit it either way; the role reason comes first.
    assert_eq!(
        code(&check(&dir, "dave", "edit", "paused-flow")),
        Some("RUN_ONLY_CANNOT_EDIT")
    );
}

#[test]
fn a_guest_meeting_the_prerequisites_gets_exactly_a_members_answers() {
    let dir = world();
    // alice-at-contoso (licensed at home, consented) and mia (member) sit in the same group.
    for flow in ["invoice-flow", "nightly-report", "paused-flow"] {
        for action in Action::ALL {
            let guest = check(&dir, "alice@fabrikam.com", action.as_str(), flow);
            let member = check(&dir, "mia", action.as_str(), flow);
            assert_eq!(guest, member, "{action} on {flow}");
        }
    }
}

#[test]
fn a_missing_prerequisite_is_an_answer_with_its_code() {
    let dir = world();
    let frank = check(&dir, "frank", "run", "invoice-flow");
    assert!(!frank.allowed);
    assert_eq!(code(&frank), Some("NO_LICENSE"));
    assert_eq!(frank.role, Some(Role::RunOnly));
    assert_eq!(
        code(&check(&dir, "gail", "run", "invoice-flow")),
        Some("NO_CONSENT")
    );
    // A guest without a license here or at home.
    let hank = check(&dir, "hank@fabrikam.com", "run", "invoice-flow");
    assert_eq!(code(&hank), Some("NO_LICENSE"));
    assert_eq!(hank.via, ["sales", "emea"]);
}

#[test]
fn a_guest_whose_invitation_was_reset_gets_invitation_pending() {
    let mut dir = world();
    let session = dir.sign_in("contoso", "alice@fabrikam.com").unwrap();
    let mut guest = dir.user("alice-at-contoso").unwrap().clone();
    guest.external_user_state = Some(guestpass::model::ExternalUserState::PendingAcceptance);
    dir.upsert_user(guest).unwrap();
    let d = session.check(&dir, "run", "invoice-flow").unwrap();
    assert!(!d.allowed);
    assert_eq!(code(&d), Some("INVITATION_PENDING"));
}

#[test]
fn no_role_is_an_answer_not_an_error() {
    let dir = world();
    let d = check(&dir, "ivy", "run", "invoice-flow");
    assert!(!d.allowed);
    assert_eq!(code(&d), Some("NO_ROLE"));
    assert_eq!(d.role, None);
    assert!(d.via.is_empty());
}

#[test]
fn a_flow_of_another_tenant_answers_as_an_id_that_exists_nowhere() {
    let dir = world();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    for flow in ["north-flow", "no-such-flow"] {
        let e = bob.check(&dir, "run", flow).unwrap_err();
        assert_eq!(e.code(), "UNKNOWN_FLOW");
        assert_eq!(e.to_string(), Error::UnknownFlow(flow.into()).to_string());
        assert_eq!(
            bob.allowed_actions(&dir, flow).unwrap_err().code(),
            "UNKNOWN_FLOW"
        );
    }
    // Handed the flow itself, the rules still say no and tell nothing about it.
    let bob_person = Person::of(&dir, dir.user("bob").unwrap());
    let d = bob_person.decide(Action::Run, dir.flow("north-flow").unwrap());
    assert_eq!(code(&d), Some("FLOW_IN_OTHER_TENANT"));
    assert_eq!(d.role, None);
    assert!(!d.message.contains("north"), "{}", d.message);
    // Its owner, signed into its tenant, may run it.
    let nora = Person::of(&dir, dir.user("nora").unwrap());
    assert!(
        sharing::decide(&dir, &nora, Action::Run, "north-flow")
            .unwrap()
            .allowed
    );
}

#[test]
fn unknown_actions_and_flows_are_errors_that_say_what_is_valid() {
    let dir = world();
    let session = dir.sign_in("contoso", "bob").unwrap();
    let err = session.check(&dir, "Run", "invoice-flow").unwrap_err();
    assert_eq!(err.code(), "UNKNOWN_ACTION");
    assert!(err.to_string().contains("viewRuns"), "{err}");
    let err = session.check(&dir, "run", "no-such-flow").unwrap_err();
    assert_eq!(err.code(), "UNKNOWN_FLOW");
    assert_eq!(
        session
            .allowed_actions(&dir, "no-such-flow")
            .unwrap_err()
            .code(),
        "UNKNOWN_FLOW"
    );
}

#[test]
fn allowed_actions_are_exactly_the_allowed_checks_in_order() {
    let dir = world();
    for user in ["bob", "carla", "dave", "erin", "frank", "ivy", "mia"] {
        let session = dir.sign_in("contoso", user).unwrap();
        for flow in ["invoice-flow", "nightly-report", "paused-flow"] {
            let listed = session.allowed_actions(&dir, flow).unwrap();
            let checked: Vec<Action> = Action::ALL
                .into_iter()
                .filter(|a| session.check(&dir, a.as_str(), flow).unwrap().allowed)
                .collect();
            assert_eq!(listed, checked, "{user} on {flow}");
        }
    }
    let dave = dir.sign_in("contoso", "dave").unwrap();
    assert_eq!(
        dave.allowed_actions(&dir, "invoice-flow").unwrap(),
        [Action::Run]
    );
    assert!(dave
        .allowed_actions(&dir, "paused-flow")
        .unwrap()
        .is_empty());
}

#[test]
fn check_many_answers_every_item_in_order_and_a_bad_item_gets_its_own_error() {
    let dir = world();
    let session = dir.sign_in("contoso", "dave").unwrap();
    let requests = [
        ("run", "invoice-flow"),
        ("fly", "invoice-flow"),
        ("edit", "invoice-flow"),
        ("run", "missing"),
        ("edit", "nightly-report"),
    ];
    let answers = session.check_many(&dir, &requests).unwrap();
    assert_eq!(answers.len(), 5);
    assert!(answers[0].as_ref().unwrap().allowed);
    assert_eq!(answers[1].as_ref().unwrap_err().code(), "UNKNOWN_ACTION");
    assert_eq!(
        code(answers[2].as_ref().unwrap()),
        Some("RUN_ONLY_CANNOT_EDIT")
    );
    assert_eq!(answers[3].as_ref().unwrap_err().code(), "UNKNOWN_FLOW");
    assert!(answers[4].as_ref().unwrap().allowed);
    for ((action, flow), answer) in requests.iter().zip(&answers) {
        if let Ok(d) = answer {
            assert_eq!(d, &session.check(&dir, action, flow).unwrap());
        }
    }
}

#[test]
fn check_many_refuses_a_batch_over_the_limit() {
    let dir = world();
    let session = dir.sign_in("contoso", "dave").unwrap();
    let too_many = vec![("run", "invoice-flow"); guestpass::limits::MAX_BATCH_LEN + 1];
    let err = session.check_many(&dir, &too_many).unwrap_err();
    assert_eq!(err.code(), "LIMIT_EXCEEDED");
    let just_enough = vec![("run", "invoice-flow"); guestpass::limits::MAX_BATCH_LEN];
    assert_eq!(
        session.check_many(&dir, &just_enough).unwrap().len(),
        just_enough.len()
    );
}

#[test]
fn a_decision_serializes_to_the_contract_shape() {
    let dir = world();
    let d = check(&dir, "dave", "edit", "invoice-flow");
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "allowed": false,
            "outcome": "denied",
            "role": "runOnly",
            "via": ["sales", "emea"],
            "code": "RUN_ONLY_CANNOT_EDIT",
            "message": d.message,
        })
    );
    let none = serde_json::to_value(check(&dir, "ivy", "run", "invoice-flow")).unwrap();
    assert_eq!(none["role"], serde_json::Value::Null);
    let yes = serde_json::to_value(check(&dir, "bob", "run", "invoice-flow")).unwrap();
    assert_eq!(yes["code"], serde_json::Value::Null);
    assert_eq!(yes["role"], "owner");
}

#[test]
fn the_owner_and_co_owners_may_share_and_the_new_role_counts_at_once() {
    let mut dir = world();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    let shares = bob
        .share(
            &mut dir,
            "invoice-flow",
            &share(Role::CoOwner, "ivy@contoso.com"),
        )
        .unwrap();
    assert!(shares.co_owners.contains(&"ivy".to_string()));
    assert!(check(&dir, "ivy", "delete", "invoice-flow").allowed);
    // A co-owner shares with a group, run-only.
    let carla = dir.sign_in("contoso", "carla").unwrap();
    carla
        .share(&mut dir, "paused-flow", &share(Role::RunOnly, "finance"))
        .unwrap();
    let d = check(&dir, "erin", "edit", "paused-flow");
    assert_eq!(code(&d), Some("RUN_ONLY_CANNOT_EDIT"));
    assert_eq!(d.via, ["finance"]);
    // Guests can be shared with like members.
    bob.share(
        &mut dir,
        "nightly-report",
        &share(
            Role::CoOwner,
            "alice_fabrikam.com#EXT#@contoso.onmicrosoft.com",
        ),
    )
    .unwrap();
    assert_eq!(
        check(&dir, "alice@fabrikam.com", "edit", "nightly-report").via,
        Vec::<String>::new()
    );
}

#[test]
fn sharing_again_replaces_the_role_and_the_same_role_changes_nothing() {
    let mut dir = world();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    // erin: run-only by name -> co-owner by name.
    let shares = bob
        .share(&mut dir, "invoice-flow", &share(Role::CoOwner, "erin"))
        .unwrap();
    assert!(shares.co_owners.contains(&"erin".to_string()));
    assert!(!shares.run_only.contains(&"erin".to_string()));
    assert_eq!(
        check(&dir, "erin", "edit", "invoice-flow").via,
        Vec::<String>::new()
    );
    // Same again: nothing changes, not even the version.
    let before = (dir.to_json_string().unwrap(), dir.version());
    let again = bob
        .share(&mut dir, "invoice-flow", &share(Role::CoOwner, "erin"))
        .unwrap();
    assert_eq!(again, shares);
    assert_eq!((dir.to_json_string().unwrap(), dir.version()), before);
}

/// Asserts that `f` is refused with `code` and leaves the directory unchanged.
fn refused(
    dir: &mut Directory,
    want: &str,
    f: impl FnOnce(&mut Directory) -> guestpass::Result<sharing::FlowShares>,
) -> guestpass::Error {
    let before = dir.to_json_string().unwrap();
    let err = f(dir).unwrap_err();
    assert_eq!(err.code(), want, "{err}");
    assert_eq!(
        dir.to_json_string().unwrap(),
        before,
        "a refused call changed the directory"
    );
    err
}

#[test]
fn only_the_owner_and_co_owners_may_change_shares() {
    let mut dir = world();
    let dave = dir.sign_in("contoso", "dave").unwrap();
    let err = refused(&mut dir, "NOT_ALLOWED_TO_SHARE", |d| {
        dave.share(d, "invoice-flow", &share(Role::RunOnly, "ivy"))
    });
    assert!(err.to_string().contains("RUN_ONLY_CANNOT_SHARE"), "{err}");
    let ivy = dir.sign_in("contoso", "ivy").unwrap();
    let err = refused(&mut dir, "NOT_ALLOWED_TO_SHARE", |d| {
        ivy.unshare(d, "invoice-flow", "frank")
    });
    assert!(err.to_string().contains("NO_ROLE"), "{err}");
    // A co-owner through a group who lacks a license may not either.
    let mut dir2 = world();
    let hank = dir2.sign_in("contoso", "hank@fabrikam.com").unwrap();
    let err = refused(&mut dir2, "NOT_ALLOWED_TO_SHARE", |d| {
        hank.share(d, "nightly-report", &share(Role::CoOwner, "ivy"))
    });
    assert_eq!(
        err.details()
            .iter()
            .find(|(k, _)| *k == "reason")
            .map(|(_, v)| v.as_str()),
        Some("NO_LICENSE")
    );
    // A flow of another tenant.
    let bob = dir.sign_in("contoso", "bob").unwrap();
    refused(&mut dir, "UNKNOWN_FLOW", |d| {
        bob.share(d, "north-flow", &share(Role::RunOnly, "ivy"))
    });
}

#[test]
fn nobody_can_remove_the_creator_or_give_them_another_role() {
    let mut dir = world();
    for who in ["bob", "carla"] {
        let s = dir.sign_in("contoso", who).unwrap();
        refused(&mut dir, "CANNOT_REMOVE_CREATOR", |d| {
            s.unshare(d, "invoice-flow", "bob")
        });
        refused(&mut dir, "CANNOT_REMOVE_CREATOR", |d| {
            s.unshare(d, "invoice-flow", "bob@contoso.com")
        });
        refused(&mut dir, "CANNOT_REMOVE_CREATOR", |d| {
            s.share(d, "invoice-flow", &share(Role::RunOnly, "bob"))
        });
    }
    // A co-owner may remove another co-owner, and themselves.
    let carla = dir.sign_in("contoso", "carla").unwrap();
    carla.unshare(&mut dir, "invoice-flow", "finance").unwrap();
    assert_eq!(
        check(&dir, "erin", "edit", "invoice-flow").role,
        Some(Role::RunOnly)
    );
    carla.unshare(&mut dir, "invoice-flow", "carla").unwrap();
    assert_eq!(
        code(&check(&dir, "carla", "edit", "invoice-flow")),
        Some("NO_ROLE")
    );
}

#[test]
fn run_only_on_a_flow_without_a_manual_trigger_is_refused() {
    let mut dir = world();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    let err = refused(&mut dir, "RUN_ONLY_REQUIRES_MANUAL_TRIGGER", |d| {
        bob.share(d, "nightly-report", &share(Role::RunOnly, "ivy"))
    });
    assert!(err.to_string().contains("manual trigger"), "{err}");
    // Co-owners are fine on any flow.
    bob.share(&mut dir, "nightly-report", &share(Role::CoOwner, "ivy"))
        .unwrap();
}

#[test]
fn sharing_with_someone_who_is_not_in_the_flows_tenant_is_refused() {
    let mut dir = world();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    refused(&mut dir, "UNKNOWN_PRINCIPAL", |d| {
        bob.share(
            d,
            "invoice-flow",
            &share(Role::RunOnly, "nobody@contoso.com"),
        )
    });
    refused(&mut dir, "UNKNOWN_PRINCIPAL", |d| {
        bob.share(d, "invoice-flow", &share(Role::RunOnly, "nora"))
    });
    refused(&mut dir, "UNKNOWN_PRINCIPAL", |d| {
        bob.share(d, "invoice-flow", &share(Role::CoOwner, "north-team"))
    });
    // alice's home object lives in fabrikam: name her guest object instead.
    refused(&mut dir, "UNKNOWN_PRINCIPAL", |d| {
        bob.share(d, "invoice-flow", &share(Role::CoOwner, "alice"))
    });
    refused(&mut dir, "INVALID_VALUE", |d| {
        bob.share(d, "invoice-flow", &share(Role::Owner, "ivy"))
    });
    refused(&mut dir, "UNKNOWN_FLOW", |d| {
        bob.share(d, "no-such-flow", &share(Role::CoOwner, "ivy"))
    });
    refused(&mut dir, "UNKNOWN_PRINCIPAL", |d| {
        bob.unshare(d, "invoice-flow", "nobody")
    });
}

#[test]
fn unshare_removes_only_a_principals_own_share() {
    let mut dir = world();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    // dave reaches invoice-flow through emea only.
    let err = refused(&mut dir, "NOT_SHARED", |d| {
        bob.unshare(d, "invoice-flow", "dave")
    });
    assert!(err.to_string().contains("group"), "{err}");
    let shares = bob.unshare(&mut dir, "invoice-flow", "emea").unwrap();
    assert!(!shares.run_only.contains(&"emea".to_string()));
    assert_eq!(
        code(&check(&dir, "dave", "run", "invoice-flow")),
        Some("NO_ROLE")
    );
}

#[test]
fn a_cached_person_is_refreshed_when_the_directory_changes() {
    let mut dir = world();
    let ivy = dir.sign_in("contoso", "ivy").unwrap();
    let mut cache = None;
    let person = ivy.sharing_person_cached(&dir, &mut cache).unwrap();
    assert_eq!(person.group_count(), 0);
    let flow = dir.flow("invoice-flow").unwrap().clone();
    assert_eq!(code(&person.decide(Action::Run, &flow)), Some("NO_ROLE"));
    // ivy joins finance, a co-owner group.
    let mut finance = dir.group("finance").unwrap().clone();
    finance.members.push("ivy".into());
    dir.upsert_group(finance).unwrap();
    let person = ivy.sharing_person_cached(&dir, &mut cache).unwrap();
    assert_eq!(person.group_count(), 1);
    let d = person.decide(Action::Edit, dir.flow("invoice-flow").unwrap());
    assert!(d.allowed);
    assert_eq!(d.via, ["finance"]);
}

#[test]
fn a_removed_person_can_check_nothing() {
    let mut dir = world();
    let ivy = dir.sign_in("contoso", "ivy").unwrap();
    dir.remove_user("ivy").unwrap();
    assert_eq!(
        ivy.check(&dir, "run", "invoice-flow").unwrap_err().code(),
        "SESSION_ENDED"
    );
    let mut cache = None;
    assert_eq!(
        ivy.sharing_person_cached(&dir, &mut cache)
            .unwrap_err()
            .code(),
        "SESSION_ENDED"
    );
}

#[test]
fn removing_a_shared_group_takes_its_shares_away() {
    let mut dir = world();
    dir.remove_group("finance").unwrap();
    let d = check(&dir, "erin", "edit", "invoice-flow");
    assert_eq!(d.role, Some(Role::RunOnly));
    assert_eq!(code(&d), Some("RUN_ONLY_CANNOT_EDIT"));
}

#[test]
fn a_cycle_of_groups_is_refused_when_it_would_be_created() {
    let mut dir = world();
    let mut sales = dir.group("sales").unwrap().clone();
    sales.members.push("emea".into());
    assert_eq!(common::code(dir.upsert_group(sales)), "GROUP_CYCLE");
    // Checks still answer over the unchanged groups.
    assert_eq!(
        check(&dir, "dave", "run", "invoice-flow").via,
        ["sales", "emea"]
    );
}
