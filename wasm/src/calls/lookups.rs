//! The lookup functions the glue exports (pkg-template/session.ts and directory.ts): each
//! looks its object up by its handle (`objects.rs`) and calls [`super::super::lookups`].

use super::super::lookups::Kind;
use super::super::objects;
use wasm_bindgen::prelude::*;

/// `Session.user()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionUser)]
pub fn session_user(session: f64, id: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "user()")?.lookup(Kind::User, &id)
}

/// `Session.group()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionGroup)]
pub fn session_group(session: f64, id: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "group()")?.lookup(Kind::Group, &id)
}

/// `Session.app()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionApp)]
pub fn session_app(session: f64, id: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "app()")?.lookup(Kind::App, &id)
}

/// `Session.tenant()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionTenant)]
pub fn session_tenant(session: f64, id: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "tenant()")?.lookup(Kind::Tenant, &id)
}

/// `Session.flows()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionFlows)]
pub fn session_flows(session: f64) -> Result<JsValue, JsValue> {
    objects::session(session, "flows()")?.flows()
}

/// `Directory.user()` (pkg-template/directory.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = directoryUser)]
pub fn directory_user(dir: f64, id: JsValue) -> Result<JsValue, JsValue> {
    objects::directory(dir, "user()")?.record(Kind::User, &id)
}

/// `Directory.group()` (pkg-template/directory.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = directoryGroup)]
pub fn directory_group(dir: f64, id: JsValue) -> Result<JsValue, JsValue> {
    objects::directory(dir, "group()")?.record(Kind::Group, &id)
}

/// `Directory.app()` (pkg-template/directory.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = directoryApp)]
pub fn directory_app(dir: f64, id: JsValue) -> Result<JsValue, JsValue> {
    objects::directory(dir, "app()")?.record(Kind::App, &id)
}

/// `Directory.tenant()` (pkg-template/directory.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = directoryTenant)]
pub fn directory_tenant(dir: f64, id: JsValue) -> Result<JsValue, JsValue> {
    objects::directory(dir, "tenant()")?.record(Kind::Tenant, &id)
}

/// `Directory.flow()` (pkg-template/directory.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = directoryFlow)]
pub fn directory_flow(dir: f64, id: JsValue) -> Result<JsValue, JsValue> {
    objects::directory(dir, "flow()")?.record(Kind::Flow, &id)
}
