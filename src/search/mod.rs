//! The typeahead engine: plain records in, ranked matches out.
//!
//! It knows people only as borrowed field values ([`Person`]) under a caller-chosen
//! [`Key`] with caller-defined `flags` (user type, …), never tenants or sessions, so it
//! can be tested and benchmarked alone. The caller keeps the records; the index keeps
//! only folded words, which is why highlights are computed by [`highlight`] from the
//! record the caller already holds.
//!
//! - Matching and word splitting: [`normalize`] (accent and case folding, compounds,
//!   e-mail addresses, guest UPNs, CJK).
//! - Ranking: [`Score`] and the rule in `rank.rs` — exact words, then display-name start,
//!   then field weight (names, then mail/UPN, then job title), then display name and key.
//! - Layout and speed: `index.rs` (compact immutable segments in display-name order) and
//!   `query.rs` (bounded search that stops once `limit` results are certain).
//!
//! **How it stays fast and small.** Records are kept in display-name order, so every
//! display name starting with a prefix is one contiguous rank interval, with no posting
//! list at all; other words have delta/varint-encoded posting lists (with skip tables
//! when long) sorted by the same rank. Because rank order is the final tie-break, a query
//! reads candidates part by part in rank order, each part with an upper bound on the
//! score its records can reach, and stops as soon as `limit` accepted results beat every
//! bound: a single letter typically reads the first `limit` records of one interval. The
//! first words typed in display order are narrowed level by level with binary searches
//! (`john sm` goes straight to the "John Sm…" records); records holding every exact word
//! are found by leapfrogging their lists; when a query keeps scoring candidates that do
//! not match, a bitmap intersection of its words' postings takes over. No text of the
//! records is stored: terms once in a sorted dictionary, a varint forward record per
//! person (its terms with their best field, and its display-name order), and 64-bit
//! hashes of its addresses — about 64 bytes per person on a realistic directory.
//!
//! **Updates** never rebuild a large index: a change marks the old record dead and adds a
//! small segment; similar-sized segments merge like a binary counter (amortized
//! O(log n) rewrites per record), a mostly-dead segment is rewritten alone, and a search
//! reads every segment (the later ones only for records that can still enter the
//! results). **Snapshots:** [`PeopleIndex`] derives `Serialize`/`Deserialize` (plain
//! vectors), and it can always be rebuilt from the records instead.
//!
//! ```
//! use guestpass::search::{PeopleIndex, Person};
//! let mut index = PeopleIndex::new();
//! let person = Person {
//!     display_name: "Déborah O'Brien",
//!     mail: Some("deborah.obrien@contoso.com"),
//!     user_principal_name: "deborah.obrien@contoso.com",
//!     ..Person::default()
//! };
//! index.upsert(7, &person, 0);
//! let hits = index.search("deb obr", 10, &mut |_key, _flags| true)?;
//! assert_eq!(hits.first().map(|h| h.key), Some(7));
//! # Ok::<(), guestpass::search::QueryError>(())
//! ```

mod index;
pub mod normalize;
mod query;
mod rank;

pub use rank::{display_order, Score};

use index::{Forward, Segment, SegmentBuilder};
use normalize::{
    address_hash, address_key, fold_into, upn_search_part, word_text, words_into, FoldedChar, Word,
    WordKind,
};
use query::{Candidate, Floor, Searcher};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The keys a search has accepted so far.
pub(crate) type KeySet = HashSet<Key, index::BuildFx>;

/// A record's handle, chosen by the caller (dense small numbers keep the index smallest).
pub type Key = u32;

/// The longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 256;

/// One person's searchable fields, borrowed from the caller's record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Person<'a> {
    /// Name shown in pickers; its first word ranks highest.
    pub display_name: &'a str,
    /// First name.
    pub given_name: Option<&'a str>,
    /// Last name.
    pub surname: Option<&'a str>,
    /// Real address (a guest's home address).
    pub mail: Option<&'a str>,
    /// Further addresses.
    pub other_mails: &'a [String],
    /// Sign-in name; a guest's `alice_contoso.com#EXT#@…` is searched as `alice@contoso.com`.
    pub user_principal_name: &'a str,
    /// Job title, weighted lowest.
    pub job_title: Option<&'a str>,
}

/// A field of [`Person`], for highlights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// `displayName`.
    DisplayName,
    /// `givenName`.
    GivenName,
    /// `surname`.
    Surname,
    /// `mail`.
    Mail,
    /// `otherMails[i]`.
    OtherMail(u16),
    /// `userPrincipalName`.
    UserPrincipalName,
    /// `jobTitle`.
    JobTitle,
}

/// A matched range of one field: UTF-16 code-unit offsets into the original value, so
/// JavaScript's `value.slice(start, end)` is the part to bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Highlight {
    /// Which field.
    pub field: Field,
    /// First UTF-16 code unit.
    pub start: u32,
    /// One past the last UTF-16 code unit.
    pub end: u32,
}

/// One search result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The record's key.
    pub key: Key,
    /// Why it ranks where it does (exact words, display-name start, field weight).
    pub score: Score,
}

/// A query that cannot be run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// More than [`MAX_QUERY_CHARS`] characters.
    #[error("the query has {chars} characters; at most {limit} are searched, shorten it")]
    TooLong {
        /// Characters in the query.
        chars: usize,
        /// The limit, [`MAX_QUERY_CHARS`].
        limit: usize,
    },
}

impl QueryError {
    /// The stable machine-readable code: `"QUERY_TOO_LONG"`.
    pub fn code(&self) -> &'static str {
        match self {
            QueryError::TooLong { .. } => "QUERY_TOO_LONG",
        }
    }
}

/// Where a key lives: `(segment uid + 1) << 32 | rank`; 0 = nowhere.
type Loc = u64;

/// Keys at most this far past the current table (or the number of records) use a dense
/// table; farther ones a map, so a stray huge key cannot allocate gigabytes.
const DENSE_SLACK: usize = 1 << 20;

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
    segments: Vec<Segment>,
    next_uid: u32,
    loc: Vec<Loc>,
    sparse: HashMap<Key, Loc>,
    live: usize,
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
        self.segments.iter().map(Segment::heap_bytes).sum::<usize>()
            + self.loc.capacity() * 8
            + self.sparse.capacity() * 16
    }

    /// How many segments the index is split into (one after a bulk build; updates add
    /// small ones that are merged as they grow), for monitoring.
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    fn loc_of(&self, key: Key) -> Loc {
        match self.loc.get(key as usize) {
            Some(&l) if l != 0 => l,
            _ => self.sparse.get(&key).copied().unwrap_or(0),
        }
    }

    fn set_loc(&mut self, key: Key, loc: Loc) {
        let k = key as usize;
        if k < self.loc.len() {
            if let Some(slot) = self.loc.get_mut(k) {
                *slot = loc;
            }
            if loc != 0 {
                self.sparse.remove(&key);
            }
            return;
        }
        if k <= self.loc.len().max(self.live * 2) + DENSE_SLACK {
            if loc != 0 {
                self.loc.resize(k + 1, 0);
                if let Some(slot) = self.loc.get_mut(k) {
                    *slot = loc;
                }
                self.sparse.remove(&key);
            } else {
                self.sparse.remove(&key);
            }
        } else if loc == 0 {
            self.sparse.remove(&key);
        } else {
            self.sparse.insert(key, loc);
        }
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
        if builder.len() == 0 {
            return;
        }
        for &key in builder.keys() {
            self.remove(key);
        }
        let uid = self.take_uid();
        let seg = builder.build(uid);
        self.install(seg);
        self.settle();
    }

    /// Registers a freshly built segment: its keys' locations and the live count.
    fn install(&mut self, seg: Segment) {
        let tag = (u64::from(seg.uid) + 1) << 32;
        for rank in 0..seg.len() {
            if seg.is_dead(rank) {
                continue;
            }
            if let Some(key) = seg.key(rank) {
                self.set_loc(key, tag | u64::from(rank));
                self.live += 1;
            }
        }
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
    fn merge(&mut self, parts: &[Segment]) {
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
        let loc = self.loc_of(key);
        if loc == 0 {
            return;
        }
        let uid = ((loc >> 32) - 1) as u32;
        let rank = (loc & 0xffff_ffff) as u32;
        self.set_loc(key, 0);
        let Some(pos) = self.segments.iter().position(|s| s.uid == uid) else {
            return;
        };
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
        self.search_with(Searcher::default(), query, limit, accept)
    }

    fn search_with(
        &self,
        mut searcher: Searcher,
        query: &str,
        limit: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
    ) -> Result<Vec<Hit>, QueryError> {
        let query = query_words(query)?;
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
            found.sort_by(|(a, _, an), (b, _, bn)| {
                b.score
                    .cmp(&a.score)
                    .then_with(|| an.cmp(bn))
                    .then(a.key.cmp(&b.key))
            });
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

/// A query, folded: its words (pieces; compounds are matched through their pieces) and
/// its elements (a compound typed with its apostrophe or hyphen is one element, joined),
/// which are compared with the display name's elements for the in-order rank.
#[derive(Debug, Default)]
struct QueryWords {
    words: Vec<String>,
    elements: Vec<String>,
    /// The query read as a mail local part: the hash of `\0` and its words joined by a
    /// space — what segments keep for the local part of every address (`index.rs`), so
    /// `Lei.Chen`, `lei chen` and `lei-chen` all find `lei.chen@…`; the leading NUL keeps
    /// these hashes apart from whole-address ones.
    local: Option<u64>,
}

fn query_words(query: &str) -> Result<QueryWords, QueryError> {
    let chars = query.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong {
            chars,
            limit: MAX_QUERY_CHARS,
        });
    }
    let mut folded = Vec::new();
    let mut words = Vec::new();
    fold_into(query, &mut folded);
    words_into(&folded, &mut words);
    let mut buf = String::new();
    let mut out = QueryWords::default();
    for w in &words {
        word_text(&folded, w, &mut buf);
        if buf.is_empty() {
            continue;
        }
        if w.kind == WordKind::Piece {
            out.words.push(buf.clone());
        }
        if w.element {
            out.elements.push(buf.clone());
        }
    }
    if !out.words.is_empty() {
        let mut key = String::from("\0");
        key.push_str(&out.words.join(" "));
        out.local = Some(address_hash(&key));
    }
    Ok(out)
}

/// The ranges of `person` to bold for `query`: every word of a field that starts with a
/// query word (pieces, joined compounds and CJK starts alike), from the word's start to
/// the end of the matched prefix, in UTF-16 offsets of the original value. Sorted by
/// field, then offset; overlapping ranges are merged. Call it for the hits of
/// [`PeopleIndex::search`] with the same query. An invalid or empty query has none.
/// For several records of one query, a [`Highlighter`] folds the query once.
pub fn highlight(query: &str, person: &Person<'_>) -> Vec<Highlight> {
    Highlighter::new(query).highlight(person)
}

/// A query prepared for [`highlight`]ing many records: folded once, with reusable buffers.
///
/// ```
/// use guestpass::search::{Field, Highlighter, Person};
/// let mut hl = Highlighter::new("deb");
/// let person = Person { display_name: "Déborah Lefèvre", ..Person::default() };
/// let ranges = hl.highlight(&person);
/// assert_eq!((ranges[0].field, ranges[0].start, ranges[0].end), (Field::DisplayName, 0, 3));
/// ```
#[derive(Debug, Default)]
pub struct Highlighter {
    words: Vec<Vec<char>>,
    /// First characters of the query words (a word starting otherwise is skipped).
    firsts: Vec<char>,
    folded: Vec<FoldedChar>,
    fwords: Vec<Word>,
    ranges: Vec<(u32, u32)>,
    /// Folds ASCII fields too (tests compare both ways).
    general_only: bool,
    /// Highlights every field on its own, never reusing another's ranges (tests compare
    /// both ways).
    no_reuse: bool,
    /// Per ASCII byte, whether a query word starts with it (lowercase and uppercase).
    ascii_firsts: Vec<bool>,
}

/// Whether `display` is `given`, one space, then `surname` ("Déborah Lefèvre"): then the
/// two fields are pieces of the display name cut at a separator, whose words and ranges
/// are the display name's own.
fn is_joined_by_space(display: &str, given: &str, surname: &str) -> bool {
    display.len() == given.len() + 1 + surname.len()
        && display.starts_with(given)
        && display.ends_with(surname)
        && display.as_bytes().get(given.len()) == Some(&b' ')
}

/// Appends the given-name and surname ranges cut from the display name's, which start at
/// `out[display_at]` (see [`is_joined_by_space`]): a range never spans the space, since
/// ranges lie inside words and merge only when they overlap.
fn split_display(out: &mut Vec<Highlight>, display_at: usize, given: &str) {
    let given_end = given.encode_utf16().count() as u32;
    let display_end = out.len();
    for field in [Field::GivenName, Field::Surname] {
        for i in display_at..display_end {
            let Some(&h) = out.get(i) else { continue };
            let range = match field {
                Field::GivenName if h.end <= given_end => Some((h.start, h.end)),
                Field::Surname if h.start > given_end => {
                    Some((h.start - given_end - 1, h.end - given_end - 1))
                }
                _ => None,
            };
            if let Some((start, end)) = range {
                out.push(Highlight { field, start, end });
            }
        }
    }
}

/// The class of each ASCII byte as `words_into` sees it: 0 separator, 1 letter, 2 digit,
/// 3 joiner (`'`, `` ` ``, `-`).
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() {
            1
        } else if b.is_ascii_digit() {
            2
        } else if b == b'\'' || b == b'`' || b == b'-' {
            3
        } else {
            0
        };
        i += 1;
    }
    t
};

impl Highlighter {
    /// Prepares `query` (an invalid or empty one highlights nothing).
    pub fn new(query: &str) -> Highlighter {
        let words: Vec<Vec<char>> = query_words(query)
            .map(|q| q.words)
            .unwrap_or_default()
            .iter()
            .map(|w| w.chars().collect())
            .collect();
        // Sorted as numbers: the crate's `u32` sort, not one more instantiation for `char`.
        let mut codes: Vec<u32> = words
            .iter()
            .filter_map(|w| w.first())
            .map(|&c| u32::from(c))
            .collect();
        codes.sort_unstable();
        codes.dedup();
        let firsts: Vec<char> = codes.into_iter().filter_map(char::from_u32).collect();
        let mut ascii_firsts = vec![false; 128];
        for c in firsts.iter().filter(|c| c.is_ascii()) {
            for b in [c.to_ascii_lowercase(), c.to_ascii_uppercase()] {
                if let Some(slot) = ascii_firsts.get_mut(b as usize) {
                    *slot = true;
                }
            }
        }
        Highlighter {
            words,
            firsts,
            ascii_firsts,
            ..Highlighter::default()
        }
    }

    /// The ranges of `person` to bold (see [`highlight`]).
    pub fn highlight(&mut self, person: &Person<'_>) -> Vec<Highlight> {
        let mut out = Vec::new();
        self.highlight_into(person, &mut out);
        out
    }

    /// Appends the ranges of `person` to bold to `out` (see [`highlight`]): for many
    /// records, one buffer instead of one allocation each.
    pub fn highlight_into(&mut self, person: &Person<'_>, out: &mut Vec<Highlight>) {
        if self.words.is_empty() {
            return;
        }
        let display_at = out.len();
        self.field(Field::DisplayName, person.display_name, out);
        match (person.given_name, person.surname) {
            (Some(given), Some(surname))
                if !self.no_reuse && is_joined_by_space(person.display_name, given, surname) =>
            {
                split_display(out, display_at, given);
            }
            (given, surname) => {
                if let Some(v) = given {
                    self.field(Field::GivenName, v, out);
                }
                if let Some(v) = surname {
                    self.field(Field::Surname, v, out);
                }
            }
        }
        let mail_at = out.len();
        if let Some(v) = person.mail {
            self.field(Field::Mail, v, out);
        }
        let mail_end = out.len();
        for (i, m) in person.other_mails.iter().enumerate() {
            let field = Field::OtherMail(i.min(usize::from(u16::MAX)) as u16);
            self.field(field, m, out);
        }
        let upn = upn_search_part(person.user_principal_name);
        if !self.no_reuse && person.mail == Some(upn) {
            // A member's sign-in name is usually their mail: the same text, the same ranges.
            for i in mail_at..mail_end {
                if let Some(&h) = out.get(i) {
                    out.push(Highlight {
                        field: Field::UserPrincipalName,
                        ..h
                    });
                }
            }
        } else {
            self.field(Field::UserPrincipalName, upn, out);
        }
        if let Some(v) = person.job_title {
            self.field(Field::JobTitle, v, out);
        }
    }

    /// The ranges of an ASCII field, without folding: the same words as `words_into`
    /// makes of it (pieces are runs of letters or of digits; a chunk with a joiner — `'`,
    /// `` ` `` or `-` — between two pieces is also one joined word), compared byte by
    /// byte with the query words, with byte offsets (UTF-16 offsets in ASCII). Only words
    /// starting with the first letter of a query word are compared.
    fn ascii_ranges(&mut self, text: &[u8]) {
        let class = |i: usize| {
            text.get(i)
                .and_then(|&b| ASCII_CLASS.get(usize::from(b)))
                .copied()
                .unwrap_or(0)
        };
        let n = text.len();
        let mut i = 0usize;
        while i < n {
            if class(i) == 0 {
                i += 1;
                continue;
            }
            let (mut pieces, mut joined_inside, mut seen, mut pending) = (0, false, false, false);
            // The chunk's first piece starts its joined word too.
            let mut first_piece: Option<usize> = None;
            loop {
                let c = class(i);
                if i >= n || c == 0 {
                    break;
                }
                if c == 3 {
                    pending |= seen;
                    i += 1;
                    continue;
                }
                let piece_start = i;
                while i < n && class(i) == c {
                    i += 1;
                }
                joined_inside |= pending;
                pending = false;
                seen = true;
                pieces += 1;
                first_piece.get_or_insert(piece_start);
                if self.starts_a_query_word(text, piece_start) {
                    self.ascii_match(text, piece_start, i);
                }
            }
            if joined_inside && pieces >= 2 {
                if let Some(s) = first_piece {
                    let mut e = i;
                    while e > s && class(e - 1) == 3 {
                        e -= 1;
                    }
                    if self.starts_a_query_word(text, s) {
                        self.ascii_match(text, s, e);
                    }
                }
            }
        }
    }

    /// Whether the ASCII byte at `at` starts some query word (either case).
    fn starts_a_query_word(&self, text: &[u8], at: usize) -> bool {
        text.get(at)
            .and_then(|&b| self.ascii_firsts.get(usize::from(b)))
            .copied()
            .unwrap_or(false)
    }

    /// Pushes the range of every query word that starts the word `text[start..end]`
    /// (joiners inside skipped).
    fn ascii_match(&mut self, text: &[u8], start: usize, end: usize) {
        for q in &self.words {
            if q.is_empty() {
                continue;
            }
            let mut pos = start;
            let mut last = None;
            let mut ok = true;
            for &qc in q {
                while pos < end && matches!(text.get(pos), Some(b'\'' | b'`' | b'-')) {
                    pos += 1;
                }
                let Some(&b) = text.get(pos).filter(|_| pos < end) else {
                    ok = false;
                    break;
                };
                if char::from(b.to_ascii_lowercase()) != qc {
                    ok = false;
                    break;
                }
                last = Some(pos);
                pos += 1;
            }
            if let (true, Some(last)) = (ok, last) {
                self.ranges.push((start as u32, last as u32 + 1));
            }
        }
    }

    /// Appends the merged ranges of one field to `out`.
    fn field(&mut self, field: Field, text: &str, out: &mut Vec<Highlight>) {
        self.ranges.clear();
        if text.is_ascii() && !self.general_only {
            self.ascii_ranges(text.as_bytes());
            self.merge_into(field, out);
            return;
        }
        fold_into(text, &mut self.folded);
        words_into(&self.folded, &mut self.fwords);
        for w in &self.fwords {
            let word = self
                .folded
                .get(w.start as usize..w.end as usize)
                .unwrap_or_default();
            let first = word.iter().find(|f| f.class != normalize::Class::Joiner);
            let Some(first) = first.filter(|f| self.firsts.binary_search(&f.ch).is_ok()) else {
                continue;
            };
            for q in &self.words {
                // The word's characters (joiners skipped) must start with `q`.
                let mut chars = word.iter().filter(|f| f.class != normalize::Class::Joiner);
                let mut end = None;
                for &qc in q {
                    match chars.next() {
                        Some(f) if f.ch == qc => end = Some(f.end),
                        _ => {
                            end = None;
                            break;
                        }
                    }
                }
                if let Some(end) = end {
                    self.ranges.push((first.start, end));
                }
            }
        }
        self.merge_into(field, out);
    }

    /// Appends the collected ranges, sorted and merged, to `out`.
    fn merge_into(&mut self, field: Field, out: &mut Vec<Highlight>) {
        if self.ranges.is_empty() {
            return;
        }
        self.ranges.sort_unstable();
        let at = out.len();
        for &(start, end) in &self.ranges {
            match out.get_mut(at..).and_then(|m| m.last_mut()) {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ => out.push(Highlight { field, start, end }),
            }
        }
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

#[cfg(test)]
mod tests {
    use super::rank::{score, Scratch, SegWord};
    use super::*;

    /// Scores every live record: what the bounded search must return.
    fn naive(
        index: &PeopleIndex,
        query: &str,
        limit: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
    ) -> Vec<(Key, Score)> {
        let QueryWords {
            words,
            elements,
            local,
        } = query_words(query).unwrap();
        if words.is_empty() {
            return Vec::new();
        }
        let mut all: Vec<(Score, String, Key)> = Vec::new();
        let mut fwd = Forward::default();
        let mut scratch = Scratch::default();
        for seg in &index.segments {
            let resolve = |w: &String| {
                let (lo, hi) = seg.prefix_range(w);
                let exact = (lo < hi && seg.term(lo) == w.as_str()).then_some(lo);
                SegWord { lo, hi, exact }
            };
            let sw: Vec<SegWord> = words.iter().map(resolve).collect();
            let se: Vec<SegWord> = elements.iter().map(resolve).collect();
            for rank in 0..seg.len() {
                if seg.is_dead(rank) {
                    continue;
                }
                seg.forward(rank, &mut fwd);
                let Some(mut sc) = score(&sw, &se, &fwd, &mut scratch) else {
                    continue;
                };
                if local.is_some_and(|h| seg.ranks_with_address(h).any(|r| r == rank)) {
                    sc.local = 1;
                }
                let key = seg.key(rank).unwrap();
                if !accept(key, seg.flags(rank)) {
                    continue;
                }
                let name: Vec<&str> = fwd.display.iter().map(|&t| seg.term(t)).collect();
                all.push((sc, name.join("\0"), key));
            }
        }
        all.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        all.into_iter()
            .take(limit)
            .map(|(s, _, k)| (k, s))
            .collect()
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[(self.next() % items.len() as u64) as usize]
        }
    }

    const GIVEN: &[&str] = &[
        "Ann", "Anna", "Annabel", "John", "Johnny", "Jo", "J", "Sam", "Samuel", "Zoë", "Ōta",
        "Jean-Luc", "Mary", "Smith",
    ];
    const SUR: &[&str] = &[
        "Smith",
        "Smithers",
        "Smyth",
        "O'Brien",
        "García-López",
        "Ann",
        "John",
        "Johnson",
        "van der Berg",
        "S",
        "Sam",
        "Lee",
    ];
    const JOBS: &[&str] = &[
        "Sales Manager",
        "Engineer",
        "Smith",
        "Annotator",
        "",
        "Lead John",
    ];

    fn random_index(rng: &mut Rng, n: u32) -> PeopleIndex {
        let mut index = PeopleIndex::new();
        let mut batch: Vec<(Key, String, String, String, u32)> = Vec::new();
        for key in 0..n {
            let g = rng.pick(GIVEN);
            let s = rng.pick(SUR);
            let display = match rng.next() % 4 {
                0 => format!("{s} {g}"),
                1 => format!("{g} {} {s}", rng.pick(GIVEN)),
                _ => format!("{g} {s}"),
            };
            let mail = format!("{}.{}@x{}.com", fold(g), fold(s), rng.next() % 3);
            let job = rng.pick(JOBS).to_string();
            batch.push((key, display, mail, job, (rng.next() % 4) as u32));
        }
        fn person(r: &(Key, String, String, String, u32)) -> Person<'_> {
            Person {
                display_name: &r.1,
                given_name: None,
                surname: None,
                mail: Some(&r.2),
                other_mails: &[],
                user_principal_name: &r.2,
                job_title: Some(&r.3),
            }
        }
        let (bulk, single) = batch.split_at(batch.len() * 2 / 3);
        index.extend(bulk.iter().map(|r| (r.0, person(r), r.4)));
        for r in single {
            index.upsert(r.0, &person(r), r.4);
        }
        for key in (0..n).filter(|k| k % 7 == 3) {
            index.remove(key);
        }
        // Re-add a few removed ones with other names, through single upserts.
        for r in batch.iter().filter(|r| r.0 % 14 == 3) {
            let mut r2 = r.clone();
            r2.1 = format!("Sam {}", r.1);
            index.upsert(r2.0, &person(&r2), r2.4);
        }
        index
    }

    fn fold(s: &str) -> String {
        normalize::fold(s)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    }

    #[test]
    fn bounded_search_equals_scoring_everything() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let index = random_index(&mut rng, 1500);
        assert!(index.segments.len() >= 2, "exercise several segments");
        let queries = [
            "a",
            "an",
            "ann",
            "anna",
            "j",
            "jo",
            "john",
            "john s",
            "john sm",
            "john smith",
            "smith john",
            "smith j",
            "s",
            "sam",
            "sam s",
            "j s",
            "jo sm",
            "o",
            "o b",
            "obrien",
            "garcia",
            "lopez garcia",
            "van der",
            "der berg",
            "ann ann",
            "x1",
            "sales",
            "sa",
            "lead",
            "zoe",
            "ota",
            "annabel smith",
            "j j",
            "john smith sales",
            "s s s",
            "mary j",
            "jean",
            "luc",
            "jeanluc",
            "smithers",
            "x0 com",
            "com",
        ];
        for q in queries {
            for limit in [1usize, 3, 10, 40] {
                for filter in 0..3u32 {
                    let mut accept = |key: Key, flags: u32| match filter {
                        0 => true,
                        1 => flags != 1,
                        _ => key % 5 == 0,
                    };
                    let want = naive(&index, q, limit, &mut accept);
                    for (budget, small_exact, score_max) in [
                        (None, None, None),
                        (Some(0), None, None),
                        (Some(7), None, None),
                        (None, Some(0), None),
                        (Some(3), None, Some(0)),
                    ] {
                        let mut searcher = Searcher::default();
                        searcher.budget = budget;
                        searcher.small_exact = small_exact;
                        searcher.score_max = score_max;
                        let got: Vec<(Key, Score)> = index
                            .search_with(searcher, q, limit, &mut accept)
                            .unwrap()
                            .into_iter()
                            .map(|h| (h.key, h.score))
                            .collect();
                        assert_eq!(
                            got, want,
                            "query {q:?} limit {limit} filter {filter} budget {budget:?} small {small_exact:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn bounded_search_equals_scoring_everything_on_long_lists() {
        // Enough records for posting lists with skip tables.
        let mut rng = Rng(7);
        let index = random_index(&mut rng, 9000);
        for q in [
            "j",
            "john s",
            "smith j",
            "ann ann",
            "o b",
            "sam",
            "x1 com",
            "lead john",
            "jo sm",
        ] {
            for filter in [0u32, 2] {
                let mut accept = |key: Key, _flags: u32| filter == 0 || key % 5 == 0;
                let want = naive(&index, q, 10, &mut accept);
                for (budget, score_max) in [(None, None), (Some(0), None), (Some(3), Some(0))] {
                    let mut searcher = Searcher::default();
                    searcher.budget = budget;
                    searcher.score_max = score_max;
                    let got: Vec<(Key, Score)> = index
                        .search_with(searcher, q, 10, &mut accept)
                        .unwrap()
                        .into_iter()
                        .map(|h| (h.key, h.score))
                        .collect();
                    assert_eq!(got, want, "query {q:?} filter {filter} budget {budget:?}");
                }
            }
        }
    }

    #[test]
    fn surname_and_initial_equals_scoring_everything() {
        // "Surname + initial": a common first word, then a letter or two that start a
        // large part of the dictionary. Every way of narrowing (the bounded search alone,
        // the rarest word's candidates checked one by one, the postings intersected, the
        // resumed search) must give the brute-force ranking.
        let mut rng = Rng(11);
        let index = random_index(&mut rng, 4000);
        for q in [
            "smith j",
            "smith s",
            "johnson a",
            "garcia lopez m",
            "lee sa",
            "obrien j",
            "smith.j",
            "john s",
            "berg v",
        ] {
            for filter in [0u32, 2] {
                let mut accept = |key: Key, _flags: u32| filter == 0 || key % 5 == 0;
                for limit in [1usize, 10, 40] {
                    let want = naive(&index, q, limit, &mut accept);
                    for (budget, score_max, check_cost) in [
                        (None, None, None),
                        (Some(0), None, Some(0)),
                        (Some(5), None, Some(0)),
                        (Some(0), None, Some(u64::MAX)),
                        (Some(3), Some(0), Some(0)),
                    ] {
                        let mut searcher = Searcher::default();
                        searcher.budget = budget;
                        searcher.score_max = score_max;
                        searcher.check_cost = check_cost;
                        let got: Vec<(Key, Score)> = index
                            .search_with(searcher, q, limit, &mut accept)
                            .unwrap()
                            .into_iter()
                            .map(|h| (h.key, h.score))
                            .collect();
                        assert_eq!(
                            got, want,
                            "query {q:?} limit {limit} filter {filter} budget {budget:?} check {check_cost:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn one_segment_after_merging_answers_the_same() {
        let mut rng = Rng(42);
        let index = random_index(&mut rng, 600);
        let mut merged = index.clone();
        let segs = std::mem::take(&mut merged.segments);
        merged.live = 0;
        merged.merge(&segs);
        assert_eq!(merged.segments.len(), 1);
        assert_eq!(merged.len(), index.len());
        for q in ["j", "john s", "smith", "ann", "o b", "sam"] {
            let a = index.search(q, 25, &mut |_, _| true).unwrap();
            let b = merged.search(q, 25, &mut |_, _| true).unwrap();
            assert_eq!(a, b, "{q}");
        }
    }

    /// Asserts that a highlighter changed by `variant` gives `person` the same ranges.
    fn same_highlights(query: &str, person: &Person<'_>, variant: impl Fn(&mut Highlighter)) {
        let mut other = Highlighter::new(query);
        variant(&mut other);
        assert_eq!(
            Highlighter::new(query).highlight(person),
            other.highlight(person),
            "{person:?} query {query:?}"
        );
    }

    #[test]
    fn reused_ranges_equal_each_field_highlighted_on_its_own() {
        let mut rng = Rng(7);
        let pieces = [
            "Ann",
            "anna",
            "Jean-Luc",
            "O'Brien",
            "Zoë",
            "e\u{301}mile",
            "Łukasz",
            "Δήμη",
            "山田",
            "太郎",
            "ß",
            "de",
            "la",
            "x",
            "Ann-",
            "",
            "Van",
            "der",
        ];
        let mails = ["ann@contoso.com", "jean-luc.o'brien@x.com", "zoe@y.com", ""];
        for _ in 0..6000 {
            let given = rng.pick(&pieces);
            let surname = format!("{} {}", rng.pick(&pieces), rng.pick(&pieces))
                .trim()
                .to_string();
            let display = if rng.next() % 4 == 0 {
                format!("{surname}, {given}")
            } else {
                format!("{given} {surname}")
            };
            let mail = rng.pick(&mails);
            let upn = if rng.next() % 3 == 0 {
                rng.pick(&mails).to_string()
            } else {
                mail.to_string()
            };
            let query = format!(
                "{} {}",
                rng.pick(&pieces),
                rng.pick(&["a", "e", "j", "ł", ""])
            );
            let query: String = query.chars().take(1 + (rng.next() % 6) as usize).collect();
            let person = Person {
                display_name: &display,
                given_name: Some(given),
                surname: Some(&surname),
                mail: Some(mail),
                user_principal_name: &upn,
                ..Person::default()
            };
            same_highlights(&query, &person, |alone| alone.no_reuse = true);
        }
    }

    #[test]
    fn ascii_highlights_equal_folded_ones() {
        let mut rng = Rng(99);
        let alphabet = b"abAB09 -'`.@_x";
        for _ in 0..4000 {
            let len = (rng.next() % 14) as usize;
            let text: String = (0..len)
                .map(|_| char::from(alphabet[(rng.next() % alphabet.len() as u64) as usize]))
                .collect();
            let qlen = 1 + (rng.next() % 4) as usize;
            let query: String = (0..qlen)
                .map(|_| char::from(alphabet[(rng.next() % alphabet.len() as u64) as usize]))
                .collect();
            let person = Person {
                display_name: &text,
                user_principal_name: "",
                ..Person::default()
            };
            same_highlights(&query, &person, |slow| slow.general_only = true);
        }
    }
}
