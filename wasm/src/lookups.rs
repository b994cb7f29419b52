//! Lookups by id for JavaScript: `session.user/group/app/tenant(id)` and
//! `session.flows()`, scoped to what the person may see (`guestpass::session::Sight`), and
//! `dir.user/group/app/tenant/flow(id)`, the whole directory's records for a server.

use super::convert::{text_arg, to_js};
use super::directory::JsDirectory;
use super::error::throw;
use super::session::JsSession;
use wasm_bindgen::prelude::*;

/// What a lookup looks up.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A user.
    User,
    /// A group.
    Group,
    /// An app.
    App,
    /// A tenant.
    Tenant,
    /// A flow (the whole directory only: a session lists its flows with `flows()`).
    Flow,
}

impl JsSession {
    /// The `kind` object `id` as the person may see it, or `null` for an object they may
    /// not see, another tenant's and one that exists nowhere alike. `INVALID_VALUE` for an
    /// `id` that is not text.
    pub fn lookup(&self, kind: Kind, id: &JsValue) -> Result<JsValue, JsValue> {
        let id: &str = &text_arg(id, "id")?;
        self.read(|d, s| match kind {
            Kind::User => to_js(&s.lookup_user(d, id)?),
            Kind::Group => to_js(&s.lookup_group(d, id)?),
            Kind::App => to_js(&s.lookup_app(d, id)?),
            Kind::Tenant => to_js(&s.lookup_tenant(d, id)?),
            Kind::Flow => Err(guestpass::error::Error::invalid_input(
                "a session lists the flows it holds a role on with flows()",
            )),
        })
    }

    /// `[{ id, displayName, trigger, enabled, role, via }]`: the flows of this tenant the
    /// person holds a role on.
    pub fn flows(&self) -> Result<JsValue, JsValue> {
        self.read(|d, s| to_js(&s.flows(d)?))
    }
}

#[cfg(feature = "full")]
impl JsDirectory {
    /// The world record (as `toJSON()` has it) of the `kind` object `id`, or `null`.
    pub fn record(&self, kind: Kind, id: &JsValue) -> Result<JsValue, JsValue> {
        let id: &str = &text_arg(id, "id")?;
        let shared = self.shared();
        let dir = shared.try_borrow().map_err(|_| super::error::busy())?;
        throw(match kind {
            Kind::User => to_js(&dir.user(id)),
            Kind::Group => to_js(&dir.group(id)),
            Kind::App => to_js(&dir.app(id)),
            Kind::Tenant => to_js(&dir.tenant(id)),
            Kind::Flow => to_js(&dir.flow(id)),
        })
    }
}
