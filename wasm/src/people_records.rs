//! Records for `PeopleIndex` as they cross the boundary: packed in one string per chunk,
//! so a load of a million records costs a few string copies instead of millions of
//! property reads.
//!
//! A chunk is records separated by U+001E (record separator); a record is nine fields
//! separated by U+001F (unit separator), in this order: `id`, `displayName`,
//! `givenName`, `surname`, `mail`, `userPrincipalName`, `jobTitle`, `otherMails` (joined
//! by U+001D, group separator) and `userType` (`G` for a guest, empty otherwise). An
//! empty field is an absent value. The package's TypeScript (`pkg-template/people-index.ts`)
//! writes it; a value holding one of these separators changes the field count and is
//! refused with `INVALID_INPUT`.

use guestpass::error::{Error, Result};
use guestpass::limits::{self, MAX_ID_CHARS, MAX_TEXT_CHARS};
use guestpass::search::Person;

/// Between records.
pub(crate) const RECORD: char = '\u{1e}';
/// Between fields.
pub(crate) const FIELD: char = '\u{1f}';
/// Between the addresses of `otherMails`.
pub(crate) const LIST: char = '\u{1d}';
/// Search flag of a guest record (the directory's indexes use the same bit).
pub(crate) const GUEST: u32 = 1;
/// Fields per record.
const FIELDS: usize = 9;

/// One record read from a chunk, borrowing its text.
#[derive(Debug)]
pub(crate) struct Packed<'a> {
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
    pub(crate) fn other_mails(&self) -> Vec<String> {
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
    pub(crate) fn person<'p>(&'p self, other_mails: &'p [String]) -> Person<'p> {
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
pub(crate) fn records(chunk: &str, base: usize) -> impl Iterator<Item = Result<Packed<'_>>> {
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
}
