//! Building a segment: records are collected (folded and split into terms as they
//! come), then [`SegmentBuilder::build`] lays them out in rank order, step by step.

use super::super::normalize::{fold_into, word_text, words_into, FoldedChar, Word};
use super::super::postings::{gap, skip_entries, ListWriter, NONE_YET};
use super::super::{Key, Person};
use super::exact_addresses::{exact_addresses, local_part_hash};
use super::{Cat, Segment};
use crate::hash::BuildMapHasher;
use crate::varint;
use std::collections::HashMap;

/// Collects records (from people or from other segments) and builds one [`Segment`].
#[derive(Default)]
pub(crate) struct SegmentBuilder {
    /// Every distinct term and its provisional id (the term's text is held here only).
    ids: HashMap<Box<str>, u32, BuildMapHasher>,
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
        for w in &words {
            word_text(&self.folded, w, &mut buf);
            if buf.is_empty() {
                continue;
            }
            let id = self.intern(&buf);
            let mut c = cat;
            if display && w.element {
                // The record's display starts where the previous record's ended (at 0
                // for the first record).
                let record_start = self.display_end.last().copied().unwrap_or(0);
                if self.display.len() as u32 == record_start {
                    c = Cat::Start;
                }
                self.display.push(id);
            }
            self.scratch.push(id << 2 | c as u32);
        }
        let hash = match cat {
            Cat::Mail => local_part_hash(&self.folded, &words, &mut buf, &mut self.local),
            _ => None,
        };
        self.buf = buf;
        self.words = words;
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
        // The addresses, then their local parts (another hash domain, for the
        // whole-local-part rank; a guest's UPN has none: its real address is its mail),
        // whose words the address fields add as they are folded.
        let addrs = exact_addresses(person, &mut |text| self.add_field(text, Cat::Mail, false));
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

    /// Builds the segment, in the five steps below: the dictionary sorted and the term
    /// ids renumbered to it, the records put in rank order, their forward records
    /// written, their posting lists written in place, their addresses sorted by hash.
    pub(crate) fn build(self, uid: u32) -> Segment {
        let SegmentBuilder {
            ids,
            keys,
            flags,
            terms,
            terms_end,
            display,
            display_end,
            mut addrs,
            ..
        } = self;
        let mut records = Collected {
            keys,
            flags,
            terms,
            terms_end,
            display,
            display_end,
        };
        // Growth slack of the collected arrays would add to the peak while the segment's
        // own arrays are written: give it back first.
        records.terms.shrink_to_fit();
        records.display.shrink_to_fit();
        addrs.shrink_to_fit();
        // 1. The dictionary, sorted; provisional id -> term id.
        let Dictionary {
            bytes,
            ends,
            new_id,
        } = Dictionary::sorted(ids);
        records.renumber(&new_id);
        drop(new_id);
        let term_total = ends.len();
        let mut seg = Segment {
            uid,
            term_bytes: bytes,
            term_end: ends,
            ..Segment::default()
        };
        // 2. Rank order: display elements, then key.
        let ranks = records.rank_order();
        // 3. Records by rank: keys, flags, forward records, start blocks, posting counts.
        let Ranked {
            list_count,
            rank_of,
        } = write_records(&mut seg, &records, &ranks, term_total);
        records.display = Vec::new();
        // 4. Posting lists, written in place.
        write_postings(&mut seg, &records, &ranks, list_count);
        records.terms = Vec::new();
        // 5. Exact addresses, sorted by hash; a key added twice keeps its last record.
        write_addresses(&mut seg, addrs, &rank_of);
        seg.dead = vec![0u64; records.len().div_ceil(64)];
        kill_replaced(&mut seg, &records.keys, &rank_of);
        seg.order_by_key();
        seg.post_bytes.shrink_to_fit();
        seg.fwd_bytes.shrink_to_fit();
        seg.term_bytes.shrink_to_fit();
        seg
    }
}

/// The records a builder collected, numbered in the order they were added, as flat
/// arrays. Invariants (kept by `finish_record`, their only writer): `keys`, `flags`,
/// `terms_end` and `display_end` hold one entry per record; each `*_end` ascends and its
/// last entry is the length of its flat array; every term id is a provisional id of the
/// builder's dictionary.
struct Collected {
    keys: Vec<Key>,
    flags: Vec<u32>,
    /// Per record, its `term id << 2 | cat` entries, each term once.
    terms: Vec<u32>,
    terms_end: Vec<u32>,
    /// Per record, the term ids of its display elements in reading order.
    display: Vec<u32>,
    display_end: Vec<u32>,
}

impl Collected {
    /// Number of records.
    fn len(&self) -> usize {
        self.keys.len()
    }

    /// The term entries of record `rec`.
    fn terms(&self, rec: usize) -> &[u32] {
        cut(&self.terms, &self.terms_end, rec)
    }

    /// The display term ids of record `rec`.
    fn display(&self, rec: usize) -> &[u32] {
        cut(&self.display, &self.display_end, rec)
    }

    /// Replaces every provisional term id by its place in the sorted dictionary.
    fn renumber(&mut self, new_id: &[u32]) {
        // Provisional ids are dense (`intern` hands out `0..terms`) and `new_id` has one
        // entry per term, so every id has its new one.
        let remap = |p: u32| new_id.get(p as usize).copied();
        for v in self.terms.iter_mut() {
            if let Some(t) = remap(*v >> 2) {
                *v = t << 2 | (*v & 3);
            }
        }
        for v in self.display.iter_mut() {
            if let Some(t) = remap(*v) {
                *v = t;
            }
        }
    }

    /// The record numbers in rank order: by display elements (term ids, in dictionary
    /// order once renumbered), then by key.
    fn rank_order(&self) -> Vec<u32> {
        let mut ranks: Vec<u32> = (0..self.len() as u32).collect();
        ranks.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            self.display(a)
                .cmp(self.display(b))
                .then_with(|| self.keys.get(a).cmp(&self.keys.get(b)))
        });
        ranks
    }
}

/// The entries of record `rec` in `flat`, cut at `ends` (see [`Collected`]): for every
/// record number the invariants hold, so the range is in bounds; `get` only keeps a
/// broken invariant from panicking (a panic kills the WebAssembly instance).
fn cut<'a>(flat: &'a [u32], ends: &[u32], rec: usize) -> &'a [u32] {
    // Record 0 starts at 0, every other where the one before it ended.
    let start = rec
        .checked_sub(1)
        .and_then(|prev| ends.get(prev))
        .map_or(0, |&e| e as usize);
    let end = ends.get(rec).map_or(start, |&e| e as usize);
    flat.get(start..end).unwrap_or_default()
}

/// The list a term entry's record is posted in: `term * 3 + cat - 1` for the name, mail
/// and job lists; `None` for a display name's first element, which is in its term's
/// rank block instead.
fn list_slot(entry: u32) -> Option<usize> {
    let cat = (entry & 3) as usize;
    cat.checked_sub(1)
        .map(|list| (entry >> 2) as usize * 3 + list)
}

/// The sorted term dictionary: its text, each term's end in it, and each provisional
/// id's term id.
struct Dictionary {
    bytes: Vec<u8>,
    ends: Vec<u32>,
    new_id: Vec<u32>,
}

impl Dictionary {
    /// Sorts the interner's terms (moved out of its map, not copied).
    fn sorted(ids: HashMap<Box<str>, u32, BuildMapHasher>) -> Dictionary {
        // The terms by provisional id: ids are `0..terms` (`intern` hands them out
        // densely), so every slot is filled and every id below has its term.
        let mut strings: Vec<Box<str>> = Vec::new();
        strings.resize_with(ids.len(), Box::default);
        for (text, id) in ids {
            if let Some(slot) = strings.get_mut(id as usize) {
                *slot = text;
            }
        }
        let text = |id: u32| strings.get(id as usize).map_or("", |s| s);
        // (term, id) pairs sort as `order.rs` sorts text keys: one sort in the Wasm module
        // for both (the terms are distinct, so the order is the terms').
        let mut terms: Vec<(&str, u32)> = strings.iter().map(|s| &**s).zip(0u32..).collect();
        terms.sort();
        let order: Vec<u32> = terms.into_iter().map(|(_, id)| id).collect();
        let mut dictionary = Dictionary {
            bytes: Vec::new(),
            ends: Vec::with_capacity(strings.len()),
            new_id: vec![0u32; strings.len()],
        };
        for (t, &provisional) in order.iter().enumerate() {
            if let Some(slot) = dictionary.new_id.get_mut(provisional as usize) {
                *slot = t as u32;
            }
            dictionary
                .bytes
                .extend_from_slice(text(provisional).as_bytes());
            dictionary.ends.push(dictionary.bytes.len() as u32);
        }
        dictionary
    }
}

/// What step 3 leaves for the later steps: how many postings each list has, and each
/// record's rank.
struct Ranked {
    list_count: Vec<u32>,
    rank_of: Vec<u32>,
}

/// Step 3: writes the records in rank order (keys, flags, forward records) and the
/// display-name start blocks; counts the postings of every list.
fn write_records(seg: &mut Segment, records: &Collected, ranks: &[u32], terms: usize) -> Ranked {
    let n = records.len();
    seg.keys.reserve_exact(n);
    seg.flags.reserve_exact(n);
    seg.fwd_off.reserve_exact(n + 1);
    seg.fwd_bytes.reserve(records.terms.len() * 2 + n * 4);
    seg.fwd_off.push(0);
    let mut start_count = vec![0u32; terms];
    let mut empty_display = 0u32;
    let mut list_count = vec![0u32; terms * 3];
    let mut rank_of = vec![0u32; n];
    let mut sorted: Vec<u32> = Vec::new();
    for (rank, &rec) in ranks.iter().enumerate() {
        // `ranks` is a permutation of the record numbers (step 2): `rec` is one.
        let rec = rec as usize;
        if let Some(slot) = rank_of.get_mut(rec) {
            *slot = rank as u32;
        }
        if let (Some(&key), Some(&flags)) = (records.keys.get(rec), records.flags.get(rec)) {
            seg.keys.push(key);
            seg.flags.push(flags);
        }
        sorted.clear();
        sorted.extend_from_slice(records.terms(rec));
        sorted.sort_unstable();
        let display = records.display(rec);
        write_forward(&mut seg.fwd_bytes, &sorted, display);
        for slot in sorted.iter().filter_map(|&v| list_slot(v)) {
            if let Some(c) = list_count.get_mut(slot) {
                *c += 1;
            }
        }
        match display.first() {
            Some(&first) => {
                if let Some(c) = start_count.get_mut(first as usize) {
                    *c += 1;
                }
            }
            None => empty_display += 1,
        }
        seg.fwd_off.push(seg.fwd_bytes.len() as u32);
    }
    // Records without a display name rank first, before every term's block.
    seg.start_cum.reserve_exact(terms + 1);
    let mut acc = empty_display;
    seg.start_cum.push(acc);
    for c in start_count {
        acc += c;
        seg.start_cum.push(acc);
    }
    Ranked {
        list_count,
        rank_of,
    }
}

/// Writes one forward record: the count of its terms, each term as the gap from the one
/// before with its class in the low two bits (`sorted`: `id << 2 | cat`, ascending),
/// then the count of its display elements and each one's position among those terms.
fn write_forward(out: &mut Vec<u8>, sorted: &[u32], display: &[u32]) {
    let put = |out: &mut Vec<u8>, v: u32| varint::put(out, u64::from(v));
    put(out, sorted.len() as u32);
    let mut last = 0u32;
    for &v in sorted {
        let t = v >> 2;
        put(out, (t - last) << 2 | (v & 3));
        last = t;
    }
    put(out, display.len() as u32);
    for &d in display {
        put(out, sorted.partition_point(|&v| v >> 2 < d) as u32);
    }
}

/// Calls `f(list, rank)` for every posting, in rank order.
fn each_posting(records: &Collected, ranks: &[u32], mut f: impl FnMut(usize, u32)) {
    for (rank, &rec) in ranks.iter().enumerate() {
        for list in records
            .terms(rec as usize)
            .iter()
            .filter_map(|&v| list_slot(v))
        {
            f(list, rank as u32);
        }
    }
}

/// Step 4: the posting lists, written in place: a first pass sizes every delta-encoded
/// list, the headers and room for each list are laid out, a second pass writes the
/// postings and their skip entries (no intermediate list of all postings).
fn write_postings(seg: &mut Segment, records: &Collected, ranks: &[u32], list_count: Vec<u32>) {
    let sizes = size_lists(records, ranks, &list_count);
    let mut writers = lay_out_lists(seg, &list_count, &sizes);
    drop(sizes);
    drop(list_count);
    let post_bytes = &mut seg.post_bytes;
    each_posting(records, ranks, |list, rank| {
        if let Some(w) = writers.get_mut(list) {
            w.write(post_bytes, rank);
        }
    });
}

/// Each list's byte length: its postings' varints and its skip table.
fn size_lists(records: &Collected, ranks: &[u32], list_count: &[u32]) -> Vec<u32> {
    let mut last = vec![NONE_YET; list_count.len()];
    let mut bytes = vec![0u32; list_count.len()];
    each_posting(records, ranks, |list, rank| {
        if let (Some(prev), Some(len)) = (last.get_mut(list), bytes.get_mut(list)) {
            *len += varint::encoded_len(u64::from(gap(rank, *prev))) as u32;
            *prev = rank;
        }
    });
    for (len, &count) in bytes.iter_mut().zip(list_count) {
        *len += skip_entries(count) * 8;
    }
    bytes
}

/// Writes every term's header (count and byte length of the name and mail lists, count
/// of the job list), its offsets and cumulative counts, and room for its three lists;
/// answers where each list is written.
fn lay_out_lists(seg: &mut Segment, list_count: &[u32], sizes: &[u32]) -> Vec<ListWriter> {
    let terms = list_count.len() / 3;
    seg.post_off.reserve_exact(terms + 1);
    seg.post_cum.reserve_exact(terms + 1);
    seg.name_cum.reserve_exact(terms + 1);
    seg.mail_cum.reserve_exact(terms + 1);
    let mut writers = Vec::with_capacity(list_count.len());
    let (mut cum, mut name_cum, mut mail_cum) = (0u32, 0u32, 0u32);
    let mut header = Vec::new();
    for t in 0..terms {
        // Both slices hold three entries per term: name, mail, job.
        let lists = t * 3..t * 3 + 3;
        let (Some(&[cn, cm, cj]), Some(&[ln, lm, lj])) =
            (list_count.get(lists.clone()), sizes.get(lists))
        else {
            continue;
        };
        header.clear();
        for v in [cn, ln, cm, lm, cj] {
            varint::put(&mut header, u64::from(v));
        }
        seg.post_off.push(seg.post_bytes.len() as u32);
        seg.post_cum.push(cum);
        seg.name_cum.push(name_cum);
        seg.mail_cum.push(mail_cum);
        name_cum += cn;
        mail_cum += cm;
        seg.post_bytes.extend_from_slice(&header);
        for (count, len) in [(cn, ln), (cm, lm), (cj, lj)] {
            let table = seg.post_bytes.len() as u32;
            let data = table + skip_entries(count) * 8;
            writers.push(ListWriter::new(table, data));
            seg.post_bytes
                .resize(seg.post_bytes.len() + len as usize, 0);
            cum += count;
        }
    }
    seg.post_off.push(seg.post_bytes.len() as u32);
    seg.post_cum.push(cum);
    seg.name_cum.push(name_cum);
    seg.mail_cum.push(mail_cum);
    writers
}

/// Step 5: the exact-address hashes with their records' ranks, sorted.
fn write_addresses(seg: &mut Segment, mut addrs: Vec<(u64, u32)>, rank_of: &[u32]) {
    for a in addrs.iter_mut() {
        // `finish_record` pairs each hash with its own record's number.
        if let Some(&rank) = rank_of.get(a.1 as usize) {
            a.1 = rank;
        }
    }
    addrs.sort_unstable();
    seg.addr_hash = addrs.iter().map(|a| a.0).collect();
    seg.addr_rank = addrs.iter().map(|a| a.1).collect();
}

/// Tombstones every record of a key added more than once but its last.
fn kill_replaced(seg: &mut Segment, keys: &[Key], rank_of: &[u32]) {
    let mut by_key: Vec<(Key, u32)> = keys
        .iter()
        .enumerate()
        .map(|(rec, &k)| (k, rec as u32))
        .collect();
    by_key.sort_unstable();
    for pair in by_key.windows(2) {
        if let [(ka, ra), (kb, _)] = pair {
            if ka == kb {
                if let Some(&rank) = rank_of.get(*ra as usize) {
                    seg.kill(rank);
                }
            }
        }
    }
}
