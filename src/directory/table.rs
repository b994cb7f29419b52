//! A keyed store with stable slot numbers: lookups by id, iteration, and small `u32`
//! handles that indexes (search, approvals) can hold instead of strings.

use super::link_key::LinkKey;
use super::slot_index::SlotIndex;
use crate::error::{Error, Result};
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;

/// How a table hashes ids: SipHash keyed by std's `RandomState`, over a secret 128-bit
/// prefix and then the id. Natively `RandomState` is keyed by the operating system; on
/// wasm32 std has no randomness and keys it from memory addresses, which anyone holding
/// the module can predict, so the prefix (from `crypto.getRandomValues`, which the
/// boundary registers when the module starts: `set_host_random`) is what keeps ids a
/// caller chooses (world JSON, source pages) from being made to collide. No document
/// governs this; it is the conservative reading of hash flooding. Without the `full`
/// feature (the view runtime, which reads views its own server wrote from a directory
/// keyed there) ids are hashed as std alone does.
#[derive(Debug, Clone)]
struct IdHasher {
    state: RandomState,
    secret: u128,
}

impl IdHasher {
    fn new() -> IdHasher {
        IdHasher {
            state: RandomState::new(),
            secret: secret(),
        }
    }

    fn hash(&self, id: &str) -> u64 {
        if cfg!(feature = "full") {
            self.state.hash_one((self.secret, id))
        } else {
            self.state.hash_one(id)
        }
    }
}

/// 128 secret bits from the operating system or the host (0 where there are none, and
/// without the `full` feature).
pub(crate) fn secret() -> u128 {
    if !cfg!(feature = "full") {
        return 0;
    }
    let key = LinkKey::from_os();
    let half = key.and_then(|k| k.bytes().first_chunk::<16>().copied());
    half.map(u128::from_le_bytes).unwrap_or(0)
}

/// Something stored in a [`Table`]: it knows its own id.
pub trait Keyed {
    /// The object's id.
    fn key(&self) -> &str;
}

/// Objects of one kind by id, each in a stable slot until removed.
///
/// Ids are found through a compact index (`slot_index.rs`) of their secretly keyed
/// SipHash (`IdHasher`): no copy of the id is kept beside the object.
#[derive(Debug, Clone)]
pub struct Table<T> {
    slots: Vec<Option<T>>,
    index: SlotIndex,
    free: Vec<u32>,
    hasher: IdHasher,
    /// Slot order is id order (every live object's id sorts before the next one's): kept
    /// while objects are appended in id order, lost for good by any other insertion.
    in_key_order: bool,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            slots: Vec::new(),
            index: SlotIndex::default(),
            free: Vec::new(),
            hasher: IdHasher::new(),
            in_key_order: true,
        }
    }
}

impl<T: Keyed> Table<T> {
    /// Whether this table hashes ids under a secret (always natively; on wasm32 once the
    /// host's randomness is registered), for the boundary's tests.
    #[doc(hidden)]
    pub fn ids_keyed(&self) -> bool {
        self.hasher.secret != 0
    }

    /// Whether slot order is id order (byte order of the ids) for every stored object:
    /// then anything ordered by slot is ordered by id too.
    pub fn in_key_order(&self) -> bool {
        self.in_key_order
    }

    /// Whether every stored object's id sorts before the next one's.
    fn check_key_order(slots: &[Option<T>]) -> bool {
        let mut last: Option<&str> = None;
        for value in slots.iter().flatten() {
            if last.is_some_and(|l| l >= value.key()) {
                return false;
            }
            last = Some(value.key());
        }
        true
    }

    fn hash(&self, id: &str) -> u64 {
        self.hasher.hash(id)
    }

    /// How many objects are stored.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.index.len() == 0
    }

    /// The object with this id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.slot_of(id).and_then(|slot| self.at(slot))
    }

    /// The slot of the object with this id.
    pub fn slot_of(&self, id: &str) -> Option<u32> {
        let slots = &self.slots;
        self.index.find(self.hash(id), &mut |slot| {
            slots
                .get(slot as usize)
                .and_then(Option::as_ref)
                .is_some_and(|v| v.key() == id)
        })
    }

    /// The object in this slot.
    pub fn at(&self, slot: u32) -> Option<&T> {
        self.slots.get(slot as usize).and_then(Option::as_ref)
    }

    /// Mutable access to the object with this id.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        let slot = self.slot_of(id)?;
        self.slots.get_mut(slot as usize).and_then(Option::as_mut)
    }

    /// Whether an object with this id is stored.
    pub fn contains(&self, id: &str) -> bool {
        // An empty table answers without hashing: loading asks every table about every
        // id (`Directory::kind_of`), and most are empty while the users are read.
        !self.is_empty() && self.slot_of(id).is_some()
    }

    /// Stores `value`, replacing the object with the same id (which keeps its slot).
    /// Returns the slot and the replaced object.
    pub fn put(&mut self, value: T) -> (u32, Option<T>) {
        if let Some(slot) = self.slot_of(value.key()) {
            if let Some(cell) = self.slots.get_mut(slot as usize) {
                return (slot, cell.replace(value));
            }
        }
        let hash = self.hash(value.key());
        if self.in_key_order {
            let last = self.slots.iter().rev().find_map(Option::as_ref);
            self.in_key_order = self.free.is_empty() && last.is_none_or(|l| l.key() < value.key());
        }
        let slot = match self.free.pop() {
            Some(slot) => {
                if let Some(cell) = self.slots.get_mut(slot as usize) {
                    *cell = Some(value);
                }
                slot
            }
            None => {
                self.slots.push(Some(value));
                (self.slots.len() - 1) as u32
            }
        };
        self.index.insert(hash, slot);
        (slot, None)
    }

    /// Removes the object with this id, returning it and its former slot.
    pub fn take(&mut self, id: &str) -> Option<(u32, T)> {
        let slot = self.slot_of(id)?;
        let value = self.slots.get_mut(slot as usize).and_then(Option::take)?;
        self.index.remove(self.hash(id), slot);
        self.free.push(slot);
        Some((slot, value))
    }

    /// Every stored object, in slot order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.slots.iter().filter_map(Option::as_ref)
    }

    /// Every stored object with its slot.
    pub fn iter_slots(&self) -> impl Iterator<Item = (u32, &T)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(slot, value)| value.as_ref().map(|v| (slot as u32, v)))
    }

    /// How many slots exist (filled or free) and the free ones in reuse order: what a
    /// snapshot keeps so that every object keeps its slot through a round trip.
    pub fn slot_layout(&self) -> (usize, &[u32]) {
        (self.slots.len(), &self.free)
    }

    /// A table of these slots (`None` is a free slot) with these free slots in reuse
    /// order (restoring a snapshot). Refused when an id is empty or too long, stored
    /// twice (`DUPLICATE_ID`), or the free slots are not exactly the empty ones, each
    /// once.
    pub fn from_slots(slots: Vec<Option<T>>, free: Vec<u32>) -> Result<Self> {
        let hasher = IdHasher::new();
        let mut index = SlotIndex::with_capacity(slots.len() - free.len().min(slots.len()));
        for (slot, value) in slots.iter().enumerate() {
            if let Some(value) = value {
                let id = value.key();
                super::validate::id(id)?;
                let hash = hasher.hash(id);
                let same = &mut |s: u32| {
                    slots
                        .get(s as usize)
                        .and_then(Option::as_ref)
                        .is_some_and(|v| v.key() == id)
                };
                if index.insert_unless(hash, slot as u32, same).is_some() {
                    return Err(Error::DuplicateId(id.to_string()));
                }
            }
        }
        let mut seen = vec![false; slots.len()];
        let exact = index.len() + free.len() == slots.len()
            && free.iter().all(|&slot| {
                match (seen.get_mut(slot as usize), slots.get(slot as usize)) {
                    (Some(s), Some(None)) if !*s => {
                        *s = true;
                        true
                    }
                    _ => false,
                }
            });
        if !exact {
            return Err(Error::SnapshotCorrupt(
                "the free slots are not the unused ones".into(),
            ));
        }
        let in_key_order = Self::check_key_order(&slots);
        Ok(Table {
            slots,
            index,
            free,
            hasher,
            in_key_order,
        })
    }

    /// Clones of every object, sorted by id: the canonical order for output.
    pub fn sorted(&self) -> Vec<T>
    where
        T: Clone,
    {
        let mut all: Vec<&T> = self.iter().collect();
        crate::order::sort_by_text(&mut all, |t| t.key());
        all.into_iter().cloned().collect()
    }
}

macro_rules! keyed {
    ($($t:ty),*) => {
        $(impl Keyed for $t {
            fn key(&self) -> &str {
                &self.id
            }
        })*
    };
}

keyed!(
    crate::model::Tenant,
    crate::model::User,
    crate::model::Group,
    crate::model::App,
    crate::model::Flow,
    crate::model::Approval,
    crate::model::Connector,
    crate::model::JoinRequest
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Connector;

    fn connector(id: &str) -> Connector {
        Connector {
            id: id.into(),
            display_name: id.into(),
            guest_picker: true,
        }
    }

    #[test]
    fn every_table_hashes_ids_under_its_own_secret() {
        let (a, b) = (IdHasher::new(), IdHasher::new());
        assert_ne!(a.secret, 0);
        assert_ne!(a.secret, b.secret);
        // The same keyed state under another secret hashes an id elsewhere.
        let other = IdHasher {
            state: a.state.clone(),
            secret: a.secret ^ 1,
        };
        assert_ne!(a.hash("bob"), other.hash("bob"));
        assert_eq!(a.hash("bob"), a.clone().hash("bob"));
    }

    #[test]
    fn slots_are_stable_and_reused() {
        let mut t = Table::default();
        let (a, _) = t.put(connector("a"));
        let (b, _) = t.put(connector("b"));
        assert_ne!(a, b);
        let (a2, old) = t.put(connector("a"));
        assert_eq!(a, a2);
        assert!(old.is_some());
        assert_eq!(t.take("a").map(|(s, _)| s), Some(a));
        let (c, _) = t.put(connector("c"));
        assert_eq!(c, a);
        assert_eq!(t.len(), 2);
        let ids: Vec<_> = t.sorted().into_iter().map(|c| c.id).collect();
        assert_eq!(ids, ["b", "c"]);
    }
}
