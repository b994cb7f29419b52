// Calls made before the WebAssembly module is instantiated. The "guestpass" entry
// instantiates it on import; "guestpass/web" waits for `await init()`; "guestpass/lazy"
// starts loading on import and says when it is done with its `ready` promise. Before that,
// wasm-bindgen's glue reads a property of an undefined module and throws a bare
// `TypeError`; the entry points (the static constructors, `new Directory()`,
// `new PeopleIndex()`, `version`, `sampleWorld`) check first and throw `NOT_INITIALIZED`,
// which says what to do.
import { version as wasmVersion } from "./guestpass.js";
import { GuestPassError } from "./errors.js";

let ready = false;

/**
 * Throws `NOT_INITIALIZED` unless the WebAssembly module is instantiated (`what` names
 * the call). The first successful check is remembered, so later calls cost one read.
 * Internal.
 */
export function ensureReady(what: string): void {
  if (ready) return;
  try {
    wasmVersion();
    ready = true;
  } catch {
    throw new GuestPassError(
      "NOT_INITIALIZED",
      `${what} was called before the guestpass WebAssembly module was loaded; in a plain browser page, \`await init()\` from "guestpass/web" once before using the API; with "guestpass/lazy", \`await ready\` first (the "guestpass" entry loads it on import)`,
      { member: what },
    );
  }
}
