//! Secret randomness from the JavaScript host: `crypto.getRandomValues` (WebCrypto, in
//! every current browser, worker and Node 20+). The core has no randomness of its own on
//! wasm32, so the boundary gives a directory the key of its invitation redeem tickets
//! (`guestpass::directory::LinkKey`) before the first invitation.

use guestpass::directory::{Directory, LinkKey};
use guestpass::error::{Error, Result};
use js_sys::{Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// Gives `dir` a redeem-ticket key from WebCrypto when it has none (a snapshot's key is
/// kept). `INVALID_VALUE` naming `crypto` where the host has no `getRandomValues`.
pub fn ensure_link_key(dir: &mut Directory) -> Result<()> {
    if dir.link_key().is_none() {
        dir.set_link_key(LinkKey::from_bytes(random_32()?));
    }
    Ok(())
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
