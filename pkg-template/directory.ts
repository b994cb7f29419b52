/// <reference lib="esnext.disposable" preserve="true" />
// `Directory`: everything guestpass knows. A TypeScript class over a handle of the Rust
// object table (lifetime.ts says why a handle and not a pointer); each method checks that
// `this` is a real directory, then calls one function of the WebAssembly glue. What the
// methods written in TypeScript do besides lives beside it: the loaders' fetching
// (graph-load.ts, sources-load.ts), the signature checks (signing.ts), the host contexts
// (host.ts).
import * as glue from "./guestpass.js";
import { fetchGraph } from "./graph-load.js";
import { fetchSources } from "./sources-load.js";
import { signInFirstKnown } from "./host.js";
import { notThis, track, untrack } from "./lifetime.js";
import { ensureReady } from "./ready.js";
import { sessionFromHandle, type Session } from "./session.js";
import { integrityOf } from "./integrity.js";
import { fetchViewParts, type LoadViewOptions } from "./view-load.js";
import { isSigned, signedGivenToUnsigned, verified, type SignedLoadOptions } from "./signing.js";
import type {
  App,
  Approval,
  Collaboration,
  Connector,
  Flow,
  GraphInput,
  GraphLoadOptions,
  Group,
  SourcesInput,
  SourcesLoadOptions,
  HomeFacts,
  HostContext,
  Id,
  Notification,
  RedeemRequest,
  SampleOptions,
  SelfServiceConfig,
  SignInRequest,
  Stats,
  Tenant,
  User,
  ViewParts,
  World,
  WorldJSON,
} from "./types.js";

/**
 * Everything guestpass knows: tenants, people, groups, apps, flows and approvals, in
 * WebAssembly memory. Make one with `Directory.fromJSON(world)`, `Directory.fromBytes`,
 * `Directory.fromGraph`, `Directory.loadFromGraph` or `Directory.sample()`; ask questions
 * through a `Session` from `dir.signIn(...)`.
 *
 * The directory lives in WebAssembly memory, which JavaScript's garbage collector does
 * not see. It is released when the object is collected (a `FinalizationRegistry`), but
 * late: call `dir.free()` (or declare it with `using`) when you drop a large directory,
 * e.g. before loading a new one. `free()` twice does nothing; any other use of a freed
 * directory throws `GuestPassError` `OBJECT_FREED`. Its sessions keep their own
 * reference to the directory's memory and stay usable until they are freed themselves.
 * A method called on anything but a directory (a copy, another object as `this`) throws
 * `INVALID_VALUE` with `details.field` `"this"`.
 *
 * @example
 * ```ts
 * const dir = Directory.fromJSON({
 *   tenants: [{ id: "contoso", displayName: "Contoso", initialDomain: "contoso.onmicrosoft.com" }],
 *   users: [{ id: "bob", tenantId: "contoso", displayName: "Bob", userPrincipalName: "bob@contoso.com" }],
 * });
 * const bob = dir.signIn({ tenantId: "contoso", user: "bob@contoso.com" });
 * ```
 */
export class Directory {
  #handle: number;
  /** The handle a factory made, for the constructor to take instead of a new directory. */
  static #adopting: number | undefined;

  /**
   * An empty directory.
   *
   * @example
   * ```ts
   * const dir = new Directory();
   * dir.upsertTenant({ id: "contoso", displayName: "Contoso", initialDomain: "contoso.onmicrosoft.com" });
   * ```
   */
  constructor() {
    const adopted = Directory.#adopting;
    Directory.#adopting = undefined;
    if (adopted === undefined) ensureReady("new Directory()");
    this.#handle = adopted ?? glue.directoryNew();
    track(this, this.#handle);
  }

  static #adopt(handle: number): Directory {
    Directory.#adopting = handle;
    return new Directory();
  }

  /** The handle of a real directory, or `INVALID_VALUE` naming `member`. */
  static #of(self: Directory, member: string): number {
    if (typeof self === "object" && self !== null && #handle in self) return self.#handle;
    throw notThis("Directory", member, "Directory.fromJSON (or another factory)");
  }

  /**
   * Builds a directory from world JSON (an object, a JSON string, or the JSON as UTF-8
   * bytes: a `Uint8Array` or `ArrayBuffer`, as a file or a response body arrives). Throws
   * `UNKNOWN_FIELD`, `INVALID_INPUT`, `INVALID_VALUE`, `DUPLICATE_ID`,
   * `DANGLING_REFERENCE`, … naming the offending path; nothing is half-built.
   *
   * @example
   * ```ts
   * const dir = Directory.fromJSON(await (await fetch("/world.json")).text());
   * ```
   */
  static fromJSON(world: World | string | Uint8Array | ArrayBuffer): Directory {
    ensureReady("Directory.fromJSON()");
    return Directory.#adopt(glue.directoryFromJSON(world));
  }

  /**
   * Loads a snapshot made by `dir.toBytes()`: the same directory (same people in the same
   * order of equally ranked search results), without rebuilding its search indexes, so
   * faster than `fromJSON`. Takes the bytes as a `Uint8Array` (a Node `Buffer` is one) or
   * an `ArrayBuffer` (`await response.arrayBuffer()`). Throws `SNAPSHOT_NOT_RECOGNIZED`,
   * `SNAPSHOT_TRUNCATED`, `SNAPSHOT_CHECKSUM_MISMATCH`, `SNAPSHOT_VERSION_UNSUPPORTED` or
   * `SNAPSHOT_CORRUPT`, and `INVALID_VALUE` for anything else (a detached buffer, an
   * array of numbers, signed bytes: load those with `fromSignedBytes`); never half-loads.
   * The bytes stay where they are and are read a window at a time (the checksum first,
   * then the body), so a large snapshot is never copied whole into WebAssembly memory: a
   * million people load in about 520 MiB of it (BENCHMARKS.md). Do not change the bytes
   * from another thread (a `SharedArrayBuffer`) while the call runs.
   *
   * The checksum detects damage, not forgery: whoever can write the bytes decides every
   * answer. Load unsigned bytes only from storage you trust as much as the server's own
   * data (the package README, "Signed snapshots and views").
   *
   * @example
   * ```ts
   * const copy = Directory.fromBytes(dir.toBytes());
   * ```
   */
  static fromBytes(bytes: Uint8Array | ArrayBuffer): Directory {
    ensureReady("Directory.fromBytes()");
    if (isSigned(bytes)) throw signedGivenToUnsigned("Directory.fromBytes()", "Directory.fromSignedBytes");
    return Directory.#adopt(glue.directoryFromBytes(bytes));
  }

  /**
   * `fromBytes` for bytes a server signed with `signBytes`: resolves once the signature by
   * `publicKey` (or one of several) holds, and loads exactly the bytes it checked (a copy
   * taken at the call). Rejects with `SIGNATURE_REQUIRED` for unsigned bytes,
   * `SIGNATURE_INVALID` for a signature that does not hold (another key, changed bytes),
   * `SIGNATURE_UNSUPPORTED` without WebCrypto's Ed25519, `INVALID_VALUE` for a key that is
   * not an Ed25519 public key, and what `fromBytes` throws; nothing is loaded unchecked.
   *
   * @example
   * ```ts
   * const dir = await Directory.fromSignedBytes(await (await fetch("/directory.bin")).arrayBuffer(), { publicKey });
   * ```
   */
  static async fromSignedBytes(bytes: Uint8Array | ArrayBuffer, options: SignedLoadOptions): Promise<Directory> {
    ensureReady("Directory.fromSignedBytes()");
    const payload = await verified(bytes, options, "Directory.fromSignedBytes()");
    return Directory.#adopt(glue.directoryFromBytes(payload));
  }

  /**
   * The session of the person a view (`dir.viewFor`) was written for, answering every
   * question they can ask from the view alone, exactly as a session on the whole
   * directory would. Changes (`share`, `respond`, `inviteToGroup`, …) throw
   * `VIEW_READ_ONLY`: send them to the server. Throws `VIEW_NOT_RECOGNIZED`,
   * `SNAPSHOT_TRUNCATED`, `SNAPSHOT_CHECKSUM_MISMATCH`, `SNAPSHOT_VERSION_UNSUPPORTED`,
   * `SNAPSHOT_CORRUPT`, and `INVALID_VALUE` for anything but bytes.
   *
   * @example
   * ```ts
   * const alice = Directory.fromView(await (await fetch("/me/view")).arrayBuffer());
   * ```
   */
  static fromView(bytes: Uint8Array | ArrayBuffer): Session {
    ensureReady("Directory.fromView()");
    if (isSigned(bytes)) throw signedGivenToUnsigned("Directory.fromView()", "Directory.fromSignedView");
    return sessionFromHandle(glue.directoryFromView(bytes));
  }

  /**
   * `fromView` for a view served in its two parts (`dir.viewParts`): the person's
   * `personal` part and the `shared` part it names. Throws `VIEW_PARTS_MISMATCH` for a
   * shared part other than the one the personal part was written with (another tenant's
   * or audience's, or an older one: the parts are paired by a checksum, so fetch the
   * shared part with `integrity` to have the browser refuse forged bytes), and what
   * `fromView` throws.
   *
   * @example
   * ```ts
   * // examples/view-server/ answers /view/personal with these two headers.
   * const res = await fetch("/view/personal", auth);
   * const url = res.headers.get("GuestPass-Shared")!;
   * const integrity = res.headers.get("GuestPass-Shared-Integrity")!;
   * const shared = await (await fetch(url, { ...auth, integrity })).arrayBuffer();
   * const me = Directory.fromViewParts(await res.arrayBuffer(), shared);
   * ```
   */
  static fromViewParts(personal: Uint8Array | ArrayBuffer, shared: Uint8Array | ArrayBuffer): Session {
    ensureReady("Directory.fromViewParts()");
    if (isSigned(personal) || isSigned(shared)) {
      throw signedGivenToUnsigned("Directory.fromViewParts()", "Directory.fromSignedView");
    }
    return sessionFromHandle(glue.directoryFromViewParts(personal, shared));
  }

  /**
   * Fetches a view served in two parts (as `examples/view-server` serves it) and reads it
   * with `fromViewParts`: the personal part at `url`, then the shared part at the URL its
   * `GuestPass-Shared` header names, fetched with its `GuestPass-Shared-Integrity` header
   * as `integrity`, so that `fetch` refuses any bytes but the ones the personal part was
   * written with. `options` are `fetch`'s plus the `fetch` to call. Rejects with
   * `VIEW_HTTP_ERROR` (`details.status`, `details.url`, `details.serverCode`),
   * `VIEW_NETWORK_ERROR` (also for bytes the integrity refuses), `ABORTED`, and what
   * `fromViewParts` throws.
   *
   * @example
   * ```ts
   * const me = await Directory.loadViewParts("/view/personal", { headers: { Authorization: `Bearer ${token}` } });
   * ```
   */
  static async loadViewParts(url: string | URL, options?: LoadViewOptions): Promise<Session> {
    ensureReady("Directory.loadViewParts()");
    const [personal, shared] = await fetchViewParts(url, options);
    return Directory.fromViewParts(personal, shared);
  }

  /**
   * `fromView` for a view the server signed with `signBytes` (a view that travels through
   * caches and CDNs): resolves once the signature by `publicKey` (or one of several)
   * holds, with the session of the person the view is for, read from exactly the bytes it
   * checked. Rejects as `fromSignedBytes` does, and with what `fromView` throws. A valid
   * signature says the server wrote the view, not for whom you meant: compare
   * `session.whoami()` with who signed in.
   *
   * @example
   * ```ts
   * const me = await Directory.fromSignedView(await (await fetch("/me/view")).arrayBuffer(), { publicKey });
   * ```
   */
  static async fromSignedView(bytes: Uint8Array | ArrayBuffer, options: SignedLoadOptions): Promise<Session> {
    ensureReady("Directory.fromSignedView()");
    const payload = await verified(bytes, options, "Directory.fromSignedView()");
    return sessionFromHandle(glue.directoryFromView(payload));
  }

  /**
   * Builds a directory from Microsoft Graph pages you fetched yourself (what
   * `/organization`, `/users`, `/groups`, `/groups/{id}/members` and `/owners` returned,
   * and `/servicePrincipals` with their `/owners` and `/appRoleAssignedTo` for enterprise
   * apps) for one or more tenants. See `loadFromGraph` to have them fetched.
   *
   * @example
   * ```ts
   * const dir = Directory.fromGraph({ tenants: [{ organization, users: [usersPage], groups: [groupsPage] }] });
   * ```
   */
  static fromGraph(input: GraphInput | string): Directory {
    ensureReady("Directory.fromGraph()");
    return Directory.#adopt(glue.directoryFromGraph(input));
  }

  /**
   * Fetches `/organization`, `/users` and `/groups` (following `@odata.nextLink`) and each
   * group's members and owners from Microsoft Graph for every tenant in `tenantIds`, with
   * your authenticated `fetch(url, init, tenantId)` (with `apps: true`, the enterprise
   * apps too: needs Application.Read.All), then builds the directory
   * (`fromGraph`). Reports progress after every page, honours `signal` (`ABORTED`),
   * retries 429 and 503 as `Retry-After` says (at most `maxRetries` times). Rejects with
   * `GRAPH_HTTP_ERROR` (`details.status`), `GRAPH_MALFORMED_PAGE`, `GRAPH_NETWORK_ERROR`,
   * `GRAPH_TENANT_MISMATCH`, `ABORTED`, `INVALID_VALUE` (an `onProgress` that threw: the
   * error is its `cause`), or what `fromGraph` throws; nothing is half-built.
   *
   * @example
   * ```ts
   * const dir = await Directory.loadFromGraph({
   *   tenantIds: [tenantId],
   *   fetch: async (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } }),
   *   onProgress: (p) => console.log(`${p.users} people, ${p.groups} groups`),
   * });
   * ```
   */
  static async loadFromGraph(options: GraphLoadOptions): Promise<Directory> {
    ensureReady("Directory.loadFromGraph()");
    const input = await fetchGraph(options);
    return Directory.fromGraph(input);
  }

  /**
   * Builds a directory from the pages of every source you fetched yourself: Microsoft
   * Graph (people, groups, policies, licences, enterprise apps), Power Automate (flows and their
   * permissions) and Dataverse (the Approvals tables). See `loadFromSources` to have
   * them fetched. Pages keep every property the services add; the envelope refuses
   * unknown fields. The input may also be its JSON text, or that text as UTF-8 bytes
   * (`Uint8Array`, `ArrayBuffer`: pages saved to a file), which crosses into WebAssembly
   * as one copy.
   *
   * @example
   * ```ts
   * const dir = Directory.fromSources({ graph: { tenants: [{ organization, users: [usersPage], groups: [groupsPage] }] } });
   * ```
   */
  static fromSources(input: SourcesInput | string | Uint8Array | ArrayBuffer): Directory {
    ensureReady("Directory.fromSources()");
    return Directory.#adopt(glue.directoryFromSources(input));
  }

  /**
   * Fetches every source of every tenant with your authenticated `fetch(url, init,
   * request)`, where `request.resource` says which service the URL is for (`graph`,
   * `powerAutomate` or `dataverse`) so you can attach the right token, then builds the
   * directory (`fromSources`). Paging, 429/503 with `Retry-After`, `signal`
   * (`ABORTED`), same-origin next links only; rejects with `SOURCE_HTTP_ERROR`,
   * `SOURCE_MALFORMED_PAGE`, `SOURCE_NETWORK_ERROR`, `GRAPH_TENANT_MISMATCH`,
   * `INVALID_VALUE` (an `onProgress` that threw: the error is its `cause`), or what
   * `fromSources` throws. Nothing is half-built.
   *
   * @example
   * ```ts
   * const dir = await Directory.loadFromSources({
   *   tenants: [{ tenantId, environments: [`Default-${tenantId}`] }],
   *   fetch: async (url, init, request) =>
   *     fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${await token(request)}` } }),
   * });
   * ```
   */
  static async loadFromSources(options: SourcesLoadOptions): Promise<Directory> {
    ensureReady("Directory.loadFromSources()");
    const input = await fetchSources(options);
    return Directory.fromSources(input);
  }

  /**
   * The built-in sample directory: a seeded, deterministic world of several tenants on two
   * clouds, members and guests, groups, apps, flows and approvals (default 2,000 users,
   * seed 42). Its well-known people (bob, alice-at-contoso, …) are in every size.
   *
   * @example
   * ```ts
   * const dir = Directory.sample({ users: 500, seed: 7 });
   * ```
   */
  static sample(options?: SampleOptions): Directory {
    ensureReady("Directory.sample()");
    return Directory.#adopt(glue.directorySample(options));
  }

  /**
   * Releases the WebAssembly memory now (the memory of a directory still used by a live
   * session goes when that session is freed too). Calling it again does nothing; any
   * other method or property of the freed directory throws `OBJECT_FREED`. Not calling it
   * is safe: the memory is released when the object is garbage-collected, only later.
   *
   * @example
   * ```ts
   * const old = Directory.sample();
   * old.free();
   * old.free(); // nothing happens
   * try { old.stats(); } catch (e) { console.log((e as GuestPassError).code); } // "OBJECT_FREED"
   * ```
   */
  free(): void {
    untrack(this, Directory.#of(this, "free()"));
  }

  /**
   * `using dir = Directory.fromJSON(...)` frees it at the end of the block (as `free()`).
   *
   * @example
   * ```ts
   * { using dir = Directory.sample(); dir.stats(); } // freed here
   * ```
   */
  [Symbol.dispose](): void {
    untrack(this, Directory.#of(this, "[Symbol.dispose]()"));
  }

  /**
   * Signs a person into a tenant: `user` is an object id, userPrincipalName or mail. A
   * guest who has not redeemed yet redeems at this first sign-in (`externalUserState`
   * becomes `Accepted`), as Entra does, where collaboration allows.
   * Throws `GuestPassError`: `UNKNOWN_TENANT`, `USER_NOT_FOUND`, `AMBIGUOUS_USER` (the
   * address is the mail of two users: sign in by object id or UPN), `UPN_REQUIRED` (a
   * guest from another Microsoft cloud named by a mail that is not their UPN),
   * `ACCOUNT_DISABLED`, `COLLABORATION_BLOCKED` (the guest's home tenant and this one
   * certainly may not collaborate), `VIEW_READ_ONLY` (a pending guest on a view: redeem on
   * the directory it came from), `INVALID_VALUE` (a `homeFacts.tenantId` that contradicts
   * the directory). `homeFacts` is what you know about a guest's home that the directory
   * may not hold: answers that depended on it (`outcome: "unknown"`) become certain.
   *
   * @example
   * ```ts
   * const s = dir.signIn({ tenantId: "contoso", user: "alice@fabrikam.com" }); // a guest
   * s.userId; // "alice-at-contoso"
   * const pat = dir.signIn({ tenantId: "contoso", user: "pat-at-contoso",
   *                         homeFacts: { outboundAllowed: true } }); // from your own service
   * ```
   */
  signIn(request: SignInRequest): Session {
    return sessionFromHandle(glue.directorySignIn(Directory.#of(this, "signIn()"), request));
  }

  /**
   * The view of one person in one tenant, for their browser: bytes holding exactly what
   * they may see and act on there — the tenant's people as their access level allows (a
   * guest with limited access gets sealed records only an exact address opens; a
   * restricted guest, themselves), the flows they hold a role on, their approvals, their
   * groups and the apps those reach, and of another tenant only what names it. Load it
   * with `Directory.fromView`. Refused as `signIn` refuses.
   *
   * @example
   * ```ts
   * const bytes = dir.viewFor({ tenantId: "contoso", user: "alice@fabrikam.com" });
   * ```
   */
  viewFor(request: SignInRequest): Uint8Array {
    return glue.directoryViewFor(Directory.#of(this, "viewFor()"), request);
  }

  /**
   * The same view as `viewFor`, in two parts: `shared`, byte-identical for every person
   * of the same audience in the tenant (members and guests with member access; guests
   * with limited access; restricted guests) and named by its SHA-256 `sharedHash`, so a
   * server or CDN keeps one copy per tenant and audience; and `personal`, this person's
   * small part, which names it. The directory keeps the shared parts it wrote until its
   * next change, so the next person of an audience costs only their personal part. Load
   * them with `Directory.fromViewParts(personal, shared)`. Refused as `signIn` refuses.
   *
   * @example
   * ```ts
   * const { shared, sharedHash, sharedIntegrity, personal } = dir.viewParts({ tenantId: "contoso", user: "bob@contoso.com" });
   * ```
   */
  viewParts(request: SignInRequest): ViewParts {
    const [personal, shared, sharedHash] = glue.directoryViewParts(Directory.#of(this, "viewParts()"), request) as [
      Uint8Array,
      Uint8Array,
      string,
    ];
    return { shared, sharedHash, sharedIntegrity: integrityOf(sharedHash), personal };
  }

  /**
   * Signs in the person a host says is there: a Microsoft Teams `app.Context`
   * (`await app.getContext()`: `user.id`, `user.userPrincipalName`, `user.tenant.id`) or a
   * SharePoint Framework `pageContext` (`aadInfo.tenantId`, `aadInfo.userId`,
   * `user.loginName`), or a web part context holding one. The object id is tried first,
   * then the UPN / login name / mail. Throws `HOST_CONTEXT_MISSING_FIELD` (with
   * `details.field`, e.g. `"user.tenant.id"`), `HOST_CONTEXT_UNKNOWN`, and whatever
   * `signIn` throws for the last identity tried. `homeFacts` is passed on to `signIn`: what
   * you know about a guest's home that the directory may not hold.
   *
   * @example
   * ```ts
   * // const ctx = await app.getContext();  (@microsoft/teams-js)
   * const s = dir.signInFromHost({
   *   user: { id: "bob", userPrincipalName: "bob@contoso.com", tenant: { id: "contoso" } },
   *   app: { host: { name: "Teams" } },
   * });
   * ```
   */
  signInFromHost(ctx: HostContext, homeFacts?: HomeFacts): Session {
    const handle = Directory.#of(this, "signInFromHost()");
    glue.directoryLive(handle);
    return signInFirstKnown(ctx, homeFacts, (request) => sessionFromHandle(glue.directorySignIn(handle, request)));
  }

  /**
   * May people of `homeTenantId` be guests in `resourceTenantId`? Every blocking setting
   * is listed with its tenant and a code (`CLOUD_NOT_ENABLED`, `INBOUND_BLOCKED`,
   * `OUTBOUND_BLOCKED`). Throws `UNKNOWN_TENANT`.
   *
   * @example
   * ```ts
   * const { allowed, blockers } = dir.collaboration("contoso", "woodgrove");
   * // false, [{ tenantId: "contoso", setting: "crossTenantAccess.partners.woodgrove.inbound", code: "INBOUND_BLOCKED" }]
   * ```
   */
  collaboration(resourceTenantId: Id, homeTenantId: Id): Collaboration {
    return glue.directoryCollaboration(Directory.#of(this, "collaboration()"), resourceTenantId, homeTenantId);
  }

  /**
   * The user `id` as the world JSON has it, or `null`: the whole directory's record, for a
   * server (a session's `user(id)` answers what one person may see). `INVALID_VALUE` for
   * an `id` that is not text.
   *
   * @example
   * ```ts
   * dir.user("bob")?.licenses; // ["office365"]
   * ```
   */
  user(id: Id): User | null {
    return glue.directoryUser(Directory.#of(this, "user()"), id);
  }

  /**
   * The tenant `id` as the world JSON has it (with its settings), or `null`.
   *
   * @example
   * ```ts
   * dir.tenant("fabrikam")?.displayName; // "Fabrikam"
   * ```
   */
  tenant(id: Id): Tenant | null {
    return glue.directoryTenant(Directory.#of(this, "tenant()"), id);
  }

  /**
   * The group `id` as the world JSON has it (with its members and owners), or `null`.
   *
   * @example
   * ```ts
   * dir.group("sales")?.owners; // ["bob"]
   * ```
   */
  group(id: Id): Group | null {
    return glue.directoryGroup(Directory.#of(this, "group()"), id);
  }

  /**
   * The app `id` as the world JSON has it, or `null`.
   *
   * @example
   * ```ts
   * dir.app("expenses")?.assignments; // ["sales"]
   * ```
   */
  app(id: Id): App | null {
    return glue.directoryApp(Directory.#of(this, "app()"), id);
  }

  /**
   * The flow `id` as the world JSON has it (with its owner and shares), or `null`.
   *
   * @example
   * ```ts
   * dir.flow("invoice-flow")?.runOnly; // ["sales"]
   * ```
   */
  flow(id: Id): Flow | null {
    return glue.directoryFlow(Directory.#of(this, "flow()"), id);
  }

  /**
   * How many tenants, users (members, guests, pending guests), groups, … the directory holds.
   *
   * @example
   * ```ts
   * const { users, guests } = dir.stats();
   * ```
   */
  stats(): Stats {
    return glue.directoryStats(Directory.#of(this, "stats()"));
  }

  /**
   * The whole directory as world JSON, every list sorted by id.
   *
   * @example
   * ```ts
   * const copy = Directory.fromJSON(dir.toJSON());
   * ```
   */
  toJSON(): WorldJSON {
    return glue.directoryToJSON(Directory.#of(this, "toJSON()"));
  }

  /**
   * The whole directory as JSON text (faster than `JSON.stringify(dir.toJSON())`).
   *
   * @example
   * ```ts
   * await fs.writeFile("world.json", dir.toJSONString());
   * ```
   */
  toJSONString(): string {
    return glue.directoryToJSONString(Directory.#of(this, "toJSONString()"));
  }

  /**
   * The directory as a versioned, checksummed snapshot, for `Directory.fromBytes` — e.g.
   * kept in IndexedDB so a reload starts without fetching or parsing anything.
   *
   * @example
   * ```ts
   * const bytes = dir.toBytes(); // Uint8Array
   * ```
   */
  toBytes(): Uint8Array {
    return glue.directoryToBytes(Directory.#of(this, "toBytes()"));
  }

  /**
   * Adds a tenant or replaces the one with the same id; a refused call changes nothing.
   *
   * @example
   * ```ts
   * dir.upsertTenant({ id: "fabrikam", displayName: "Fabrikam", initialDomain: "fabrikam.onmicrosoft.com" });
   * ```
   */
  upsertTenant(tenant: Tenant): void {
    glue.directoryUpsertTenant(Directory.#of(this, "upsertTenant()"), tenant);
  }

  /**
   * Adds a user or replaces the one with the same id (`DANGLING_REFERENCE`, `DUPLICATE_ID`, …).
   *
   * @example
   * ```ts
   * dir.upsertUser({ id: "carla", tenantId: "contoso", displayName: "Carla", userPrincipalName: "carla@contoso.com" });
   * ```
   */
  upsertUser(user: User): void {
    glue.directoryUpsertUser(Directory.#of(this, "upsertUser()"), user);
  }

  /**
   * Removes a user with their memberships and shares (`IN_USE` while they own a flow, …).
   *
   * @example
   * ```ts
   * dir.removeUser("carla");
   * ```
   */
  removeUser(id: Id): void {
    glue.directoryRemoveUser(Directory.#of(this, "removeUser()"), id);
  }

  /**
   * Adds a group or replaces it (`GROUP_CYCLE` if it would contain itself).
   *
   * @example
   * ```ts
   * dir.upsertGroup({ id: "sales", tenantId: "contoso", displayName: "Sales", members: ["bob"] });
   * ```
   */
  upsertGroup(group: Group): void {
    glue.directoryUpsertGroup(Directory.#of(this, "upsertGroup()"), group);
  }

  /**
   * Removes a group with its memberships and shares.
   *
   * @example
   * ```ts
   * dir.removeGroup("sales");
   * ```
   */
  removeGroup(id: Id): void {
    glue.directoryRemoveGroup(Directory.#of(this, "removeGroup()"), id);
  }

  /**
   * Adds an app or replaces it.
   *
   * @example
   * ```ts
   * dir.upsertApp({ id: "expenses", tenantId: "contoso", displayName: "Expenses", singleSignOn: "saml" });
   * ```
   */
  upsertApp(app: App): void {
    glue.directoryUpsertApp(Directory.#of(this, "upsertApp()"), app);
  }

  /**
   * Removes an app.
   *
   * @example
   * ```ts
   * dir.removeApp("expenses");
   * ```
   */
  removeApp(id: Id): void {
    glue.directoryRemoveApp(Directory.#of(this, "removeApp()"), id);
  }

  /**
   * Adds a flow or replaces it (`RUN_ONLY_REQUIRES_MANUAL_TRIGGER`, …).
   *
   * @example
   * ```ts
   * dir.upsertFlow({ ...dir.toJSON().flows[0]!, enabled: false });
   * ```
   */
  upsertFlow(flow: Flow): void {
    glue.directoryUpsertFlow(Directory.#of(this, "upsertFlow()"), flow);
  }

  /**
   * Removes a flow.
   *
   * @example
   * ```ts
   * dir.removeFlow("invoice-flow");
   * ```
   */
  removeFlow(id: Id): void {
    glue.directoryRemoveFlow(Directory.#of(this, "removeFlow()"), id);
  }

  /**
   * Adds an approval or replaces it.
   *
   * @example
   * ```ts
   * dir.upsertApproval({ ...dir.toJSON().approvals[0]!, title: "Renamed" });
   * ```
   */
  upsertApproval(approval: Approval): void {
    glue.directoryUpsertApproval(Directory.#of(this, "upsertApproval()"), approval);
  }

  /**
   * Removes an approval.
   *
   * @example
   * ```ts
   * dir.removeApproval("inv-42");
   * ```
   */
  removeApproval(id: Id): void {
    glue.directoryRemoveApproval(Directory.#of(this, "removeApproval()"), id);
  }

  /**
   * Adds a connector or replaces it.
   *
   * @example
   * ```ts
   * dir.upsertConnector({ id: "shared_teams", displayName: "Microsoft Teams", guestPicker: false });
   * ```
   */
  upsertConnector(connector: Connector): void {
    glue.directoryUpsertConnector(Directory.#of(this, "upsertConnector()"), connector);
  }

  /**
   * Turns "owners can manage group membership requests" on or off (`UNKNOWN_TENANT`).
   *
   * @example
   * ```ts
   * dir.setSelfServiceGroupManagement("contoso", true);
   * ```
   */
  setSelfServiceGroupManagement(tenantId: Id, enabled: boolean): void {
    glue.directorySetSelfServiceGroupManagement(Directory.#of(this, "setSelfServiceGroupManagement()"), tenantId, enabled);
  }

  /**
   * Assigns a user or group of the app's tenant to the app; returns the app.
   *
   * @example
   * ```ts
   * dir.assignToApp("expenses", "sales");
   * ```
   */
  assignToApp(appId: Id, principalId: Id): App {
    return glue.directoryAssignToApp(Directory.#of(this, "assignToApp()"), appId, principalId);
  }

  /**
   * Takes a user or group off the app's assignments; returns the app.
   *
   * @example
   * ```ts
   * dir.unassignFromApp("expenses", "sales");
   * ```
   */
  unassignFromApp(appId: Id, principalId: Id): App {
    return glue.directoryUnassignFromApp(Directory.#of(this, "unassignFromApp()"), appId, principalId);
  }

  /**
   * Turns self-service on for an app; returns the app. Throws `SSO_NOT_CONFIGURED`,
   * `GROUP_NOT_ASSIGNED_TO_APP`, `UNKNOWN_GROUP`, `DYNAMIC_GROUP`, `ON_PREMISES_GROUP`.
   *
   * @example
   * ```ts
   * dir.configureSelfService("expenses", { groupId: "sales", requireApproval: true });
   * ```
   */
  configureSelfService(appId: Id, config: SelfServiceConfig): App {
    return glue.directoryConfigureSelfService(Directory.#of(this, "configureSelfService()"), appId, config);
  }

  /**
   * Turns self-service off for an app (keeping its group); returns the app.
   *
   * @example
   * ```ts
   * dir.disableSelfService("expenses");
   * ```
   */
  disableSelfService(appId: Id): App {
    return glue.directoryDisableSelfService(Directory.#of(this, "disableSelfService()"), appId);
  }

  /**
   * The direct link to an app: `https://myapps.microsoft.com/signin/<appId>?tenantId=<tenantId>`,
   * on the My Apps host of the tenant's cloud (`myapps.microsoft.us` for GCC High and DoD).
   *
   * @example
   * ```ts
   * dir.appLink("expenses"); // "https://myapps.microsoft.com/signin/expenses?tenantId=contoso"
   * ```
   */
  appLink(appId: Id): string {
    return glue.directoryAppLink(Directory.#of(this, "appLink()"), appId);
  }

  /**
   * A guest redeems their invitation (`externalUserState` becomes `Accepted`); returns the
   * guest. A link is checked first: its ticket must hold under the directory's key, so a
   * link cannot be made from a guest's ids (`INVITATION_LINK_INVALID`, as for ids that
   * exist nowhere). Throws `USER_NOT_FOUND`, `NOT_A_GUEST`, `ALREADY_REDEEMED`,
   * `COLLABORATION_BLOCKED`, `INVALID_VALUE` (not a redeem link).
   *
   * @example
   * ```ts
   * const guest = dir.redeemInvitation({ inviteRedeemUrl: invitation.inviteRedeemUrl! });
   * ```
   */
  redeemInvitation(request: RedeemRequest): User {
    return glue.directoryRedeemInvitation(Directory.#of(this, "redeemInvitation()"), request);
  }

  /**
   * Who must be told about an approval now, at which real address, with the link to the
   * Approvals page of the approval's tenant. Throws `UNKNOWN_APPROVAL`.
   *
   * @example
   * ```ts
   * for (const n of dir.notifications("inv-42")) console.log(n.address, n.link);
   * ```
   */
  notifications(approvalId: Id): Notification[] {
    return glue.directoryNotifications(Directory.#of(this, "notifications()"), approvalId);
  }

  /**
   * Sets the time approvals are judged at (RFC 3339, e.g. `"2026-11-20T12:00:00Z"`), for
   * reproducible answers; `null` or no argument goes back to the real time. Not part of
   * the world (`toJSON` and `toBytes` leave it out). Throws `INVALID_TIME`.
   *
   * @example
   * ```ts
   * dir.setClock("2026-11-20T12:00:00Z");
   * ```
   */
  setClock(now?: string | null): void {
    glue.directorySetClock(Directory.#of(this, "setClock()"), now);
  }

  /**
   * The time set with `setClock`, or `undefined` when answers use the real time.
   *
   * @example
   * ```ts
   * dir.clock; // "2026-11-20T12:00:00Z"
   * ```
   */
  get clock(): string | undefined {
    return glue.directoryClock(Directory.#of(this, "clock"));
  }
}
