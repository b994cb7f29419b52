//! View bytes (`Directory.fromView`): any bytes are refused with a code or load. The input
//! is tried as is and framed as a view body under a valid header and checksum (so the
//! fuzzer reaches the reader behind the checksum). A view that loads answers every
//! question of its person without panicking, stays inside its tenant and refuses changes,
//! leaving its directory as it was.

use guestpass::approvals::{ApprovalBox, ApprovalQuery, StatusFilter};
use guestpass::directory::Directory;
use guestpass::groups::JoinBox;
use guestpass::session::SearchOptions;
use guestpass::sharing::{Role, Share};
use guestpass::timestamp::Timestamp;
use guestpass::{snapshot, view};

/// Runs one input.
pub fn run(data: &[u8]) {
    check(data);
    check(&snapshot::frame_as(view::MAGIC, view::FORMAT_VERSION, data));
}

fn check(bytes: &[u8]) {
    let view = match Directory::from_view(bytes) {
        Ok(view) => view,
        Err(e) => {
            assert!(!e.code().is_empty());
            return;
        }
    };
    let (mut dir, session) = view.into_parts();
    let me = session
        .whoami(&dir)
        .expect("the person a view loads for is signed in");
    assert_eq!(me.user_id, session.user_id());
    assert_eq!(me.tenant_id, session.tenant_id());
    let _ = session.features(&dir);
    for query in ["a", "bob@contoso.com", me.display_name.as_str(), ""] {
        if let Ok(found) = session.search(&dir, query, &SearchOptions::default()) {
            assert!(
                found.items.len() <= 10,
                "a search returns at most its limit"
            );
            for item in &found.items {
                if let Some(user) = dir.user(&item.id) {
                    assert_eq!(user.tenant_id, me.tenant_id, "a result of another tenant");
                }
            }
        }
    }
    let flows: Vec<String> = dir.flows().map(|f| f.id.clone()).collect();
    for flow in &flows {
        let _ = session.check(&dir, "run", flow);
        let _ = session.allowed_actions(&dir, flow);
    }
    let pairs: Vec<(&str, &str)> = flows.iter().map(|f| ("edit", f.as_str())).collect();
    let _ = session.check_many(&dir, &pairs);
    if let Ok(now) = Timestamp::parse("now", "2026-12-01T00:00:00Z") {
        for mailbox in [ApprovalBox::Received, ApprovalBox::Sent] {
            let query = ApprovalQuery {
                mailbox,
                status: StatusFilter::All,
            };
            let _ = session.approvals(&dir, &query, now);
        }
    }
    let _ = session.my_apps(&dir);
    let _ = session.groups_i_own(&dir);
    let _ = session.join_requests(&dir, JoinBox::ToDecide);
    let _ = session.join_requests(&dir, JoinBox::Mine);
    let before = dir.to_world();
    if let Some(flow) = flows.first() {
        let share = Share {
            principal: me.user_id.clone(),
            role: Role::RunOnly,
        };
        assert!(
            session.share(&mut dir, flow, &share).is_err(),
            "a view refuses changes"
        );
    }
    let group = dir.groups().next().map(|g| g.id.clone());
    if let Some(group) = group {
        assert!(session.request_to_join(&mut dir, &group).is_err());
    }
    assert_eq!(dir.to_world(), before, "a refused change leaves the view");
}
