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
