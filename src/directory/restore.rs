//! Rebuilding a directory from a snapshot without redoing its expensive parts.
//!
//! Besides the canonical world, a snapshot (format 2, see [`crate::snapshot`]) keeps what
//! [`Directory::from_world`] would otherwise compute at length or could not recover:
//!
//! - the **user slots** (each user's slot, in the world's user order, and the free slots
//!   in reuse order), so the keys search indexes hold stay valid and ties between equally
//!   ranked people break the same way after a round trip;
//! - every tenant's **people-search index**, by tenant id ascending, so loading does not
//!   fold and index every name again (the largest part of building a directory).
//!
//! Restoring runs every check of the world that `from_world` runs, places each user in
//! its slot, and reads each index with its own consistency checks (see
//! `search/persist.rs`); an index must hold exactly the users of its tenant, each once,
//! with their current flags. Anything else refuses the whole snapshot.

use super::people::{flags, People};
use super::table::Table;
use super::{validate, Directory};
use crate::binary::{corrupt, Reader, Writer};
use crate::error::{Error, Result};
use crate::model::{User, World};
use crate::search::PeopleIndex;
use std::collections::HashMap;

impl Directory {
    /// Writes what a snapshot keeps besides the world: user slots and people indexes.
    /// `world` is [`Directory::to_world`] of this directory.
    pub(crate) fn write_restore_parts(&self, world: &World, w: &mut Writer) {
        let (slots, free) = self.users.slot_layout();
        let placed: Vec<u32> = world
            .users
            .iter()
            .map(|u| self.users.slot_of(&u.id).unwrap_or(u32::MAX))
            .collect();
        w.len(slots);
        w.u32s(&placed);
        w.u32s(free);
        let mut indexes: Vec<(&str, &PeopleIndex)> = self.people.all().collect();
        indexes.sort_unstable_by_key(|(tenant, _)| *tenant);
        w.len(indexes.len());
        for (tenant, index) in indexes {
            w.bytes(tenant.as_bytes());
            index.write_snapshot(w);
        }
    }

    /// A directory from a world and the parts [`Directory::write_restore_parts`] wrote,
    /// read from `r`; refused whole when anything is inconsistent.
    pub(crate) fn restore(world: World, r: &mut Reader<'_>) -> Result<Directory> {
        let slot_count = r.u64("user slot count")?;
        let placed = r.u32s("user slots")?;
        let free = r.u32s("free user slots")?;
        if placed.len() != world.users.len()
            || slot_count != (placed.len() as u64).saturating_add(free.len() as u64)
        {
            return Err(corrupt("the user slots do not match the users"));
        }
        let slot_count = placed.len() + free.len();
        let users = move |users: Vec<User>, dir: &Directory| {
            let mut table = Table::with_slots(slot_count);
            for (user, slot) in users.into_iter().zip(placed) {
                validate::id(&user.id)?;
                if table.contains(&user.id) || dir.kind_of(&user.id).is_some() {
                    return Err(Error::DuplicateId(user.id));
                }
                if !table.put_at(slot, user) {
                    return Err(corrupt(format_args!("user slot {slot} is used twice")));
                }
            }
            if !table.set_free(free) {
                return Err(corrupt("the free user slots are not the unused ones"));
            }
            Ok(table)
        };
        let people = |dir: &Directory| read_people(dir, r);
        Directory::from_world_with(world, users, people)
    }
}

fn read_people(dir: &Directory, r: &mut Reader<'_>) -> Result<People> {
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
        let flags_of = |key: u32| {
            dir.users
                .at(key)
                .filter(|u| u.tenant_id == tenant)
                .map(flags)
        };
        let index = PeopleIndex::read_snapshot(r, &flags_of)?;
        indexed += index.len();
        previous = Some(tenant.clone());
        by_tenant.insert(tenant, index);
    }
    r.finish()?;
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
