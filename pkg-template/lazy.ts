// The `guestpass/lazy` entry for pages that must paint before the engine is there. Importing
// it is instant (no top-level await, so `vite build --target es2020` has nothing to warn
// about): the import starts fetching guestpass_bg.wasm at once and compiles it while it
// streams in, and `ready` resolves when the API may be used. A call made before that throws
// `NOT_INITIALIZED` (ready.ts): the API is synchronous, so it cannot wait; await `ready`
// (or React 19's `use(ready)`) first. Bundlers emit the .wasm as an asset through the
// `new URL(..., import.meta.url)` form, as for the "guestpass" entry.
import initWasm from "./guestpass.js";
import { connectErrors } from "./errors.js";
import { loadFailed } from "./load-failed.js";

export * from "./api.js";

let loaded = false;

/**
 * Resolves when the WebAssembly module is instantiated and the API may be used; rejects
 * with `GuestPassError` `WASM_LOAD_FAILED` (the original error as `cause`) when the
 * `.wasm` cannot be fetched or compiled. The fetch starts when this module is imported.
 *
 * @example
 * ```ts
 * import { Directory, ready } from "guestpass/lazy";
 * await ready;
 * const dir = Directory.sample({ users: 100 });
 * ```
 */
export const ready: Promise<void> = initWasm({ module_or_path: new URL("./guestpass_bg.wasm", import.meta.url) }).then(
  () => {
    connectErrors();
    loaded = true;
  },
  (error: unknown) => {
    throw loadFailed(error);
  },
);

/**
 * Is the engine there yet (has `ready` resolved)? For code that must not wait, e.g. to
 * render a placeholder instead.
 *
 * @example
 * ```ts
 * import { isReady } from "guestpass/lazy";
 * console.log(isReady() ? "search is on" : "loading the engine…");
 * ```
 */
export function isReady(): boolean {
  return loaded;
}
