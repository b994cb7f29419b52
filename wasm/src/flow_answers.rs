//! The answers of flow checks, spelled out by a JavaScript module
//! (`pkg-template/flow-answers.js`, shipped by wasm-bindgen as a snippet beside the glue).
//!
//! Setting one property of a JavaScript object from Wasm (`Reflect.set`) costs about as
//! much as a whole decision, so a check hands the module one packed number (allowed,
//! role, code, `via` slot) and it returns the `{ allowed, outcome, role, via, code,
//! message }` object: one call out of Wasm. The module's tables (roles, codes, messages,
//! outcomes, actions) and
//! the packed layout are filled once from the Rust types and the constants below: no
//! rule, spelling or bit position lives in JavaScript.

use guestpass::b2b::Outcome;
use guestpass::sharing::{allowed_message, Action, Code, Role, Verdict};
use js_sys::{Array, Object, Uint32Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/../pkg-template/flow-answers.js")]
extern "C" {
    #[wasm_bindgen(js_name = gpFlowSetup)]
    fn flow_setup(tables: &JsValue);
    /// The decision `packed` stands for, with a copy of the `via` chain (or `[]`).
    #[wasm_bindgen(js_name = gpDecision)]
    pub fn js_decision(packed: u32, via: &JsValue) -> JsValue;
    /// The actions whose bits (`1 << Action::index()`) are set.
    #[wasm_bindgen(js_name = gpActions)]
    pub fn js_actions(mask: u32) -> Array;
    // These two read the caller's items, whose getters may throw: `catch` hands the
    // exception back to Rust, which rethrows it once nothing is borrowed.
    /// `[kinds, flowIds]`: each item's action index (or [`BAD_ITEM`]) and the flow ids of
    /// the good ones joined by NUL.
    #[wasm_bindgen(js_name = gpReadBatch, catch)]
    pub fn js_read_batch(items: &Array) -> Result<Array, JsValue>;
    /// Every answer of a batch from its packed numbers, `via` chains and errors.
    #[wasm_bindgen(js_name = gpBuildBatch, catch)]
    pub fn js_build_batch(
        items: &Array,
        packed: &Uint32Array,
        vias: &Array,
        errors: &Array,
    ) -> Result<Array, JsValue>;
}

/// The packed layout, the one place it is defined (the module reads it from the tables):
/// bit 0 allowed; the role (0 none, else its index in [`ROLES`] + 1); the code (0 none,
/// else `Code::index() + 1`); the `via` slot (0 direct) in the bits from [`VIA_SHIFT`] up.
const ROLE_SHIFT: u32 = 1;
const ROLE_MASK: u32 = 0b11;
const CODE_SHIFT: u32 = 3;
const CODE_MASK: u32 = 0b1_1111;
const VIA_SHIFT: u32 = 8;
/// Set on a packed answer that is an error (the rest is its index in the error list).
pub const ERROR_BIT: u32 = 1 << 31;
/// A `gpReadBatch` kind for an item to read field by field.
pub const BAD_ITEM: u8 = 255;

// Every code and role fits its bits, and a via slot never reaches the error bit's.
const _: () = assert!(Code::COUNT < CODE_MASK as usize);
const _: () = assert!(ROLES.len() <= ROLE_MASK as usize);
const _: () = assert!(CODE_SHIFT + CODE_MASK.count_ones() <= VIA_SHIFT);

/// The roles in the order of their packed index (0: none).
const ROLES: [Role; 3] = [Role::RunOnly, Role::CoOwner, Role::Owner];

fn role_index(role: Option<Role>) -> u32 {
    match role {
        None => 0,
        Some(Role::RunOnly) => 1,
        Some(Role::CoOwner) => 2,
        Some(Role::Owner) => 3,
    }
}

/// Allowed, role, code and `via` slot in one number (the layout above). `via_slot` is
/// below `1 << 23`: a batch holds at most `MAX_BATCH_LEN` items.
pub fn pack(verdict: &Verdict, via_slot: u32) -> u32 {
    let code = verdict.code.map_or(0, |c| c.index() as u32 + 1);
    u32::from(verdict.allowed())
        | role_index(verdict.role) << ROLE_SHIFT
        | code << CODE_SHIFT
        | via_slot << VIA_SHIFT
}

fn strings(items: impl IntoIterator<Item = Option<&'static str>>) -> Array {
    let out = Array::new();
    for item in items {
        out.push(&item.map_or(JsValue::NULL, JsValue::from_str));
    }
    out
}

thread_local! {
    /// Whether this instance has filled the module's tables.
    static TABLES_READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Fills the module's tables and layout from the Rust types, once per Wasm instance.
pub fn ensure_tables() {
    if TABLES_READY.with(std::cell::Cell::get) {
        return;
    }
    TABLES_READY.with(|ready| ready.set(true));
    let mut codes: Vec<Option<&'static str>> = vec![None; Code::COUNT + 1];
    let mut code_messages = codes.clone();
    // Slot 0 (no code) is an allowed answer; every code gives its own outcome (a
    // `HOME_*_UNKNOWN` code is `unknown`, every other `denied`).
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
    let put = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&tables, &JsValue::from_str(key), value);
    };
    put(
        "roles",
        &strings(std::iter::once(None).chain(ROLES.map(|r| Some(r.as_str())))),
    );
    put(
        "roleMessages",
        &strings(std::iter::once(Some("allowed")).chain(ROLES.map(|r| Some(allowed_message(r))))),
    );
    put("codes", &strings(codes));
    put("codeMessages", &strings(code_messages));
    put("outcomes", &strings(outcomes));
    put("actions", &strings(Action::ALL.map(|a| Some(a.as_str()))));
    for (key, value) in [
        ("roleShift", ROLE_SHIFT),
        ("roleMask", ROLE_MASK),
        ("codeShift", CODE_SHIFT),
        ("codeMask", CODE_MASK),
        ("viaShift", VIA_SHIFT),
        ("errorBit", ERROR_BIT),
        ("badItem", u32::from(BAD_ITEM)),
    ] {
        put(key, &JsValue::from(value));
    }
    flow_setup(&tables);
}
