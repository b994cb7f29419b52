//! The hash maps of the importers (Graph, Power Automate and Dataverse pages read into a
//! world): XXH64 (`crate::hash`) under a secret seed, since their keys are the ids and
//! addresses the pages hold.

use crate::hash::MapHasher;
use std::hash::BuildHasher;

/// Builds [`MapHasher`]s that start from a secret seed: the `S` of the importers' maps
/// (Graph, Power Automate and Dataverse pages read into a world), whose keys are the ids
/// and addresses the pages hold. std's `RandomState` would do natively, but on wasm32 std
/// keys it from memory addresses, which anyone holding the module can predict; the seed
/// is the tables' secret (`directory/table.rs`: the operating system's or the host's
/// `crypto.getRandomValues`), drawn once per process. XXH64 is not a keyed function in
/// the way SipHash is; under a seed nobody outside the process knows, it is still far
/// harder to aim at than SipHash under a key anyone can compute, and no slower (the
/// sources load measured the same). No document governs this; it is the conservative
/// reading of hash flooding, as for the tables.
#[derive(Clone, Copy, Debug)]
pub struct KeyedState(u64);

impl Default for KeyedState {
    fn default() -> Self {
        static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        KeyedState(*SEED.get_or_init(|| crate::directory::secret() as u64))
    }
}

impl BuildHasher for KeyedState {
    type Hasher = MapHasher;

    fn build_hasher(&self) -> MapHasher {
        MapHasher::seeded(self.0)
    }
}

/// A `HashMap` of the importers: [`KeyedState`] hashing.
pub type KeyedMap<K, V> = std::collections::HashMap<K, V, KeyedState>;

/// A `HashSet` of the importers: [`KeyedState`] hashing.
pub type KeyedSet<K> = std::collections::HashSet<K, KeyedState>;

/// A [`KeyedMap`] with room for `n` entries.
pub fn keyed_map<K, V>(n: usize) -> KeyedMap<K, V> {
    KeyedMap::with_capacity_and_hasher(n, KeyedState::default())
}

/// A [`KeyedSet`] with room for `n` entries.
pub fn keyed_set<K>(n: usize) -> KeyedSet<K> {
    KeyedSet::with_capacity_and_hasher(n, KeyedState::default())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::hash::BuildMapHasher;

    #[test]
    fn importers_maps_hash_under_a_secret_seed() {
        let (a, b) = (KeyedState::default(), KeyedState::default());
        assert_ne!(a.0, 0, "natively the seed comes from the operating system");
        assert_eq!(a.hash_one("bob"), b.hash_one("bob"), "one seed per process");
        assert_ne!(a.hash_one("bob"), BuildMapHasher.hash_one("bob"));
        let mut map = keyed_map(2);
        map.insert("bob", 1);
        assert_eq!(map.get("bob"), Some(&1));
    }
}
