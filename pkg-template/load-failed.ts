// The error a browser entry (`guestpass/web`, `guestpass/lazy`) gives when the
// WebAssembly module cannot be fetched or compiled.
import { GuestPassError } from "./errors.js";

/**
 * `WASM_LOAD_FAILED` for a module that could not be fetched or compiled (a 404 page read
 * as WebAssembly says only "expected magic word"), with the original error as `cause`.
 * Internal.
 */
export function loadFailed(error: unknown): GuestPassError {
  const reason = error instanceof Error ? error.message : String(error);
  const wrapped = new GuestPassError(
    "WASM_LOAD_FAILED",
    `could not load the guestpass WebAssembly module (${reason}); serve guestpass_bg.wasm beside web.js (as application/wasm), or pass init() its URL, a Response or its bytes`,
    { reason },
  );
  Object.defineProperty(wrapped, "cause", { value: error, configurable: true, writable: true });
  return wrapped;
}
