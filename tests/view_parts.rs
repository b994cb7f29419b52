//! A view in two parts (`Directory::view_parts`, issue 17 item 3): the shared part is
//! byte-identical for every person of one audience in a tenant and named by its SHA-256,
//! the personal part names it, a shared part of another tenant or audience (or from
//! before a change) is refused with `VIEW_PARTS_MISMATCH`, and the one-piece view is both
//! parts in a container. `tests/views.rs` runs its differential test over the parts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::directory::Directory;
use guestpass::model::{GuestAccess, World};
use guestpass::view::{self, Audience};
use guestpass_sample::{sample_world, SampleOptions};
use sha2::{Digest, Sha256};

/// The sample with every tenant's guests at `access`.
fn world(access: GuestAccess) -> World {
    let mut world = sample_world(&SampleOptions {
        users: 300,
        seed: 5,
    });
    for t in &mut world.tenants {
        t.settings.guest_access = access;
    }
    world
}

/// Ids of the people of `tenant_id` whose view is of `audience` and who can sign in.
fn people_of(dir: &Directory, tenant_id: &str, audience: Audience) -> Vec<String> {
    let tenant = dir.tenant(tenant_id).unwrap();
    dir.users()
        .filter(|u| u.tenant_id == tenant_id && view::audience(tenant, u) == audience)
        .filter(|u| dir.sign_in(tenant_id, &u.id).is_ok())
        .map(|u| u.id.clone())
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every pair of people of `audience` in contoso shares one shared part, named by its
/// SHA-256, while their personal parts differ.
fn one_copy_for(access: GuestAccess, audience: Audience) {
    let dir = Directory::from_world(world(access)).unwrap();
    let people = people_of(&dir, "contoso", audience);
    assert!(people.len() >= 2, "{audience:?}: {people:?}");
    let first = dir.view_parts("contoso", &people[0]).unwrap();
    assert_eq!(
        first.shared_hash,
        hex(&Sha256::digest(first.shared.as_slice()))
    );
    for id in &people[1..] {
        let other = dir.view_parts("contoso", id).unwrap();
        assert_eq!(other.shared.as_slice(), first.shared.as_slice(), "{id}");
        assert_eq!(other.shared_hash, first.shared_hash);
        assert_ne!(other.personal, first.personal);
        let view = Directory::from_view_parts(&other.personal, &other.shared).unwrap();
        assert_eq!(view.session().user_id(), id);
    }
    // Written by another directory holding the same world: the same bytes.
    let again = Directory::from_world(world(access)).unwrap();
    let theirs = again.view_parts("contoso", &people[0]).unwrap();
    assert_eq!(theirs.shared.as_slice(), first.shared.as_slice());
    assert_eq!(theirs.personal, first.personal);
}

#[test]
fn the_shared_part_is_the_same_bytes_for_every_member_of_a_tenant() {
    one_copy_for(GuestAccess::SameAsMember, Audience::Members);
}

#[test]
fn the_shared_part_is_the_same_bytes_for_every_limited_guest_of_a_tenant() {
    one_copy_for(GuestAccess::Limited, Audience::LimitedGuest);
}

#[test]
fn the_shared_part_is_the_same_bytes_for_every_restricted_guest_of_a_tenant() {
    one_copy_for(GuestAccess::Restricted, Audience::RestrictedGuest);
}

#[test]
fn a_shared_part_of_another_tenant_or_audience_is_refused() {
    let dir = Directory::from_world(world(GuestAccess::Limited)).unwrap();
    let bob = dir.view_parts("contoso", "bob").unwrap();
    let erik = dir.view_parts("northwind", "erik").unwrap();
    let guest = &people_of(&dir, "contoso", Audience::LimitedGuest)[0];
    let guest = dir.view_parts("contoso", guest).unwrap();
    for wrong in [&erik.shared, &guest.shared] {
        let e = Directory::from_view_parts(&bob.personal, wrong).unwrap_err();
        assert_eq!(e.code(), "VIEW_PARTS_MISMATCH");
        assert!(e.to_string().contains(&bob.shared_hash), "{e}");
    }
    // The parts swapped, or a one-piece view given as a part: not a personal part.
    for (personal, shared) in [
        (bob.shared.as_slice(), bob.personal.as_slice()),
        (&bob.to_bytes()[..], bob.shared.as_slice()),
    ] {
        let e = Directory::from_view_parts(personal, shared).unwrap_err();
        assert_eq!(e.code(), "VIEW_NOT_RECOGNIZED");
    }
    // A shared part alone is not a view either.
    let e = Directory::from_view(&bob.shared).unwrap_err();
    assert_eq!(e.code(), "VIEW_NOT_RECOGNIZED");
    // The shared part's frame is checked (as a snapshot's) before its hash is compared:
    // a damaged one says so rather than naming another part.
    let mut damaged = bob.shared.to_vec();
    let at = damaged.len() / 2;
    damaged[at] ^= 1;
    let e = Directory::from_view_parts(&bob.personal, &damaged).unwrap_err();
    assert_eq!(e.code(), "SNAPSHOT_CHECKSUM_MISMATCH");
    let e = Directory::from_view_parts(&bob.personal, &bob.personal).unwrap_err();
    assert_eq!(e.code(), "VIEW_NOT_RECOGNIZED");
}

#[test]
fn a_change_writes_a_new_shared_part_and_the_old_one_is_refused() {
    let mut dir = Directory::from_world(world(GuestAccess::SameAsMember)).unwrap();
    let before = dir.view_parts("contoso", "bob").unwrap();
    // Kept: the next member's shared part is the very same buffer.
    let members = people_of(&dir, "contoso", Audience::Members);
    let next = dir.view_parts("contoso", &members[1]).unwrap();
    assert!(std::sync::Arc::ptr_eq(&before.shared, &next.shared));
    let mut carol = dir.user("bob").unwrap().clone();
    carol.id = "carol-new".into();
    carol.display_name = "Carol Newcomer".into();
    carol.user_principal_name = "carol.newcomer@contoso.com".into();
    carol.mail = Some("carol.newcomer@contoso.com".into());
    carol.other_mails.clear();
    dir.upsert_user(carol).unwrap();
    let after = dir.view_parts("contoso", "bob").unwrap();
    assert_ne!(after.shared_hash, before.shared_hash);
    let found = Directory::from_view_parts(&after.personal, &after.shared).unwrap();
    let hit = found
        .session()
        .search(found.directory(), "Carol Newcomer", &Default::default())
        .unwrap();
    assert_eq!(hit.items[0].id, "carol-new");
    let e = Directory::from_view_parts(&after.personal, &before.shared).unwrap_err();
    assert_eq!(e.code(), "VIEW_PARTS_MISMATCH");
}

#[test]
fn a_one_piece_view_is_both_parts_and_reads_as_they_do() {
    let dir = Directory::from_world(world(GuestAccess::Limited)).unwrap();
    for (tenant, user) in [("contoso", "bob"), ("northwind", "erik")] {
        let parts = dir.view_parts(tenant, user).unwrap();
        assert_eq!(dir.view_for(tenant, user).unwrap(), parts.to_bytes());
        let whole = Directory::from_view(&parts.to_bytes()).unwrap();
        let split = Directory::from_view_parts(&parts.personal, &parts.shared).unwrap();
        assert_eq!(
            whole.directory().view_contents(),
            split.directory().view_contents()
        );
    }
}

#[test]
fn a_members_personal_part_names_nobody_of_the_tenant_but_what_it_holds() {
    let dir = Directory::from_world(world(GuestAccess::SameAsMember)).unwrap();
    let parts = dir.view_parts("contoso", "bob").unwrap();
    let text = String::from_utf8_lossy(&parts.personal);
    let named = dir
        .users()
        .filter(|u| u.tenant_id == "contoso")
        .filter(|u| text.contains(u.user_principal_name.as_str()))
        .count();
    assert_eq!(named, 0, "the tenant's people travel in the shared part");
    assert!(parts.personal.len() * 4 < parts.shared.len());
}

/// An approval's `flowId` travels in the personal part only for a flow that part holds:
/// linked to a flow bob holds no role on, his personal part does not name it (the shared
/// part carries flows as digests only).
#[test]
fn a_personal_part_names_an_approvals_flow_only_when_it_holds_that_flow() {
    let mut w = world(GuestAccess::SameAsMember);
    let base = Directory::from_world(w.clone()).unwrap();
    let bob = base.sign_in("contoso", "bob").unwrap();
    let theirs = base
        .approvals()
        .filter(|a| a.tenant_id == "contoso")
        .filter(|a| a.requester_id == "bob" || a.approvers.iter().any(|p| p == "bob"))
        .map(|a| a.id.clone())
        .collect::<Vec<_>>();
    assert!(!theirs.is_empty());
    let held = |f: &str| bob.allowed_actions(&base, f).is_ok_and(|a| !a.is_empty());
    let flows: Vec<&guestpass::model::Flow> =
        base.flows().filter(|f| f.tenant_id == "contoso").collect();
    let unheld = flows
        .iter()
        .find(|f| base.flow(&f.id).is_some() && !held(&f.id));
    let mine = flows.iter().find(|f| f.owner_id == "bob");
    let (unheld, mine) = (unheld.unwrap().id.clone(), mine.unwrap().id.clone());
    for a in &mut w.approvals {
        if a.id == theirs[0] {
            a.flow_id = Some(unheld.clone());
        } else if theirs.get(1) == Some(&a.id) {
            a.flow_id = Some(mine.clone());
        }
    }
    let dir = Directory::from_world(w).unwrap();
    let parts = dir.view_parts("contoso", "bob").unwrap();
    for bytes in [&parts.personal[..], &parts.shared[..]] {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains(unheld.as_str()), "{unheld}");
    }
    let view = Directory::from_view_parts(&parts.personal, &parts.shared).unwrap();
    assert!(view.directory().flow(&unheld).is_none());
    let first = view.directory().approval(&theirs[0]).unwrap();
    assert_eq!(first.flow_id, None);
    if let Some(second) = theirs.get(1) {
        let second = view.directory().approval(second).unwrap();
        assert_eq!(second.flow_id.as_deref(), Some(mine.as_str()));
    }
}

/// A shared part larger than the reader's window (a view, in parts or in one piece, is read
/// a window at a time, so that a `Uint8Array` in JavaScript is never copied whole into
/// WebAssembly memory): values cross windows' edges and the view answers as the whole
/// directory does.
#[test]
fn a_shared_part_larger_than_a_window_reads_as_the_directory_answers() {
    use guestpass::session::{SearchOptions, Session};
    let dir = Directory::from_world(sample_world(&SampleOptions {
        users: 40_000,
        seed: 42,
    }))
    .unwrap();
    let parts = dir.view_parts("contoso", "bob").unwrap();
    assert!(parts.shared.len() > guestpass::binary::WINDOW);
    let view = Directory::from_view_parts(&parts.personal, &parts.shared).unwrap();
    let whole = Session::sign_in(&dir, "contoso", "bob").unwrap();
    let options = SearchOptions {
        limit: Some(100),
        ..SearchOptions::default()
    };
    for query in ["a", "wood", "mar", "zz", "li s"] {
        assert_eq!(
            view.session()
                .search(view.directory(), query, &options)
                .unwrap(),
            whole.search(&dir, query, &options).unwrap(),
            "{query}"
        );
    }
    let users = |d: &Directory| d.users().filter(|u| u.tenant_id == "contoso").count();
    assert_eq!(users(view.directory()), users(&dir));
    // In one piece, read the same way (the container a window at a time).
    let whole = Directory::from_view(&parts.to_bytes()).unwrap();
    assert_eq!(
        whole
            .session()
            .search(whole.directory(), "li s", &options)
            .unwrap(),
        view.session()
            .search(view.directory(), "li s", &options)
            .unwrap()
    );
}

/// `bytes` (a frame of `magic`) with its version replaced by `version` and its checksum
/// made again, as an older writer would have framed the same body.
fn reframed(bytes: &[u8], magic: &[u8; 8], version: u32) -> Vec<u8> {
    let body = &bytes[20..bytes.len() - 8];
    guestpass::snapshot::frame_as(magic, version, body)
}

#[test]
fn parts_of_another_view_format_are_refused_by_their_version() {
    let dir = Directory::from_world(world(GuestAccess::SameAsMember)).unwrap();
    let bob = dir.view_parts("contoso", "bob").unwrap();
    // Format 6 wrote approvals' texts in full, 5 named the shared part by SHA-256 alone.
    let personal = &bob.personal[..];
    assert_eq!(reframed(personal, view::PERSONAL_MAGIC, 7), personal);
    for version in [1, 4, 5, 6, 8] {
        let old = reframed(personal, view::PERSONAL_MAGIC, version);
        let e = Directory::from_view_parts(&old, &bob.shared).unwrap_err();
        assert_eq!(e.code(), "SNAPSHOT_VERSION_UNSUPPORTED", "{version}");
        let old = reframed(&bob.shared, view::shared::MAGIC, version);
        let e = Directory::from_view_parts(personal, &old).unwrap_err();
        assert_eq!(e.code(), "SNAPSHOT_VERSION_UNSUPPORTED", "{version}");
    }
}

#[test]
fn the_parts_are_paired_by_the_shared_parts_checksum() {
    let dir = Directory::from_world(world(GuestAccess::SameAsMember)).unwrap();
    let bob = dir.view_parts("contoso", "bob").unwrap();
    // The personal part names the shared part's SHA-256, then the checksum its frame ends with.
    let header = 20;
    assert_eq!(hex(&bob.personal[header..header + 32]), bob.shared_hash);
    let checksum = &bob.shared[bob.shared.len() - 8..];
    assert_eq!(&bob.personal[header + 32..header + 40], checksum);
    // A personal part naming the right SHA-256 but another checksum is refused, and the
    // error names the SHA-256 to fetch.
    let mut body = bob.personal[header..bob.personal.len() - 8].to_vec();
    body[32] ^= 1;
    let wrong = guestpass::snapshot::frame_as(view::PERSONAL_MAGIC, view::FORMAT_VERSION, &body);
    let e = Directory::from_view_parts(&wrong, &bob.shared).unwrap_err();
    assert_eq!(e.code(), "VIEW_PARTS_MISMATCH");
    assert!(e.to_string().contains(&bob.shared_hash), "{e}");
}

/// A server's directory whose users were added out of user-id order still writes views
/// whose searches put people ranked alike in user-id order, as the whole directory does.
#[test]
fn ties_come_in_user_id_order_in_a_view_of_a_changed_directory() {
    use guestpass::session::{SearchOptions, Session};
    let mut dir = Directory::from_world(world(GuestAccess::SameAsMember)).unwrap();
    let mut namesake = dir.user("bob").unwrap().clone();
    for id in ["zz-bob-namesake", "0-bob-namesake", "m-bob-namesake"] {
        namesake.id = id.to_string();
        namesake.user_principal_name = format!("{id}@contoso.com");
        namesake.mail = Some(format!("{id}@contoso.com"));
        namesake.other_mails.clear();
        dir.upsert_user(namesake.clone()).unwrap();
    }
    assert!(!dir.users_in_id_order());
    let parts = dir.view_parts("contoso", "anna").unwrap();
    let view = Directory::from_view_parts(&parts.personal, &parts.shared).unwrap();
    let whole = Session::sign_in(&dir, "contoso", "anna").unwrap();
    let name = namesake.display_name.clone();
    for limit in [1, 2, 3, 10] {
        let options = SearchOptions {
            limit: Some(limit),
            ..SearchOptions::default()
        };
        for query in [name.as_str(), "b", "bo"] {
            let got = view.session().search(view.directory(), query, &options);
            assert_eq!(
                got.unwrap(),
                whole.search(&dir, query, &options).unwrap(),
                "{query} {limit}"
            );
        }
    }
}
