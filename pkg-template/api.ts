// The API every entry point of the package exports (`guestpass` in Node and in bundlers,
// `guestpass/web` in a plain page): the classes `Directory`, `Session` and `PeopleIndex`
// (TypeScript classes over handles of the WebAssembly side's object table, lifetime.ts),
// the error class, the types, and three functions. wasm-bindgen's glue (guestpass.js) is
// internal: the package's `exports` map does not name it.
import {
  sampleSources as wasmSampleSources,
  sampleWorld as wasmSampleWorld,
  version as wasmVersion,
} from "./guestpass.js";
import { ensureReady } from "./ready.js";
import type { SampleOptions, SourcesInput, WorldJSON } from "./types.js";

export type * from "./types.js";
export { GuestPassError } from "./errors.js";
export type { GuestPassErrorCode } from "./errors.js";
export { hostSignIn } from "./host.js";
export { Directory } from "./directory.js";
export { Session } from "./session.js";
export { PeopleIndex } from "./people-index.js";
export { signBytes } from "./signing.js";
export type { SignedLoadOptions, SigningKeyPair, SigningPublicKey } from "./signing.js";
export type { LoadViewOptions } from "./view-load.js";

/**
 * The sample world as world JSON (the input of `Directory.fromJSON`), e.g. to feed other
 * libraries the same people: `{ users = 2000, seed = 42 }`.
 *
 * @example
 * ```ts
 * const { users } = sampleWorld({ users: 100 });
 * ```
 */
export function sampleWorld(options?: SampleOptions): WorldJSON {
  ensureReady("sampleWorld()");
  return wasmSampleWorld(options);
}

/**
 * The sample world as the pages Microsoft Graph, Power Automate and Dataverse would answer
 * for it (the input of `Directory.fromSources`), paged 100 rows a page with
 * `@odata.nextLink`: to try a loader, or to serve from a test server. Apps, connectors and
 * join requests have no source yet and are left out; licences read back as
 * `powerAutomate`, groups as `closed`, a group approver as its members.
 *
 * @example
 * ```ts
 * const pages = sampleSources({ users: 100 });
 * const dir = Directory.fromSources(pages);
 * ```
 */
export function sampleSources(options?: SampleOptions): SourcesInput {
  ensureReady("sampleSources()");
  return wasmSampleSources(options);
}

/**
 * The guestpass version, as in Cargo.toml and package.json.
 *
 * @example
 * ```ts
 * console.log(version()); // "0.1.0"
 * ```
 */
export function version(): string {
  ensureReady("version()");
  return wasmVersion();
}
