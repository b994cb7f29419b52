//! Signing in and what a person may use where they signed in.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{code, directory};
use guestpass::b2b::Outcome;
use guestpass::session::SearchMode;

#[test]
fn sign_in_resolves_by_id_upn_or_mail_within_the_tenant() {
    let dir = directory();
    for name in [
        "bob",
        "bob@contoso.com",
        "BOB@CONTOSO.COM",
        " bob@contoso.com ",
    ] {
        assert_eq!(dir.sign_in("contoso", name).unwrap().user_id(), "bob");
    }
    // A guest signs in with their real address or their #EXT# UPN.
    assert_eq!(
        dir.sign_in("contoso", "alice@fabrikam.com")
            .unwrap()
            .user_id(),
        "alice-at-contoso"
    );
    assert_eq!(
        dir.sign_in("contoso", "alice_fabrikam.com#EXT#@contoso.onmicrosoft.com")
            .unwrap()
            .user_id(),
        "alice-at-contoso"
    );
    // The same address in her home tenant is her member object.
    assert_eq!(
        dir.sign_in("fabrikam", "alice@fabrikam.com")
            .unwrap()
            .user_id(),
        "alice"
    );
}

#[test]
fn sign_in_is_refused_with_a_code_that_says_why() {
    let dir = directory();
    assert_eq!(
        code(dir.sign_in("contoso", "nobody@contoso.com")),
        "USER_NOT_FOUND"
    );
    // An object id of another tenant does not sign in here.
    assert_eq!(code(dir.sign_in("contoso", "alice")), "USER_NOT_FOUND");
    assert_eq!(code(dir.sign_in("atlantis", "bob")), "UNKNOWN_TENANT");
    assert_eq!(
        code(dir.sign_in("contoso", "dan-pending")),
        "INVITATION_PENDING"
    );
    // tom's home tenant (tailspin) is blocked inbound by contoso's partner setting.
    let err = dir.sign_in("contoso", "tom@tailspin.us").unwrap_err();
    assert_eq!(err.code(), "COLLABORATION_BLOCKED");
    assert!(err.to_string().contains("INBOUND_BLOCKED"), "{err}");
}

#[test]
fn a_licensed_consenting_guest_has_the_member_experience_but_process_mining() {
    let dir = directory();
    let s = dir.sign_in("contoso", "alice@fabrikam.com").unwrap();
    let f = s.features(&dir).unwrap();
    assert!(
        f.create_flows.allowed && f.run_flows.allowed && f.approvals.allowed && f.widgets.allowed
    );
    assert!(!f.process_mining.allowed);
    assert_eq!(f.process_mining.code, Some("NOT_OFFERED_TO_GUESTS"));
    // contoso's guest access is "limited": exact mail or UPN only.
    assert_eq!(f.people_search.mode, SearchMode::ExactOnly);
}

#[test]
fn a_member_gets_everything_with_a_license() {
    let dir = directory();
    let s = dir.sign_in("contoso", "bob").unwrap();
    let f = s.features(&dir).unwrap();
    assert!(f.process_mining.allowed && f.run_flows.allowed);
    assert_eq!(f.people_search.mode, SearchMode::Full);
}

#[test]
fn missing_license_and_consent_are_reasons_not_errors() {
    let dir = directory();
    let carol = dir.sign_in("contoso", "carol@fabrikam.com").unwrap();
    let f = carol.features(&dir).unwrap();
    assert!(!f.run_flows.allowed);
    assert_eq!(f.run_flows.code, Some("NO_LICENSE"));
    assert_eq!(f.approvals.code, Some("NO_LICENSE"));
    let gina = dir.sign_in("contoso", "gina@gmail.com").unwrap();
    let f = gina.features(&dir).unwrap();
    assert_eq!(f.run_flows.code, Some("NO_CONSENT"));
    // One rule for every Power Automate capability, approvals included (Power Automate
    // "Support for guest users", Requirements: a licence that counts, and consent).
    assert_eq!(f.approvals.code, Some("NO_CONSENT"));
    assert_eq!(f.approvals.outcome, Outcome::Denied);
}

#[test]
fn a_session_ends_when_its_person_is_removed_or_reset_to_pending() {
    let mut dir = directory();
    let s = dir.sign_in("contoso", "carol@fabrikam.com").unwrap();
    dir.remove_user("carol-at-contoso").unwrap();
    assert_eq!(code(s.features(&dir)), "SESSION_ENDED");

    let s = dir.sign_in("contoso", "alice@fabrikam.com").unwrap();
    let mut alice = dir.user("alice-at-contoso").unwrap().clone();
    alice.external_user_state = Some(guestpass::model::ExternalUserState::PendingAcceptance);
    dir.upsert_user(alice).unwrap();
    assert_eq!(code(s.features(&dir)), "INVITATION_PENDING");
}

#[test]
fn guest_access_setting_decides_a_guests_search_mode() {
    let mut dir = directory();
    let mut contoso = dir.tenant("contoso").unwrap().clone();
    contoso.settings.guest_access = guestpass::model::GuestAccess::Restricted;
    dir.upsert_tenant(contoso.clone()).unwrap();
    let s = dir.sign_in("contoso", "alice@fabrikam.com").unwrap();
    let f = s.features(&dir).unwrap();
    assert_eq!(f.people_search.mode, SearchMode::None);
    assert!(!f.people_search.allowed);
    assert_eq!(f.people_search.code, Some("GUEST_SEARCH_RESTRICTED"));
    contoso.settings.guest_access = guestpass::model::GuestAccess::SameAsMember;
    dir.upsert_tenant(contoso).unwrap();
    assert_eq!(
        s.features(&dir).unwrap().people_search.mode,
        SearchMode::Full
    );
}

/// A member of contoso with the given id, userPrincipalName and mail.
fn contoso_member(id: &str, upn: &str, mail: &str) -> guestpass::model::User {
    let mut user = directory().user("bob").unwrap().clone();
    user.id = id.into();
    user.user_principal_name = upn.into();
    user.mail = Some(mail.into());
    user
}

#[test]
fn an_address_that_is_the_mail_of_two_users_signs_in_nobody() {
    use guestpass::directory::Directory;
    let first = contoso_member("ann1", "ann1@contoso.com", "ann@contoso.com");
    let second = contoso_member("ann2", "ann2@contoso.com", "ANN@contoso.com");
    // Whichever was added first, the shared mail names nobody for certain; the world loads.
    for order in [[&first, &second], [&second, &first]] {
        let mut w = common::world();
        w.users.extend(order.iter().map(|u| (*u).clone()));
        let mut dir = Directory::from_world(w).unwrap();
        let err = dir.sign_in("contoso", "ann@contoso.com").unwrap_err();
        assert_eq!(err.code(), "AMBIGUOUS_USER");
        assert!(
            err.to_string().contains("object id or userPrincipalName"),
            "{err}"
        );
        assert_eq!(
            err.details(),
            vec![
                ("user", "ann@contoso.com".to_string()),
                ("tenantId", "contoso".to_string())
            ]
        );
        // By object id or UPN each signs in.
        assert_eq!(dir.sign_in("contoso", "ann1").unwrap().user_id(), "ann1");
        assert_eq!(
            dir.sign_in("contoso", "ann2@contoso.com")
                .unwrap()
                .user_id(),
            "ann2"
        );
        // The same after a round trip through JSON, and after an upsert of either.
        let again = Directory::from_json_str(&dir.to_json_string().unwrap()).unwrap();
        assert_eq!(
            code(again.sign_in("contoso", "ann@contoso.com")),
            "AMBIGUOUS_USER"
        );
        let mut renamed = dir.user("ann1").unwrap().clone();
        renamed.display_name = "Ann One".into();
        dir.upsert_user(renamed).unwrap();
        assert_eq!(
            code(dir.sign_in("contoso", "ann@contoso.com")),
            "AMBIGUOUS_USER"
        );
        // Once the mail names one person again, it signs that person in.
        let mut moved = dir.user("ann2").unwrap().clone();
        moved.mail = Some("ann.two@contoso.com".into());
        dir.upsert_user(moved).unwrap();
        assert_eq!(
            dir.sign_in("contoso", "ann@contoso.com").unwrap().user_id(),
            "ann1"
        );
    }
}

#[test]
fn a_userprincipalname_outranks_another_users_mail() {
    use guestpass::directory::Directory;
    let mut w = common::world();
    w.users.push(contoso_member(
        "ann1",
        "ann1@contoso.com",
        "ann@contoso.com",
    ));
    w.users.push(contoso_member(
        "ann2",
        "ann2@contoso.com",
        "ann@contoso.com",
    ));
    w.users
        .push(contoso_member("ann", "ann@contoso.com", "ann@contoso.com"));
    let dir = Directory::from_world(w).unwrap();
    assert_eq!(
        dir.sign_in("contoso", "ann@contoso.com").unwrap().user_id(),
        "ann"
    );
}
