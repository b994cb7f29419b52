//! The caller's record ids and the index keys standing for them, for a caller that
//! names its records by text id (the package's `PeopleIndex`) while the index speaks in
//! [`Key`]s.
//!
//! Keys are handed out in increasing order and never reused, so a key always names the
//! same id. Ids are not stored as text: each is kept as its 128-bit
//! [`crate::hash::fingerprint`], in one sorted array (searched from where the hash should
//! be) plus a small map of recent ids merged into it as it grows — about 20 bytes per
//! id, where a map of strings would take three times that. Two ids of a million sharing
//! a 128-bit hash has a probability of about 10⁻²⁷.

use super::Key;
use crate::hash::{fingerprint, BuildMapHasher};
use std::collections::HashMap;

/// A key slot whose id was removed.
const GONE: Key = Key::MAX;

/// Maps record ids to index keys.
#[derive(Debug, Default)]
pub struct PeopleIds {
    /// Fingerprints of the merged ids, ascending.
    hashes: Vec<u128>,
    /// The key of each of `hashes` ([`GONE`] once removed).
    keys: Vec<Key>,
    /// Ids added since the last merge.
    recent: HashMap<u128, Key, BuildMapHasher>,
    next: Key,
}

/// The 128-bit hash an id is kept as.
fn id_hash(id: &str) -> u128 {
    fingerprint(id.as_bytes())
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
    pub fn get(&self, id: &str) -> Option<Key> {
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
    pub fn get_or_insert(&mut self, id: &str) -> Option<Key> {
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
    pub fn remove(&mut self, id: &str) -> Option<Key> {
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
    pub fn mark(&self) -> Key {
        self.next
    }

    /// Forgets every id given a key at or after `mark` (a load that failed half-way).
    pub fn forget_from(&mut self, mark: Key) {
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
    pub fn heap_bytes(&self) -> usize {
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

    #[test]
    fn agrees_with_a_map_of_strings_through_merges_removals_and_rollbacks() {
        let mut ids = PeopleIds::default();
        let mut model: std::collections::HashMap<String, Key> = Default::default();
        let mut next: Key = 0;
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut rand = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for round in 0..40_000u32 {
            let id = format!("id-{}", rand(12_000));
            match rand(10) {
                0..=5 => {
                    let want = *model.entry(id.clone()).or_insert_with(|| {
                        next += 1;
                        next - 1
                    });
                    assert_eq!(ids.get_or_insert(&id), Some(want), "round {round}");
                }
                6..=7 => assert_eq!(ids.remove(&id), model.remove(&id), "round {round}"),
                8 => assert_eq!(ids.get(&id), model.get(&id).copied(), "round {round}"),
                _ => {
                    // A load that fails half-way forgets what it added.
                    let mark = ids.mark();
                    assert_eq!(mark, next);
                    let fresh = format!("fresh-{round}");
                    assert_eq!(ids.get_or_insert(&fresh), Some(mark));
                    ids.forget_from(mark);
                    assert_eq!(ids.get(&fresh), None);
                }
            }
        }
        assert!(!ids.hashes.is_empty(), "the sorted arrays were used");
        for (id, &key) in &model {
            assert_eq!(ids.get(id), Some(key));
        }
        assert!(ids.heap_bytes() >= ids.hashes.len() * 20);
    }
}
