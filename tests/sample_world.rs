#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The sample world: deterministic, internally consistent, and holding the well-known
//! people the demo and the tests rely on.

use guestpass::model::{
    ApprovalStatus, ApprovalType, Cloud, ExternalUserState, Group, Trigger, User, UserType, World,
};
use guestpass_sample::{sample_world, SampleOptions};
use std::collections::{BTreeSet, HashMap, HashSet};

fn world(users: usize, seed: u64) -> World {
    sample_world(&SampleOptions { users, seed })
}

/// Where each id lives: its tenant (None for connectors) and what kind of object it is.
struct Index<'a> {
    users: HashMap<&'a str, &'a User>,
    groups: HashMap<&'a str, &'a Group>,
    tenants: HashSet<&'a str>,
}

impl<'a> Index<'a> {
    fn new(w: &'a World) -> Index<'a> {
        Index {
            users: w.users.iter().map(|u| (u.id.as_str(), u)).collect(),
            groups: w.groups.iter().map(|g| (g.id.as_str(), g)).collect(),
            tenants: w.tenants.iter().map(|t| t.id.as_str()).collect(),
        }
    }

    fn user_in(&self, id: &str, tenant: &str, what: &str) {
        let u = self
            .users
            .get(id)
            .unwrap_or_else(|| panic!("{what}: no user {id}"));
        assert_eq!(u.tenant_id, tenant, "{what}: {id} is in another tenant");
    }

    fn principal_in(&self, id: &str, tenant: &str, what: &str) {
        let t = match (self.users.get(id), self.groups.get(id)) {
            (Some(u), None) => &u.tenant_id,
            (None, Some(g)) => &g.tenant_id,
            _ => panic!("{what}: {id} is not exactly one user or group"),
        };
        assert_eq!(t, tenant, "{what}: {id} is in another tenant");
    }

    /// Whether `user` is `principal` or a member of it, through nested groups.
    fn covers(&self, principal: &str, user: &str) -> bool {
        if principal == user {
            return true;
        }
        match self.groups.get(principal) {
            Some(g) => g.members.iter().any(|m| self.covers(m, user)),
            None => false,
        }
    }
}

fn check_invariants(w: &World) {
    // Ids are unique across every kind of object.
    let mut ids = HashSet::new();
    let all_ids = w
        .tenants
        .iter()
        .map(|t| &t.id)
        .chain(w.users.iter().map(|u| &u.id))
        .chain(w.groups.iter().map(|g| &g.id))
        .chain(w.apps.iter().map(|a| &a.id))
        .chain(w.flows.iter().map(|f| &f.id))
        .chain(w.approvals.iter().map(|a| &a.id))
        .chain(w.connectors.iter().map(|c| &c.id))
        .chain(w.join_requests.iter().map(|r| &r.id));
    for id in all_ids {
        assert!(!id.is_empty());
        assert!(ids.insert(id.as_str()), "duplicate id {id}");
    }
    let ix = Index::new(w);
    let tenant = |id: &str| w.tenants.iter().find(|t| t.id == id).unwrap();

    // Users.
    let mut upns = HashSet::new();
    for u in &w.users {
        assert!(ix.tenants.contains(u.tenant_id.as_str()), "{}", u.id);
        assert!(
            upns.insert((u.tenant_id.as_str(), u.user_principal_name.to_lowercase())),
            "duplicate UPN {}",
            u.user_principal_name
        );
        let t = tenant(&u.tenant_id);
        let mail = u.mail.as_deref().unwrap();
        match u.user_type {
            UserType::Member => {
                assert!(u.external_user_state.is_none() && u.home_tenant_id.is_none());
                assert!(!u.user_principal_name.contains("#EXT#"));
                let domain = mail.split('@').nth(1).unwrap();
                assert!(t.domains.iter().any(|d| d == domain), "{mail}");
                assert!(mail.is_ascii(), "{mail}");
            }
            UserType::Guest => {
                assert!(u.external_user_state.is_some(), "{}", u.id);
                assert_eq!(u.creation_type.as_deref(), Some("Invitation"));
                let expected = format!("{}#EXT#@{}", mail.replace('@', "_"), t.initial_domain);
                assert_eq!(u.user_principal_name, expected);
                if u.is_pending() {
                    assert!(!u.consented_to_power_automate, "{}", u.id);
                }
                match (&u.home_tenant_id, &u.home_user_id) {
                    (Some(ht), Some(hu)) => {
                        assert_ne!(ht, &u.tenant_id);
                        ix.user_in(hu, ht, "homeUserId");
                        let home = ix.users[hu.as_str()];
                        assert_eq!(home.user_type, UserType::Member);
                        assert_eq!(home.mail.as_deref(), Some(mail));
                        assert_eq!(home.display_name, u.display_name);
                    }
                    (None, None) => {
                        let domain = mail.split('@').nth(1).unwrap();
                        assert!(w
                            .tenants
                            .iter()
                            .all(|t| !t.domains.iter().any(|d| d == domain)));
                    }
                    _ => panic!("{}: home tenant without home user", u.id),
                }
            }
        }
    }

    // Groups: references, no guests where they cannot be, no cycles.
    for g in &w.groups {
        assert!(!g.owners.is_empty(), "{}", g.id);
        for o in &g.owners {
            ix.user_in(o, &g.tenant_id, &g.id);
        }
        let mut seen = HashSet::new();
        for m in &g.members {
            assert!(seen.insert(m), "{} lists {m} twice", g.id);
            ix.principal_in(m, &g.tenant_id, &g.id);
            if g.is_dynamic() || g.on_premises_sync_enabled {
                let u = ix.users.get(m.as_str()).expect("only users");
                assert!(!u.is_guest(), "guest {m} in {}", g.id);
            }
        }
    }
    fn visit<'a>(
        ix: &Index<'a>,
        id: &'a str,
        path: &mut Vec<&'a str>,
        done: &mut HashSet<&'a str>,
    ) {
        if done.contains(id) {
            return;
        }
        assert!(!path.contains(&id), "group cycle through {id}");
        path.push(id);
        for m in &ix.groups[id].members {
            if ix.groups.contains_key(m.as_str()) {
                visit(ix, m, path, done);
            }
        }
        path.pop();
        done.insert(id);
    }
    let mut done = HashSet::new();
    for g in &w.groups {
        visit(&ix, &g.id, &mut Vec::new(), &mut done);
    }

    // Apps.
    for a in &w.apps {
        for o in &a.owners {
            ix.user_in(o, &a.tenant_id, &a.id);
        }
        for p in &a.assignments {
            ix.principal_in(p, &a.tenant_id, &a.id);
        }
        if let Some(gid) = a.self_service.as_ref().and_then(|s| s.group_id.as_ref()) {
            let g = ix.groups[gid.as_str()];
            assert_eq!(g.tenant_id, a.tenant_id);
            assert!(g.security_enabled && !g.is_dynamic() && !g.on_premises_sync_enabled);
            assert!(
                a.assignments.contains(gid),
                "{}: self-service group not assigned",
                a.id
            );
        }
    }

    // Flows.
    for f in &w.flows {
        ix.user_in(&f.owner_id, &f.tenant_id, &f.id);
        for p in f.co_owners.iter().chain(&f.run_only) {
            ix.principal_in(p, &f.tenant_id, &f.id);
        }
        if !f.run_only.is_empty() {
            assert_eq!(
                f.trigger,
                Trigger::Manual,
                "{}: run-only on a non-manual flow",
                f.id
            );
        }
    }

    // Approvals: references, times, and responses that agree with type and status.
    for a in &w.approvals {
        ix.user_in(&a.requester_id, &a.tenant_id, &a.id);
        assert!(!a.approvers.is_empty());
        for p in &a.approvers {
            ix.principal_in(p, &a.tenant_id, &a.id);
        }
        assert!(a.created_at.starts_with("2026-11-") && a.created_at.ends_with('Z'));
        assert!(a.created_at.as_str() >= "2026-11-06" && a.created_at.as_str() < "2026-11-20");
        let mut last = a.created_at.as_str();
        for r in &a.responses {
            ix.user_in(&r.approver_id, &a.tenant_id, &a.id);
            assert!(!ix.users[r.approver_id.as_str()].is_pending());
            assert!(a.response_options.contains(&r.response), "{}", a.id);
            assert!(
                a.approvers.iter().any(|p| ix.covers(p, &r.approver_id)),
                "{}",
                a.id
            );
            assert!(r.responded_at.as_str() >= last && r.responded_at.as_str() < "2026-11-20");
            last = &r.responded_at;
        }
        let completed = a.status == ApprovalStatus::Completed;
        assert!(matches!(
            a.status,
            ApprovalStatus::Pending | ApprovalStatus::Completed
        ));
        assert_eq!(completed, a.completed_at.is_some(), "{}", a.id);
        if let Some(done) = &a.completed_at {
            assert_eq!(done.as_str(), last, "{}", a.id);
        }
        let answers: Vec<&str> = a.responses.iter().map(|r| r.response.as_str()).collect();
        let responders: Vec<&str> = a.responses.iter().map(|r| r.approver_id.as_str()).collect();
        match a.approval_type {
            ApprovalType::FirstToRespond | ApprovalType::CustomWaitForOne => {
                if completed {
                    assert_eq!(answers.len(), 1, "{}", a.id);
                    assert_eq!(a.outcome.as_deref(), Some(answers[0]));
                } else {
                    assert!(answers.is_empty() && a.outcome.is_none(), "{}", a.id);
                }
            }
            ApprovalType::EveryoneMustApprove | ApprovalType::Sequential => {
                assert_eq!(a.response_options, ["Approve", "Reject"]);
                let (last, before) = answers.split_last().unwrap_or((&"", &[]));
                assert!(before.iter().all(|r| *r == "Approve"), "{}", a.id);
                match a.outcome.as_deref() {
                    Some("Approve") => assert_eq!(answers.len(), a.approvers.len()),
                    Some("Reject") => assert_eq!(*last, "Reject"),
                    None => {
                        assert!(!completed && answers.len() < a.approvers.len(), "{}", a.id);
                        assert!(answers.iter().all(|r| *r == "Approve"));
                    }
                    Some(other) => panic!("{}: outcome {other}", a.id),
                }
                if a.approval_type == ApprovalType::Sequential {
                    assert_eq!(responders, a.approvers[..responders.len()], "{}", a.id);
                }
            }
            ApprovalType::CustomWaitForAll => {
                assert!(a.outcome.is_none());
                if completed {
                    assert_eq!(answers.len(), a.approvers.len(), "{}", a.id);
                } else {
                    assert!(answers.len() < a.approvers.len(), "{}", a.id);
                }
            }
        }
    }

    // Join requests.
    for r in &w.join_requests {
        let g = ix.groups[r.group_id.as_str()];
        ix.user_in(&r.user_id, &g.tenant_id, &r.id);
        if let Some(by) = &r.decided_by {
            assert!(g.owners.contains(by));
        }
    }
}

#[test]
fn same_seed_and_size_give_the_same_world() {
    let a = world(3_000, 7);
    assert_eq!(a, world(3_000, 7));
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&world(3_000, 7)).unwrap()
    );
    assert_ne!(a, world(3_000, 8));
}

#[test]
fn the_default_world_is_consistent() {
    let options = SampleOptions::default();
    assert_eq!((options.users, options.seed), (2_000, 42));
    let w = sample_world(&options);
    assert_eq!(w.users.len(), 2_000);
    check_invariants(&w);
}

#[test]
fn bigger_and_tiny_worlds_are_consistent() {
    for (users, seed) in [(0, 1), (10, 2), (40, 3), (150, 4), (25_000, 5)] {
        let w = world(users, seed);
        assert!(w.users.len() >= users);
        if users >= 40 {
            assert_eq!(w.users.len(), users);
        }
        check_invariants(&w);
    }
}

#[test]
fn tenants_span_two_clouds_with_differing_settings() {
    let w = world(500, 42);
    assert!(w.tenants.len() >= 4);
    let clouds: BTreeSet<Cloud> = w.tenants.iter().map(|t| t.cloud).collect();
    assert!(clouds.len() >= 2);
    let access: HashSet<String> = w
        .tenants
        .iter()
        .map(|t| format!("{:?}", t.settings.guest_access))
        .collect();
    assert_eq!(access.len(), 3);
    assert_eq!(
        w.tenants
            .iter()
            .filter(|t| t.settings.self_service_group_management)
            .count(),
        1
    );
    let contoso = w.tenants.iter().find(|t| t.id == "contoso").unwrap();
    assert_eq!(
        contoso.settings.cross_tenant_access.partners["woodgrove"].inbound,
        Some(false)
    );
    let tailspin = w.tenants.iter().find(|t| t.id == "tailspin").unwrap();
    assert_eq!(tailspin.cloud, Cloud::Usgov);
    assert_eq!(tailspin.settings.enabled_clouds, [Cloud::Global]);
}

#[test]
fn the_well_known_people_exist() {
    let w = world(2_000, 99);
    let user = |id: &str| {
        w.users
            .iter()
            .find(|u| u.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let bob = user("bob");
    assert_eq!(
        (bob.tenant_id.as_str(), bob.display_name.as_str()),
        ("contoso", "Bob Kowalski")
    );
    assert_eq!(bob.mail.as_deref(), Some("bob@contoso.com"));
    let alice = user("alice");
    assert_eq!(
        (alice.tenant_id.as_str(), alice.display_name.as_str()),
        ("fabrikam", "Alice Martin")
    );
    let guest = user("alice-at-contoso");
    assert_eq!(guest.external_user_state, Some(ExternalUserState::Accepted));
    assert_eq!(
        guest.user_principal_name,
        "alice_fabrikam.com#EXT#@contoso.onmicrosoft.com"
    );
    assert_eq!(guest.home_user_id.as_deref(), Some("alice"));
    assert!(user("carlos-at-contoso").is_pending());
    let erik = user("erik-at-contoso");
    assert!(erik.licenses.is_empty() && user("erik").licenses.is_empty());
    assert!(user("pat-at-contoso").home_tenant_id.is_none());
    for (id, name) in [
        ("ann", "Ann Lee"),
        ("anna", "Anna Schmidt"),
        ("deborah", "Déborah Lefèvre"),
        ("siobhan", "Siobhán O'Brien"),
        ("maria", "María García-López"),
        ("taro", "山田 太郎"),
        ("ivan", "Иван Петров"),
        ("sofia", "Σοφία Παπαδοπούλου"),
        ("mohammed", "محمد العلي"),
        ("carlos", "Carlos de la Cruz"),
        ("erik", "Erik von Trapp"),
        ("giulia", "Giulia D'Angelo"),
        ("zoe", "Zoë Dubois"),
    ] {
        assert_eq!(user(id).display_name, name);
    }
    for id in [
        "sales",
        "sales-emea",
        "all-staff",
        "finance-onprem",
        "project-falcon",
    ] {
        assert!(w.groups.iter().any(|g| g.id == id), "{id}");
    }
    let sales = w.groups.iter().find(|g| g.id == "sales").unwrap();
    assert!(
        sales.members.iter().any(|m| m == "sales-emea"),
        "nested group"
    );
    assert!(w.apps.iter().any(|a| a.id == "expenses"));
    assert!(w
        .flows
        .iter()
        .any(|f| f.id == "invoice-flow" && f.owner_id == "bob"));
    assert!(w.approvals.iter().any(|a| a.id == "inv-42"));
    let connectors: Vec<(&str, bool)> = w
        .connectors
        .iter()
        .map(|c| (c.id.as_str(), c.guest_picker))
        .collect();
    assert_eq!(
        connectors,
        [
            ("shared_office365", false),
            ("shared_teams", true),
            ("shared_sharepointonline", true),
            ("shared_approvals", true)
        ]
    );
}

#[test]
fn the_crowd_looks_real() {
    let w = world(20_000, 42);
    let guests: Vec<&User> = w.users.iter().filter(|u| u.is_guest()).collect();
    let share = guests.len() * 100 / w.users.len();
    assert!((10..=15).contains(&share), "{share}% guests");
    let pending = guests.iter().filter(|g| g.is_pending()).count();
    assert!(pending * 100 / guests.len() >= 5);
    let outside = guests.iter().filter(|g| g.home_tenant_id.is_none()).count();
    assert!(outside > 50);
    // Names from many scripts and with particles, apostrophes and hyphens.
    let names: Vec<&str> = w.users.iter().map(|u| u.display_name.as_str()).collect();
    for needle in ["'", "-", " van ", " de ", "é", "ø", "Å"] {
        assert!(names.iter().any(|n| n.contains(needle)), "{needle}");
    }
    for script in [
        0x0400..0x0500,
        0x0370..0x0400,
        0x0600..0x0700,
        0x4E00..0xA000,
    ] {
        let found = names
            .iter()
            .any(|n| n.chars().any(|c| script.contains(&(c as u32))));
        assert!(found, "{script:?}");
    }
    // Most members are licensed and consented.
    let members: Vec<&User> = w.users.iter().filter(|u| !u.is_guest()).collect();
    let licensed = members.iter().filter(|m| !m.licenses.is_empty()).count();
    assert!(licensed * 100 / members.len() >= 80);
    let consented = members
        .iter()
        .filter(|m| m.consented_to_power_automate)
        .count();
    assert!(consented * 100 / members.len() >= 80);
    // Every kind of group, every approval type at least twice per tenant.
    assert!(w.groups.iter().any(|g| g.is_dynamic()));
    assert!(w.groups.iter().any(|g| g.on_premises_sync_enabled));
    assert!(w.groups.iter().any(|g| g.is_unified()));
    for t in &w.tenants {
        for ty in [
            ApprovalType::FirstToRespond,
            ApprovalType::EveryoneMustApprove,
            ApprovalType::CustomWaitForOne,
            ApprovalType::CustomWaitForAll,
            ApprovalType::Sequential,
        ] {
            let n = w
                .approvals
                .iter()
                .filter(|a| a.tenant_id == t.id && a.approval_type == ty)
                .count();
            assert!(n >= 2, "{} {ty:?}", t.id);
        }
        assert!(
            w.flows
                .iter()
                .filter(|f| f.tenant_id == t.id && !f.enabled)
                .count()
                >= 1
        );
    }
    for status in [ApprovalStatus::Pending, ApprovalStatus::Completed] {
        assert!(w.approvals.iter().any(|a| a.status == status));
    }
}

#[test]
fn groups_flows_and_approvals_grow_slower_than_users() {
    let small = world(2_000, 1);
    let big = world(40_000, 1);
    for (s, b) in [
        (small.groups.len(), big.groups.len()),
        (small.flows.len(), big.flows.len()),
        (small.approvals.len(), big.approvals.len()),
    ] {
        assert!(b > s && b < s * 20, "{s} -> {b}");
    }
    assert!(big.groups.len() <= 40_000 / 40);
}

#[test]
fn the_world_round_trips_through_json() {
    let w = world(1_000, 3);
    let json = serde_json::to_string(&w).unwrap();
    let back: World = serde_json::from_str(&json).unwrap();
    assert_eq!(back, w);
}

#[test]
fn options_read_camel_case_json_with_defaults_and_refuse_unknown_fields() {
    let o: SampleOptions = serde_json::from_str(r#"{"users": 10}"#).unwrap();
    assert_eq!(
        o,
        SampleOptions {
            users: 10,
            seed: 42
        }
    );
    assert!(serde_json::from_str::<SampleOptions>(r#"{"user": 10}"#).is_err());
}

/// CPU seconds (user + system) this process has used so far, on Linux; 0 elsewhere.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), counted after the name.
    (ticks(11) + ticks(12)) / 100.0
}

/// Wall and CPU time of making big worlds (CPU time is what counts on a busy machine):
/// `cargo test --release --test sample_world timing -- --ignored --nocapture`
#[test]
#[ignore]
fn timing() {
    for users in [100_000, 1_000_000] {
        let (start, cpu) = (std::time::Instant::now(), cpu_seconds());
        let w = world(users, 42);
        println!(
            "sample_world({users}): {:.2?} wall, {:.2} s CPU; {} groups, {} flows, {} approvals",
            start.elapsed(),
            cpu_seconds() - cpu,
            w.groups.len(),
            w.flows.len(),
            w.approvals.len()
        );
    }
}
