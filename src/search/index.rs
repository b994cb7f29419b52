//! One immutable, compact index segment, and how it is built.
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
//!   name, mail/UPN, job title — of ranks, ascending, delta- and varint-encoded;
//! - a **forward record** per rank: its terms with their best field (varint), then the
//!   positions of its display elements, to check the other query words of a candidate
//!   and to merge segments without the original text;
//! - hashes of its exact addresses (mail, other mails, UPN, decoded guest UPN).
//!
//! A segment never changes except for its tombstones (`dead`); updates build new small
//! segments and [`super::PeopleIndex`] merges them.

use super::normalize::{
    address_hash, address_key, decode_guest_upn, fold_into, upn_search_part, word_text, words_into,
    FoldedChar, Word, WordKind,
};
use super::{Key, Person};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[path = "persist.rs"]
mod persist;

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

pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn varint_len(v: u32) -> u32 {
    match v {
        0..=0x7f => 1,
        0x80..=0x3fff => 2,
        0x4000..=0x1f_ffff => 3,
        0x20_0000..=0xfff_ffff => 4,
        _ => 5,
    }
}

/// Writes a varint into `buf` at `*pos` (space reserved beforehand).
fn write_varint(buf: &mut [u8], pos: &mut usize, mut v: u32) {
    loop {
        let byte = if v >= 0x80 { (v as u8) | 0x80 } else { v as u8 };
        if let Some(b) = buf.get_mut(*pos) {
            *b = byte;
        }
        *pos += 1;
        v >>= 7;
        if byte & 0x80 == 0 {
            break;
        }
    }
}

/// Reads a varint at `*pos`; a truncated input reads as 0 (segments are built here, so
/// this only guards against a corrupted snapshot without panicking).
#[inline]
pub(crate) fn get_varint(bytes: &[u8], pos: &mut usize) -> u32 {
    let mut v: u32 = 0;
    let mut shift = 0u32;
    while let Some(&b) = bytes.get(*pos) {
        *pos += 1;
        if shift < 32 {
            v |= u32::from(b & 0x7f) << shift;
        }
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    v
}

/// A cursor over one posting list: ranks ascending.
#[derive(Clone, Debug)]
pub(crate) struct Postings<'a> {
    bytes: &'a [u8],
    skips: &'a [u8],
    count: u32,
    pos: usize,
    left: u32,
    last: u32,
    first: bool,
}

/// A posting list longer than this has a skip entry every `SKIP_EVERY` postings:
/// the rank of posting `j * SKIP_EVERY` and the byte offset just after it (two u32 LE).
pub(crate) const SKIP_EVERY: u32 = 64;

fn skip_entries(count: u32) -> u32 {
    count.saturating_sub(1) / SKIP_EVERY
}

fn read_u32(bytes: &[u8], at: usize) -> u32 {
    let mut w = [0u8; 4];
    if let Some(b) = bytes.get(at..at + 4) {
        w.copy_from_slice(b);
    }
    u32::from_le_bytes(w)
}

impl<'a> Postings<'a> {
    pub(crate) fn empty() -> Postings<'a> {
        Postings {
            bytes: &[],
            skips: &[],
            count: 0,
            pos: 0,
            left: 0,
            last: 0,
            first: true,
        }
    }

    /// A list of `count` postings stored as `raw` (skip table, then varints).
    fn new(raw: &'a [u8], count: u32) -> Postings<'a> {
        let table = (skip_entries(count) * 8) as usize;
        Postings {
            skips: raw.get(..table).unwrap_or_default(),
            bytes: raw.get(table..).unwrap_or_default(),
            count,
            pos: 0,
            left: count,
            last: 0,
            first: true,
        }
    }

    /// How many ranks are left.
    pub(crate) fn len(&self) -> u32 {
        self.left
    }

    /// The first remaining rank at or after `target` (jumping with the skip table).
    pub(crate) fn seek(&mut self, target: u32) -> Option<u32> {
        let entries = self.skips.len() / 8;
        if entries > 0 && (self.first || self.last < target) {
            let consumed = self.count - self.left;
            // The last entry whose rank is below the target.
            let (mut lo, mut hi) = (0usize, entries);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if read_u32(self.skips, mid * 8) < target {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if lo > 0 {
                let j = lo - 1;
                let index = (j as u32 + 1) * SKIP_EVERY;
                if index + 1 > consumed {
                    self.last = read_u32(self.skips, j * 8);
                    self.pos = read_u32(self.skips, j * 8 + 4) as usize;
                    self.left = self.count - index - 1;
                    self.first = false;
                }
            }
        }
        loop {
            let r = self.next()?;
            if r >= target {
                return Some(r);
            }
        }
    }
}

impl Iterator for Postings<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let v = get_varint(self.bytes, &mut self.pos);
        self.last = if self.first { v } else { self.last + v };
        self.first = false;
        Some(self.last)
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

/// A small fast hash for the term interner and the keys a search has accepted
/// (FxHash's multiply-rotate; the keys are the index's own words and keys, so flooding
/// resistance is not needed).
#[derive(Default, Clone, Copy)]
pub(crate) struct BuildFx;

#[derive(Default)]
pub(crate) struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::BuildHasher for BuildFx {
    type Hasher = Fx;
    fn build_hasher(&self) -> Fx {
        Fx::default()
    }
}

/// Collects records (from people or from other segments) and builds one [`Segment`].
#[derive(Default)]
pub(crate) struct SegmentBuilder {
    /// Every distinct term and its provisional id (the term's text is held here only).
    ids: HashMap<Box<str>, u32, BuildFx>,
    keys: Vec<Key>,
    flags: Vec<u32>,
    /// Per record, its deduplicated `(provisional id << 2 | cat)` entries.
    terms: Vec<u32>,
    terms_end: Vec<u32>,
    display: Vec<u32>,
    display_end: Vec<u32>,
    addrs: Vec<(u64, u32)>,
    // scratch
    folded: Vec<FoldedChar>,
    words: Vec<Word>,
    buf: String,
    /// The local part of the address being added, as its hash reads it.
    local: String,
    scratch: Vec<u32>,
}

impl SegmentBuilder {
    /// Number of records added so far.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The keys added so far, in order.
    pub(crate) fn keys(&self) -> &[Key] {
        &self.keys
    }

    /// Makes room for about `records` more records.
    pub(crate) fn reserve(&mut self, records: usize) {
        self.keys.reserve_exact(records);
        self.flags.reserve_exact(records);
        self.terms_end.reserve_exact(records);
        self.display_end.reserve_exact(records);
        self.terms.reserve(records * 10);
        self.display.reserve(records * 3);
        // About two address hashes per person (an address and its local part; a guest's
        // UPN adds one): growing this list from too small a guess doubled it twice, and
        // in WebAssembly every old copy stays behind as a hole in memory that never shrinks.
        self.addrs.reserve(records * 5 / 2);
    }

    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(text.into(), id);
        id
    }

    /// Adds the words of one field. For an address (`Cat::Mail`) with an `@`, answers
    /// the hash of its local part's words (see `super::QueryWords::local`).
    fn add_field(&mut self, text: &str, cat: Cat, display: bool) -> Option<u64> {
        fold_into(text, &mut self.folded);
        words_into(&self.folded, &mut self.words);
        let words = std::mem::take(&mut self.words);
        let mut buf = std::mem::take(&mut self.buf);
        let at = if cat == Cat::Mail {
            self.folded.iter().rposition(|f| f.ch == '@')
        } else {
            None
        };
        let mut local = std::mem::take(&mut self.local);
        local.clear();
        local.push('\0');
        for w in &words {
            word_text(&self.folded, w, &mut buf);
            if buf.is_empty() {
                continue;
            }
            let id = self.intern(&buf);
            let mut c = cat;
            if display && w.element {
                if self.display.len() as u32 == self.display_end.last().copied().unwrap_or(0) {
                    c = Cat::Start;
                }
                self.display.push(id);
            }
            self.scratch.push(id << 2 | c as u32);
            if at.is_some_and(|at| (w.end as usize) <= at) && w.kind == WordKind::Piece {
                if local.len() > 1 {
                    local.push(' ');
                }
                local.push_str(&buf);
            }
        }
        let hash = (local.len() > 1).then(|| address_hash(&local));
        self.buf = buf;
        self.words = words;
        self.local = local;
        hash
    }

    fn finish_record(&mut self, key: Key, flags: u32, addrs: &[u64]) {
        // Keep each term once, with its best field class.
        self.scratch.sort_unstable();
        let mut last = u32::MAX;
        for &v in &self.scratch {
            if v >> 2 != last {
                self.terms.push(v);
                last = v >> 2;
            }
        }
        self.scratch.clear();
        self.terms_end.push(self.terms.len() as u32);
        self.display_end.push(self.display.len() as u32);
        let rec = self.keys.len() as u32;
        self.keys.push(key);
        self.flags.push(flags);
        let mut seen: Vec<u64> = Vec::new();
        for &h in addrs {
            if !seen.contains(&h) {
                seen.push(h);
                self.addrs.push((h, rec));
            }
        }
    }

    /// Adds one person's fields.
    pub(crate) fn add_person(&mut self, key: Key, person: &Person<'_>, flags: u32) {
        self.add_field(person.display_name, Cat::Name, true);
        for name in [person.given_name, person.surname].into_iter().flatten() {
            self.add_field(name, Cat::Name, false);
        }
        let mut addrs: Vec<u64> = Vec::new();
        let mut add_address = |a: &str| {
            let k = address_key(a);
            if !k.is_empty() {
                addrs.push(address_hash(&k));
            }
        };
        if let Some(mail) = person.mail {
            add_address(mail);
        }
        for m in person.other_mails {
            add_address(m);
        }
        add_address(person.user_principal_name);
        if let Some(decoded) = decode_guest_upn(person.user_principal_name) {
            add_address(&decoded);
        }
        // The local parts get hashes too (another hash domain), for the whole-local-part
        // rank; a guest's UPN has none here (its real address is its mail).
        if let Some(mail) = person.mail {
            addrs.extend(self.add_field(mail, Cat::Mail, false));
        }
        for m in person.other_mails {
            addrs.extend(self.add_field(m, Cat::Mail, false));
        }
        addrs.extend(self.add_field(
            upn_search_part(person.user_principal_name),
            Cat::Mail,
            false,
        ));
        if let Some(job) = person.job_title {
            self.add_field(job, Cat::Job, false);
        }
        self.finish_record(key, flags, &addrs);
    }

    /// Adds one record already split into terms (from another segment).
    pub(crate) fn add_tokens<'t>(
        &mut self,
        key: Key,
        flags: u32,
        terms: impl Iterator<Item = (&'t str, Cat)>,
        display: impl Iterator<Item = &'t str>,
        addrs: &[u64],
    ) {
        for (text, cat) in terms {
            let id = self.intern(text);
            self.scratch.push(id << 2 | cat as u32);
        }
        for text in display {
            let id = self.intern(text);
            self.display.push(id);
        }
        self.finish_record(key, flags, addrs);
    }

    /// Builds the segment.
    pub(crate) fn build(self, uid: u32) -> Segment {
        let SegmentBuilder {
            ids,
            keys,
            flags,
            mut terms,
            terms_end,
            mut display,
            display_end,
            mut addrs,
            ..
        } = self;
        // The terms by provisional id, moved out of the map (not copied).
        let mut strings: Vec<Box<str>> = Vec::new();
        strings.resize_with(ids.len(), Box::default);
        for (text, id) in ids {
            if let Some(slot) = strings.get_mut(id as usize) {
                *slot = text;
            }
        }
        // Growth slack of the collected arrays would add to the peak while the segment's
        // own arrays are written: give it back first.
        terms.shrink_to_fit();
        display.shrink_to_fit();
        addrs.shrink_to_fit();
        let term_total = strings.len();
        // 1. The dictionary, sorted; provisional id -> term id.
        let mut order: Vec<u32> = (0..term_total as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let sa = strings.get(a as usize).map_or("", |s| s);
            let sb = strings.get(b as usize).map_or("", |s| s);
            sa.cmp(sb)
        });
        let mut new_id = vec![0u32; term_total];
        let mut term_bytes = Vec::new();
        let mut term_end = Vec::with_capacity(term_total);
        for (t, &p) in order.iter().enumerate() {
            if let Some(slot) = new_id.get_mut(p as usize) {
                *slot = t as u32;
            }
            term_bytes.extend_from_slice(strings.get(p as usize).map_or("", |s| s).as_bytes());
            term_end.push(term_bytes.len() as u32);
        }
        drop(order);
        drop(strings);
        let remap = |p: u32| new_id.get(p as usize).copied().unwrap_or(0);
        for v in terms.iter_mut() {
            *v = remap(*v >> 2) << 2 | (*v & 3);
        }
        for v in display.iter_mut() {
            *v = remap(*v);
        }
        drop(new_id);
        let n = keys.len();
        let range = |ends: &[u32], i: usize| {
            let s = if i == 0 {
                0
            } else {
                ends.get(i - 1).copied().unwrap_or(0)
            };
            s as usize..ends.get(i).copied().unwrap_or(0) as usize
        };
        // 2. Rank order: display elements, then key.
        let mut ranks: Vec<u32> = (0..n as u32).collect();
        ranks.sort_unstable_by(|&a, &b| {
            let da = display
                .get(range(&display_end, a as usize))
                .unwrap_or_default();
            let db = display
                .get(range(&display_end, b as usize))
                .unwrap_or_default();
            da.cmp(db).then_with(|| {
                let ka = keys.get(a as usize).copied().unwrap_or(0);
                let kb = keys.get(b as usize).copied().unwrap_or(0);
                ka.cmp(&kb)
            })
        });
        // 3. Records by rank: keys, flags, forward records, start blocks, posting counts.
        let mut seg = Segment {
            uid,
            term_bytes,
            term_end,
            ..Segment::default()
        };
        seg.keys.reserve_exact(n);
        seg.flags.reserve_exact(n);
        seg.fwd_off.reserve_exact(n + 1);
        seg.fwd_bytes.reserve(terms.len() * 2 + n * 4);
        seg.fwd_off.push(0);
        let mut start_count = vec![0u32; term_total];
        let mut empty_display = 0u32;
        let mut list_count = vec![0u32; term_total * 3];
        let mut rank_of = vec![0u32; n];
        let mut sorted: Vec<u32> = Vec::new();
        for (rank, &rec) in ranks.iter().enumerate() {
            let rec = rec as usize;
            if let Some(slot) = rank_of.get_mut(rec) {
                *slot = rank as u32;
            }
            seg.keys.push(keys.get(rec).copied().unwrap_or(0));
            seg.flags.push(flags.get(rec).copied().unwrap_or(0));
            sorted.clear();
            sorted.extend_from_slice(terms.get(range(&terms_end, rec)).unwrap_or_default());
            sorted.sort_unstable();
            put_varint(&mut seg.fwd_bytes, sorted.len() as u32);
            let mut last = 0u32;
            for &v in &sorted {
                let t = v >> 2;
                put_varint(&mut seg.fwd_bytes, (t - last) << 2 | (v & 3));
                last = t;
                let cat = v & 3;
                if cat != Cat::Start as u32 {
                    if let Some(c) = list_count.get_mut(t as usize * 3 + cat as usize - 1) {
                        *c += 1;
                    }
                }
            }
            let disp = display.get(range(&display_end, rec)).unwrap_or_default();
            put_varint(&mut seg.fwd_bytes, disp.len() as u32);
            for &d in disp {
                let i = sorted.partition_point(|&v| v >> 2 < d);
                put_varint(&mut seg.fwd_bytes, i as u32);
            }
            match disp.first() {
                Some(&d1) => {
                    if let Some(c) = start_count.get_mut(d1 as usize) {
                        *c += 1;
                    }
                }
                None => empty_display += 1,
            }
            seg.fwd_off.push(seg.fwd_bytes.len() as u32);
        }
        drop(display);
        seg.start_cum.reserve_exact(term_total + 1);
        let mut acc = empty_display;
        seg.start_cum.push(acc);
        for &c in &start_count {
            acc += c;
            seg.start_cum.push(acc);
        }
        drop(start_count);
        // 4. Posting lists, written in place: a first pass sizes every delta-encoded
        //    list, a second writes it (no intermediate list of all postings).
        let lists = term_total * 3;
        let mut last = vec![u32::MAX; lists];
        let mut bytes_len = vec![0u32; lists];
        let each_posting = |f: &mut dyn FnMut(usize, u32)| {
            for (rank, &rec) in ranks.iter().enumerate() {
                for &v in terms
                    .get(range(&terms_end, rec as usize))
                    .unwrap_or_default()
                {
                    let cat = v & 3;
                    if cat != Cat::Start as u32 {
                        f((v >> 2) as usize * 3 + cat as usize - 1, rank as u32);
                    }
                }
            }
        };
        each_posting(&mut |l, rank| {
            if let (Some(prev), Some(len)) = (last.get_mut(l), bytes_len.get_mut(l)) {
                let gap = if *prev == u32::MAX {
                    rank
                } else {
                    rank - *prev
                };
                *len += varint_len(gap);
                *prev = rank;
            }
        });
        for (l, len) in bytes_len.iter_mut().enumerate() {
            *len += skip_entries(list_count.get(l).copied().unwrap_or(0)) * 8;
        }
        seg.post_off.reserve_exact(term_total + 1);
        seg.post_cum.reserve_exact(term_total + 1);
        let mut cum = 0u32;
        let mut header = Vec::new();
        let mut write_at = vec![0u32; lists];
        let mut data_start = vec![0u32; lists];
        let (mut name_cum, mut mail_cum) = (0u32, 0u32);
        seg.name_cum.reserve_exact(term_total + 1);
        seg.mail_cum.reserve_exact(term_total + 1);
        for t in 0..term_total {
            let count = |l: usize| list_count.get(t * 3 + l).copied().unwrap_or(0);
            let len = |l: usize| bytes_len.get(t * 3 + l).copied().unwrap_or(0);
            header.clear();
            put_varint(&mut header, count(0));
            put_varint(&mut header, len(0));
            put_varint(&mut header, count(1));
            put_varint(&mut header, len(1));
            put_varint(&mut header, count(2));
            seg.post_off.push(seg.post_bytes.len() as u32);
            seg.post_cum.push(cum);
            seg.name_cum.push(name_cum);
            seg.mail_cum.push(mail_cum);
            name_cum += count(0);
            mail_cum += count(1);
            seg.post_bytes.extend_from_slice(&header);
            for l in 0..3 {
                let table = skip_entries(count(l)) * 8;
                if let Some(w) = write_at.get_mut(t * 3 + l) {
                    *w = seg.post_bytes.len() as u32 + table;
                }
                if let Some(w) = data_start.get_mut(t * 3 + l) {
                    *w = seg.post_bytes.len() as u32 + table;
                }
                seg.post_bytes
                    .resize(seg.post_bytes.len() + len(l) as usize, 0);
                cum += count(l);
            }
        }
        seg.post_off.push(seg.post_bytes.len() as u32);
        seg.post_cum.push(cum);
        seg.name_cum.push(name_cum);
        seg.mail_cum.push(mail_cum);
        drop(bytes_len);
        last.iter_mut().for_each(|v| *v = u32::MAX);
        let post_bytes = &mut seg.post_bytes;
        let mut written = vec![0u32; lists];
        each_posting(&mut |l, rank| {
            if let (Some(prev), Some(at), Some(i)) =
                (last.get_mut(l), write_at.get_mut(l), written.get_mut(l))
            {
                let gap = if *prev == u32::MAX {
                    rank
                } else {
                    rank - *prev
                };
                *prev = rank;
                let mut pos = *at as usize;
                write_varint(post_bytes, &mut pos, gap);
                *at = pos as u32;
                if *i > 0 && *i % SKIP_EVERY == 0 {
                    let data = data_start.get(l).copied().unwrap_or(0) as usize;
                    let entries = skip_entries(list_count.get(l).copied().unwrap_or(0)) as usize;
                    let entry = data - entries * 8 + (*i / SKIP_EVERY - 1) as usize * 8;
                    let offset = (pos - data) as u32;
                    if let Some(dst) = post_bytes.get_mut(entry..entry + 8) {
                        let mut e = [0u8; 8];
                        e[..4].copy_from_slice(&rank.to_le_bytes());
                        e[4..].copy_from_slice(&offset.to_le_bytes());
                        dst.copy_from_slice(&e);
                    }
                }
                *i += 1;
            }
        });
        drop(written);
        drop(data_start);
        drop(last);
        drop(write_at);
        drop(terms);
        // 5. Exact addresses, sorted by hash.
        for a in addrs.iter_mut() {
            a.1 = rank_of.get(a.1 as usize).copied().unwrap_or(0);
        }
        addrs.sort_unstable();
        seg.addr_hash = addrs.iter().map(|a| a.0).collect();
        seg.addr_rank = addrs.iter().map(|a| a.1).collect();
        seg.dead = vec![0u64; n.div_ceil(64)];
        // A key added twice keeps its last record.
        let mut by_key: Vec<(Key, u32)> = keys
            .iter()
            .enumerate()
            .map(|(rec, &k)| (k, rec as u32))
            .collect();
        by_key.sort_unstable();
        for pair in by_key.windows(2) {
            if let [(ka, ra), (kb, _)] = pair {
                if ka == kb {
                    seg.kill(rank_of.get(*ra as usize).copied().unwrap_or(u32::MAX));
                }
            }
        }
        seg.post_bytes.shrink_to_fit();
        seg.fwd_bytes.shrink_to_fit();
        seg.term_bytes.shrink_to_fit();
        seg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seek_with_skip_tables_matches_a_linear_scan() {
        let mut b = SegmentBuilder::default();
        let names: Vec<String> = (0..5000).map(|i| format!("N{i:05} Common")).collect();
        for (i, name) in names.iter().enumerate() {
            let person = Person {
                display_name: name,
                job_title: (i % 3 == 0).then_some("Common Lead"),
                user_principal_name: "",
                ..Person::default()
            };
            // Every third record lacks the surname word, so the list has gaps.
            if i % 3 == 1 {
                let other = Person {
                    display_name: "Zed Other",
                    user_principal_name: "",
                    ..Person::default()
                };
                b.add_person(i as Key, &other, 0);
            } else {
                b.add_person(i as Key, &person, 0);
            }
        }
        let seg = b.build(0);
        let (lo, hi) = seg.prefix_range("common");
        assert_eq!(hi, lo + 1);
        let [name, _, _] = seg.postings(lo);
        let all: Vec<u32> = name.clone().collect();
        assert!(all.len() > 3000);
        for start in [
            0u32, 1, 63, 64, 65, 127, 128, 129, 1000, 2500, 4998, 4999, 5000, 9999,
        ] {
            let mut it = name.clone();
            let want = all.iter().copied().find(|&r| r >= start);
            assert_eq!(it.seek(start), want, "seek {start}");
            // Seeking again forward, and reading on linearly, stay consistent.
            let next_target = start + 700;
            let want2 = all.iter().copied().find(|&r| r >= next_target);
            assert_eq!(it.seek(next_target), want2, "seek {next_target}");
            if let Some(w2) = want2 {
                let rest: Vec<u32> = it.collect();
                let want_rest: Vec<u32> = all.iter().copied().filter(|&r| r > w2).collect();
                assert_eq!(rest, want_rest);
            }
        }
    }
}
