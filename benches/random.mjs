// The benchmarks' seeded random numbers: mulberry32, small, fast and deterministic, so
// every run of a benchmark generates the same data.

/** A function returning numbers in [0, 1), the same sequence for the same `seed`. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
