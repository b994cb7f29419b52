//! Views for JavaScript: `dir.viewFor({ tenantId, user })`, `dir.viewParts(...)`,
//! `Directory.fromView(bytes)` and `Directory.fromViewParts(personal, shared)`
//! (pkg-template/directory.ts), as glue functions over the object table (`objects.rs`).

use super::convert::{bytes_arg, js_bytes_arg, request_from_js, JsByteSource};
use super::error::throw;
use super::objects::{self, Object};
use super::session::JsSession;
use guestpass::directory::Directory;
use serde::Deserialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ViewRequest {
    tenant_id: String,
    user: String,
}

/// `Directory.viewFor()`: the view's bytes, refused as `signIn` refuses.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = directoryViewFor)]
pub fn directory_view_for(dir: f64, request: JsValue) -> Result<Vec<u8>, JsValue> {
    let shared = objects::directory(dir, "viewFor()")?.shared();
    let dir = shared.try_borrow().map_err(|_| super::error::busy())?;
    throw(request_from_js::<ViewRequest>(request).and_then(|r| dir.view_for(&r.tenant_id, &r.user)))
}

/// `Directory.fromView()`: the handle of the session of the person the view is for,
/// over a directory of its own that only that session reaches.
#[wasm_bindgen(js_name = directoryFromView)]
pub fn directory_from_view(bytes: JsValue) -> Result<f64, JsValue> {
    // Read from JavaScript memory a window at a time, as `directoryFromViewParts` reads
    // the shared part.
    let mut source = JsByteSource(js_bytes_arg(&bytes, "bytes")?);
    let len = source.len();
    let (dir, session) = throw(Directory::from_view_source(&mut source, len))?.into_parts();
    let session = JsSession::new(Rc::new(RefCell::new(dir)), session);
    objects::insert(Object::Session(Rc::new(session)))
}

/// `Directory.viewParts()`: `[personal, shared, sharedHash]`, refused as `signIn`
/// refuses. The shared part is written once per tenant and audience until the directory
/// changes.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = directoryViewParts)]
pub fn directory_view_parts(dir: f64, request: JsValue) -> Result<js_sys::Array, JsValue> {
    let shared = objects::directory(dir, "viewParts()")?.shared();
    let dir = shared.try_borrow().map_err(|_| super::error::busy())?;
    let parts = throw(
        request_from_js::<ViewRequest>(request).and_then(|r| dir.view_parts(&r.tenant_id, &r.user)),
    )?;
    let out = js_sys::Array::new();
    out.push(&js_sys::Uint8Array::from(parts.personal.as_slice()));
    out.push(&js_sys::Uint8Array::from(parts.shared.as_slice()));
    out.push(&JsValue::from_str(&parts.shared_hash));
    Ok(out)
}

/// `Directory.fromViewParts()`: as `directoryFromView`, from a personal part and the
/// shared part it names.
#[wasm_bindgen(js_name = directoryFromViewParts)]
pub fn directory_from_view_parts(personal: JsValue, shared: JsValue) -> Result<f64, JsValue> {
    let personal = bytes_arg(&personal, "personal")?;
    // The shared part is read from JavaScript memory a window at a time: at a million
    // people it is about 120 MB that would otherwise be copied whole into WebAssembly
    // memory, whose size never shrinks.
    let mut shared = JsByteSource(js_bytes_arg(&shared, "shared")?);
    let len = shared.len();
    let view = Directory::from_view_parts_source(&personal, &mut shared, len);
    let (dir, session) = throw(view)?.into_parts();
    let session = JsSession::new(Rc::new(RefCell::new(dir)), session);
    objects::insert(Object::Session(Rc::new(session)))
}
