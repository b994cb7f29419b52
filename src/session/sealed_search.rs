//! Exact address lookups of a guest with limited access, answered from a view's sealed
//! address book ([`crate::directory::AddressLookup`], `view::SealedBook`) the way the whole directory answers them
//! from its people index: the same people, filters and order (`session/search.rs`).

use super::search::{has_address, person_match, PersonMatch, UserTypeFilter};
use crate::directory::{AddressLookup, IdDigest};
use std::collections::{BTreeMap, HashSet};

/// A search's group filter: the members' user slots, or the group's digest (which sealed
/// records carry for each person's groups).
#[derive(Debug)]
pub enum GroupFilter {
    /// Slots of every member, nested groups counting.
    Members(HashSet<u32>),
    /// The group's digest.
    Digest(IdDigest),
}

impl GroupFilter {
    /// Whether the user in `slot` passes (a digest filter passes no slot: it only applies
    /// to sealed records).
    pub fn has_slot(&self, slot: u32) -> bool {
        match self {
            GroupFilter::Members(slots) => slots.contains(&slot),
            GroupFilter::Digest(_) => false,
        }
    }

    fn has_digests(&self, groups: &[IdDigest]) -> bool {
        match self {
            GroupFilter::Members(_) => false,
            GroupFilter::Digest(d) => groups.contains(d),
        }
    }
}

/// What an exact lookup keeps.
#[derive(Debug)]
pub struct ExactWanted<'a> {
    /// The tenant signed into.
    pub tenant_id: &'a str,
    /// Members, guests or both.
    pub user_type: UserTypeFilter,
    /// The connector's picker leaves guests out.
    pub guests_hidden: bool,
    /// User ids to leave out.
    pub exclude: &'a [String],
    /// Only members of this group.
    pub group: Option<&'a GroupFilter>,
    /// At most this many.
    pub limit: usize,
}

/// The people whose address is `query`, in user-id order, as the whole directory's
/// `ExactOnly` search returns them.
pub fn exact(book: &dyn AddressLookup, query: &str, wanted: &ExactWanted<'_>) -> Vec<PersonMatch> {
    let address = query.trim();
    let mut found: BTreeMap<String, PersonMatch> = BTreeMap::new();
    for person in book.open(query) {
        let user = &person.user;
        let guest = user.is_guest();
        let type_ok = match wanted.user_type {
            UserTypeFilter::Any => true,
            UserTypeFilter::Member => !guest,
            UserTypeFilter::Guest => guest,
        };
        let keep = user.tenant_id == wanted.tenant_id
            && has_address(user, address)
            && type_ok
            && !(wanted.guests_hidden && guest)
            && !wanted.exclude.contains(&user.id)
            && wanted.group.is_none_or(|g| g.has_digests(&person.groups));
        if keep {
            found.insert(user.id.clone(), person_match(user, query));
        }
    }
    found.into_values().take(wanted.limit).collect()
}
