//! Folding and word splitting: how a field value or a query becomes searchable words.
//!
//! **Folding** (case and accent insensitivity) uses the decomposition tables of the Unicode
//! Character Database, as the `unicode-normalization` crate (unicode-rs) holds them, through
//! a compact table made from its own (`stripped.rs`, checked for every character): each
//! character is decomposed with NFD, combining marks are dropped (`é` → `e`, `ñ` → `n`, `й` → `и`),
//! and what remains is lowercased with the full Unicode mapping of `char::to_lowercase`
//! (`İ` → `i`, `Σ` → `σ`). The compatibility forms people meet in names are folded by
//! rule rather than with NFKD's tables (which would add about 30 KB to the gzipped Wasm
//! module): full-width ASCII (`ＡＢＣ` → `abc`), the ideographic space, and the Latin
//! ligatures `ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ`; other compatibility forms (half-width katakana,
//! mathematical letters) stay as they are, on both sides alike. A few Latin letters carry no
//! decomposition although people type them without the diacritic, so they are mapped by
//! hand, as collation tables for search do: `ß` → `ss`, `ø` → `o`, `ł` → `l`, `æ` → `ae`,
//! `œ` → `oe`, `đ`/`ð` → `d`, `þ` → `th`, `ı` → `i`, `ħ` → `h`, `ŧ` → `t`, and Greek
//! final `ς` → `σ`. Folding is per character, so each folded character knows the UTF-16
//! span of the original character it came from (for highlights).
//!
//! **Words.** Letters and digits make words; everything else separates them, except the
//! apostrophe and hyphen family (`'`, `’`, `ʼ`, `` ` ``, `-`, `‐`, `–`, `·`, …), which join
//! the pieces of a compound. A compound (`O'Brien`, `García-López`) yields its pieces
//! (`o`, `brien`) and its joined form (`obrien`), so `o brien`, `obrien` and `o'brien`
//! all find it. Letters and digits are separate pieces (`martin2` → `martin`, `2`).
//! Scripts written without spaces (Han, Hiragana, Katakana) make one piece per run, and
//! every character of such a run also starts a word: `山田太郎` is found by `山田`, `田太`
//! and `太郎`. Marks that do not decompose away (Indic vowel signs) are dropped on both
//! sides, so matching stays consistent. Thai and Lao, written without spaces, are split
//! only at spaces.

pub use super::stripped::strip_marks;

/// What a folded character is for word splitting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A letter of a script that separates words with spaces.
    Letter,
    /// A digit.
    Digit,
    /// A character of a script written without spaces (Han, kana).
    Cjk,
    /// An apostrophe, hyphen or middle dot inside a compound.
    Joiner,
    /// Anything else: spaces, punctuation, `@`, `.`, `_`, symbols.
    Separator,
}

/// One folded character and the UTF-16 span of the original character it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FoldedChar {
    /// The folded character (lowercase, no combining marks).
    pub ch: char,
    /// Its role in word splitting.
    pub class: Class,
    /// UTF-16 offset of the original character.
    pub start: u32,
    /// UTF-16 offset just after the original character (and any marks that followed it).
    pub end: u32,
}

/// Whether `c` joins the pieces of a compound word (apostrophes, hyphens, middle dots).
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{02BC}'
            | '`'
            | '\u{00B4}'
            | '\u{FF07}'
            | '-'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{FE63}'
            | '\u{FF0D}'
            | '\u{00B7}'
            | '\u{2027}'
    )
}

/// Whether `c` belongs to a script written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x3FFFF  // CJK extensions B.. (astral)
    )
}

fn class_of(c: char) -> Class {
    if c.is_ascii() {
        if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else {
            Class::Separator
        }
    } else if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphabetic() {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else {
        Class::Separator
    }
}

/// Letters without a Unicode decomposition that people type without their stroke or
/// ligature; `None` keeps the character.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'ø' => "o",
        'ł' => "l",
        'æ' => "ae",
        'œ' => "oe",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        'ς' => "σ",
        _ => return None,
    })
}

/// The plain form of a compatibility character people meet in names: full-width ASCII,
/// the ideographic space and the Latin ligatures.
fn compatibility(c: char) -> Option<std::borrow::Cow<'static, str>> {
    let plain: &'static str = match c {
        '\u{FF01}'..='\u{FF5E}' => {
            let ascii = char::from_u32(c as u32 - 0xFEE0)?;
            return Some(std::borrow::Cow::Owned(ascii.to_string()));
        }
        '\u{3000}' => " ",
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    };
    Some(std::borrow::Cow::Borrowed(plain))
}

fn push_lower(out: &mut Vec<FoldedChar>, d: char, start: u32, end: u32) {
    for l in d.to_lowercase() {
        match special(l) {
            Some(s) => {
                for ch in s.chars() {
                    out.push(FoldedChar {
                        ch,
                        class: class_of(ch),
                        start,
                        end,
                    });
                }
            }
            None => out.push(FoldedChar {
                ch: l,
                class: class_of(l),
                start,
                end,
            }),
        }
    }
}

/// Folds `text` into `out` (cleared first): one entry per folded character, with spans.
pub(crate) fn fold_into(text: &str, out: &mut Vec<FoldedChar>) {
    out.clear();
    let mut offset: u32 = 0;
    for c in text.chars() {
        let start = offset;
        let end = start + c.len_utf16() as u32;
        offset = end;
        if is_joiner(c) {
            out.push(FoldedChar {
                ch: '\'',
                class: Class::Joiner,
                start,
                end,
            });
            continue;
        }
        if c.is_ascii() {
            let l = c.to_ascii_lowercase();
            out.push(FoldedChar {
                ch: l,
                class: class_of(l),
                start,
                end,
            });
            continue;
        }
        let before = out.len();
        if let Some(plain) = compatibility(c) {
            for d in plain.chars() {
                push_lower(out, d, start, end);
            }
            continue;
        }
        strip_marks(c, |d| push_lower(out, d, start, end));
        if out.len() == before {
            // A lone combining mark (decomposed input such as "e\u{301}"): it belongs to
            // the character before it, so a highlight covers it too.
            if let Some(prev) = out.last_mut() {
                if prev.class != Class::Separator && prev.end == start {
                    prev.end = end;
                }
            }
        }
    }
}

/// Folds `text` into a plain string: lowercase, no accents, same characters otherwise.
pub fn fold(text: &str) -> String {
    let mut chars = Vec::new();
    fold_into(text, &mut chars);
    chars.iter().map(|f| f.ch).collect()
}

/// What a word is within its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordKind {
    /// A run of letters, digits or CJK characters between separators and joiners.
    Piece,
    /// A compound's pieces joined without their apostrophes and hyphens (`obrien`).
    Joined,
    /// A CJK run from its second character or later on (`田太郎` of `山田太郎`).
    CjkTail,
}

/// One word of a field: folded characters `start..end` (joiners inside are skipped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// First folded character.
    pub start: u32,
    /// One past the last folded character.
    pub end: u32,
    /// Piece, joined compound or CJK tail.
    pub kind: WordKind,
    /// Whether this word is one of the field's elements in reading order (used for the
    /// display-name order: a compound counts once, joined; a CJK run once, whole).
    pub element: bool,
}

/// Most CJK tails indexed per run (longer runs are found by their first 16 starts).
const MAX_CJK_TAILS: u32 = 16;

/// Splits folded characters into words (`out` is cleared first).
pub(crate) fn words_into(folded: &[FoldedChar], out: &mut Vec<Word>) {
    out.clear();
    let n = folded.len() as u32;
    let class_at = |i: u32| folded.get(i as usize).map_or(Class::Separator, |f| f.class);
    let mut i = 0u32;
    while i < n {
        if class_at(i) == Class::Separator {
            i += 1;
            continue;
        }
        // A chunk: a maximal run of non-separators.
        let chunk_start = i;
        while i < n && class_at(i) != Class::Separator {
            i += 1;
        }
        let chunk_end = i;
        let first_word = out.len();
        let mut pieces = 0usize;
        let mut joined_inside = false;
        let mut seen_piece = false;
        let mut pending_joiner = false;
        let mut j = chunk_start;
        while j < chunk_end {
            let class = class_at(j);
            if class == Class::Joiner {
                if seen_piece {
                    pending_joiner = true;
                }
                j += 1;
                continue;
            }
            let piece_start = j;
            while j < chunk_end && class_at(j) == class {
                j += 1;
            }
            if pending_joiner {
                joined_inside = true;
                pending_joiner = false;
            }
            seen_piece = true;
            pieces += 1;
            out.push(Word {
                start: piece_start,
                end: j,
                kind: WordKind::Piece,
                element: true,
            });
            if class == Class::Cjk {
                let tails_end = j.min(piece_start + 1 + MAX_CJK_TAILS);
                for t in piece_start + 1..tails_end {
                    out.push(Word {
                        start: t,
                        end: j,
                        kind: WordKind::CjkTail,
                        element: false,
                    });
                }
            }
        }
        if joined_inside && pieces >= 2 {
            let (mut s, mut e) = (chunk_start, chunk_end);
            while s < e && class_at(s) == Class::Joiner {
                s += 1;
            }
            while e > s && class_at(e - 1) == Class::Joiner {
                e -= 1;
            }
            for w in out.iter_mut().skip(first_word) {
                w.element = false;
            }
            out.push(Word {
                start: s,
                end: e,
                kind: WordKind::Joined,
                element: true,
            });
        }
    }
}

/// Writes the folded text of `word` into `buf` (cleared first), skipping joiners.
pub(crate) fn word_text(folded: &[FoldedChar], word: &Word, buf: &mut String) {
    buf.clear();
    let range = folded
        .get(word.start as usize..word.end as usize)
        .unwrap_or_default();
    for f in range {
        if f.class != Class::Joiner {
            buf.push(f.ch);
        }
    }
}

/// The part of a UPN that is searched: for a guest `alice_contoso.com#EXT#@fabrikam…`,
/// only `alice_contoso.com` (the `_` already separates words like the `@` it stands for;
/// the resource tenant's domain after `#EXT#` would match every guest).
pub(crate) fn upn_search_part(upn: &str) -> &str {
    match crate::model::guest_upn::marker_at(upn) {
        Some(pos) => upn.get(..pos).unwrap_or(upn),
        None => upn,
    }
}

/// The real address inside a guest UPN (`model::guest_upn::decode`, the one reading of it).
pub use crate::model::guest_upn::decode as decode_guest_upn;

/// An address as compared by exact-address lookups: trimmed and lowercased (no accent
/// folding: addresses must match exactly, only case is ignored).
pub(crate) fn address_key(address: &str) -> String {
    let mut key = String::new();
    address_key_into(address, &mut key);
    key
}

/// [`address_key`] into `key` (cleared first), without allocating for an ASCII address.
pub(crate) fn address_key_into(address: &str, key: &mut String) {
    let trimmed = address.trim();
    key.clear();
    if trimmed.is_ascii() {
        key.push_str(trimmed);
        key.make_ascii_lowercase();
    } else {
        key.push_str(&trimmed.to_lowercase());
    }
}

/// The stable hash of an address key ([`crate::hash::stable`], XXH64: the same on every
/// platform and build, so snapshots stay valid).
pub(crate) fn address_hash(key: &str) -> u64 {
    crate::hash::stable(key.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<(String, WordKind, bool)> {
        let mut folded = Vec::new();
        fold_into(text, &mut folded);
        let mut words = Vec::new();
        words_into(&folded, &mut words);
        let mut buf = String::new();
        words
            .iter()
            .map(|w| {
                word_text(&folded, w, &mut buf);
                (buf.clone(), w.kind, w.element)
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        words_of(text).into_iter().map(|w| w.0).collect()
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Déborah"), "deborah");
        assert_eq!(fold("GARCÍA-LÓPEZ"), "garcia'lopez");
        assert_eq!(fold("Zoë Nguyễn"), "zoe nguyen");
        assert_eq!(fold("De\u{301}borah"), "deborah");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Øyvind Łukasz Æsa Œuvre"), "oyvind lukasz aesa oeuvre");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("ＡＢＣ"), "abc");
        assert_eq!(fold("ﬁona\u{3000}ｍａｒｔｉｎ"), "fiona martin");
        assert_eq!(fold("Иван Ёлкин"), "иван елкин");
        assert_eq!(fold("ΟΔΥΣΣΕΑΣ"), "οδυσσεασ");
        assert_eq!(fold("Οδυσσέας"), "οδυσσεασ");
    }

    #[test]
    fn spans_are_utf16_offsets_of_the_original() {
        let mut folded = Vec::new();
        fold_into("é𠀋ß", &mut folded);
        let spans: Vec<(char, u32, u32)> = folded.iter().map(|f| (f.ch, f.start, f.end)).collect();
        // 𠀋 (U+2000B) takes two UTF-16 units.
        assert_eq!(
            spans,
            vec![('e', 0, 1), ('𠀋', 1, 3), ('s', 3, 4), ('s', 3, 4)]
        );
        fold_into("e\u{301}x", &mut folded);
        assert_eq!((folded[0].start, folded[0].end), (0, 2));
    }

    #[test]
    fn splits_on_punctuation_and_joins_compounds() {
        assert_eq!(texts("O'Brien"), vec!["o", "brien", "obrien"]);
        assert_eq!(
            texts("García-López"),
            vec!["garcia", "lopez", "garcialopez"]
        );
        assert_eq!(texts("O’Neil"), vec!["o", "neil", "oneil"]);
        assert_eq!(
            texts("alice.martin@contoso.com"),
            vec!["alice", "martin", "contoso", "com"]
        );
        assert_eq!(texts("martin2"), vec!["martin", "2"]);
        assert_eq!(texts("  -'- "), Vec::<String>::new());
        assert_eq!(texts("'quoted'"), vec!["quoted"]);
        let elements: Vec<String> = words_of("Jean-Pierre van der Berg")
            .into_iter()
            .filter(|w| w.2)
            .map(|w| w.0)
            .collect();
        assert_eq!(elements, vec!["jeanpierre", "van", "der", "berg"]);
    }

    #[test]
    fn cjk_runs_start_a_word_at_every_character() {
        let words = words_of("山田太郎");
        let t: Vec<&str> = words.iter().map(|w| w.0.as_str()).collect();
        assert_eq!(t, vec!["山田太郎", "田太郎", "太郎", "郎"]);
        assert!(words[0].2 && !words[1].2);
        assert_eq!(texts("Иван Петров"), vec!["иван", "петров"]);
        assert_eq!(texts("محمد علي"), vec!["محمد", "علي"]);
    }

    #[test]
    fn decodes_guest_upns() {
        assert_eq!(
            decode_guest_upn("alice_contoso.com#EXT#@fabrikam.onmicrosoft.com").as_deref(),
            Some("alice@contoso.com")
        );
        assert_eq!(
            decode_guest_upn("first_last_contoso.com#ext#@fabrikam.onmicrosoft.com").as_deref(),
            Some("first_last@contoso.com")
        );
        assert_eq!(decode_guest_upn("alice@contoso.com"), None);
        assert_eq!(
            upn_search_part("alice_contoso.com#EXT#@fabrikam.onmicrosoft.com"),
            "alice_contoso.com"
        );
    }
}
