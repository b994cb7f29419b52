//! What remains of a character's canonical decomposition (NFD) once its combining marks are
//! dropped: the accent folding of search (`é` → `e`, `Å` → `a`'s `A`, `й` → `и`, `한` → its
//! jamo). It answers exactly as unicode-normalization's `decompose_canonical` and
//! `is_combining_mark` do (tests/stripped_table.rs checks every character), from a table
//! made from theirs (`stripped_table.rs`) that keeps only what folding reads: sorted
//! ranges and pairs, binary-searched, a quarter of the Wasm bytes of their hashed tables.

use super::stripped_table::{MANY, MARKS, ONE_ASTRAL, ONE_BMP};

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
    MARKS
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

/// The one character that remains of `code`'s decomposition, if the tables say it is one
/// (`ONE_ASTRAL` also holds the few characters of the first plane that decompose into
/// another plane's).
fn one(code: u32) -> Option<u32> {
    let bmp = u16::try_from(code).ok().and_then(|k| {
        let at = ONE_BMP.binary_search_by_key(&k, |&(k, _)| k).ok()?;
        ONE_BMP.get(at).map(|&(_, v)| u32::from(v))
    });
    bmp.or_else(|| {
        let at = ONE_ASTRAL.binary_search_by_key(&code, |&(k, _)| k).ok()?;
        ONE_ASTRAL.get(at).map(|&(_, v)| v)
    })
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
