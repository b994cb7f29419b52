//! The values the people search takes and answers: the caller's [`Person`] under its
//! [`Key`], the [`Field`]s and [`Highlight`]s of a match, a [`Hit`], and the one check a
//! query must pass ([`check_query`]).

use super::rank::Score;
use serde::{Deserialize, Serialize};

/// A record's handle, chosen by the caller (dense small numbers keep the index smallest).
pub type Key = u32;

/// The longest query accepted, in characters (the crate's one query limit).
pub use crate::limits::MAX_QUERY_CHARS;

/// One person's searchable fields, borrowed from the caller's record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Person<'a> {
    /// Name shown in pickers; its first word ranks highest.
    pub display_name: &'a str,
    /// First name.
    pub given_name: Option<&'a str>,
    /// Last name.
    pub surname: Option<&'a str>,
    /// Real address (a guest's home address).
    pub mail: Option<&'a str>,
    /// Further addresses.
    pub other_mails: &'a [String],
    /// Sign-in name; a guest's `alice_contoso.com#EXT#@…` is searched as `alice@contoso.com`.
    pub user_principal_name: &'a str,
    /// Job title, weighted lowest.
    pub job_title: Option<&'a str>,
}

/// A field of [`Person`], for highlights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// `displayName`.
    DisplayName,
    /// `givenName`.
    GivenName,
    /// `surname`.
    Surname,
    /// `mail`.
    Mail,
    /// `otherMails[i]`.
    OtherMail(u16),
    /// `userPrincipalName`.
    UserPrincipalName,
    /// `jobTitle`.
    JobTitle,
}

impl Field {
    /// The field as a record property: its name in JavaScript (`otherMails` for every
    /// other mail) and, for an other mail, its index in that list.
    pub fn property(self) -> (&'static str, Option<u16>) {
        let (_, name, index) = self.described();
        (name, index)
    }

    /// The field as two numbers, for answers packed as numbers
    /// (`PeopleIndexCore.highlight`): 0 displayName, 1 givenName, 2 surname, 3 mail,
    /// 4 otherMails, 5 userPrincipalName, 6 jobTitle; then the index in `otherMails`
    /// (0 for the other fields).
    pub fn number(self) -> (u32, u32) {
        let (number, _, index) = self.described();
        (number, index.map_or(0, u32::from))
    }

    /// The one table of the field's number, property name and list index.
    #[inline]
    fn described(self) -> (u32, &'static str, Option<u16>) {
        match self {
            Field::DisplayName => (0, "displayName", None),
            Field::GivenName => (1, "givenName", None),
            Field::Surname => (2, "surname", None),
            Field::Mail => (3, "mail", None),
            Field::OtherMail(i) => (4, "otherMails", Some(i)),
            Field::UserPrincipalName => (5, "userPrincipalName", None),
            Field::JobTitle => (6, "jobTitle", None),
        }
    }
}

/// A matched range of one field: UTF-16 code-unit offsets into the original value, so
/// JavaScript's `value.slice(start, end)` is the part to bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Highlight {
    /// Which field.
    pub field: Field,
    /// First UTF-16 code unit.
    pub start: u32,
    /// One past the last UTF-16 code unit.
    pub end: u32,
}

/// One search result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The record's key.
    pub key: Key,
    /// Why it ranks where it does (exact words, display-name start, field weight).
    pub score: Score,
}

/// A query that cannot be run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// More than [`MAX_QUERY_CHARS`] characters.
    #[error("the query has {chars} characters; at most {limit} are searched, shorten it")]
    TooLong {
        /// Characters in the query.
        chars: usize,
        /// The limit, [`MAX_QUERY_CHARS`].
        limit: usize,
    },
}

/// A session's search refuses such a query with [`crate::error::Error::QueryTooLong`]
/// (defined here, beside the query, so that errors import nothing of the search's).
impl From<QueryError> for crate::error::Error {
    fn from(err: QueryError) -> Self {
        match err {
            QueryError::TooLong { chars, limit } => {
                crate::error::Error::QueryTooLong { chars, limit }
            }
        }
    }
}

impl QueryError {
    /// The stable machine-readable code: `"QUERY_TOO_LONG"`.
    pub fn code(&self) -> &'static str {
        match self {
            QueryError::TooLong { .. } => "QUERY_TOO_LONG",
        }
    }
}

/// Refuses a query longer than [`MAX_QUERY_CHARS`] characters: the one check of a
/// query's length, made by the index's search and by every caller that must refuse a
/// query before searching (a session's search).
pub fn check_query(query: &str) -> Result<(), QueryError> {
    // Byte length bounds character count from above: short queries are not counted.
    if query.len() <= MAX_QUERY_CHARS {
        return Ok(());
    }
    let chars = query.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong {
            chars,
            limit: MAX_QUERY_CHARS,
        });
    }
    Ok(())
}
