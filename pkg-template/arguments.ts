// Text arguments of the per-call hot paths. Most methods take their text arguments as
// JavaScript values and check them in WebAssembly (src/wasm/convert.rs `text_arg`): a
// number or an object then gets `INVALID_VALUE`, where wasm-bindgen's own string
// parameters would trap inside the allocator with a `RuntimeError`. `Session.check` and
// `Session.allowedActions` answer in well under a microsecond, and that read costs about
// a third of it, so they keep wasm-bindgen's string parameters and are checked here,
// before the call, with the same code and message. tests/js/arguments.test.mjs calls
// every method with wrong types, so a method missed here or there fails it.
import { GuestPassError } from "./errors.js";

/**
 * `INVALID_VALUE` for an argument that is not `expected`, saying what it got (the message
 * reads as the WebAssembly side's). Internal.
 */
export function wrongType(field: string, expected: string, value: unknown): GuestPassError {
  const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  return new GuestPassError("INVALID_VALUE", `invalid value for ${field}: expected ${expected}, got ${got}`, { field });
}

/**
 * Wraps `method` of the class's prototype so that the arguments named in `names` (by
 * position) must be strings. Internal: api.ts runs it once, at import, before
 * `guardFreeing` (so a freed object still says `OBJECT_FREED` first).
 */
export function guardText(cls: { prototype: object }, method: string, names: readonly string[]): void {
  const proto = cls.prototype as Record<string, unknown>;
  const inner = proto[method] as (this: unknown, ...args: unknown[]) => unknown;
  const checked = {
    [method](this: unknown, ...args: unknown[]): unknown {
      for (let i = 0; i < names.length; i++) {
        if (typeof args[i] !== "string") throw wrongType(names[i]!, "a string", args[i]);
      }
      return inner.apply(this, args);
    },
  }[method]!;
  Object.defineProperty(proto, method, { ...Object.getOwnPropertyDescriptor(proto, method), value: checked });
}
