//! The ranking rule, and how one record is checked against a query.
//!
//! Every query word must match the start of a *different* word of the record (any
//! order); each earlier word may also match as a prefix, the last word usually does.
//! Among all ways to pair query words with record words, the best is kept, and results
//! are ordered by, first to last:
//!
//! 1. **exact words** — more query words equal to a whole record word first ("Ann" before
//!    "Anna" for `ann`);
//! 2. **display-name start** — more leading query elements matching, in order, the first
//!    elements of the display name (`john sm` puts "John Smith" before "Mary John-Smith";
//!    a compound typed with its apostrophe or hyphen, `jean-luc`, is one element, as it
//!    is in the display name); a single word matching the start of the display name gets
//!    this too;
//! 3. **whole mail local part** — a query whose words are exactly the words of the local
//!    part of one of the record's addresses (`lei.chen` or `lei chen` for
//!    `lei.chen@contoso.com`) ranks above records whose addresses only start with it
//!    (`lei.chen2@…`); decided by the caller of [`score`] (`query.rs`), from the hashes of
//!    local parts every segment keeps, since it needs the whole address;
//! 4. **field weight** — the sum over query words of where they matched: name fields
//!    (display, given, surname) 0, mail / other mails / UPN 1, job title 2;
//! 5. **display name**, folded, element by element ([`display_order`]); then **key**.
//!    Ties are therefore broken deterministically. Keys are the caller's, so a caller
//!    whose keys change with history (a directory's slots after a snapshot round trip)
//!    orders records equal on score and display order itself: the session orders them by
//!    user id.

use super::index::{Cat, Forward};
use super::normalize::{fold_into, word_text, words_into};
use std::cmp::Ordering;

/// The folded display elements of `display_name` joined by `\0`: the order the index
/// applies after the [`Score`] and before the key. Two results with equal scores and
/// equal display orders are tied, and come in key order.
///
/// ```
/// use guestpass::search::display_order;
/// assert_eq!(display_order("Déborah  O'Brien"), display_order("deborah o'brien"));
/// assert_ne!(display_order("Ann Lee"), display_order("Anna Lee"));
/// ```
pub fn display_order(display_name: &str) -> String {
    let mut folded = Vec::new();
    let mut words = Vec::new();
    fold_into(display_name, &mut folded);
    words_into(&folded, &mut words);
    let mut out = String::new();
    let mut buf = String::new();
    for w in words.iter().filter(|w| w.element) {
        word_text(&folded, w, &mut buf);
        if buf.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\0');
        }
        out.push_str(&buf);
    }
    out
}

/// How well a record matched a query; compare with `>` for "ranks higher".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Score {
    /// Query words equal to a whole word of the record.
    pub exact: u8,
    /// Leading query elements that match the display name's first elements in order.
    pub in_order: u8,
    /// 1 when the query's words are exactly those of a mail local part of the record.
    pub local: u8,
    /// Sum of field weights of the matched words (names 0, mail/UPN 1, job title 2);
    /// lower ranks higher.
    pub weight: u16,
}

impl Ord for Score {
    fn cmp(&self, other: &Self) -> Ordering {
        self.exact
            .cmp(&other.exact)
            .then(self.in_order.cmp(&other.in_order))
            .then(self.local.cmp(&other.local))
            .then(other.weight.cmp(&self.weight))
    }
}

impl Score {
    /// The score as a number that orders as the score does (higher ranks higher).
    pub fn as_number(&self) -> u128 {
        u128::from(self.exact) << 40
            | u128::from(self.in_order) << 32
            | u128::from(self.local) << 24
            | u128::from(u16::MAX - self.weight)
    }
}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One query word resolved against a segment's dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SegWord {
    /// First term id starting with the word.
    pub lo: u32,
    /// One past the last term id starting with the word.
    pub hi: u32,
    /// The term equal to the word, if the dictionary has it.
    pub exact: Option<u32>,
}

/// Cost of a pairing: exactness dominates, then field weight (so minimizing the cost
/// maximizes exact words, then minimizes weight). 256 query words can weigh at most 512.
const NOT_EXACT: i64 = 1 << 12;

/// Reusable buffers for [`score`].
#[derive(Default, Debug)]
pub(crate) struct Scratch {
    cols: Vec<u32>,
    cost: Vec<i64>,
    u: Vec<i64>,
    v: Vec<i64>,
    p: Vec<usize>,
    way: Vec<usize>,
    minv: Vec<i64>,
    used: Vec<bool>,
}

fn edge_cost(word: &SegWord, term: u32, cat: Cat) -> i64 {
    let exact = word.exact == Some(term);
    (if exact { 0 } else { NOT_EXACT }) + i64::from(cat.weight())
}

/// The terms of `fwd` (sorted by id) that lie in `lo..hi`: an index range.
fn matching(fwd: &Forward, word: &SegWord) -> (usize, usize) {
    let a = fwd.terms.partition_point(|&(t, _)| t < word.lo);
    let b = a + fwd
        .terms
        .get(a..)
        .unwrap_or_default()
        .partition_point(|&(t, _)| t < word.hi);
    (a, b)
}

/// Scores one record, or `None` when some query word cannot get a word of its own.
pub(crate) fn score(
    words: &[SegWord],
    elements: &[SegWord],
    fwd: &Forward,
    scratch: &mut Scratch,
) -> Option<Score> {
    let n = words.len();
    let best_cost = match words {
        [] => return None,
        [w] => {
            let (a, b) = matching(fwd, w);
            fwd.terms
                .get(a..b)
                .unwrap_or_default()
                .iter()
                .map(|&(t, c)| edge_cost(w, t, c))
                .min()?
        }
        [w0, w1] => {
            let (a0, b0) = matching(fwd, w0);
            let (a1, b1) = matching(fwd, w1);
            let mut best: Option<i64> = None;
            for i in a0..b0 {
                let Some(&(t0, c0)) = fwd.terms.get(i) else {
                    continue;
                };
                let c_first = edge_cost(w0, t0, c0);
                for j in a1..b1 {
                    if i == j {
                        continue;
                    }
                    let Some(&(t1, c1)) = fwd.terms.get(j) else {
                        continue;
                    };
                    let c = c_first + edge_cost(w1, t1, c1);
                    if best.is_none_or(|b| c < b) {
                        best = Some(c);
                    }
                }
            }
            best?
        }
        _ => assign(words, fwd, scratch)?,
    };
    let exact = n as i64 - best_cost / NOT_EXACT;
    let weight = best_cost % NOT_EXACT;
    let mut in_order = 0u8;
    for (w, &d) in elements.iter().zip(&fwd.display) {
        if d >= w.lo && d < w.hi {
            in_order += 1;
        } else {
            break;
        }
    }
    Some(Score {
        exact: exact.clamp(0, 255) as u8,
        local: 0,
        in_order,
        weight: weight.clamp(0, i64::from(u16::MAX)) as u16,
    })
}

/// The cheapest pairing of every query word with a distinct record term (Hungarian
/// algorithm, rows = query words, columns = terms some word matches).
fn assign(words: &[SegWord], fwd: &Forward, s: &mut Scratch) -> Option<i64> {
    let n = words.len();
    let m = fill_costs(words, fwd, s)?;
    let Scratch {
        cost,
        u,
        v,
        p,
        way,
        minv,
        used,
        ..
    } = s;
    let mut h = Hungarian {
        m,
        cost,
        u,
        v,
        p,
        way,
        minv,
        used,
    };
    h.reset(n);
    for i in 1..=n {
        if !h.add_row(i) {
            return None;
        }
    }
    h.total()
}

/// A cost of "no edge": larger than any sum of real costs.
const INF: i64 = i64::MAX / 4;

/// Collects the columns (terms some word matches) and the row-major cost matrix of
/// `words` against them into `s`; answers the number of columns, `None` when a word
/// matches nothing or the words outnumber the columns.
fn fill_costs(words: &[SegWord], fwd: &Forward, s: &mut Scratch) -> Option<usize> {
    s.cols.clear();
    for w in words {
        let (a, b) = matching(fwd, w);
        if a == b {
            return None;
        }
        s.cols.extend((a..b).map(|i| i as u32));
    }
    s.cols.sort_unstable();
    s.cols.dedup();
    let m = s.cols.len();
    if words.len() > m {
        return None;
    }
    s.cost.clear();
    for w in words {
        for &col in &s.cols {
            let c = match fwd.terms.get(col as usize) {
                Some(&(t, cat)) if t >= w.lo && t < w.hi => edge_cost(w, t, cat),
                _ => INF,
            };
            s.cost.push(c);
        }
    }
    Some(m)
}

/// The Hungarian algorithm's state over a `n × m` cost matrix (`n <= m`), in the
/// 1-indexed potentials formulation (e-maxx), on the buffers of a [`Scratch`].
struct Hungarian<'s> {
    m: usize,
    cost: &'s [i64],
    u: &'s mut Vec<i64>,
    v: &'s mut Vec<i64>,
    /// The row matched to each column (0: none).
    p: &'s mut Vec<usize>,
    way: &'s mut Vec<usize>,
    minv: &'s mut Vec<i64>,
    used: &'s mut Vec<bool>,
}

impl Hungarian<'_> {
    /// The cost of row `i`, column `j` (1-based).
    fn cost(&self, i: usize, j: usize) -> i64 {
        self.cost
            .get((i - 1) * self.m + (j - 1))
            .copied()
            .unwrap_or(INF)
    }

    /// Zero potentials and no matching, for `n` rows.
    fn reset(&mut self, n: usize) {
        let m = self.m;
        self.u.clear();
        self.u.resize(n + 1, 0);
        self.v.clear();
        self.v.resize(m + 1, 0);
        self.p.clear();
        self.p.resize(m + 1, 0);
        self.way.clear();
        self.way.resize(m + 1, 0);
    }

    /// Adds row `i` to the matching along a shortest augmenting path; false when no
    /// finite path exists (the row can match no free column).
    fn add_row(&mut self, i: usize) -> bool {
        let m = self.m;
        if let Some(p0) = self.p.get_mut(0) {
            *p0 = i;
        }
        let mut j0 = 0usize;
        self.minv.clear();
        self.minv.resize(m + 1, INF);
        self.used.clear();
        self.used.resize(m + 1, false);
        loop {
            if let Some(x) = self.used.get_mut(j0) {
                *x = true;
            }
            let Some(j1) = self.next_column(j0) else {
                return false;
            };
            j0 = j1;
            if self.p.get(j0).copied().unwrap_or(0) == 0 {
                break;
            }
        }
        loop {
            let j1 = self.way.get(j0).copied().unwrap_or(0);
            let pj1 = self.p.get(j1).copied().unwrap_or(0);
            if let Some(x) = self.p.get_mut(j0) {
                *x = pj1;
            }
            j0 = j1;
            if j0 == 0 {
                return true;
            }
        }
    }

    /// One step of the path search from column `j0`: relaxes the unused columns, moves
    /// the potentials by the smallest slack, and answers the column reached (`None`
    /// when every slack is infinite).
    fn next_column(&mut self, j0: usize) -> Option<usize> {
        let m = self.m;
        let i0 = self.p.get(j0).copied().unwrap_or(0);
        let mut delta = INF;
        let mut j1 = 0usize;
        for j in 1..=m {
            if self.used.get(j).copied().unwrap_or(true) {
                continue;
            }
            let cur = self.cost(i0, j)
                - self.u.get(i0).copied().unwrap_or(0)
                - self.v.get(j).copied().unwrap_or(0);
            if let Some(mv) = self.minv.get_mut(j) {
                if cur < *mv {
                    *mv = cur;
                    if let Some(w) = self.way.get_mut(j) {
                        *w = j0;
                    }
                }
                if *mv < delta {
                    delta = *mv;
                    j1 = j;
                }
            }
        }
        if j1 == 0 || delta >= INF / 2 {
            return None;
        }
        for j in 0..=m {
            if self.used.get(j).copied().unwrap_or(false) {
                let pj = self.p.get(j).copied().unwrap_or(0);
                if let Some(x) = self.u.get_mut(pj) {
                    *x += delta;
                }
                if let Some(x) = self.v.get_mut(j) {
                    *x -= delta;
                }
            } else if let Some(x) = self.minv.get_mut(j) {
                *x -= delta;
            }
        }
        Some(j1)
    }

    /// The matching's total cost; `None` when it uses a missing edge.
    fn total(&self) -> Option<i64> {
        let mut total = 0i64;
        let mut ok = true;
        for j in 1..=self.m {
            let i = self.p.get(j).copied().unwrap_or(0);
            if i != 0 {
                let c = self.cost(i, j);
                if c >= INF {
                    ok = false;
                }
                total += c;
            }
        }
        ok.then_some(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fwd(terms: &[(u32, Cat)], display: &[u32]) -> Forward {
        Forward {
            terms: terms.to_vec(),
            display: display.to_vec(),
        }
    }

    /// Scores with each query word its own element.
    fn score_words(words: &[SegWord], f: &Forward, s: &mut Scratch) -> Option<Score> {
        score(words, words, f, s)
    }

    fn word(lo: u32, hi: u32, exact: bool) -> SegWord {
        SegWord {
            lo,
            hi,
            exact: exact.then_some(lo),
        }
    }

    #[test]
    fn every_word_needs_its_own_term() {
        let mut s = Scratch::default();
        let f = fwd(&[(1, Cat::Start), (5, Cat::Name)], &[1, 5]);
        // Two words that can only use term 1.
        assert_eq!(
            score_words(&[word(1, 2, true), word(1, 2, true)], &f, &mut s),
            None
        );
        let sc = score_words(&[word(5, 6, true), word(1, 3, false)], &f, &mut s);
        assert_eq!(
            sc,
            Some(Score {
                exact: 1,
                in_order: 0,
                weight: 0,
                local: 0,
            })
        );
        // Three words go through the general assignment.
        let f3 = fwd(&[(1, Cat::Start), (2, Cat::Mail), (3, Cat::Job)], &[1]);
        let sc = score_words(
            &[word(1, 4, false), word(2, 4, true), word(1, 2, true)],
            &f3,
            &mut s,
        );
        assert_eq!(
            sc,
            Some(Score {
                exact: 2,
                in_order: 1,
                weight: 3,
                local: 0,
            })
        );
        assert_eq!(
            score_words(
                &[
                    word(1, 4, false),
                    word(1, 4, false),
                    word(1, 4, false),
                    word(1, 4, false)
                ],
                &f3,
                &mut s
            ),
            None
        );
    }

    #[test]
    fn score_order_is_exact_then_start_then_weight() {
        let a = Score {
            exact: 1,
            in_order: 0,
            weight: 2,
            local: 0,
        };
        let b = Score {
            exact: 0,
            in_order: 1,
            weight: 0,
            local: 0,
        };
        let c = Score {
            exact: 0,
            in_order: 1,
            weight: 1,
            local: 0,
        };
        assert!(a > b && b > c);
        let d = Score { local: 1, ..c };
        assert!(
            a > d && d > b,
            "a whole local part ranks after the display-name start, before field weight"
        );
    }
}
