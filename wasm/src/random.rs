//! Secret randomness from the JavaScript host: `crypto.getRandomValues` (WebCrypto, in
//! every current browser, worker and Node 20+). The core has no randomness of its own on
//! wasm32, so the boundary registers this source for the key of a directory's invitation
//! redeem tickets (`guestpass::directory::LinkKey`), made at its first successful invitation.

use guestpass::directory::set_host_random;
use guestpass::error::{Error, Result};
use js_sys::{Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// Registers WebCrypto as the core's source of ticket keys (`set_host_random`): the key
/// is made only when an invitation succeeds, so a refused one leaves the directory as it
/// was. Idempotent; called before every invitation.
pub fn register() {
    set_host_random(|| random_32().ok());
}

/// 32 bytes from `crypto.getRandomValues`.
fn random_32() -> Result<[u8; 32]> {
    let missing = || {
        Error::InvalidValue {
        field: "crypto".into(),
        reason: "this JavaScript host has no crypto.getRandomValues, which invitation redeem links need (Node 20+ and every current browser have it)".into(),
    }
    };
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .ok()
        .filter(JsValue::is_object)
        .ok_or_else(missing)?;
    let fill = Reflect::get(&crypto, &JsValue::from_str("getRandomValues"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(missing)?;
    let buffer = Uint8Array::new_with_length(32);
    fill.call1(&crypto, &buffer).map_err(|_| missing())?;
    let mut out = [0u8; 32];
    buffer.copy_to(&mut out);
    Ok(out)
}
