//! Approvals per tenant: what each person sees where they are signed in, and how each
//! type of approval resolves. The world is tests/fixtures/approvals.json; the clock
//! reads 2026-11-23T10:00:00Z unless a test says otherwise.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::approvals::{
    self, ApprovalBox, ApprovalItem, ApprovalQuery, NotificationReason, StatusFilter,
};
use guestpass::directory::Directory;
use guestpass::model::{Approval, ApprovalStatus};
use guestpass::session::Session;
use guestpass::timestamp::Timestamp;
use guestpass::Result;

const NOW: &str = "2026-11-23T10:00:00Z";
const FIXTURE: &str = include_str!("fixtures/approvals.json");

fn directory() -> Directory {
    Directory::from_json_str(include_str!("fixtures/approvals.json")).unwrap()
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse("test", text).unwrap()
}

fn now() -> Timestamp {
    at(NOW)
}

fn sign_in(dir: &Directory, tenant: &str, user: &str) -> Session {
    dir.sign_in(tenant, user).unwrap()
}

fn query(mailbox: ApprovalBox, status: StatusFilter) -> ApprovalQuery {
    ApprovalQuery { mailbox, status }
}

fn items_at<'d>(
    dir: &'d Directory,
    s: &Session,
    mailbox: ApprovalBox,
    status: StatusFilter,
    t: Timestamp,
) -> Vec<ApprovalItem<'d>> {
    s.approvals(dir, &query(mailbox, status), t).unwrap().items
}

fn ids<'a>(items: &'a [ApprovalItem<'_>]) -> Vec<&'a str> {
    items.iter().map(|i| i.approval.id.as_str()).collect()
}

fn received_pending(dir: &Directory, tenant: &str, user: &str) -> Vec<String> {
    let s = sign_in(dir, tenant, user);
    ids(&items_at(
        dir,
        &s,
        ApprovalBox::Received,
        StatusFilter::Pending,
        now(),
    ))
    .into_iter()
    .map(String::from)
    .collect()
}

fn item<'a, 'd>(items: &'a [ApprovalItem<'d>], id: &str) -> &'a ApprovalItem<'d> {
    items
        .iter()
        .find(|i| i.approval.id == id)
        .unwrap_or_else(|| panic!("{id} not listed"))
}

/// Runs a call that must be refused; checks the directory is byte-for-byte unchanged
/// and returns the error code.
fn refused<T: std::fmt::Debug>(
    dir: &mut Directory,
    call: impl FnOnce(&mut Directory) -> Result<T>,
) -> &'static str {
    let before = dir.to_json_string().unwrap();
    let version = dir.version();
    let err = call(dir).expect_err("the call should be refused");
    assert_eq!(
        dir.to_json_string().unwrap(),
        before,
        "a refused call changed the directory"
    );
    assert_eq!(dir.version(), version);
    err.code()
}

fn respond(dir: &mut Directory, user: &str, id: &str, response: &str) -> Approval {
    let s = sign_in(dir, "contoso", user);
    s.respond(dir, id, response, None, now()).unwrap()
}

// --- Who sees what, where ---------------------------------------------------------------

#[test]
fn signed_into_her_home_tenant_a_guest_does_not_see_the_resource_tenants_approvals() {
    let dir = directory();
    let alice_home = sign_in(&dir, "fabrikam", "alice@fabrikam.com");
    let received = items_at(
        &dir,
        &alice_home,
        ApprovalBox::Received,
        StatusFilter::All,
        now(),
    );
    assert_eq!(ids(&received), ["f-home"]);
    let sent = items_at(
        &dir,
        &alice_home,
        ApprovalBox::Sent,
        StatusFilter::All,
        now(),
    );
    assert_eq!(ids(&sent), ["f-bob"]);
}

#[test]
fn signed_in_as_a_guest_she_does_not_see_her_home_tenants_approvals() {
    let dir = directory();
    let alice_guest = sign_in(&dir, "contoso", "alice@fabrikam.com");
    assert_eq!(alice_guest.user_id(), "alice-at-contoso");
    let all = items_at(
        &dir,
        &alice_guest,
        ApprovalBox::Received,
        StatusFilter::All,
        now(),
    );
    assert_eq!(
        ids(&all),
        ["c-everyone", "c-first", "c-custom-one", "c-done", "c-old"]
    );
    assert!(all.iter().all(|i| i.approval.tenant_id == "contoso"));
    let sent = items_at(
        &dir,
        &alice_guest,
        ApprovalBox::Sent,
        StatusFilter::All,
        now(),
    );
    assert!(
        sent.is_empty(),
        "f-bob, which she sent from home, is not here"
    );
}

#[test]
fn a_person_sees_the_approvals_of_the_tenant_they_are_signed_into() {
    let dir = directory();
    let bob_home = sign_in(&dir, "contoso", "bob@contoso.com");
    let sent = items_at(&dir, &bob_home, ApprovalBox::Sent, StatusFilter::All, now());
    assert_eq!(sent.len(), 8);
    assert!(sent.iter().all(|i| i.approval.tenant_id == "contoso"));
    assert!(items_at(
        &dir,
        &bob_home,
        ApprovalBox::Received,
        StatusFilter::All,
        now()
    )
    .is_empty());

    // The same person signed into fabrikam, as a guest licensed at home.
    let bob_guest = sign_in(&dir, "fabrikam", "bob@contoso.com");
    assert_eq!(bob_guest.user_id(), "bob-at-fabrikam");
    let received = items_at(
        &dir,
        &bob_guest,
        ApprovalBox::Received,
        StatusFilter::Pending,
        now(),
    );
    assert_eq!(ids(&received), ["f-bob"]);
    assert!(items_at(
        &dir,
        &bob_guest,
        ApprovalBox::Sent,
        StatusFilter::All,
        now()
    )
    .is_empty());
}

#[test]
fn another_tenants_approval_is_to_a_session_one_that_does_not_exist() {
    let mut dir = directory();
    let bob = sign_in(&dir, "contoso", "bob");
    let foreign = bob
        .respond(&mut dir, "f-bob", "Approve", None, now())
        .unwrap_err();
    let missing = bob
        .respond(&mut dir, "no-such-approval", "Approve", None, now())
        .unwrap_err();
    assert_eq!(foreign.code(), "UNKNOWN_APPROVAL");
    assert_eq!(
        foreign.to_string().replace("f-bob", "X"),
        missing.to_string().replace("no-such-approval", "X"),
        "the refusal reveals nothing about the other tenant's approval"
    );
    assert_eq!(
        refused(&mut dir, |d| bob.cancel(d, "f-bob", now())),
        "UNKNOWN_APPROVAL"
    );
    assert_eq!(
        refused(&mut dir, |d| bob.reassign(d, "f-bob", "ann", now())),
        "UNKNOWN_APPROVAL"
    );
}

#[test]
fn a_guest_without_a_license_that_counts_sees_none_and_features_says_why() {
    let mut dir = directory();
    for user in ["carol@fabrikam.com", "lars"] {
        let s = sign_in(&dir, "contoso", user);
        let features = s.features(&dir).unwrap();
        assert!(!features.approvals.allowed);
        assert_eq!(features.approvals.code, Some("NO_LICENSE"));
        for mailbox in [ApprovalBox::Received, ApprovalBox::Sent] {
            assert!(items_at(&dir, &s, mailbox, StatusFilter::All, now()).is_empty());
        }
    }
    // carol-at-contoso is c-carol's approver, and still may not act on it.
    let carol = sign_in(&dir, "contoso", "carol@fabrikam.com");
    assert_eq!(
        refused(&mut dir, |d| carol.respond(
            d,
            "c-carol",
            "Approve",
            None,
            now()
        )),
        "NO_LICENSE"
    );
    // Licensed at home, the same guest sees it.
    let mut carol_home = dir.user("carol").unwrap().clone();
    carol_home.licenses = vec!["office365".into()];
    dir.upsert_user(carol_home).unwrap();
    assert_eq!(
        received_pending(&dir, "contoso", "carol-at-contoso"),
        ["c-carol"]
    );
}

// --- Lists --------------------------------------------------------------------------------

#[test]
fn received_pending_holds_what_waits_for_the_person_newest_first() {
    let dir = directory();
    // c-sequential waits for ann first; c-old expired; c-done is completed.
    assert_eq!(
        received_pending(&dir, "contoso", "alice-at-contoso"),
        ["c-everyone", "c-first", "c-custom-one"]
    );
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    let items = items_at(
        &dir,
        &alice,
        ApprovalBox::Received,
        StatusFilter::Pending,
        now(),
    );
    assert!(items
        .iter()
        .all(|i| i.can_respond && i.can_reassign && !i.can_cancel));
}

#[test]
fn membership_through_nested_groups_makes_an_approver() {
    let dir = directory();
    // c-custom-one names the group finance; alice-at-contoso is in emea-finance, in finance.
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    let items = items_at(
        &dir,
        &alice,
        ApprovalBox::Received,
        StatusFilter::Pending,
        now(),
    );
    let custom = item(&items, "c-custom-one");
    assert_eq!(
        custom.via.as_deref(),
        Some(&["emea-finance".to_string(), "finance".to_string()][..])
    );
    assert_eq!(custom.waiting_for, ["finance"]);
    // Named directly, there is no `via`.
    assert_eq!(item(&items, "c-first").via, None);
    assert_eq!(
        received_pending(&dir, "contoso", "dave"),
        ["c-first", "c-custom-one", "c-custom-all"]
    );
    assert!(received_pending(&dir, "contoso", "erin").contains(&"c-custom-one".to_string()));
}

// Approvals connector: its four types assign every approver at once; Power Automate builds
// a sequential approval as successive approval actions, each created when the one before
// it is approved.
#[test]
fn a_sequential_approval_is_successive_approvals_and_the_type_is_refused() {
    let mut dir = directory();
    // c-sequential is step 1 (ann); the later steps do not exist until it is approved.
    let pending_for = |dir: &Directory, user: &str| {
        received_pending(dir, "contoso", user).contains(&"c-sequential".to_string())
    };
    assert!(pending_for(&dir, "ann"));
    assert!(!pending_for(&dir, "alice-at-contoso"));
    let done = respond(&mut dir, "ann", "c-sequential", "Approve");
    assert_eq!(done.status, ApprovalStatus::Completed);
    assert_eq!(done.outcome.as_deref(), Some("Approve"));

    let world = FIXTURE.replace(
        r#""approvers": ["ann"],
      "type": "firstToRespond""#,
        r#""approvers": ["ann", "dave"],
      "type": "sequential""#,
    );
    assert_ne!(world, FIXTURE);
    let err = Directory::from_json_str(&world).unwrap_err();
    assert_eq!(err.code(), "INVALID_INPUT");
    assert!(err.to_string().contains("successive approvals"), "{err}");
}

#[test]
fn completed_holds_completed_canceled_and_expired_ones() {
    let mut dir = directory();
    let bob = sign_in(&dir, "contoso", "bob");
    bob.cancel(&mut dir, "c-carol", now()).unwrap();
    let done = items_at(
        &dir,
        &bob,
        ApprovalBox::Sent,
        StatusFilter::Completed,
        now(),
    );
    assert_eq!(ids(&done), ["c-carol", "c-done", "c-old"]);
    let statuses: Vec<ApprovalStatus> = done.iter().map(|i| i.approval.status).collect();
    assert_eq!(
        statuses,
        [
            ApprovalStatus::Canceled,
            ApprovalStatus::Completed,
            ApprovalStatus::Expired
        ]
    );
    assert!(done.iter().all(|i| !i.can_cancel && !i.can_respond));
    let pending = items_at(&dir, &bob, ApprovalBox::Sent, StatusFilter::Pending, now());
    assert_eq!(
        ids(&pending),
        [
            "c-sequential",
            "c-everyone",
            "c-first",
            "c-custom-one",
            "c-custom-all"
        ]
    );
    assert!(pending.iter().all(|i| i.can_cancel));
}

#[test]
// Power Automate "Limits of automated, scheduled, and instant flows": a run lasts at most
// 30 days from its start, pending approvals included.
fn an_approval_left_pending_30_days_expires_as_its_flow_run_times_out() {
    let mut dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    // c-old was created 2026-10-01T09:00:00Z.
    let before = at("2026-10-31T08:59:59Z");
    let expiry = at("2026-10-31T09:00:00Z");
    let listed = |t| {
        ids(&items_at(
            &dir,
            &alice,
            ApprovalBox::Received,
            StatusFilter::Pending,
            t,
        ))
        .contains(&"c-old")
    };
    assert!(listed(before));
    assert!(!listed(expiry));
    let done = items_at(
        &dir,
        &alice,
        ApprovalBox::Received,
        StatusFilter::Completed,
        expiry,
    );
    let old = item(&done, "c-old");
    assert_eq!(old.approval.status, ApprovalStatus::Expired);
    assert_eq!(old.expires_at.as_deref(), Some("2026-10-31T09:00:00Z"));
    assert!(!old.can_respond && !old.can_reassign);
    // Responding, reassigning and canceling are refused; nothing is written back.
    assert_eq!(
        refused(&mut dir, |d| alice.respond(
            d,
            "c-old",
            "Approve",
            None,
            now()
        )),
        "APPROVAL_EXPIRED"
    );
    assert_eq!(
        refused(&mut dir, |d| alice.reassign(d, "c-old", "ann", now())),
        "APPROVAL_EXPIRED"
    );
    let bob = sign_in(&dir, "contoso", "bob");
    assert_eq!(
        refused(&mut dir, |d| bob.cancel(d, "c-old", now())),
        "APPROVAL_EXPIRED"
    );
    // Just before the expiry, the response is taken.
    let answered = alice
        .respond(&mut dir, "c-old", "Reject", None, before)
        .unwrap();
    assert_eq!(answered.status, ApprovalStatus::Completed);
    assert_eq!(
        answered.completed_at.as_deref(),
        Some("2026-10-31T08:59:59Z")
    );
}

// --- How each type resolves ---------------------------------------------------------------

#[test]
fn first_to_respond_completes_at_the_first_response() {
    let mut dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    // Approvals connector: "Approve" and "Reject" are case-sensitive.
    assert_eq!(
        refused(&mut dir, |d| alice.respond(
            d,
            "c-first",
            "approve",
            None,
            now()
        )),
        "INVALID_RESPONSE"
    );
    let done = alice
        .respond(&mut dir, "c-first", "Approve", Some("  looks good "), now())
        .unwrap();
    assert_eq!(done.status, ApprovalStatus::Completed);
    assert_eq!(done.outcome.as_deref(), Some("Approve"));
    assert_eq!(done.completed_at.as_deref(), Some(NOW));
    let response = &done.responses[0];
    assert_eq!(response.approver_id, "alice-at-contoso");
    assert_eq!(
        response.response, "Approve",
        "stored with the option's spelling"
    );
    assert_eq!(response.comments.as_deref(), Some("looks good"));
    assert_eq!(response.responded_at, NOW);
    assert_eq!(response.on_behalf_of, None);
    assert_eq!(dir.approval("c-first"), Some(&done));
    let dave = sign_in(&dir, "contoso", "dave");
    assert_eq!(
        refused(&mut dir, |d| dave.respond(
            d,
            "c-first",
            "Reject",
            None,
            now()
        )),
        "APPROVAL_COMPLETED"
    );
}

#[test]
fn everyone_must_approve_waits_for_every_approver_then_completes_with_approve() {
    let mut dir = directory();
    let first = respond(&mut dir, "alice-at-contoso", "c-everyone", "Approve");
    assert_eq!(first.status, ApprovalStatus::Pending);
    assert_eq!(first.outcome, None);
    let last = respond(&mut dir, "ann", "c-everyone", "Approve");
    assert_eq!(last.status, ApprovalStatus::Completed);
    assert_eq!(last.outcome.as_deref(), Some("Approve"));
}

#[test]
fn one_reject_ends_everyone_must_approve() {
    let mut dir = directory();
    let ended = respond(&mut dir, "ann", "c-everyone", "Reject");
    assert_eq!(ended.status, ApprovalStatus::Completed);
    assert_eq!(ended.outcome.as_deref(), Some("Reject"));
    assert!(!received_pending(&dir, "contoso", "alice-at-contoso").contains(&"c-everyone".into()));
}

#[test]
fn custom_wait_for_one_completes_with_the_option_the_first_responder_chose() {
    let mut dir = directory();
    let done = respond(
        &mut dir,
        "alice-at-contoso",
        "c-custom-one",
        "Needs changes",
    );
    assert_eq!(done.status, ApprovalStatus::Completed);
    assert_eq!(done.outcome.as_deref(), Some("Needs changes"));
    // She answered as a member of finance, the group named among the approvers.
    assert_eq!(done.responses[0].on_behalf_of.as_deref(), Some("finance"));
}

#[test]
fn custom_wait_for_all_waits_for_every_approver_and_keeps_every_response() {
    let mut dir = directory();
    assert_eq!(
        respond(&mut dir, "ann", "c-custom-all", "Lisbon").status,
        ApprovalStatus::Pending
    );
    assert_eq!(
        respond(&mut dir, "dave", "c-custom-all", "Kraków").status,
        ApprovalStatus::Pending
    );
    let done = respond(&mut dir, "erin", "c-custom-all", "Either");
    assert_eq!(done.status, ApprovalStatus::Completed);
    assert_eq!(done.outcome, None, "the responses are the result");
    let answers: Vec<&str> = done.responses.iter().map(|r| r.response.as_str()).collect();
    assert_eq!(answers, ["Lisbon", "Kraków", "Either"]);
}

#[test]
fn a_group_approver_is_one_approver_answered_by_its_first_member() {
    let mut dir = directory();
    let mut everyone = dir.approval("c-everyone").unwrap().clone();
    everyone.approvers = vec!["finance".into(), "ann".into()];
    dir.upsert_approval(everyone).unwrap();
    let partial = respond(&mut dir, "dave", "c-everyone", "Approve");
    assert_eq!(partial.status, ApprovalStatus::Pending);
    assert_eq!(
        partial.responses[0].on_behalf_of.as_deref(),
        Some("finance")
    );
    // finance is answered: its other members are no longer waited for.
    assert!(!received_pending(&dir, "contoso", "alice-at-contoso").contains(&"c-everyone".into()));
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    assert_eq!(
        refused(&mut dir, |d| alice.respond(
            d,
            "c-everyone",
            "Approve",
            None,
            now()
        )),
        "ALREADY_RESPONDED"
    );
    let done = respond(&mut dir, "ann", "c-everyone", "Approve");
    assert_eq!(done.status, ApprovalStatus::Completed);
    assert_eq!(done.outcome.as_deref(), Some("Approve"));
}

// --- Refusals -----------------------------------------------------------------------------

#[test]
fn a_response_that_is_not_among_the_options_is_refused_naming_the_options() {
    let mut dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    let before = dir.to_json_string().unwrap();
    let err = alice
        .respond(&mut dir, "c-first", "Maybe", None, now())
        .unwrap_err();
    assert_eq!(dir.to_json_string().unwrap(), before);
    assert_eq!(err.code(), "INVALID_RESPONSE");
    assert!(err.to_string().contains("Approve, Reject"), "{err}");
    assert!(err
        .details()
        .contains(&("options", r#"["Approve","Reject"]"#.to_string())));
}

#[test]
fn a_second_response_from_the_same_approver_is_refused() {
    let mut dir = directory();
    respond(&mut dir, "alice-at-contoso", "c-everyone", "Approve");
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    assert_eq!(
        refused(&mut dir, |d| alice.respond(
            d,
            "c-everyone",
            "Reject",
            None,
            now()
        )),
        "ALREADY_RESPONDED"
    );
}

#[test]
fn only_approvers_may_respond_and_only_on_their_turn() {
    let mut dir = directory();
    let ann = sign_in(&dir, "contoso", "ann");
    assert_eq!(
        refused(&mut dir, |d| ann.respond(
            d,
            "c-first",
            "Approve",
            None,
            now()
        )),
        "NOT_AN_APPROVER"
    );
}

#[test]
fn a_canceled_approval_takes_no_more_responses() {
    let mut dir = directory();
    let bob = sign_in(&dir, "contoso", "bob");
    bob.cancel(&mut dir, "c-first", now()).unwrap();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    assert_eq!(
        refused(&mut dir, |d| alice.respond(
            d,
            "c-first",
            "Approve",
            None,
            now()
        )),
        "APPROVAL_CANCELED"
    );
    assert_eq!(
        refused(&mut dir, |d| alice.reassign(d, "c-first", "ann", now())),
        "APPROVAL_CANCELED"
    );
}

#[test]
fn over_long_comments_are_refused() {
    let mut dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    let long = "x".repeat(guestpass::limits::MAX_LONG_TEXT_CHARS + 1);
    assert_eq!(
        refused(&mut dir, |d| alice.respond(
            d,
            "c-first",
            "Approve",
            Some(&long),
            now()
        )),
        "LIMIT_EXCEEDED"
    );
}

// --- Reassign and cancel --------------------------------------------------------------------

#[test]
fn an_approver_who_has_not_responded_may_reassign_and_the_new_approver_takes_their_place() {
    let mut dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    let moved = alice
        .reassign(&mut dir, "c-first", "erin@contoso.com", now())
        .unwrap();
    assert_eq!(moved.approvers, ["erin", "dave"]);
    assert_eq!(moved.status, ApprovalStatus::Pending);
    assert!(!received_pending(&dir, "contoso", "alice-at-contoso").contains(&"c-first".into()));
    assert!(received_pending(&dir, "contoso", "erin").contains(&"c-first".into()));

    // A step of a sequential approval is an approval of its own: erin takes ann's step.
    let ann = sign_in(&dir, "contoso", "ann");
    let moved = ann
        .reassign(&mut dir, "c-sequential", "erin", now())
        .unwrap();
    assert_eq!(moved.approvers, ["erin"]);
    assert!(received_pending(&dir, "contoso", "erin").contains(&"c-sequential".into()));

    // A member of a group approver hands over the group's position.
    let moved = alice
        .reassign(&mut dir, "c-custom-one", "ann", now())
        .unwrap();
    assert_eq!(moved.approvers, ["ann"]);
    assert!(!received_pending(&dir, "contoso", "dave").contains(&"c-custom-one".into()));
}

#[test]
fn reassigning_is_refused_with_a_code_that_says_why() {
    let mut dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    // Not a user of this tenant (alice's own member object lives in fabrikam).
    assert_eq!(
        refused(&mut dir, |d| alice.reassign(d, "c-first", "alice", now())),
        "USER_NOT_FOUND"
    );
    assert_eq!(
        refused(&mut dir, |d| alice.reassign(
            d,
            "c-first",
            "frank@fabrikam.com",
            now()
        )),
        "USER_NOT_FOUND"
    );
    for taken in ["dave", "alice-at-contoso"] {
        assert_eq!(
            refused(&mut dir, |d| alice.reassign(d, "c-first", taken, now())),
            "ALREADY_AN_APPROVER"
        );
    }
    let ann = sign_in(&dir, "contoso", "ann");
    assert_eq!(
        refused(&mut dir, |d| ann.reassign(d, "c-first", "erin", now())),
        "NOT_AN_APPROVER"
    );
    respond(&mut dir, "alice-at-contoso", "c-everyone", "Approve");
    assert_eq!(
        refused(&mut dir, |d| alice.reassign(d, "c-everyone", "erin", now())),
        "ALREADY_RESPONDED"
    );
    assert_eq!(
        refused(&mut dir, |d| alice.reassign(d, "c-done", "erin", now())),
        "APPROVAL_COMPLETED"
    );
}

#[test]
fn only_the_requester_may_cancel_a_pending_approval() {
    let mut dir = directory();
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    assert_eq!(
        refused(&mut dir, |d| alice.cancel(d, "c-first", now())),
        "NOT_THE_REQUESTER"
    );
    let bob = sign_in(&dir, "contoso", "bob");
    let canceled = bob.cancel(&mut dir, "c-first", now()).unwrap();
    assert_eq!(canceled.status, ApprovalStatus::Canceled);
    assert_eq!(canceled.completed_at.as_deref(), Some(NOW));
    assert_eq!(
        refused(&mut dir, |d| bob.cancel(d, "c-first", now())),
        "APPROVAL_CANCELED"
    );
    assert_eq!(
        refused(&mut dir, |d| bob.cancel(d, "c-done", now())),
        "APPROVAL_COMPLETED"
    );
}

// --- Notifications ------------------------------------------------------------------------

#[test]
fn a_guest_is_told_at_her_real_address_with_a_link_to_the_resource_tenants_approvals_page() {
    let dir = directory();
    let told = approvals::notifications(&dir, "c-first", now()).unwrap();
    let who: Vec<(&str, Option<&str>)> = told
        .iter()
        .map(|n| (n.user_id.as_str(), n.address.as_deref()))
        .collect();
    assert_eq!(
        who,
        [
            ("alice-at-contoso", Some("alice@fabrikam.com")),
            ("dave", Some("dave@contoso.com"))
        ]
    );
    let alice = &told[0];
    assert_eq!(alice.reason, NotificationReason::ResponseRequested);
    assert_eq!(alice.tenant_id, "contoso");
    assert_eq!(
        alice.link,
        "https://make.powerautomate.com/approvals/received?tenantId=contoso&approvalId=c-first"
    );
    assert!(told
        .iter()
        .all(|n| !n.address.as_deref().unwrap_or_default().contains("#EXT#")));
    // Approvals connector, known issues: actionable approval mails in Outlook are not
    // supported for guests; they act in the Power Automate portal (the link).
    assert!(!alice.actionable_in_email);
    assert!(told[1].actionable_in_email);
}

#[test]
fn a_group_approver_is_told_as_its_members() {
    let dir = directory();
    let told = approvals::notifications(&dir, "c-custom-one", now()).unwrap();
    let who: Vec<(&str, Option<&str>)> = told
        .iter()
        .map(|n| (n.user_id.as_str(), n.address.as_deref()))
        .collect();
    // erin has no mail: a member's userPrincipalName is where she gets mail.
    assert_eq!(
        who,
        [
            ("dave", Some("dave@contoso.com")),
            ("alice-at-contoso", Some("alice@fabrikam.com")),
            ("erin", Some("erin@contoso.com"))
        ]
    );
    assert!(told
        .iter()
        .all(|n| n.on_behalf_of.as_deref() == Some("finance")));
    let told = approvals::notifications(&dir, "c-sequential", now()).unwrap();
    let who: Vec<&str> = told.iter().map(|n| n.user_id.as_str()).collect();
    assert_eq!(who, ["ann"]);
}

#[test]
fn a_guest_without_mail_is_told_at_another_address_never_the_ext_upn() {
    let mut dir = directory();
    let mut first = dir.approval("c-first").unwrap().clone();
    first.approvers = vec!["zoe-at-contoso".into()];
    dir.upsert_approval(first).unwrap();
    let told = approvals::notifications(&dir, "c-first", now()).unwrap();
    assert_eq!(told[0].address.as_deref(), Some("zoe@tailspin.us"));
}

#[test]
fn on_completion_the_requester_is_told_and_expired_or_canceled_ones_say_so() {
    let mut dir = directory();
    respond(&mut dir, "alice-at-contoso", "c-first", "Approve");
    let told = approvals::notifications(&dir, "c-first", now()).unwrap();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].user_id, "bob");
    assert_eq!(told[0].reason, NotificationReason::Completed);
    assert_eq!(
        told[0].link,
        "https://make.powerautomate.com/approvals/sent?tenantId=contoso&approvalId=c-first"
    );
    let told = approvals::notifications(&dir, "c-old", now()).unwrap();
    assert_eq!(told[0].user_id, "bob");
    assert_eq!(told[0].reason, NotificationReason::Expired);

    let bob = sign_in(&dir, "contoso", "bob");
    bob.cancel(&mut dir, "c-everyone", now()).unwrap();
    let told = approvals::notifications(&dir, "c-everyone", now()).unwrap();
    let who: Vec<(&str, NotificationReason)> = told
        .iter()
        .map(|n| (n.user_id.as_str(), n.reason))
        .collect();
    assert_eq!(
        who,
        [
            ("alice-at-contoso", NotificationReason::Canceled),
            ("ann", NotificationReason::Canceled)
        ]
    );
    assert_eq!(
        approvals::notifications(&dir, "nope", now())
            .unwrap_err()
            .code(),
        "UNKNOWN_APPROVAL"
    );
}

#[test]
// Power Automate "Power Automate US Government" (GCC apart from GCC High, and DoD) and
// "Power Automate operated by 21Vianet": each offering has its own portal.
fn the_link_follows_the_tenants_cloud_and_encodes_ids() {
    use guestpass::model::{Cloud, UsGovernment};
    let dir = directory();
    let tailspin = dir.tenant("tailspin").unwrap().clone();
    assert_eq!(
        approvals::approvals_page(&tailspin, "po 7/a", true),
        "https://make.high.powerautomate.us/approvals/sent?tenantId=tailspin&approvalId=po%207%2Fa"
    );
    let hosts = [
        (Cloud::Global, None, "https://make.powerautomate.com/"),
        (
            Cloud::Global,
            Some(UsGovernment::Gcc),
            "https://make.gov.powerautomate.us/",
        ),
        (
            Cloud::Usgov,
            Some(UsGovernment::GccHigh),
            "https://make.high.powerautomate.us/",
        ),
        (
            Cloud::Usgov,
            Some(UsGovernment::Dod),
            "https://make.powerautomate.appsplatform.us/",
        ),
        (Cloud::China, None, "https://make.powerautomate.cn/"),
    ];
    for (cloud, us_government, host) in hosts {
        let mut t = tailspin.clone();
        t.cloud = cloud;
        t.us_government = us_government;
        assert!(
            approvals::approvals_page(&t, "a", false).starts_with(host),
            "{host}"
        );
    }
    // An offering in the wrong cloud is refused.
    let mut dir = directory();
    let mut gcc_in_usgov = tailspin.clone();
    gcc_in_usgov.us_government = Some(UsGovernment::Gcc);
    assert_eq!(
        dir.upsert_tenant(gcc_in_usgov).unwrap_err().code(),
        "INVALID_VALUE"
    );
}

// --- Approvals that cannot be (issue 21, defect 5) -----------------------------------------

/// The fixture with `old` replaced by `new` (which must occur).
fn fixture_with(old: &str, new: &str) -> String {
    assert!(FIXTURE.contains(old), "{old}");
    FIXTURE.replacen(old, new, 1)
}

#[test]
fn a_response_from_someone_who_is_not_an_approver_is_refused() {
    // c-done's only response comes from a stranger.
    let world = fixture_with(
        r#"{ "approverId": "dave", "response": "Approve""#,
        r#"{ "approverId": "ann", "response": "Approve""#,
    );
    let err = Directory::from_json_str(&world).unwrap_err();
    assert_eq!(err.code(), "INVALID_VALUE");
    assert!(err.to_string().contains("responses[0].approverId"), "{err}");
    let mut dir = directory();
    let before = dir.to_json_string().unwrap();
    let mut done = dir.approval("c-done").unwrap().clone();
    done.responses[0].approver_id = "ann".into();
    assert_eq!(
        dir.upsert_approval(done).unwrap_err().code(),
        "INVALID_VALUE"
    );
    assert_eq!(dir.to_json_string().unwrap(), before);
}

#[test]
fn a_first_to_respond_approval_still_pending_after_a_response_is_refused() {
    let world = fixture_with(r#""status": "completed", "outcome": "Approve","#, "");
    let err = Directory::from_json_str(&world).unwrap_err();
    assert_eq!(err.code(), "INVALID_VALUE");
    assert!(err.to_string().contains("c-done].status"), "{err}");
    let mut dir = directory();
    let mut done = dir.approval("c-done").unwrap().clone();
    done.status = ApprovalStatus::Pending;
    done.outcome = None;
    assert_eq!(
        dir.upsert_approval(done).unwrap_err().code(),
        "INVALID_VALUE"
    );
}

#[test]
fn a_response_before_the_approval_was_created_is_refused() {
    let world = fixture_with(
        r#""respondedAt": "2026-11-10T10:00:00Z""#,
        r#""respondedAt": "2026-11-10T08:59:59Z""#,
    );
    let err = Directory::from_json_str(&world).unwrap_err();
    assert_eq!(err.code(), "INVALID_VALUE");
    assert!(err.to_string().contains("respondedAt"), "{err}");
    let mut dir = directory();
    let mut done = dir.approval("c-done").unwrap().clone();
    done.responses[0].responded_at = "2026-11-09T10:00:00+00:00".into();
    assert_eq!(
        dir.upsert_approval(done).unwrap_err().code(),
        "INVALID_VALUE"
    );
}

// --- Data and time ------------------------------------------------------------------------

#[test]
fn approvals_with_bad_times_or_options_are_refused_when_loaded() {
    let json = include_str!("fixtures/approvals.json");
    let cases = [
        (
            r#""createdAt": "2026-11-20T09:00:00Z""#,
            r#""createdAt": "20/11/2026""#,
            "INVALID_TIME",
        ),
        (
            r#""approvers": ["alice-at-contoso", "dave"]"#,
            r#""approvers": ["dave", "dave"]"#,
            "INVALID_VALUE",
        ),
        (
            r#""responseOptions": ["Approve", "Reject"], "createdAt": "2026-11-20T09:00:00Z""#,
            r#""responseOptions": ["Yes", "No"], "createdAt": "2026-11-20T09:00:00Z""#,
            "INVALID_VALUE",
        ),
        (
            r#""respondedAt": "2026-11-10T10:00:00Z" }"#,
            r#""respondedAt": "2026-11-10T10:00:00Z", "onBehalfOf": "finance" }"#,
            "INVALID_VALUE",
        ),
    ];
    for (from, to, code) in cases {
        assert!(json.contains(from), "{from}");
        let err = Directory::from_json_str(&json.replacen(from, to, 1)).unwrap_err();
        assert_eq!(err.code(), code, "{to}: {err}");
    }
}

#[test]
fn the_clock_is_not_part_of_the_world() {
    let mut dir = directory();
    let before = dir.to_json_string().unwrap();
    let version = dir.version();
    dir.set_clock(Some(now()));
    assert_eq!(dir.clock(), Some(now()));
    assert_eq!(dir.to_json_string().unwrap(), before);
    assert_eq!(dir.version(), version);
}

// --- The index ----------------------------------------------------------------------------

/// Every list of every person, as JSON, for comparing two directories.
fn every_list(dir: &Directory) -> Vec<String> {
    let mut out = Vec::new();
    let mut users: Vec<(String, String)> = dir
        .users()
        .map(|u| (u.tenant_id.clone(), u.id.clone()))
        .collect();
    users.sort();
    for (tenant, user) in users {
        let Ok(s) = dir.sign_in(&tenant, &user) else {
            continue;
        };
        for mailbox in [ApprovalBox::Received, ApprovalBox::Sent] {
            for status in [
                StatusFilter::Pending,
                StatusFilter::Completed,
                StatusFilter::All,
            ] {
                let items = s.approvals(dir, &query(mailbox, status), now()).unwrap();
                out.push(format!(
                    "{user} {mailbox:?} {status:?} {}",
                    serde_json::to_string(&items).unwrap()
                ));
            }
        }
    }
    out
}

/// What a scan of every approval says is in a person's boxes.
fn check_against_a_scan(dir: &Directory) {
    for user in dir.users() {
        let Ok(s) = dir.sign_in(&user.tenant_id, &user.id) else {
            continue;
        };
        if !s.features(dir).unwrap().approvals.allowed {
            continue;
        }
        let groups: Vec<String> = dir
            .transitive_groups_of(&user.id)
            .into_iter()
            .map(|m| m.group_id)
            .collect();
        let mut received: Vec<&Approval> = dir
            .approvals()
            .filter(|a| a.tenant_id == user.tenant_id)
            .filter(|a| {
                a.approvers
                    .iter()
                    .any(|p| *p == user.id || groups.contains(p))
                    || a.responses.iter().any(|r| r.approver_id == user.id)
            })
            .collect();
        let mut sent: Vec<&Approval> = dir
            .approvals()
            .filter(|a| a.requester_id == user.id)
            .collect();
        for list in [&mut received, &mut sent] {
            list.sort_by_key(|a| (std::cmp::Reverse(at(&a.created_at)), a.id.clone()));
        }
        let scanned = |list: &[&Approval]| list.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        let listed = |mailbox| {
            ids(&items_at(dir, &s, mailbox, StatusFilter::All, now()))
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            listed(ApprovalBox::Received),
            scanned(&received),
            "{}",
            user.id
        );
        assert_eq!(listed(ApprovalBox::Sent), scanned(&sent), "{}", user.id);
        // pending and completed split the Sent box.
        let pending = items_at(dir, &s, ApprovalBox::Sent, StatusFilter::Pending, now());
        let done = items_at(dir, &s, ApprovalBox::Sent, StatusFilter::Completed, now());
        assert_eq!(pending.len() + done.len(), sent.len(), "{}", user.id);
    }
}

#[test]
fn lists_follow_every_change_and_agree_with_a_scan_and_a_fresh_index() {
    let mut dir = directory();
    check_against_a_scan(&dir);
    respond(&mut dir, "ann", "c-sequential", "Approve");
    respond(&mut dir, "alice-at-contoso", "c-everyone", "Approve");
    let alice = sign_in(&dir, "contoso", "alice-at-contoso");
    alice.reassign(&mut dir, "c-first", "erin", now()).unwrap();
    let bob = sign_in(&dir, "contoso", "bob");
    bob.cancel(&mut dir, "c-custom-all", now()).unwrap();
    let mut extra = dir.approval("c-first").unwrap().clone();
    extra.id = "c-new".into();
    extra.approvers = vec!["emea-finance".into()];
    extra.created_at = "2026-11-23T09:30:00+01:00".into();
    dir.upsert_approval(extra).unwrap();
    dir.remove_approval("c-done").unwrap();
    // Group membership changes need no index upkeep: lists expand groups when asked.
    let mut emea = dir.group("emea-finance").unwrap().clone();
    emea.members.retain(|m| m != "alice-at-contoso");
    dir.upsert_group(emea).unwrap();
    assert!(!received_pending(&dir, "contoso", "alice-at-contoso").contains(&"c-new".into()));
    assert_eq!(received_pending(&dir, "contoso", "erin")[0], "c-new");
    check_against_a_scan(&dir);

    let fresh = Directory::from_json_str(&dir.to_json_string().unwrap()).unwrap();
    assert_eq!(every_list(&dir), every_list(&fresh));
}

#[test]
fn people_who_take_part_in_approvals_cannot_be_removed_and_the_rest_can() {
    let mut dir = directory();
    assert_eq!(refused(&mut dir, |d| d.remove_user("dave")), "IN_USE");
    assert_eq!(refused(&mut dir, |d| d.remove_user("bob")), "IN_USE");
    assert_eq!(refused(&mut dir, |d| d.remove_group("finance")), "IN_USE");
    dir.remove_user("lars").unwrap();
    dir.remove_group("emea-finance").unwrap();
    assert_eq!(
        received_pending(&dir, "contoso", "alice-at-contoso"),
        ["c-everyone", "c-first"]
    );
}

#[test]
fn in_the_sample_world_every_list_agrees_with_a_scan_and_each_tenant_keeps_its_own() {
    use guestpass_sample::{sample_world, SampleOptions};
    let dir = Directory::from_world(sample_world(&SampleOptions::default())).unwrap();
    check_against_a_scan(&dir);
    // bob in his home tenant and bob as a guest in fabrikam see different approvals.
    let home = received_pending(&dir, "contoso", "bob");
    let guest = received_pending(&dir, "fabrikam", "bob@contoso.com");
    assert!(guest.contains(&"fab-po-7".to_string()), "{guest:?}");
    assert!(!home.contains(&"fab-po-7".to_string()), "{home:?}");
    assert!(guest
        .iter()
        .all(|id| dir.approval(id).unwrap().tenant_id == "fabrikam"));
    assert!(home
        .iter()
        .all(|id| dir.approval(id).unwrap().tenant_id == "contoso"));
}
