//! `Directory` for JavaScript: one handle over the directory, shared with its sessions.

use super::convert::{from_js, js_bytes_arg, request_from_js, text_arg, to_js};
use super::error::throw;
use super::session::JsSession;
use guestpass::b2b;
use guestpass::directory::Directory;
use guestpass::error::{Error, Result};
use guestpass::model::{App, Approval, Connector, Flow, Group, Tenant, User};
use guestpass::session::Session;
use guestpass::timestamp::Timestamp;
use serde::Deserialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Everything guestpass knows: tenants, people, groups, apps, flows and approvals.
/// Create one with `Directory.fromJSON(world)` and sign people in with `signIn`.
#[derive(Clone)]
pub struct JsDirectory {
    inner: Rc<RefCell<Directory>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SignInRequest {
    tenant_id: String,
    user: String,
    #[serde(default)]
    home_facts: b2b::HomeFacts,
}

impl JsDirectory {
    pub(crate) fn shared(&self) -> Rc<RefCell<Directory>> {
        Rc::clone(&self.inner)
    }

    fn wrap(dir: Directory) -> JsDirectory {
        JsDirectory {
            inner: Rc::new(RefCell::new(dir)),
        }
    }

    fn read<T>(&self, f: impl FnOnce(&Directory) -> Result<T>) -> std::result::Result<T, JsValue> {
        let dir = self.inner.try_borrow().map_err(|_| super::error::busy())?;
        throw(f(&dir))
    }

    fn write<T>(
        &self,
        f: impl FnOnce(&mut Directory) -> Result<T>,
    ) -> std::result::Result<T, JsValue> {
        let mut dir = self
            .inner
            .try_borrow_mut()
            .map_err(|_| super::error::busy())?;
        throw(f(&mut dir))
    }
}

impl JsDirectory {
    /// Builds a directory from world JSON (an object or a JSON string). Throws
    /// `GuestPassError` (`UNKNOWN_FIELD`, `INVALID_INPUT`, `DUPLICATE_ID`,
    /// `DANGLING_REFERENCE`, …) if anything in it is wrong; nothing is half-built.
    /// Also takes the JSON as UTF-8 bytes (`Uint8Array`, `ArrayBuffer`).
    #[cfg(feature = "full")]
    pub fn from_json(world: JsValue) -> std::result::Result<JsDirectory, JsValue> {
        let world = super::convert::json_text_or_bytes(world).and_then(|(text, origin)| {
            guestpass::json_path::parse_from::<guestpass::model::World>(&text, origin)
        });
        throw(world.and_then(Directory::from_world)).map(JsDirectory::wrap)
    }

    /// Loads a directory from snapshot bytes made by `toBytes()` (a `Uint8Array`, an
    /// `ArrayBuffer` or an array of bytes). Throws `SNAPSHOT_NOT_RECOGNIZED`,
    /// `SNAPSHOT_TRUNCATED`, `SNAPSHOT_CHECKSUM_MISMATCH`, `SNAPSHOT_VERSION_UNSUPPORTED`
    /// or `SNAPSHOT_CORRUPT`, and `INVALID_VALUE` for anything but bytes; never
    /// half-loads.
    /// The bytes stay in JavaScript memory and are read a window at a time, so a large
    /// snapshot is never held in WebAssembly memory beside the directory it becomes.
    pub fn from_bytes(bytes: JsValue) -> std::result::Result<JsDirectory, JsValue> {
        let mut source = super::convert::JsByteSource(js_bytes_arg(&bytes, "bytes")?);
        let len = source.len();
        throw(Directory::from_source(&mut source, len)).map(JsDirectory::wrap)
    }

    /// The whole directory as a versioned, checksummed snapshot (a `Uint8Array`), e.g.
    /// to keep in IndexedDB so a reload starts instantly.
    pub fn to_bytes(&self) -> std::result::Result<Vec<u8>, JsValue> {
        self.read(|d| d.to_bytes())
    }

    /// Builds a directory from Microsoft Graph pages: `{ tenants: [{ organization,
    /// cloud?, settings?, users: [page…], groups: [page…], groupMembers?: { id: [page…] },
    /// groupOwners?: { id: [page…] }, consentedToPowerAutomate?: [id…], servicePrincipals?:
    /// [page…], servicePrincipalOwners?: { id: [page…] }, appRoleAssignedTo?: { id:
    /// [page…] }, … }] }` where each page is what Graph returned (`{ value: [...],
    /// "@odata.nextLink"?: ... }`).
    #[cfg(feature = "full")]
    pub fn from_graph(input: JsValue) -> std::result::Result<JsDirectory, JsValue> {
        throw(
            from_js::<guestpass::graph::GraphInput>(input).and_then(|i| Directory::from_graph(&i)),
        )
        .map(JsDirectory::wrap)
    }

    /// Builds a directory from the pages of every source: `{ graph: <fromGraph input>,
    /// powerAutomate?: [{ tenantId, environment, flows: [page…], permissions?: { flow:
    /// [page…] } }], dataverse?: [{ tenantId, environment, systemUsers, approvals,
    /// approvalRequests, approvalResponses, flowApprovals }] }`, each page as the service
    /// returned it.
    /// The text is read straight into typed rows, without a tree of the pages; an object
    /// crosses in parts, each source's own text (`sources.rs`).
    #[cfg(feature = "full")]
    pub fn from_sources(input: JsValue) -> std::result::Result<JsDirectory, JsValue> {
        let directory = match super::sources::sources_parts(&input) {
            Ok(Some(parts)) => Directory::from_sources_parts(&parts),
            Ok(None) => super::convert::json_text_or_bytes(input)
                .and_then(|(text, origin)| Directory::from_sources_json(&text, origin)),
            Err(e) => Err(e),
        };
        throw(directory).map(JsDirectory::wrap)
    }

    /// The built-in sample directory: one seeded, deterministic world of several
    /// tenants on two clouds, members and guests, groups, apps, flows and approvals.
    /// `{ users = 2000, seed = 42, now = "2026-11-20T12:00:00Z" }`; the same options always
    /// give the same directory. Its approvals are dated in the two weeks before `now`, and
    /// its clock is set to `now`, so its inbox does not age with the real time.
    #[cfg(feature = "full")]
    pub fn sample(options: JsValue) -> std::result::Result<JsDirectory, JsValue> {
        throw(dated_sample(options).and_then(|(world, now)| {
            let mut dir = Directory::from_world(world)?;
            dir.set_clock(Some(now));
            Ok(dir)
        }))
        .map(JsDirectory::wrap)
    }

    /// An empty directory.
    pub fn new() -> JsDirectory {
        JsDirectory::wrap(Directory::new())
    }

    /// The whole directory as world JSON, every list sorted by id.
    pub fn to_json(&self) -> std::result::Result<JsValue, JsValue> {
        self.read(|d| to_js(&d.to_world()))
    }

    /// The whole directory as a JSON string (faster than `JSON.stringify(dir.toJSON())`).
    pub fn to_json_string(&self) -> std::result::Result<String, JsValue> {
        self.read(|d| d.to_json_string())
    }

    /// How many tenants, users (members, guests, pending guests), groups, apps, flows,
    /// approvals, connectors and join requests the directory holds.
    pub fn stats(&self) -> std::result::Result<JsValue, JsValue> {
        self.read(|d| to_js(&d.stats()))
    }

    /// May people of `homeTenantId` be guests in `resourceTenantId`?
    /// `{ allowed, outcome, blockers: [{ tenantId, setting, code }] }`; both tenants are in
    /// the directory, so the outcome is certain (`allowed` or `denied`).
    pub fn collaboration(
        &self,
        resource_tenant_id: JsValue,
        home_tenant_id: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let resource_tenant_id: &str = &text_arg(&resource_tenant_id, "resourceTenantId")?;
        let home_tenant_id: &str = &text_arg(&home_tenant_id, "homeTenantId")?;
        self.read(|d| to_js(&b2b::collaboration(d, resource_tenant_id, home_tenant_id)?))
    }

    /// Signs a person into a tenant: `{ tenantId, user, homeFacts? }` where `user` is an
    /// object id, userPrincipalName or mail, and `homeFacts` (`{ tenantId?, entraHome?,
    /// licensed?, outboundAllowed? }`) what the caller knows about a guest's home that the
    /// directory may not hold. A guest who has not redeemed yet redeems at this first
    /// sign-in (`externalUserState` becomes `Accepted`) where collaboration allows, as in
    /// Entra. Throws `USER_NOT_FOUND`, `AMBIGUOUS_USER`, `UPN_REQUIRED`,
    /// `COLLABORATION_BLOCKED`, `ACCOUNT_DISABLED`, `UNKNOWN_TENANT`, `VIEW_READ_ONLY` (a
    /// pending guest on a view), `INVALID_VALUE` (a `homeFacts.tenantId` that contradicts
    /// the directory).
    pub fn sign_in(&self, request: JsValue) -> std::result::Result<JsSession, JsValue> {
        let req: SignInRequest = throw(request_from_js(request))?;
        let read =
            self.read(|d| Ok(d.sign_in_with(&req.tenant_id, &req.user, req.home_facts.clone())))?;
        let session = match read {
            Err(Error::InvitationPending(_)) => self
                .write(|d| Session::first_sign_in(d, &req.tenant_id, &req.user, req.home_facts))?,
            other => throw(other)?,
        };
        Ok(JsSession::new(self.shared(), session))
    }

    /// Adds a tenant or replaces the one with the same id.
    pub fn upsert_tenant(&self, tenant: JsValue) -> std::result::Result<(), JsValue> {
        self.write(|d| d.upsert_tenant(from_js::<Tenant>(tenant)?))
    }

    /// Adds a user or replaces the one with the same id.
    pub fn upsert_user(&self, user: JsValue) -> std::result::Result<(), JsValue> {
        self.write(|d| d.upsert_user(from_js::<User>(user)?))
    }

    /// Removes a user with their memberships and shares; refused (`IN_USE`) while they
    /// own a flow, take part in an approval or are a guest's home user.
    pub fn remove_user(&self, id: JsValue) -> std::result::Result<(), JsValue> {
        let id: &str = &text_arg(&id, "id")?;
        self.write(|d| d.remove_user(id))
    }

    /// Adds a group or replaces the one with the same id (`GROUP_CYCLE` if it would
    /// contain itself).
    pub fn upsert_group(&self, group: JsValue) -> std::result::Result<(), JsValue> {
        self.write(|d| d.upsert_group(from_js::<Group>(group)?))
    }

    /// Removes a group with its memberships and shares.
    pub fn remove_group(&self, id: JsValue) -> std::result::Result<(), JsValue> {
        let id: &str = &text_arg(&id, "id")?;
        self.write(|d| d.remove_group(id))
    }

    /// Adds an app or replaces the one with the same id.
    pub fn upsert_app(&self, app: JsValue) -> std::result::Result<(), JsValue> {
        self.write(|d| d.upsert_app(from_js::<App>(app)?))
    }

    /// Removes an app.
    pub fn remove_app(&self, id: JsValue) -> std::result::Result<(), JsValue> {
        let id: &str = &text_arg(&id, "id")?;
        self.write(|d| d.remove_app(id))
    }

    /// Adds a flow or replaces the one with the same id.
    pub fn upsert_flow(&self, flow: JsValue) -> std::result::Result<(), JsValue> {
        self.write(|d| d.upsert_flow(from_js::<Flow>(flow)?))
    }

    /// Removes a flow; the approvals it asked for stay, without a `flowId`.
    pub fn remove_flow(&self, id: JsValue) -> std::result::Result<(), JsValue> {
        let id: &str = &text_arg(&id, "id")?;
        self.write(|d| d.remove_flow(id))
    }

    /// Adds an approval or replaces the one with the same id.
    pub fn upsert_approval(&self, approval: JsValue) -> std::result::Result<(), JsValue> {
        self.write(|d| d.upsert_approval(from_js::<Approval>(approval)?))
    }

    /// Removes an approval.
    pub fn remove_approval(&self, id: JsValue) -> std::result::Result<(), JsValue> {
        let id: &str = &text_arg(&id, "id")?;
        self.write(|d| d.remove_approval(id))
    }

    /// Adds a connector or replaces the one with the same id.
    pub fn upsert_connector(&self, connector: JsValue) -> std::result::Result<(), JsValue> {
        self.write(|d| d.upsert_connector(from_js::<Connector>(connector)?))
    }
}

/// The options of `Directory.sample` and `sampleWorld`: the generator's, and the sample's
/// present.
#[cfg(feature = "full")]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct SampleRequest {
    users: usize,
    seed: u64,
    now: Option<String>,
}

#[cfg(feature = "full")]
impl Default for SampleRequest {
    fn default() -> Self {
        let defaults = guestpass_sample::SampleOptions::default();
        SampleRequest {
            users: defaults.users,
            seed: defaults.seed,
            now: None,
        }
    }
}

/// The sample world of `options`, dated relative to its `now` (default
/// [`guestpass_sample::SAMPLE_NOW`]), and that `now`.
#[cfg(feature = "full")]
fn dated_sample(options: JsValue) -> Result<(guestpass::model::World, Timestamp)> {
    let request: SampleRequest = if options.is_undefined() || options.is_null() {
        SampleRequest::default()
    } else {
        from_js(options)?
    };
    let sample = guestpass_sample::SampleOptions {
        users: request.users,
        seed: request.seed,
    };
    let mut world = guestpass_sample::checked_sample_world(&sample)?;
    let now = match &request.now {
        Some(text) => {
            let now = Timestamp::parse("now", text)?;
            guestpass_sample::date_at(&mut world, now)?;
            now
        }
        None => Timestamp::parse("now", guestpass_sample::SAMPLE_NOW)?,
    };
    Ok((world, now))
}

/// The sample world as world JSON (the input of `Directory.fromJSON`), for feeding other
/// libraries the same people: `{ users = 2000, seed = 42 }`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sampleWorld)]
pub fn sample_world(options: JsValue) -> std::result::Result<JsValue, JsValue> {
    throw(dated_sample(options).and_then(|(world, _)| to_js(&world)))
}

/// The sample world as the pages Microsoft's services would answer for it (the input of
/// `Directory.fromSources`): Graph, Power Automate and Dataverse pages, for loaders' tests
/// and benchmarks. `{ users = 2000, seed = 42 }`.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sampleSources)]
pub fn sample_sources(options: JsValue) -> std::result::Result<JsValue, JsValue> {
    throw(
        dated_sample(options)
            .and_then(|(world, _)| to_js(&guestpass_sample::sources::source_pages(&world))),
    )
}

impl Default for JsDirectory {
    fn default() -> Self {
        JsDirectory::new()
    }
}
