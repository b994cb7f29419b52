//! The functions the glue exports for `Directory` (pkg-template/directory.ts): each
//! looks the directory up by its handle (`objects.rs`) and calls the method of
//! [`JsDirectory`]; the factories put a new one in the table.

use super::super::directory::JsDirectory;
use super::super::objects::{self, Object};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// `new Directory()`: an empty directory's handle.
#[wasm_bindgen(js_name = directoryNew)]
pub fn directory_new() -> Result<f64, JsValue> {
    objects::insert(Object::Directory(JsDirectory::new()))
}

/// `Directory.fromJSON` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryFromJSON)]
pub fn directory_from_json(world: JsValue) -> Result<f64, JsValue> {
    objects::insert(Object::Directory(JsDirectory::from_json(world)?))
}

/// `Directory.fromBytes` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryFromBytes)]
pub fn directory_from_bytes(bytes: JsValue) -> Result<f64, JsValue> {
    objects::insert(Object::Directory(JsDirectory::from_bytes(bytes)?))
}

/// `Directory.fromGraph` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryFromGraph)]
pub fn directory_from_graph(input: JsValue) -> Result<f64, JsValue> {
    objects::insert(Object::Directory(JsDirectory::from_graph(input)?))
}

/// `Directory.fromSources` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryFromSources)]
pub fn directory_from_sources(input: JsValue) -> Result<f64, JsValue> {
    objects::insert(Object::Directory(JsDirectory::from_sources(input)?))
}

/// `Directory.sample` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directorySample)]
pub fn directory_sample(options: JsValue) -> Result<f64, JsValue> {
    objects::insert(Object::Directory(JsDirectory::sample(options)?))
}

/// Part of `Directory.signInFromHost()`: `OBJECT_FREED` for a freed directory, before
/// the host context is read.
#[wasm_bindgen(js_name = directoryLive)]
pub fn directory_live(dir: f64) -> Result<(), JsValue> {
    objects::directory(dir, "signInFromHost()").map(drop)
}

/// `Directory.toBytes()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryToBytes)]
pub fn directory_to_bytes(dir: f64) -> Result<Vec<u8>, JsValue> {
    objects::directory(dir, "toBytes()")?.to_bytes()
}

/// `Directory.toJSON()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryToJSON)]
pub fn directory_to_json(dir: f64) -> Result<JsValue, JsValue> {
    objects::directory(dir, "toJSON()")?.to_json()
}

/// `Directory.toJSONString()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryToJSONString)]
pub fn directory_to_json_string(dir: f64) -> Result<String, JsValue> {
    objects::directory(dir, "toJSONString()")?.to_json_string()
}

/// `Directory.stats()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryStats)]
pub fn directory_stats(dir: f64) -> Result<JsValue, JsValue> {
    objects::directory(dir, "stats()")?.stats()
}

/// `Directory.collaboration()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryCollaboration)]
pub fn directory_collaboration(
    dir: f64,
    resource_tenant_id: JsValue,
    home_tenant_id: JsValue,
) -> Result<JsValue, JsValue> {
    objects::directory(dir, "collaboration()")?.collaboration(resource_tenant_id, home_tenant_id)
}

/// `Directory.signIn()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directorySignIn)]
pub fn directory_sign_in(dir: f64, request: JsValue) -> Result<f64, JsValue> {
    let session = objects::directory(dir, "signIn()")?.sign_in(request)?;
    objects::insert(Object::Session(Rc::new(session)))
}

/// `Directory.upsertTenant()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryUpsertTenant)]
pub fn directory_upsert_tenant(dir: f64, tenant: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "upsertTenant()")?.upsert_tenant(tenant)
}

/// `Directory.upsertUser()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryUpsertUser)]
pub fn directory_upsert_user(dir: f64, user: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "upsertUser()")?.upsert_user(user)
}

/// `Directory.removeUser()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryRemoveUser)]
pub fn directory_remove_user(dir: f64, id: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "removeUser()")?.remove_user(id)
}

/// `Directory.upsertGroup()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryUpsertGroup)]
pub fn directory_upsert_group(dir: f64, group: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "upsertGroup()")?.upsert_group(group)
}

/// `Directory.removeGroup()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryRemoveGroup)]
pub fn directory_remove_group(dir: f64, id: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "removeGroup()")?.remove_group(id)
}

/// `Directory.upsertApp()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryUpsertApp)]
pub fn directory_upsert_app(dir: f64, app: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "upsertApp()")?.upsert_app(app)
}

/// `Directory.removeApp()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryRemoveApp)]
pub fn directory_remove_app(dir: f64, id: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "removeApp()")?.remove_app(id)
}

/// `Directory.upsertFlow()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryUpsertFlow)]
pub fn directory_upsert_flow(dir: f64, flow: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "upsertFlow()")?.upsert_flow(flow)
}

/// `Directory.removeFlow()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryRemoveFlow)]
pub fn directory_remove_flow(dir: f64, id: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "removeFlow()")?.remove_flow(id)
}

/// `Directory.upsertApproval()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryUpsertApproval)]
pub fn directory_upsert_approval(dir: f64, approval: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "upsertApproval()")?.upsert_approval(approval)
}

/// `Directory.removeApproval()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryRemoveApproval)]
pub fn directory_remove_approval(dir: f64, id: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "removeApproval()")?.remove_approval(id)
}

/// `Directory.upsertConnector()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryUpsertConnector)]
pub fn directory_upsert_connector(dir: f64, connector: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "upsertConnector()")?.upsert_connector(connector)
}

/// `Directory.setSelfServiceGroupManagement()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directorySetSelfServiceGroupManagement)]
pub fn directory_set_self_service_group_management(
    dir: f64,
    tenant_id: JsValue,
    enabled: JsValue,
) -> Result<(), JsValue> {
    objects::directory(dir, "setSelfServiceGroupManagement()")?
        .set_self_service_group_management(tenant_id, enabled)
}

/// `Directory.assignToApp()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryAssignToApp)]
pub fn directory_assign_to_app(
    dir: f64,
    app_id: JsValue,
    principal_id: JsValue,
) -> Result<JsValue, JsValue> {
    objects::directory(dir, "assignToApp()")?.assign_to_app(app_id, principal_id)
}

/// `Directory.unassignFromApp()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryUnassignFromApp)]
pub fn directory_unassign_from_app(
    dir: f64,
    app_id: JsValue,
    principal_id: JsValue,
) -> Result<JsValue, JsValue> {
    objects::directory(dir, "unassignFromApp()")?.unassign_from_app(app_id, principal_id)
}

/// `Directory.configureSelfService()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryConfigureSelfService)]
pub fn directory_configure_self_service(
    dir: f64,
    app_id: JsValue,
    config: JsValue,
) -> Result<JsValue, JsValue> {
    objects::directory(dir, "configureSelfService()")?.configure_self_service(app_id, config)
}

/// `Directory.disableSelfService()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryDisableSelfService)]
pub fn directory_disable_self_service(dir: f64, app_id: JsValue) -> Result<JsValue, JsValue> {
    objects::directory(dir, "disableSelfService()")?.disable_self_service(app_id)
}

/// `Directory.appLink()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryAppLink)]
pub fn directory_app_link(dir: f64, app_id: JsValue) -> Result<String, JsValue> {
    objects::directory(dir, "appLink()")?.app_link(app_id)
}

/// `Directory.redeemInvitation()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryRedeemInvitation)]
pub fn directory_redeem_invitation(dir: f64, request: JsValue) -> Result<JsValue, JsValue> {
    objects::directory(dir, "redeemInvitation()")?.redeem_invitation(request)
}

/// `Directory.notifications()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryNotifications)]
pub fn directory_notifications(dir: f64, approval_id: JsValue) -> Result<JsValue, JsValue> {
    objects::directory(dir, "notifications()")?.notifications(approval_id)
}

/// `Directory.setClock()` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directorySetClock)]
pub fn directory_set_clock(dir: f64, now: JsValue) -> Result<(), JsValue> {
    objects::directory(dir, "setClock()")?.set_clock(now)
}

/// `Directory.clock` (pkg-template/directory.ts).
#[wasm_bindgen(js_name = directoryClock)]
pub fn directory_clock(dir: f64) -> Result<Option<String>, JsValue> {
    objects::directory(dir, "clock")?.clock()
}
