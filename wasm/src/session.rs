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

#[wasm_bindgen(typescript_custom_section)]
const OUTCOME_TYPES: &'static str = r#"
/**
 * The three answers to "may they?": `allowed` and `denied` are certain; `unknown` means the
 * answer depends on a fact about a guest's home that the directory does not hold (its
 * `code` names the fact). `allowed: true` always means `outcome: "allowed"`.
 */
export type Outcome = "allowed" | "denied" | "unknown";
/** A fact about a guest's home the directory does not hold, named in an `unknown` answer. */
export type UnknownCode =
  | "HOME_TENANT_UNKNOWN"
  | "HOME_OUTBOUND_UNKNOWN"
  | "TARGETED_RULE_UNKNOWN"
  | "HOME_LICENSE_UNKNOWN";
/**
 * What the caller knows about a guest's home (`signIn({ tenantId, user, homeFacts })`),
 * from its own service or a token claim. Each fills a gap the directory leaves (what the
 * directory holds wins) and turns the `unknown` answers that depended on it into certain
 * ones. Ignored for members.
 */
export interface HomeFacts {
  /** The guest's home tenant id (the `idp` claim of their token names it): `HOME_TENANT_UNKNOWN`. */
  tenantId?: string;
  /**
   * `false` for an account with no Microsoft Entra home tenant (a Microsoft account, email
   * one-time passcode, Google, Facebook): no home licences, no home outbound settings, and
   * cross-tenant access settings do not apply; only a licence in this tenant counts.
   */
  entraHome?: boolean;
  /** The guest holds a licence that counts in their home tenant: `HOME_LICENSE_UNKNOWN`. */
  licensed?: boolean;
  /** The home tenant's outbound settings let the guest collaborate here: `HOME_OUTBOUND_UNKNOWN`. */
  outboundAllowed?: boolean;
  /**
   * The cross-tenant rules that cover only some users, groups or applications let this
   * guest in (for example, your service saw them sign in to Power Automate):
   * `TARGETED_RULE_UNKNOWN`.
   */
  targetedRulesAllow?: boolean;
}
"#;

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
    /// processMining, peopleSearch, license }`, each `{ allowed, outcome, code?, message? }`
    /// with the `code` of a "no" or of an unknown home fact.
    pub fn features(&self) -> std::result::Result<JsValue, JsValue> {
        self.read(|d, s| to_js(&s.features(d)?))
    }

    /// What the view this session was read from holds (`ViewContents`), or `null` for a
    /// session on a whole directory.
    pub fn view_contents(&self) -> std::result::Result<JsValue, JsValue> {
        self.read(|d, _| match d.view_contents() {
            Some(contents) => to_js(&contents),
            None => Ok(JsValue::NULL),
        })
    }

    /// May this person's home tenant and this tenant collaborate?
    /// `{ allowed, outcome, blockers, unknown? }`: allowed for a member; for a guest whose
    /// home the directory does not hold, `unknown` with the facts it depends on.
    pub fn collaboration(&self) -> std::result::Result<JsValue, JsValue> {
        self.read(|d, s| to_js(&s.collaboration(d)?))
    }
}
