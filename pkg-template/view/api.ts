// The API of `guestpass/view`, the runtime that only reads views: `fromView` (also as
// `Directory.fromView`, so code written against the full package runs with its import
// changed), the `Session` it returns, the error class and the types. Its WebAssembly
// module is the wasm/ crate built without its `full` feature: no world JSON reader, no
// Graph or source import, no sample, no snapshots, no changes (a view's session refuses
// them with `VIEW_READ_ONLY`, as in the full package). make package compiles this file
// beside that build's glue and the shared session.ts, errors.ts, lifetime.ts,
// arguments.ts, types.ts and ready.ts, into pkg/view/.
import { directoryFromView, version as wasmVersion } from "./guestpass.js";
import { ensureReady } from "./ready.js";
import { sessionFromHandle, type Session } from "./session.js";

export type * from "./types.js";
export { GuestPassError } from "./errors.js";
export type { GuestPassErrorCode } from "./errors.js";
export { Session } from "./session.js";

/**
 * The session of the person a view (`dir.viewFor` in the full package, or
 * `npx guestpass view`) was written for, answering every question they can ask from the
 * view alone, exactly as the full package's `Directory.fromView` does. Changes (`share`,
 * `respond`, `inviteToGroup`, …) throw `VIEW_READ_ONLY`: send them to the server. Throws
 * `VIEW_NOT_RECOGNIZED`, `SNAPSHOT_TRUNCATED`, `SNAPSHOT_CHECKSUM_MISMATCH`,
 * `SNAPSHOT_VERSION_UNSUPPORTED`, `SNAPSHOT_CORRUPT`, and `INVALID_VALUE` for anything
 * but bytes.
 *
 * @example
 * ```ts
 * import { fromView } from "guestpass/view";
 * const me = fromView(await (await fetch("/me/view")).arrayBuffer());
 * me.search("ali").items.length;
 * ```
 */
export function fromView(bytes: Uint8Array | ArrayBuffer): Session {
  ensureReady("fromView()");
  return sessionFromHandle(directoryFromView(bytes));
}

/** `fromView` under the name the full package gives it: `Directory.fromView(bytes)`. */
export const Directory: { readonly fromView: (bytes: Uint8Array | ArrayBuffer) => Session } = Object.freeze({ fromView });

/**
 * The guestpass version, as in Cargo.toml and package.json (the same as the full
 * package's).
 */
export function version(): string {
  ensureReady("version()");
  return wasmVersion();
}
