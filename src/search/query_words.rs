//! A query as the index reads it: folded, split into words and elements, and read as a
//! mail local part.

use super::normalize::{address_hash, fold_into, word_text, words_into, WordKind};
use super::types::{check_query, QueryError};

/// A query, folded: its words (pieces; compounds are matched through their pieces) and
/// its elements (a compound typed with its apostrophe or hyphen is one element, joined),
/// which are compared with the display name's elements for the in-order rank.
#[derive(Debug, Default)]
pub(crate) struct QueryWords {
    /// The pieces, folded.
    pub words: Vec<String>,
    /// The elements, folded (compounds joined).
    pub elements: Vec<String>,
    /// The query read as a mail local part: the hash of `\0` and its words joined by a
    /// space — what segments keep for the local part of every address (`builder.rs`), so
    /// `Lei.Chen`, `lei chen` and `lei-chen` all find `lei.chen@…`; the leading NUL keeps
    /// these hashes apart from whole-address ones.
    pub local: Option<u64>,
}

/// Folds and splits `query`, refusing one longer than [`super::MAX_QUERY_CHARS`].
pub(crate) fn query_words(query: &str) -> Result<QueryWords, QueryError> {
    check_query(query)?;
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
