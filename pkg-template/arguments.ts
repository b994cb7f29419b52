// Arguments checked in TypeScript before they cross into WebAssembly. Most methods take
// their arguments as JavaScript values and check them in WebAssembly
// (wasm/src/convert.rs `text_arg`); what is checked here is what cannot be checked there:
// a search `limit` of `NaN` or `Infinity` (JSON, which objects cross as, turns both into
// `null`), and the arguments of `PeopleIndex`, whose per-keystroke calls take
// wasm-bindgen's own string and number parameters. tests/js/arguments.test.mjs calls every
// method with wrong types, so a method missed here fails it.
import { GuestPassError } from "./errors.js";

/** The most results one search returns (as src/session/search.rs and wasm/src/people_index.rs). */
const MAX_LIMIT = 100;

/**
 * `INVALID_VALUE` for an argument that is not `expected`, saying what it got (the message
 * reads as the WebAssembly side's). Internal.
 */
export function wrongType(field: string, expected: string, value: unknown): GuestPassError {
  const got =
    value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "number" ? String(value) : typeof value;
  return new GuestPassError("INVALID_VALUE", `invalid value for ${field}: expected ${expected}, got ${got}`, { field });
}

/** Refuses a search `limit` that is not a whole number from 1 to 100. Internal. */
export function checkLimit(limit: unknown): void {
  if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw wrongType("limit", `a whole number from 1 to ${MAX_LIMIT}`, limit);
  }
}
