//! The directory's people-search indexes: one [`PeopleIndex`] per tenant over that
//! tenant's user objects (members and the guest objects that live there), keyed by user
//! slot, kept current by every user change so a search never needs a rebuild.

use super::table::Table;
use crate::binary::corrupt;
use crate::error::Result;
use crate::model::User;
use crate::search::{Key, PeopleIndex, Person, StoredIndex};
use std::collections::HashMap;

/// Flag bit: the record is a guest object.
pub const GUEST: u32 = 1;
/// Flag bit: the record is a guest whose invitation is pending.
pub const PENDING: u32 = 2;

/// The searchable fields of a user, borrowed.
pub fn person(user: &User) -> Person<'_> {
    Person {
        display_name: &user.display_name,
        given_name: user.given_name.as_deref(),
        surname: user.surname.as_deref(),
        mail: user.mail.as_deref(),
        other_mails: &user.other_mails,
        user_principal_name: &user.user_principal_name,
        job_title: user.job_title.as_deref(),
    }
}

/// The search flags of a user.
pub fn flags(user: &User) -> u32 {
    let mut f = 0;
    if user.is_guest() {
        f |= GUEST;
    }
    if user.is_pending() {
        f |= PENDING;
    }
    f
}

/// One people index per tenant.
#[derive(Debug, Clone, Default)]
pub struct People {
    by_tenant: HashMap<String, PeopleIndex>,
}

impl People {
    /// Builds every tenant's index in one pass per tenant.
    pub fn build(users: &Table<User>) -> People {
        let mut grouped: HashMap<&str, Vec<(u32, &User)>> = HashMap::new();
        for (slot, user) in users.iter_slots() {
            grouped
                .entry(&user.tenant_id)
                .or_default()
                .push((slot, user));
        }
        let by_tenant = grouped
            .into_iter()
            .map(|(tenant, members)| {
                let index = PeopleIndex::from_people(
                    members.iter().map(|(slot, u)| (*slot, person(u), flags(u))),
                );
                (tenant.to_string(), index)
            })
            .collect();
        People { by_tenant }
    }

    /// The indexes a view carries ([`StoredIndex`]: per tenant, in parts), each finished
    /// against the view's `users` (their address arrays derived, every array checked),
    /// refusing one that does not index every user exactly once (`SNAPSHOT_CORRUPT`).
    pub(crate) fn from_stored(
        stored: Vec<(String, StoredIndex)>,
        users: &Table<User>,
    ) -> Result<People> {
        let mut merged: Vec<(String, StoredIndex)> = Vec::new();
        for (tenant, part) in stored {
            match merged.iter_mut().find(|(t, _)| *t == tenant) {
                Some((_, index)) => index.extend(part),
                None => merged.push((tenant, part)),
            }
        }
        let mut by_tenant = HashMap::new();
        let mut live = 0;
        for (tenant, part) in merged {
            let of = |k: Key| users.at(k).filter(|u| u.tenant_id == tenant);
            let index = part.finish(&|k| of(k).map(person), &|k| of(k).map(flags))?;
            live += index.len();
            if !index.is_empty() {
                by_tenant.insert(tenant, index);
            }
        }
        if live != users.len() {
            return Err(corrupt(
                "the view's people index does not hold every person",
            ));
        }
        Ok(People { by_tenant })
    }

    /// Adds or replaces the user in `slot`.
    pub fn upsert(&mut self, slot: u32, user: &User) {
        self.by_tenant
            .entry(user.tenant_id.clone())
            .or_default()
            .upsert(slot, &person(user), flags(user));
    }

    /// Removes the user in `slot` from `tenant_id`'s index.
    pub fn remove(&mut self, tenant_id: &str, slot: u32) {
        if let Some(index) = self.by_tenant.get_mut(tenant_id) {
            index.remove(slot);
        }
    }

    /// Every tenant's index, by tenant id (for snapshots).
    pub fn all(&self) -> impl Iterator<Item = (&str, &PeopleIndex)> {
        self.by_tenant.iter().map(|(t, i)| (t.as_str(), i))
    }

    /// People indexes restored from a snapshot, already checked against the users.
    pub fn from_indexes(by_tenant: HashMap<String, PeopleIndex>) -> People {
        People { by_tenant }
    }

    /// The index of one tenant.
    pub fn of(&self, tenant_id: &str) -> Option<&PeopleIndex> {
        self.by_tenant.get(tenant_id)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::binary::{Reader, Writer};

    fn user(id: &str, tenant: &str) -> User {
        serde_json::from_value(serde_json::json!({
            "id": id, "tenantId": tenant, "displayName": format!("Person {id}"),
            "userPrincipalName": format!("{id}@{tenant}.com"), "mail": format!("{id}@{tenant}.com"),
        }))
        .unwrap()
    }

    /// What a view carries for an index of `users[at]`, keyed by position.
    fn stored(users: &[User], at: &[u32]) -> StoredIndex {
        let people = at.iter().map(|&k| {
            let u = &users[k as usize];
            (k, person(u), flags(u))
        });
        let mut w = Writer::new();
        PeopleIndex::from_people(people).write_view(&mut w);
        let bytes = w.into_bytes();
        StoredIndex::read(&mut Reader::new(&bytes)).unwrap()
    }

    fn table(users: &[User]) -> Table<User> {
        Table::from_slots(users.iter().cloned().map(Some).collect(), Vec::new()).unwrap()
    }

    #[test]
    fn a_views_index_must_hold_every_person_once() {
        let users = [user("ann", "t"), user("bob", "t"), user("eve", "o")];
        let t = table(&users);
        let whole = || {
            vec![
                ("t".into(), stored(&users, &[0, 1])),
                ("o".into(), stored(&users, &[2])),
            ]
        };
        let people = People::from_stored(whole(), &t).unwrap();
        assert_eq!(people.by_tenant.len(), 2);
        let corrupt = |parts: Vec<(String, StoredIndex)>| {
            let err = People::from_stored(parts, &t).unwrap_err();
            assert_eq!(err.code(), "SNAPSHOT_CORRUPT", "{err}");
        };
        // Someone left out.
        corrupt(vec![("t".into(), stored(&users, &[0, 1]))]);
        // Someone twice, in the shared part and the personal part.
        let mut twice = whole();
        twice.push(("t".into(), stored(&users, &[1])));
        corrupt(twice);
        // Someone under another tenant's index.
        corrupt(vec![("t".into(), stored(&users, &[0, 1, 2]))]);
        // A key that is no one's.
        let more = [
            user("ann", "t"),
            user("bob", "t"),
            user("eve", "o"),
            user("zed", "t"),
        ];
        corrupt(vec![
            ("t".into(), stored(&more, &[0, 1, 3])),
            ("o".into(), stored(&users, &[2])),
        ]);
    }
}
