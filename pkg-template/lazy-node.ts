// The `guestpass/lazy` entry under Node (server-side rendering, tests): Node reads the .wasm
// from disk synchronously, so the engine is there when the import resolves and `ready` is
// already resolved. Same exports as lazy.ts.
import { readFileSync } from "node:fs";
import { initSync } from "./guestpass.js";
import { connectErrors } from "./errors.js";

export * from "./api.js";

initSync({ module: readFileSync(new URL("./guestpass_bg.wasm", import.meta.url)) });
connectErrors();

/** Resolved: under Node the engine is loaded on import (see `guestpass/lazy` in a browser). */
export const ready: Promise<void> = Promise.resolve();

/** Always `true` under Node. */
export function isReady(): boolean {
  return true;
}
