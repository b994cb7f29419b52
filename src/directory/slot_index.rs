//! A compact hash index from 64-bit hashes to `u32` slots: the id index of every
//! [`super::Table`] and the sign-in names of the address book.
//!
//! Open addressing with linear probing over one `u64` per bucket (the hash's low 32 bits
//! above the slot plus one; 0 is an empty bucket), at most three quarters full (a probe
//! then reads 2.5 buckets on average for a hit, one or two cache lines), with backward-shift
//! deletion (no tombstones). It stores no keys: a hit on the 32 hash bits is confirmed
//! by the caller against the stored object, so a collision can only cost a comparison,
//! never a wrong answer. Eight bytes a bucket instead of a `String` key and a map entry
//! keep a million users' index in a few megabytes, which is most of what makes building
//! a large directory (and loading a snapshot) fast: the lookups stay in cache.

/// How many buckets hold `n` entries at most three quarters full (a power of two).
fn buckets_for(n: usize) -> usize {
    n.saturating_mul(4).div_ceil(3).next_power_of_two().max(8)
}

/// Slots by hash; see the module documentation.
#[derive(Debug, Clone, Default)]
pub struct SlotIndex {
    buckets: Vec<u64>,
    len: usize,
}

impl SlotIndex {
    /// An empty index with room for `n` slots before it grows.
    pub fn with_capacity(n: usize) -> Self {
        let mut index = SlotIndex::default();
        if n > 0 {
            index.buckets = vec![0; buckets_for(n)];
        }
        index
    }

    /// How many slots are indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// The first slot under `hash` for which `is(slot)` holds, in probe order.
    pub fn find(&self, hash: u64, is: &mut dyn FnMut(u32) -> bool) -> Option<u32> {
        let mask = self.buckets.len().checked_sub(1)?;
        let fp = hash as u32;
        let mut i = fp as usize & mask;
        loop {
            let b = self.buckets.get(i).copied().unwrap_or(0);
            if b == 0 {
                return None;
            }
            if (b >> 32) as u32 == fp {
                let slot = (b as u32).wrapping_sub(1);
                if is(slot) {
                    return Some(slot);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether `slot` is indexed under `hash`.
    #[cfg(test)]
    pub fn contains(&self, hash: u64, slot: u32) -> bool {
        self.find(hash, &mut |s| s == slot).is_some()
    }

    /// Indexes `slot` under `hash` (the caller makes sure it is not there yet).
    pub fn insert(&mut self, hash: u64, slot: u32) {
        self.insert_unless(hash, slot, &mut |_| false);
    }

    /// Indexes `slot` under `hash` unless `stop` holds for a slot already under `hash`:
    /// then nothing changes and that slot is returned. One walk of the probe run does
    /// both the check and the insertion.
    pub fn insert_unless(
        &mut self,
        hash: u64,
        slot: u32,
        stop: &mut dyn FnMut(u32) -> bool,
    ) -> Option<u32> {
        if buckets_for(self.len + 1) > self.buckets.len() {
            self.grow();
        }
        let mask = self.buckets.len() - 1;
        let fp = hash as u32;
        let mut i = fp as usize & mask;
        while let Some(b) = self.buckets.get_mut(i) {
            if *b == 0 {
                *b = u64::from(fp) << 32 | (u64::from(slot) + 1);
                self.len += 1;
                return None;
            }
            if (*b >> 32) as u32 == fp {
                let other = (*b as u32).wrapping_sub(1);
                if stop(other) {
                    return Some(other);
                }
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// Forgets `slot` under `hash`; false when it was not there.
    pub fn remove(&mut self, hash: u64, slot: u32) -> bool {
        let Some(mask) = self.buckets.len().checked_sub(1) else {
            return false;
        };
        let want = u64::from(hash as u32) << 32 | (u64::from(slot) + 1);
        let mut i = hash as u32 as usize & mask;
        loop {
            match self.buckets.get(i).copied() {
                None | Some(0) => return false,
                Some(b) if b == want => break,
                Some(_) => i = (i + 1) & mask,
            }
        }
        // Backward shift: move later entries of the run into the hole when their home
        // bucket allows it, so probing never needs tombstones.
        let mut hole = i;
        let mut j = (i + 1) & mask;
        loop {
            let b = self.buckets.get(j).copied().unwrap_or(0);
            if b == 0 {
                break;
            }
            let home = (b >> 32) as usize & mask;
            if (j.wrapping_sub(home) & mask) >= (j.wrapping_sub(hole) & mask) {
                if let Some(h) = self.buckets.get_mut(hole) {
                    *h = b;
                }
                hole = j;
            }
            j = (j + 1) & mask;
        }
        if let Some(h) = self.buckets.get_mut(hole) {
            *h = 0;
        }
        self.len -= 1;
        true
    }

    fn place(&mut self, entry: u64) {
        let mask = self.buckets.len() - 1;
        let mut i = (entry >> 32) as usize & mask;
        while let Some(b) = self.buckets.get_mut(i) {
            if *b == 0 {
                *b = entry;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.buckets.len() * 2).max(8);
        let old = std::mem::replace(&mut self.buckets, vec![0; size]);
        for entry in old.into_iter().filter(|&b| b != 0) {
            self.place(entry);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_removes_and_survives_collisions() {
        let mut index = SlotIndex::default();
        // Hashes that share their home bucket and their 32 bits, and ones that do not.
        let hash = |i: u32| {
            if i % 3 == 0 {
                7
            } else {
                u64::from(i) * 0x9e37_79b9
            }
        };
        for i in 0..1_000u32 {
            index.insert(hash(i), i);
        }
        assert_eq!(index.len(), 1_000);
        for i in 0..1_000u32 {
            assert!(index.contains(hash(i), i), "{i}");
        }
        for i in (0..1_000u32).step_by(2) {
            assert!(index.remove(hash(i), i));
            assert!(!index.remove(hash(i), i));
        }
        assert_eq!(index.len(), 500);
        for i in 0..1_000u32 {
            assert_eq!(index.contains(hash(i), i), i % 2 == 1, "{i}");
        }
        assert_eq!(index.find(7, &mut |s| s > 500), Some(501));
        assert_eq!(index.insert_unless(7, 2_000, &mut |s| s == 501), Some(501));
        assert!(!index.contains(7, 2_000));
        assert_eq!(index.insert_unless(7, 2_000, &mut |_| false), None);
        assert!(index.contains(7, 2_000));
        assert_eq!(SlotIndex::default().find(7, &mut |_| true), None);
    }
}
