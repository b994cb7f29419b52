//! Rebuilding a directory from a snapshot without redoing its expensive parts.
//!
//! Besides the world, a snapshot (format 5, see [`crate::snapshot`]) keeps what
//! [`Directory::from_world`] would otherwise compute at length or could not recover:
//!
//! - the **user slots**: users are stored slot by slot, with the free slots in reuse
//!   order, so the keys search indexes hold stay valid and ties between equally ranked
//!   people break the same way after a round trip;
//! - every tenant's **people-search index**, by tenant id ascending, so loading does not
//!   fold and index every name again (the largest part of building a directory).
//!
//! Restoring runs every check of the world that `from_world` runs (ids, duplicates
//! across kinds, references, limits, userPrincipalName clashes, group cycles), places
//! each user in its slot, and reads each index with its own consistency checks (see
//! `search/persist.rs`); an index must hold exactly the users of its tenant, each once,
//! with their current flags. Anything else refuses the whole snapshot.

use super::people::{flags, People};
use super::table::Table;
use super::Directory;
use crate::binary::{corrupt, Reader, Writer};
use crate::error::{Error, Result};
use crate::model::{User, World};
use crate::search::PeopleIndex;
use std::collections::HashMap;

impl Directory {
    /// The free user slots in reuse order (users are in [`Directory::users_with_slots`]).
    pub(crate) fn free_user_slots(&self) -> &[u32] {
        self.users.slot_layout().1
    }

    /// Writes what a snapshot keeps after the world: the people indexes.
    pub(crate) fn write_people(&self, w: &mut Writer) {
        let mut indexes: Vec<(&str, &PeopleIndex)> = self.people.all().collect();
        crate::order::sort_by_text(&mut indexes, |(tenant, _)| tenant);
        w.len(indexes.len());
        for (tenant, index) in indexes {
            w.bytes(tenant.as_bytes());
            index.write_snapshot(w);
        }
    }

    /// A directory from a world without users, the user slots (`None` for a free slot)
    /// with the free slots in reuse order, and the people indexes
    /// [`Directory::write_people`] wrote, read from `r`; refused whole when anything is
    /// inconsistent.
    pub(crate) fn restore(
        world: World,
        slots: Vec<Option<User>>,
        free: Vec<u32>,
        r: &mut Reader<'_>,
    ) -> Result<Directory> {
        let users = move |_: Vec<User>, dir: &Directory| {
            let table = Table::from_slots(slots, free)?;
            // Only tenants are stored before users: an id of both is a duplicate.
            if let Some(t) = dir.tenants().find(|t| table.contains(&t.id)) {
                return Err(Error::DuplicateId(t.id.clone()));
            }
            Ok(table)
        };
        let people = |dir: &Directory| read_people(dir, r);
        Directory::from_world_with(world, users, people)
    }
}

/// Per user slot, its tenant's slot and its search flags (`NO_USER` in both for a free
/// slot): what an index record must agree with, in one small array read in key order
/// instead of a visit to every user object.
const NO_USER: u32 = u32::MAX;

fn owners(dir: &Directory) -> Vec<(u32, u32)> {
    let (slot_count, _) = dir.users.slot_layout();
    let mut owners = vec![(NO_USER, NO_USER); slot_count];
    let mut last: Option<(&str, u32)> = None;
    for (slot, user) in dir.users.iter_slots() {
        let tenant = match last {
            Some((id, t)) if id == user.tenant_id => t,
            _ => {
                let t = dir.tenants.slot_of(&user.tenant_id).unwrap_or(NO_USER - 1);
                last = Some((&user.tenant_id, t));
                t
            }
        };
        if let Some(o) = owners.get_mut(slot as usize) {
            *o = (tenant, flags(user));
        }
    }
    owners
}

fn read_people(dir: &Directory, r: &mut Reader<'_>) -> Result<People> {
    let owners = owners(dir);
    let count = r.len(8, "people index count")?;
    let mut by_tenant: HashMap<String, PeopleIndex> = HashMap::with_capacity(count);
    let mut previous: Option<String> = None;
    let mut indexed = 0usize;
    for _ in 0..count {
        let tenant = std::str::from_utf8(r.bytes("people index tenant")?)
            .map_err(|_| corrupt("a people index's tenant id is not UTF-8"))?
            .to_string();
        if previous.as_ref().is_some_and(|p| *p >= tenant) {
            return Err(corrupt("people indexes are not sorted by tenant"));
        }
        // An index of a tenant that does not exist can hold nobody.
        let of = dir.tenants.slot_of(&tenant).unwrap_or(NO_USER - 2);
        let flags_of = |key: u32| match owners.get(key as usize) {
            Some(&(t, f)) if t == of => Some(f),
            _ => None,
        };
        let index = PeopleIndex::read_snapshot(r, &flags_of)?;
        indexed += index.len();
        previous = Some(tenant.clone());
        by_tenant.insert(tenant, index);
    }
    // Every live record is a distinct user of its index's tenant; as many as there are
    // users means every user is searchable exactly once.
    if indexed != dir.users.len() {
        return Err(corrupt(format_args!(
            "the people indexes hold {indexed} people, the directory {}",
            dir.users.len()
        )));
    }
    Ok(People::from_indexes(by_tenant))
}
