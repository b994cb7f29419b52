//! The third state: what a resource tenant cannot see about a guest's home (their home
//! licences, their home tenant's outbound settings, which tenant it is) is answered as
//! `unknown` with the missing fact named, never as a false "no"; a fact the caller
//! supplies at sign-in makes the answer certain. Rules: Power Automate "Support for guest
//! users" (a licence in the resource or the home tenant; consent) and Entra "Cross-tenant
//! access overview" (inbound here, outbound at home; a partner entry overrides the default).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::approvals::{ApprovalBox, ApprovalQuery, StatusFilter};
use guestpass::b2b::{self, HomeFacts, Outcome};
use guestpass::directory::Directory;
use guestpass::session::Session;
use guestpass::timestamp::Timestamp;
use guestpass_sample::{sample_world, SampleOptions};

/// tests/fixtures/home_facts.json with contoso's settings replaced. Contoso holds: members `bob` (licensed, consented) and `lars` (no licence); guests
/// `pat` (an outside account: no home tenant, no licence here), `kim` (no home tenant,
/// licensed here), `lee` (home tenant fabrikam loaded, home user not), `alice` (home user
/// `alice-home` licensed in fabrikam). A flow `invoices` run-only for pat, kim and lee, a
/// turned-off flow `nightly` run-only for pat, and an approval waiting for pat, lars, bob.
/// `northwind` is a tenant with nobody in it, for partner entries (a partner key names a
/// tenant of the world: `DANGLING_REFERENCE` otherwise).
fn world(contoso_settings: &str) -> Directory {
    let mut world: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/home_facts.json")).unwrap();
    world["tenants"][0]["settings"] = serde_json::from_str(contoso_settings).unwrap();
    Directory::from_json_str(&world.to_string()).unwrap()
}

fn defaults() -> Directory {
    world("{}")
}

fn facts(licensed: Option<bool>, outbound_allowed: Option<bool>) -> HomeFacts {
    HomeFacts {
        licensed,
        outbound_allowed,
        ..HomeFacts::default()
    }
}

fn sign_in(dir: &Directory, user: &str, home: HomeFacts) -> Session {
    dir.sign_in_with("contoso", user, home).unwrap()
}

fn now() -> Timestamp {
    Timestamp::parse("now", "2026-11-23T10:00:00Z").unwrap()
}

/// `(outcome, code)` of `features().runFlows` and `features().approvals`, which must agree.
fn run_flows(dir: &Directory, s: &Session) -> (Outcome, Option<&'static str>) {
    let f = s.features(dir).unwrap();
    assert_eq!(f.run_flows, f.approvals, "one rule for every capability");
    assert_eq!(f.run_flows.allowed, f.run_flows.outcome == Outcome::Allowed);
    (f.run_flows.outcome, f.run_flows.code)
}

#[test]
fn a_guest_whose_home_is_not_loaded_is_unknown_not_refused() {
    let dir = defaults();
    // Issue 16.7: no longer skipped silently; the sign-in itself is not refused.
    let pat = sign_in(&dir, "pat", HomeFacts::default());
    assert_eq!(
        run_flows(&dir, &pat),
        (Outcome::Unknown, Some("HOME_OUTBOUND_UNKNOWN"))
    );
    let c = pat.collaboration(&dir).unwrap();
    assert!(!c.allowed);
    assert_eq!(c.outcome, Outcome::Unknown);
    assert!(c.blockers.is_empty());
    let unknown: Vec<_> = c.unknown.iter().map(|u| (u.code.code(), u.fact)).collect();
    assert_eq!(unknown, [("HOME_OUTBOUND_UNKNOWN", "outboundAllowed")]);
    // A licence here is certain; the home's outbound settings are not.
    let kim = sign_in(&dir, "kim", HomeFacts::default());
    assert_eq!(
        run_flows(&dir, &kim),
        (Outcome::Unknown, Some("HOME_OUTBOUND_UNKNOWN"))
    );
    assert_eq!(
        kim.features(&dir).unwrap().license,
        Some(b2b::LicenseSource::ThisTenant)
    );
}

#[test]
fn supplied_facts_make_the_answer_certain() {
    let dir = defaults();
    let pat = sign_in(&dir, "pat", facts(None, Some(true)));
    assert_eq!(
        run_flows(&dir, &pat),
        (Outcome::Unknown, Some("HOME_LICENSE_UNKNOWN"))
    );
    let pat = sign_in(&dir, "pat", facts(Some(true), Some(true)));
    assert_eq!(run_flows(&dir, &pat), (Outcome::Allowed, None));
    assert_eq!(
        pat.features(&dir).unwrap().license,
        Some(b2b::LicenseSource::HomeTenant)
    );
    assert_eq!(pat.collaboration(&dir).unwrap().outcome, Outcome::Allowed);
    // A certain "no" is reported before an unknown fact.
    let pat = sign_in(&dir, "pat", facts(Some(false), None));
    assert_eq!(run_flows(&dir, &pat), (Outcome::Denied, Some("NO_LICENSE")));
    let kim = sign_in(&dir, "kim", facts(None, Some(true)));
    assert_eq!(run_flows(&dir, &kim), (Outcome::Allowed, None));
    // The home says no: the sign-in is refused, as for a loaded home tenant.
    let err = dir
        .sign_in_with("contoso", "pat", facts(None, Some(false)))
        .unwrap_err();
    assert_eq!(err.code(), "COLLABORATION_BLOCKED");
    assert!(
        err.to_string().contains("homeFacts.outboundAllowed"),
        "{err}"
    );
}

#[test]
fn a_loaded_home_tenant_without_the_home_user_leaves_only_the_licence_unknown() {
    let dir = defaults();
    let lee = sign_in(&dir, "lee", HomeFacts::default());
    assert_eq!(
        run_flows(&dir, &lee),
        (Outcome::Unknown, Some("HOME_LICENSE_UNKNOWN"))
    );
    assert_eq!(lee.collaboration(&dir).unwrap().outcome, Outcome::Allowed);
    let lee = sign_in(&dir, "lee", facts(Some(true), None));
    assert_eq!(run_flows(&dir, &lee), (Outcome::Allowed, None));
}

#[test]
fn what_the_directory_holds_wins_over_a_supplied_fact() {
    let dir = defaults();
    // alice's home user is licensed in fabrikam, and fabrikam allows outbound.
    let alice = sign_in(&dir, "alice", facts(Some(false), Some(false)));
    assert_eq!(run_flows(&dir, &alice), (Outcome::Allowed, None));
    // A home tenant id that contradicts the directory, or names this tenant, is refused.
    for claimed in ["northwind", "contoso"] {
        let home = HomeFacts {
            tenant_id: Some(claimed.into()),
            ..HomeFacts::default()
        };
        let err = dir.sign_in_with("contoso", "alice", home).unwrap_err();
        assert_eq!(err.code(), "INVALID_VALUE", "{claimed}");
    }
    // Members have no home facts: ignored.
    let bob = sign_in(&dir, "bob", facts(Some(false), Some(false)));
    assert_eq!(run_flows(&dir, &bob), (Outcome::Allowed, None));
}

#[test]
fn partner_entries_that_differ_make_the_home_tenant_itself_unknown() {
    // Contoso lets everyone in by default but blocks northwind inbound.
    let dir =
        world(r#"{ "crossTenantAccess": { "partners": { "northwind": { "inbound": false } } } }"#);
    let kim = sign_in(&dir, "kim", facts(None, Some(true)));
    assert_eq!(
        run_flows(&dir, &kim),
        (Outcome::Unknown, Some("HOME_TENANT_UNKNOWN"))
    );
    let named = |tenant: &str| HomeFacts {
        tenant_id: Some(tenant.into()),
        outbound_allowed: Some(true),
        ..HomeFacts::default()
    };
    let kim = sign_in(&dir, "kim", named("adatum"));
    assert_eq!(run_flows(&dir, &kim), (Outcome::Allowed, None));
    let err = dir
        .sign_in_with("contoso", "kim", named("northwind"))
        .unwrap_err();
    assert_eq!(err.code(), "COLLABORATION_BLOCKED");
    // Every entry blocks inbound: certainly blocked, whoever the home is.
    let closed = world(r#"{ "crossTenantAccess": { "default": { "inbound": false } } }"#);
    let err = closed.sign_in("contoso", "pat").unwrap_err();
    assert_eq!(err.code(), "COLLABORATION_BLOCKED");
}

#[test]
fn checks_say_unknown_only_when_nothing_certain_says_no() {
    let dir = defaults();
    let pat = sign_in(&dir, "pat", HomeFacts::default());
    let run = pat.check(&dir, "run", "invoices").unwrap();
    assert!(!run.allowed);
    assert_eq!(run.outcome, Outcome::Unknown);
    assert_eq!(run.code.map(|c| c.as_str()), Some("HOME_OUTBOUND_UNKNOWN"));
    assert!(run.message.contains("homeFacts.outboundAllowed"));
    // The role does not permit it, the flow is off: certain.
    let edit = pat.check(&dir, "edit", "invoices").unwrap();
    assert_eq!(
        (edit.outcome, edit.code.map(|c| c.as_str())),
        (Outcome::Denied, Some("RUN_ONLY_CANNOT_EDIT"))
    );
    let off = pat.check(&dir, "run", "nightly").unwrap();
    assert_eq!(
        (off.outcome, off.code.map(|c| c.as_str())),
        (Outcome::Denied, Some("FLOW_TURNED_OFF"))
    );
    assert!(pat.allowed_actions(&dir, "invoices").unwrap().is_empty());
    let many = pat
        .check_many(&dir, &[("run", "invoices"), ("edit", "invoices")])
        .unwrap();
    let outcomes: Vec<_> = many.iter().map(|d| d.as_ref().unwrap().outcome).collect();
    assert_eq!(outcomes, [Outcome::Unknown, Outcome::Denied]);
    // With the facts: certain.
    let pat = sign_in(&dir, "pat", facts(Some(true), Some(true)));
    let run = pat.check(&dir, "run", "invoices").unwrap();
    assert!(run.allowed);
    assert_eq!(run.outcome, Outcome::Allowed);
    assert_eq!(
        pat.allowed_actions(&dir, "invoices").unwrap(),
        [guestpass::sharing::Action::Run]
    );
}

#[test]
fn approvals_say_why_they_are_blocked_instead_of_an_empty_list() {
    let mut dir = defaults();
    let received = ApprovalQuery {
        mailbox: ApprovalBox::Received,
        status: StatusFilter::Pending,
    };
    // Issue 16.3: a missing prerequisite is a reason, not a silent [].
    let lars = sign_in(&dir, "lars", HomeFacts::default());
    let list = lars.approvals(&dir, &received, now()).unwrap();
    assert!(list.items.is_empty());
    let blocked = list.blocked.unwrap();
    assert_eq!(
        (blocked.outcome, blocked.code),
        (Outcome::Denied, "NO_LICENSE")
    );
    let pat = sign_in(&dir, "pat", HomeFacts::default());
    let list = pat.approvals(&dir, &received, now()).unwrap();
    assert!(list.items.is_empty());
    let blocked = list.blocked.unwrap();
    assert_eq!(
        (blocked.outcome, blocked.code),
        (Outcome::Unknown, "HOME_OUTBOUND_UNKNOWN")
    );
    let err = pat
        .respond(&mut dir, "po-1", "Approve", None, now())
        .unwrap_err();
    assert_eq!(err.code(), "HOME_OUTBOUND_UNKNOWN");
    let pat = sign_in(&dir, "pat", facts(Some(true), Some(true)));
    let list = pat.approvals(&dir, &received, now()).unwrap();
    assert!(list.blocked.is_none());
    assert_eq!(list.items[0].approval.id, "po-1");
    pat.respond(&mut dir, "po-1", "Approve", None, now())
        .unwrap();
}

#[test]
fn notifications_say_when_an_approver_cannot_act() {
    let dir = defaults();
    let told = guestpass::approvals::notifications(&dir, "po-1", now()).unwrap();
    let blocked: Vec<_> = told
        .iter()
        .map(|n| (n.user_id.as_str(), n.blocked.map(|b| (b.outcome, b.code))))
        .collect();
    assert_eq!(
        blocked,
        [
            ("pat", Some((Outcome::Unknown, "HOME_OUTBOUND_UNKNOWN"))),
            ("lars", Some((Outcome::Denied, "NO_LICENSE"))),
            ("bob", None),
        ]
    );
}

#[test]
fn a_world_that_holds_both_tenants_answers_with_certainty() {
    let dir = Directory::from_world(sample_world(&SampleOptions::default())).unwrap();
    let mut certain = 0;
    for user in dir.users().filter(|u| u.is_guest() && !u.is_pending()) {
        let Ok(s) = dir.sign_in(&user.tenant_id, &user.id) else {
            continue;
        };
        let outcome = s.features(&dir).unwrap().run_flows.outcome;
        if user.home_user_id.is_some() {
            assert_ne!(outcome, Outcome::Unknown, "{}", user.id);
            certain += 1;
        }
    }
    assert!(certain > 100, "{certain}");
    // dir.collaboration names two loaded tenants: always certain.
    for (resource, home) in [("contoso", "fabrikam"), ("contoso", "woodgrove")] {
        let c = b2b::collaboration(&dir, resource, home).unwrap();
        assert_ne!(c.outcome, Outcome::Unknown);
        assert!(c.unknown.is_empty());
    }
    // The sample's outside account has no home tenant in the world, and contoso's
    // partner entries differ: which one applies is unknown until the caller says.
    let pat = dir.sign_in("contoso", "pat-at-contoso").unwrap();
    assert_eq!(
        pat.features(&dir).unwrap().run_flows.code,
        Some("HOME_TENANT_UNKNOWN")
    );
    let no_entra_home = HomeFacts {
        entra_home: Some(false),
        ..HomeFacts::default()
    };
    let pat = dir
        .sign_in_with("contoso", "pat-at-contoso", no_entra_home)
        .unwrap();
    assert_eq!(
        pat.features(&dir).unwrap().run_flows.outcome,
        Outcome::Allowed
    );
}

#[test]
fn an_account_with_no_entra_home_has_no_home_facts_to_wait_for() {
    let dir =
        world(r#"{ "crossTenantAccess": { "partners": { "northwind": { "inbound": false } } } }"#);
    let no_entra_home = HomeFacts {
        entra_home: Some(false),
        ..HomeFacts::default()
    };
    // Licensed here: allowed. Not licensed here: certainly no licence (none at home).
    let kim = sign_in(&dir, "kim", no_entra_home.clone());
    assert_eq!(run_flows(&dir, &kim), (Outcome::Allowed, None));
    assert_eq!(kim.collaboration(&dir).unwrap().outcome, Outcome::Allowed);
    let pat = sign_in(&dir, "pat", no_entra_home.clone());
    assert_eq!(run_flows(&dir, &pat), (Outcome::Denied, Some("NO_LICENSE")));
    // It contradicts a home tenant or a home licence.
    let err = dir
        .sign_in_with("contoso", "lee", no_entra_home.clone())
        .unwrap_err();
    assert_eq!(err.code(), "INVALID_VALUE");
    let licensed = HomeFacts {
        licensed: Some(true),
        ..no_entra_home
    };
    let err = dir.sign_in_with("contoso", "pat", licensed).unwrap_err();
    assert_eq!(err.code(), "INVALID_VALUE");
}
