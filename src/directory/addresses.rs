//! Sign-in names: which user of a tenant a userPrincipalName or mail address names.
//!
//! Keys are 64-bit hashes of (tenant, lower-cased address) so a million users cost a few bytes
//! each; every hit is confirmed against the stored user, so a hash collision can never
//! sign in the wrong person.

use super::table::Table;
use crate::error::{Error, Result};
use crate::model::{Tenant, User};
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// Users of each tenant by userPrincipalName and by mail.
#[derive(Debug, Clone, Default)]
pub struct AddressBook {
    by_hash: HashMap<u64, Slots, PassKey>,
}

#[derive(Debug, Clone)]
enum Slots {
    One(u32),
    Many(Vec<u32>),
}

/// The key of (tenant, address): a 64-bit hash of the tenant id and the address's
/// lower-cased characters. A multiply-rotate per character with a final mix: several
/// times faster than `DefaultHasher` fed one character at a time, which was the largest
/// single cost of loading a directory. Hits are confirmed against the stored user.
fn key(tenant_id: &str, address: &str) -> u64 {
    let mut h = KeyHash(0);
    for b in tenant_id.bytes() {
        h.add(u64::from(b));
    }
    h.add(0x1_0000_00ff);
    if address.is_ascii() {
        for b in address.bytes() {
            h.add(u64::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in address.chars().flat_map(char::to_lowercase) {
            h.add(u64::from(u32::from(c)));
        }
    }
    h.finish()
}

struct KeyHash(u64);

impl KeyHash {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    /// MurmurHash3's 64-bit finalizer, so every bit of the key depends on every input.
    fn finish(self) -> u64 {
        let mut k = self.0;
        k ^= k >> 33;
        k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
        k ^= k >> 33;
        k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        k ^ (k >> 33)
    }
}

/// The map's own hasher passes the (already mixed) key through.
#[derive(Debug, Clone, Copy, Default)]
struct PassKey;

#[derive(Default)]
struct PassKeyHasher(u64);

impl Hasher for PassKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, k: u64) {
        self.0 = k;
    }
}

impl BuildHasher for PassKey {
    type Hasher = PassKeyHasher;
    fn build_hasher(&self) -> PassKeyHasher {
        PassKeyHasher::default()
    }
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
        let mut book = AddressBook {
            by_hash: HashMap::with_capacity_and_hasher(users.len() * 2, PassKey),
        };
        for (slot, user) in users.iter_slots() {
            // A key nobody holds yet needs no check: the UPN is free. (One hash of the
            // UPN and one map operation for most users.)
            let upn = key(&user.tenant_id, &user.user_principal_name);
            match book.by_hash.entry(upn) {
                Entry::Vacant(e) => {
                    e.insert(Slots::One(slot));
                }
                Entry::Occupied(_) => {
                    book.check_upn_free(user, users)?;
                    book.add(upn, slot);
                }
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
        let taken = self
            .candidates(&user.tenant_id, &user.user_principal_name)
            .filter_map(|slot| users.at(slot))
            .any(|other| {
                other.id != user.id
                    && other.tenant_id == user.tenant_id
                    && same(&other.user_principal_name, &user.user_principal_name)
            });
        if taken {
            return Err(Error::InvalidValue {
                field: format!("users[{}].userPrincipalName", user.id),
                reason: format!(
                    "\"{}\" is already the userPrincipalName of another user in tenant \"{}\"",
                    user.user_principal_name, user.tenant_id
                ),
            });
        }
        Ok(())
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
        self.drop_key(key(&user.tenant_id, &user.user_principal_name), slot);
        if let Some(mail) = &user.mail {
            self.drop_key(key(&user.tenant_id, mail), slot);
        }
    }

    /// The user of `tenant_id` whose UPN, or else whose mail, equals `address`.
    pub fn find(&self, tenant_id: &str, address: &str, users: &Table<User>) -> Option<u32> {
        let found: Vec<(u32, &User)> = self
            .candidates(tenant_id, address)
            .filter_map(|slot| users.at(slot).map(|u| (slot, u)))
            .filter(|(_, u)| u.tenant_id == tenant_id)
            .collect();
        found
            .iter()
            .find(|(_, u)| same(&u.user_principal_name, address))
            .or_else(|| {
                found
                    .iter()
                    .find(|(_, u)| u.mail.as_deref().is_some_and(|m| same(m, address)))
            })
            .map(|(slot, _)| *slot)
    }

    fn candidates(&self, tenant_id: &str, address: &str) -> impl Iterator<Item = u32> + '_ {
        let slots: &[u32] = match self.by_hash.get(&key(tenant_id, address)) {
            Some(Slots::One(slot)) => std::slice::from_ref(slot),
            Some(Slots::Many(slots)) => slots,
            None => &[],
        };
        slots.iter().copied()
    }

    fn add(&mut self, k: u64, slot: u32) {
        match self.by_hash.get_mut(&k) {
            None => {
                self.by_hash.insert(k, Slots::One(slot));
            }
            Some(Slots::One(existing)) => {
                if *existing != slot {
                    let first = *existing;
                    self.by_hash.insert(k, Slots::Many(vec![first, slot]));
                }
            }
            Some(Slots::Many(slots)) => {
                if !slots.contains(&slot) {
                    slots.push(slot);
                }
            }
        }
    }

    fn drop_key(&mut self, k: u64, slot: u32) {
        let now_empty = match self.by_hash.get_mut(&k) {
            Some(Slots::One(existing)) => *existing == slot,
            Some(Slots::Many(slots)) => {
                slots.retain(|s| *s != slot);
                slots.is_empty()
            }
            None => false,
        };
        if now_empty {
            self.by_hash.remove(&k);
        }
    }
}
