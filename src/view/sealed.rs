//! The people part of a view for a guest with limited access: an address book that
//! answers an exact address and nothing else.
//!
//! Entra's limited guest access lets a guest find someone by their exact address and
//! not browse the directory ("Restrict guest access permissions in Microsoft Entra ID").
//! A view's bytes are readable by the person, so the book holds no readable names: for
//! every address of the tenant (mail, other mails, userPrincipalName and the address
//! inside a guest's `#EXT#` name, compared as `to_lowercase` does, like the whole
//! directory's lookup) it keeps
//!
//! - a **tag**, HMAC-SHA-256(salt, `"lookup\0"` ‖ address) cut to 16 bytes, sorted, so
//!   a lookup is one binary search;
//! - a **record** sealed with ChaCha20-Poly1305 under HMAC-SHA-256(salt, `"seal\0"` ‖
//!   address): the users with that address and the digests of the groups each belongs to
//!   (nested groups counting, for a search's group filter).
//!
//! The salt is SHA-256 of the tenant id and every record's plaintext, so a key seals one
//! plaintext only (the all-zero nonce is never reused under a key) and the same people
//! give the same bytes. Reading the book without an address reveals how many addresses
//! there are and nothing else; trying an address offline reveals what an exact lookup
//! would. Guessable addresses stay guessable — as they are for the lookup itself.

use crate::binary::{corrupt, Reader, Writer};
use crate::directory::{AddressLookup, IdDigest, SealedPerson};
use crate::error::Result;
use crate::model::User;
use crate::search::normalize::decode_guest_upn;
use crate::snapshot::world_codec::{read_user, write_user};
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

type Tag = [u8; 16];
const MIN_ENTRY: usize = 17;

/// Exact address lookups over sealed records (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SealedBook {
    salt: [u8; 32],
    /// Tags ascending, each with its sealed record.
    entries: Vec<(Tag, Vec<u8>)>,
}

/// The addresses an exact lookup finds `user` by, as compared (lowercase).
fn addresses(user: &User) -> Vec<String> {
    let mut out: Vec<String> = user
        .mail
        .iter()
        .chain(std::iter::once(&user.user_principal_name))
        .chain(user.other_mails.iter())
        .map(|a| a.to_lowercase())
        .chain(decode_guest_upn(&user.user_principal_name).map(|a| a.to_lowercase()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn keyed(salt: &[u8; 32], label: &[u8], address: &str) -> Option<[u8; 32]> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(salt).ok()?;
    mac.update(label);
    mac.update(address.as_bytes());
    Some(mac.finalize().into_bytes().into())
}

fn tag(salt: &[u8; 32], address: &str) -> Option<Tag> {
    let full = keyed(salt, b"lookup\0", address)?;
    let mut out = [0u8; 16];
    out.copy_from_slice(full.get(..16)?);
    Some(out)
}

fn cipher(salt: &[u8; 32], address: &str) -> Option<ChaCha20Poly1305> {
    let key = keyed(salt, b"seal\0", address)?;
    Some(ChaCha20Poly1305::new(Key::from_slice(&key)))
}

impl SealedBook {
    /// Seals `people` (users of `tenant_id` with their group digests) by address.
    pub fn seal(tenant_id: &str, people: &[(&User, Vec<IdDigest>)]) -> SealedBook {
        let plain: Vec<Vec<u8>> = people
            .iter()
            .map(|(user, groups)| {
                let mut w = Writer::new();
                write_user(&mut w, user);
                w.varint(groups.len() as u64);
                for g in groups {
                    w.raw(g);
                }
                w.into_bytes()
            })
            .collect();
        let mut h = Sha256::new();
        h.update(b"guestpass view salt\0");
        h.update(tenant_id.as_bytes());
        for p in &plain {
            h.update((p.len() as u64).to_le_bytes());
            h.update(p);
        }
        let salt: [u8; 32] = h.finalize().into();
        let mut by_address: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, (user, _)) in people.iter().enumerate() {
            for a in addresses(user) {
                by_address.entry(a).or_default().push(i);
            }
        }
        let mut entries: Vec<(Tag, Vec<u8>)> = by_address
            .into_iter()
            .filter_map(|(address, who)| {
                let mut record = Writer::new();
                record.varint(who.len() as u64);
                for i in who {
                    record.raw(plain.get(i).map(Vec::as_slice).unwrap_or_default());
                }
                let sealed = cipher(&salt, &address)?
                    .encrypt(Nonce::from_slice(&[0; 12]), record.into_bytes().as_slice())
                    .ok()?;
                Some((tag(&salt, &address)?, sealed))
            })
            .collect();
        entries.sort_unstable_by_key(|e| e.0);
        SealedBook { salt, entries }
    }

    /// How many addresses the book answers.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the book answers no address.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The users whose address is `address` (trimmed, compared in lowercase), with their
    /// group digests; empty when none or when the record does not open.
    pub fn open(&self, address: &str) -> Vec<SealedPerson> {
        let address = address.trim().to_lowercase();
        if address.is_empty() {
            return Vec::new();
        }
        let Some(t) = tag(&self.salt, &address) else {
            return Vec::new();
        };
        let Ok(at) = self.entries.binary_search_by(|e| e.0.cmp(&t)) else {
            return Vec::new();
        };
        let opened = self.entries.get(at).and_then(|(_, sealed)| {
            cipher(&self.salt, &address)?
                .decrypt(Nonce::from_slice(&[0; 12]), sealed.as_slice())
                .ok()
        });
        opened
            .and_then(|plain| read_people(&plain).ok())
            .unwrap_or_default()
    }

    /// Writes the book: the salt, the entry count, then each tag and sealed record.
    pub fn write(&self, w: &mut Writer) {
        w.raw(&self.salt);
        w.varint(self.entries.len() as u64);
        for (t, sealed) in &self.entries {
            w.raw(t);
            w.varint(sealed.len() as u64);
            w.raw(sealed);
        }
    }

    /// Reads a book [`SealedBook::write`] wrote, refusing tags out of order.
    pub fn read(r: &mut Reader<'_>) -> Result<SealedBook> {
        let salt = r.raw::<32>("sealed book salt")?;
        let n = r.count(MIN_ENTRY, "sealed book entries")?;
        let mut entries: Vec<(Tag, Vec<u8>)> = Vec::with_capacity(n);
        for _ in 0..n {
            let t = r.raw::<16>("sealed book tag")?;
            if entries.last().is_some_and(|(last, _)| *last >= t) {
                return Err(corrupt("sealed book tags are not in ascending order"));
            }
            entries.push((t, r.var_bytes("sealed record")?.to_vec()));
        }
        Ok(SealedBook { salt, entries })
    }
}

impl AddressLookup for SealedBook {
    fn open(&self, address: &str) -> Vec<SealedPerson> {
        SealedBook::open(self, address)
    }

    fn len(&self) -> usize {
        SealedBook::len(self)
    }
}

fn read_people(plain: &[u8]) -> Result<Vec<SealedPerson>> {
    let mut r = Reader::new(plain);
    let n = r.count(1, "sealed people")?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let user = read_user(&mut r)?;
        let g = r.count(16, "sealed group digests")?;
        let mut groups = Vec::with_capacity(g);
        for _ in 0..g {
            groups.push(r.raw::<16>("sealed group digest")?);
        }
        out.push(SealedPerson { user, groups });
    }
    r.finish()?;
    Ok(out)
}
