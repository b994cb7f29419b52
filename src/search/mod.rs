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
//! - Layout and speed: `index.rs` (compact immutable segments in display-name order,
//!   built by `builder.rs`, read through `postings.rs`, stored by `persist.rs`) and
//!   `query.rs` (bounded search that stops once `limit` results are certain, with its
//!   candidate parts in `parts.rs` and their planning in `plan.rs`).
//! - The index over many records, updated in place: `people.rs` ([`PeopleIndex`]);
//!   the values it takes and answers: `types.rs`; highlights: `highlight.rs`.
//! - The caller's ids and their keys, and records packed for bulk loads, for callers
//!   that hold records by text id (the package's `PeopleIndex`): `ids.rs`, `records.rs`.
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

mod highlight;
pub mod ids;
mod index;
mod narrow;
pub mod normalize;
mod parts;
mod people;
mod plan;
mod postings;
mod query;
mod query_words;
mod rank;
pub mod records;
mod short;
mod stripped;
mod stripped_table;
mod types;

pub use highlight::{highlight, Highlighter};
pub use index::StoredIndex;
pub use people::{BulkLoad, PeopleIndex};
pub use rank::{display_order, Score};
pub use types::{check_query, Field, Highlight, Hit, Key, Person, QueryError, MAX_QUERY_CHARS};

/// The keys a search has accepted so far: about `limit` per segment searched, so a
/// sorted vector (binary search, short moves) does as well as a hash set, with no hash
/// table code in the `.wasm`.
#[derive(Debug, Default)]
pub(crate) struct KeySet(Vec<Key>);

impl KeySet {
    /// Whether `key` was accepted.
    pub(crate) fn contains(&self, key: &Key) -> bool {
        self.0.binary_search(key).is_ok()
    }

    /// Accepts `key`.
    pub(crate) fn insert(&mut self, key: Key) {
        if let Err(at) = self.0.binary_search(&key) {
            self.0.insert(at, key);
        }
    }

    /// Takes `key` back.
    pub(crate) fn remove(&mut self, key: &Key) {
        if let Ok(at) = self.0.binary_search(key) {
            self.0.remove(at);
        }
    }
}

#[cfg(test)]
mod tests;
