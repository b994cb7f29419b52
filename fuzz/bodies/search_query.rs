//! People search (`session.search(query, options)`): any query and options over the
//! sample directory answer or are refused with a code. Every answer keeps to the
//! session's tenant, the limit, the user-type filter, the exclusions and the connector's
//! guest rule, and the same search over the directory after a snapshot round trip
//! returns the same people in the same order.
//!
//! Input layout: byte 0 picks the person, byte 1 the limit (0 = default, 255 = 0), byte 2
//! the user type (bits 0–1), connector (bits 2–3) and group (bits 4–5), byte 3 how many
//! people to exclude (bits 0–1); the rest is the query (UTF-8, lossy).

use guestpass::directory::Directory;
use guestpass::model::UserType;
use guestpass::session::{SearchOptions, Session, UserTypeFilter};
use guestpass_sample::{sample_world, SampleOptions};
use std::sync::OnceLock;

/// People who sign in: members and guests of every tenant and every guest access mode.
const PEOPLE: [(&str, &str); 12] = [
    ("contoso", "bob"),
    ("contoso", "ann"),
    ("contoso", "alice-at-contoso"),
    ("contoso", "zoe-at-contoso"),
    ("contoso", "pat-at-contoso"),
    ("fabrikam", "alice"),
    ("fabrikam", "bob-at-fabrikam"),
    ("northwind", "erik"),
    ("tailspin", "zoe"),
    ("woodgrove", "hana"),
    ("woodgrove", "alice-at-woodgrove"),
    ("contoso", "maria"),
];
const CONNECTORS: [&str; 3] = ["shared_office365", "shared_teams", "no-such-connector"];
const GROUPS: [&str; 3] = ["sales", "fab-partners", "no-such-group"];

struct Fixture {
    dir: Directory,
    reloaded: Directory,
    sessions: Vec<Session>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let world = sample_world(&SampleOptions {
            users: 400,
            seed: 8,
        });
        let dir = Directory::from_world(world).expect("the sample world loads");
        let bytes = dir.to_bytes().expect("snapshot");
        let reloaded = Directory::from_bytes(&bytes).expect("snapshot loads");
        let sessions = PEOPLE
            .iter()
            .filter_map(|(tenant, user)| dir.sign_in(tenant, user).ok())
            .collect();
        Fixture {
            dir,
            reloaded,
            sessions,
        }
    })
}

/// Runs one input.
pub fn run(data: &[u8]) {
    let f = fixture();
    let byte = |i: usize| data.get(i).copied().unwrap_or(0);
    let Some(session) = f
        .sessions
        .get(usize::from(byte(0)) % f.sessions.len().max(1))
    else {
        return;
    };
    let flags = byte(2);
    let user_type = match flags & 3 {
        1 => UserTypeFilter::Member,
        2 => UserTypeFilter::Guest,
        _ => UserTypeFilter::Any,
    };
    let connector = match (flags >> 2) & 3 {
        0 => None,
        n => Some(CONNECTORS[usize::from(n - 1)].to_string()),
    };
    let group_id = match (flags >> 4) & 3 {
        0 => None,
        n => Some(GROUPS[usize::from(n - 1)].to_string()),
    };
    let exclude: Vec<String> = f
        .dir
        .users()
        .filter(|u| u.tenant_id == session.tenant_id())
        .take(usize::from(byte(3) & 3) * 7)
        .step_by(7)
        .map(|u| u.id.clone())
        .collect();
    let options = SearchOptions {
        limit: match byte(1) {
            0 => None,
            255 => Some(0),
            n => Some(usize::from(n)),
        },
        user_type,
        connector,
        exclude,
        group_id,
    };
    let query = String::from_utf8_lossy(data.get(4..).unwrap_or_default());
    let found = session.search(&f.dir, &query, &options);
    let again = session.search(&f.reloaded, &query, &options);
    match (&found, &again) {
        (Ok(a), Ok(b)) => {
            let ids = |r: &guestpass::session::SearchResults| -> Vec<String> {
                r.items.iter().map(|i| i.id.clone()).collect()
            };
            assert_eq!(ids(a), ids(b), "search differs after a snapshot round trip");
            assert_eq!(a, b);
        }
        (Err(a), Err(b)) => assert_eq!(a.code(), b.code()),
        _ => panic!("one directory answered, the other refused: {found:?} / {again:?}"),
    }
    let Ok(results) = found else {
        return;
    };
    let limit = options.limit.unwrap_or(guestpass::session::DEFAULT_LIMIT);
    assert!(results.items.len() <= limit);
    let mut seen = std::collections::HashSet::new();
    for item in &results.items {
        assert!(seen.insert(item.id.clone()), "{} twice", item.id);
        let user = f.dir.user(&item.id).expect("results are users");
        assert_eq!(
            user.tenant_id,
            session.tenant_id(),
            "another tenant's person"
        );
        assert!(!options.exclude.contains(&item.id), "an excluded person");
        match options.user_type {
            UserTypeFilter::Member => assert_eq!(user.user_type, UserType::Member),
            UserTypeFilter::Guest => assert_eq!(user.user_type, UserType::Guest),
            UserTypeFilter::Any => {}
        }
        if results.guests_hidden {
            assert_eq!(
                user.user_type,
                UserType::Member,
                "a guest the connector hides"
            );
        }
        for h in &item.highlights {
            assert!(h.start <= h.end, "a reversed highlight");
        }
    }
}
