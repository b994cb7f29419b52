//! The parts a segment's candidates are read in: each yields ranks in ascending order
//! under one upper bound of the score its records can reach (see `query.rs`), from a
//! rank interval, a posting list, a union of lists, the records holding every exact
//! term, or a display-name narrowing level by level.

use super::index::{partition, Segment};
use super::postings::Postings;
use super::rank::Score;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Which ranks a part keeps: those inside `lo..hi`, or those outside it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Window {
    pub lo: u32,
    pub hi: u32,
    pub inside: bool,
}

impl Window {
    #[inline]
    pub(super) fn keeps(&self, r: u32) -> bool {
        (r >= self.lo && r < self.hi) == self.inside
    }

    pub(super) fn lowest(&self) -> u32 {
        if self.inside {
            self.lo
        } else {
            0
        }
    }
}

/// Where a part's ranks come from.
pub(super) enum Source<'a> {
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
    /// Records of a rank interval whose first display elements start with the first
    /// query words (opened on first use).
    Nested(Nested),
}

/// One level of a [`Source::Nested`] walk: the runs of `cursor..hi` still to visit.
#[derive(Clone, Copy, Debug)]
pub(super) struct Frame {
    level: usize,
    cursor: u32,
    hi: u32,
}

/// One part of a segment's candidates: ranks ascending under one score bound.
pub(super) struct Part<'a> {
    /// No record of the part scores higher.
    pub bound: Score,
    src: Source<'a>,
    /// The next rank, once the part is open.
    pub peek: Option<u32>,
    /// Whether the part was opened (lazy sources open on first use).
    pub ready: bool,
}

impl<'a> Part<'a> {
    pub(super) fn new(bound: Score, src: Source<'a>) -> Part<'a> {
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
    pub(super) fn key(&self) -> (Score, u32) {
        let rank = match (&self.src, self.ready) {
            (_, true) => self.peek.unwrap_or(u32::MAX),
            (Source::Merge { win, .. }, false)
            | (Source::List { win, .. }, false)
            | (Source::Exact { win, .. }, false) => win.lowest(),
            _ => 0,
        };
        (self.bound, rank)
    }

    pub(super) fn exhausted(&self) -> bool {
        self.ready && self.peek.is_none()
    }

    pub(super) fn open(&mut self, seg: &'a Segment) {
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

    /// The part's next rank, `None` once it is exhausted.
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
            Source::List { it, win } => list_next(it, *win),
            Source::Exact {
                streams,
                win,
                cursor,
            } => exact_next(streams, *win, cursor),
            Source::Merge {
                heap,
                lists,
                last,
                win,
                ..
            } => merge_next(heap, lists, last, *win),
            Source::Nested(walk) => walk.next(seg),
        }
    }

    pub(super) fn take(&mut self, seg: &'a Segment) -> Option<u32> {
        let r = self.peek?;
        self.peek = self.advance(Some(seg));
        Some(r)
    }
}

/// The ranks of the records holding one term in any field: its display-name block and
/// its three posting lists, sought in ascending order.
pub(super) struct TermStream<'a> {
    block: (u32, u32),
    lists: [Postings<'a>; 3],
    heads: [Option<u32>; 3],
    started: bool,
}

impl<'a> TermStream<'a> {
    /// The stream of term `t` of `seg`.
    pub(super) fn new(seg: &'a Segment, t: u32) -> TermStream<'a> {
        TermStream {
            block: seg.start_block(t, t + 1),
            lists: seg.postings(t),
            heads: [None; 3],
            started: false,
        }
    }

    /// The smallest rank at or after `target` holding the term.
    pub(super) fn seek(&mut self, target: u32) -> Option<u32> {
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

/// The next rank of one posting list that `win` keeps.
fn list_next(it: &mut Postings<'_>, win: Window) -> Option<u32> {
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

/// The next rank at or after `cursor` that every stream holds and `win` keeps, found by
/// leapfrogging: each stream seeks the largest rank any of them answered.
fn exact_next(streams: &mut [TermStream<'_>], win: Window, cursor: &mut u32) -> Option<u32> {
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

/// The next rank of the union of `lists` (each at its head in `heap`) that `win` keeps,
/// each rank once.
fn merge_next(
    heap: &mut BinaryHeap<Reverse<(u32, u32)>>,
    lists: &mut [Postings<'_>],
    last: &mut Option<u32>,
    win: Window,
) -> Option<u32> {
    loop {
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
    }
}

/// Records of the rank interval `start..stop` (sorted by display name) whose first
/// `depth` display elements start with the first `depth` query words, found by
/// narrowing level by level with binary searches.
pub(super) struct Nested {
    start: u32,
    stop: u32,
    depth: usize,
    /// Per level, the term range of its query word.
    ranges: Vec<(u32, u32)>,
    stack: Vec<Frame>,
    /// The run of ranks found last, being read.
    next: u32,
    end: u32,
}

impl Nested {
    /// The walk of `start..stop` to `depth` levels, level `i` matching `ranges[i]`.
    pub(super) fn new(start: u32, stop: u32, depth: usize, ranges: Vec<(u32, u32)>) -> Nested {
        Nested {
            start,
            stop,
            depth,
            ranges,
            stack: Vec::new(),
            next: 0,
            end: 0,
        }
    }

    /// The next rank of the walk.
    fn next(&mut self, seg: Option<&Segment>) -> Option<u32> {
        loop {
            if self.next < self.end {
                self.next += 1;
                return Some(self.next - 1);
            }
            let seg = seg?;
            if self.start < self.stop {
                let (x, y) = self.narrow(seg, 1, self.start, self.stop);
                self.start = self.stop;
                self.stack.push(Frame {
                    level: 1,
                    cursor: x,
                    hi: y,
                });
                continue;
            }
            let top = self.stack.last_mut()?;
            if top.cursor >= top.hi {
                self.stack.pop();
                continue;
            }
            // The next run of records sharing element `level`, narrowed one level down.
            let (level, c, hi) = (top.level, top.cursor, top.hi);
            let t = element(seg, level, c);
            let run_end = c + partition(hi - c, |i| element(seg, level, c + i) <= t);
            top.cursor = run_end;
            let (x, y) = self.narrow(seg, level + 1, c, run_end);
            if level + 1 >= self.depth {
                self.next = x;
                self.end = y;
            } else if x < y {
                self.stack.push(Frame {
                    level: level + 1,
                    cursor: x,
                    hi: y,
                });
            }
        }
    }

    /// The ranks of `lo..hi` (sorted by element `level`) with that element in the level's
    /// query range.
    fn narrow(&self, seg: &Segment, level: usize, lo: u32, hi: u32) -> (u32, u32) {
        let (rlo, rhi) = self
            .ranges
            .get(level - 1)
            .map_or((0, 0), |&(a, b)| (i64::from(a), i64::from(b)));
        let x = lo + partition(hi - lo, |i| element(seg, level, lo + i) < rlo);
        let y = x + partition(hi - x, |i| element(seg, level, x + i) < rhi);
        (x, y)
    }
}

/// Display element `level` (1-based) of the record at rank `r`; a record without it
/// sorts before every term.
fn element(seg: &Segment, level: usize, r: u32) -> i64 {
    seg.display_term(r, level - 1).map_or(-1i64, i64::from)
}
