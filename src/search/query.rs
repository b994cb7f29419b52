//! Finding the best `limit` records of one segment without scoring every match.
//!
//! The candidates of a query are the records of one **driver** word (the query word
//! with the fewest candidates, or the first word when it is nearly as cheap). They are
//! cut into **parts** — the display-name block of the exact term, the blocks of longer
//! terms, the exact term's name / mail / job postings, the longer terms' postings, each
//! inside or outside the rank interval where the first query word starts the display
//! name — and every part knows an upper bound of the score any of its records can reach.
//! Every part yields ranks in ascending order, and rank order is the final tie-break, so
//! the search repeatedly takes the next record of the part with the best bound, scores
//! it exactly, and stops as soon as `limit` accepted results all rank above every part's
//! bound. A single letter, which matches most of a large directory, typically ends after
//! reading the first `limit` records of one contiguous display-name block.
//!
//! When the bounded search keeps scoring candidates that do not match, it gives up
//! after a budget and the candidates are narrowed instead (`narrow.rs`).

use super::index::{Forward, Segment};
use super::narrow::{
    intersect_ranks, intersection_plan, min_weight, rarest_word, CHECK_COST, INTERSECT_SCORE_MAX,
};
use super::parts::Part;
use super::plan::{plan, SMALL_EXACT};
use super::rank::{score, Score, Scratch, SegWord};
use super::{Key, KeySet};

/// One scored record of a segment.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub score: Score,
    pub rank: u32,
    pub key: Key,
}

/// Whether `(score a, rank a)` ranks strictly before `(score b, rank b)`.
#[inline]
fn before(a: (Score, u32), b: (Score, u32)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && a.1 < b.1)
}

/// What scoring one candidate costs, in postings read (its forward record decoded out of
/// order and matched against every query word).
const SCORE_COST: u64 = 256;

/// Candidates the bounded search always scores before it may give up for narrowing:
/// below this, narrowing's set-up costs more than it saves.
const MIN_SCORE_BUDGET: u64 = 32;

/// Reusable buffers for one search.
#[derive(Default)]
pub(crate) struct Searcher {
    fwd: Forward,
    scratch: Scratch,
    /// Replaces the scoring budget (tests force the intersection path with it).
    pub budget: Option<usize>,
    /// Replaces [`SMALL_EXACT`] (tests exercise both ways of bounding with it).
    pub small_exact: Option<u32>,
    /// Replaces [`INTERSECT_SCORE_MAX`] (tests force the resumed search with it).
    pub score_max: Option<u32>,
    /// Replaces [`CHECK_COST`] (tests force the rarest word's path with 0, the
    /// intersection's with `u64::MAX`).
    pub check_cost: Option<u64>,
    floor: Option<Floor>,
    /// The query elements resolved against the current segment.
    se: Vec<SegWord>,
    /// The hash of the query as a mail local part (see `super::local_part_hash`).
    pub local_hash: Option<u64>,
    /// Ranks of the current segment with an address whose local part is the query.
    local: Vec<u32>,
}

/// The last of the `limit` results found in earlier segments: a record of a later
/// segment must rank before it to matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Floor {
    /// Its score.
    pub score: Score,
    /// Its folded display elements joined by `\0` (the cross-segment tie-break).
    pub display: String,
    /// Its key (the last tie-break).
    pub key: Key,
}

/// Compares the display elements of a decoded record with a `\0`-joined display.
fn cmp_display(seg: &Segment, display: &[u32], other: &str) -> std::cmp::Ordering {
    let mine = display.iter().enumerate().flat_map(|(i, &t)| {
        let sep: &[u8] = if i == 0 { b"" } else { b"\0" };
        sep.iter().copied().chain(seg.term(t).bytes())
    });
    mine.cmp(other.bytes())
}

impl Searcher {
    /// The best `limit` accepted records of `seg` for the folded query `words`, best
    /// first; keys already in `accepted` are skipped, accepted keys are added to it.
    /// Records scoring below `floor` (the last result found in other segments) are not
    /// looked for.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn search(
        &mut self,
        seg: &Segment,
        words: &[String],
        elements: &[String],
        limit: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
        accepted: &mut KeySet,
        floor: Option<Floor>,
    ) -> Vec<Candidate> {
        self.floor = floor;
        let mut out: Vec<Candidate> = Vec::new();
        if limit == 0 || words.is_empty() || seg.live() == 0 {
            return out;
        }
        let mut sw: Vec<SegWord> = Vec::with_capacity(words.len());
        for w in words {
            let (lo, hi) = seg.prefix_range(w);
            if lo == hi {
                return out;
            }
            let exact = (seg.term(lo) == w.as_str()).then_some(lo);
            sw.push(SegWord { lo, hi, exact });
        }
        self.se.clear();
        for e in elements {
            let (lo, hi) = seg.prefix_range(e);
            let exact = (lo < hi && seg.term(lo) == e.as_str()).then_some(lo);
            self.se.push(SegWord { lo, hi, exact });
        }
        let narrowing = intersection_plan(seg, &sw);
        // Checking one candidate of the rarest word (a forward record, read out of
        // order) costs about as much as reading 16 postings: when the rarest word's
        // candidates cost less than the intersection would read, they are scored
        // instead.
        let check_cost = self.check_cost.unwrap_or(CHECK_COST);
        let rarest = rarest_word(seg, &sw).filter(|&(count, _)| {
            narrowing
                .as_ref()
                .is_some_and(|&(_, cost)| count.saturating_mul(check_cost) < cost)
        });
        // Past as many scored candidates as narrowing would cost, narrowing (the cheaper
        // way) is the better way.
        let budget = narrowing.as_ref().map_or(usize::MAX, |(_, cost)| {
            let cost = rarest.map_or(*cost, |(count, _)| count.saturating_mul(check_cost));
            self.budget
                .unwrap_or((cost / SCORE_COST).max(MIN_SCORE_BUDGET) as usize)
        });
        self.local.clear();
        if let Some(h) = self.local_hash {
            self.local.extend(seg.ranks_with_address(h));
            self.local.sort_unstable();
            self.local.dedup();
        }
        // Records holding the query as a whole mail local part outrank every part's bound
        // (which leaves that criterion out): they are scored first.
        self.seed_local(seg, &sw, limit, accept, accepted, &mut out);
        let mut parts = plan(seg, &sw, &self.se, self.small_exact.unwrap_or(SMALL_EXACT));
        let done = self.run(
            seg, &sw, &mut parts, limit, budget, accept, accepted, &mut out,
        );
        if !done {
            let narrowed = match rarest {
                Some((_, range)) => {
                    Self::rarest_ranks(seg, range, self.score_max.unwrap_or(u32::MAX))
                }
                None => narrowing.and_then(|(ranges, _)| {
                    intersect_ranks(seg, &ranges, self.score_max.unwrap_or(INTERSECT_SCORE_MAX))
                }),
            };
            match narrowed {
                Some(ranks) => {
                    for c in out.drain(..) {
                        accepted.remove(&c.key);
                    }
                    self.seed_local(seg, &sw, limit, accept, accepted, &mut out);
                    self.score_all(seg, &sw, &ranks, limit, accept, accepted, &mut out);
                }
                // Too many records hold every word: the bounded search goes on instead.
                None => {
                    self.run(
                        seg,
                        &sw,
                        &mut parts,
                        limit,
                        usize::MAX,
                        accept,
                        accepted,
                        &mut out,
                    );
                }
            }
        }
        out
    }

    /// The live candidates of the rarest word's range `(lo, hi)` (its display-name block
    /// and its postings), ascending: every record holding all the words is among them.
    /// `None` when there are more than `max`.
    fn rarest_ranks(seg: &Segment, (lo, hi): (u32, u32), max: u32) -> Option<Vec<u32>> {
        let (a, b) = seg.start_block(lo, hi);
        let mut ranks: Vec<u32> = (a..b).collect();
        for t in lo..hi {
            for list in seg.postings(t) {
                ranks.extend(list);
            }
        }
        ranks.sort_unstable();
        ranks.dedup();
        ranks.retain(|&r| !seg.is_dead(r));
        (ranks.len() <= max as usize).then_some(ranks)
    }

    /// Considers the records whose address has the query as its whole local part.
    fn seed_local(
        &mut self,
        seg: &Segment,
        sw: &[SegWord],
        limit: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
        accepted: &mut KeySet,
        out: &mut Vec<Candidate>,
    ) {
        for i in 0..self.local.len() {
            if let Some(&rank) = self.local.get(i) {
                self.consider(seg, sw, rank, limit, accept, accepted, out);
            }
        }
    }

    /// Scores `rank`; keeps it in `out` (best first, at most `limit`) when it ranks high
    /// enough and `accept` agrees. Returns whether it was scored.
    #[allow(clippy::too_many_arguments)]
    fn consider(
        &mut self,
        seg: &Segment,
        sw: &[SegWord],
        rank: u32,
        limit: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
        accepted: &mut KeySet,
        out: &mut Vec<Candidate>,
    ) -> bool {
        if seg.is_dead(rank) {
            return false;
        }
        let Some(key) = seg.key(rank) else {
            return false;
        };
        seg.forward(rank, &mut self.fwd);
        let Some(mut sc) = score(sw, &self.se, &self.fwd, &mut self.scratch) else {
            return true;
        };
        if self.local.binary_search(&rank).is_ok() {
            sc.local = 1;
        }
        if let Some(f) = &self.floor {
            if sc < f.score
                || (sc == f.score
                    && cmp_display(seg, &self.fwd.display, &f.display)
                        .then(key.cmp(&f.key))
                        .is_ge())
            {
                return true;
            }
        }
        let worst = out.last().map(|c| (c.score, c.rank));
        if out.len() >= limit && worst.is_some_and(|w| !before((sc, rank), w)) {
            return true;
        }
        // Already a result (a record is met again through another of its terms, or was
        // found in an earlier segment): checked only for records that would enter.
        if accepted.contains(&key) || !accept(key, seg.flags(rank)) {
            return true;
        }
        accepted.insert(key);
        let at = out.partition_point(|c| before((c.score, c.rank), (sc, rank)));
        out.insert(
            at,
            Candidate {
                score: sc,
                rank,
                key,
            },
        );
        if out.len() > limit {
            if let Some(dropped) = out.pop() {
                accepted.remove(&dropped.key);
            }
        }
        true
    }

    /// The bounded search over parts. Returns false when it gave up after scoring
    /// `budget` candidates (the caller then intersects instead).
    #[allow(clippy::too_many_arguments)]
    fn run<'a>(
        &mut self,
        seg: &'a Segment,
        sw: &[SegWord],
        parts: &mut [Part<'a>],
        limit: usize,
        budget: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
        accepted: &mut KeySet,
        out: &mut Vec<Candidate>,
    ) -> bool {
        let mut scored = 0usize;
        loop {
            let mut best: Option<(usize, (Score, u32))> = None;
            let mut second: Option<(Score, u32)> = None;
            for (i, p) in parts.iter().enumerate() {
                if p.exhausted() {
                    continue;
                }
                let k = p.key();
                match best {
                    Some((_, bk)) if !before(k, bk) => {
                        if second.is_none_or(|s| before(k, s)) {
                            second = Some(k);
                        }
                    }
                    _ => {
                        second = best.map(|b| b.1);
                        best = Some((i, k));
                    }
                }
            }
            let Some((bi, bkey)) = best else { break };
            if self.floor.as_ref().is_some_and(|f| bkey.0 < f.score) {
                break;
            }
            let full = |out: &Vec<Candidate>| out.len() >= limit;
            if full(out) && out.last().is_some_and(|w| !before(bkey, (w.score, w.rank))) {
                break;
            }
            let Some(part) = parts.get_mut(bi) else { break };
            if !part.ready {
                part.open(seg);
                continue;
            }
            // Take from this part while it stays ahead of every other part.
            while let Some(rank) = part.peek {
                let k = (part.bound, rank);
                if second.is_some_and(|s| before(s, k)) {
                    break;
                }
                if full(out) && out.last().is_some_and(|w| !before(k, (w.score, w.rank))) {
                    break;
                }
                // A part whose bound only ties the floor is read in display order: once a
                // record's display name passes the floor's, the rest cannot rank before it.
                if let Some(f) = &self.floor {
                    if part.bound == f.score && !seg.is_dead(rank) {
                        seg.forward(rank, &mut self.fwd);
                        let key = seg.key(rank).unwrap_or(Key::MAX);
                        if cmp_display(seg, &self.fwd.display, &f.display)
                            .then(key.cmp(&f.key))
                            .is_ge()
                        {
                            part.peek = None;
                            break;
                        }
                    }
                }
                part.take(seg);
                if self.consider(seg, sw, rank, limit, accept, accepted, out) {
                    scored += 1;
                    if scored > budget {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// Scores the ranks of `ranks` (ascending, holding every record that holds all the
    /// words; others score nothing) the
    /// way the bounded search does: those where the first word can start the display
    /// name first, then the others, each in rank order and each stopped once nothing
    /// left in it can enter the results.
    #[allow(clippy::too_many_arguments)]
    fn score_all(
        &mut self,
        seg: &Segment,
        sw: &[SegWord],
        ranks: &[u32],
        limit: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
        accepted: &mut KeySet,
        out: &mut Vec<Candidate>,
    ) {
        let Some(first) = self.se.first().or(sw.first()).copied() else {
            return;
        };
        let mut exact_ids: Vec<u32> = sw.iter().filter_map(|w| w.exact).collect();
        exact_ids.sort_unstable();
        exact_ids.dedup();
        let bound = |in_order: u8| Score {
            exact: exact_ids.len().min(255) as u8,
            local: 0,
            in_order,
            weight: sw.iter().map(|w| min_weight(seg, w)).sum(),
        };
        let (bound_in, bound_out) = (bound(self.se.len().clamp(1, 255) as u8), bound(0));
        let (sa, sb) = seg.start_block(first.lo, first.hi);
        let i0 = ranks.partition_point(|&r| r < sa);
        let i1 = ranks.partition_point(|&r| r < sb);
        let inside = ranks.get(i0..i1).unwrap_or_default();
        let before_in = ranks.get(..i0).unwrap_or_default();
        let after_in = ranks.get(i1..).unwrap_or_default();
        for (pass, bound) in [(0, bound_in), (1, bound_out)] {
            let list = if pass == 0 {
                inside.iter().chain([].iter())
            } else {
                before_in.iter().chain(after_in.iter())
            };
            for &r in list {
                if out.len() >= limit
                    && out
                        .last()
                        .is_some_and(|w| !before((bound, r), (w.score, w.rank)))
                {
                    break;
                }
                self.consider(seg, sw, r, limit, accept, accepted, out);
            }
        }
    }
}
