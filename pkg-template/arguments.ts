// Text arguments of the per-call hot paths. Most methods take their text arguments as
// JavaScript values and check them in WebAssembly (wasm/src/convert.rs `text_arg`): a
// number or an object then gets `INVALID_VALUE`, where wasm-bindgen's own string
// parameters would trap inside the allocator with a `RuntimeError`. `Session.check` and
// `Session.allowedActions` answer in well under a microsecond, and that read costs about
// a third of it, so they keep wasm-bindgen's string parameters and are checked in
// JavaScript before the call, by the wrapper `guardFreeing` already puts on every method
// (freeing.ts; api.ts names them), with the error below. tests/js/arguments.test.mjs
// calls every method with wrong types, so a method missed there fails it.
import { GuestPassError } from "./errors.js";

/**
 * `INVALID_VALUE` for an argument that is not `expected`, saying what it got (the message
 * reads as the WebAssembly side's). Internal.
 */
export function wrongType(field: string, expected: string, value: unknown): GuestPassError {
  const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  return new GuestPassError("INVALID_VALUE", `invalid value for ${field}: expected ${expected}, got ${got}`, { field });
}
