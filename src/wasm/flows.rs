//! Flow sharing for JavaScript: `session.check`, `allowedActions`, `checkMany`, `share`
//! and `unshare`.
//!
//! Checks are the hot path of a widget (one per flow on the screen, a whole screen per
//! `checkMany`), and every call between Wasm and JavaScript costs: setting one property of
//! a JavaScript object from Wasm (`Reflect.set`) costs about as much as a whole decision.
//! So the answers are spelled out on the JavaScript side, by a small inline module
//! (`FLOW_JS` below, shipped by wasm-bindgen as a snippet next to the glue):
//! - its tables (roles, codes, messages, actions) are filled once from the Rust types, so
//!   no rule or spelling lives in JavaScript;
//! - `check` hands it one packed number (allowed, role, code) and the `via` chain, and it
//!   returns the `{ allowed, role, via, code, message }` object: one call out of Wasm;
//! - `checkMany` has it read the whole batch in one call (action indexes in a byte array,
//!   flow ids joined in one string), decides every item in Rust, and has it build every
//!   answer from one array of packed numbers in one more call. A bad item takes a slow path
//!   that reads it field by field to say exactly what is wrong.
//!
//! The person's groups are cached in the session per directory version, and so are the
//! JavaScript arrays of the group chains (`via`), copied into each answer.
//! The objects have exactly the shape of [`crate::sharing::Decision`] serialized with serde
//! (the wasm tests compare them).

use super::convert::{from_js, text_arg, to_js};
use super::error::{throw, to_js as error_to_js};
use super::session::JsSession;
use crate::b2b::Outcome;
use crate::error::{Error, Result};
use crate::sharing::{self, allowed_message, Action, Code, Person, Role, Share, Verdict, Via};
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
 * The answer to `session.check(action, flowId)`, told apart by `outcome`:
 * - `"allowed"`: `allowed` is true, `code` null, `role` the role that allows it;
 * - `"denied"`: certainly not; `code` is one of `FLOW_IN_OTHER_TENANT`, `NO_ROLE`,
 *   `RUN_ONLY_CANNOT_<ACTION>` (e.g. `RUN_ONLY_CANNOT_EDIT`), `INVITATION_PENDING`,
 *   `NO_LICENSE`, `NO_CONSENT`, `FLOW_TURNED_OFF` (reported in that order);
 * - `"unknown"`: the role permits it and nothing certain says no, but it depends on a fact
 *   about the guest's home the directory does not hold (`code` names it; sign in with
 *   `homeFacts` to know). `allowed` is false: it is true only when certain.
 * `via`: the groups the role came through, from the person's own group up to the group the
 * flow is shared with (`["sales", "emea"]`: in sales, sales in emea, flow shared with emea);
 * `[]` for a direct role (creator, or a share naming the person) and when there is no role.
 */
export type Decision =
  | { allowed: true; outcome: "allowed"; role: FlowRole; via: string[]; code: null; message: string }
  | { allowed: false; outcome: "denied"; role: FlowRole | null; via: string[]; code: string; message: string }
  | { allowed: false; outcome: "unknown"; role: FlowRole; via: string[]; code: UnknownCode; message: string };
/** One item of `session.checkMany`; `id` is yours, returned as given. */
export interface CheckRequest {
  id?: unknown;
  action: FlowAction;
  flowId: string;
}
/** One answer of `session.checkMany`: a decision, or the error of a bad item. */
export type CheckResult =
  | ({ id: unknown } & Decision)
  | { id: unknown; error: { code: string; message: string } };
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

/// What the inline module needs from Rust, and the answers it spells out.
#[wasm_bindgen(inline_js = r#"
let T = null;
export function gpFlowSetup(tables) {
  tables.actionIndex = new Map(tables.actions.map((a, i) => [a, i]));
  T = tables;
}
export function gpDecision(p, via) {
  const role = (p >>> 1) & 3, code = (p >>> 3) & 31;
  return { allowed: (p & 1) === 1, outcome: T.outcomes[code], role: T.roles[role],
           via: via === undefined ? [] : via.slice(),
           code: T.codes[code], message: code ? T.codeMessages[code] : T.roleMessages[role] };
}
export function gpActions(mask) {
  const out = [];
  for (let i = 0; i < T.actions.length; i++) if (mask & (1 << i)) out.push(T.actions[i]);
  return out;
}
export function gpReadBatch(items) {
  const n = items.length, kinds = new Uint8Array(n), flows = [], index = T.actionIndex;
  for (let i = 0; i < n; i++) {
    const it = items[i];
    if (it === null || typeof it !== "object") { kinds[i] = 255; continue; }
    const a = index.get(it.action), f = it.flowId;
    if (a === undefined || typeof f !== "string" || f.indexOf("\0") !== -1) { kinds[i] = 255; continue; }
    let extra = false;
    for (const k in it) if (k !== "id" && k !== "action" && k !== "flowId") { extra = true; break; }
    if (extra) { kinds[i] = 255; continue; }
    kinds[i] = a;
    flows.push(f);
  }
  return [kinds, flows.join("\0")];
}
export function gpBuildBatch(items, packed, vias, errors) {
  const n = packed.length, out = new Array(n);
  const { roles, codes, codeMessages, roleMessages, outcomes } = T;
  for (let i = 0; i < n; i++) {
    const it = items[i], p = packed[i];
    const id = it !== null && typeof it === "object" ? it.id : undefined;
    if (p >= 0x80000000) { out[i] = { id, error: errors[p - 0x80000000] }; continue; }
    const role = (p >>> 1) & 3, code = (p >>> 3) & 31, slot = p >>> 8;
    out[i] = { id, allowed: (p & 1) === 1, outcome: outcomes[code], role: roles[role],
               via: slot ? vias[slot - 1].slice() : [],
               code: codes[code], message: code ? codeMessages[code] : roleMessages[role] };
  }
  return out;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = gpFlowSetup)]
    fn flow_setup(tables: &JsValue);
    #[wasm_bindgen(js_name = gpDecision)]
    fn js_decision(packed: u32, via: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = gpActions)]
    fn js_actions(mask: u32) -> Array;
    // These two read the caller's items, whose getters may throw: `catch` hands the
    // exception back to Rust, which rethrows it once nothing is borrowed.
    #[wasm_bindgen(js_name = gpReadBatch, catch)]
    fn js_read_batch(items: &Array) -> std::result::Result<Array, JsValue>;
    #[wasm_bindgen(js_name = gpBuildBatch, catch)]
    fn js_build_batch(
        items: &Array,
        packed: &Uint32Array,
        vias: &Array,
        errors: &Array,
    ) -> std::result::Result<Array, JsValue>;
}

/// The roles in the order of their packed index (0: none).
const ROLES: [Role; 3] = [Role::RunOnly, Role::CoOwner, Role::Owner];
/// Set on a packed answer that is an error (the rest is its index in the error list).
const ERROR_BIT: u32 = 1 << 31;
/// A `gpReadBatch` kind for an item to read field by field.
const BAD_ITEM: u8 = 255;

fn role_index(role: Option<Role>) -> u32 {
    match role {
        None => 0,
        Some(Role::RunOnly) => 1,
        Some(Role::CoOwner) => 2,
        Some(Role::Owner) => 3,
    }
}

/// Allowed, role and code in one number: bit 0 allowed, bits 1–2 role, bits 3–7 code
/// (0: none, else `Code::index() + 1`), bits 8–30 the `via` slot (0: direct).
fn pack(verdict: &Verdict, via_slot: u32) -> u32 {
    let code = verdict.code.map_or(0, |c| c.index() as u32 + 1);
    u32::from(verdict.allowed()) | role_index(verdict.role) << 1 | code << 3 | via_slot << 8
}

fn strings(items: impl IntoIterator<Item = Option<&'static str>>) -> Array {
    let out = Array::new();
    for item in items {
        out.push(&item.map_or(JsValue::NULL, JsValue::from_str));
    }
    out
}

thread_local! {
    /// Whether this instance has filled the inline module's tables.
    static TABLES_READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Fills the inline module's tables from the Rust types, once per Wasm instance.
fn ensure_tables() {
    if TABLES_READY.with(std::cell::Cell::get) {
        return;
    }
    TABLES_READY.with(|ready| ready.set(true));
    let mut codes: Vec<Option<&'static str>> = vec![None; Code::COUNT + 1];
    let mut code_messages = codes.clone();
    // Slot 0 (no code) is an allowed answer; every code gives its own outcome.
    let mut outcomes = vec![Some(Outcome::Allowed.as_str()); Code::COUNT + 1];
    for code in Code::all() {
        if let Some(slot) = outcomes.get_mut(code.index() + 1) {
            *slot = Some(code.outcome().as_str());
        }
        if let Some(slot) = codes.get_mut(code.index() + 1) {
            *slot = Some(code.as_str());
        }
        if let Some(slot) = code_messages.get_mut(code.index() + 1) {
            *slot = Some(code.message());
        }
    }
    let tables = Object::new();
    let put = |key: &str, value: Array| {
        let _ = js_sys::Reflect::set(&tables, &JsValue::from_str(key), &value);
    };
    put(
        "roles",
        strings(std::iter::once(None).chain(ROLES.map(|r| Some(r.as_str())))),
    );
    put(
        "roleMessages",
        strings(std::iter::once(Some("allowed")).chain(ROLES.map(|r| Some(allowed_message(r))))),
    );
    put("codes", strings(codes));
    put("codeMessages", strings(code_messages));
    put("outcomes", strings(outcomes));
    put("actions", strings(Action::ALL.map(|a| Some(a.as_str()))));
    flow_setup(&tables);
}

/// What a session keeps between flow checks: the person (per directory version) and the
/// JavaScript arrays of their group chains.
#[derive(Default)]
pub(crate) struct FlowCache {
    person: Option<Person>,
    via_version: Option<u64>,
    via: Vec<Option<Array>>,
}

impl FlowCache {
    /// The JavaScript array of the chain `via` stands for (`None` for a direct role).
    fn via(&mut self, via: Via) -> Option<&Array> {
        let Via::Groups(index) = via else {
            return None;
        };
        let person = self.person.as_ref()?;
        if self.via_version != Some(person.version()) {
            self.via.clear();
            self.via_version = Some(person.version());
        }
        let index = index as usize;
        if self.via.len() <= index {
            self.via.resize(index + 1, None);
        }
        let slot = self.via.get_mut(index)?;
        if slot.is_none() {
            let chain = Array::new();
            for group in person.path(index as u32) {
                chain.push(&JsValue::from_str(group));
            }
            *slot = Some(chain);
        }
        slot.as_ref()
    }
}

impl JsSession {
    /// Runs `f` with the directory and the session's flow cache, its person current.
    fn with_cache<T>(
        &self,
        f: impl FnOnce(&crate::directory::Directory, &mut FlowCache) -> Result<T>,
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

#[wasm_bindgen(js_class = Session)]
impl JsSession {
    /// May the signed-in person do `action` with the flow `flowId`?
    /// Returns `{ allowed, outcome, role, via, code, message }`; every expected "no" has a
    /// `code` (`NO_ROLE`, `RUN_ONLY_CANNOT_EDIT`, `FLOW_TURNED_OFF`, `NO_LICENSE`,
    /// `NO_CONSENT`, `INVITATION_PENDING`, `FLOW_IN_OTHER_TENANT`, …), and an answer that
    /// depends on a guest's home fact the directory lacks is `outcome: "unknown"` with a
    /// `HOME_*_UNKNOWN` code. Throws `GuestPassError` with `UNKNOWN_ACTION` (the message
    /// lists the valid actions) or `UNKNOWN_FLOW`.
    ///
    /// @example
    /// const d = session.check("edit", "invoice-flow");
    /// if (!d.allowed) console.log(d.code, d.message); // RUN_ONLY_CANNOT_EDIT …
    // `action` and `flowId` stay `&str` on this per-call hot path (a `JsValue` read as
    // text costs about 0.14 µs of a 0.4 µs check): the package checks they are text
    // before the call (pkg-template/arguments.ts), as for `allowedActions`.
    #[wasm_bindgen(unchecked_return_type = "Decision")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FlowAction")] action: &str,
        #[wasm_bindgen(js_name = flowId)] flow_id: &str,
    ) -> std::result::Result<JsValue, JsValue> {
        let action = throw(Action::parse(action))?;
        ensure_tables();
        self.with_cache(|dir, cache| {
            let flow = sharing::flow(dir, flow_id)?;
            let verdict = person(cache)?.verdict(action, flow);
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
    #[wasm_bindgen(js_name = allowedActions, unchecked_return_type = "FlowAction[]")]
    pub fn allowed_actions(
        &self,
        #[wasm_bindgen(js_name = flowId)] flow_id: &str,
    ) -> std::result::Result<Array, JsValue> {
        ensure_tables();
        self.with_cache(|dir, cache| {
            let flow = sharing::flow(dir, flow_id)?;
            let mask = person(cache)?
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
    #[wasm_bindgen(js_name = checkMany, unchecked_return_type = "CheckResult[]")]
    pub fn check_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CheckRequest[]")] items: JsValue,
    ) -> std::result::Result<Array, JsValue> {
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
                            let flow = sharing::flow(dir, flow_id)?;
                            Ok(person(cache)?.verdict(*action, flow))
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
    /// `UNKNOWN_FLOW`, `UNKNOWN_PRINCIPAL`, `CROSS_TENANT_REFERENCE`,
    /// `CANNOT_REMOVE_CREATOR`, `RUN_ONLY_REQUIRES_MANUAL_TRIGGER`, `INVALID_VALUE`
    /// (role `owner`); a refused call changes nothing.
    #[wasm_bindgen(unchecked_return_type = "FlowShares")]
    pub fn share(
        &self,
        #[wasm_bindgen(js_name = flowId, unchecked_param_type = "string")] flow_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ShareRequest")] share: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let flow_id: &str = &text_arg(&flow_id, "flowId")?;
        let share: Share = throw(from_js(share))?;
        self.write(|dir, session| to_js(&session.share(dir, flow_id, &share)?))
    }

    /// Removes `principal`'s own share of the flow `flowId`. Only the owner and co-owners
    /// may, and nobody can remove the creator. Returns the flow's shares. Throws
    /// `NOT_ALLOWED_TO_SHARE`, `UNKNOWN_FLOW`, `UNKNOWN_PRINCIPAL`,
    /// `CANNOT_REMOVE_CREATOR`, `NOT_SHARED`; a refused call changes nothing.
    #[wasm_bindgen(unchecked_return_type = "FlowShares")]
    pub fn unshare(
        &self,
        #[wasm_bindgen(js_name = flowId, unchecked_param_type = "string")] flow_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] principal: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let flow_id: &str = &text_arg(&flow_id, "flowId")?;
        let principal: &str = &text_arg(&principal, "principal")?;
        self.write(|dir, session| to_js(&session.unshare(dir, flow_id, principal)?))
    }
}
