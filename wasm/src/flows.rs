//! Flow sharing for JavaScript: `session.check`, `allowedActions`, `checkMany`, `share`
//! and `unshare`.
//!
//! Checks are the hot path of a widget (one per flow on the screen, a whole screen per
//! `checkMany`), so their answers are spelled out by a JavaScript module from packed
//! numbers (`flow_answers.rs` says why and how):
//! - `check` hands it one packed number and the `via` chain: one call out of Wasm;
//! - `checkMany` has it read the whole batch in one call (action indexes in a byte array,
//!   flow ids joined in one string), decides every item in Rust, and has it build every
//!   answer from one array of packed numbers in one more call. A bad item takes a slow path
//!   that reads it field by field to say exactly what is wrong.
//!
//! The person's groups are cached in the session per directory version, and so are the
//! JavaScript arrays of the group chains (`via`), copied into each answer.
//! The objects have exactly the shape of [`guestpass::sharing::Decision`] serialized with serde
//! (the wasm tests compare them).

use super::convert::{request_from_js, text_arg, to_js};
use super::error::{throw, to_js as error_to_js};
use super::flow_answers::{
    ensure_tables, js_actions, js_build_batch, js_decision, js_read_batch, pack, BAD_ITEM,
    ERROR_BIT,
};
use super::flow_cache::FlowCache;
use super::session::JsSession;
use guestpass::error::{Error, Result};
use guestpass::sharing::{self, Action, Person, Share, Via};
use js_sys::{Array, Object, Uint32Array, Uint8Array};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const FLOW_TYPES: &'static str = r#"
/** Something a person may do with a flow. */
export type FlowAction = "run" | "edit" | "share" | "viewRuns" | "cancelRun" | "resubmitRun" | "delete";
/** A role on a flow, strongest first. */
export type FlowRole = "owner" | "coOwner" | "runOnly";
/**
 * The code of a certain "no" of `session.check` (`outcome: "denied"`), reported in this
 * order when several apply: the person holds no role on the flow, a run-only role does not
 * permit the action, a prerequisite is missing, the flow is turned off.
 */
export type DeniedCode =
  | "NO_ROLE"
  | "RUN_ONLY_CANNOT_EDIT"
  | "RUN_ONLY_CANNOT_SHARE"
  | "RUN_ONLY_CANNOT_VIEW_RUNS"
  | "RUN_ONLY_CANNOT_CANCEL_RUN"
  | "RUN_ONLY_CANNOT_RESUBMIT_RUN"
  | "RUN_ONLY_CANNOT_DELETE"
  | "INVITATION_PENDING"
  | "NO_LICENSE"
  | "NO_CONSENT"
  | "FLOW_TURNED_OFF";
/** Every `code` a `Decision` may carry: a certain "no", or the unknown fact. */
export type DecisionCode = DeniedCode | UnknownCode;
/**
 * The answer to `session.check(action, flowId)`, told apart by `outcome`:
 * - `"allowed"`: `allowed` is true, `code` null, `role` the role that allows it;
 * - `"denied"`: certainly not; `code` is a `DeniedCode`;
 * - `"unknown"`: the role permits it and nothing certain says no, but it depends on a fact
 *   about the guest's home the directory does not hold (`code` names it, an `UnknownCode`;
 *   sign in with `homeFacts` to know). `allowed` is false: it is true only when certain.
 * `via`: the groups the role came through, from the person's own group up to the group the
 * flow is shared with (`["sales", "emea"]`: in sales, sales in emea, flow shared with emea);
 * `[]` for a direct role (creator, or a share naming the person) and when there is no role.
 * A flow of another tenant throws `UNKNOWN_FLOW`, exactly as an id that exists nowhere.
 */
export type Decision =
  | { allowed: true; outcome: "allowed"; role: FlowRole; via: string[]; code: null; message: string }
  | { allowed: false; outcome: "denied"; role: FlowRole | null; via: string[]; code: DeniedCode; message: string }
  | { allowed: false; outcome: "unknown"; role: FlowRole; via: string[]; code: UnknownCode; message: string };
/** One item of `session.checkMany`; `id` is yours (any type), returned as given. */
export interface CheckRequest<I = unknown> {
  id?: I;
  action: FlowAction;
  flowId: string;
}
/**
 * One answer of `session.checkMany`: a decision, or the error of a bad item (`error.code`
 * is `UNKNOWN_FLOW`, `UNKNOWN_ACTION`, `INVALID_VALUE`, …). `id` is the item's own, of
 * the type you gave it.
 */
export type CheckResult<I = unknown> =
  | ({ id: I } & Decision)
  | { id: I; error: { code: string; message: string } };
/** A share to add: a user (id, UPN or mail) or group id of the flow's tenant. */
export interface ShareRequest {
  principal: string;
  role: "coOwner" | "runOnly";
}
/** Who a flow is shared with. */
export interface FlowShares {
  flowId: string;
  ownerId: string;
  coOwners: string[];
  runOnly: string[];
}
"#;

impl JsSession {
    /// Runs `f` with the directory and the session's flow cache, its person current.
    fn with_cache<T>(
        &self,
        f: impl FnOnce(&guestpass::directory::Directory, &mut FlowCache) -> Result<T>,
    ) -> std::result::Result<T, JsValue> {
        self.read(|dir, session| {
            let mut cache = self.sharing_cache().try_borrow_mut().map_err(|_| {
                Error::invalid_input(
                    "the session is busy with another call; call it again after that one returns",
                )
            })?;
            session.sharing_person_cached(dir, &mut cache.person)?;
            f(dir, &mut cache)
        })
    }
}

fn person(cache: &FlowCache) -> Result<&Person> {
    cache
        .person
        .as_ref()
        .ok_or_else(|| Error::invalid_input("no signed-in person"))
}

/// The action and flow id an item of `checkMany` names, read field by field, or exactly
/// what is wrong with it (the slow path, for items the batch reader flagged). Runs before
/// the directory is borrowed: the item is the caller's object and may throw.
fn read_fields(index: usize, item: &JsValue) -> Result<(Action, String)> {
    if !item.is_object() {
        return Err(Error::invalid_input(format!(
            "checkMany[{index}] must be an object {{ id, action, flowId }}"
        )));
    }
    let object: &Object = item.unchecked_ref();
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !matches!(key.as_str(), "id" | "action" | "flowId") {
            return Err(Error::UnknownField {
                field: format!("checkMany[{index}].{key}"),
                reason: "an item has id, action and flowId".into(),
            });
        }
    }
    let field = |name: &str| -> Result<String> {
        js_sys::Reflect::get(item, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| Error::InvalidValue {
                field: format!("checkMany[{index}].{name}"),
                reason: "must be a string".into(),
            })
    };
    let action = Action::parse(&field("action")?)?;
    Ok((action, field("flowId")?))
}

fn error_object(err: &Error) -> Object {
    let error = Object::new();
    let _ = js_sys::Reflect::set(&error, &"code".into(), &JsValue::from_str(err.code()));
    let _ = js_sys::Reflect::set(
        &error,
        &"message".into(),
        &JsValue::from_str(&err.to_string()),
    );
    error
}

impl JsSession {
    /// May the signed-in person do `action` with the flow `flowId`?
    /// Returns `{ allowed, outcome, role, via, code, message }`; every expected "no" has a
    /// `code` (`NO_ROLE`, `RUN_ONLY_CANNOT_EDIT`, `FLOW_TURNED_OFF`, `NO_LICENSE`,
    /// `NO_CONSENT`, `INVITATION_PENDING`, …), and an answer that
    /// depends on a guest's home fact the directory lacks is `outcome: "unknown"` with a
    /// `HOME_*_UNKNOWN` code. Throws `GuestPassError` with `UNKNOWN_ACTION` (the message
    /// lists the valid actions) or `UNKNOWN_FLOW` (also for another tenant's flow).
    ///
    /// @example
    /// const d = session.check("edit", "invoice-flow");
    /// if (!d.allowed) console.log(d.code, d.message); // RUN_ONLY_CANNOT_EDIT …
    // `action` and `flowId` stay `&str` on this per-call hot path (a `JsValue` read as
    // text costs about 0.14 µs of a 0.4 µs check): the package checks they are text
    // before the call (pkg-template/arguments.ts), as for `allowedActions`.
    pub fn check(&self, action: &str, flow_id: &str) -> std::result::Result<JsValue, JsValue> {
        let action = throw(Action::parse(action))?;
        ensure_tables();
        self.with_cache(|dir, cache| {
            let me = person(cache)?;
            let flow = sharing::flow(dir, me, flow_id)?;
            let verdict = me.verdict(action, flow);
            let packed = pack(&verdict, 0);
            Ok(match cache.via(verdict.via) {
                Some(chain) => js_decision(packed, chain),
                None => js_decision(packed, &JsValue::UNDEFINED),
            })
        })
    }

    /// Every action the signed-in person may certainly do with the flow `flowId`, in the
    /// order `run, edit, share, viewRuns, cancelRun, resubmitRun, delete` (empty for a flow
    /// of another tenant, and while an answer is `unknown`: `check` says which fact).
    /// Throws `UNKNOWN_FLOW`.
    pub fn allowed_actions(&self, flow_id: &str) -> std::result::Result<Array, JsValue> {
        ensure_tables();
        self.with_cache(|dir, cache| {
            let me = person(cache)?;
            let flow = sharing::flow(dir, me, flow_id)?;
            let mask = me
                .allowed_actions(flow)
                .iter()
                .fold(0u32, |mask, a| mask | 1 << a.index());
            Ok(js_actions(mask))
        })
    }

    /// Many checks in one call, for a whole screen: `[{ id, action, flowId }, …]` gives
    /// one result per item, in order: `{ id, allowed, outcome, role, via, code, message }`, or
    /// `{ id, error: { code, message } }` for a bad item (unknown action or flow, missing
    /// field) while the others still answer. `id` is returned as given. Throws
    /// `LIMIT_EXCEEDED` for more than 100,000 items and `INVALID_INPUT` if `items` is not
    /// an array.
    ///
    /// @example
    /// const answers = session.checkMany(flows.map(f => ({ id: f.id, action: "run", flowId: f.id })));
    pub fn check_many(&self, items: JsValue) -> std::result::Result<Array, JsValue> {
        let Some(items) = items.dyn_ref::<Array>() else {
            return Err(error_to_js(&Error::invalid_input(
                "checkMany takes an array of { id, action, flowId }",
            )));
        };
        let len = items.length() as usize;
        throw(sharing::check_batch_len(len))?;
        ensure_tables();
        let read = js_read_batch(items)?;
        let kinds = read.get(0).dyn_into::<Uint8Array>().map(|k| k.to_vec());
        let flow_ids = read.get(1).as_string();
        let (Ok(kinds), Some(flow_ids)) = (kinds, flow_ids) else {
            return Err(error_to_js(&Error::invalid_input(
                "checkMany could not read its items",
            )));
        };
        // Every item as (action, flow id) or its error, before borrowing anything.
        let mut ids = flow_ids.split('\0');
        let requests: Vec<Result<(Action, Cow<'_, str>)>> = kinds
            .iter()
            .enumerate()
            .map(|(index, kind)| {
                if *kind == BAD_ITEM {
                    read_fields(index, &items.get(index as u32))
                        .map(|(action, flow_id)| (action, Cow::Owned(flow_id)))
                } else {
                    let action = Action::ALL.get(usize::from(*kind)).copied();
                    match (action, ids.next()) {
                        (Some(action), Some(flow_id)) => Ok((action, Cow::Borrowed(flow_id))),
                        _ => Err(Error::invalid_input(format!(
                            "checkMany[{index}] could not be read"
                        ))),
                    }
                }
            })
            .collect();
        let (packed, vias, errors) = self.with_cache(|dir, cache| {
            let mut packed: Vec<u32> = Vec::with_capacity(len);
            let errors = Array::new();
            let vias = Array::new();
            let mut via_slots: Vec<(u32, u32)> = Vec::new();
            for request in &requests {
                let decided =
                    request
                        .as_ref()
                        .map_err(Clone::clone)
                        .and_then(|(action, flow_id)| {
                            let me = person(cache)?;
                            let flow = sharing::flow(dir, me, flow_id)?;
                            Ok(me.verdict(*action, flow))
                        });
                match decided {
                    Ok(verdict) => {
                        let slot = match verdict.via {
                            Via::Direct => 0,
                            Via::Groups(path) => match via_slots.iter().find(|(p, _)| *p == path) {
                                Some((_, slot)) => *slot,
                                None => match cache.via(verdict.via) {
                                    Some(chain) => {
                                        vias.push(chain);
                                        via_slots.push((path, vias.length()));
                                        vias.length()
                                    }
                                    None => 0,
                                },
                            },
                        };
                        packed.push(pack(&verdict, slot));
                    }
                    Err(err) => {
                        packed.push(ERROR_BIT | errors.length());
                        errors.push(&error_object(&err));
                    }
                }
            }
            Ok((packed, vias, errors))
        })?;
        // The answers are built after the borrows end: building reads the caller's ids.
        js_build_batch(items, &Uint32Array::from(packed.as_slice()), &vias, &errors)
    }

    /// Shares the flow `flowId` with `{ principal, role }`: `principal` is a group id or a
    /// user of the flow's tenant (object id, userPrincipalName or mail), `role` is
    /// `"coOwner"` or `"runOnly"`. Only the owner and co-owners may. Returns the flow's
    /// shares `{ flowId, ownerId, coOwners, runOnly }`. Throws `NOT_ALLOWED_TO_SHARE`,
    /// `UNKNOWN_FLOW`, `UNKNOWN_PRINCIPAL`,
    /// `CANNOT_REMOVE_CREATOR`, `RUN_ONLY_REQUIRES_MANUAL_TRIGGER`, `INVALID_VALUE`
    /// (role `owner`); a refused call changes nothing.
    pub fn share(&self, flow_id: JsValue, share: JsValue) -> std::result::Result<JsValue, JsValue> {
        let flow_id: &str = &text_arg(&flow_id, "flowId")?;
        let share: Share = throw(request_from_js(share))?;
        self.write(|dir, session| to_js(&session.share(dir, flow_id, &share)?))
    }

    /// Removes `principal`'s own share of the flow `flowId`. Only the owner and co-owners
    /// may, and nobody can remove the creator. Returns the flow's shares. Throws
    /// `NOT_ALLOWED_TO_SHARE`, `UNKNOWN_FLOW`, `UNKNOWN_PRINCIPAL`,
    /// `CANNOT_REMOVE_CREATOR`, `NOT_SHARED`; a refused call changes nothing.
    pub fn unshare(
        &self,
        flow_id: JsValue,
        principal: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let flow_id: &str = &text_arg(&flow_id, "flowId")?;
        let principal: &str = &text_arg(&principal, "principal")?;
        self.write(|dir, session| to_js(&session.unshare(dir, flow_id, principal)?))
    }
}
