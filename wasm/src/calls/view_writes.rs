//! The session's changes in the view runtime (the crate without `full`): the same glue
//! names `pkg-template/session.ts` calls, each answering `VIEW_READ_ONLY` for a live
//! session (`OBJECT_FREED` for a freed one) without reading its arguments. A session of
//! the runtime always comes from a view, and the full package refuses the same changes on
//! a view's session with the same code (`session::writable` in the core); leaving their
//! rules out is most of what makes the runtime small.

use super::super::error::to_js;
use super::super::objects;
use guestpass::error::Error;
use wasm_bindgen::prelude::*;

/// `VIEW_READ_ONLY` for `operation` of a live session.
fn refuse(session: f64, member: &'static str, operation: &'static str) -> Result<JsValue, JsValue> {
    objects::session(session, member)?;
    Err(to_js(&Error::ViewReadOnly(operation)))
}

/// One refusing glue function per change: `js_name`, Rust name, its arguments after the
/// session (unread), the operation the error names.
macro_rules! refused {
    ($($js:ident $name:ident ($($arg:ident),*) $op:literal;)*) => {$(
        #[doc = concat!("`Session.", $op, "()` in the view runtime: `VIEW_READ_ONLY`.")]
        #[wasm_bindgen(js_name = $js)]
        pub fn $name(session: f64, $($arg: JsValue),*) -> Result<JsValue, JsValue> {
            $(drop($arg);)*
            refuse(session, concat!($op, "()"), $op)
        }
    )*};
}

refused! {
    sessionShare session_share(flow_id, share) "share";
    sessionUnshare session_unshare(flow_id, principal) "unshare";
    sessionRespond session_respond(approval_id, response, comments) "respond";
    sessionReassign session_reassign(approval_id, to_user) "reassign";
    sessionCancel session_cancel(approval_id) "cancel";
    sessionInviteToGroup session_invite_to_group(group_id, request) "inviteToGroup";
    sessionRequestToJoin session_request_to_join(group_id) "requestToJoin";
    sessionDecideJoinRequest session_decide_join_request(request_id, approve) "decideJoinRequest";
    sessionRemoveFromGroup session_remove_from_group(group_id, member_id) "removeFromGroup";
    sessionRequestAppAccess session_request_app_access(app_id) "requestAppAccess";
    sessionInviteToApp session_invite_to_app(app_id, request) "inviteToApp";
}
