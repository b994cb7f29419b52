//! Sign-in names: which user of a tenant a userPrincipalName or mail address names.
//!
//! Users are indexed by a hash of (tenant, lower-cased address) in a [`SlotIndex`], so a
//! million users cost a few bytes each; every hit is confirmed against the stored user,
//! so a hash collision can never sign in the wrong person.

use super::slot_index::SlotIndex;
use super::table::Table;
use crate::error::{Error, Result};
use crate::model::{Tenant, User};

/// Users of each tenant by userPrincipalName and by mail.
#[derive(Debug, Clone, Default)]
pub struct AddressBook {
    by_hash: SlotIndex,
}

/// The key of (tenant, address): XXH64 ([`crate::hash`], the crate's one hash) of the
/// address's lower-cased characters under the hash of the tenant id. An ASCII address
/// (nearly all) is lower-cased on the stack, so a load allocates nothing here. Hits are
/// confirmed against the stored user.
fn key(tenant_id: &str, address: &str) -> u64 {
    let tenant = crate::hash::stable(tenant_id.as_bytes());
    let mut stack = [0u8; 128];
    if let Some(lower) = stack
        .get_mut(..address.len())
        .filter(|_| address.is_ascii())
    {
        lower.copy_from_slice(address.as_bytes());
        lower.make_ascii_lowercase();
        return crate::hash::seeded(lower, tenant);
    }
    let lower: String = address.chars().flat_map(char::to_lowercase).collect();
    crate::hash::seeded(lower.as_bytes(), tenant)
}

fn same(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

impl AddressBook {
    /// Indexes every user, refusing two users of one tenant with the same UPN.
    pub fn build(users: &Table<User>, _tenants: &Table<Tenant>) -> Result<AddressBook> {
        // Room for exactly the UPNs and the mails that differ from them.
        let entries = users
            .iter_slots()
            .filter(|(_, u)| {
                u.mail
                    .as_deref()
                    .is_some_and(|m| !same(m, &u.user_principal_name))
            })
            .count()
            + users.len();
        let mut book = AddressBook {
            by_hash: SlotIndex::with_capacity(entries),
        };
        for (slot, user) in users.iter_slots() {
            // The UPN goes in with its check in one walk of the index.
            let upn = key(&user.tenant_id, &user.user_principal_name);
            let clash = book.by_hash.insert_unless(upn, slot, &mut |other| {
                other != slot && users.at(other).is_some_and(|o| same_upn(o, user))
            });
            if clash.is_some() {
                return Err(upn_taken(user));
            }
            if let Some(mail) = &user.mail {
                if !same(mail, &user.user_principal_name) {
                    book.add(key(&user.tenant_id, mail), slot);
                }
            }
        }
        Ok(book)
    }

    /// Refuses `user` if another user of its tenant already has its userPrincipalName.
    pub fn check_upn_free(&self, user: &User, users: &Table<User>) -> Result<()> {
        let k = key(&user.tenant_id, &user.user_principal_name);
        let taken = self.by_hash.find(k, &mut |slot| {
            users.at(slot).is_some_and(|o| same_upn(o, user))
        });
        match taken {
            Some(_) => Err(upn_taken(user)),
            None => Ok(()),
        }
    }

    /// Adds the user's UPN and mail.
    pub fn insert(&mut self, slot: u32, user: &User) {
        self.add(key(&user.tenant_id, &user.user_principal_name), slot);
        if let Some(mail) = &user.mail {
            if !same(mail, &user.user_principal_name) {
                self.add(key(&user.tenant_id, mail), slot);
            }
        }
    }

    /// Removes the user's UPN and mail.
    pub fn remove(&mut self, slot: u32, user: &User) {
        self.by_hash
            .remove(key(&user.tenant_id, &user.user_principal_name), slot);
        if let Some(mail) = &user.mail {
            self.by_hash.remove(key(&user.tenant_id, mail), slot);
        }
    }

    /// The user of `tenant_id` whose UPN, or else whose mail, equals `address`.
    ///
    /// UPNs are unique in a tenant (a second one is refused). A `mail` need not be: Entra
    /// keeps `proxyAddresses` unique, but a world's `mail` may repeat, and no Microsoft
    /// document says whom such an address names. The conservative answer: an address that
    /// is the mail of two users of the tenant (and no one's UPN) names nobody for certain,
    /// and is refused with `AMBIGUOUS_USER` whatever the order the users were added in.
    pub fn find(&self, tenant_id: &str, address: &str, users: &Table<User>) -> Result<Option<u32>> {
        let k = key(tenant_id, address);
        let of_tenant = |slot: u32| users.at(slot).filter(|u| u.tenant_id == tenant_id);
        let by_upn = self.by_hash.find(k, &mut |slot| {
            of_tenant(slot).is_some_and(|u| same(&u.user_principal_name, address))
        });
        if by_upn.is_some() {
            return Ok(by_upn);
        }
        let mut first = None;
        let second = self.by_hash.find(k, &mut |slot| {
            let named = of_tenant(slot)
                .is_some_and(|u| u.mail.as_deref().is_some_and(|m| same(m, address)));
            if named && first.is_none() {
                first = Some(slot);
                return false;
            }
            named && first != Some(slot)
        });
        if second.is_some() {
            return Err(Error::AmbiguousUser {
                user: address.to_string(),
                tenant: tenant_id.to_string(),
            });
        }
        Ok(first)
    }

    /// Indexes `slot` under `k` unless it already is (two addresses that share a hash).
    fn add(&mut self, k: u64, slot: u32) {
        self.by_hash
            .insert_unless(k, slot, &mut |other| other == slot);
    }
}

/// Whether `other` is another user of `user`'s tenant with the same userPrincipalName.
fn same_upn(other: &User, user: &User) -> bool {
    other.id != user.id
        && other.tenant_id == user.tenant_id
        && same(&other.user_principal_name, &user.user_principal_name)
}

fn upn_taken(user: &User) -> Error {
    Error::InvalidValue {
        field: format!("users[{}].userPrincipalName", user.id),
        reason: format!(
            "\"{}\" is already the userPrincipalName of another user in tenant \"{}\"",
            user.user_principal_name, user.tenant_id
        ),
    }
}
