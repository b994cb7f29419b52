//! `session.search` packed for JavaScript: the per-keystroke path of a people picker.
//!
//! The results cross as one text (every field of every result, back to back) and one
//! list of numbers (flags, each field's UTF-16 length, the highlights), which
//! `pkg-template/session.ts` (`unpackSearch`) cuts into the same objects
//! `session.search` has always answered: no JSON written, parsed, or escaped, no copy of
//! a field before it is written out. Fields are cut by length, so any character may be in
//! them. The numbers wait in a buffer for the `sessionSearchNumbers` call that follows.
//!
//! Numbers: `mode` (0 full, 1 exactOnly, 2 none), `guestsHidden` (0 or 1), the count of
//! items, then per item: flags (1 guest, 2 pending, 4 mail, 8 homeTenantId,
//! 16 homeTenantName, 32 jobTitle), the lengths of id, displayName, userPrincipalName and
//! of each field its flags say is present (in that order), the number of highlights and
//! four numbers per highlight (field as `Field::number`, index in otherMails, start, end).

use guestpass::directory::{search_person, Directory};
use guestpass::model::User;
use guestpass::search::{Field, Highlight, Highlighter};
use guestpass::session::{home_tenant_name, Found, FoundPeople, PersonMatch, SearchMode};
use std::cell::RefCell;

thread_local! {
    /// The numbers of the last packed search, until JavaScript takes them.
    static NUMBERS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Takes the numbers of the last packed search.
pub fn take_numbers() -> Vec<u32> {
    NUMBERS.with(|n| std::mem::take(&mut *n.borrow_mut()))
}

/// One result's fields, borrowed.
struct Item<'a> {
    id: &'a str,
    display_name: &'a str,
    user_principal_name: &'a str,
    mail: Option<&'a str>,
    home_tenant_id: Option<&'a str>,
    home_tenant_name: Option<&'a str>,
    job_title: Option<&'a str>,
    guest: bool,
    pending: bool,
}

/// Length in UTF-16 code units (`String.length`).
fn utf16_len(s: &str) -> u32 {
    if s.is_ascii() {
        s.len() as u32
    } else {
        s.encode_utf16().count() as u32
    }
}

/// Writes `item` to the text and its flags and lengths to the numbers.
fn put(text: &mut String, numbers: &mut Vec<u32>, item: &Item<'_>) {
    let optional = [
        item.mail,
        item.home_tenant_id,
        item.home_tenant_name,
        item.job_title,
    ];
    let mut flags = u32::from(item.guest) | (u32::from(item.pending) << 1);
    for (bit, value) in optional.iter().enumerate() {
        if value.is_some() {
            flags |= 4 << bit;
        }
    }
    numbers.push(flags);
    let present = [item.id, item.display_name, item.user_principal_name]
        .into_iter()
        .chain(optional.into_iter().flatten());
    for value in present {
        text.push_str(value);
        numbers.push(utf16_len(value));
    }
}

fn put_ranges(numbers: &mut Vec<u32>, ranges: &[Highlight]) {
    numbers.push(ranges.len() as u32);
    for r in ranges {
        let (field, index) = r.field.number();
        numbers.extend([field, index, r.start, r.end]);
    }
}

/// The number of a highlight's field name (as [`Field::number`]).
fn field_number(name: &str) -> u32 {
    let field = match name {
        "displayName" => Field::DisplayName,
        "givenName" => Field::GivenName,
        "surname" => Field::Surname,
        "mail" => Field::Mail,
        "otherMails" => Field::OtherMail(0),
        "userPrincipalName" => Field::UserPrincipalName,
        _ => Field::JobTitle,
    };
    field.number().0
}

/// `found` packed: the text (returned) and the numbers (kept for [`take_numbers`]).
pub fn pack(dir: &Directory, query: &str, found: &Found<'_>) -> String {
    let mut text = String::new();
    let mut numbers: Vec<u32> = Vec::new();
    let mode = match found.mode {
        SearchMode::Full => 0,
        SearchMode::ExactOnly => 1,
        SearchMode::None => 2,
    };
    numbers.extend([mode, u32::from(found.guests_hidden)]);
    match &found.people {
        FoundPeople::Users(users) => {
            numbers.push(users.len() as u32);
            let mut hl = Highlighter::new(query);
            let mut ranges = Vec::new();
            for user in users {
                put(&mut text, &mut numbers, &user_item(dir, user, found.mode));
                ranges.clear();
                hl.highlight_into(&search_person(user), &mut ranges);
                put_ranges(&mut numbers, &ranges);
            }
        }
        FoundPeople::Sealed(items) => {
            numbers.push(items.len() as u32);
            for m in items {
                put(&mut text, &mut numbers, &sealed_item(m));
                numbers.push(m.highlights.len() as u32);
                for r in &m.highlights {
                    let index = u32::from(r.index.unwrap_or(0));
                    numbers.extend([field_number(r.field), index, r.start, r.end]);
                }
            }
        }
    }
    NUMBERS.with(|n| *n.borrow_mut() = numbers);
    text
}

fn user_item<'a>(dir: &'a Directory, user: &'a User, mode: SearchMode) -> Item<'a> {
    Item {
        id: &user.id,
        display_name: &user.display_name,
        user_principal_name: &user.user_principal_name,
        mail: user.mail.as_deref(),
        home_tenant_id: user.home_tenant_id.as_deref(),
        home_tenant_name: home_tenant_name(dir, user, mode),
        job_title: user.job_title.as_deref(),
        guest: user.is_guest(),
        pending: user.is_pending(),
    }
}

fn sealed_item(m: &PersonMatch) -> Item<'_> {
    Item {
        id: &m.id,
        display_name: &m.display_name,
        user_principal_name: &m.user_principal_name,
        mail: m.mail.as_deref(),
        home_tenant_id: m.home_tenant_id.as_deref(),
        home_tenant_name: m.home_tenant_name.as_deref(),
        job_title: m.job_title.as_deref(),
        guest: m.user_type == guestpass::model::UserType::Guest,
        pending: m.pending,
    }
}
