//! The seeded random source of the sample world.
//!
//! Draws go through `u32` only, never `usize`, so a seed gives the same world on a
//! 64-bit host and in 32-bit WebAssembly.

/// A seeded, platform-independent random source.
pub(super) struct Dice(fastrand::Rng);

impl Dice {
    /// A source that always yields the same draws for the same seed.
    pub fn new(seed: u64) -> Dice {
        Dice(fastrand::Rng::with_seed(seed))
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        self.below_u32(n) as usize
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below_u32(&mut self, n: u32) -> u32 {
        if n == 0 {
            0
        } else {
            self.0.u32(0..n)
        }
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high.saturating_sub(low) + 1)
    }

    /// True with the given chance in percent.
    pub fn percent(&mut self, chance: u32) -> bool {
        self.0.u32(0..100) < chance
    }

    /// One item of a non-empty slice (`None` when empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }

    /// The index of one item, chosen with chance proportional to its weight.
    pub fn weighted<T>(&mut self, items: &[T], weight: impl Fn(&T) -> u32) -> usize {
        let total: u32 = items.iter().map(&weight).sum();
        let mut roll = self.below_u32(total);
        for (i, item) in items.iter().enumerate() {
            let w = weight(item);
            if roll < w {
                return i;
            }
            roll -= w;
        }
        0
    }
}
