//! The rules of issue 16 that follow Microsoft's documents, one test per rule, each naming
//! the document it pins, on the sample world (its module docs list the objects).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::b2b::{self, HomeFacts};
use guestpass::directory::Directory;
use guestpass::groups::{
    self, InvitationRequest, InvitationStatus, JoinOutcome, SelfServiceConfig,
};
use guestpass::model::{AllowInvitesFrom, ExternalUserState};
use guestpass::session::Session;
use guestpass_sample::{sample_world, SampleOptions};

fn sample() -> Directory {
    Directory::from_world(sample_world(&SampleOptions {
        users: 300,
        seed: 7,
    }))
    .unwrap()
}

fn code<T: std::fmt::Debug>(result: guestpass::Result<T>) -> &'static str {
    result.expect_err("expected a refusal").code()
}

fn invite(email: &str) -> InvitationRequest {
    InvitationRequest {
        email: email.into(),
        ..Default::default()
    }
}

// --- 1. Across clouds: Entra "Enable B2B collaboration across Microsoft clouds" ---------

#[test]
fn across_clouds_the_sample_collaborates_only_where_both_tenants_added_each_other() {
    let dir = sample();
    // contoso and tailspin enable each other's cloud and name each other as partners.
    assert!(
        b2b::collaboration(&dir, "contoso", "tailspin")
            .unwrap()
            .allowed
    );
    assert!(
        b2b::collaboration(&dir, "tailspin", "contoso")
            .unwrap()
            .allowed
    );
    // fabrikam neither enables usgov nor adds tailspin; tailspin does not add fabrikam.
    let v = b2b::collaboration(&dir, "tailspin", "fabrikam").unwrap();
    let codes: Vec<(&str, &str)> = v
        .blockers
        .iter()
        .map(|b| (b.tenant_id.as_str(), b.code))
        .collect();
    assert_eq!(
        codes,
        [
            ("tailspin", "PARTNER_NOT_ADDED"),
            ("fabrikam", "CLOUD_NOT_ENABLED"),
            ("fabrikam", "PARTNER_NOT_ADDED")
        ]
    );
    // Enabling the cloud alone blocks until the partner is added.
    let mut dir = dir;
    let mut contoso = dir.tenant("contoso").unwrap().clone();
    contoso
        .settings
        .cross_tenant_access
        .partners
        .remove("tailspin");
    dir.upsert_tenant(contoso).unwrap();
    let v = b2b::collaboration(&dir, "contoso", "tailspin").unwrap();
    assert_eq!(v.blockers.len(), 1);
    assert_eq!(v.blockers[0].code, "PARTNER_NOT_ADDED");
    assert_eq!(
        code(dir.sign_in("contoso", "zoe-at-contoso")),
        "COLLABORATION_BLOCKED"
    );
}

#[test]
fn a_guest_from_another_cloud_signs_in_by_upn_not_by_another_mail() {
    let mut dir = sample();
    // Her home UPN (also her invited address) and her guest UPN work.
    assert!(dir.sign_in("contoso", "zoe@tailspintoys.us").is_ok());
    let upn = dir
        .user("zoe-at-contoso")
        .unwrap()
        .user_principal_name
        .clone();
    assert!(dir.sign_in("contoso", &upn).is_ok());
    // A mail that is not her UPN does not: email as sign-in is not supported across clouds.
    let mut zoe = dir.user("zoe-at-contoso").unwrap().clone();
    zoe.mail = Some("zoe.dubois@tailspintoys.us".into());
    dir.upsert_user(zoe).unwrap();
    assert_eq!(
        code(dir.sign_in("contoso", "zoe.dubois@tailspintoys.us")),
        "UPN_REQUIRED"
    );
    assert!(dir.sign_in("contoso", "zoe-at-contoso").is_ok());
    // A same-cloud guest may still sign in by a mail that is not her UPN.
    let mut alice = dir.user("alice-at-contoso").unwrap().clone();
    alice.mail = Some("a.martin@fabrikam.com".into());
    dir.upsert_user(alice).unwrap();
    assert!(dir.sign_in("contoso", "a.martin@fabrikam.com").is_ok());
}

#[test]
fn a_person_of_another_cloud_is_invited_by_upn() {
    let mut dir = sample();
    // tailspin's member with a mail that is not her UPN.
    let mut zoe = dir.user("zoe").unwrap().clone();
    zoe.mail = Some("zoe.dubois@tailspintoys.us".into());
    dir.upsert_user(zoe).unwrap();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    let before = dir.to_json_string().unwrap();
    assert_eq!(
        code(bob.invite_to_group(&mut dir, "sales", &invite("zoe.dubois@tailspintoys.us"))),
        "UPN_REQUIRED"
    );
    assert_eq!(dir.to_json_string().unwrap(), before);
}

// --- 2. First sign-in: Entra "B2B collaboration invitation redemption" --------------------

#[test]
fn a_pending_guest_redeems_at_first_sign_in() {
    let mut dir = sample();
    assert_eq!(
        code(dir.sign_in("contoso", "carlos@fabrikam.com")),
        "INVITATION_PENDING"
    );
    let carlos = Session::first_sign_in(
        &mut dir,
        "contoso",
        "carlos@fabrikam.com",
        HomeFacts::default(),
    )
    .unwrap();
    assert_eq!(carlos.user_id(), "carlos-at-contoso");
    let stored = dir.user("carlos-at-contoso").unwrap();
    assert_eq!(
        stored.external_user_state,
        Some(ExternalUserState::Accepted)
    );
    // From now on an ordinary sign-in works; a member's first sign-in changes nothing.
    assert!(dir.sign_in("contoso", "carlos-at-contoso").is_ok());
    let before = dir.to_json_string().unwrap();
    Session::first_sign_in(&mut dir, "contoso", "bob", HomeFacts::default()).unwrap();
    assert_eq!(dir.to_json_string().unwrap(), before);
}

#[test]
fn redemption_at_sign_in_is_blocked_where_collaboration_is() {
    let mut dir = sample();
    // hana (woodgrove) pending in contoso: contoso blocks woodgrove inbound.
    let mut hana = dir.user("hana-at-contoso").unwrap().clone();
    hana.external_user_state = Some(ExternalUserState::PendingAcceptance);
    dir.upsert_user(hana).unwrap();
    let before = dir.to_json_string().unwrap();
    assert_eq!(
        code(Session::first_sign_in(
            &mut dir,
            "contoso",
            "hana-at-contoso",
            HomeFacts::default()
        )),
        "COLLABORATION_BLOCKED"
    );
    assert_eq!(dir.to_json_string().unwrap(), before);
    assert!(dir.user("hana-at-contoso").unwrap().is_pending());
    // A disabled account does not redeem (accountEnabled: false cannot sign in).
    let mut carlos = dir.user("carlos-at-contoso").unwrap().clone();
    carlos.account_enabled = false;
    dir.upsert_user(carlos).unwrap();
    assert_eq!(
        code(Session::first_sign_in(
            &mut dir,
            "contoso",
            "carlos-at-contoso",
            HomeFacts::default()
        )),
        "ACCOUNT_DISABLED"
    );
    assert!(dir.user("carlos-at-contoso").unwrap().is_pending());
}

#[test]
fn a_first_sign_in_refused_by_a_home_fact_leaves_the_guest_pending() {
    let mut dir = sample();
    // carlos, pending, with a home the directory does not hold: the caller says the home
    // tenant's outbound settings block this tenant (third state, HomeFacts).
    let mut carlos = dir.user("carlos-at-contoso").unwrap().clone();
    carlos.home_tenant_id = None;
    carlos.home_user_id = None;
    dir.upsert_user(carlos).unwrap();
    let before = dir.to_json_string().unwrap();
    let blocks = HomeFacts {
        outbound_allowed: Some(false),
        ..HomeFacts::default()
    };
    assert_eq!(
        code(Session::first_sign_in(
            &mut dir,
            "contoso",
            "carlos-at-contoso",
            blocks
        )),
        "COLLABORATION_BLOCKED"
    );
    assert_eq!(dir.to_json_string().unwrap(), before);
    let allows = HomeFacts {
        outbound_allowed: Some(true),
        ..HomeFacts::default()
    };
    let s = Session::first_sign_in(&mut dir, "contoso", "carlos-at-contoso", allows).unwrap();
    assert_eq!(s.home_facts().outbound_allowed, Some(true));
    assert!(!dir.user("carlos-at-contoso").unwrap().is_pending());
}

// --- 4. Self-service: Entra "How users in your organization can invite guest users to an app",
//        "Enable self-service application assignment", "Configure external collaboration settings"

#[test]
fn require_approval_is_honoured_when_someone_asks_for_a_self_service_app() {
    let mut dir = sample();
    // expenses requires approval: siobhan's request waits for sales' owners.
    let siobhan = dir.sign_in("contoso", "siobhan").unwrap();
    let asked = siobhan.request_app_access(&mut dir, "expenses").unwrap();
    assert_eq!(asked.outcome, JoinOutcome::Pending);
    let member = |dir: &Directory| {
        dir.group("sales")
            .unwrap()
            .members
            .contains(&"siobhan".to_string())
    };
    assert!(!member(&dir));
    let bob = dir.sign_in("contoso", "bob").unwrap();
    bob.decide_join_request(&mut dir, asked.request_id.as_deref().unwrap(), true)
        .unwrap();
    assert!(member(&dir));
    // Without approval, the person is added at once.
    groups::configure_self_service(
        &mut dir,
        "expenses",
        &SelfServiceConfig {
            group_id: "sales".into(),
            require_approval: false,
        },
    )
    .unwrap();
    let lars = dir.sign_in("contoso", "lars").unwrap();
    assert_eq!(
        lars.request_app_access(&mut dir, "expenses")
            .unwrap()
            .outcome,
        JoinOutcome::Added
    );
    // An app without self-service is refused.
    assert_eq!(
        code(lars.request_app_access(&mut dir, "travel")),
        "SELF_SERVICE_NOT_CONFIGURED"
    );
}

#[test]
fn the_self_service_group_is_a_security_group_with_assigned_membership() {
    let mut dir = sample();
    let mut expenses = dir.app("expenses").unwrap().clone();
    expenses.assignments.push("project-falcon".into());
    dir.upsert_app(expenses).unwrap();
    assert!(!dir.group("project-falcon").unwrap().security_enabled);
    assert_eq!(
        code(groups::configure_self_service(
            &mut dir,
            "expenses",
            &SelfServiceConfig {
                group_id: "project-falcon".into(),
                require_approval: false,
            },
        )),
        "NOT_A_SECURITY_GROUP"
    );
    // A group that stops being a security group stops taking people through self-service.
    let mut sales = dir.group("sales").unwrap().clone();
    sales.security_enabled = false;
    dir.upsert_group(sales).unwrap();
    let ivan = dir.sign_in("contoso", "ivan").unwrap();
    assert_eq!(
        code(ivan.request_app_access(&mut dir, "expenses")),
        "NOT_A_SECURITY_GROUP"
    );
}

#[test]
fn an_owner_invites_a_guest_to_the_app_itself_into_its_self_service_group() {
    let mut dir = sample();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    let invitation = bob
        .invite_to_app(&mut dir, "expenses", &invite("eve@northwind.example"))
        .unwrap();
    assert_eq!(invitation.status, InvitationStatus::PendingAcceptance);
    assert_eq!(invitation.group_id, "sales");
    let guest = invitation.invited_user.id.clone();
    assert!(dir.group("sales").unwrap().members.contains(&guest));
    let ann = dir.sign_in("contoso", "ann").unwrap();
    assert_eq!(
        code(ann.invite_to_app(&mut dir, "expenses", &invite("x@northwind.example"))),
        "NOT_APP_OWNER"
    );
}

#[test]
fn who_may_invite_follows_the_guest_invite_setting() {
    let mut dir = sample();
    let set = |dir: &mut Directory, value: AllowInvitesFrom| {
        let mut contoso = dir.tenant("contoso").unwrap().clone();
        contoso.settings.allow_invites_from = value;
        dir.upsert_tenant(contoso).unwrap();
    };
    let bob = dir.sign_in("contoso", "bob").unwrap();
    set(&mut dir, AllowInvitesFrom::None);
    assert_eq!(
        code(bob.invite_to_group(&mut dir, "sales", &invite("eve@northwind.example"))),
        "INVITE_NOT_ALLOWED"
    );
    set(&mut dir, AllowInvitesFrom::AdminsAndGuestInviters);
    assert_eq!(
        code(bob.invite_to_group(&mut dir, "sales", &invite("eve@northwind.example"))),
        "INVITE_NOT_ALLOWED"
    );
    // Members may invite; adding someone already in the tenant is not an invitation.
    set(&mut dir, AllowInvitesFrom::AdminsGuestInvitersAndAllMembers);
    assert!(bob
        .invite_to_group(&mut dir, "sales", &invite("eve@northwind.example"))
        .is_ok());
    set(&mut dir, AllowInvitesFrom::None);
    assert!(bob
        .invite_to_group(&mut dir, "sales", &invite("ivan@contoso.com"))
        .is_ok());
}

#[test]
fn groups_i_own_answer_with_the_apps_each_group_reaches() {
    let dir = sample();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    let owned = bob.groups_i_own(&dir).unwrap();
    let sales = owned.iter().find(|g| g.id == "sales").unwrap();
    assert!(sales.security_enabled && sales.assigned_membership);
    let apps: Vec<(&str, bool)> = sales
        .apps
        .iter()
        .map(|a| (a.id.as_str(), a.self_service))
        .collect();
    assert_eq!(apps, [("expenses", true)]);
    assert_eq!(
        sales.apps[0].link,
        "https://myapps.microsoft.com/signin/expenses?tenantId=contoso"
    );
    assert!(owned.iter().all(|g| g.id != "sales-emea"));
    let onprem = owned.iter().find(|g| g.id == "finance-onprem").unwrap();
    assert!(!onprem.assigned_membership);
}

#[test]
fn the_sender_of_a_direct_app_link_owns_the_app_and_the_guest_is_in_the_directory() {
    let dir = sample();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    let link = bob
        .app_link(&dir, "expenses", "alice@fabrikam.com")
        .unwrap();
    assert_eq!(link.user_id, "alice-at-contoso");
    assert_eq!(
        link.link,
        "https://myapps.microsoft.com/signin/expenses?tenantId=contoso"
    );
    assert_eq!(
        code(bob.app_link(&dir, "expenses", "nobody@example.com")),
        "USER_NOT_FOUND"
    );
    assert_eq!(code(bob.app_link(&dir, "expenses", "ann")), "NOT_A_GUEST");
    let ann = dir.sign_in("contoso", "ann").unwrap();
    assert_eq!(
        code(ann.app_link(&dir, "expenses", "alice-at-contoso")),
        "NOT_APP_OWNER"
    );
}
