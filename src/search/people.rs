//! [`PeopleIndex`]: many records in a few segments, updated in place, searched across
//! segments; and [`BulkLoad`], records collected for one new segment.
//!
//! Where a key lives is found by a binary search of each segment's key order (4 bytes a
//! record, however sparse the keys of one tenant are among the directory's); updates tombstone the old record and add a small segment, and similar-sized segments
//! merge like a binary counter (see the module documentation of `search`).

use super::index::{Forward, Segment, SegmentBuilder};
use super::normalize::{address_hash, address_key};
use super::query::{Candidate, Floor, Searcher};
use super::query_words::{query_words, QueryWords};
use super::short::ShortAnswers;
use super::types::{Hit, Key, Person, QueryError};
use super::KeySet;
use serde::{Deserialize, Serialize};

/// The people index: ranked typeahead search over many records, updated in place.
///
/// Records live in a few immutable segments in display-name order. [`PeopleIndex::upsert`]
/// and [`PeopleIndex::remove`] mark the old version dead and add the new one as a small
/// segment; segments of similar size are merged (log-structured), so no update rebuilds
/// the whole index and the next search sees every change. [`PeopleIndex::extend`] adds
/// many records as one segment (the fast path for a directory's initial load). The index
/// derives `Serialize`/`Deserialize` (plain vectors, no text of the records), so a snapshot
/// can store it as is.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PeopleIndex {
    /// Largest first (see `settle`); visible to the tests, which merge them.
    pub(super) segments: Vec<Segment>,
    pub(super) next_uid: u32,
    pub(super) live: usize,
    /// Kept answers of one- and two-character queries (`short.rs`); never stored.
    #[serde(skip)]
    pub(super) short: ShortAnswers,
}

impl PeopleIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// An index of `people` (key, fields, flags), built in one pass; a key given twice
    /// keeps its last record.
    pub fn from_people<'p>(people: impl IntoIterator<Item = (Key, Person<'p>, u32)>) -> Self {
        let mut index = Self::new();
        index.extend(people);
        index
    }

    /// Keys each record by its rank (its place in display-name order) instead, and
    /// answers the keys the records had, in that order: for writing the records
    /// themselves in that order (a view's shared part), so that a reader goes through the
    /// people in the order they lie in memory rather than at random. `None`, and the index
    /// unchanged, unless it is one segment with no removed record (as `from_people`
    /// builds it).
    pub fn key_by_rank(&mut self) -> Option<Vec<Key>> {
        let [segment] = self.segments.as_mut_slice() else {
            return None;
        };
        if segment.live() != segment.len() {
            return None;
        }
        self.short = ShortAnswers::default();
        Some(segment.key_by_rank())
    }

    /// This index's live records as one segment keyed by rank ([`PeopleIndex::key_by_rank`]),
    /// and the keys they had, in rank order: what a view's shared part writes, made from
    /// the records' stored terms instead of folding every person again. `None` for an
    /// empty index.
    pub fn one_segment_by_rank(&self) -> Option<(PeopleIndex, Vec<Key>)> {
        let mut one = PeopleIndex::new();
        one.live = self.segments.iter().map(|s| s.live() as usize).sum();
        one.merge(&self.segments);
        let keys = one.key_by_rank()?;
        Some((one, keys))
    }

    /// How many records the index holds.
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether the index holds no record.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Approximate heap bytes held by the index.
    pub fn heap_bytes(&self) -> usize {
        self.segments.iter().map(Segment::heap_bytes).sum::<usize>() + self.short.heap_bytes()
    }

    /// Computes the best results of every one- and two-character prefix of the index's
    /// words now (an index under 20,000 records keeps none), so that the first searches of
    /// single letters are as fast as the next ones. Bulk builds and snapshot loads do it
    /// already; later changes keep the results current.
    pub fn warm_short_prefixes(&self) {
        self.short.warm(self);
    }

    /// How many segments the index is split into (one after a bulk build; updates add
    /// small ones that are merged as they grow), for monitoring.
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    /// Where the live record with `key` is: its segment's position and its rank there.
    fn find(&self, key: Key) -> Option<(usize, u32)> {
        self.segments
            .iter()
            .enumerate()
            .find_map(|(pos, s)| Some((pos, s.live_rank_of(key)?)))
    }

    fn take_uid(&mut self) -> u32 {
        let uid = self.next_uid;
        self.next_uid = self.next_uid.wrapping_add(1);
        uid
    }

    /// Adds or replaces one record; the next search sees it.
    pub fn upsert(&mut self, key: Key, person: &Person<'_>, flags: u32) {
        self.extend(std::iter::once((key, *person, flags)));
    }

    /// Adds or replaces many records at once, as one new segment (much faster than
    /// repeated [`PeopleIndex::upsert`] for a large load). A key given twice keeps its last
    /// record.
    pub fn extend<'p>(&mut self, people: impl IntoIterator<Item = (Key, Person<'p>, u32)>) {
        let mut bulk = BulkLoad::default();
        let people = people.into_iter();
        bulk.builder.reserve(people.size_hint().0);
        for (key, person, flags) in people {
            bulk.add(key, &person, flags);
        }
        self.finish_bulk(bulk);
    }

    /// Starts a bulk load: records added to it over several calls become one new segment
    /// when it is handed to [`PeopleIndex::finish_bulk`], so a caller streaming records
    /// in chunks never holds them all at once and still gets a one-segment build.
    ///
    /// ```
    /// use guestpass::search::{PeopleIndex, Person};
    /// let mut index = PeopleIndex::new();
    /// let mut bulk = PeopleIndex::bulk(2);
    /// for (key, name) in [(1, "Ann Lee"), (2, "Anna Schmidt")] {
    ///     bulk.add(key, &Person { display_name: name, ..Person::default() }, 0);
    /// }
    /// index.finish_bulk(bulk);
    /// assert_eq!(index.len(), 2);
    /// ```
    pub fn bulk(expected: usize) -> BulkLoad {
        let mut bulk = BulkLoad::default();
        bulk.builder.reserve(expected);
        bulk
    }

    /// Adds (or replaces) the records of a bulk load as one new segment; a key given
    /// twice keeps its last record.
    pub fn finish_bulk(&mut self, bulk: BulkLoad) {
        let builder = bulk.builder;
        let added = builder.len();
        if added == 0 {
            return;
        }
        for &key in builder.keys() {
            self.remove(key);
        }
        let uid = self.take_uid();
        let seg = builder.build(uid);
        self.short.added(&seg);
        self.install(seg);
        self.settle();
        // A large load computes the short prefixes' results at once; a small change has
        // dropped those it touched, which are computed again when next asked for.
        if added >= self.short.warm_after {
            self.short.warm(self);
        }
    }

    /// Registers a freshly built segment and its live records.
    fn install(&mut self, seg: Segment) {
        self.live += seg.live() as usize;
        self.segments.push(seg);
    }

    /// Merges the newest segments while they are of similar size, drops empty ones.
    fn settle(&mut self) {
        self.segments.retain(|s| s.live() > 0);
        loop {
            let n = self.segments.len();
            if n < 2 {
                break;
            }
            let (Some(a), Some(b)) = (self.segments.get(n - 2), self.segments.get(n - 1)) else {
                break;
            };
            if a.live() > 2 * b.live() {
                break;
            }
            let (Some(b), Some(a)) = (self.segments.pop(), self.segments.pop()) else {
                break;
            };
            self.merge(&[a, b]);
        }
        // Larger segments first keeps the merge order a binary counter.
        crate::order::sort_by_number(&mut self.segments, |s| u128::MAX - u128::from(s.live()));
    }

    /// Rebuilds `parts` into one segment holding their live records.
    pub(super) fn merge(&mut self, parts: &[Segment]) {
        let mut builder = SegmentBuilder::default();
        for seg in parts {
            seg.extract_into(&mut builder);
        }
        let live_before: usize = parts.iter().map(|s| s.live() as usize).sum();
        self.live = self.live.saturating_sub(live_before);
        let uid = self.take_uid();
        let seg = builder.build(uid);
        self.install(seg);
    }

    /// Removes the record with `key`; nothing happens when there is none.
    pub fn remove(&mut self, key: Key) {
        let Some((pos, rank)) = self.find(key) else {
            return;
        };
        if let Some(seg) = self.segments.get(pos) {
            let mut fwd = Forward::default();
            seg.forward(rank, &mut fwd);
            self.short
                .removed(key, fwd.terms.iter().map(|&(t, _)| seg.term(t)));
        }
        let mut compact = false;
        if let Some(seg) = self.segments.get_mut(pos) {
            if seg.kill(rank) {
                self.live = self.live.saturating_sub(1);
            }
            // A segment mostly dead is rewritten, so dead records do not slow searches.
            compact = seg.len() >= 64 && seg.live() < seg.len() / 2;
        }
        if compact {
            let seg = self.segments.remove(pos);
            self.merge(&[seg]);
            self.settle();
        }
    }

    /// The best matches for `query`, best first, at most `limit`.
    ///
    /// Every query word must match the start of a different word of the record (any
    /// order, accents and case ignored, compounds by their pieces or joined). Order: more
    /// exact words first, then more leading words matching the display name's first
    /// elements in order, then lower field weight (names 0, mail/UPN 1, job title 2),
    /// then folded display name, then key.
    ///
    /// `accept(key, flags)` decides whether a matching record may be shown (user type,
    /// exclusions, group membership); rejected records do not count toward `limit`, and the
    /// search goes on until `limit` accepted ones are found. `accept` may be called more
    /// than once for the same key. An empty query, or one with no letters or digits,
    /// answers nothing; a query longer than [`MAX_QUERY_CHARS`] is an error.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
    ) -> Result<Vec<Hit>, QueryError> {
        let words = query_words(query)?;
        if let Some(hits) = self.short.answer(self, &words, limit, accept) {
            return Ok(hits);
        }
        self.search_words(Searcher::default(), &words, limit, accept)
    }

    /// [`PeopleIndex::search`] with a chosen [`Searcher`], never from the kept short
    /// answers (tests force each path with it).
    #[cfg(test)]
    pub(super) fn search_with(
        &self,
        searcher: Searcher,
        query: &str,
        limit: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
    ) -> Result<Vec<Hit>, QueryError> {
        self.search_words(searcher, &query_words(query)?, limit, accept)
    }

    /// The search of a folded query over the segments.
    pub(super) fn search_words(
        &self,
        mut searcher: Searcher,
        query: &QueryWords,
        limit: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
    ) -> Result<Vec<Hit>, QueryError> {
        if query.words.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        searcher.local_hash = query.local;
        let mut accepted = KeySet::default();
        // Segments largest first; once `limit` results are known, a later segment only
        // looks for records scoring at least as well as the last of them.
        let mut found: Vec<(Candidate, usize, Option<String>)> = Vec::new();
        let mut fwd = Forward::default();
        let mut display_of = |seg: Option<&Segment>, rank: u32| {
            let Some(seg) = seg else {
                return String::new();
            };
            seg.forward(rank, &mut fwd);
            let parts: Vec<&str> = fwd.display.iter().map(|&t| seg.term(t)).collect();
            parts.join("\0")
        };
        for (i, seg) in self.segments.iter().enumerate() {
            let floor = if found.len() >= limit {
                found.last_mut().map(|(c, owner, name)| {
                    let display = name
                        .get_or_insert_with(|| display_of(self.segments.get(*owner), c.rank))
                        .clone();
                    Floor {
                        score: c.score,
                        display,
                        key: c.key,
                    }
                })
            } else {
                None
            };
            let hits = searcher.search(
                seg,
                &query.words,
                &query.elements,
                limit,
                accept,
                &mut accepted,
                floor,
            );
            if hits.is_empty() {
                continue;
            }
            if found.is_empty() {
                found = hits.into_iter().map(|c| (c, i, None)).collect();
                continue;
            }
            // Ties across segments: by display name, then key.
            for (c, owner, name) in found.iter_mut() {
                if name.is_none() {
                    *name = Some(display_of(self.segments.get(*owner), c.rank));
                }
            }
            found.extend(
                hits.into_iter()
                    .map(|c| (c, i, Some(display_of(Some(seg), c.rank)))),
            );
            // Best score first, then display name, then key: three stable passes through
            // the crate's shared sorts (`order.rs`) rather than one more sort instantiation
            // in the Wasm module.
            crate::order::sort_by_number(&mut found, |(c, _, _)| u128::from(c.key));
            crate::order::sort_by_text(&mut found, |(_, _, name)| name.as_deref().unwrap_or(""));
            crate::order::sort_by_number(&mut found, |(c, _, _)| u128::MAX - c.score.as_number());
            found.truncate(limit);
        }
        Ok(found
            .into_iter()
            .map(|(c, _, _)| Hit {
                key: c.key,
                score: c.score,
            })
            .collect())
    }

    /// Keys whose mail, other mails or UPN — or the real address inside a guest's
    /// `#EXT#` UPN — equals `address`, ignoring case and surrounding spaces (the lookup a
    /// guest in "limited" mode is allowed). Ascending. Addresses are kept as 64-bit
    /// hashes; a caller that must rule out a (practically impossible) hash collision
    /// compares the returned records' addresses itself.
    pub fn exact_address(&self, address: &str) -> Vec<Key> {
        let k = address_key(address);
        if k.is_empty() {
            return Vec::new();
        }
        let h = address_hash(&k);
        let mut keys: Vec<Key> = self
            .segments
            .iter()
            .flat_map(|seg| {
                seg.ranks_with_address(h)
                    .filter(|&r| !seg.is_dead(r))
                    .filter_map(|r| seg.key(r))
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

/// Records being loaded in bulk (from [`PeopleIndex::bulk`]), not searchable until
/// [`PeopleIndex::finish_bulk`].
#[derive(Default)]
pub struct BulkLoad {
    builder: SegmentBuilder,
}

impl std::fmt::Debug for BulkLoad {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BulkLoad")
            .field("records", &self.builder.len())
            .finish()
    }
}

impl BulkLoad {
    /// Adds a record (fields are folded and split now; nothing of `person` is kept).
    pub fn add(&mut self, key: Key, person: &Person<'_>, flags: u32) {
        self.builder.add_person(key, person, flags);
    }

    /// How many records were added.
    pub fn len(&self) -> usize {
        self.builder.len()
    }

    /// Whether no record was added.
    pub fn is_empty(&self) -> bool {
        self.builder.len() == 0
    }
}
