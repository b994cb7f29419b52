//! The functions the glue exports for `Session` (pkg-template/session.ts): each looks
//! the session up by its handle (`objects.rs`) and calls the method of [`JsSession`].

use super::super::convert::text_arg;
use super::super::objects;
use js_sys::Array;
use wasm_bindgen::prelude::*;

/// `Session.tenantId` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionTenantId)]
pub fn session_tenant_id(session: f64) -> Result<String, JsValue> {
    Ok(objects::session(session, "tenantId")?.tenant_id())
}

/// `Session.userId` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionUserId)]
pub fn session_user_id(session: f64) -> Result<String, JsValue> {
    Ok(objects::session(session, "userId")?.user_id())
}

/// `Session.whoami()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionWhoami)]
pub fn session_whoami(session: f64) -> Result<JsValue, JsValue> {
    objects::session(session, "whoami()")?.whoami()
}

/// `Session.features()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionFeatures)]
pub fn session_features(session: f64) -> Result<JsValue, JsValue> {
    objects::session(session, "features()")?.features()
}

/// `Session.collaboration()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionCollaboration)]
pub fn session_collaboration(session: f64) -> Result<JsValue, JsValue> {
    objects::session(session, "collaboration()")?.collaboration()
}

/// `Session.viewContents()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionViewContents)]
pub fn session_view_contents(session: f64) -> Result<JsValue, JsValue> {
    objects::session(session, "viewContents()")?.view_contents()
}

/// `Session.search()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionSearch)]
pub fn session_search(session: f64, query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "search()")?.search(query, options)
}

/// `Session.search()` with plain options (pkg-template/session.ts): the results packed,
/// their text returned and their numbers kept for [`session_search_numbers`].
#[wasm_bindgen(js_name = sessionSearchPacked)]
pub fn session_search_packed(
    session: f64,
    query: &str,
    limit: u32,
    user_type: u32,
    connector: Option<String>,
    exclude: &str,
    group_id: Option<String>,
) -> Result<String, JsValue> {
    objects::session(session, "search()")?
        .search_packed(query, limit, user_type, connector, exclude, group_id)
}

/// The numbers of the last [`session_search_packed`] (taken: a second call answers none).
#[wasm_bindgen(js_name = sessionSearchNumbers)]
pub fn session_search_numbers() -> Vec<u32> {
    super::super::search_packed::take_numbers()
}

/// `Session.check()` (pkg-template/session.ts): the hot path, with wasm-bindgen's own
/// string parameters (the class sends anything but text to [`session_check_of`]).
#[wasm_bindgen(js_name = sessionCheck)]
pub fn session_check(session: f64, action: &str, flow_id: &str) -> Result<JsValue, JsValue> {
    objects::session(session, "check()")?.check(action, flow_id)
}

/// `Session.check()` given something else than text (pkg-template/session.ts): the
/// checking twin of [`session_check`], which answers `INVALID_VALUE`.
#[wasm_bindgen(js_name = sessionCheckOf)]
pub fn session_check_of(
    session: f64,
    action: JsValue,
    flow_id: JsValue,
) -> Result<JsValue, JsValue> {
    let session = objects::session(session, "check()")?;
    session.check(
        &text_arg(&action, "action")?,
        &text_arg(&flow_id, "flowId")?,
    )
}

/// `Session.allowedActions()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionAllowedActions)]
pub fn session_allowed_actions(session: f64, flow_id: &str) -> Result<Array, JsValue> {
    objects::session(session, "allowedActions()")?.allowed_actions(flow_id)
}

/// `Session.allowedActions()` given something else than text: the checking twin of
/// [`session_allowed_actions`].
#[wasm_bindgen(js_name = sessionAllowedActionsOf)]
pub fn session_allowed_actions_of(session: f64, flow_id: JsValue) -> Result<Array, JsValue> {
    let session = objects::session(session, "allowedActions()")?;
    session.allowed_actions(&text_arg(&flow_id, "flowId")?)
}

/// `Session.checkMany()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionCheckMany)]
pub fn session_check_many(session: f64, items: JsValue) -> Result<Array, JsValue> {
    objects::session(session, "checkMany()")?.check_many(items)
}

/// `Session.share()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionShare)]
pub fn session_share(session: f64, flow_id: JsValue, share: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "share()")?.share(flow_id, share)
}

/// `Session.unshare()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionUnshare)]
pub fn session_unshare(
    session: f64,
    flow_id: JsValue,
    principal: JsValue,
) -> Result<JsValue, JsValue> {
    objects::session(session, "unshare()")?.unshare(flow_id, principal)
}

/// `Session.approvals()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionApprovals)]
pub fn session_approvals(session: f64, query: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "approvals()")?.approvals(query)
}

/// `Session.respond()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionRespond)]
pub fn session_respond(
    session: f64,
    approval_id: JsValue,
    response: JsValue,
    comments: JsValue,
) -> Result<JsValue, JsValue> {
    objects::session(session, "respond()")?.respond(approval_id, response, comments)
}

/// `Session.reassign()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionReassign)]
pub fn session_reassign(
    session: f64,
    approval_id: JsValue,
    to_user: JsValue,
) -> Result<JsValue, JsValue> {
    objects::session(session, "reassign()")?.reassign(approval_id, to_user)
}

/// `Session.cancel()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionCancel)]
pub fn session_cancel(session: f64, approval_id: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "cancel()")?.cancel(approval_id)
}

/// `Session.inviteToGroup()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionInviteToGroup)]
pub fn session_invite_to_group(
    session: f64,
    group_id: JsValue,
    request: JsValue,
) -> Result<JsValue, JsValue> {
    objects::session(session, "inviteToGroup()")?.invite_to_group(group_id, request)
}

/// `Session.requestToJoin()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionRequestToJoin)]
pub fn session_request_to_join(session: f64, group_id: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "requestToJoin()")?.request_to_join(group_id)
}

/// `Session.joinRequests()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionJoinRequests)]
pub fn session_join_requests(session: f64, options: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "joinRequests()")?.join_requests(options)
}

/// `Session.decideJoinRequest()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionDecideJoinRequest)]
pub fn session_decide_join_request(
    session: f64,
    request_id: JsValue,
    approve: JsValue,
) -> Result<JsValue, JsValue> {
    objects::session(session, "decideJoinRequest()")?.decide_join_request(request_id, approve)
}

/// `Session.removeFromGroup()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionRemoveFromGroup)]
pub fn session_remove_from_group(
    session: f64,
    group_id: JsValue,
    member_id: JsValue,
) -> Result<JsValue, JsValue> {
    objects::session(session, "removeFromGroup()")?.remove_from_group(group_id, member_id)
}

/// `Session.myApps()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionMyApps)]
pub fn session_my_apps(session: f64) -> Result<JsValue, JsValue> {
    objects::session(session, "myApps()")?.my_apps()
}

/// `Session.groupsIOwn()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionGroupsIOwn)]
pub fn session_groups_i_own(session: f64) -> Result<JsValue, JsValue> {
    objects::session(session, "groupsIOwn()")?.groups_i_own()
}

/// `Session.requestAppAccess()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionRequestAppAccess)]
pub fn session_request_app_access(session: f64, app_id: JsValue) -> Result<JsValue, JsValue> {
    objects::session(session, "requestAppAccess()")?.request_app_access(app_id)
}

/// `Session.inviteToApp()` (pkg-template/session.ts).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = sessionInviteToApp)]
pub fn session_invite_to_app(
    session: f64,
    app_id: JsValue,
    request: JsValue,
) -> Result<JsValue, JsValue> {
    objects::session(session, "inviteToApp()")?.invite_to_app(app_id, request)
}

/// `Session.appLinkFor()` (pkg-template/session.ts).
#[wasm_bindgen(js_name = sessionAppLinkFor)]
pub fn session_app_link_for(
    session: f64,
    app_id: JsValue,
    guest: JsValue,
) -> Result<JsValue, JsValue> {
    objects::session(session, "appLinkFor()")?.app_link_for(app_id, guest)
}
