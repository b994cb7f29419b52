//! `PeopleIndex` for JavaScript: typeahead search over records the caller holds, with
//! no directory, tenant or session. The typed class of the package
//! (`pkg-template/people-index.ts`) wraps this one: it packs records in chunks (the
//! format of `src/search/records.rs`), keeps the caller's objects by key, and turns keys
//! back into them. This side keeps only the search index and the id → key table
//! (`src/search/ids.rs`), never the records' text: highlights are computed from the few
//! records a search returns, which the wrapper passes back. Both live in the core, where
//! native tests reach them; this file only converts.

use super::convert::text_arg;
use super::error::{throw, to_js};
use guestpass::error::Error;
use guestpass::search::ids::PeopleIds;
use guestpass::search::records::{records, Packed, FIELD, GUEST};
use guestpass::search::{check_query, BulkLoad, Highlighter, Key, PeopleIndex};
use std::collections::HashSet;
use wasm_bindgen::prelude::*;

/// The most results one search returns.
const MAX_LIMIT: u32 = 100;

/// The core of the package's `PeopleIndex` (use that class; this one speaks in keys).
#[derive(Debug, Default)]
pub struct JsPeopleIndex {
    index: PeopleIndex,
    ids: PeopleIds,
    /// A load in progress: its records, how many, and the id mark to roll back to.
    pending: Option<(BulkLoad, usize, Key)>,
}

impl JsPeopleIndex {
    /// An empty index.
    pub fn new() -> JsPeopleIndex {
        JsPeopleIndex::default()
    }

    /// Adds a chunk of packed records (UTF-8 bytes: `TextEncoder` output crosses as one
    /// copy, where a string crosses a character at a time) to the load in progress
    /// (starting one), and returns their keys in order. Nothing is searchable before
    /// `commit`; a refused chunk rolls the whole load back. Throws `INVALID_INPUT`,
    /// `INVALID_VALUE`, `LIMIT_EXCEEDED`.
    pub fn add(&mut self, packed: &[u8], expected: u32) -> Result<Vec<u32>, JsValue> {
        let result = utf8(packed).and_then(|text| self.add_chunk(text, expected as usize));
        if result.is_err() {
            self.rollback();
        }
        throw(result)
    }

    /// Makes the load in progress searchable (one new index segment).
    pub fn commit(&mut self) {
        if let Some((bulk, _, _)) = self.pending.take() {
            self.index.finish_bulk(bulk);
        }
    }

    /// Drops the load in progress, and the ids it introduced.
    pub fn rollback(&mut self) {
        if let Some((_, _, mark)) = self.pending.take() {
            self.ids.forget_from(mark);
        }
    }

    /// Removes the record with this id; returns its key, or `undefined` when absent.
    /// Throws `INVALID_VALUE` for an id that is not text.
    pub fn remove(&mut self, id: JsValue) -> Result<Option<u32>, JsValue> {
        Ok(self.remove_id(&text_arg(&id, "id")?))
    }

    /// The key of an id, or `undefined`. Throws `INVALID_VALUE` for an id that is not
    /// text.
    pub fn key(&self, id: JsValue) -> Result<Option<u32>, JsValue> {
        Ok(self.ids.get(&text_arg(&id, "id")?))
    }

    /// How many records are searchable.
    pub fn size(&self) -> u32 {
        self.index.len() as u32
    }

    /// Approximate bytes of WebAssembly memory held by the index and the id table.
    pub fn heap_bytes(&self) -> f64 {
        (self.index.heap_bytes() + self.ids.heap_bytes()) as f64
    }

    /// The keys of the best matches, best first. `user_type`: 0 any, 1 members, 2
    /// guests; `exclude`: ids joined by U+001F. Throws `QUERY_TOO_LONG`,
    /// `INVALID_VALUE` (limit outside 1-100).
    ///
    /// The text parameters stay `&str` on this per-keystroke path: the only caller,
    /// `PeopleIndex.search` (pkg-template/people-index.ts), has checked the query is text
    /// and built `exclude` from checked strings.
    pub fn search(
        &self,
        query: &str,
        limit: u32,
        user_type: u32,
        exclude: &str,
    ) -> Result<Vec<u32>, JsValue> {
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(to_js(&Error::InvalidValue {
                field: "limit".into(),
                reason: format!("{limit} is outside 1–{MAX_LIMIT}"),
            }));
        }
        if !exclude.is_empty() {
            throw(guestpass::limits::exclude(exclude.split(FIELD)))?;
        }
        let excluded: HashSet<Key> = if exclude.is_empty() {
            HashSet::new()
        } else {
            exclude
                .split(FIELD)
                .filter_map(|id| self.ids.get(id))
                .collect()
        };
        let mut accept = |key: Key, flags: u32| {
            let guest = flags & GUEST != 0;
            let kind = match user_type {
                1 => !guest,
                2 => guest,
                _ => true,
            };
            kind && !excluded.contains(&key)
        };
        let hits = self
            .index
            .search(query, limit as usize, &mut accept)
            .map_err(|e| to_js(&Error::from(e)))?;
        Ok(hits.into_iter().map(|h| h.key).collect())
    }

    /// Highlights of `query` in the packed records (UTF-8; those a search returned): per
    /// record, the number of ranges, then four numbers per range: field (0 displayName,
    /// 1 givenName, 2 surname, 3 mail, 4 otherMails, 5 userPrincipalName, 6 jobTitle),
    /// index in `otherMails`, start, end (UTF-16 offsets).
    /// `query` stays `&str`, as in [`JsPeopleIndex::search`], whose caller checked it.
    pub fn highlight(&self, query: &str, packed: &[u8]) -> Result<Vec<u32>, JsValue> {
        if check_query(query).is_err() {
            return Ok(Vec::new());
        }
        let packed = throw(utf8(packed))?;
        let mut hl = Highlighter::new(query);
        let mut out = Vec::new();
        let mut ranges = Vec::new();
        for record in records(packed, 0) {
            let record = throw(record)?;
            let others = record.other_mails();
            ranges.clear();
            hl.highlight_into(&record.person(&others), &mut ranges);
            out.push(ranges.len() as u32);
            for r in &ranges {
                let (field, index) = r.field.number();
                out.extend([field, index, r.start, r.end]);
            }
        }
        Ok(out)
    }
}

/// Packed records as text.
fn utf8(bytes: &[u8]) -> guestpass::Result<&str> {
    std::str::from_utf8(bytes)
        .map_err(|e| Error::invalid_input(format!("packed records are not UTF-8: {e}")))
}

impl JsPeopleIndex {
    /// Removes the record with this id from the index and the id table; its key.
    fn remove_id(&mut self, id: &str) -> Option<u32> {
        let key = self.ids.remove(id)?;
        self.index.remove(key);
        Some(key)
    }

    fn add_chunk(&mut self, packed: &str, expected: usize) -> guestpass::Result<Vec<u32>> {
        let (mut bulk, mut count, mark) = match self.pending.take() {
            Some(p) => p,
            None => (PeopleIndex::bulk(expected), 0, self.ids.mark()),
        };
        let mut keys = Vec::new();
        let mut result = Ok(());
        for record in records(packed, count) {
            match record.and_then(|r| self.add_record(&mut bulk, &r)) {
                Ok(key) => keys.push(key),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        count += keys.len();
        self.pending = Some((bulk, count, mark));
        result.map(|()| keys)
    }

    fn add_record(&mut self, bulk: &mut BulkLoad, record: &Packed<'_>) -> guestpass::Result<Key> {
        let key = self
            .ids
            .get_or_insert(record.id)
            .ok_or_else(|| Error::LimitExceeded {
                what: "people index keys".into(),
                limit: Key::MAX as usize,
            })?;
        let others = record.other_mails();
        bulk.add(key, &record.person(&others), record.flags);
        Ok(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(id: &str, name: &str, mail: &str, guest: bool) -> String {
        let f = FIELD;
        let t = if guest { "G" } else { "" };
        format!("{id}{f}{name}{f}{f}{f}{mail}{f}{mail}{f}{f}{f}{t}")
    }

    #[test]
    fn loads_in_chunks_searches_and_removes() {
        let mut ix = JsPeopleIndex::new();
        let a = pack("ann", "Ann Lee", "ann@contoso.com", false);
        let b = pack("anna", "Anna Schmidt", "anna@contoso.com", true);
        assert_eq!(ix.add_chunk(&a, 2).unwrap(), vec![0]);
        assert_eq!(ix.add_chunk(&b, 2).unwrap(), vec![1]);
        assert_eq!(ix.size(), 0, "nothing searchable before commit");
        ix.commit();
        assert_eq!(ix.size(), 2);
        let keys = |ix: &JsPeopleIndex, q: &str| {
            let mut accept = |_: Key, _: u32| true;
            ix.index
                .search(q, 10, &mut accept)
                .unwrap()
                .into_iter()
                .map(|h| h.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&ix, "ann"), vec![0, 1]);
        assert_eq!(ix.remove_id("ann"), Some(0));
        assert_eq!(keys(&ix, "ann"), vec![1]);
        // A refused chunk rolls back the load and its new ids.
        let bad = format!(
            "{}\u{1e}zed{FIELD}Zed",
            pack("carl", "Carl", "c@x.com", false)
        );
        assert!(ix.add_chunk(&bad, 1).is_err());
        ix.rollback();
        assert_eq!(ix.ids.get("carl"), None);
        assert_eq!(ix.size(), 1);
    }
}
