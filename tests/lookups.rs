//! Lookups by id (`session.user`, `group`, `app`, `tenant`), `session.flows()` and the
//! names beside ids in approval items: each answers only what the person may see
//! (`src/session/sight.rs`: Entra "Default user permissions" and "Restrict guest access
//! permissions"), and another tenant's ids answer as ids that exist nowhere.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::approvals::{ApprovalBox, ApprovalQuery, StatusFilter};
use guestpass::directory::Directory;
use guestpass::session::Session;
use guestpass::timestamp::Timestamp;
use guestpass_sample::{sample_world, SampleOptions};

fn sample() -> Directory {
    Directory::from_world(sample_world(&SampleOptions {
        users: 300,
        seed: 5,
    }))
    .unwrap()
}

fn users(dir: &Directory, s: &Session, ids: &[&str]) -> Vec<Option<String>> {
    ids.iter()
        .map(|id| s.lookup_user(dir, id).unwrap().map(|u| u.display_name))
        .collect()
}

#[test]
fn a_member_looks_up_the_people_groups_and_apps_of_their_tenant_only() {
    let dir = sample();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    assert_eq!(
        users(
            &dir,
            &bob,
            &[
                "ann",
                "alice-at-contoso",
                "alice",
                "bob-at-fabrikam",
                "nobody"
            ]
        ),
        [
            Some("Ann Lee".into()),
            Some("Alice Martin".into()),
            None,
            None,
            None
        ]
    );
    let alice = bob.lookup_user(&dir, "alice-at-contoso").unwrap().unwrap();
    assert_eq!(alice.home_tenant_id.as_deref(), Some("fabrikam"));
    let carlos = bob.lookup_user(&dir, "carlos-at-contoso").unwrap().unwrap();
    assert!(carlos.pending);

    let sales = bob.lookup_group(&dir, "sales").unwrap().unwrap();
    assert!(sales.is_owner && !sales.is_member);
    assert!(
        bob.lookup_group(&dir, "leadership")
            .unwrap()
            .unwrap()
            .is_member
    );
    assert!(bob.lookup_group(&dir, "fab-partners").unwrap().is_none());
    assert!(bob.lookup_app(&dir, "expenses").unwrap().unwrap().is_owner);
    assert!(bob.lookup_app(&dir, "fab-crm").unwrap().is_none());

    // A member's tenant is their own: another tenant is not theirs to read.
    assert_eq!(
        bob.lookup_tenant(&dir, "contoso")
            .unwrap()
            .unwrap()
            .display_name,
        "Contoso"
    );
    assert!(bob.lookup_tenant(&dir, "fabrikam").unwrap().is_none());
    assert!(bob.lookup_tenant(&dir, "no-such-tenant").unwrap().is_none());
}

#[test]
fn a_limited_guest_cannot_enumerate_the_directory_by_id() {
    let dir = sample();
    // Contoso's guests have limited access (Entra's default).
    let alice = dir.sign_in("contoso", "alice-at-contoso").unwrap();
    assert_eq!(
        users(
            &dir,
            &alice,
            &["alice-at-contoso", "bob", "ann", "alice", "nobody"]
        ),
        [Some("Alice Martin".into()), None, None, None, None]
    );
    // Her groups (nested counting) and the apps they reach; nothing else.
    assert!(
        alice
            .lookup_group(&dir, "sales")
            .unwrap()
            .unwrap()
            .is_member
    );
    assert!(alice
        .lookup_group(&dir, "project-falcon")
        .unwrap()
        .is_some());
    assert!(alice.lookup_group(&dir, "leadership").unwrap().is_none());
    assert!(alice.lookup_app(&dir, "travel").unwrap().is_some());
    assert!(alice.lookup_app(&dir, "fab-crm").unwrap().is_none());
    // Her home tenant, by name.
    let home = alice.lookup_tenant(&dir, "fabrikam").unwrap().unwrap();
    assert_eq!(home.display_name, "Fabrikam");
    assert!(alice.lookup_tenant(&dir, "northwind").unwrap().is_none());
}

#[test]
fn a_restricted_guest_sees_only_themselves() {
    let dir = Directory::from_json_str(
        r#"{
      "tenants": [{ "id": "contoso", "displayName": "Contoso", "initialDomain": "contoso.onmicrosoft.com",
                    "settings": { "guestAccess": "restricted" } }],
      "users": [
        { "id": "bob", "tenantId": "contoso", "displayName": "Bob", "userPrincipalName": "bob@contoso.com" },
        { "id": "lee", "tenantId": "contoso", "displayName": "Lee", "mail": "lee@adatum.com",
          "userPrincipalName": "lee_adatum.com#EXT#@contoso.onmicrosoft.com", "userType": "Guest",
          "externalUserState": "Accepted" }],
      "groups": [{ "id": "g", "tenantId": "contoso", "displayName": "G", "members": ["bob"] }]
    }"#,
    )
    .unwrap();
    let lee = dir.sign_in("contoso", "lee").unwrap();
    assert_eq!(
        users(&dir, &lee, &["lee", "bob"]),
        [Some("Lee".into()), None]
    );
    assert!(lee.lookup_group(&dir, "g").unwrap().is_none());
    let bob = dir.sign_in("contoso", "bob").unwrap();
    assert_eq!(users(&dir, &bob, &["lee"]), [Some("Lee".into())]);
}

#[test]
fn flows_lists_every_flow_the_person_holds_a_role_on_with_the_role() {
    let dir = sample();
    let roles = |tenant: &str, user: &str| -> Vec<(String, String, Vec<String>)> {
        let s = dir.sign_in(tenant, user).unwrap();
        s.flows(&dir)
            .unwrap()
            .into_iter()
            .map(|f| (f.id, f.role.to_string(), f.via))
            .collect()
    };
    let alice = roles("contoso", "alice-at-contoso");
    assert!(alice.contains(&(
        "invoice-flow".into(),
        "runOnly".into(),
        vec!["sales".into()]
    )));
    assert!(alice.contains(&("expense-report".into(), "coOwner".into(), vec![])));
    let bob = roles("contoso", "bob");
    assert!(bob.contains(&("invoice-flow".into(), "owner".into(), vec![])));
    assert!(bob.contains(&("laptop-request".into(), "coOwner".into(), vec![])));
    // Only the tenant signed into: Bob's role in fabrikam is not listed in contoso.
    assert!(bob.iter().all(|(id, _, _)| id != "onboarding-flow"));
    let at_fabrikam = roles("fabrikam", "bob-at-fabrikam");
    assert!(at_fabrikam.contains(&("onboarding-flow".into(), "runOnly".into(), vec![])));
    assert!(at_fabrikam
        .iter()
        .all(|(id, _, _)| dir.flow(id).unwrap().tenant_id == "fabrikam"));
    // Every flow listed answers its role in `check` too.
    let s = dir.sign_in("contoso", "alice-at-contoso").unwrap();
    for f in s.flows(&dir).unwrap() {
        assert_eq!(s.check(&dir, "run", &f.id).unwrap().role, Some(f.role));
    }
}

#[test]
fn approval_items_name_only_the_people_the_person_may_see() {
    let dir = sample();
    let now = Timestamp::parse("now", "2026-11-20T12:00:00Z").unwrap();
    let sent = ApprovalQuery {
        mailbox: ApprovalBox::Sent,
        status: StatusFilter::All,
    };
    let bob = dir.sign_in("contoso", "bob").unwrap();
    let list = bob.approvals(&dir, &sent, now).unwrap();
    let inv = list
        .items
        .iter()
        .find(|i| i.approval.id == "inv-42")
        .unwrap();
    assert_eq!(inv.names.get("bob"), Some(&"Bob Kowalski"));
    assert_eq!(inv.names.get("alice-at-contoso"), Some(&"Alice Martin"));

    // Alice, a limited guest, is asked by Bob: she sees her own name, not the directory's.
    let alice = dir.sign_in("contoso", "alice-at-contoso").unwrap();
    let received = alice
        .approvals(&dir, &ApprovalQuery::default(), now)
        .unwrap();
    let inv = received
        .items
        .iter()
        .find(|i| i.approval.id == "inv-42")
        .unwrap();
    assert_eq!(inv.names.get("alice-at-contoso"), Some(&"Alice Martin"));
    assert_eq!(inv.names.get("bob"), None);
    // A group she belongs to is named.
    let all = ApprovalQuery {
        mailbox: ApprovalBox::Received,
        status: StatusFilter::All,
    };
    let list = alice.approvals(&dir, &all, now).unwrap();
    let offsite = list
        .items
        .iter()
        .find(|i| i.approval.id == "offsite-venue")
        .unwrap();
    assert_eq!(offsite.names.get("sales"), Some(&"Sales"));
}
