//! People search in a session: the picker's rules, stated as tests over the sample world.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::directory::Directory;
use guestpass::model::{GuestAccess, UserType};
use guestpass::session::{SearchMode, SearchOptions, SearchResults, Session, UserTypeFilter};
use guestpass_sample::{sample_world, SampleOptions};

fn dir() -> Directory {
    Directory::from_world(sample_world(&SampleOptions {
        users: 2_000,
        seed: 42,
    }))
    .unwrap()
}

fn ids(r: &SearchResults) -> Vec<&str> {
    r.items.iter().map(|i| i.id.as_str()).collect()
}

fn bob(d: &Directory) -> Session {
    d.sign_in("contoso", "bob@contoso.com").unwrap()
}

fn find(d: &Directory, s: &Session, q: &str) -> SearchResults {
    s.search(d, q, &SearchOptions::default()).unwrap()
}

/// `id` is found, and only namesakes (tied with them, listed in user-id order) come first:
/// the sample world has generated people named like the well-known ones.
fn assert_among_the_best(r: &SearchResults, id: &str) {
    let at = r.items.iter().position(|i| i.id == id);
    let at = at.unwrap_or_else(|| panic!("{id} not in {:?}", ids(r)));
    let name = guestpass::search::display_order(&r.items[at].display_name);
    for before in &r.items[..at] {
        assert_eq!(
            guestpass::search::display_order(&before.display_name),
            name,
            "{} ranks before {id}",
            before.id
        );
        assert!(before.id.as_str() < id, "ties come in user-id order");
    }
}

#[test]
fn a_member_finds_a_guest_from_the_first_keystrokes() {
    let d = dir();
    let r = find(&d, &bob(&d), "ali");
    assert!(ids(&r).contains(&"alice-at-contoso"), "{:?}", ids(&r));
    let alice = r.items.iter().find(|i| i.id == "alice-at-contoso").unwrap();
    assert_eq!(alice.user_type, UserType::Guest);
    assert_eq!(alice.home_tenant_id.as_deref(), Some("fabrikam"));
    assert_eq!(r.mode, SearchMode::Full);
}

#[test]
fn accents_case_and_punctuation_are_folded() {
    let d = dir();
    let s = bob(&d);
    assert!(ids(&find(&d, &s, "deb")).contains(&"deborah"));
    let r = find(&d, &s, "DÉBORAH lefevre");
    assert_among_the_best(&r, "deborah");
    // The sample world has more than one Déborah Lefèvre; one whose address is
    // `deborah.lefevre@…` (the whole query as a local part) ranks first.
    let first = r.items.first().and_then(|i| i.mail.as_deref());
    assert_eq!(first.map(|m| m.starts_with("deborah.lefevre@")), Some(true));
    for q in ["obrien", "o brien", "o'brien", "siobhan o"] {
        assert!(ids(&find(&d, &s, q)).contains(&"siobhan"), "{q}");
    }
    for q in ["lopez", "garcia lopez", "garcia-lopez"] {
        assert!(ids(&find(&d, &s, q)).contains(&"maria"), "{q}");
    }
}

#[test]
fn words_match_in_any_order_and_the_last_as_a_prefix() {
    let d = dir();
    let s = bob(&d);
    assert_among_the_best(&find(&d, &s, "lefevre deb"), "deborah");
    assert_eq!(ids(&find(&d, &s, "kowalski b"))[0], "bob");
}

#[test]
fn mail_and_decoded_guest_upns_are_searched() {
    let d = dir();
    let s = bob(&d);
    assert!(ids(&find(&d, &s, "alice@fabrikam.com")).contains(&"alice-at-contoso"));
    assert!(ids(&find(&d, &s, "alice@fabri")).contains(&"alice-at-contoso"));
}

#[test]
fn non_latin_names_are_found_by_the_start_of_their_words() {
    let d = dir();
    let s = bob(&d);
    assert!(ids(&find(&d, &s, "Ива")).contains(&"ivan"));
    assert!(ids(&find(&d, &s, "пет")).contains(&"ivan"));
    assert!(ids(&find(&d, &s, "太郎")).contains(&"taro"));
    assert!(ids(&find(&d, &s, "σοφ")).contains(&"sofia"));
}

#[test]
fn an_exact_name_ranks_before_a_longer_prefix() {
    let d = dir();
    let s = bob(&d);
    let r = find(&d, &s, "ann");
    let pos = |id: &str| ids(&r).iter().position(|x| *x == id);
    assert!(pos("ann").unwrap() < pos("anna").unwrap(), "{:?}", ids(&r));
}

#[test]
fn highlights_are_utf16_ranges_of_the_matched_words() {
    let d = dir();
    let r = find(&d, &bob(&d), "lefe");
    let deb = r.items.iter().find(|i| i.id == "deborah").unwrap();
    let h = deb
        .highlights
        .iter()
        .find(|h| h.field == "displayName")
        .unwrap();
    let utf16: Vec<u16> = deb.display_name.encode_utf16().collect();
    let bolded = String::from_utf16(&utf16[h.start as usize..h.end as usize]).unwrap();
    assert_eq!(bolded, "Lefè");
}

#[test]
fn filters_by_user_type_exclusion_and_group() {
    let d = dir();
    let s = bob(&d);
    let only = |t| SearchOptions {
        user_type: t,
        ..Default::default()
    };
    let guests = s.search(&d, "a", &only(UserTypeFilter::Guest)).unwrap();
    assert!(!guests.items.is_empty());
    assert!(guests.items.iter().all(|i| i.user_type == UserType::Guest));
    let members = s.search(&d, "a", &only(UserTypeFilter::Member)).unwrap();
    assert!(members
        .items
        .iter()
        .all(|i| i.user_type == UserType::Member));

    let excluded = s
        .search(
            &d,
            "deb",
            &SearchOptions {
                exclude: vec!["deborah".into()],
                ..Default::default()
            },
        )
        .unwrap();
    assert!(!ids(&excluded).contains(&"deborah"));

    // sales contains alice-at-contoso through nested groups or directly.
    let in_sales = s
        .search(
            &d,
            "a",
            &SearchOptions {
                group_id: Some("sales".into()),
                limit: Some(100),
                ..Default::default()
            },
        )
        .unwrap();
    let members: Vec<String> = in_sales.items.iter().map(|i| i.id.clone()).collect();
    for id in &members {
        assert!(
            d.membership_path(id, "sales").is_some(),
            "{id} is not in sales"
        );
    }
    assert!(s
        .search(
            &d,
            "a",
            &SearchOptions {
                group_id: Some("fab-partners".into()),
                ..Default::default()
            }
        )
        .is_err_and(|e| e.code() == "UNKNOWN_GROUP"));
}

#[test]
fn a_connector_without_guest_picking_hides_guests_and_says_so() {
    let d = dir();
    let s = bob(&d);
    let outlook = SearchOptions {
        connector: Some("shared_office365".into()),
        ..Default::default()
    };
    let r = s.search(&d, "alice", &outlook).unwrap();
    assert!(r.guests_hidden);
    assert!(r.items.iter().all(|i| i.user_type == UserType::Member));
    let teams = SearchOptions {
        connector: Some("shared_teams".into()),
        ..Default::default()
    };
    let r = s.search(&d, "alice", &teams).unwrap();
    assert!(!r.guests_hidden);
    assert!(ids(&r).contains(&"alice-at-contoso"));
    let unknown = SearchOptions {
        connector: Some("shared_nope".into()),
        ..Default::default()
    };
    assert_eq!(
        s.search(&d, "a", &unknown).unwrap_err().code(),
        "UNKNOWN_CONNECTOR"
    );
}

#[test]
fn a_guests_search_follows_the_tenants_guest_access_setting() {
    let mut d = dir();
    // contoso: limited. A guest finds someone only by an exact address.
    let alice = d.sign_in("contoso", "alice@fabrikam.com").unwrap();
    let r = find(&d, &alice, "bob");
    assert!(r.items.is_empty());
    assert_eq!(r.mode, SearchMode::ExactOnly);
    let r = find(&d, &alice, "BOB@contoso.com");
    assert_eq!(ids(&r), ["bob"]);
    // sameAsMember: full typeahead.
    let mut contoso = d.tenant("contoso").unwrap().clone();
    contoso.settings.guest_access = GuestAccess::SameAsMember;
    d.upsert_tenant(contoso.clone()).unwrap();
    let r = find(&d, &alice, "bob");
    assert_eq!(r.mode, SearchMode::Full);
    assert!(ids(&r).contains(&"bob"));
    // restricted: nothing, even an exact address.
    contoso.settings.guest_access = GuestAccess::Restricted;
    d.upsert_tenant(contoso).unwrap();
    let r = find(&d, &alice, "bob@contoso.com");
    assert!(r.items.is_empty());
    assert_eq!(r.mode, SearchMode::None);
}

#[test]
fn a_session_sees_its_own_tenants_directory_only() {
    let d = dir();
    // carlos is a fabrikam member; contoso has only his (pending) guest object.
    let r = find(&d, &bob(&d), "carlos");
    assert!(r
        .items
        .iter()
        .all(|i| d.user(&i.id).unwrap().tenant_id == "contoso"));
    // Signed into fabrikam, alice does not see contoso's members.
    let alice = d.sign_in("fabrikam", "alice@fabrikam.com").unwrap();
    let r = find(&d, &alice, "deborah");
    assert!(!ids(&r).contains(&"deborah"));
}

#[test]
fn adding_changing_and_removing_a_user_shows_in_the_next_search() {
    let mut d = dir();
    let s = bob(&d);
    let mut zed = d.user("deborah").unwrap().clone();
    zed.id = "zed".into();
    zed.display_name = "Zébulon Quixote".into();
    zed.given_name = Some("Zébulon".into());
    zed.surname = Some("Quixote".into());
    zed.mail = Some("zed@contoso.com".into());
    zed.user_principal_name = "zed@contoso.com".into();
    d.upsert_user(zed.clone()).unwrap();
    assert_eq!(ids(&find(&d, &s, "zebu")), ["zed"]);
    zed.display_name = "Zacharie Quixote".into();
    zed.given_name = Some("Zacharie".into());
    d.upsert_user(zed).unwrap();
    assert!(find(&d, &s, "zebu").items.is_empty());
    assert_eq!(ids(&find(&d, &s, "zach quix")), ["zed"]);
    d.remove_user("zed").unwrap();
    assert!(find(&d, &s, "zach quix").items.is_empty());
}

#[test]
fn empty_and_over_long_queries() {
    let d = dir();
    let s = bob(&d);
    assert!(find(&d, &s, "").items.is_empty());
    assert!(find(&d, &s, "   ").items.is_empty());
    let long = "a".repeat(257);
    assert_eq!(
        s.search(&d, &long, &SearchOptions::default())
            .unwrap_err()
            .code(),
        "QUERY_TOO_LONG"
    );
    let zero = SearchOptions {
        limit: Some(0),
        ..Default::default()
    };
    assert_eq!(
        s.search(&d, "a", &zero).unwrap_err().code(),
        "INVALID_VALUE"
    );
}

/// A guest's result names their home tenant beside its id when the search covers the
/// whole directory; a limited guest's exact lookup does not.
#[test]
fn guests_carry_their_home_tenant_name_in_a_full_search() {
    let d = dir();
    let r = find(&d, &bob(&d), "alice martin");
    let alice = r.items.iter().find(|i| i.id == "alice-at-contoso").unwrap();
    assert_eq!(alice.home_tenant_id.as_deref(), Some("fabrikam"));
    let fabrikam = d.tenant("fabrikam").unwrap().display_name.clone();
    assert_eq!(alice.home_tenant_name.as_deref(), Some(fabrikam.as_str()));
    assert!(r
        .items
        .iter()
        .filter(|i| i.user_type == UserType::Member)
        .all(|i| i.home_tenant_name.is_none()));
    // contoso gives guests limited access: an exact lookup shows no tenant name.
    let guest = d.sign_in("contoso", "alice@fabrikam.com").unwrap();
    let r = find(&d, &guest, "alice@fabrikam.com");
    assert_eq!(r.mode, SearchMode::ExactOnly);
    assert!(!r.items.is_empty());
    assert!(r.items.iter().all(|i| i.home_tenant_name.is_none()));
}

/// A loaded directory keeps users in id order, so ties need no re-sorting; once a user is
/// added out of that order, ties are put in user-id order by the search itself: either
/// way the same people in the same order as a fresh load of the same world.
#[test]
fn ties_come_in_user_id_order_whether_or_not_slots_are() {
    let mut d = dir();
    assert!(d.users_in_id_order());
    let mut namesake = d.user("alice-at-contoso").unwrap().clone();
    for id in ["0-alice-namesake", "zz-alice-namesake"] {
        namesake.id = id.to_string();
        namesake.user_principal_name = format!("{id}_fabrikam.com#EXT#@contoso.onmicrosoft.com");
        namesake.mail = Some(format!("{id}@fabrikam.com"));
        d.upsert_user(namesake.clone()).unwrap();
    }
    assert!(!d.users_in_id_order(), "0-… was added after every other id");
    let fresh = Directory::from_world(d.to_world()).unwrap();
    assert!(fresh.users_in_id_order());
    for q in ["alice", "alice martin", "a", "al", "bob", "m", "lee", "wei"] {
        for limit in [1, 2, 10, 40] {
            let options = SearchOptions {
                limit: Some(limit),
                ..SearchOptions::default()
            };
            let ours = bob(&d).search(&d, q, &options).unwrap();
            let theirs = bob(&fresh).search(&fresh, q, &options).unwrap();
            assert_eq!(ids(&ours), ids(&theirs), "{q:?} limit {limit}");
        }
    }
}
