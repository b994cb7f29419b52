//! A sequence of operations (`arbitrary`-generated from the input) over the sample
//! directory: sign-ins, shares and unshares, checks, approvals (list, respond, reassign,
//! cancel), invitations, join requests and decisions, removals from groups, redeeming,
//! user upserts and removals, searches, app lists and a moving clock.
//!
//! After every step it checks what must always hold: a refused change leaves the
//! directory identical; a session sees only its own tenant's people and approvals; a
//! run-only role allows `run` and nothing else; a guest whose invitation is pending can
//! neither sign in nor do anything through an earlier session.

use arbitrary::{Arbitrary, Unstructured};
use guestpass::approvals::{ApprovalBox, ApprovalQuery, StatusFilter};
use guestpass::directory::Directory;
use guestpass::groups::{redeem_invitation, InvitationRequest, JoinBox};
use guestpass::model::{ExternalUserState, World};
use guestpass::session::{SearchOptions, Session, UserTypeFilter};
use guestpass::sharing::{Action, Role, Share};
use guestpass::timestamp::Timestamp;
use guestpass_sample::{sample_world, SampleOptions};
use std::sync::OnceLock;

/// At most this many steps per input (a longer input is cut).
const MAX_STEPS: usize = 64;
/// At most this many sessions at once (the oldest is dropped).
const MAX_SESSIONS: usize = 6;

/// An address to invite.
#[derive(Arbitrary, Debug)]
enum Email {
    /// The mail of a user of the directory.
    Known(u8),
    /// A new address in a domain of the world or outside it.
    Made { local: u8, domain: u8 },
    /// Anything.
    Raw(String),
}

/// A change to a user object.
#[derive(Arbitrary, Debug)]
enum UserChange {
    Pending,
    Accepted,
    Name(String),
    ToggleLicense,
    ToggleConsent,
    Mail(Option<String>),
}

/// One step.
#[derive(Arbitrary, Debug)]
enum Op {
    SignIn {
        user: u8,
    },
    SignInByName {
        tenant: u8,
        name: String,
    },
    Share {
        session: u8,
        flow: u8,
        principal: u8,
        run_only: bool,
    },
    Unshare {
        session: u8,
        flow: u8,
        principal: u8,
    },
    Check {
        session: u8,
        action: u8,
        flow: u8,
    },
    Approvals {
        session: u8,
        sent: bool,
        status: u8,
    },
    Respond {
        session: u8,
        approval: u8,
        option: u8,
        comments: Option<String>,
    },
    Reassign {
        session: u8,
        approval: u8,
        to: u8,
    },
    Cancel {
        session: u8,
        approval: u8,
    },
    Invite {
        session: u8,
        group: u8,
        email: Email,
        message: Option<String>,
    },
    RequestToJoin {
        session: u8,
        group: u8,
    },
    JoinRequests {
        session: u8,
        mine: bool,
    },
    DecideJoin {
        session: u8,
        request: u8,
        approve: bool,
    },
    RemoveFromGroup {
        session: u8,
        group: u8,
        member: u8,
    },
    Redeem {
        user: u8,
    },
    UpsertUser {
        user: u8,
        change: UserChange,
    },
    RemoveUser {
        user: u8,
    },
    Search {
        session: u8,
        query: String,
        limit: u8,
        guests: bool,
    },
    MyApps {
        session: u8,
    },
    Clock {
        days: u8,
    },
}

fn sample() -> &'static Directory {
    static SAMPLE: OnceLock<Directory> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let world = sample_world(&SampleOptions { users: 60, seed: 3 });
        Directory::from_world(world).expect("the sample world loads")
    })
}

fn nth<'a>(items: impl Iterator<Item = &'a str>, n: u8) -> Option<String> {
    let items: Vec<&str> = items.collect();
    if items.is_empty() {
        return None;
    }
    items
        .get(usize::from(n) % items.len())
        .map(|s| s.to_string())
}

fn user_id(dir: &Directory, n: u8) -> Option<String> {
    nth(dir.users().map(|u| u.id.as_str()), n)
}

fn principal_id(dir: &Directory, n: u8) -> Option<String> {
    nth(
        dir.users()
            .map(|u| u.id.as_str())
            .chain(dir.groups().map(|g| g.id.as_str())),
        n,
    )
}

fn group_id(dir: &Directory, n: u8) -> Option<String> {
    nth(dir.groups().map(|g| g.id.as_str()), n)
}

fn flow_id(dir: &Directory, n: u8) -> Option<String> {
    nth(dir.flows().map(|f| f.id.as_str()), n)
}

fn approval_id(dir: &Directory, n: u8) -> Option<String> {
    nth(dir.approvals().map(|a| a.id.as_str()), n)
}

fn tenant_id(dir: &Directory, n: u8) -> Option<String> {
    nth(dir.tenants().map(|t| t.id.as_str()), n)
}

/// Runs a change and checks that a refused one left the directory identical.
fn change<T>(
    dir: &mut Directory,
    what: &str,
    f: impl FnOnce(&mut Directory) -> guestpass::Result<T>,
) {
    let before: World = dir.to_world();
    let version = dir.version();
    if f(dir).is_err() {
        assert_eq!(
            dir.version(),
            version,
            "{what}: a refused call changed the version"
        );
        assert!(
            dir.to_world() == before,
            "{what}: a refused call changed the directory"
        );
    }
}

/// Runs one input.
pub fn run(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let mut dir = sample().clone();
    let mut sessions: Vec<Session> = Vec::new();
    let base = Timestamp::from_rfc3339("2026-11-20T12:00:00Z").expect("a valid time");
    let mut now = base;
    for _ in 0..MAX_STEPS {
        let Ok(op) = Op::arbitrary(&mut u) else {
            break;
        };
        step(&mut dir, &mut sessions, &mut now, base, op);
        check_sessions(&dir, &sessions, now);
        if u.is_empty() {
            break;
        }
    }
}

fn session_at(sessions: &[Session], n: u8) -> Option<Session> {
    if sessions.is_empty() {
        return None;
    }
    sessions.get(usize::from(n) % sessions.len()).cloned()
}

fn step(
    dir: &mut Directory,
    sessions: &mut Vec<Session>,
    now: &mut Timestamp,
    base: Timestamp,
    op: Op,
) {
    let add = |sessions: &mut Vec<Session>, s: Session| {
        if sessions.len() == MAX_SESSIONS {
            sessions.remove(0);
        }
        sessions.push(s);
    };
    match op {
        Op::SignIn { user } => {
            let Some(id) = user_id(dir, user) else { return };
            let Some(tenant) = dir.user(&id).map(|u| u.tenant_id.clone()) else {
                return;
            };
            let pending = dir.user(&id).is_some_and(|u| u.is_pending());
            match dir.sign_in(&tenant, &id) {
                Ok(s) => {
                    assert!(!pending, "a pending guest signed in");
                    add(sessions, s);
                }
                Err(e) => {
                    if pending {
                        assert_eq!(e.code(), "INVITATION_PENDING");
                    }
                }
            }
        }
        Op::SignInByName { tenant, name } => {
            let Some(tenant) = tenant_id(dir, tenant) else {
                return;
            };
            if let Ok(s) = dir.sign_in(&tenant, &name) {
                let user = dir.user(s.user_id()).expect("a signed-in user exists");
                assert_eq!(
                    user.tenant_id, tenant,
                    "signed into another tenant's object"
                );
                assert!(!user.is_pending(), "a pending guest signed in");
                add(sessions, s);
            }
        }
        Op::Share {
            session,
            flow,
            principal,
            run_only,
        } => {
            let (Some(s), Some(flow), Some(principal)) = (
                session_at(sessions, session),
                flow_id(dir, flow),
                principal_id(dir, principal),
            ) else {
                return;
            };
            let role = if run_only {
                Role::RunOnly
            } else {
                Role::CoOwner
            };
            change(dir, "share", |d| {
                s.share(d, &flow, &Share { principal, role })
            });
        }
        Op::Unshare {
            session,
            flow,
            principal,
        } => {
            let (Some(s), Some(flow), Some(principal)) = (
                session_at(sessions, session),
                flow_id(dir, flow),
                principal_id(dir, principal),
            ) else {
                return;
            };
            change(dir, "unshare", |d| s.unshare(d, &flow, &principal));
        }
        Op::Check {
            session,
            action,
            flow,
        } => {
            let (Some(s), Some(flow)) = (session_at(sessions, session), flow_id(dir, flow)) else {
                return;
            };
            let action = Action::ALL[usize::from(action) % Action::ALL.len()];
            if let Ok(decision) = s.check(dir, action.as_str(), &flow) {
                if decision.allowed {
                    let f = dir.flow(&flow).expect("a checked flow exists");
                    assert_eq!(
                        f.tenant_id,
                        s.tenant_id(),
                        "allowed on another tenant's flow"
                    );
                }
                if decision.role == Some(Role::RunOnly) && decision.allowed {
                    assert_eq!(action, Action::Run, "run-only allowed {action:?}");
                }
            }
            if let Ok(actions) = s.allowed_actions(dir, &flow) {
                if let Ok(d) = s.check(dir, "run", &flow) {
                    if d.role == Some(Role::RunOnly) {
                        assert!(
                            actions.iter().all(|a| *a == Action::Run),
                            "run-only: {actions:?}"
                        );
                    }
                }
            }
        }
        Op::Approvals {
            session,
            sent,
            status,
        } => {
            let Some(s) = session_at(sessions, session) else {
                return;
            };
            let query = ApprovalQuery {
                mailbox: if sent {
                    ApprovalBox::Sent
                } else {
                    ApprovalBox::Received
                },
                status: match status % 3 {
                    0 => StatusFilter::Pending,
                    1 => StatusFilter::Completed,
                    _ => StatusFilter::All,
                },
            };
            if let Ok(list) = s.approvals(dir, &query, *now) {
                for item in list.items {
                    assert_eq!(
                        item.approval.tenant_id,
                        s.tenant_id(),
                        "another tenant's approval"
                    );
                }
            }
        }
        Op::Respond {
            session,
            approval,
            option,
            comments,
        } => {
            let (Some(s), Some(id)) = (session_at(sessions, session), approval_id(dir, approval))
            else {
                return;
            };
            let options = dir
                .approval(&id)
                .map(|a| a.response_options.clone())
                .unwrap_or_default();
            let response = match options.len() {
                0 => "Approve".to_string(),
                n => options[usize::from(option) % n].clone(),
            };
            let response = if option == 255 {
                "Maybe".to_string()
            } else {
                response
            };
            let at = *now;
            change(dir, "respond", |d| {
                s.respond(d, &id, &response, comments.as_deref(), at)
            });
        }
        Op::Reassign {
            session,
            approval,
            to,
        } => {
            let (Some(s), Some(id), Some(to)) = (
                session_at(sessions, session),
                approval_id(dir, approval),
                user_id(dir, to),
            ) else {
                return;
            };
            let at = *now;
            change(dir, "reassign", |d| s.reassign(d, &id, &to, at));
        }
        Op::Cancel { session, approval } => {
            let (Some(s), Some(id)) = (session_at(sessions, session), approval_id(dir, approval))
            else {
                return;
            };
            let at = *now;
            change(dir, "cancel", |d| s.cancel(d, &id, at));
        }
        Op::Invite {
            session,
            group,
            email,
            message,
        } => {
            let (Some(s), Some(group)) = (session_at(sessions, session), group_id(dir, group))
            else {
                return;
            };
            let email = match email {
                Email::Known(n) => user_id(dir, n)
                    .and_then(|id| dir.user(&id).and_then(|u| u.mail.clone()))
                    .unwrap_or_default(),
                Email::Made { local, domain } => {
                    let domains: Vec<String> = dir
                        .tenants()
                        .flat_map(|t| t.domains.iter().cloned())
                        .chain(["gmail.com".to_string(), "example.org".to_string()])
                        .collect();
                    format!(
                        "guest{local}@{}",
                        domains[usize::from(domain) % domains.len()]
                    )
                }
                Email::Raw(text) => text,
            };
            let request = InvitationRequest {
                email,
                display_name: None,
                message,
            };
            change(dir, "invite", |d| s.invite_to_group(d, &group, &request));
        }
        Op::RequestToJoin { session, group } => {
            let (Some(s), Some(group)) = (session_at(sessions, session), group_id(dir, group))
            else {
                return;
            };
            change(dir, "requestToJoin", |d| s.request_to_join(d, &group));
        }
        Op::JoinRequests { session, mine } => {
            let Some(s) = session_at(sessions, session) else {
                return;
            };
            let join_box = if mine {
                JoinBox::Mine
            } else {
                JoinBox::ToDecide
            };
            if let Ok(items) = s.join_requests(dir, join_box) {
                for item in items {
                    let group = dir
                        .group(&item.group_id)
                        .expect("a listed request's group exists");
                    assert_eq!(
                        group.tenant_id,
                        s.tenant_id(),
                        "another tenant's join request"
                    );
                }
            }
        }
        Op::DecideJoin {
            session,
            request,
            approve,
        } => {
            let Some(s) = session_at(sessions, session) else {
                return;
            };
            let Some(id) = nth(dir.join_requests().map(|r| r.id.as_str()), request) else {
                return;
            };
            change(dir, "decideJoinRequest", |d| {
                s.decide_join_request(d, &id, approve)
            });
        }
        Op::RemoveFromGroup {
            session,
            group,
            member,
        } => {
            let (Some(s), Some(group)) = (session_at(sessions, session), group_id(dir, group))
            else {
                return;
            };
            let members = dir
                .group(&group)
                .map(|g| g.members.clone())
                .unwrap_or_default();
            let Some(member) = nth(members.iter().map(String::as_str), member) else {
                return;
            };
            change(dir, "removeFromGroup", |d| {
                s.remove_from_group(d, &group, &member)
            });
        }
        Op::Redeem { user } => {
            let Some(id) = user_id(dir, user) else { return };
            let Some(tenant) = dir.user(&id).map(|u| u.tenant_id.clone()) else {
                return;
            };
            change(dir, "redeem", |d| redeem_invitation(d, &tenant, &id));
        }
        Op::UpsertUser { user, change: what } => {
            let Some(id) = user_id(dir, user) else { return };
            let Some(mut next) = dir.user(&id).cloned() else {
                return;
            };
            match what {
                UserChange::Pending => {
                    if next.is_guest() {
                        next.external_user_state = Some(ExternalUserState::PendingAcceptance);
                    }
                }
                UserChange::Accepted => {
                    if next.is_guest() {
                        next.external_user_state = Some(ExternalUserState::Accepted);
                    }
                }
                UserChange::Name(name) => next.display_name = name,
                UserChange::ToggleLicense => {
                    if next.licenses.is_empty() {
                        next.licenses.push("office365".into());
                    } else {
                        next.licenses.clear();
                    }
                }
                UserChange::ToggleConsent => {
                    next.consented_to_power_automate = !next.consented_to_power_automate;
                }
                UserChange::Mail(mail) => next.mail = mail,
            }
            change(dir, "upsertUser", |d| d.upsert_user(next));
        }
        Op::RemoveUser { user } => {
            let Some(id) = user_id(dir, user) else { return };
            change(dir, "removeUser", |d| d.remove_user(&id));
        }
        Op::Search {
            session,
            query,
            limit,
            guests,
        } => {
            let Some(s) = session_at(sessions, session) else {
                return;
            };
            let options = SearchOptions {
                limit: Some(usize::from(limit % 20) + 1),
                user_type: if guests {
                    UserTypeFilter::Guest
                } else {
                    UserTypeFilter::Any
                },
                ..SearchOptions::default()
            };
            if let Ok(found) = s.search(dir, &query, &options) {
                for item in &found.items {
                    let user = dir.user(&item.id).expect("a found person exists");
                    assert_eq!(user.tenant_id, s.tenant_id(), "another tenant's person");
                }
            }
        }
        Op::MyApps { session } => {
            let Some(s) = session_at(sessions, session) else {
                return;
            };
            if let Ok(apps) = s.my_apps(dir) {
                for app in apps {
                    let stored = dir.app(&app.id).expect("a listed app exists");
                    assert_eq!(stored.tenant_id, s.tenant_id(), "another tenant's app");
                }
            }
        }
        Op::Clock { days } => {
            *now = base.plus_days(i64::from(days % 40)).unwrap_or(base);
        }
    }
}

/// What holds for every session after every step.
fn check_sessions(dir: &Directory, sessions: &[Session], now: Timestamp) {
    for s in sessions {
        let Some(user) = dir.user(s.user_id()) else {
            assert!(s.whoami(dir).is_err(), "a removed user still acts");
            continue;
        };
        if user.is_pending() {
            assert!(
                s.whoami(dir).is_err(),
                "a pending guest's session still works"
            );
            assert!(s.search(dir, "a", &SearchOptions::default()).is_err());
            assert!(s.approvals(dir, &ApprovalQuery::default(), now).is_err());
            assert!(s.my_apps(dir).is_err());
            for flow in dir.flows().take(8) {
                if let Ok(actions) = s.allowed_actions(dir, &flow.id) {
                    assert!(
                        actions.is_empty(),
                        "a pending guest may {actions:?} {}",
                        flow.id
                    );
                }
            }
        }
    }
}
