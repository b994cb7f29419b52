//! The caller's record ids and the index keys standing for them, for `PeopleIndex`.
//!
//! Keys are handed out in increasing order and never reused, so a key always names the
//! same id. Ids are not stored as text: each is kept as a 128-bit hash (two independent
//! 64-bit mixes), in one sorted array (binary search) plus a small map of recent ids
//! merged into it as it grows — about 20 bytes per id, where a map of strings would take
//! three times that. Two ids of a million sharing a 128-bit hash has a probability of
//! about 10⁻²⁷.

use guestpass::search::Key;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hashes an id hash by taking its low 64 bits (it is well mixed already).
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for (i, &b) in bytes.iter().take(8).enumerate() {
            self.0 |= u64::from(b) << (8 * i);
        }
    }
    fn write_u128(&mut self, i: u128) {
        self.0 = i as u64;
    }
}

/// A key slot whose id was removed.
const GONE: Key = Key::MAX;

/// Maps record ids to index keys.
#[derive(Debug, Default)]
pub(crate) struct PeopleIds {
    hashes: Vec<u128>,
    keys: Vec<Key>,
    recent: HashMap<u128, Key, BuildHasherDefault<Prehashed>>,
    next: Key,
}

/// The 128-bit hash of an id.
fn id_hash(id: &str) -> u128 {
    const K1: u64 = 0x9e37_79b9_7f4a_7c15;
    const K2: u64 = 0xc2b2_ae3d_27d4_eb4f;
    let (mut a, mut b) = (0x243f_6a88_85a3_08d3u64, 0x1319_8a2e_0370_7344u64);
    let mut chunks = id.as_bytes().chunks_exact(8);
    let mut mix = |w: u64| {
        a = (a ^ w).wrapping_mul(K1).rotate_left(31);
        b = (b ^ w.rotate_left(17)).wrapping_mul(K2).rotate_left(29);
    };
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        mix(u64::from_le_bytes(w));
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    if let Some(t) = tail.get_mut(..rest.len()) {
        t.copy_from_slice(rest);
    }
    mix(u64::from_le_bytes(tail) ^ ((id.len() as u64) << 56));
    u128::from(fmix(a)) << 64 | u128::from(fmix(b ^ a.rotate_left(7)))
}

/// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

impl PeopleIds {
    /// Where `h` is (or would go) in the sorted hashes. Hashes are uniform, so the
    /// search starts where `h` should be and widens from there: a few neighbouring
    /// reads instead of a binary search's cache misses across the whole array.
    fn find(&self, h: u128) -> Result<usize, usize> {
        let n = self.hashes.len();
        if n == 0 {
            return Err(0);
        }
        let guess = ((u128::from((h >> 64) as u64) * n as u128) >> 64) as usize;
        let at = |i: usize| self.hashes.get(i).copied().unwrap_or(u128::MAX);
        let (mut lo, mut hi) = (guess.saturating_sub(8), (guess + 8).min(n));
        let mut step = 16usize;
        loop {
            if lo > 0 && at(lo - 1) >= h {
                lo = lo.saturating_sub(step);
            } else if hi < n && at(hi) <= h {
                hi = (hi + step).min(n);
            } else {
                break;
            }
            step = step.saturating_mul(2);
        }
        match self.hashes.get(lo..hi).map(|s| s.binary_search(&h)) {
            Some(Ok(i)) => Ok(lo + i),
            Some(Err(i)) => Err(lo + i),
            None => Err(lo),
        }
    }

    /// The key of `id`, if it is present.
    pub(crate) fn get(&self, id: &str) -> Option<Key> {
        let h = id_hash(id);
        let key = match self.recent.get(&h) {
            Some(&k) => k,
            None => {
                let at = self.find(h).ok()?;
                self.keys.get(at).copied()?
            }
        };
        (key != GONE).then_some(key)
    }

    /// The key of `id`, given a new one when absent; `None` when keys run out.
    pub(crate) fn get_or_insert(&mut self, id: &str) -> Option<Key> {
        let h = id_hash(id);
        if let Some(&k) = self.recent.get(&h) {
            if k != GONE {
                return Some(k);
            }
        } else if let Ok(at) = self.find(h) {
            if let Some(k) = self.keys.get_mut(at) {
                if *k != GONE {
                    return Some(*k);
                }
                // A removed id comes back with a new key (keys are never reused).
                if self.next == GONE {
                    return None;
                }
                *k = self.next;
                self.next += 1;
                return Some(*k);
            }
        }
        if self.next == GONE {
            return None;
        }
        let key = self.next;
        self.next += 1;
        self.recent.insert(h, key);
        if self.recent.len() > 4096.max(self.hashes.len() / 4) {
            self.merge();
        }
        Some(key)
    }

    /// Forgets `id`; returns its key.
    pub(crate) fn remove(&mut self, id: &str) -> Option<Key> {
        let h = id_hash(id);
        let slot = match self.recent.get_mut(&h) {
            Some(k) => k,
            None => {
                let at = self.find(h).ok()?;
                self.keys.get_mut(at)?
            }
        };
        let key = std::mem::replace(slot, GONE);
        (key != GONE).then_some(key)
    }

    /// The next key to be handed out (a mark for [`PeopleIds::forget_from`]).
    pub(crate) fn mark(&self) -> Key {
        self.next
    }

    /// Forgets every id given a key at or after `mark` (a load that failed half-way).
    pub(crate) fn forget_from(&mut self, mark: Key) {
        for k in self.recent.values_mut().chain(self.keys.iter_mut()) {
            if *k != GONE && *k >= mark {
                *k = GONE;
            }
        }
        self.next = mark;
    }

    /// Moves the recent ids into the sorted arrays, dropping removed ones.
    fn merge(&mut self) {
        let mut recent: Vec<(u128, Key)> = self.recent.drain().collect();
        recent.sort_unstable();
        let old_h = std::mem::take(&mut self.hashes);
        let old_k = std::mem::take(&mut self.keys);
        let total = old_h.len() + recent.len();
        self.hashes.reserve_exact(total);
        self.keys.reserve_exact(total);
        let mut old = old_h.into_iter().zip(old_k).peekable();
        let mut new = recent.into_iter().peekable();
        loop {
            let take_old = match (old.peek(), new.peek()) {
                (Some(o), Some(n)) => o.0 <= n.0,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let next = if take_old { old.next() } else { new.next() };
            if let Some((h, k)) = next {
                if k != GONE {
                    self.hashes.push(h);
                    self.keys.push(k);
                }
            }
        }
        self.hashes.shrink_to_fit();
        self.keys.shrink_to_fit();
    }

    /// Approximate heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.hashes.capacity() * 16 + self.keys.capacity() * 4 + self.recent.capacity() * 33
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_never_reused_and_rolled_back() {
        let mut ids = PeopleIds::default();
        let a = ids.get_or_insert("alice");
        let b = ids.get_or_insert("bob");
        assert_eq!((a, b), (Some(0), Some(1)));
        assert_eq!(ids.get_or_insert("alice"), Some(0));
        for i in 0..10_000 {
            ids.get_or_insert(&format!("user-{i}"));
        }
        assert!(!ids.hashes.is_empty(), "merged into the sorted arrays");
        assert_eq!(ids.get("user-9999"), Some(10_001));
        assert_eq!(ids.remove("bob"), Some(1));
        assert_eq!(ids.get("bob"), None);
        assert_eq!(ids.remove("bob"), None);
        assert_eq!(ids.get_or_insert("bob"), Some(10_002));
        let mark = ids.mark();
        ids.get_or_insert("carol");
        ids.forget_from(mark);
        assert_eq!(ids.get("carol"), None);
        assert_eq!(ids.get("bob"), Some(10_002));
        assert_eq!(ids.get_or_insert("dave"), Some(mark));
    }

    #[test]
    fn find_agrees_with_a_binary_search() {
        let mut ids = PeopleIds::default();
        for i in 0..50_000 {
            ids.get_or_insert(&format!("id-{i}"));
        }
        ids.merge();
        for i in 0..60_000 {
            let h = id_hash(&format!("id-{i}"));
            assert_eq!(ids.find(h), ids.hashes.binary_search(&h), "{i}");
        }
        for h in [0u128, u128::MAX, 1 << 127] {
            assert_eq!(ids.find(h), ids.hashes.binary_search(&h));
        }
    }
}
