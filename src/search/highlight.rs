//! Highlights: which ranges of a record's fields to bold for a query.
//!
//! The index keeps no text of the records, so highlights are computed here from the
//! record the caller holds, for the few records a search returned, with the same
//! folding and word splitting as the index (`normalize.rs`); ASCII fields take a faster
//! path that gives the same ranges (a test compares both).

use super::normalize::{fold_into, upn_search_part, words_into, Class, FoldedChar, Word};
use super::query_words::query_words;
use super::types::{Field, Highlight, Person};

/// The ranges of `person` to bold for `query`: every word of a field that starts with a
/// query word (pieces, joined compounds and CJK starts alike), from the word's start to
/// the end of the matched prefix, in UTF-16 offsets of the original value. Sorted by
/// field, then offset; overlapping ranges are merged. Call it for the hits of
/// [`super::PeopleIndex::search`] with the same query. An invalid or empty query has none.
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
    pub(super) general_only: bool,
    /// Highlights every field on its own, never reusing another's ranges (tests compare
    /// both ways).
    pub(super) no_reuse: bool,
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
            let first = word.iter().find(|f| f.class != Class::Joiner);
            let Some(first) = first.filter(|f| self.firsts.binary_search(&f.ch).is_ok()) else {
                continue;
            };
            for q in &self.words {
                // The word's characters (joiners skipped) must start with `q`.
                let mut chars = word.iter().filter(|f| f.class != Class::Joiner);
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
