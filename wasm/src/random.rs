//! Secret randomness from the JavaScript host: `crypto.getRandomValues` (WebCrypto, in
//! every current browser, worker and Node 20+). The core has no randomness of its own on
//! wasm32, so the boundary registers this source when the module starts (`start` in
//! lib.rs): it keys every table's id hashing (`guestpass::directory::Table`) and the key
//! of a directory's invitation redeem tickets (`guestpass::directory::LinkKey`), made at
//! its first successful invitation.

use guestpass::directory::set_host_random;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `crypto.getRandomValues(array)`; throws (an `Err` here) where the host has none.
    #[wasm_bindgen(js_namespace = crypto, js_name = getRandomValues, catch)]
    fn get_random_values(into: &Uint8Array) -> Result<JsValue, JsValue>;
}

/// Registers WebCrypto as the core's source of secret randomness (`set_host_random`):
/// table secrets and ticket keys (made only when an invitation succeeds, so a refused one
/// leaves the directory as it was). Idempotent; called at start and before every
/// invitation.
pub fn register() {
    set_host_random(random_32);
}

/// 32 bytes from `crypto.getRandomValues`, or `None` on a host without it (then tables
/// hash ids as std alone would, and invitations say the host has no randomness).
fn random_32() -> Option<[u8; 32]> {
    let buffer = Uint8Array::new_with_length(32);
    get_random_values(&buffer).ok()?;
    let mut out = [0u8; 32];
    buffer.copy_to(&mut out);
    Some(out)
}
