//! One immutable, compact index segment, and how it is read.
//!
//! A segment holds its records in **rank order**: sorted by the folded display name,
//! element by element (compounds joined), then by key. Everything else follows from it:
//!
//! - a sorted **term dictionary** (all folded words, one string blob); a term id is the
//!   term's position, so "starts with the query word" is a contiguous id range and
//!   "equals it" is the first id of that range;
//! - the records whose display name *starts* with term `t` are the contiguous rank block
//!   `start_cum[t]..start_cum[t + 1]`: no posting list is stored for them, and every
//!   display name starting with a prefix is one rank interval;
//! - every other (term, record) pair is a **posting** in one of three lists per term —
//!   name, mail/UPN, job title — of ranks, ascending, delta- and varint-encoded
//!   (`postings.rs`);
//! - a **forward record** per rank: its terms with their best field (varint), then the
//!   positions of its display elements, to check the other query words of a candidate
//!   and to merge segments without the original text;
//! - hashes of its exact addresses (mail, other mails, UPN, decoded guest UPN).
//!
//! A segment never changes except for its tombstones (`dead`); updates build new small
//! segments (`builder.rs`) and [`super::PeopleIndex`] merges them. `builder.rs` and
//! `persist.rs` are this module's children, so that they see the segment's fields.

use super::postings::Postings;
use super::Key;
use crate::varint::read_u32_trusted as get_varint;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[path = "builder.rs"]
mod builder;
#[path = "exact_addresses.rs"]
mod exact_addresses;
#[path = "persist.rs"]
mod persist;

pub(crate) use builder::SegmentBuilder;
pub use persist::StoredIndex;

/// The field class of a record's word, best first. A word found in several fields of a
/// record keeps the best one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Cat {
    /// The first element of the display name.
    Start = 0,
    /// Another word of the display name, given name or surname.
    Name = 1,
    /// A word of the mail, other mails or UPN.
    Mail = 2,
    /// A word of the job title.
    Job = 3,
}

impl Cat {
    fn from_bits(bits: u32) -> Cat {
        match bits & 3 {
            0 => Cat::Start,
            1 => Cat::Name,
            2 => Cat::Mail,
            _ => Cat::Job,
        }
    }

    /// The ranking weight of a match in this field: names 0, mail/UPN 1, job title 2.
    pub(crate) fn weight(self) -> u16 {
        match self {
            Cat::Start | Cat::Name => 0,
            Cat::Mail => 1,
            Cat::Job => 2,
        }
    }
}

/// A decoded forward record: its terms (sorted by id) with their field class, and the
/// term ids of its display elements in reading order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Forward {
    pub terms: Vec<(u32, Cat)>,
    pub display: Vec<u32>,
}

/// One immutable index segment (see the module documentation).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Segment {
    /// Unique id, so a key's location survives other segments being merged.
    pub uid: u32,
    term_bytes: Vec<u8>,
    term_end: Vec<u32>,
    start_cum: Vec<u32>,
    post_cum: Vec<u32>,
    /// Cumulative counts of the name lists and of the mail lists alone, so the best field
    /// a term range can reach is known without reading it.
    name_cum: Vec<u32>,
    mail_cum: Vec<u32>,
    post_off: Vec<u32>,
    post_bytes: Vec<u8>,
    keys: Vec<Key>,
    flags: Vec<u32>,
    fwd_off: Vec<u32>,
    fwd_bytes: Vec<u8>,
    dead: Vec<u64>,
    dead_count: u32,
    addr_hash: Vec<u64>,
    addr_rank: Vec<u32>,
    /// The ranks in key order (ties by rank): where a key's record is, found by binary
    /// search, 4 bytes a record instead of a table over every key of the directory.
    #[serde(default)]
    by_key: Vec<u32>,
}

impl Segment {
    /// Number of records, dead ones included.
    pub(crate) fn len(&self) -> u32 {
        self.keys.len() as u32
    }

    /// Number of records not removed.
    pub(crate) fn live(&self) -> u32 {
        self.len().saturating_sub(self.dead_count)
    }

    /// Number of distinct terms.
    pub(crate) fn term_count(&self) -> u32 {
        self.term_end.len() as u32
    }

    /// The folded text of term `t`.
    pub(crate) fn term(&self, t: u32) -> &str {
        let end = self.term_end.get(t as usize).copied().unwrap_or(0) as usize;
        let start = if t == 0 {
            0
        } else {
            self.term_end.get(t as usize - 1).copied().unwrap_or(0) as usize
        };
        self.term_bytes
            .get(start..end)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }

    /// The ids of the terms that start with `word`: `lo..hi` (empty when none does).
    pub(crate) fn prefix_range(&self, word: &str) -> (u32, u32) {
        let n = self.term_count();
        let lo = partition(n, |t| self.term(t) < word);
        let hi = lo + partition(n - lo, |i| self.term(lo + i).starts_with(word));
        (lo, hi)
    }

    /// The rank block of records whose display name starts with a term in `lo..hi`.
    pub(crate) fn start_block(&self, lo: u32, hi: u32) -> (u32, u32) {
        (self.start_cum_at(lo), self.start_cum_at(hi))
    }

    fn start_cum_at(&self, t: u32) -> u32 {
        self.start_cum.get(t as usize).copied().unwrap_or(0)
    }

    /// How many postings (name, mail and job lists) the terms `lo..hi` have together.
    pub(crate) fn posting_count(&self, lo: u32, hi: u32) -> u32 {
        let at = |t: u32| self.post_cum.get(t as usize).copied().unwrap_or(0);
        at(hi).saturating_sub(at(lo))
    }

    /// The lowest field weight a word can match in the terms `lo..hi`: 0 when one of them
    /// starts a display name or is in a name field, 1 for mail/UPN only, 2 for job titles
    /// only.
    pub(crate) fn best_weight(&self, lo: u32, hi: u32) -> u16 {
        let (a, b) = self.start_block(lo, hi);
        let diff = |v: &Vec<u32>| {
            let at = |t: u32| v.get(t as usize).copied().unwrap_or(0);
            at(hi).saturating_sub(at(lo))
        };
        if a < b || diff(&self.name_cum) > 0 {
            0
        } else if diff(&self.mail_cum) > 0 {
            1
        } else {
            2
        }
    }

    /// The name, mail and job posting lists of term `t`.
    pub(crate) fn postings(&self, t: u32) -> [Postings<'_>; 3] {
        let off = self.post_off.get(t as usize).copied().unwrap_or(0) as usize;
        let end = self
            .post_off
            .get(t as usize + 1)
            .copied()
            .unwrap_or(off as u32) as usize;
        let bytes = self.post_bytes.get(off..end).unwrap_or_default();
        // Header: count and byte length of the name and mail lists, count of the job list.
        let mut pos = 0usize;
        let (cn, bn) = (
            get_varint(bytes, &mut pos),
            get_varint(bytes, &mut pos) as usize,
        );
        let (cm, bm) = (
            get_varint(bytes, &mut pos),
            get_varint(bytes, &mut pos) as usize,
        );
        let cj = get_varint(bytes, &mut pos);
        let list = |start: usize, len: Option<usize>, count: u32| {
            let raw = match len {
                Some(len) => bytes.get(start..start + len),
                None => bytes.get(start..),
            }
            .unwrap_or_default();
            Postings::new(raw, count)
        };
        [
            list(pos, Some(bn), cn),
            list(pos + bn, Some(bm), cm),
            list(pos + bn + bm, None, cj),
        ]
    }

    /// The key at `rank`.
    pub(crate) fn key(&self, rank: u32) -> Option<Key> {
        self.keys.get(rank as usize).copied()
    }

    /// Keys each record by its rank, answering the keys the records had, in rank order.
    pub(crate) fn key_by_rank(&mut self) -> Vec<Key> {
        let ranks = (0..self.len()).collect();
        let keys = std::mem::replace(&mut self.keys, ranks);
        self.order_by_key();
        keys
    }

    /// Derives [`Segment::live_rank_of`]'s order from the keys.
    pub(crate) fn order_by_key(&mut self) {
        let mut order: Vec<u32> = (0..self.len()).collect();
        let keys = &self.keys;
        order.sort_unstable_by_key(|&r| (keys.get(r as usize).copied().unwrap_or(0), r));
        self.by_key = order;
    }

    /// The rank of the live record with `key`, if the segment holds one (a segment may
    /// also hold dead versions of it).
    pub(crate) fn live_rank_of(&self, key: Key) -> Option<u32> {
        let key_at = |r: u32| self.keys.get(r as usize).copied().unwrap_or(0);
        let first = self.by_key.partition_point(|&r| key_at(r) < key);
        self.by_key
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&r| key_at(r) == key)
            .copied()
            .find(|&r| !self.is_dead(r))
    }

    /// The caller's flags at `rank`.
    pub(crate) fn flags(&self, rank: u32) -> u32 {
        self.flags.get(rank as usize).copied().unwrap_or(0)
    }

    /// Whether the record at `rank` was removed.
    #[inline]
    pub(crate) fn is_dead(&self, rank: u32) -> bool {
        self.dead
            .get((rank / 64) as usize)
            .is_some_and(|w| w & (1u64 << (rank % 64)) != 0)
    }

    /// Marks the record at `rank` removed; false when it already was.
    pub(crate) fn kill(&mut self, rank: u32) -> bool {
        if rank >= self.len() || self.is_dead(rank) {
            return false;
        }
        let word = (rank / 64) as usize;
        if self.dead.len() <= word {
            self.dead.resize(word + 1, 0);
        }
        if let Some(w) = self.dead.get_mut(word) {
            *w |= 1u64 << (rank % 64);
        }
        self.dead_count += 1;
        true
    }

    fn fwd_bytes_of(&self, rank: u32) -> &[u8] {
        let start = self.fwd_off.get(rank as usize).copied().unwrap_or(0) as usize;
        let end = self
            .fwd_off
            .get(rank as usize + 1)
            .copied()
            .unwrap_or(start as u32) as usize;
        self.fwd_bytes.get(start..end).unwrap_or_default()
    }

    /// Decodes the forward record at `rank` into `out`.
    pub(crate) fn forward(&self, rank: u32, out: &mut Forward) {
        out.terms.clear();
        out.display.clear();
        let bytes = self.fwd_bytes_of(rank);
        let mut pos = 0usize;
        let n = get_varint(bytes, &mut pos);
        let mut last = 0u32;
        for _ in 0..n {
            let v = get_varint(bytes, &mut pos);
            last += v >> 2;
            out.terms.push((last, Cat::from_bits(v)));
        }
        let d = get_varint(bytes, &mut pos);
        for _ in 0..d {
            let i = get_varint(bytes, &mut pos) as usize;
            if let Some(&(t, _)) = out.terms.get(i) {
                out.display.push(t);
            }
        }
    }

    /// The term id of display element `index` of the record at `rank` (`None` if shorter).
    pub(crate) fn display_term(&self, rank: u32, index: usize) -> Option<u32> {
        let bytes = self.fwd_bytes_of(rank);
        let mut pos = 0usize;
        let n = get_varint(bytes, &mut pos);
        let terms_start = pos;
        for _ in 0..n {
            get_varint(bytes, &mut pos);
        }
        let d = get_varint(bytes, &mut pos) as usize;
        if index >= d {
            return None;
        }
        let mut which = 0u32;
        for _ in 0..=index {
            which = get_varint(bytes, &mut pos);
        }
        let mut p = terms_start;
        let mut last = 0u32;
        for _ in 0..=which {
            last += get_varint(bytes, &mut p) >> 2;
        }
        Some(last)
    }

    /// Ranks whose exact addresses hash to `hash`.
    pub(crate) fn ranks_with_address(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let lo = self.addr_hash.partition_point(|&h| h < hash);
        self.addr_hash
            .get(lo..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&h| h == hash)
            .zip(self.addr_rank.get(lo..).unwrap_or_default())
            .map(|(_, &r)| r)
    }

    /// Approximate heap bytes held by this segment.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.term_bytes.capacity()
            + 4 * (self.term_end.capacity()
                + self.start_cum.capacity()
                + self.post_cum.capacity()
                + self.name_cum.capacity()
                + self.mail_cum.capacity()
                + self.post_off.capacity()
                + self.keys.capacity()
                + self.flags.capacity()
                + self.fwd_off.capacity()
                + self.addr_rank.capacity())
            + self.post_bytes.capacity()
            + self.fwd_bytes.capacity()
            + 8 * (self.dead.capacity() + self.addr_hash.capacity())
            + 4 * self.by_key.capacity()
    }

    /// Feeds every live record of this segment into `builder` (for merging segments).
    pub(crate) fn extract_into(&self, builder: &mut SegmentBuilder) {
        let mut by_rank: HashMap<u32, Vec<u64>> = HashMap::new();
        for (h, r) in self.addr_hash.iter().zip(&self.addr_rank) {
            by_rank.entry(*r).or_default().push(*h);
        }
        let mut fwd = Forward::default();
        let mut addrs = Vec::new();
        for rank in 0..self.len() {
            if self.is_dead(rank) {
                continue;
            }
            let Some(key) = self.key(rank) else { continue };
            self.forward(rank, &mut fwd);
            addrs.clear();
            if let Some(a) = by_rank.get(&rank) {
                addrs.extend_from_slice(a);
            }
            builder.add_tokens(
                key,
                self.flags(rank),
                fwd.terms.iter().map(|&(t, c)| (self.term(t), c)),
                fwd.display.iter().map(|&t| self.term(t)),
                &addrs,
            );
        }
    }
}

/// The first `i` in `0..n` for which `pred(i)` is false, given `pred` is true then false.
pub(crate) fn partition(n: u32, mut pred: impl FnMut(u32) -> bool) -> u32 {
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
