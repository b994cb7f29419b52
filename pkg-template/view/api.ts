// The API of `guestpass/view`, the runtime that only reads views: `fromView` (also as
// `Directory.fromView`, so code written against the full package runs with its import
// changed), the `Session` it returns, the error class and the types. Its WebAssembly
// module is the wasm/ crate built without its `full` feature: no world JSON reader, no
// Graph or source import, no sample, no snapshots, no changes (a view's session refuses
// them with `VIEW_READ_ONLY`, as in the full package). make package compiles this file
// beside that build's glue and the shared session.ts, search-unpack.ts, errors.ts,
// lifetime.ts, arguments.ts, ready.ts, types.ts and the types-*.ts it re-exports, into
// pkg/view/.
import { directoryFromView, directoryFromViewParts, version as wasmVersion } from "./guestpass.js";
import { ensureReady } from "./ready.js";
import { sessionFromHandle, type Session } from "./session.js";
import { fetchViewParts, type LoadViewOptions } from "./view-load.js";

export type * from "./types.js";
export { GuestPassError } from "./errors.js";
export type { GuestPassErrorCode } from "./errors.js";
export { Session } from "./session.js";
export type { LoadViewOptions } from "./view-load.js";

/**
 * The session of the person a view (`dir.viewFor` in the full package, or
 * `npx guestpass view`) was written for, answering every question they can ask from the
 * view alone, exactly as the full package's `Directory.fromView` does. Changes (`share`,
 * `respond`, `inviteToGroup`, …) throw `VIEW_READ_ONLY`: send them to the server. Throws
 * `VIEW_NOT_RECOGNIZED`, `SNAPSHOT_TRUNCATED`, `SNAPSHOT_CHECKSUM_MISMATCH`,
 * `SNAPSHOT_VERSION_UNSUPPORTED`, `SNAPSHOT_CORRUPT`, and `INVALID_VALUE` for anything
 * but bytes. Given a second argument, `bytes` is a personal part and `shared` the shared
 * part it names (`dir.viewParts`), as `fromViewParts(bytes, shared)` reads them.
 *
 * @example
 * ```ts
 * import { fromView } from "guestpass/view";
 * const me = fromView(await (await fetch("/me/view")).arrayBuffer());
 * me.search("ali").items.length;
 * ```
 */
export function fromView(bytes: Uint8Array | ArrayBuffer, shared?: Uint8Array | ArrayBuffer): Session {
  ensureReady("fromView()");
  if (shared !== undefined) return sessionFromHandle(directoryFromViewParts(bytes, shared));
  return sessionFromHandle(directoryFromView(bytes));
}

/**
 * `fromView` of a view served in two parts (`dir.viewParts` in the full package): the
 * person's personal part and the shared part it names, as the full package's
 * `Directory.fromViewParts` reads them. Throws `VIEW_PARTS_MISMATCH` for a shared part
 * other than the one the personal part names (paired by a checksum: fetch the shared part
 * with `integrity`, as below, to have the browser refuse forged bytes), and what
 * `fromView` throws. The shared
 * part (and `fromView`'s whole view) is read from your array a window at a time, never
 * copied whole into WebAssembly memory, whose size never shrinks: a 710,000-person
 * member view loads in about 360 MB of it (BENCHMARKS.md).
 *
 * @example
 * ```ts
 * import { fromViewParts } from "guestpass/view";
 * // examples/view-server/ answers /view/personal with these two headers.
 * const res = await fetch("/view/personal", auth);
 * const url = res.headers.get("GuestPass-Shared")!;
 * const integrity = res.headers.get("GuestPass-Shared-Integrity")!;
 * const shared = await (await fetch(url, { ...auth, integrity })).arrayBuffer();
 * const me = fromViewParts(await res.arrayBuffer(), shared);
 * ```
 */
export function fromViewParts(personal: Uint8Array | ArrayBuffer, shared: Uint8Array | ArrayBuffer): Session {
  ensureReady("fromViewParts()");
  return sessionFromHandle(directoryFromViewParts(personal, shared));
}

/**
 * Fetches a view served in two parts (as `examples/view-server` serves it) and reads it:
 * the personal part at `url`, then the shared part at the URL its `GuestPass-Shared`
 * header names, fetched with its `GuestPass-Shared-Integrity` header as `integrity`, so
 * that `fetch` refuses any bytes but the ones the personal part was written with.
 * `options` are `fetch`'s (headers with the bearer token, `signal`, …) plus the `fetch` to
 * call. Rejects with `VIEW_HTTP_ERROR` (`details.status`, `details.url`,
 * `details.serverCode`), `VIEW_NETWORK_ERROR` (also for a shared part whose bytes the
 * integrity refuses), `ABORTED`, and what `fromViewParts` throws.
 *
 * @example
 * ```ts
 * import { loadViewParts } from "guestpass/view";
 * const me = await loadViewParts("/view/personal", { headers: { Authorization: `Bearer ${token}` } });
 * ```
 */
export async function loadViewParts(url: string | URL, options?: LoadViewOptions): Promise<Session> {
  ensureReady("loadViewParts()");
  const [personal, shared] = await fetchViewParts(url, options);
  return fromViewParts(personal, shared);
}

/**
 * `fromView`, `fromViewParts` and `loadViewParts` under the names the full package gives
 * them: `Directory.fromView(bytes)`, `Directory.fromViewParts(personal, shared)`,
 * `Directory.loadViewParts(url, options)`.
 */
export const Directory: {
  readonly fromView: (bytes: Uint8Array | ArrayBuffer) => Session;
  readonly fromViewParts: (personal: Uint8Array | ArrayBuffer, shared: Uint8Array | ArrayBuffer) => Session;
  readonly loadViewParts: (url: string | URL, options?: LoadViewOptions) => Promise<Session>;
} = Object.freeze({ fromView: (bytes: Uint8Array | ArrayBuffer) => fromView(bytes), fromViewParts, loadViewParts });

/**
 * The guestpass version, as in Cargo.toml and package.json (the same as the full
 * package's).
 */
export function version(): string {
  ensureReady("version()");
  return wasmVersion();
}
