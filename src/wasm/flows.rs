//! Flow sharing for JavaScript: `session.check`, `allowedActions`, `checkMany`, `share`
//! and `unshare`.
//!
//! Checks are the hot path of a widget (one per flow on the screen), so they avoid serde
//! here: the person's groups are cached in the session per directory version, every
//! fixed string (keys, roles, codes, messages, actions) is made into a JavaScript string
//! once, and each answer is a plain object built with `Reflect.set`. The objects have
//! exactly the shape of [`crate::sharing::Decision`] serialized with serde.

use super::convert::{from_js, to_js};
use super::error::{throw, to_js as error_to_js};
use super::session::JsSession;
use crate::error::{Error, Result};
use crate::model::Flow;
use crate::sharing::{self, allowed_message, Action, Code, Person, Role, Share, Verdict};
use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const FLOW_TYPES: &'static str = r#"
/** Something a person may do with a flow. */
export type FlowAction = "run" | "edit" | "share" | "viewRuns" | "cancelRun" | "resubmitRun" | "delete";
/** A role on a flow, strongest first. */
export type FlowRole = "owner" | "coOwner" | "runOnly";
/**
 * The answer to `session.check(action, flowId)`.
 * `via`: the groups the role came through, from the person's own group up to the group the
 * flow is shared with (`["sales", "emea"]`: in sales, sales in emea, flow shared with emea);
 * `[]` for a direct role (creator, or a share naming the person) and when there is no role.
 * `code` is null when allowed, else one of `FLOW_IN_OTHER_TENANT`, `NO_ROLE`,
 * `RUN_ONLY_CANNOT_<ACTION>` (e.g. `RUN_ONLY_CANNOT_EDIT`), `INVITATION_PENDING`,
 * `NO_LICENSE`, `NO_CONSENT`, `FLOW_TURNED_OFF` (reported in that order).
 */
export interface Decision {
  allowed: boolean;
  role: FlowRole | null;
  via: string[];
  code: string | null;
  message: string;
}
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

/// JavaScript strings made once: object keys and every fixed value an answer holds.
struct Strings {
    allowed: JsValue,
    role: JsValue,
    via: JsValue,
    code: JsValue,
    message: JsValue,
    id: JsValue,
    error: JsValue,
    action: JsValue,
    flow_id: JsValue,
    roles: [JsValue; 3],
    role_messages: [JsValue; 3],
    codes: Vec<JsValue>,
    code_messages: Vec<JsValue>,
    actions: Vec<JsValue>,
}

const ROLES: [Role; 3] = [Role::RunOnly, Role::CoOwner, Role::Owner];

impl Strings {
    fn new() -> Strings {
        let s = JsValue::from_str;
        let mut codes = vec![JsValue::NULL; Code::COUNT];
        let mut code_messages = vec![JsValue::NULL; Code::COUNT];
        for code in every_code() {
            if let Some(slot) = codes.get_mut(code.index()) {
                *slot = s(code.as_str());
            }
            if let Some(slot) = code_messages.get_mut(code.index()) {
                *slot = s(code.message());
            }
        }
        Strings {
            allowed: s("allowed"),
            role: s("role"),
            via: s("via"),
            code: s("code"),
            message: s("message"),
            id: s("id"),
            error: s("error"),
            action: s("action"),
            flow_id: s("flowId"),
            roles: ROLES.map(|r| s(r.as_str())),
            role_messages: ROLES.map(|r| s(allowed_message(r))),
            codes,
            code_messages,
            actions: Action::ALL.iter().map(|a| s(a.as_str())).collect(),
        }
    }

    fn role(&self, role: Option<Role>) -> JsValue {
        role.and_then(|r| self.roles.get(r as usize))
            .cloned()
            .unwrap_or(JsValue::NULL)
    }

    fn code(&self, code: Option<Code>) -> JsValue {
        code.and_then(|c| self.codes.get(c.index()))
            .cloned()
            .unwrap_or(JsValue::NULL)
    }

    fn message(&self, verdict: &Verdict) -> JsValue {
        let prepared = match (verdict.code, verdict.role) {
            (Some(code), _) => self.code_messages.get(code.index()),
            (None, Some(role)) => self.role_messages.get(role as usize),
            (None, None) => None,
        };
        prepared
            .cloned()
            .unwrap_or_else(|| JsValue::from_str(verdict.message()))
    }

    fn action(&self, action: Action) -> JsValue {
        self.actions
            .get(action.index())
            .cloned()
            .unwrap_or_else(|| JsValue::from_str(action.as_str()))
    }
}

fn every_code() -> Vec<Code> {
    let mut all = vec![Code::FlowInOtherTenant, Code::NoRole, Code::FlowTurnedOff];
    all.extend(Action::ALL.iter().map(|a| Code::RunOnlyCannot(*a)));
    all.extend(
        [
            crate::b2b::Missing::InvitationPending,
            crate::b2b::Missing::NoLicense,
            crate::b2b::Missing::NoConsent,
        ]
        .map(Code::Prerequisite),
    );
    all
}

thread_local! {
    static STRINGS: Strings = Strings::new();
}

fn set(target: &Object, key: &JsValue, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, key, value);
}

/// Fills `target` with the decision's fields: `allowed, role, via, code, message`.
fn put_decision(s: &Strings, target: &Object, person: &Person, verdict: &Verdict) {
    let via = Array::new();
    for group in person.via_path(verdict.via) {
        via.push(&JsValue::from_str(group));
    }
    set(target, &s.allowed, &JsValue::from_bool(verdict.allowed()));
    set(target, &s.role, &s.role(verdict.role));
    set(target, &s.via, &via);
    set(target, &s.code, &s.code(verdict.code));
    set(target, &s.message, &s.message(verdict));
}

/// Fills `target` with `error: { code, message }`.
fn put_error(s: &Strings, target: &Object, err: &Error) {
    let error = Object::new();
    set(&error, &s.code, &JsValue::from_str(err.code()));
    set(&error, &s.message, &JsValue::from_str(&err.to_string()));
    set(target, &s.error, &error);
}

impl JsSession {
    /// Runs `f` with the directory, the session and the person's cached standing.
    fn with_person<T>(
        &self,
        f: impl FnOnce(&crate::directory::Directory, &Person) -> Result<T>,
    ) -> std::result::Result<T, JsValue> {
        self.read(|dir, session| {
            let mut cache = self.sharing_cache().try_borrow_mut().map_err(|_| {
                Error::InvalidInput(
                    "the session is busy with another call; call it again after that one returns"
                        .into(),
                )
            })?;
            let person = session.sharing_person_cached(dir, &mut cache)?;
            f(dir, person)
        })
    }
}

/// The action and flow an item of `checkMany` names, or what is wrong with it.
fn read_item<'d>(
    s: &Strings,
    dir: &'d crate::directory::Directory,
    index: usize,
    item: &JsValue,
) -> Result<(Action, &'d Flow)> {
    if !item.is_object() {
        return Err(Error::InvalidInput(format!(
            "checkMany[{index}] must be an object {{ id, action, flowId }}"
        )));
    }
    let field = |key: &JsValue, name: &str| -> Result<String> {
        js_sys::Reflect::get(item, key)
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| Error::InvalidValue {
                field: format!("checkMany[{index}].{name}"),
                reason: "must be a string".into(),
            })
    };
    let action = Action::parse(&field(&s.action, "action")?)?;
    let flow = sharing::flow(dir, &field(&s.flow_id, "flowId")?)?;
    Ok((action, flow))
}

#[wasm_bindgen(js_class = Session)]
impl JsSession {
    /// May the signed-in person do `action` with the flow `flowId`?
    /// Returns `{ allowed, role, via, code, message }`; every expected "no" has a `code`
    /// (`NO_ROLE`, `RUN_ONLY_CANNOT_EDIT`, `FLOW_TURNED_OFF`, `NO_LICENSE`, `NO_CONSENT`,
    /// `INVITATION_PENDING`, `FLOW_IN_OTHER_TENANT`, …). Throws `GuestPassError` with
    /// `UNKNOWN_ACTION` (the message lists the valid actions) or `UNKNOWN_FLOW`.
    ///
    /// @example
    /// const d = session.check("edit", "invoice-flow");
    /// if (!d.allowed) console.log(d.code, d.message); // RUN_ONLY_CANNOT_EDIT …
    #[wasm_bindgen(unchecked_return_type = "Decision")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "FlowAction")] action: &str,
        #[wasm_bindgen(js_name = flowId)] flow_id: &str,
    ) -> std::result::Result<JsValue, JsValue> {
        let action = throw(Action::parse(action))?;
        self.with_person(|dir, person| {
            let flow = sharing::flow(dir, flow_id)?;
            let verdict = person.verdict(action, flow);
            Ok(STRINGS.with(|s| {
                let out = Object::new();
                put_decision(s, &out, person, &verdict);
                out.into()
            }))
        })
    }

    /// Every action the signed-in person may do with the flow `flowId`, in the order
    /// `run, edit, share, viewRuns, cancelRun, resubmitRun, delete` (empty for a flow of
    /// another tenant). Throws `UNKNOWN_FLOW`.
    #[wasm_bindgen(js_name = allowedActions, unchecked_return_type = "FlowAction[]")]
    pub fn allowed_actions(
        &self,
        #[wasm_bindgen(js_name = flowId)] flow_id: &str,
    ) -> std::result::Result<Array, JsValue> {
        self.with_person(|dir, person| {
            let flow = sharing::flow(dir, flow_id)?;
            Ok(STRINGS.with(|s| {
                let out = Array::new();
                for action in person.allowed_actions(flow) {
                    out.push(&s.action(action));
                }
                out
            }))
        })
    }

    /// Many checks in one call, for a whole screen: `[{ id, action, flowId }, …]` gives
    /// one result per item, in order: `{ id, allowed, role, via, code, message }`, or
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
            return Err(error_to_js(&Error::InvalidInput(
                "checkMany takes an array of { id, action, flowId }".into(),
            )));
        };
        let len = items.length() as usize;
        throw(sharing::check_batch_len(len))?;
        self.with_person(|dir, person| {
            Ok(STRINGS.with(|s| {
                let out = Array::new_with_length(len as u32);
                for index in 0..len {
                    let item = items.get(index as u32);
                    let answer = Object::new();
                    let id = if item.is_object() {
                        js_sys::Reflect::get(&item, &s.id).unwrap_or(JsValue::UNDEFINED)
                    } else {
                        JsValue::UNDEFINED
                    };
                    set(&answer, &s.id, &id);
                    match read_item(s, dir, index, &item) {
                        Ok((action, flow)) => {
                            put_decision(s, &answer, person, &person.verdict(action, flow))
                        }
                        Err(err) => put_error(s, &answer, &err),
                    }
                    out.set(index as u32, answer.into());
                }
                out
            }))
        })
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
        #[wasm_bindgen(js_name = flowId)] flow_id: &str,
        #[wasm_bindgen(unchecked_param_type = "ShareRequest")] share: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
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
        #[wasm_bindgen(js_name = flowId)] flow_id: &str,
        principal: &str,
    ) -> std::result::Result<JsValue, JsValue> {
        self.write(|dir, session| to_js(&session.unshare(dir, flow_id, principal)?))
    }
}
