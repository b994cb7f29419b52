//! The crate's hash function: XXH64, from the maintained `xxhash-rust` crate, for every
//! hash the crate computes itself, so there is one algorithm to trust and one copy of it
//! in the `.wasm`.
//!
//! - [`stable`]: the same value on every platform and build, for what is stored (the
//!   snapshot checksum, the search index's address hashes);
//! - [`fingerprint`]: 128 bits, for telling apart ids that are kept only as hashes
//!   (the people index's id table), where 64 bits would collide too often;
//! - [`seeded`]: XXH64 under a seed, to chain one hash into the next (the directory's
//!   sign-in address keys: the address under its tenant's hash);
//! - [`BuildMapHasher`]: the hasher of the maps whose keys the crate makes itself
//!   (index terms, index keys, id fingerprints);
//! - [`MapHasher::seeded`]: the same under a seed, for the importers' maps
//!   (`graph::maps`: a secret seed, since their keys come from services' pages).
//!
//! Not here: the directory's tables hash the ids JavaScript sends with std's SipHash over a
//! secret prefix (`directory/table.rs`: on wasm32 std keys its SipHash from memory
//! addresses, so the secret comes from the host's `crypto.getRandomValues`), so chosen ids
//! cannot flood one bucket; none of the maps above takes keys a caller chooses.

use std::hash::{BuildHasher, Hasher};

/// Seed of the second half of a [`fingerprint`] (any constant other than 0 works; this
/// is XXH64's first prime).
const SECOND_SEED: u64 = 0x9e37_79b1_85eb_ca87;

/// XXH64 of `bytes` under `seed`: every hash here calls this one function, kept out of
/// line so the `.wasm` holds one copy of the algorithm however many callers it has.
#[inline(never)]
fn xxh64(bytes: &[u8], seed: u64) -> u64 {
    xxhash_rust::xxh64::xxh64(bytes, seed)
}

/// XXH64 of `bytes` under `seed`: chains hashes (the sign-in address keys hash the
/// address under the tenant id's hash).
pub fn seeded(bytes: &[u8], seed: u64) -> u64 {
    xxh64(bytes, seed)
}

/// XXH64 of `bytes` with seed 0: stable across platforms, builds and versions.
pub fn stable(bytes: &[u8]) -> u64 {
    xxh64(bytes, 0)
}

/// [`stable`] of bytes handed over in pieces (a snapshot read a window at a time).
#[derive(Clone)]
pub struct StableInPieces(xxhash_rust::xxh64::Xxh64);

impl Default for StableInPieces {
    fn default() -> Self {
        StableInPieces(xxhash_rust::xxh64::Xxh64::new(0))
    }
}

impl StableInPieces {
    /// Adds the next piece.
    pub fn update(&mut self, piece: &[u8]) {
        self.0.update(piece);
    }

    /// [`stable`] of every piece added, in order.
    pub fn digest(&self) -> u64 {
        self.0.digest()
    }
}

/// A 128-bit hash of `bytes` (XXH64 under two seeds): two ids of a million share one
/// with a probability of about 10⁻²⁷.
pub fn fingerprint(bytes: &[u8]) -> u128 {
    u128::from(xxh64(bytes, 0)) << 64 | u128::from(xxh64(bytes, SECOND_SEED))
}

/// Builds a [`MapHasher`]: the `S` of the crate's `HashMap`s and `HashSet`s whose keys
/// it makes itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct BuildMapHasher;

impl BuildHasher for BuildMapHasher {
    type Hasher = MapHasher;

    fn build_hasher(&self) -> MapHasher {
        MapHasher::default()
    }
}

/// Hashes each write with XXH64, seeded by the hash of the writes before it.
#[derive(Clone, Copy, Debug, Default)]
pub struct MapHasher(u64);

impl MapHasher {
    /// A hasher whose first write is seeded by `seed` (the importers' maps: a secret).
    pub fn seeded(seed: u64) -> MapHasher {
        MapHasher(seed)
    }
}

impl Hasher for MapHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxh64(bytes, self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_is_the_published_xxh64() {
        // Reference values of XXH64 (seed 0) from the xxHash project.
        assert_eq!(stable(b""), 0xef46_db37_51d8_e999);
        assert_eq!(stable(b"a"), 0xd24e_c4f1_a98c_6e5b);
    }

    #[test]
    fn fingerprints_and_map_hashes_tell_inputs_apart() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..100_000 {
            assert!(seen.insert(fingerprint(format!("user-{i}").as_bytes())));
        }
        let hash = |s: &str| BuildMapHasher.hash_one(s);
        assert_eq!(hash("ann"), hash("ann"));
        assert_ne!(hash("ann"), hash("anna"));
        assert_ne!(BuildMapHasher.hash_one(1u32), BuildMapHasher.hash_one(2u32));
    }
}
