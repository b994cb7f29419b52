//! Kept answers for one- and two-character queries.
//!
//! A single letter matches most of a large index, and its best results are the same for
//! every keystroke that types it: so for an index of at least [`WARM_MIN`] records the
//! best [`KEPT`] records of every one- and two-character prefix of its words are computed
//! once — after a bulk build or a snapshot load ([`ShortAnswers::warm`]), or when first
//! asked for — and a search whose query is such a prefix reads them, filtered by its
//! `accept`, instead of the segments. When the kept records run out before `limit`
//! accepted ones are found (and the list does not hold every match), the search goes the
//! normal way, so the answer is always the full ranking's.
//!
//! Changes keep the lists true: a removed record leaves the lists it is in (what remains
//! is still the best of what remains); an added record drops the lists of the prefixes
//! its words start with, which are computed again when next asked for. A merge of
//! segments changes no ranking and touches nothing.

use super::index::Segment;
use super::query::Searcher;
use super::query_words::{query_words, QueryWords};
use super::rank::Score;
use super::types::{Hit, Key};
use super::PeopleIndex;
use std::collections::HashMap;
use std::sync::Mutex;

/// Records kept per prefix: a default search asks for 11 (10 and one to see ties), and
/// for 22 or 44 while ties cross the cut; a search of the limit of 100 asks for 101.
pub(crate) const KEPT: usize = 128;
/// Indexes smaller than this keep nothing: their short queries are fast already.
pub(crate) const WARM_MIN: usize = 20_000;
/// At most this many prefixes are kept per index (ASCII letters and digits make 1,332;
/// the rest are names in other scripts).
const MAX_PREFIXES: usize = 4096;

/// One kept record.
#[derive(Clone, Copy, Debug)]
struct Kept {
    key: Key,
    flags: u32,
    score: Score,
}

/// The best records of one prefix, best first.
#[derive(Clone, Debug, Default)]
struct List {
    kept: Vec<Kept>,
    /// Every record matching the prefix is in `kept`.
    complete: bool,
}

/// The kept answers of one index (see the module documentation).
#[derive(Debug)]
pub(crate) struct ShortAnswers {
    lists: Mutex<HashMap<String, List>>,
    /// Records the index needs before anything is kept (tests lower it).
    pub(crate) min_records: usize,
    /// Records a bulk load adds that compute every list at once (tests lower it).
    pub(crate) warm_after: usize,
}

impl Default for ShortAnswers {
    fn default() -> Self {
        ShortAnswers {
            lists: Mutex::default(),
            min_records: WARM_MIN,
            warm_after: WARM_MIN,
        }
    }
}

impl Clone for ShortAnswers {
    fn clone(&self) -> Self {
        let lists = self.lists.lock().map(|l| l.clone()).unwrap_or_default();
        ShortAnswers {
            lists: Mutex::new(lists),
            min_records: self.min_records,
            warm_after: self.warm_after,
        }
    }
}

/// The word of a query that kept answers serve: one word of one or two characters,
/// typed as one element (so the search depends on nothing else).
fn short_word(q: &QueryWords) -> Option<&str> {
    match (q.words.as_slice(), q.elements.as_slice()) {
        ([w], [e]) if w == e && w.chars().count() <= 2 => Some(w.as_str()),
        _ => None,
    }
}

/// The one- and two-character prefixes of `term`.
fn prefixes(term: &str) -> impl Iterator<Item = &str> {
    let mut ends = term
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([term.len()]);
    let one = ends.next();
    let two = ends.next();
    [one, two]
        .into_iter()
        .flatten()
        .filter_map(move |end| term.get(..end))
}

impl ShortAnswers {
    /// The best `limit` accepted records for `q` from the kept lists, or `None` when the
    /// search must read the segments.
    pub(crate) fn answer(
        &self,
        index: &PeopleIndex,
        q: &QueryWords,
        limit: usize,
        accept: &mut dyn FnMut(Key, u32) -> bool,
    ) -> Option<Vec<Hit>> {
        if index.len() < self.min_records || limit >= KEPT {
            return None;
        }
        let word = short_word(q)?;
        let mut lists = self.lists.lock().ok()?;
        if !lists.contains_key(word) {
            if lists.len() >= MAX_PREFIXES {
                return None;
            }
            lists.insert(word.to_string(), list_of(index, q));
        }
        let list = lists.get(word)?;
        let mut hits = Vec::with_capacity(limit);
        for k in &list.kept {
            if accept(k.key, k.flags) {
                hits.push(Hit {
                    key: k.key,
                    score: k.score,
                });
                if hits.len() == limit {
                    return Some(hits);
                }
            }
        }
        list.complete.then_some(hits)
    }

    /// Computes the list of every one- and two-character prefix of the index's words
    /// (nothing for an index under `min_records`), replacing what was kept.
    pub(crate) fn warm(&self, index: &PeopleIndex) {
        let Ok(mut lists) = self.lists.lock() else {
            return;
        };
        lists.clear();
        if index.len() < self.min_records {
            return;
        }
        let mut all: Vec<&str> = Vec::new();
        for seg in &index.segments {
            all.extend(segment_prefixes(seg));
        }
        crate::order::sort_by_text(&mut all, |p: &&str| -> &str { p });
        all.dedup();
        for p in all.into_iter().take(MAX_PREFIXES) {
            let Ok(q) = query_words(p) else { continue };
            if short_word(&q) == Some(p) {
                lists.insert(p.to_string(), list_of(index, &q));
            }
        }
    }

    /// Drops the lists of the prefixes of the words in `seg` (records being added).
    pub(crate) fn added(&self, seg: &Segment) {
        let Ok(mut lists) = self.lists.lock() else {
            return;
        };
        if lists.is_empty() {
            return;
        }
        for p in segment_prefixes(seg) {
            lists.remove(p);
        }
    }

    /// Takes `key` out of the lists of the prefixes of `terms` (a record being removed).
    pub(crate) fn removed<'t>(&self, key: Key, terms: impl Iterator<Item = &'t str>) {
        let Ok(mut lists) = self.lists.lock() else {
            return;
        };
        if lists.is_empty() {
            return;
        }
        for term in terms {
            for p in prefixes(term) {
                if let Some(list) = lists.get_mut(p) {
                    list.kept.retain(|k| k.key != key);
                }
            }
        }
    }

    /// How many prefixes are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.lists.lock().map(|l| l.len()).unwrap_or(0)
    }

    /// Approximate heap bytes of the kept lists.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.lists
            .lock()
            .map(|l| {
                l.iter()
                    .map(|(p, list)| p.len() + 48 + list.kept.capacity() * size_of::<Kept>())
                    .sum()
            })
            .unwrap_or(0)
    }
}

/// The distinct one- and two-character prefixes of a segment's terms (its dictionary is
/// sorted, so repeats are neighbours).
fn segment_prefixes(seg: &Segment) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut last_one = "";
    let mut last_two = "";
    for t in 0..seg.term_count() {
        let mut it = prefixes(seg.term(t));
        if let Some(one) = it.next() {
            if one != last_one {
                out.push(one);
                last_one = one;
            }
        }
        if let Some(two) = it.next() {
            if two != last_two {
                out.push(two);
                last_two = two;
            }
        }
    }
    out
}

/// The best [`KEPT`] records of `q` over the whole index, with their flags.
fn list_of(index: &PeopleIndex, q: &QueryWords) -> List {
    // The search hands every candidate's flags to `accept`: keep them, so the kept
    // records need no lookup of where each key lives.
    let mut seen: Vec<(Key, u32)> = Vec::new();
    let hits = index
        .search_words(Searcher::default(), q, KEPT, &mut |key, flags| {
            seen.push((key, flags));
            true
        })
        .unwrap_or_default();
    seen.sort_unstable();
    let flags_of = |key: Key| {
        let at = seen.partition_point(|&(k, _)| k < key);
        seen.get(at)
            .filter(|&&(k, _)| k == key)
            .map_or(0, |&(_, f)| f)
    };
    List {
        complete: hits.len() < KEPT,
        kept: hits
            .iter()
            .map(|h| Kept {
                key: h.key,
                flags: flags_of(h.key),
                score: h.score,
            })
            .collect(),
    }
}
