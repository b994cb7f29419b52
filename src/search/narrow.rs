//! Narrowing a query that keeps scoring candidates that do not match: the records
//! holding every word, found by intersecting the words' postings in a bitmap, or the
//! rarest word's candidates checked one by one, whichever reads less.

use super::index::Segment;
use super::rank::SegWord;

/// Most records the intersection path scores; with more, the bounded search goes on.
pub(super) const INTERSECT_SCORE_MAX: u32 = 4096;

/// Most postings read by the intersection path before it stops narrowing (ranges past it
/// are left to scoring).
const INTERSECT_MAX: u64 = 1 << 21;

/// The ranks holding a word of every range in `ranges` (narrowed with a bitmap of
/// ranks, one range after the other), ascending; `None` when more than
/// [`INTERSECT_SCORE_MAX`] remain (scoring them all would cost more than it saves).
pub(super) fn intersect_ranks(seg: &Segment, ranges: &[CostedRange], max: u32) -> Option<Vec<u32>> {
    let n = seg.len() as usize;
    let words = n.div_ceil(64);
    let mut cur = vec![0u64; words];
    let mut next = vec![0u64; words];
    let mut count = u64::MAX;
    for (i, &(range_cost, (lo, hi))) in ranges.iter().enumerate() {
        // Once few candidates remain, scoring them beats reading a costly range.
        if i >= 2 && range_cost > count.saturating_mul(RANGE_COST_PER_CANDIDATE) {
            break;
        }
        let first = i == 0;
        let has = |bits: &[u64], r: u32| {
            bits.get((r / 64) as usize)
                .is_some_and(|w| w & (1u64 << (r % 64)) != 0)
        };
        if !first {
            next.iter_mut().for_each(|w| *w = 0);
        }
        let mut round_count = 0u64;
        let mut mark = |bits: &mut [u64], r: u32| {
            if let Some(w) = bits.get_mut((r / 64) as usize) {
                let bit = 1u64 << (r % 64);
                if *w & bit == 0 {
                    round_count += 1;
                    *w |= bit;
                }
            }
        };
        // The display-name block: whole words of the bitmap at a time.
        let mut mark_words = 0u64;
        let (a, b) = seg.start_block(lo, hi);
        let mut r = a;
        while r < b {
            let w = (r / 64) as usize;
            let (from, to) = (r % 64, (b - (r - r % 64)).min(64));
            let mask = if to - from >= 64 {
                u64::MAX
            } else {
                ((1u64 << (to - from)) - 1) << from
            };
            let src = if first {
                u64::MAX
            } else {
                cur.get(w).copied().unwrap_or(0)
            };
            if let Some(dst) = next.get_mut(w) {
                let add = src & mask & !*dst;
                mark_words += u64::from(add.count_ones());
                *dst |= add;
            }
            r = r - r % 64 + 64;
        }
        for t in lo..hi {
            for list in seg.postings(t) {
                for r in list {
                    if first || has(&cur, r) {
                        mark(&mut next, r);
                    }
                }
            }
        }
        count = round_count + mark_words;
        std::mem::swap(&mut cur, &mut next);
    }
    let mut ranks = Vec::new();
    for (wi, &w) in cur.iter().enumerate() {
        let mut bits = w;
        while bits != 0 {
            if ranks.len() >= max as usize {
                return None;
            }
            ranks.push((wi * 64) as u32 + bits.trailing_zeros());
            bits &= bits - 1;
        }
    }
    Some(ranks)
}

/// What checking one candidate of the rarest word costs, in postings read.
pub(super) const CHECK_COST: u64 = 16;

/// Most candidates of the rarest word scored one by one (see `rarest_word`).
const FILTER_MAX: u64 = 1 << 15;

/// The query word with the fewest candidates (display-name block plus postings) and
/// how many it has, when several words are typed and it has at most [`FILTER_MAX`]:
/// scoring each of its candidates (the other words checked on its forward record) can
/// then cost less than reading the other words' postings.
pub(super) fn rarest_word(seg: &Segment, sw: &[SegWord]) -> Option<(u64, (u32, u32))> {
    if sw.len() < 2 {
        return None;
    }
    sw.iter()
        .map(|w| (word_count(seg, w.lo, w.hi), (w.lo, w.hi)))
        .min()
        .filter(|&(count, _)| count <= FILTER_MAX)
}

/// A term range `(lo, hi)` with the number of postings reading it costs.
pub(super) type CostedRange = (u64, (u32, u32));

/// How many candidates a word has: its display-name block plus its postings.
fn word_count(seg: &Segment, lo: u32, hi: u32) -> u64 {
    let (a, b) = seg.start_block(lo, hi);
    u64::from(b - a) + u64::from(seg.posting_count(lo, hi))
}

/// Term ranges whose intersection holds every match, cheapest first, with what each
/// costs to read, and what the two cheapest cost together; `None` for a single word. A
/// repeated word needs a second, longer term, so its copy stands for the longer terms
/// only. Ranges past the reading budget ([`INTERSECT_MAX`]) are left to scoring.
pub(super) fn intersection_plan(seg: &Segment, sw: &[SegWord]) -> Option<(Vec<CostedRange>, u64)> {
    if sw.len() < 2 {
        return None;
    }
    let mut ranges: Vec<(u64, (u32, u32))> = Vec::new();
    for (i, w) in sw.iter().enumerate() {
        let mut range = (w.lo, w.hi);
        if sw.iter().take(i).any(|o| o.lo == w.lo && o.hi == w.hi) {
            if w.exact.is_none() || w.lo + 1 >= w.hi {
                continue;
            }
            range = (w.lo + 1, w.hi);
        }
        ranges.push((word_count(seg, range.0, range.1), range));
    }
    // Cheapest first (then by range): the crate's shared number sort (`order.rs`).
    crate::order::sort_by_number(&mut ranges, |&(c, (lo, hi))| {
        u128::from(c) << 64 | u128::from(lo) << 32 | u128::from(hi)
    });
    let mut cost = 0u64;
    let mut chosen = Vec::new();
    for (c, r) in ranges {
        if !chosen.is_empty() && cost + c > INTERSECT_MAX {
            break;
        }
        cost += c;
        chosen.push((c, r));
    }
    // What the intersection surely reads: the two cheapest ranges (later ones are read
    // only while the candidates are still many).
    let first_two = chosen.iter().take(2).map(|(c, _)| c).sum();
    (chosen.len() >= 2).then_some((chosen, first_two))
}

/// The lowest field weight word `w` can match with.
pub(super) fn min_weight(seg: &Segment, w: &SegWord) -> u16 {
    seg.best_weight(w.lo, w.hi)
}

/// Postings of a further range read per candidate still left: once the candidates are
/// fewer than a range's postings over this, scoring them beats reading the range
/// (`intersect_ranks` always reads the two cheapest ranges).
const RANGE_COST_PER_CANDIDATE: u64 = 64;
