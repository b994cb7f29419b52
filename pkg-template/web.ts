// The `guestpass/web` entry for a plain browser page: nothing happens on import; call
// `await init()` once before using the API.
import initWasm from "./guestpass.js";
import type { InitInput } from "./guestpass.js";
import { connectErrors } from "./errors.js";
import { loadFailed } from "./load-failed.js";

export * from "./api.js";

let ready: Promise<void> | undefined;

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
