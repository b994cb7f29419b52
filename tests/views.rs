//! Views (`src/view/`): a session read from a person's view answers every question the
//! person can ask exactly as a session on the whole directory does, over generated
//! worlds and for every person, read in one piece and from its two parts
//! (`tests/view_parts.rs` checks the parts themselves); changes are refused with
//! `VIEW_READ_ONLY`; another tenant's ids answer as ids that exist nowhere; no view names
//! a flow (not even as an approval's `flowId`) its person holds no role on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::approvals::{ApprovalBox, ApprovalQuery, StatusFilter};
use guestpass::directory::Directory;
use guestpass::groups::JoinBox;
use guestpass::model::World;
use guestpass::session::{SearchOptions, Session, UserTypeFilter};
use guestpass::sharing::Share;
use guestpass::timestamp::Timestamp;
use guestpass_sample::{sample_world, SampleOptions};
use serde::Serialize;

fn said<T: Serialize>(r: guestpass::Result<T>) -> String {
    match r {
        Ok(v) => serde_json::to_string(&v).unwrap(),
        Err(e) => format!("error {}: {e}", e.code()),
    }
}

/// The ids and texts every person is asked about.
struct Probe {
    flows: Vec<String>,
    apps: Vec<String>,
    guests: Vec<String>,
    groups: Vec<String>,
    queries: Vec<String>,
    connectors: Vec<String>,
    times: Vec<Timestamp>,
    /// Every user and tenant id, and one that exists nowhere (lookups).
    users: Vec<String>,
    tenants: Vec<String>,
}

impl Probe {
    fn of(world: &World) -> Probe {
        let mut flows: Vec<String> = world.flows.iter().map(|f| f.id.clone()).collect();
        flows.push("no-such-flow".into());
        let mut groups: Vec<String> = world.groups.iter().map(|g| g.id.clone()).collect();
        groups.push("no-such-group".into());
        let mut queries = vec![String::new(), "nobody@nowhere.example".into(), "a".into()];
        // Every tenant's first people, by exact address, UPN, a prefix and a whole name.
        let mut per_tenant: std::collections::HashMap<&str, usize> = Default::default();
        for u in &world.users {
            let n = per_tenant.entry(&u.tenant_id).or_default();
            *n += 1;
            if *n > 12 && !u.is_guest() {
                continue;
            }
            if let Some(mail) = &u.mail {
                queries.push(format!("  {}  ", mail.to_uppercase()));
            }
            queries.push(u.user_principal_name.clone());
            queries.push(u.display_name.chars().take(3).collect());
            queries.push(u.display_name.clone());
        }
        let mut connectors: Vec<String> = world.connectors.iter().map(|c| c.id.clone()).collect();
        connectors.push("no-such-connector".into());
        let mut apps: Vec<String> = world.apps.iter().map(|a| a.id.clone()).collect();
        apps.push("no-such-app".into());
        let guests = world
            .users
            .iter()
            .filter(|u| u.is_guest())
            .take(6)
            .map(|u| u.id.clone())
            .collect();
        let mut users: Vec<String> = world.users.iter().map(|u| u.id.clone()).collect();
        users.push("no-such-user".into());
        let mut tenants: Vec<String> = world.tenants.iter().map(|t| t.id.clone()).collect();
        tenants.push("no-such-tenant".into());
        Probe {
            users,
            tenants,
            flows,
            apps,
            guests,
            groups,
            queries,
            connectors,
            times: vec![
                Timestamp::parse("now", "2026-11-23T10:00:00Z").unwrap(),
                Timestamp::parse("now", "2027-03-01T00:00:00Z").unwrap(),
            ],
        }
    }
}

/// Every read answer of `session` on `dir`, in a fixed order, as text.
fn answers(dir: &Directory, s: &Session, probe: &Probe) -> Vec<String> {
    let mut out = vec![said(s.whoami(dir)), said(s.features(dir))];
    let pairs: Vec<(&str, &str)> = probe
        .flows
        .iter()
        .flat_map(|f| ["run", "edit", "share", "delete", "fly"].map(|a| (a, f.as_str())))
        .collect();
    out.push(said(
        s.check_many(dir, &pairs)
            .map(|r| r.into_iter().map(said).collect::<Vec<_>>()),
    ));
    for f in &probe.flows {
        out.push(said(s.check(dir, "viewRuns", f)));
        out.push(said(s.allowed_actions(dir, f)));
    }
    for (i, q) in probe.queries.iter().enumerate() {
        let mut options = SearchOptions::default();
        match i % 6 {
            1 => options.limit = Some(2),
            2 => options.user_type = UserTypeFilter::Guest,
            3 => options.user_type = UserTypeFilter::Member,
            4 => options.connector = Some(probe.connectors[i / 6 % probe.connectors.len()].clone()),
            5 => options.exclude = vec![s.user_id().to_string(), "carlos-at-contoso".into()],
            _ => {}
        }
        out.push(format!("{q}: {}", said(s.search(dir, q, &options))));
    }
    for (i, g) in probe.groups.iter().enumerate() {
        let q = &probe.queries[(i * 7) % probe.queries.len()];
        let options = SearchOptions {
            group_id: Some(g.clone()),
            limit: Some(100),
            ..Default::default()
        };
        out.push(said(s.search(dir, q, &options)));
        out.push(said(s.search(dir, "a", &options)));
    }
    for now in &probe.times {
        for mailbox in [ApprovalBox::Received, ApprovalBox::Sent] {
            for status in [
                StatusFilter::Pending,
                StatusFilter::Completed,
                StatusFilter::All,
            ] {
                let query = ApprovalQuery { mailbox, status };
                out.push(said(s.approvals(dir, &query, *now)));
            }
        }
    }
    out.push(said(s.my_apps(dir)));
    out.push(said(s.groups_i_own(dir)));
    for app in &probe.apps {
        for guest in &probe.guests {
            out.push(said(s.app_link(dir, app, guest)));
        }
    }
    out.push(said(s.flows(dir)));
    for id in &probe.users {
        out.push(said(s.lookup_user(dir, id)));
    }
    for id in &probe.groups {
        out.push(said(s.lookup_group(dir, id)));
    }
    for id in &probe.apps {
        out.push(said(s.lookup_app(dir, id)));
    }
    for id in &probe.tenants {
        out.push(said(s.lookup_tenant(dir, id)));
    }
    out.push(said(s.join_requests(dir, JoinBox::ToDecide)));
    out.push(said(s.join_requests(dir, JoinBox::Mine)));
    if let Ok(me) = s.user(dir) {
        if let Some(home) = &me.home_tenant_id {
            out.push(said(guestpass::b2b::collaboration(
                dir,
                s.tenant_id(),
                home,
            )));
        }
    }
    out
}

fn differential(world: World) {
    let probe = Probe::of(&world);
    let dir = Directory::from_world(world.clone()).unwrap();
    let mut compared = 0;
    for user in &world.users {
        let full = dir.sign_in(&user.tenant_id, &user.id);
        let view = dir.view_parts(&user.tenant_id, &user.id);
        let (full, parts) = match (full, view) {
            (Ok(f), Ok(p)) => (f, p),
            (Err(a), Err(b)) => {
                assert_eq!(a.code(), b.code(), "{}", user.id);
                continue;
            }
            (a, b) => panic!(
                "{}: sign-in {a:?}, view {:?}",
                user.id,
                b.map(|p| p.shared_hash)
            ),
        };
        let theirs = answers(&dir, &full, &probe);
        // The view in one piece and in its two parts answer alike, as the whole directory.
        let whole = Directory::from_view(&parts.to_bytes()).unwrap();
        let split = Directory::from_view_parts(&parts.personal, &parts.shared).unwrap();
        for view in [whole, split] {
            let ours = answers(view.directory(), view.session(), &probe);
            assert_eq!(ours.len(), theirs.len());
            for (a, b) in ours.iter().zip(&theirs) {
                assert_eq!(a, b, "{} in {}", user.id, user.tenant_id);
            }
        }
        compared += 1;
    }
    assert!(compared > 0);
}

#[test]
fn a_view_answers_as_the_whole_directory_for_every_person() {
    for (users, seed) in [(80, 1), (160, 7), (240, 42)] {
        differential(sample_world(&SampleOptions { users, seed }));
    }
}

/// `world` with two of every three approvals linked to a flow of their tenant (the
/// sample links none), in turn, so each person's approvals name flows they hold a role
/// on and flows they do not.
fn linked(mut world: World) -> World {
    let mut turn: std::collections::HashMap<String, usize> = Default::default();
    for (i, a) in world.approvals.iter_mut().enumerate() {
        let flows: Vec<&str> = world
            .flows
            .iter()
            .filter(|f| f.tenant_id == a.tenant_id)
            .map(|f| f.id.as_str())
            .collect();
        let at = turn.entry(a.tenant_id.clone()).or_default();
        if i % 3 != 2 && !flows.is_empty() {
            a.flow_id = Some(flows[*at % flows.len()].to_string());
            *at += 1;
        }
    }
    world
}

/// Issue 17's rule for an approval's `flowId`: a person's answers (`session.approvals`)
/// name an approval's flow only when they hold a role on it, on the whole directory as in
/// their view, so the differential compares them as they are.
#[test]
fn a_view_answers_as_the_whole_directory_with_approvals_linked_to_flows() {
    differential(linked(sample_world(&SampleOptions {
        users: 160,
        seed: 7,
    })));
}

/// No view names a flow its person holds no role on, not even as an approval's `flowId`;
/// an approval keeps the `flowId` of a flow the view holds.
#[test]
fn no_view_names_a_flow_its_person_holds_no_role_on() {
    let dir = Directory::from_world(linked(sample_world(&SampleOptions {
        users: 200,
        seed: 3,
    })))
    .unwrap();
    let (mut kept, mut hidden) = (0, 0);
    for user in dir.users() {
        let Ok(bytes) = dir.view_for(&user.tenant_id, &user.id) else {
            continue;
        };
        let view = Directory::from_view(&bytes).unwrap();
        let held = view.directory();
        let own_text = held.to_json_string().unwrap();
        let haystack = String::from_utf8_lossy(&bytes);
        for a in held.approvals() {
            let whole = dir.approval(&a.id).unwrap();
            match (&whole.flow_id, &a.flow_id) {
                (Some(f), Some(g)) => {
                    assert_eq!(f, g);
                    assert!(held.flow(f).is_some(), "{} holds {f}", user.id);
                    kept += 1;
                }
                (Some(f), None) => {
                    assert!(held.flow(f).is_none(), "{}'s view hides {f}", user.id);
                    let found = haystack.contains(f.as_str());
                    assert!(
                        !found || own_text.contains(f.as_str()),
                        "{}'s view names {f}",
                        user.id
                    );
                    hidden += 1;
                }
                (None, g) => assert_eq!(g, &None),
            }
        }
    }
    assert!(kept > 0 && hidden > 0, "{kept} kept, {hidden} hidden");
}

#[test]
fn a_view_refuses_every_change_with_view_read_only() {
    let dir = Directory::from_world(sample_world(&SampleOptions {
        users: 150,
        seed: 3,
    }))
    .unwrap();
    let view = Directory::from_view(&dir.view_for("contoso", "bob").unwrap()).unwrap();
    let (mut d, s) = view.into_parts();
    let now = Timestamp::parse("now", "2026-11-23T10:00:00Z").unwrap();
    let share = Share {
        principal: "ann".into(),
        role: guestpass::sharing::Role::CoOwner,
    };
    let codes = [
        s.share(&mut d, "invoice-flow", &share)
            .err()
            .map(|e| e.code()),
        s.unshare(&mut d, "invoice-flow", "ann")
            .err()
            .map(|e| e.code()),
        s.respond(&mut d, "x", "Approve", None, now)
            .err()
            .map(|e| e.code()),
        s.reassign(&mut d, "x", "ann", now).err().map(|e| e.code()),
        s.cancel(&mut d, "x", now).err().map(|e| e.code()),
        s.request_to_join(&mut d, "sales").err().map(|e| e.code()),
        s.decide_join_request(&mut d, "x", true)
            .err()
            .map(|e| e.code()),
        s.remove_from_group(&mut d, "sales", "anna")
            .err()
            .map(|e| e.code()),
        s.invite_to_group(&mut d, "sales", &Default::default())
            .err()
            .map(|e| e.code()),
        s.request_app_access(&mut d, "x").err().map(|e| e.code()),
        s.invite_to_app(&mut d, "x", &Default::default())
            .err()
            .map(|e| e.code()),
        Session::first_sign_in(&mut d, "contoso", "carlos-at-contoso", Default::default())
            .err()
            .map(|e| e.code()),
    ];
    assert!(
        codes.iter().all(|c| *c == Some("VIEW_READ_ONLY")),
        "{codes:?}"
    );
}

#[test]
fn other_tenants_ids_answer_as_ids_that_exist_nowhere() {
    let dir = Directory::from_world(sample_world(&SampleOptions {
        users: 200,
        seed: 5,
    }))
    .unwrap();
    let bob = dir.sign_in("contoso", "bob").unwrap();
    let fabrikam_flow = dir
        .flows()
        .find(|f| f.tenant_id == "fabrikam")
        .unwrap()
        .id
        .clone();
    let unknown = |r: guestpass::Result<_>| r.map(|_: ()| ()).unwrap_err();
    let a = unknown(bob.check(&dir, "run", &fabrikam_flow).map(|_| ()));
    let b = unknown(bob.check(&dir, "run", "made-up-flow").map(|_| ()));
    assert_eq!((a.code(), b.code()), ("UNKNOWN_FLOW", "UNKNOWN_FLOW"));
    assert_eq!(
        bob.allowed_actions(&dir, &fabrikam_flow)
            .unwrap_err()
            .code(),
        "UNKNOWN_FLOW"
    );
    let many = bob
        .check_many(&dir, &[("run", fabrikam_flow.as_str())])
        .unwrap();
    assert_eq!(many[0].as_ref().unwrap_err().code(), "UNKNOWN_FLOW");
    // Share principals: a user or group of another tenant is an unknown principal.
    let mut dir = dir;
    let own_flow = dir
        .flows()
        .find(|f| f.owner_id == "bob")
        .map(|f| f.id.clone());
    if let Some(flow) = own_flow {
        for principal in ["alice", "fab-partners", "made-up-person"] {
            let share = Share {
                principal: principal.into(),
                role: guestpass::sharing::Role::RunOnly,
            };
            let e = bob.share(&mut dir, &flow, &share).unwrap_err();
            assert_eq!(e.code(), "UNKNOWN_PRINCIPAL", "{principal}");
        }
    }
    // Group filters, approvals and join requests of another tenant.
    let options = SearchOptions {
        group_id: Some("fab-partners".into()),
        ..Default::default()
    };
    assert_eq!(
        bob.search(&dir, "a", &options).unwrap_err().code(),
        "UNKNOWN_GROUP"
    );
    let fab_approval = dir
        .approvals()
        .find(|a| a.tenant_id == "fabrikam")
        .map(|a| a.id.clone());
    if let Some(id) = fab_approval {
        let now = Timestamp::parse("now", "2026-11-23T10:00:00Z").unwrap();
        let e = bob
            .respond(&mut dir, &id, "Approve", None, now)
            .unwrap_err();
        assert_eq!(e.code(), "UNKNOWN_APPROVAL");
    }
    assert_eq!(
        bob.request_to_join(&mut dir, "fab-partners")
            .unwrap_err()
            .code(),
        "UNKNOWN_GROUP"
    );
}

/// The users a view of `user` may hold readably, decided here apart from `src/view`.
fn allowed_users(
    dir: &Directory,
    user: &guestpass::model::User,
) -> std::collections::HashSet<String> {
    use guestpass::model::{GuestAccess, JoinRequestStatus};
    let tenant = dir.tenant(&user.tenant_id).unwrap();
    let members_view =
        !user.is_guest() || tenant.settings.guest_access == GuestAccess::SameAsMember;
    let mut allowed: std::collections::HashSet<String> = dir
        .users()
        .filter(|u| members_view && u.tenant_id == user.tenant_id)
        .map(|u| u.id.clone())
        .collect();
    allowed.insert(user.id.clone());
    allowed.extend(user.home_user_id.clone());
    for r in dir.join_requests() {
        let group = dir.group(&r.group_id).unwrap();
        if r.status == JoinRequestStatus::Pending
            && group.tenant_id == user.tenant_id
            && group.owners.contains(&user.id)
        {
            allowed.insert(r.user_id.clone());
        }
    }
    allowed
}

/// Searches every view's bytes for the name, mail and UPN of every user outside it;
/// returns how many views of each audience were searched.
fn no_leaks(world: World) -> std::collections::BTreeMap<String, usize> {
    let dir = Directory::from_world(world).unwrap();
    let mut audiences = std::collections::BTreeMap::new();
    for user in dir.users() {
        let Ok(bytes) = dir.view_for(&user.tenant_id, &user.id) else {
            continue;
        };
        let view = Directory::from_view(&bytes).unwrap();
        let audience = view.directory().partial().unwrap().audience();
        *audiences.entry(format!("{audience:?}")).or_default() += 1;
        let allowed = allowed_users(&dir, user);
        for held in view.directory().users() {
            assert!(
                allowed.contains(&held.id),
                "{}'s view holds {}",
                user.id,
                held.id
            );
        }
        // Text the view may hold: its own objects (a group's or an approval's text may
        // happen to contain a name).
        let own_text = view.directory().to_json_string().unwrap();
        // The bytes as text (std's substring search is fast even in a debug build).
        let haystack = String::from_utf8_lossy(&bytes);
        for other in dir.users().filter(|u| !allowed.contains(&u.id)) {
            let texts = [
                Some(&other.display_name),
                other.mail.as_ref(),
                Some(&other.user_principal_name),
            ];
            for text in texts.into_iter().flatten() {
                let found = haystack.contains(text.as_str());
                assert!(
                    !found || own_text.contains(text.as_str()),
                    "{audience:?} view of {} in {} holds {:?} of {}",
                    user.id,
                    user.tenant_id,
                    text,
                    other.id
                );
            }
        }
    }
    audiences
}

#[test]
fn no_view_holds_the_names_or_addresses_of_people_outside_it() {
    use guestpass::model::GuestAccess;
    let mut seen = std::collections::BTreeMap::new();
    for (users, seed) in [(120, 11), (200, 1)] {
        let world = sample_world(&SampleOptions { users, seed });
        // As generated, then with every tenant's guest access turned one step, so each
        // tenant's guests are seen under every level.
        for turn in 0..3 {
            let mut world = world.clone();
            for tenant in &mut world.tenants {
                let levels = [
                    GuestAccess::SameAsMember,
                    GuestAccess::Limited,
                    GuestAccess::Restricted,
                ];
                let at = levels
                    .iter()
                    .position(|l| *l == tenant.settings.guest_access)
                    .unwrap();
                tenant.settings.guest_access = levels[(at + turn) % 3];
            }
            for (audience, n) in no_leaks(world) {
                *seen.entry(audience).or_insert(0) += n;
            }
        }
    }
    assert_eq!(seen.len(), 3, "{seen:?}");
}

#[test]
fn a_limited_guest_finds_people_by_exact_address_only() {
    let dir = Directory::from_world(sample_world(&SampleOptions {
        users: 150,
        seed: 2,
    }))
    .unwrap();
    let bytes = dir.view_for("contoso", "alice-at-contoso").unwrap();
    let view = Directory::from_view(&bytes).unwrap();
    let (d, s) = (view.directory(), view.session());
    let contoso = dir.users().filter(|u| u.tenant_id == "contoso").count();
    assert!(d.partial().unwrap().book().unwrap().len() > contoso);
    let found = s
        .search(d, "BOB@contoso.com ", &Default::default())
        .unwrap();
    assert_eq!(found.items.len(), 1);
    assert_eq!(found.items[0].id, "bob");
    assert_eq!(found.items[0].display_name, "Bob Kowalski");
    assert!(s
        .search(d, "Bob", &Default::default())
        .unwrap()
        .items
        .is_empty());
    assert!(d.user("bob").is_none());
    assert!(!bytes.windows(12).any(|w| w == b"Bob Kowalski"));
    let contents = d.view_contents().unwrap();
    assert_eq!(contents.audience, guestpass::view::Audience::LimitedGuest);
    assert_eq!(
        contents.sealed_people,
        d.partial().unwrap().book().unwrap().len()
    );
    assert_eq!(contents.people, d.stats().users);
    assert!(contents.people < 5, "{contents:?}");
}

#[test]
fn view_contents_count_what_a_view_holds() {
    let dir = Directory::from_world(sample_world(&SampleOptions {
        users: 150,
        seed: 2,
    }))
    .unwrap();
    assert!(dir.view_contents().is_none());
    let view = Directory::from_view(&dir.view_for("contoso", "bob").unwrap()).unwrap();
    let contents = view.directory().view_contents().unwrap();
    let contoso = |t: &str| t == "contoso";
    assert_eq!(contents.audience, guestpass::view::Audience::Members);
    assert_eq!(contents.sealed_people, 0);
    assert_eq!(
        contents.people,
        dir.users().filter(|u| contoso(&u.tenant_id)).count()
    );
    let flows = dir.flows().filter(|f| contoso(&f.tenant_id)).count();
    assert_eq!(contents.flows + contents.unseen_flows, flows);
    let groups = dir.groups().filter(|g| contoso(&g.tenant_id)).count();
    assert_eq!(contents.groups + contents.unseen_groups, groups);
    assert_eq!(contents.approvals, view.directory().stats().approvals);
}

#[test]
fn damaged_or_foreign_bytes_are_refused() {
    let dir = Directory::from_world(sample_world(&SampleOptions { users: 60, seed: 2 })).unwrap();
    let snapshot = dir.to_bytes().unwrap();
    assert_eq!(
        Directory::from_view(&snapshot).unwrap_err().code(),
        "VIEW_NOT_RECOGNIZED"
    );
    let mut bytes = dir.view_for("contoso", "bob").unwrap();
    assert_eq!(
        Directory::from_view(&bytes[..30]).unwrap_err().code(),
        "SNAPSHOT_TRUNCATED"
    );
    let at = bytes.len() / 2;
    bytes[at] ^= 1;
    assert_eq!(
        Directory::from_view(&bytes).unwrap_err().code(),
        "SNAPSHOT_CHECKSUM_MISMATCH"
    );
    assert_eq!(
        Directory::from_bytes(&bytes).unwrap_err().code(),
        "SNAPSHOT_NOT_RECOGNIZED"
    );
}

/// Figures for BENCHMARKS.md and the report (not a check): `cargo test --release --test
/// views figures -- --ignored --nocapture`.
#[test]
#[ignore]
fn figures() {
    let dir = Directory::from_world(sample_world(&SampleOptions {
        users: 20_000,
        seed: 42,
    }))
    .unwrap();
    for (tenant, user) in [
        ("contoso", "bob"),
        ("contoso", "alice-at-contoso"),
        ("northwind", "erik"),
    ] {
        let started = std::time::Instant::now();
        let bytes = dir.view_for(tenant, user).unwrap();
        let took = started.elapsed();
        let started = std::time::Instant::now();
        let view = Directory::from_view(&bytes).unwrap();
        let read = started.elapsed();
        println!(
            "{user} in {tenant}: {:?}, {} bytes, viewFor {took:?}, fromView {read:?}, {} users readable",
            view.directory().partial().unwrap().audience(),
            bytes.len(),
            view.directory().users().count()
        );
    }
    println!(
        "snapshot of the whole directory: {} bytes",
        dir.to_bytes().unwrap().len()
    );
}
