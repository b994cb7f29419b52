//! The people index as snapshot bytes, and the checks that make loaded bytes safe.
//!
//! A segment is written as its stored arrays (dictionary, posting bytes, keys, flags,
//! forward records, tombstones, address hashes); the cumulative counts are derived again
//! on load. Loading checks the whole segment against itself before anything uses it:
//! the dictionary is sorted valid UTF-8, every posting list decodes within its bytes with
//! a correct skip table, the posting lists are exactly the inverse of the forward records,
//! records are in rank order, and every live key is a distinct record whose flags are
//! those its owner expects. What cannot be checked without rebuilding is that the words
//! are those of the person's fields; the snapshot's checksum covers that.
//!
//! (Declared from `index.rs` so that it sees the segment's fields; kept in its own file.)

use super::super::postings::SKIP_EVERY;
use super::{Cat, Segment};
use crate::binary::{corrupt, Reader, Writer};
use crate::error::Result;
use crate::search::{Key, PeopleIndex};
use crate::varint::Malformed;

impl PeopleIndex {
    /// Writes the index (its segments as they are) for a snapshot.
    pub(crate) fn write_snapshot(&self, w: &mut Writer) {
        w.u32(self.next_uid);
        w.len(self.segments.len());
        for seg in &self.segments {
            write_segment(seg, w);
        }
    }

    /// Reads an index written by [`PeopleIndex::write_snapshot`], checking every segment.
    /// `flags_of(key)` is the flags the record of a live key must carry, `None` when the
    /// key must not be live in this index (not a user of its tenant).
    pub(crate) fn read_snapshot(
        r: &mut Reader<'_>,
        flags_of: &dyn Fn(Key) -> Option<u32>,
    ) -> Result<PeopleIndex> {
        let next_uid = r.u32("index next uid")?;
        let count = r.len(8, "index segment count")?;
        let mut segments: Vec<Segment> = Vec::with_capacity(count);
        for _ in 0..count {
            segments.push(read_segment(r)?);
        }
        PeopleIndex::from_checked_segments(next_uid, segments, flags_of)
    }

    /// Writes the index for a view: as [`PeopleIndex::write_snapshot`], without the
    /// address arrays, which the reader derives from the people ([`StoredIndex::finish`]).
    pub(crate) fn write_view(&self, w: &mut Writer) {
        w.len(self.segments.len());
        for seg in &self.segments {
            write_arrays(seg, w, false);
        }
    }

    /// An index of `segments` checked each against itself: checks that their uids are
    /// distinct and issued, and that every live key is live once, with the flags
    /// `flags_of` says its record must carry (`None`: not a user of this index's tenant).
    fn from_checked_segments(
        next_uid: u32,
        segments: Vec<Segment>,
        flags_of: &dyn Fn(Key) -> Option<u32>,
    ) -> Result<PeopleIndex> {
        for (at, seg) in segments.iter().enumerate() {
            // Uids are handed out ascending from `next_uid`, so a later one never collides.
            let before = segments.get(..at).unwrap_or_default();
            if seg.uid >= next_uid || before.iter().any(|s| s.uid == seg.uid) {
                return Err(corrupt(format_args!(
                    "segment uid {} repeated or unissued",
                    seg.uid
                )));
            }
        }
        let mut index = PeopleIndex {
            next_uid,
            ..PeopleIndex::default()
        };
        let mut seen = LiveKeys::default();
        for seg in &segments {
            for rank in 0..seg.len() {
                if seg.is_dead(rank) {
                    continue;
                }
                let key = seg.key(rank).unwrap_or(0);
                if flags_of(key) != Some(seg.flags(rank)) {
                    return Err(corrupt(format_args!(
                        "search record {key} is not a user of its tenant with these flags"
                    )));
                }
                // `flags_of` knows the key, so it is a user slot: the set stays small.
                if !seen.insert(key) {
                    return Err(corrupt(format_args!("search record {key} is live twice")));
                }
                index.live += 1;
            }
        }
        index.segments = segments;
        index.warm_short_prefixes();
        Ok(index)
    }
}

/// An index as a view carries it (`PeopleIndex::write_view`): segments read but not yet
/// checked, without their address arrays, until the people they are of are known.
#[derive(Debug, Default)]
pub struct StoredIndex {
    segments: Vec<Segment>,
}

impl StoredIndex {
    /// Reads an index `PeopleIndex::write_view` wrote.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<StoredIndex> {
        let count = r.len(8, "index segment count")?;
        let mut segments = Vec::with_capacity(count);
        for _ in 0..count {
            segments.push(read_arrays(r, false)?);
        }
        Ok(StoredIndex { segments })
    }

    /// Adds the segments of `other` (a view's shared part, then its personal part).
    pub(crate) fn extend(&mut self, other: StoredIndex) {
        self.segments.extend(other.segments);
    }

    /// The index, each segment's address arrays derived from `person(key)` and then
    /// checked as a snapshot's are ([`PeopleIndex::read_snapshot`]); uids are numbered
    /// afresh (a view's index never merges).
    pub(crate) fn finish<'p>(
        self,
        person: &dyn Fn(Key) -> Option<crate::search::Person<'p>>,
        flags_of: &dyn Fn(Key) -> Option<u32>,
    ) -> Result<PeopleIndex> {
        let mut segments = self.segments;
        for (uid, seg) in (0u32..).zip(segments.iter_mut()) {
            seg.uid = uid;
            seg.derive_addresses(person)
                .ok_or_else(|| corrupt("a search record is of no user of the view"))?;
            check_and_derive(seg)?;
        }
        let next_uid = segments.len() as u32;
        PeopleIndex::from_checked_segments(next_uid, segments, flags_of)
    }
}
/// Keys seen live, one bit each.
#[derive(Default)]
struct LiveKeys(Vec<u64>);

impl LiveKeys {
    /// Adds `key`; false when it was already there.
    fn insert(&mut self, key: Key) -> bool {
        let word = (key / 64) as usize;
        if self.0.len() <= word {
            self.0.resize(word + 1, 0);
        }
        let bit = 1u64 << (key % 64);
        match self.0.get_mut(word) {
            Some(w) if *w & bit == 0 => {
                *w |= bit;
                true
            }
            _ => false,
        }
    }
}

fn write_segment(seg: &Segment, w: &mut Writer) {
    w.u32(seg.uid);
    write_arrays(seg, w, true);
}

/// A segment's stored arrays; the address arrays only `with_addresses` (a view derives
/// them from its people).
fn write_arrays(seg: &Segment, w: &mut Writer, with_addresses: bool) {
    w.bytes(&seg.term_bytes);
    w.u32s(&seg.term_end);
    w.u32s(&seg.post_off);
    w.bytes(&seg.post_bytes);
    w.u32s(&seg.keys);
    w.u32s(&seg.flags);
    w.u32s(&seg.fwd_off);
    w.bytes(&seg.fwd_bytes);
    w.u64s(&seg.dead);
    if with_addresses {
        w.u64s(&seg.addr_hash);
        w.u32s(&seg.addr_rank);
    }
}

fn read_segment(r: &mut Reader<'_>) -> Result<Segment> {
    let uid = r.u32("segment uid")?;
    let mut seg = read_arrays(r, true)?;
    seg.uid = uid;
    check_and_derive(&mut seg)?;
    Ok(seg)
}

/// A segment's arrays as [`write_arrays`] wrote them, not yet checked.
fn read_arrays(r: &mut Reader<'_>, with_addresses: bool) -> Result<Segment> {
    let mut seg = Segment {
        term_bytes: r.byte_vec("segment terms")?,
        term_end: r.u32s("segment term ends")?,
        post_off: r.u32s("segment posting offsets")?,
        post_bytes: r.byte_vec("segment postings")?,
        keys: r.u32s("segment keys")?,
        flags: r.u32s("segment flags")?,
        fwd_off: r.u32s("segment forward offsets")?,
        fwd_bytes: r.byte_vec("segment forward records")?,
        dead: r.u64s("segment tombstones")?,
        ..Segment::default()
    };
    if with_addresses {
        seg.addr_hash = r.u64s("segment address hashes")?;
        seg.addr_rank = r.u32s("segment address ranks")?;
    }
    Ok(seg)
}

/// A strict 32-bit varint ([`crate::varint::read`]) inside `bytes`.
fn varint(bytes: &[u8], pos: &mut usize) -> Result<u32> {
    let too_long = || corrupt("a varint exceeds 32 bits");
    match crate::varint::read(bytes, pos, 32) {
        Ok(v) => u32::try_from(v).map_err(|_| too_long()),
        Err(Malformed::Truncated) => Err(corrupt("a varint runs past its record")),
        Err(Malformed::TooLong) => Err(too_long()),
    }
}

/// `ends` as offsets into a blob of `total` bytes: ascending from `first`, ending at it.
fn check_offsets(ends: &[u32], first: Option<u32>, total: usize, what: &str) -> Result<()> {
    let bad = || {
        corrupt(format_args!(
            "segment {what} are out of order or out of bounds"
        ))
    };
    if let Some(f) = first {
        if ends.first() != Some(&f) {
            return Err(bad());
        }
    }
    if ends.windows(2).any(|p| p.first() > p.get(1)) {
        return Err(bad());
    }
    if ends.last().map_or(total != 0, |&l| l as usize != total) {
        return Err(bad());
    }
    Ok(())
}

/// Where one posting list is in the posting bytes, and how far the check has read it.
#[derive(Clone, Copy, Default)]
struct ListCursor {
    skips: usize,
    data: usize,
    pos: usize,
    end: usize,
    count: u32,
    seen: u32,
    last: u32,
}

/// Checks a segment read from a snapshot against itself, and derives what is not
/// stored (the tombstone count, the cumulative counts, the start blocks).
fn check_and_derive(seg: &mut Segment) -> Result<()> {
    let n32 = check_record_arrays(seg)?;
    check_dictionary(seg)?;
    let mut lists = read_list_headers(seg)?;
    let starts = check_forward_records(seg, n32, &mut lists)?;
    if lists.iter().any(|l| l.seen != l.count || l.pos != l.end) {
        return Err(corrupt(
            "a posting list holds records that do not have its word",
        ));
    }
    drop(lists);
    seg.start_cum = Vec::with_capacity(starts.per_term.len() + 1);
    let mut acc = starts.without_display;
    seg.start_cum.push(acc);
    for c in starts.per_term {
        acc += c;
        seg.start_cum.push(acc);
    }
    check_addresses(seg, n32)?;
    seg.order_by_key();
    Ok(())
}

/// The per-record arrays agree on the number of records, and no tombstone lies past the
/// last; derives the tombstone count. Answers the number of records.
fn check_record_arrays(seg: &mut Segment) -> Result<u32> {
    let n = seg.keys.len();
    let n32 = u32::try_from(n).map_err(|_| corrupt("too many records"))?;
    if seg.flags.len() != n || seg.fwd_off.len() != n + 1 || seg.dead.len() != n.div_ceil(64) {
        return Err(corrupt("segment arrays disagree on the number of records"));
    }
    if let Some(&last) = seg.dead.last() {
        let used = n % 64;
        if used != 0 && last >> used != 0 {
            return Err(corrupt("segment tombstones past the last record"));
        }
    }
    seg.dead_count = seg.dead.iter().map(|w| w.count_ones()).sum();
    Ok(n32)
}

/// The dictionary: valid UTF-8, non-empty terms, strictly ascending.
fn check_dictionary(seg: &Segment) -> Result<()> {
    check_offsets(&seg.term_end, None, seg.term_bytes.len(), "term ends")?;
    let text =
        std::str::from_utf8(&seg.term_bytes).map_err(|_| corrupt("segment terms are not UTF-8"))?;
    let mut start = 0usize;
    let mut previous: Option<&str> = None;
    for &end in &seg.term_end {
        let term = text
            .get(start..end as usize)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| corrupt("segment term boundaries are wrong"))?;
        if previous.is_some_and(|p| p >= term) {
            return Err(corrupt("segment terms are not sorted"));
        }
        previous = Some(term);
        start = end as usize;
    }
    Ok(())
}

/// Every term's posting header (counts and byte lengths within its bytes, room for the
/// skip tables): a cursor per list, three per term; derives the cumulative counts.
fn read_list_headers(seg: &mut Segment) -> Result<Vec<ListCursor>> {
    let terms = seg.term_end.len();
    if seg.post_off.len() != terms + 1 {
        return Err(corrupt("segment posting offsets disagree with the terms"));
    }
    check_offsets(
        &seg.post_off,
        Some(0),
        seg.post_bytes.len(),
        "posting offsets",
    )?;
    let mut lists = vec![ListCursor::default(); terms * 3];
    let (mut cum, mut name_cum, mut mail_cum) = (0u32, 0u32, 0u32);
    seg.post_cum = Vec::with_capacity(terms + 1);
    seg.name_cum = Vec::with_capacity(terms + 1);
    seg.mail_cum = Vec::with_capacity(terms + 1);
    for (t, span) in seg.post_off.windows(2).enumerate() {
        let (off, end) = match span {
            [a, b] => (*a as usize, *b as usize),
            _ => (0, 0),
        };
        let bytes = seg.post_bytes.get(off..end).unwrap_or_default();
        let mut pos = 0usize;
        let cn = varint(bytes, &mut pos)?;
        let bn = varint(bytes, &mut pos)? as usize;
        let cm = varint(bytes, &mut pos)?;
        let bm = varint(bytes, &mut pos)? as usize;
        let cj = varint(bytes, &mut pos)?;
        let bj = bytes
            .len()
            .checked_sub(pos)
            .and_then(|left| left.checked_sub(bn))
            .and_then(|left| left.checked_sub(bm))
            .ok_or_else(|| corrupt("a posting list is longer than its term's bytes"))?;
        let mut at = off + pos;
        for (l, (count, len)) in [(cn, bn), (cm, bm), (cj, bj)].into_iter().enumerate() {
            let table = (count.saturating_sub(1) / SKIP_EVERY) as usize * 8;
            if table > len || (len - table) < count as usize || (count == 0 && len != 0) {
                return Err(corrupt("a posting list's size disagrees with its count"));
            }
            if let Some(c) = lists.get_mut(t * 3 + l) {
                *c = ListCursor {
                    skips: at,
                    data: at + table,
                    pos: at + table,
                    end: at + len,
                    count,
                    ..ListCursor::default()
                };
            }
            at += len;
        }
        seg.post_cum.push(cum);
        seg.name_cum.push(name_cum);
        seg.mail_cum.push(mail_cum);
        let sum = u64::from(cn) + u64::from(cm) + u64::from(cj);
        cum = u32::try_from(u64::from(cum) + sum).map_err(|_| corrupt("too many postings"))?;
        name_cum += cn;
        mail_cum += cm;
    }
    seg.post_cum.push(cum);
    seg.name_cum.push(name_cum);
    seg.mail_cum.push(mail_cum);
    Ok(lists)
}

/// How many records' display names start with each term, and how many have none.
struct StartCounts {
    per_term: Vec<u32>,
    without_display: u32,
}

/// Forward records, in rank order: each is exactly what the posting lists say, and the
/// records are sorted by display name, then key.
fn check_forward_records(seg: &Segment, n32: u32, lists: &mut [ListCursor]) -> Result<StartCounts> {
    check_offsets(
        &seg.fwd_off,
        Some(0),
        seg.fwd_bytes.len(),
        "forward offsets",
    )?;
    let terms = seg.term_end.len();
    let mut starts = StartCounts {
        per_term: vec![0u32; terms],
        without_display: 0,
    };
    let mut record_terms: Vec<u32> = Vec::new();
    let mut display: Vec<u32> = Vec::new();
    let mut prev_display: Vec<u32> = Vec::new();
    for rank in 0..n32 {
        let from = seg.fwd_off.get(rank as usize).copied().unwrap_or(0) as usize;
        let to = seg.fwd_off.get(rank as usize + 1).copied().unwrap_or(0) as usize;
        let bytes = seg.fwd_bytes.get(from..to).unwrap_or_default();
        let mut pos = 0usize;
        let start_term = check_record_terms(seg, rank, bytes, &mut pos, lists, &mut record_terms)?;
        let d = varint(bytes, &mut pos)?;
        display.clear();
        for _ in 0..d {
            let i = varint(bytes, &mut pos)? as usize;
            let t = record_terms
                .get(i)
                .copied()
                .ok_or_else(|| corrupt("a forward record's display names a missing word"))?;
            display.push(t);
        }
        if pos != bytes.len() {
            return Err(corrupt("a forward record has bytes left over"));
        }
        match display.first() {
            Some(&first) => {
                if start_term.is_some_and(|s| s != first) {
                    return Err(corrupt("a forward record's starting word is not its first"));
                }
                if let Some(c) = starts.per_term.get_mut(first as usize) {
                    *c += 1;
                }
            }
            None => {
                if start_term.is_some() {
                    return Err(corrupt("a forward record starts without a display name"));
                }
                starts.without_display += 1;
            }
        }
        let key = seg.keys.get(rank as usize).copied().unwrap_or(0);
        if rank > 0 {
            let prev_key = seg.keys.get(rank as usize - 1).copied().unwrap_or(0);
            if (&prev_display, prev_key) > (&display, key) {
                return Err(corrupt("segment records are not in rank order"));
            }
        }
        std::mem::swap(&mut prev_display, &mut display);
    }
    Ok(starts)
}

/// Reads the terms of the forward record at `rank` into `record_terms`, checking each
/// against the next posting of its list; answers the term its display name starts with.
fn check_record_terms(
    seg: &Segment,
    rank: u32,
    bytes: &[u8],
    pos: &mut usize,
    lists: &mut [ListCursor],
    record_terms: &mut Vec<u32>,
) -> Result<Option<u32>> {
    let terms = seg.term_end.len();
    let nt = varint(bytes, pos)?;
    record_terms.clear();
    let mut start_term = None;
    let mut last = 0u32;
    for i in 0..nt {
        let v = varint(bytes, pos)?;
        let delta = v >> 2;
        if i > 0 && delta == 0 {
            return Err(corrupt("a forward record repeats a term"));
        }
        let t = last
            .checked_add(delta)
            .filter(|&t| (t as usize) < terms)
            .ok_or_else(|| corrupt("a forward record names a term that does not exist"))?;
        last = t;
        record_terms.push(t);
        let cat = v & 3;
        if cat == Cat::Start as u32 {
            if start_term.is_some() {
                return Err(corrupt("a forward record has two starting words"));
            }
            start_term = Some(t);
            continue;
        }
        let list = lists
            .get_mut(t as usize * 3 + cat as usize - 1)
            .ok_or_else(|| corrupt("a forward record names a missing list"))?;
        check_next_posting(list, &seg.post_bytes, rank)?;
    }
    Ok(start_term)
}

/// The next posting of `list` is `rank`, and its skip entry (when one is due) is right.
fn check_next_posting(list: &mut ListCursor, post_bytes: &[u8], rank: u32) -> Result<()> {
    if list.seen >= list.count {
        return Err(corrupt("a posting list misses a record"));
    }
    let data = post_bytes.get(..list.end).unwrap_or_default();
    let gap = varint(data, &mut list.pos)?;
    let got = if list.seen == 0 {
        gap
    } else {
        list.last.saturating_add(gap)
    };
    if got != rank || (list.seen > 0 && gap == 0) {
        return Err(corrupt("a posting list disagrees with the forward records"));
    }
    list.last = got;
    if list.seen > 0 && list.seen % SKIP_EVERY == 0 {
        let entry = list.skips + (list.seen / SKIP_EVERY - 1) as usize * 8;
        let want_offset = (list.pos - list.data) as u32;
        let ok = post_bytes.get(entry..entry + 8).is_some_and(|e| {
            e.get(..4) == Some(&rank.to_le_bytes()[..])
                && e.get(4..) == Some(&want_offset.to_le_bytes()[..])
        });
        if !ok {
            return Err(corrupt("a posting list's skip table is wrong"));
        }
    }
    list.seen += 1;
    Ok(())
}

/// Exact addresses: sorted (hash, rank) pairs of existing ranks.
fn check_addresses(seg: &Segment, n32: u32) -> Result<()> {
    if seg.addr_hash.len() != seg.addr_rank.len() {
        return Err(corrupt("segment address arrays differ in length"));
    }
    let mut prev = None;
    for pair in seg
        .addr_hash
        .iter()
        .copied()
        .zip(seg.addr_rank.iter().copied())
    {
        if pair.1 >= n32 || prev.is_some_and(|p| p > pair) {
            return Err(corrupt(
                "segment addresses are out of order or out of bounds",
            ));
        }
        prev = Some(pair);
    }
    Ok(())
}
