//! The directory's link key: what makes an invitation's redeem link unguessable.
//!
//! Microsoft's redeem links carry a `ticket` beside the tenant and user ids (Microsoft
//! Graph "Create invitation", the `inviteRedeemUrl` of its example response), so knowing
//! a guest's object id is not enough to redeem their invitation. guestpass's ticket is
//! the first 16 bytes of HMAC-SHA-256 under a 32-byte key the directory keeps, over the
//! tenant and user ids, written as 32 lowercase hex digits. The key travels in snapshots
//! (`toBytes`), never in world JSON or views: a directory loaded from JSON makes a new
//! key, so links made before no longer redeem — the guest still redeems at first sign-in.

use crate::error::{Error, Result};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::sync::OnceLock;

/// Where a host without the operating system's randomness (wasm32) gets 32 secret random
/// bytes: registered by the Wasm boundary (WebCrypto's `getRandomValues`).
static HOST_RANDOM: OnceLock<fn() -> Option<[u8; 32]>> = OnceLock::new();

/// Registers the host's source of secret random bytes for ticket keys, where std has none
/// (wasm32: the boundary registers WebCrypto). The first registration stays.
pub fn set_host_random(source: fn() -> Option<[u8; 32]>) {
    let _ = HOST_RANDOM.set(source);
}

/// Bytes of a ticket (before hex).
const TICKET_BYTES: usize = 16;

/// A secret 32-byte key for redeem tickets.
#[derive(Clone, PartialEq, Eq)]
pub struct LinkKey([u8; 32]);

impl std::fmt::Debug for LinkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkKey(..)")
    }
}

impl LinkKey {
    /// A key from 32 secret random bytes (the caller's: WebCrypto at the Wasm boundary).
    pub fn from_bytes(bytes: [u8; 32]) -> LinkKey {
        LinkKey(bytes)
    }

    /// The key's bytes, for the snapshot writer.
    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Whether a key can be made here: natively always, on wasm32 once the host has
    /// registered its randomness ([`set_host_random`]).
    pub(crate) fn can_make() -> bool {
        !cfg!(target_arch = "wasm32") || HOST_RANDOM.get().is_some()
    }

    /// A key from the randomness the operating system gave this thread (std's
    /// `RandomState` keys, 128 bits, mixed through SHA-256), or on wasm32 from the host's
    /// registered source; `None` where there is neither.
    pub(crate) fn from_os() -> Option<LinkKey> {
        if cfg!(target_arch = "wasm32") {
            return HOST_RANDOM.get().and_then(|source| source()).map(LinkKey);
        }
        use sha2::Digest;
        use std::hash::{BuildHasher, RandomState};
        let mut seed = Sha256::new();
        for i in 0u8..4 {
            seed.update(RandomState::new().hash_one(i).to_le_bytes());
        }
        Some(LinkKey(seed.finalize().into()))
    }

    /// HMAC takes a key of any length, so this is `None` never in practice.
    fn mac(&self, tenant_id: &str, user_id: &str) -> Option<Hmac<Sha256>> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).ok()?;
        for part in [tenant_id, user_id] {
            mac.update(&(part.len() as u64).to_le_bytes());
            mac.update(part.as_bytes());
        }
        Some(mac)
    }

    /// The ticket of the invitation of `user_id` in `tenant_id`.
    pub fn ticket(&self, tenant_id: &str, user_id: &str) -> Result<String> {
        let mac = self
            .mac(tenant_id, user_id)
            .ok_or_else(|| Error::InvalidValue {
                field: "linkKey".into(),
                reason: "it is not a key HMAC-SHA-256 takes".into(),
            })?;
        let tag = mac.finalize().into_bytes();
        Ok(tag
            .iter()
            .take(TICKET_BYTES)
            .map(|b| format!("{b:02x}"))
            .collect())
    }

    /// Whether `ticket` is the ticket of that invitation (compared in constant time).
    pub fn accepts(&self, tenant_id: &str, user_id: &str, ticket: &str) -> bool {
        let Some(tag) = unhex(ticket) else {
            return false;
        };
        self.mac(tenant_id, user_id)
            .is_some_and(|mac| mac.verify_truncated_left(&tag).is_ok())
    }
}

/// Exactly [`TICKET_BYTES`] bytes from lowercase or uppercase hex, or `None`.
fn unhex(text: &str) -> Option<[u8; TICKET_BYTES]> {
    let digits = text.as_bytes();
    if digits.len() != TICKET_BYTES * 2 {
        return None;
    }
    let mut out = [0u8; TICKET_BYTES];
    for (byte, pair) in out.iter_mut().zip(digits.chunks(2)) {
        let pair = std::str::from_utf8(pair).ok()?;
        *byte = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_redeems_its_invitation_only() {
        let key = LinkKey::from_bytes([7; 32]);
        let ticket = key.ticket("contoso", "eve").unwrap();
        assert_eq!(ticket.len(), 32);
        assert!(key.accepts("contoso", "eve", &ticket));
        assert!(key.accepts("contoso", "eve", &ticket.to_uppercase()));
        assert!(!key.accepts("contoso", "eva", &ticket));
        assert!(!key.accepts("contos", "oeve", &ticket));
        assert!(!key.accepts("contoso", "eve", &ticket[..30]));
        assert!(!key.accepts("contoso", "eve", "zz"));
        let other = LinkKey::from_bytes([8; 32]);
        assert!(!other.accepts("contoso", "eve", &ticket));
    }

    #[test]
    fn os_keys_differ_and_do_not_print() {
        let (a, b) = (LinkKey::from_os().unwrap(), LinkKey::from_os().unwrap());
        assert_ne!(a, b);
        assert_eq!(format!("{a:?}"), "LinkKey(..)");
    }
}
