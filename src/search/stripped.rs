//! What remains of a character's canonical decomposition (NFD) once its combining marks are
//! dropped: the accent folding of search (`é` → `e`, `Å` → `a`'s `A`, `й` → `и`, `한` → its
//! jamo). It answers exactly as unicode-normalization's `decompose_canonical` and
//! `is_combining_mark` do (tests/stripped_table.rs checks every character), from a table
//! made from theirs (`stripped_table.rs`) that keeps only what folding reads: sorted
//! ranges and pairs, stored as LEB128 differences and read once into arrays that are
//! binary-searched (a seventh of the Wasm bytes of their hashed tables, gzipped).

use super::stripped_table::{MANY, MARKS, ONE_FROM, ONE_TO};
use crate::varint::read_u32_trusted;
use std::sync::OnceLock;

/// The tables as arrays, read from `stripped_table.rs` at the first character folded.
struct Tables {
    /// Inclusive ranges of the combining marks, ascending.
    marks: Vec<(u32, u32)>,
    /// Each character of which one remains, and that one (0: none), ascending.
    one: Vec<(u32, u32)>,
}

/// The [`Tables`], read once.
fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        marks: marks(),
        one: one_pairs(),
    })
}

/// The marks' ranges from their differences (`stripped_table::MARKS`).
fn marks() -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(MARKS.len() / 2);
    let (mut at, mut end) = (0, 0u32);
    while at < MARKS.len() {
        let start = end.wrapping_add(read_u32_trusted(MARKS, &mut at));
        end = start.wrapping_add(read_u32_trusted(MARKS, &mut at));
        out.push((start, end));
    }
    out
}

/// The (character, what remains) pairs from their differences (`ONE_FROM`, `ONE_TO`).
fn one_pairs() -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(ONE_FROM.len());
    let (mut code, mut kept) = (0u32, 0u32);
    let (mut at_from, mut at_to) = (0, 0);
    while at_from < ONE_FROM.len() {
        code = code.wrapping_add(read_u32_trusted(ONE_FROM, &mut at_from));
        let z = read_u32_trusted(ONE_TO, &mut at_to);
        // Zigzag: even is a step up, odd a step down.
        kept = if z & 1 == 0 {
            kept.wrapping_add(z >> 1)
        } else {
            kept.wrapping_sub((z >> 1) + 1)
        };
        out.push((code, kept));
    }
    out
}

/// Hangul syllables decompose by rule (The Unicode Standard, 3.12 "Conjoining Jamo
/// Behavior"): a leading consonant, a vowel and, for most, a trailing consonant.
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const S_COUNT: u32 = 19 * V_COUNT * T_COUNT;

/// Whether `c` is a combining mark (General_Category M).
pub(crate) fn is_mark(c: char) -> bool {
    let c = c as u32;
    tables()
        .marks
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The one character that remains of `code`'s decomposition, if the tables say it is one.
fn one(code: u32) -> Option<u32> {
    let one = &tables().one;
    let at = one.binary_search_by_key(&code, |&(k, _)| k).ok()?;
    one.get(at).map(|&(_, v)| v)
}

/// Calls `f` with each character that remains of `c`'s canonical decomposition once its
/// combining marks are dropped, in order (none for a mark).
pub fn strip_marks(c: char, mut f: impl FnMut(char)) {
    let code = c as u32;
    if let Some(s) = code.checked_sub(S_BASE).filter(|s| *s < S_COUNT) {
        let t = s % T_COUNT;
        for jamo in [
            L_BASE + s / (V_COUNT * T_COUNT),
            V_BASE + (s % (V_COUNT * T_COUNT)) / T_COUNT,
        ] {
            f(char::from_u32(jamo).unwrap_or(c));
        }
        if t != 0 {
            f(char::from_u32(T_BASE + t).unwrap_or(c));
        }
        return;
    }
    if let Some(kept) = one(code) {
        // 0: nothing but marks remains.
        if let Some(kept) = char::from_u32(kept).filter(|k| *k != '\0') {
            f(kept);
        }
        return;
    }
    if let Ok(at) = MANY.binary_search_by_key(&code, |&(k, _)| k) {
        if let Some((_, kept)) = MANY.get(at) {
            kept.chars().for_each(f);
        }
        return;
    }
    if !is_mark(c) {
        f(c);
    }
}
