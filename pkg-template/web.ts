// The `guestpass/web` entry for a plain browser page: nothing happens on import; call
// `await init()` once before using the API.
import initWasm from "./guestpass.js";
import type { InitInput } from "./guestpass.js";
import { connectErrors, GuestPassError } from "./errors.js";

export * from "./api.js";

let ready: Promise<void> | undefined;

/**
 * `WASM_LOAD_FAILED` for a module that could not be fetched or compiled (a 404 page read
 * as WebAssembly says only "expected magic word"), with the original error as `cause`.
 */
function loadFailed(error: unknown): GuestPassError {
  const reason = error instanceof Error ? error.message : String(error);
  const wrapped = new GuestPassError(
    "WASM_LOAD_FAILED",
    `could not load the guestpass WebAssembly module (${reason}); serve guestpass_bg.wasm beside web.js (as application/wasm), or pass init() its URL, a Response or its bytes`,
    { reason },
  );
  Object.defineProperty(wrapped, "cause", { value: error, configurable: true, writable: true });
  return wrapped;
}

/**
 * Loads and instantiates the guestpass WebAssembly module; await it once before any other
 * call. By default it fetches `guestpass_bg.wasm` from beside this file; pass a URL, a
 * `Response`, the bytes or a compiled `WebAssembly.Module` to load it from elsewhere.
 * Calling it again returns the same promise. A module that cannot be fetched or
 * compiled rejects with `GuestPassError` `WASM_LOAD_FAILED` (and `init()` may be called
 * again).
 *
 * @example
 * ```ts
 * import init, { version } from "guestpass/web";
 * await init();
 * console.log(version());
 * ```
 */
export default function init(moduleOrPath?: InitInput | Promise<InitInput>): Promise<void> {
  ready ??= initWasm(moduleOrPath === undefined ? undefined : { module_or_path: moduleOrPath }).then(
    () => connectErrors(),
    (error: unknown) => {
      ready = undefined;
      throw loadFailed(error);
    },
  );
  return ready;
}
