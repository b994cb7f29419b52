//! Posting lists: the ranks of the records holding a term in one field class, ascending,
//! delta- and varint-encoded, with a skip table when long; the cursor that reads and
//! seeks them, and the writer the segment builder fills them with.

use crate::varint::{self, read_u32_trusted as get_varint};

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

/// How many skip entries a list of `count` postings has.
pub(crate) fn skip_entries(count: u32) -> u32 {
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
    pub(crate) fn new(raw: &'a [u8], count: u32) -> Postings<'a> {
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

/// The gap a posting is stored as: its rank, or its distance from the list's previous
/// one (`NONE_YET` when it is the first).
pub(crate) fn gap(rank: u32, previous: u32) -> u32 {
    if previous == NONE_YET {
        rank
    } else {
        rank - previous
    }
}

/// The previous rank of a list that has no posting yet.
pub(crate) const NONE_YET: u32 = u32::MAX;

/// Where one posting list is written in the posting bytes, and how far.
pub(crate) struct ListWriter {
    /// Start of its skip table.
    table: u32,
    /// Start of its postings (after the skip table).
    data: u32,
    /// Where the next posting goes.
    at: u32,
    /// Postings written so far.
    written: u32,
    /// The last rank written (`NONE_YET` before the first).
    last: u32,
}

impl ListWriter {
    /// A writer of the list whose skip table starts at `table` and postings at `data`.
    pub(crate) fn new(table: u32, data: u32) -> ListWriter {
        ListWriter {
            table,
            data,
            at: data,
            written: 0,
            last: NONE_YET,
        }
    }

    /// Writes the posting of `rank` (ranks come ascending), and a skip entry after every
    /// [`SKIP_EVERY`]th: the rank and the offset just past its posting.
    pub(crate) fn write(&mut self, bytes: &mut [u8], rank: u32) {
        let mut pos = self.at as usize;
        varint::put_at(bytes, &mut pos, u64::from(gap(rank, self.last)));
        self.last = rank;
        self.at = pos as u32;
        if self.written > 0 && self.written % SKIP_EVERY == 0 {
            let entry = (self.table + (self.written / SKIP_EVERY - 1) * 8) as usize;
            let offset = self.at - self.data;
            if let Some(dst) = bytes.get_mut(entry..entry + 8) {
                let mut e = [0u8; 8];
                e[..4].copy_from_slice(&rank.to_le_bytes());
                e[4..].copy_from_slice(&offset.to_le_bytes());
                dst.copy_from_slice(&e);
            }
        }
        self.written += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::index::SegmentBuilder;
    use super::super::{Key, Person};

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
