// @ts-check
// The answers of flow checks, spelled out in JavaScript (`session.check`, `allowedActions`,
// `checkMany`). The Rust side (wasm/src/flow_answers.rs) imports this module through
// wasm-bindgen, which ships it beside the glue as a snippet; `make check-types` checks it
// with tsc --strict (pkg-template/tsconfig.snippets.json).
//
// Why JavaScript: setting one property of a JavaScript object from WebAssembly costs about
// as much as a whole decision, so Rust hands over one packed number per answer and this
// module builds the object. No rule or spelling lives here: `gpFlowSetup` receives, once
// per instance, the tables of roles, codes, messages, outcomes and actions AND the packed layout
// (which bits hold what), all from the Rust types.

/**
 * What Rust hands over once per instance (wasm/src/flow_answers.rs `ensure_tables`).
 * @typedef {object} FlowTables
 * @property {(string | null)[]} roles        index 0: no role
 * @property {string[]} roleMessages          the message of an allowed answer, per role
 * @property {(string | null)[]} codes        index 0: no code
 * @property {(string | null)[]} codeMessages
 * @property {string[]} outcomes              per code index: "allowed" (index 0), "denied" or "unknown"
 * @property {string[]} actions               in the order of their packed index
 * @property {number} roleShift               the packed layout: bit 0 is "allowed"; the
 * @property {number} roleMask                role, code and `via` slot are
 * @property {number} codeShift               `(p >>> shift) & mask`; a number at or
 * @property {number} codeMask                above `errorBit` is an error, whose index
 * @property {number} viaShift                in the error list is `p - errorBit`
 * @property {number} errorBit
 * @property {number} badItem                 the kind `gpReadBatch` gives an item to read field by field
 */

/**
 * One answer of a flow check.
 * @typedef {{ allowed: boolean, outcome: string, role: string | null, via: string[], code: string | null, message: string }} Decision
 */

/** @type {FlowTables} */
let T;
/** @type {Map<unknown, number>} */
let actionIndex = new Map();
let roleShift = 0, roleMask = 0, codeShift = 0, codeMask = 0, viaShift = 0, errorBit = 0, badItem = 0;

/** @param {FlowTables} tables */
export function gpFlowSetup(tables) {
  T = tables;
  actionIndex = new Map(tables.actions.map((a, i) => [a, i]));
  ({ roleShift, roleMask, codeShift, codeMask, viaShift, errorBit, badItem } = tables);
}

/**
 * The answer a packed number stands for, with a copy of its `via` chain.
 * @param {number} p
 * @param {string[] | undefined} via
 * @returns {Decision}
 */
export function gpDecision(p, via) {
  const role = (p >>> roleShift) & roleMask, code = (p >>> codeShift) & codeMask;
  return {
    allowed: (p & 1) === 1,
    outcome: T.outcomes[code] ?? "denied",
    role: T.roles[role] ?? null,
    via: via === undefined ? [] : via.slice(),
    code: T.codes[code] ?? null,
    message: (code ? T.codeMessages[code] : T.roleMessages[role]) ?? "",
  };
}

/**
 * The actions whose bits are set in `mask`, in order.
 * @param {number} mask
 * @returns {string[]}
 */
export function gpActions(mask) {
  /** @type {string[]} */
  const out = [];
  for (let i = 0; i < T.actions.length; i++) if (mask & (1 << i)) out.push(/** @type {string} */ (T.actions[i]));
  return out;
}

/**
 * Reads a `checkMany` batch in one call: each item's action index (or `badItem`, for an
 * item Rust reads field by field to say what is wrong), and the flow ids joined by NUL.
 * @param {unknown[]} items
 * @returns {[Uint8Array, string]}
 */
export function gpReadBatch(items) {
  const n = items.length, kinds = new Uint8Array(n);
  /** @type {string[]} */
  const flows = [];
  for (let i = 0; i < n; i++) {
    const it = items[i];
    if (it === null || typeof it !== "object") { kinds[i] = badItem; continue; }
    const item = /** @type {Record<string, unknown>} */ (it);
    const a = actionIndex.get(item.action), f = item.flowId;
    if (a === undefined || typeof f !== "string" || f.indexOf("\0") !== -1) { kinds[i] = badItem; continue; }
    let extra = false;
    for (const k in item) if (k !== "id" && k !== "action" && k !== "flowId") { extra = true; break; }
    if (extra) { kinds[i] = badItem; continue; }
    kinds[i] = a;
    flows.push(f);
  }
  return [kinds, flows.join("\0")];
}

/**
 * Builds every answer of a batch from its packed numbers: `vias` holds the group chains
 * (slot 1 is `vias[0]`), `errors` the error objects of bad items.
 * @param {unknown[]} items
 * @param {Uint32Array} packed
 * @param {string[][]} vias
 * @param {unknown[]} errors
 * @returns {object[]}
 */
export function gpBuildBatch(items, packed, vias, errors) {
  const n = packed.length, out = new Array(n);
  const { roles, codes, codeMessages, roleMessages, outcomes } = T;
  for (let i = 0; i < n; i++) {
    const it = items[i], p = /** @type {number} */ (packed[i]);
    const id = it !== null && typeof it === "object" ? /** @type {{ id?: unknown }} */ (it).id : undefined;
    if (p >= errorBit) { out[i] = { id, error: errors[p - errorBit] }; continue; }
    const role = (p >>> roleShift) & roleMask, code = (p >>> codeShift) & codeMask, slot = p >>> viaShift;
    const chain = slot ? vias[slot - 1] : undefined;
    out[i] = {
      id,
      allowed: (p & 1) === 1,
      outcome: outcomes[code] ?? "denied",
      role: roles[role] ?? null,
      via: chain === undefined ? [] : chain.slice(),
      code: codes[code] ?? null,
      message: (code ? codeMessages[code] : roleMessages[role]) ?? "",
    };
  }
  return out;
}
