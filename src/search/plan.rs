//! Planning one segment's search: which query word's candidates are read (the
//! **driver**), and how they are cut into parts, each with an upper bound of the score
//! its records can reach (see `query.rs` for how the parts are read, `parts.rs` for the
//! parts themselves).
//!
//! The parts of a plan, in the order they are made:
//!
//! 1. the records holding every exact query term, when that set is cheap to find;
//! 2. the display-name blocks of the driver's terms: with the first word driving, split
//!    by how many leading query words match the display name in order (nested parts);
//!    otherwise split at the interval where the first query word starts the display name;
//! 3. the driver's name, mail and job postings, inside and outside that interval.
//!
//! Only parts that can hold a record not covered with as good a bound elsewhere are made.

use super::index::{Cat, Segment};
use super::narrow::min_weight;
use super::parts::{Nested, Part, Source, TermStream, Window};
use super::postings::Postings;
use super::rank::{Score, SegWord};
use std::collections::BinaryHeap;

/// Largest posting total of an exact term leapfrogged to find the records holding every
/// exact term (larger ones are left out of that set).
const EXACT_FILTER_MAX: u32 = 1 << 18;

/// Postings of the first word's exact term up to which they are read with the full
/// in-order bound (see [`plan`]).
pub(super) const SMALL_EXACT: u32 = 1024;

/// Deepest in-order narrowing (longer queries bound the rest with the last depth).
const MAX_NESTED_DEPTH: usize = 4;

/// What reading one record of a display-name block costs: the unit of a plan's costs
/// (the block is a run of consecutive ranks, nothing is decoded).
const BLOCK_RECORD_COST: u64 = 1;

/// What reading one posting costs, in block records (a varint decoded, a gap added).
const POSTING_COST: u64 = 4;

/// What opening one term's posting lists costs, in block records (its header decoded,
/// three cursors set up).
const TERM_OPEN_COST: u64 = 64;

/// The first query word drives unless reading its candidates costs more than this many
/// times what the cheapest word's cost: the first word's candidates come in display-name
/// order, where the bounded search stops soonest, so it is preferred until another word
/// is clearly cheaper.
const DRIVER_SWITCH_RATIO: u64 = 2;

/// Cuts the driver word's candidates into parts with score bounds. `sw` are the query
/// words and `se` the query elements, resolved against `seg`; `small_exact` replaces
/// [`SMALL_EXACT`] (tests).
pub(super) fn plan<'a>(
    seg: &'a Segment,
    sw: &[SegWord],
    se: &[SegWord],
    small_exact: u32,
) -> Vec<Part<'a>> {
    let Some(mut planner) = Planner::new(seg, sw, se, small_exact) else {
        return Vec::new();
    };
    planner.exact_set_parts();
    planner.block_parts();
    planner.posting_parts();
    planner.parts
}

/// A plan being made: the query's shape on the segment, the driver, and the parts so far.
struct Planner<'a, 'q> {
    seg: &'a Segment,
    /// The query elements resolved against the segment.
    se: &'q [SegWord],
    /// Query elements (at least one; a typed compound is one), the most leading
    /// elements that can match the display name in order.
    elements: usize,
    /// [`Planner::elements`] as a score's in-order count.
    all_in_order: u8,
    /// The distinct exact terms of the query words.
    exact_ids: Vec<u32>,
    /// How many there are, as a score's exact count.
    exact: u8,
    /// The lowest field weight every query word can match with, summed.
    all_weights: u16,
    /// The ranks where the first query element starts the display name, and the others.
    inside: Window,
    outside: Window,
    /// The index of the driver among the query words.
    driver: usize,
    driver_word: SegWord,
    /// Whether the first word drives and its exact term has many postings: then the
    /// nested parts take the exact bound and the exact term's inside postings (and the
    /// exact set's) only the one-word bound.
    spread_exact: bool,
    /// The in-order count bounding records inside the interval outside the nested parts.
    inside_in_order: u8,
    /// The most exact words a record outside the exact set can have.
    exact_cap: u8,
    /// The distinct exact terms of the query words other than the driver, as a count.
    others_exact: u8,
    /// The lowest field weight the words other than the driver can match with, summed.
    others_weight: u16,
    parts: Vec<Part<'a>>,
}

impl<'a, 'q> Planner<'a, 'q> {
    /// The query's shape on `seg`, and its driver; `None` for a query without words.
    fn new(
        seg: &'a Segment,
        sw: &[SegWord],
        se: &'q [SegWord],
        small_exact: u32,
    ) -> Option<Planner<'a, 'q>> {
        // In-order bounds count query elements (a typed compound is one).
        let elements = se.len().max(1);
        let exact_ids = distinct_exact(sw.iter());
        let exact = count_u8(exact_ids.len());
        let weights: Vec<u16> = sw.iter().map(|w| min_weight(seg, w)).collect();
        let all_weights: u16 = weights.iter().sum();
        let first = se.first().or(sw.first())?;
        let (sa, sb) = seg.start_block(first.lo, first.hi);
        let inside = Window {
            lo: sa,
            hi: sb,
            inside: true,
        };
        let driver = driver(seg, sw);
        let driver_word = *sw.get(driver)?;
        let spread_exact = driver == 0
            && elements > 1
            && sw
                .first()
                .and_then(|w| w.exact)
                .is_some_and(|t| seg.posting_count(t, t + 1) > small_exact);
        let all_in_order = count_u8(elements);
        let others = sw.iter().enumerate().filter(|&(i, _)| i != driver);
        let others_exact = count_u8(distinct_exact(others.map(|(_, w)| w)).len());
        Some(Planner {
            seg,
            se,
            elements,
            all_in_order,
            exact_ids,
            exact,
            all_weights,
            inside,
            outside: Window {
                inside: false,
                ..inside
            },
            driver,
            driver_word,
            spread_exact,
            inside_in_order: if spread_exact { 1 } else { all_in_order },
            exact_cap: exact,
            others_exact,
            others_weight: all_weights - weights.get(driver).copied().unwrap_or(0),
            parts: Vec::new(),
        })
    }

    /// The bound of a driver's part: `exact` (1 when the part's terms are the driver's
    /// exact term) plus the other words' exact terms, at most the query's and the cap,
    /// `in_order` leading elements, and the part's field weight `weight` plus the other
    /// words' lowest.
    fn bound(&self, exact: u8, in_order: u8, weight: u16) -> Score {
        Score {
            exact: (exact + self.others_exact)
                .min(self.exact)
                .min(self.exact_cap),
            local: 0,
            in_order,
            weight: weight + self.others_weight,
        }
    }

    /// The driver's term groups: `(exact, lo, hi)` for its exact term (1) and for the
    /// longer terms it starts (0).
    fn term_groups(&self) -> impl Iterator<Item = (u8, u32, u32)> {
        let dw = self.driver_word;
        let prefix_lo = if dw.exact.is_some() { dw.lo + 1 } else { dw.lo };
        let exact = dw.exact.map(|ex| (1, ex, ex + 1));
        let longer = (prefix_lo < dw.hi).then_some((0, prefix_lo, dw.hi));
        exact.into_iter().chain(longer)
    }

    /// Step 1: the records matching every exact word exactly, inside and outside the
    /// interval, when the set is worth finding (two exact words, or one the driver does
    /// not have); records outside it then have one exact word fewer at most.
    fn exact_set_parts(&mut self) {
        let x = self.exact;
        if !(x >= 2 || (x == 1 && self.driver_word.exact.is_none())) {
            return;
        }
        // Terms with huge lists are left out: the set stays a superset, only looser.
        let seg = self.seg;
        let terms: Vec<u32> = self
            .exact_ids
            .iter()
            .copied()
            .filter(|&t| seg.posting_count(t, t + 1) <= EXACT_FILTER_MAX)
            .collect();
        if terms.is_empty() {
            return;
        }
        for (win, in_order) in [(self.inside, self.inside_in_order), (self.outside, 0)] {
            let streams = terms.iter().map(|&t| TermStream::new(seg, t)).collect();
            let bound = Score {
                exact: x,
                local: 0,
                in_order,
                weight: self.all_weights,
            };
            let src = Source::Exact {
                streams,
                win,
                cursor: 0,
            };
            self.parts.push(Part::new(bound, src));
        }
        self.exact_cap = x - 1;
    }

    /// Step 2: the display-name blocks of the driver's terms.
    fn block_parts(&mut self) {
        for (e, lo, hi) in self.term_groups() {
            let (a, b) = self.seg.start_block(lo, hi);
            if a == b {
                continue;
            }
            if self.driver != 0 {
                self.split_block(e, a, b);
                continue;
            }
            if self.elements > 1 {
                self.nested_parts(e, a, b);
            }
            self.dense(self.bound(e, 1, 0), a, b);
        }
    }

    /// With the first word driving and several typed: every record of its block `a..b`
    /// whose first `depth` display elements match the first `depth` words is in the
    /// nested part of that depth, even one whose first word is exact in another field:
    /// hence the exact bound for longer terms' blocks too when the exact term is spread
    /// out.
    fn nested_parts(&mut self, e: u8, a: u32, b: u32) {
        let ranges: Vec<(u32, u32)> = self.se.iter().map(|w| (w.lo, w.hi)).collect();
        let deepest = self.elements.min(MAX_NESTED_DEPTH);
        for depth in 2..=deepest {
            let in_order = if depth == deepest {
                self.all_in_order
            } else {
                depth as u8
            };
            let bound = if self.spread_exact {
                Score {
                    exact: (1 + self.others_exact).min(self.exact),
                    local: 0,
                    in_order,
                    weight: self.others_weight,
                }
            } else {
                self.bound(e, in_order, 0)
            };
            let walk = Nested::new(a, b, depth, ranges.clone());
            self.parts.push(Part::new(bound, Source::Nested(walk)));
        }
    }

    /// Another word driving: its block `a..b` cut where the first word starts the
    /// display name (every element can match in order there) and the rest (none can).
    fn split_block(&mut self, e: u8, a: u32, b: u32) {
        let (sa, sb) = (self.inside.lo, self.inside.hi);
        let (ia, ib) = (a.max(sa), b.min(sb));
        if ia < ib {
            self.dense(self.bound(e, self.all_in_order, 0), ia, ib);
        }
        if a < ia.min(b) {
            self.dense(self.bound(e, 0, 0), a, ia.min(b));
        }
        if ib.max(a) < b {
            self.dense(self.bound(e, 0, 0), ib.max(a), b);
        }
    }

    /// A part of the consecutive ranks `next..end`.
    fn dense(&mut self, bound: Score, next: u32, end: u32) {
        self.parts
            .push(Part::new(bound, Source::Dense { next, end }));
    }

    /// Step 3: the name, mail and job postings of the driver's terms, inside and outside
    /// the interval where the first query word starts the display name.
    fn posting_parts(&mut self) {
        let seg = self.seg;
        for (e, lo, hi) in self.term_groups() {
            for (list, cat) in [Cat::Name, Cat::Mail, Cat::Job].into_iter().enumerate() {
                for (win, in_order) in [(self.inside, self.all_in_order), (self.outside, 0u8)] {
                    // When the driver is the first word, its display-name blocks are the
                    // whole inside interval: longer terms' postings there add nothing.
                    if self.driver == 0 && e == 0 && win.inside {
                        continue;
                    }
                    // With the driver first, the nested parts hold every record of the
                    // inside interval that reaches two in-order words.
                    let in_order = if win.inside {
                        self.inside_in_order.min(in_order)
                    } else {
                        in_order
                    };
                    let bound = self.bound(e, in_order, cat.weight());
                    if hi == lo + 1 {
                        let it = seg
                            .postings(lo)
                            .into_iter()
                            .nth(list)
                            .unwrap_or_else(Postings::empty);
                        if it.len() > 0 {
                            self.parts.push(Part::new(bound, Source::List { it, win }));
                        }
                    } else {
                        let src = Source::Merge {
                            lo,
                            hi,
                            list,
                            win,
                            heap: BinaryHeap::new(),
                            lists: Vec::new(),
                            last: None,
                        };
                        self.parts.push(Part::new(bound, src));
                    }
                }
            }
        }
    }
}

/// The distinct exact terms of `words`, ascending.
fn distinct_exact<'w>(words: impl Iterator<Item = &'w SegWord>) -> Vec<u32> {
    let mut ids: Vec<u32> = words.filter_map(|w| w.exact).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A count as a score's `u8` field (capped at 255).
fn count_u8(n: usize) -> u8 {
    n.min(255) as u8
}

/// What reading a word's candidates costs (see [`BLOCK_RECORD_COST`]).
fn read_cost(seg: &Segment, w: &SegWord) -> u64 {
    let (a, b) = seg.start_block(w.lo, w.hi);
    BLOCK_RECORD_COST * u64::from(b - a)
        + POSTING_COST * u64::from(seg.posting_count(w.lo, w.hi))
        + TERM_OPEN_COST * u64::from(w.hi - w.lo)
}

/// The driver: the first query word, unless reading it costs more than
/// [`DRIVER_SWITCH_RATIO`] times the cheapest word, then the first cheapest.
fn driver(seg: &Segment, sw: &[SegWord]) -> usize {
    let costs: Vec<u64> = sw.iter().map(|w| read_cost(seg, w)).collect();
    let (Some(&first), Some(&min)) = (costs.first(), costs.iter().min()) else {
        return 0;
    };
    if first > DRIVER_SWITCH_RATIO * min {
        costs.iter().position(|&c| c == min).unwrap_or(0)
    } else {
        0
    }
}
