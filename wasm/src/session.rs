//! `Session` for JavaScript: one person signed into one tenant, asking questions.

use super::convert::to_js;
use super::error::throw;
use super::flow_cache::FlowCache;
use guestpass::directory::Directory;
use guestpass::error::Result;
use guestpass::session::Session;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// One person signed into one tenant; get one from `dir.signIn(...)`.
pub struct JsSession {
    dir: Rc<RefCell<Directory>>,
    session: Session,
    sharing: RefCell<FlowCache>,
}

impl JsSession {
    pub(crate) fn new(dir: Rc<RefCell<Directory>>, session: Session) -> JsSession {
        JsSession {
            dir,
            session,
            sharing: RefCell::default(),
        }
    }

    /// The person's standing for flow checks, kept per directory version.
    pub(crate) fn sharing_cache(&self) -> &RefCell<FlowCache> {
        &self.sharing
    }

    pub(crate) fn read<T>(
        &self,
        f: impl FnOnce(&Directory, &Session) -> Result<T>,
    ) -> std::result::Result<T, JsValue> {
        let dir = self.dir.try_borrow().map_err(|_| super::error::busy())?;
        throw(f(&dir, &self.session))
    }

    #[allow(dead_code)]
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&mut Directory, &Session) -> Result<T>,
    ) -> std::result::Result<T, JsValue> {
        let mut dir = self
            .dir
            .try_borrow_mut()
            .map_err(|_| super::error::busy())?;
        throw(f(&mut dir, &self.session))
    }
}

impl JsSession {
    /// The tenant signed into.
    pub fn tenant_id(&self) -> String {
        self.session.tenant_id().to_string()
    }

    /// The signed-in user object's id.
    pub fn user_id(&self) -> String {
        self.session.user_id().to_string()
    }

    /// `{ tenantId, userId, displayName, userType, homeTenantId? }`.
    pub fn whoami(&self) -> std::result::Result<JsValue, JsValue> {
        self.read(|d, s| to_js(&s.whoami(d)?))
    }

    /// What this person may use here: `{ createFlows, runFlows, approvals, widgets,
    /// processMining, peopleSearch, license }`, each "no" with its `code`.
    pub fn features(&self) -> std::result::Result<JsValue, JsValue> {
        self.read(|d, s| to_js(&s.features(d)?))
    }
}
