//! Records packed as text for a bulk load (the package's `PeopleIndex` sends its records
//! so): one string per chunk, so a load of a million records costs a few string copies
//! instead of millions of property reads across the JavaScript boundary.
//!
//! A chunk is records separated by U+001E (record separator); a record is nine fields
//! separated by U+001F (unit separator), in this order: `id`, `displayName`,
//! `givenName`, `surname`, `mail`, `userPrincipalName`, `jobTitle`, `otherMails` (joined
//! by U+001D, group separator) and `userType` (`G` for a guest, empty otherwise). An
//! empty field is an absent value. The package's TypeScript (`pkg-template/people-index.ts`)
//! writes it; a value holding one of these separators changes the field count and is
//! refused with `INVALID_INPUT`.

use super::Person;
use crate::error::{Error, Result};
use crate::limits::{self, MAX_ID_CHARS, MAX_TEXT_CHARS};

/// Between records.
pub const RECORD: char = '\u{1e}';
/// Between fields.
pub const FIELD: char = '\u{1f}';
/// Between the addresses of `otherMails`.
pub const LIST: char = '\u{1d}';
/// Search flag of a guest record (the directory's indexes use the same bit).
pub const GUEST: u32 = 1;
/// Fields per record.
const FIELDS: usize = 9;

/// One record read from a chunk, borrowing its text.
#[derive(Debug)]
pub struct Packed<'a> {
    /// The caller's id.
    pub id: &'a str,
    /// Searchable fields (without `other_mails`, which need owned strings).
    pub display_name: &'a str,
    given_name: &'a str,
    surname: &'a str,
    mail: &'a str,
    user_principal_name: &'a str,
    job_title: &'a str,
    other_mails: &'a str,
    /// Search flags (`GUEST`).
    pub flags: u32,
}

fn opt(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

impl<'a> Packed<'a> {
    /// The other mails, owned (most records have none, and then nothing is allocated).
    pub fn other_mails(&self) -> Vec<String> {
        if self.other_mails.is_empty() {
            return Vec::new();
        }
        self.other_mails
            .split(LIST)
            .filter(|m| !m.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The searchable fields, with `other_mails` from [`Packed::other_mails`].
    pub fn person<'p>(&'p self, other_mails: &'p [String]) -> Person<'p> {
        Person {
            display_name: self.display_name,
            given_name: opt(self.given_name),
            surname: opt(self.surname),
            mail: opt(self.mail),
            other_mails,
            user_principal_name: self.user_principal_name,
            job_title: opt(self.job_title),
        }
    }
}

/// The records of a chunk, each checked: nine fields, an id of 1-256 characters, text
/// fields within the directory's limits. `base` is the number of records before this
/// chunk, for messages (`record 12034`).
pub fn records(chunk: &str, base: usize) -> impl Iterator<Item = Result<Packed<'_>>> {
    chunk
        .split(RECORD)
        .filter(move |_| !chunk.is_empty())
        .enumerate()
        .map(move |(i, text)| read(text, base + i))
}

fn read(text: &str, n: usize) -> Result<Packed<'_>> {
    let mut f = [""; FIELDS];
    let mut count = 0usize;
    for (slot, value) in text.split(FIELD).enumerate() {
        count += 1;
        if let Some(s) = f.get_mut(slot) {
            *s = value;
        }
    }
    if count != FIELDS {
        return Err(Error::invalid_input(format!(
            "record {n}: a value holds a control character U+001D-U+001F (used to pack records); remove it"
        )));
    }
    let [id, display_name, given_name, surname, mail, user_principal_name, job_title, other_mails, user_type] =
        f;
    if id.is_empty() {
        return Err(Error::InvalidValue {
            field: format!("records[{n}].id"),
            reason: format!("an id must be a string of 1-{MAX_ID_CHARS} characters"),
        });
    }
    limits::text(format_args!("records[{n}].id"), id, MAX_ID_CHARS)?;
    for (name, value) in [
        ("displayName", display_name),
        ("givenName", given_name),
        ("surname", surname),
        ("mail", mail),
        ("userPrincipalName", user_principal_name),
        ("jobTitle", job_title),
    ] {
        limits::text(format_args!("records[{n}].{name}"), value, MAX_TEXT_CHARS)?;
    }
    Ok(Packed {
        id,
        display_name,
        given_name,
        surname,
        mail,
        user_principal_name,
        job_title,
        other_mails,
        flags: if user_type == "G" { GUEST } else { 0 },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_packed_records_and_refuses_stray_separators() {
        let chunk = "a\u{1f}Ann Lee\u{1f}Ann\u{1f}Lee\u{1f}ann@x.com\u{1f}ann@x.com\u{1f}\u{1f}a2@y.com\u{1d}a3@y.com\u{1f}\u{1e}g\u{1f}Zoë\u{1f}\u{1f}\u{1f}\u{1f}zoe_t.com#EXT#@x.onmicrosoft.com\u{1f}\u{1f}\u{1f}G";
        let recs: Vec<Packed<'_>> = records(chunk, 0).collect::<Result<_>>().unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].other_mails(), vec!["a2@y.com", "a3@y.com"]);
        let others = recs[0].other_mails();
        let p = recs[0].person(&others);
        assert_eq!((p.given_name, p.job_title), (Some("Ann"), None));
        assert_eq!(recs[1].flags, GUEST);
        assert_eq!(records("", 0).count(), 0);
        let bad = "a\u{1f}Ann\u{1f}Lee";
        let err = records(bad, 5).next().unwrap().unwrap_err();
        assert_eq!(err.code(), "INVALID_INPUT");
        assert!(err.to_string().contains("record 5"));
    }

    /// One packed record, as the package's TypeScript writes it.
    fn pack(fields: [&str; 9]) -> String {
        fields.join(&FIELD.to_string())
    }

    #[test]
    fn empty_fields_are_absent_and_only_g_is_a_guest() {
        let chunk = pack(["m", "Mo", "", "", "", "mo@x.com", "", "", "Member"]);
        let recs: Vec<Packed<'_>> = records(&chunk, 0).collect::<Result<_>>().unwrap();
        let others = recs[0].other_mails();
        let p = recs[0].person(&others);
        assert_eq!(
            (p.given_name, p.surname, p.mail, p.job_title),
            (None, None, None, None)
        );
        assert_eq!((p.user_principal_name, others.len()), ("mo@x.com", 0));
        assert_eq!(recs[0].flags, 0, "only `G` marks a guest");
        // An empty address between separators is skipped.
        let chunk = pack(["m", "Mo", "", "", "", "", "", "\u{1d}a@x.com\u{1d}", "G"]);
        let rec = records(&chunk, 0).next().unwrap().unwrap();
        assert_eq!(rec.other_mails(), vec!["a@x.com"]);
        assert_eq!(rec.flags, GUEST);
    }

    #[test]
    fn ids_and_texts_out_of_bounds_are_refused_with_their_record_and_field() {
        let long_id = "i".repeat(MAX_ID_CHARS + 1);
        let long_text = "é".repeat(MAX_TEXT_CHARS + 1);
        let longest_text = "é".repeat(MAX_TEXT_CHARS);
        // An empty id is not a value; an over-long one is over a bound (as in the directory).
        let cases = [
            (
                pack(["", "A", "", "", "", "", "", "", ""]),
                "records[7].id",
                "INVALID_VALUE",
            ),
            (
                pack([&long_id, "A", "", "", "", "", "", "", ""]),
                "records[7].id",
                "LIMIT_EXCEEDED",
            ),
            (
                pack(["a", "A", "", "", "", "", &long_text, "", ""]),
                "records[7].jobTitle",
                "LIMIT_EXCEEDED",
            ),
        ];
        for (chunk, field, code) in cases {
            let err = records(&chunk, 7).next().unwrap().unwrap_err();
            assert_eq!(err.code(), code, "{field}");
            assert!(err.to_string().contains(field), "{err}");
        }
        let chunk = pack(["a", &longest_text, "", "", "", "", "", "", ""]);
        assert!(records(&chunk, 0).next().unwrap().is_ok());
        // Records are numbered from `base` across a chunk.
        let two = format!(
            "{}{RECORD}{}",
            pack(["a", "A", "", "", "", "", "", "", ""]),
            "b"
        );
        let results: Vec<_> = records(&two, 40).collect();
        assert!(results[0].is_ok());
        assert!(results[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("record 41"));
    }
}
