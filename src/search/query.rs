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

use super::index::{Cat, Forward, Postings, Segment};
use super::rank::{score, Score, Scratch, SegWord};
use super::{Key, KeySet};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

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

/// Which ranks a part keeps: those inside `lo..hi`, or those outside it.
#[derive(Clone, Copy, Debug)]
struct Window {
    lo: u32,
    hi: u32,
    inside: bool,
}

impl Window {
    #[inline]
    fn keeps(&self, r: u32) -> bool {
        (r >= self.lo && r < self.hi) == self.inside
    }

    fn lowest(&self) -> u32 {
        if self.inside {
            self.lo
        } else {
            0
        }
    }
}

enum Source<'a> {
    /// The records holding every one of several exact terms, found by leapfrogging
    /// their rank streams (opened on first use).
    Exact {
        streams: Vec<TermStream<'a>>,
        win: Window,
        cursor: u32,
    },
    /// Consecutive ranks.
    Dense { next: u32, end: u32 },
    /// One posting list.
    List { it: Postings<'a>, win: Window },
    /// The union of one list kind over a range of terms (opened on first use).
    Merge {
        lo: u32,
        hi: u32,
        list: usize,
        win: Window,
        heap: BinaryHeap<Reverse<(u32, u32)>>,
        lists: Vec<Postings<'a>>,
        last: Option<u32>,
    },
    /// Records of the rank interval `start..stop` (sorted by display name) whose first
    /// `depth` display elements start with the first `depth` query words, found by
    /// narrowing level by level with binary searches (opened on first use).
    Nested {
        start: u32,
        stop: u32,
        depth: usize,
        ranges: Vec<(u32, u32)>,
        stack: Vec<Frame>,
        next: u32,
        end: u32,
    },
}

/// One level of a [`Source::Nested`] walk: the runs of `cursor..hi` still to visit.
#[derive(Clone, Copy, Debug)]
struct Frame {
    level: usize,
    cursor: u32,
    hi: u32,
}

struct Part<'a> {
    bound: Score,
    src: Source<'a>,
    peek: Option<u32>,
    ready: bool,
}

impl<'a> Part<'a> {
    fn new(bound: Score, src: Source<'a>) -> Part<'a> {
        let lazy = matches!(
            src,
            Source::Merge { .. }
                | Source::Nested { .. }
                | Source::Exact { .. }
                | Source::List { .. }
        );
        let mut part = Part {
            bound,
            src,
            peek: None,
            ready: !lazy,
        };
        if !lazy {
            part.peek = part.advance(None);
        }
        part
    }

    /// The best `(score, rank)` any record still in this part could have.
    fn key(&self) -> (Score, u32) {
        let rank = match (&self.src, self.ready) {
            (_, true) => self.peek.unwrap_or(u32::MAX),
            (Source::Merge { win, .. }, false)
            | (Source::List { win, .. }, false)
            | (Source::Exact { win, .. }, false) => win.lowest(),
            _ => 0,
        };
        (self.bound, rank)
    }

    fn exhausted(&self) -> bool {
        self.ready && self.peek.is_none()
    }

    fn open(&mut self, seg: &'a Segment) {
        if let Source::Merge {
            lo,
            hi,
            list,
            heap,
            lists,
            win,
            ..
        } = &mut self.src
        {
            let start = if win.inside { win.lo } else { 0 };
            for t in *lo..*hi {
                let mut l = seg
                    .postings(t)
                    .into_iter()
                    .nth(*list)
                    .unwrap_or_else(Postings::empty);
                if let Some(r) = l.seek(start) {
                    heap.push(Reverse((r, lists.len() as u32)));
                    lists.push(l);
                }
            }
        }
        self.ready = true;
        self.peek = self.advance(Some(seg));
    }

    fn advance(&mut self, seg: Option<&'a Segment>) -> Option<u32> {
        match &mut self.src {
            Source::Dense { next, end } => {
                if *next < *end {
                    *next += 1;
                    Some(*next - 1)
                } else {
                    None
                }
            }
            Source::List { it, win } => {
                let r = if win.inside {
                    it.seek(win.lo)?
                } else {
                    it.next()?
                };
                if win.keeps(r) {
                    Some(r)
                } else if win.inside {
                    None
                } else {
                    it.seek(win.hi)
                }
            }
            Source::Exact {
                streams,
                win,
                cursor,
            } => {
                let mut target = (*cursor).max(win.lowest());
                loop {
                    if !win.inside && target >= win.lo && target < win.hi {
                        target = win.hi;
                    }
                    let mut all = true;
                    let mut max = target;
                    for s in streams.iter_mut() {
                        let r = s.seek(target)?;
                        all &= r == target;
                        max = max.max(r);
                    }
                    if all {
                        break;
                    }
                    target = max;
                }
                if win.inside && target >= win.hi {
                    return None;
                }
                *cursor = target + 1;
                Some(target)
            }
            Source::Merge {
                heap,
                lists,
                last,
                win,
                ..
            } => loop {
                let Reverse((r, i)) = heap.pop()?;
                let next = lists.get_mut(i as usize).and_then(|l| match l.next() {
                    Some(x) if !win.inside && x >= win.lo && x < win.hi => l.seek(win.hi),
                    other => other,
                });
                if let Some(next) = next {
                    heap.push(Reverse((next, i)));
                }
                if *last == Some(r) {
                    continue;
                }
                *last = Some(r);
                if win.keeps(r) {
                    return Some(r);
                }
                if win.inside && r >= win.hi {
                    return None;
                }
            },
            Source::Nested {
                start,
                stop,
                depth,
                ranges,
                stack,
                next,
                end,
            } => loop {
                if *next < *end {
                    *next += 1;
                    return Some(*next - 1);
                }
                let seg = seg?;
                // Display element `level` (1-based) of a rank; a record without it sorts
                // before every term.
                let elem =
                    |level: usize, r: u32| seg.display_term(r, level - 1).map_or(-1i64, i64::from);
                // The ranks of `lo..hi` (sorted by element `level`) with that element in
                // the level's query range.
                let narrow = |level: usize, lo: u32, hi: u32| {
                    let (rlo, rhi) = ranges
                        .get(level - 1)
                        .map_or((0, 0), |&(a, b)| (i64::from(a), i64::from(b)));
                    let x = lo + partition(hi - lo, |i| elem(level, lo + i) < rlo);
                    let y = x + partition(hi - x, |i| elem(level, x + i) < rhi);
                    (x, y)
                };
                if *start < *stop {
                    let (x, y) = narrow(1, *start, *stop);
                    *start = *stop;
                    stack.push(Frame {
                        level: 1,
                        cursor: x,
                        hi: y,
                    });
                    continue;
                }
                let top = stack.last_mut()?;
                if top.cursor >= top.hi {
                    stack.pop();
                    continue;
                }
                // The next run of records sharing element `level`, narrowed one level down.
                let (level, c, hi) = (top.level, top.cursor, top.hi);
                let t = elem(level, c);
                let run_end = c + partition(hi - c, |i| elem(level, c + i) <= t);
                top.cursor = run_end;
                let (x, y) = narrow(level + 1, c, run_end);
                if level + 1 >= *depth {
                    *next = x;
                    *end = y;
                } else if x < y {
                    stack.push(Frame {
                        level: level + 1,
                        cursor: x,
                        hi: y,
                    });
                }
            },
        }
    }

    fn take(&mut self, seg: &'a Segment) -> Option<u32> {
        let r = self.peek?;
        self.peek = self.advance(Some(seg));
        Some(r)
    }
}

fn partition(n: u32, mut pred: impl FnMut(u32) -> bool) -> u32 {
    let (mut lo, mut hi) = (0u32, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Largest posting total of an exact term leapfrogged to find the records holding every
/// exact term (larger ones are left out of that set).
const EXACT_FILTER_MAX: u32 = 1 << 18;

/// Postings of the first word's exact term up to which they are read with the full
/// in-order bound (see `plan`).
const SMALL_EXACT: u32 = 1024;

/// Deepest in-order narrowing (longer queries bound the rest with the last depth).
const MAX_NESTED_DEPTH: usize = 4;

/// Most records the intersection path scores; with more, the bounded search goes on.
const INTERSECT_SCORE_MAX: u32 = 4096;

/// Most postings read by the intersection path before it stops narrowing.
const INTERSECT_MAX: u64 = 1 << 21;

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

/// The ranks of the records holding one term in any field: its display-name block and
/// its three posting lists, sought in ascending order.
struct TermStream<'a> {
    block: (u32, u32),
    lists: [Postings<'a>; 3],
    heads: [Option<u32>; 3],
    started: bool,
}

impl<'a> TermStream<'a> {
    fn new(seg: &'a Segment, t: u32) -> TermStream<'a> {
        TermStream {
            block: seg.start_block(t, t + 1),
            lists: seg.postings(t),
            heads: [None; 3],
            started: false,
        }
    }

    /// The smallest rank at or after `target` holding the term.
    fn seek(&mut self, target: u32) -> Option<u32> {
        let mut best = None;
        let (a, b) = self.block;
        if target < b {
            best = Some(target.max(a));
        }
        for (list, head) in self.lists.iter_mut().zip(self.heads.iter_mut()) {
            if !self.started || head.is_some_and(|h| h < target) {
                *head = list.seek(target);
            }
            if let Some(h) = *head {
                best = Some(best.map_or(h, |x: u32| x.min(h)));
            }
        }
        self.started = true;
        best
    }
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
        // Scoring a candidate costs about as much as reading 256 postings: past that many
        // scored candidates, narrowing (the cheaper way) is the better way.
        let budget = narrowing.as_ref().map_or(usize::MAX, |(_, cost)| {
            let cost = rarest.map_or(*cost, |(count, _)| count.saturating_mul(check_cost));
            self.budget.unwrap_or((cost / 256).max(32) as usize)
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

/// The ranks holding a word of every range in `ranges` (narrowed with a bitmap of
/// ranks, one range after the other), ascending; `None` when more than
/// [`INTERSECT_SCORE_MAX`] remain (scoring them all would cost more than it saves).
fn intersect_ranks(seg: &Segment, ranges: &[CostedRange], max: u32) -> Option<Vec<u32>> {
    let n = seg.len() as usize;
    let words = n.div_ceil(64);
    let mut cur = vec![0u64; words];
    let mut next = vec![0u64; words];
    let mut count = u64::MAX;
    for (i, &(range_cost, (lo, hi))) in ranges.iter().enumerate() {
        // Once few candidates remain, scoring them beats reading a costly range.
        if i >= 2 && range_cost > count.saturating_mul(64) {
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
const CHECK_COST: u64 = 16;

/// Most candidates of the rarest word scored one by one (see `rarest_word`).
const FILTER_MAX: u64 = 1 << 15;

/// The query word with the fewest candidates (display-name block plus postings) and
/// how many it has, when several words are typed and it has at most [`FILTER_MAX`]:
/// scoring each of its candidates (the other words checked on its forward record) can
/// then cost less than reading the other words' postings.
fn rarest_word(seg: &Segment, sw: &[SegWord]) -> Option<(u64, (u32, u32))> {
    if sw.len() < 2 {
        return None;
    }
    sw.iter()
        .map(|w| (word_count(seg, w.lo, w.hi), (w.lo, w.hi)))
        .min()
        .filter(|&(count, _)| count <= FILTER_MAX)
}

/// A term range `(lo, hi)` with the number of postings reading it costs.
type CostedRange = (u64, (u32, u32));

/// How many candidates a word has: its display-name block plus its postings.
fn word_count(seg: &Segment, lo: u32, hi: u32) -> u64 {
    let (a, b) = seg.start_block(lo, hi);
    u64::from(b - a) + u64::from(seg.posting_count(lo, hi))
}

/// Term ranges whose intersection holds every match, cheapest first, with what each
/// costs to read, and what the two cheapest cost together; `None` for a single word. A repeated word needs a second, longer
/// term, so its copy stands for the longer terms only. Ranges past the reading budget
/// are left to scoring.
fn intersection_plan(seg: &Segment, sw: &[SegWord]) -> Option<(Vec<CostedRange>, u64)> {
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
    ranges.sort_unstable();
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
fn min_weight(seg: &Segment, w: &SegWord) -> u16 {
    seg.best_weight(w.lo, w.hi)
}

/// Cuts the driver word's candidates into parts with score bounds.
fn plan<'a>(seg: &'a Segment, sw: &[SegWord], se: &[SegWord], small_exact: u32) -> Vec<Part<'a>> {
    // In-order bounds count query elements (a typed compound is one).
    let n = se.len().max(1);
    let n8 = n.min(255) as u8;
    let mut exact_ids: Vec<u32> = sw.iter().filter_map(|w| w.exact).collect();
    exact_ids.sort_unstable();
    exact_ids.dedup();
    let x = exact_ids.len().min(255) as u8;
    let weights: Vec<u16> = sw.iter().map(|w| min_weight(seg, w)).collect();
    let all_weights: u16 = weights.iter().sum();
    let Some(first) = se.first().or(sw.first()) else {
        return Vec::new();
    };
    let (sa, sb) = seg.start_block(first.lo, first.hi);
    let inside = Window {
        lo: sa,
        hi: sb,
        inside: true,
    };
    let outside = Window {
        inside: false,
        ..inside
    };
    // Reading a display-name block costs 1 a record, a posting about 4, and opening a
    // term's lists about 64.
    let cost = |w: &SegWord| {
        let (a, b) = seg.start_block(w.lo, w.hi);
        u64::from(b - a)
            + 4 * u64::from(seg.posting_count(w.lo, w.hi))
            + 64 * u64::from(w.hi - w.lo)
    };
    let costs: Vec<u64> = sw.iter().map(cost).collect();
    let mut d = 0usize;
    let min = costs.iter().copied().min().unwrap_or(0);
    if costs.first().copied().unwrap_or(0) > 2 * min {
        d = costs.iter().position(|&c| c == min).unwrap_or(0);
    }
    let Some(&dw) = sw.get(d) else {
        return Vec::new();
    };
    let mut parts: Vec<Part<'a>> = Vec::new();

    // Records matching every exact word exactly, when that set is small to compute.
    // With the first word driving and a second word, the nested parts hold every record
    // of the inside interval with two in-order words. When the first word's exact term
    // has many postings, the nested parts take the exact bound and the exact term's
    // inside postings (and the exact set's) only the one-word bound; when it has few,
    // those few are read with the full bound instead.
    let nested = d == 0 && n > 1;
    let spread_exact = nested
        && sw
            .first()
            .and_then(|w| w.exact)
            .is_some_and(|t| seg.posting_count(t, t + 1) > small_exact);
    let inside_p = if spread_exact { 1 } else { n8 };
    let mut cap = x;
    if x >= 2 || (x == 1 && dw.exact.is_none()) {
        // Terms with huge lists are left out: the set stays a superset, only looser.
        let terms: Vec<u32> = exact_ids
            .iter()
            .copied()
            .filter(|&t| seg.posting_count(t, t + 1) <= EXACT_FILTER_MAX)
            .collect();
        if !terms.is_empty() {
            let bound = |p| Score {
                exact: x,
                local: 0,
                in_order: p,
                weight: all_weights,
            };
            for (win, p) in [(inside, inside_p), (outside, 0)] {
                let streams = terms.iter().map(|&t| TermStream::new(seg, t)).collect();
                parts.push(Part::new(
                    bound(p),
                    Source::Exact {
                        streams,
                        win,
                        cursor: 0,
                    },
                ));
            }
            cap = x - 1;
        }
    }

    let mut other_ids: Vec<u32> = sw
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != d)
        .filter_map(|(_, w)| w.exact)
        .collect();
    other_ids.sort_unstable();
    other_ids.dedup();
    let x_other = other_ids.len().min(255) as u8;
    let others_weight = all_weights - weights.get(d).copied().unwrap_or(0);
    let e_bound = |e: u8| (e + x_other).min(x).min(cap);
    let bound = |e: u8, p: u8, w: u16| Score {
        exact: e_bound(e),
        local: 0,
        in_order: p,
        weight: w + others_weight,
    };
    let prefix_lo = if dw.exact.is_some() { dw.lo + 1 } else { dw.lo };
    let mut term_groups: Vec<(u8, u32, u32)> = Vec::new();
    if let Some(ex) = dw.exact {
        term_groups.push((1, ex, ex + 1));
    }
    if prefix_lo < dw.hi {
        term_groups.push((0, prefix_lo, dw.hi));
    }

    // Display-name blocks of the driver's terms.
    for &(e, lo, hi) in &term_groups {
        let (a, b) = seg.start_block(lo, hi);
        if a == b {
            continue;
        }
        if d == 0 {
            if n > 1 {
                // Every record of the interval whose first `depth` display elements match
                // the first `depth` words is in the nested part of that depth, even one
                // whose first word is exact in another field: hence the exact bound for
                // longer terms' blocks too when the exact term is spread out.
                let ranges: Vec<(u32, u32)> = se.iter().map(|w| (w.lo, w.hi)).collect();
                for depth in 2..=n.min(MAX_NESTED_DEPTH) {
                    let p = if depth == n.min(MAX_NESTED_DEPTH) {
                        n8
                    } else {
                        depth as u8
                    };
                    let nested_bound = if spread_exact {
                        Score {
                            exact: (1 + x_other).min(x),
                            local: 0,
                            in_order: p,
                            weight: others_weight,
                        }
                    } else {
                        bound(e, p, 0)
                    };
                    parts.push(Part::new(
                        nested_bound,
                        Source::Nested {
                            start: a,
                            stop: b,
                            depth,
                            ranges: ranges.clone(),
                            stack: Vec::new(),
                            next: 0,
                            end: 0,
                        },
                    ));
                }
                parts.push(Part::new(bound(e, 1, 0), Source::Dense { next: a, end: b }));
            } else {
                parts.push(Part::new(bound(e, 1, 0), Source::Dense { next: a, end: b }));
            }
        } else {
            let (ia, ib) = (a.max(sa), b.min(sb));
            if ia < ib {
                parts.push(Part::new(
                    bound(e, n8, 0),
                    Source::Dense { next: ia, end: ib },
                ));
            }
            if a < ia.min(b) {
                parts.push(Part::new(
                    bound(e, 0, 0),
                    Source::Dense {
                        next: a,
                        end: ia.min(b),
                    },
                ));
            }
            if ib.max(a) < b {
                parts.push(Part::new(
                    bound(e, 0, 0),
                    Source::Dense {
                        next: ib.max(a),
                        end: b,
                    },
                ));
            }
        }
    }

    // Name, mail and job postings of the driver's terms, inside and outside the interval
    // where the first query word starts the display name. Only parts that can hold a
    // record not covered with as good a bound elsewhere are made.
    let lists = [Cat::Name, Cat::Mail, Cat::Job];
    for &(e, lo, hi) in &term_groups {
        for (li, cat) in lists.iter().enumerate() {
            for (win, p) in [(inside, n8), (outside, 0u8)] {
                // When the driver is the first word, its display-name blocks are the whole
                // inside interval: longer terms' postings there add nothing they cover.
                if d == 0 && e == 0 && win.inside {
                    continue;
                }
                // With the driver first, the nested parts hold every record of the inside
                // interval that reaches two in-order words.
                let p = if win.inside { inside_p.min(p) } else { p };
                let b = bound(e, p, cat.weight());
                if hi == lo + 1 {
                    let it = seg
                        .postings(lo)
                        .into_iter()
                        .nth(li)
                        .unwrap_or_else(Postings::empty);
                    if it.len() > 0 {
                        parts.push(Part::new(b, Source::List { it, win }));
                    }
                } else {
                    parts.push(Part::new(
                        b,
                        Source::Merge {
                            lo,
                            hi,
                            list: li,
                            win,
                            heap: BinaryHeap::new(),
                            lists: Vec::new(),
                            last: None,
                        },
                    ));
                }
            }
        }
    }
    parts
}
