//! Views for JavaScript: `dir.viewFor({ tenantId, user })` and `Directory.fromView(bytes)`.

use super::convert::{bytes_arg, from_js};
use super::directory::JsDirectory;
use super::error::throw;
use super::session::JsSession;
use crate::directory::Directory;
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

#[wasm_bindgen(js_class = Directory)]
impl JsDirectory {
    /// The view of one person in one tenant: bytes holding exactly what they may see and
    /// act on there, for their browser. `{ tenantId, user }` as for `signIn`, which it
    /// refuses alike (`UNKNOWN_TENANT`, `USER_NOT_FOUND`, `INVITATION_PENDING`,
    /// `COLLABORATION_BLOCKED`).
    #[wasm_bindgen(js_name = viewFor)]
    pub fn view_for(&self, request: JsValue) -> Result<Vec<u8>, JsValue> {
        let dir = self.shared();
        let dir = dir.try_borrow().map_err(|_| super::error::busy())?;
        throw(from_js::<ViewRequest>(request).and_then(|r| dir.view_for(&r.tenant_id, &r.user)))
    }

    /// The session of the person a view (`viewFor`) was written for, answering from the
    /// view alone; changes throw `VIEW_READ_ONLY`. Throws `VIEW_NOT_RECOGNIZED`,
    /// `SNAPSHOT_TRUNCATED`, `SNAPSHOT_CHECKSUM_MISMATCH`, `SNAPSHOT_VERSION_UNSUPPORTED`,
    /// `SNAPSHOT_CORRUPT`, and `INVALID_VALUE` for anything but bytes.
    #[wasm_bindgen(js_name = fromView)]
    pub fn from_view(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer | number[]")]
        bytes: JsValue,
    ) -> Result<JsSession, JsValue> {
        let bytes = bytes_arg(&bytes, "bytes")?;
        let (dir, session) = throw(Directory::from_view(&bytes))?.into_parts();
        Ok(JsSession::new(Rc::new(RefCell::new(dir)), session))
    }
}
