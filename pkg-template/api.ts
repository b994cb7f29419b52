/// <reference lib="esnext.disposable" />
// The API every entry point of the package exports (`guestpass` in Node and in bundlers,
// `guestpass/web` in a plain page).
//
// Type strategy: the runtime classes ARE wasm-bindgen's `Directory` and `Session` (no
// wrapper objects, no extra call per method, `instanceof` and `free()` work as generated).
// What this file adds is their public type: the interfaces below declare every method with
// typed inputs and outputs (wasm-bindgen alone says `any` for JSON values) and the doc
// comments editors show. tests/js/types-drift.ts fails to compile when the WebAssembly
// classes and these interfaces disagree on a method name, and tests/js/types.test.mjs
// compares every answer's keys with the declared ones. The few methods written in
// TypeScript (`signInFromHost`, `loadFromGraph`) are installed on the classes here.
import {
  Directory as WasmDirectory,
  Session as WasmSession,
  sampleWorld as wasmSampleWorld,
  version as wasmVersion,
} from "./guestpass.js";
import { GuestPassError } from "./errors.js";
import { guardFreeing } from "./freeing.js";
import { ensureReady, guardReady } from "./ready.js";
import { fetchGraph } from "./graph-load.js";
import { fetchSources } from "./sources-load.js";
import { hostSignIn } from "./host.js";
import type {
  App,
  AppAccess,
  Approval,
  ApprovalList,
  ApprovalQuery,
  CheckRequest,
  CheckResult,
  Collaboration,
  Connector,
  Decision,
  Features,
  Flow,
  FlowAction,
  FlowShares,
  GraphInput,
  GraphLoadOptions,
  SourcesInput,
  SourcesLoadOptions,
  Group,
  HomeFacts,
  HostContext,
  Id,
  Invitation,
  InvitationRequest,
  JoinRequestItem,
  JoinRequestsOptions,
  JoinResult,
  Notification,
  RedeemRequest,
  SampleOptions,
  SearchOptions,
  SearchResult,
  SelfServiceConfig,
  ShareRequest,
  SignedIn,
  SignInRequest,
  Stats,
  Tenant,
  User,
  World,
  WorldJSON,
} from "./types.js";

export type * from "./types.js";
export { GuestPassError } from "./errors.js";
export type { GuestPassErrorCode } from "./errors.js";
export { hostSignIn } from "./host.js";
export { PeopleIndex } from "./people-index.js";

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
export interface Directory {
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
  free(): void;
  /** `using dir = Directory.fromJSON(...)` frees it at the end of the block (as `free()`). */
  [Symbol.dispose](): void;

  /**
   * Signs a person into a tenant: `user` is an object id, userPrincipalName or mail.
   * Throws `GuestPassError`: `UNKNOWN_TENANT`, `USER_NOT_FOUND`, `INVITATION_PENDING` (a
   * guest who has not redeemed), `COLLABORATION_BLOCKED` (the guest's home tenant and this
   * one certainly may not collaborate), `INVALID_VALUE` (a `homeFacts.tenantId` that
   * contradicts the directory). `homeFacts` is what you know about a guest's home that
   * the directory may not hold: answers that depended on it (`outcome: "unknown"`) become
   * certain.
   *
   * @example
   * ```ts
   * const s = dir.signIn({ tenantId: "contoso", user: "alice@fabrikam.com" }); // a guest
   * s.userId; // "alice-at-contoso"
   * const pat = dir.signIn({ tenantId: "contoso", user: "pat-at-contoso",
   *                         homeFacts: { outboundAllowed: true } }); // from your own service
   * ```
   */
  signIn(request: SignInRequest): Session;

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
  signInFromHost(ctx: HostContext, homeFacts?: HomeFacts): Session;

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
  collaboration(resourceTenantId: Id, homeTenantId: Id): Collaboration;

  /** How many tenants, users (members, guests, pending guests), groups, … the directory holds. */
  stats(): Stats;
  /** The whole directory as world JSON, every list sorted by id. */
  toJSON(): WorldJSON;
  /** The whole directory as JSON text (faster than `JSON.stringify(dir.toJSON())`). */
  toJSONString(): string;
  /**
   * The directory as a versioned, checksummed snapshot, for `Directory.fromBytes` — e.g.
   * kept in IndexedDB so a reload starts without fetching or parsing anything.
   */
  toBytes(): Uint8Array;

  /** Adds a tenant or replaces the one with the same id; a refused call changes nothing. */
  upsertTenant(tenant: Tenant): void;
  /** Adds a user or replaces the one with the same id (`DANGLING_REFERENCE`, `DUPLICATE_ID`, …). */
  upsertUser(user: User): void;
  /** Removes a user with their memberships and shares (`IN_USE` while they own a flow, …). */
  removeUser(id: Id): void;
  /** Adds a group or replaces it (`GROUP_CYCLE` if it would contain itself). */
  upsertGroup(group: Group): void;
  /** Removes a group with its memberships and shares. */
  removeGroup(id: Id): void;
  /** Adds an app or replaces it. */
  upsertApp(app: App): void;
  /** Removes an app. */
  removeApp(id: Id): void;
  /** Adds a flow or replaces it (`RUN_ONLY_REQUIRES_MANUAL_TRIGGER`, …). */
  upsertFlow(flow: Flow): void;
  /** Removes a flow. */
  removeFlow(id: Id): void;
  /** Adds an approval or replaces it. */
  upsertApproval(approval: Approval): void;
  /** Removes an approval. */
  removeApproval(id: Id): void;
  /** Adds a connector or replaces it. */
  upsertConnector(connector: Connector): void;

  /** Turns "owners can manage group membership requests" on or off (`UNKNOWN_TENANT`). */
  setSelfServiceGroupManagement(tenantId: Id, enabled: boolean): void;
  /** Assigns a user or group of the app's tenant to the app; returns the app. */
  assignToApp(appId: Id, principalId: Id): App;
  /** Takes a user or group off the app's assignments; returns the app. */
  unassignFromApp(appId: Id, principalId: Id): App;
  /**
   * Turns self-service on for an app; returns the app. Throws `SSO_NOT_CONFIGURED`,
   * `GROUP_NOT_ASSIGNED_TO_APP`, `UNKNOWN_GROUP`, `DYNAMIC_GROUP`, `ON_PREMISES_GROUP`.
   *
   * @example
   * ```ts
   * dir.configureSelfService("expenses", { groupId: "sales", requireApproval: true });
   * ```
   */
  configureSelfService(appId: Id, config: SelfServiceConfig): App;
  /** Turns self-service off for an app (keeping its group); returns the app. */
  disableSelfService(appId: Id): App;
  /** The direct link to an app: `https://myapps.microsoft.com/signin/<appId>?tenantId=<tenantId>`. */
  appLink(appId: Id): string;
  /**
   * A guest redeems their invitation (`externalUserState` becomes `Accepted`); returns the
   * guest. Throws `USER_NOT_FOUND`, `NOT_A_GUEST`, `ALREADY_REDEEMED`,
   * `COLLABORATION_BLOCKED`, `INVALID_VALUE` (a link not made here).
   *
   * @example
   * ```ts
   * const guest = dir.redeemInvitation({ inviteRedeemUrl: invitation.inviteRedeemUrl! });
   * ```
   */
  redeemInvitation(request: RedeemRequest): User;

  /**
   * Who must be told about an approval now, at which real address, with the link to the
   * Approvals page of the approval's tenant. Throws `UNKNOWN_APPROVAL`.
   *
   * @example
   * ```ts
   * for (const n of dir.notifications("inv-42")) console.log(n.address, n.link);
   * ```
   */
  notifications(approvalId: Id): Notification[];
  /**
   * Sets the time approvals are judged at (RFC 3339, e.g. `"2026-11-20T12:00:00Z"`), for
   * reproducible answers; `null` or no argument goes back to the real time. Not part of
   * the world (`toJSON` and `toBytes` leave it out). Throws `INVALID_TIME`.
   */
  setClock(now?: string | null): void;
  /** The time set with `setClock`, or `undefined` when answers use the real time. */
  readonly clock: string | undefined;
}

/** The `Directory` class: its constructor and factories. */
export interface DirectoryConstructor {
  /** An empty directory. */
  new (): Directory;
  readonly prototype: Directory;

  /**
   * Builds a directory from world JSON (an object or a JSON string). Throws
   * `UNKNOWN_FIELD`, `INVALID_INPUT`, `INVALID_VALUE`, `DUPLICATE_ID`,
   * `DANGLING_REFERENCE`, … naming the offending path; nothing is half-built.
   *
   * @example
   * ```ts
   * const dir = Directory.fromJSON(await (await fetch("/world.json")).text());
   * ```
   */
  fromJSON(world: World | string): Directory;
  /**
   * Loads a snapshot made by `dir.toBytes()`: the same directory (same people in the same
   * order of equally ranked search results), without rebuilding its search indexes, so
   * faster than `fromJSON`. Takes the bytes as a `Uint8Array` (a Node `Buffer` is one), an
   * `ArrayBuffer` (`await response.arrayBuffer()`) or an array of bytes. Throws
   * `SNAPSHOT_NOT_RECOGNIZED`, `SNAPSHOT_TRUNCATED`, `SNAPSHOT_CHECKSUM_MISMATCH`,
   * `SNAPSHOT_VERSION_UNSUPPORTED` or `SNAPSHOT_CORRUPT`, and `INVALID_VALUE` for
   * anything else; never half-loads.
   */
  fromBytes(bytes: Uint8Array | ArrayBuffer | number[]): Directory;
  /**
   * Builds a directory from Microsoft Graph pages you fetched yourself (what `/organization`,
   * `/users`, `/groups`, `/groups/{id}/members` and `/owners` returned) for one or more
   * tenants. See `loadFromGraph` to have them fetched.
   */
  fromGraph(input: GraphInput | string): Directory;
  /**
   * Fetches `/organization`, `/users` and `/groups` (following `@odata.nextLink`) and each
   * group's members and owners from Microsoft Graph for every tenant in `tenantIds`, with
   * your authenticated `fetch(url, init, tenantId)`, then builds the directory
   * (`fromGraph`). Reports progress after every page, honours `signal` (`ABORTED`),
   * retries 429 and 503 as `Retry-After` says (at most `maxRetries` times). Rejects with
   * `GRAPH_HTTP_ERROR` (`details.status`), `GRAPH_MALFORMED_PAGE`, `GRAPH_NETWORK_ERROR`,
   * `GRAPH_TENANT_MISMATCH`, `ABORTED`, or what `fromGraph` throws; nothing is half-built.
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
  loadFromGraph(options: GraphLoadOptions): Promise<Directory>;
  /**
   * Builds a directory from the pages of every source you fetched yourself: Microsoft
   * Graph (people, groups, policies, licences), Power Automate (flows and their
   * permissions) and Dataverse (the Approvals tables). See `loadFromSources` to have
   * them fetched. Pages keep every property the services add; the envelope refuses
   * unknown fields.
   */
  fromSources(input: SourcesInput | string): Directory;
  /**
   * Fetches every source of every tenant with your authenticated `fetch(url, init,
   * request)`, where `request.resource` says which service the URL is for (`graph`,
   * `powerAutomate` or `dataverse`) so you can attach the right token, then builds the
   * directory (`fromSources`). Paging, 429/503 with `Retry-After`, `signal`
   * (`ABORTED`), same-origin next links only; rejects with `SOURCE_HTTP_ERROR`,
   * `SOURCE_MALFORMED_PAGE`, `SOURCE_NETWORK_ERROR`, `GRAPH_TENANT_MISMATCH`, or what
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
  loadFromSources(options: SourcesLoadOptions): Promise<Directory>;
  /**
   * The built-in sample directory: a seeded, deterministic world of several tenants on two
   * clouds, members and guests, groups, apps, flows and approvals (default 2,000 users,
   * seed 42). Its well-known people (bob, alice-at-contoso, …) are in every size.
   */
  sample(options?: SampleOptions): Directory;
}

/**
 * One person signed into one tenant; every question is asked here, so every answer is
 * about that person in that tenant. Get one from `dir.signIn(...)`. A session re-reads the
 * person on every call: a removed user or a guest whose invitation was reset gets
 * `SESSION_ENDED` / `INVITATION_PENDING`. Like `Directory`, it holds WebAssembly memory:
 * `free()` it (or `using`) when you are done with it early.
 */
export interface Session {
  /**
   * Releases the session's WebAssembly memory now (and its hold on the directory's).
   * Calling it again does nothing; any other use of the freed session throws
   * `OBJECT_FREED`. Without it the memory is released when the session is
   * garbage-collected, possibly much later: free sessions you sign in by the thousand.
   */
  free(): void;
  /** `using s = dir.signIn(...)` frees it at the end of the block (as `free()`). */
  [Symbol.dispose](): void;
  /** The tenant signed into. */
  readonly tenantId: Id;
  /** The signed-in user object's id. */
  readonly userId: Id;

  /** Who is signed in where. */
  whoami(): SignedIn;
  /**
   * What this person may use here: creating and running flows, approvals, widgets, Process
   * Mining (never for guests) and people search, each "no" with its `code` and `message`.
   * An answer that depends on a fact about a guest's home the directory does not hold is
   * `outcome: "unknown"` with a `HOME_*_UNKNOWN` code, never a false "no".
   *
   * @example
   * ```ts
   * const f = session.features();
   * if (!f.runFlows.allowed) console.log(f.runFlows.outcome, f.runFlows.code); // "denied" NO_LICENSE, …
   * ```
   */
  features(): Features;
  /**
   * May this person's home tenant and this tenant collaborate? Allowed for a member; for a
   * guest whose home tenant the directory does not hold, `outcome: "unknown"` with the
   * facts it depends on (`unknown[i].fact` is the `homeFacts` field to supply).
   */
  collaboration(): Collaboration;

  /**
   * Typeahead people search over the tenant signed into, guests included (as the person's
   * guest access allows: `mode`). Highlights are UTF-16 offsets, so
   * `value.slice(start, end)` is the part to bold. Throws `QUERY_TOO_LONG`, `UNKNOWN_CONNECTOR`,
   * `UNKNOWN_GROUP`, `LIMIT_EXCEEDED`.
   *
   * @example
   * ```ts
   * const { items } = session.search("ali", { limit: 5 });
   * for (const p of items) console.log(p.displayName, p.userType, p.homeTenantId);
   * ```
   */
  search(query: string, options?: SearchOptions): SearchResult;

  /**
   * May the person do `action` with the flow? Every expected "no" is an answer with a
   * `code` (`NO_ROLE`, `RUN_ONLY_CANNOT_EDIT`, `FLOW_TURNED_OFF`, `NO_LICENSE`, …), and an
   * answer that depends on an unknown home fact is `outcome: "unknown"` (`allowed` is true
   * only when certain). Throws `UNKNOWN_ACTION` or `UNKNOWN_FLOW`.
   *
   * @example
   * ```ts
   * const d = session.check("edit", "invoice-flow");
   * if (!d.allowed) console.log(d.code, d.message);
   * ```
   */
  check(action: FlowAction, flowId: Id): Decision;
  /**
   * Every action the person may certainly do with the flow, in the order of `FlowAction`
   * (none while their answers are `unknown`: `check` says which fact is missing).
   */
  allowedActions(flowId: Id): FlowAction[];
  /**
   * Many checks in one call (a whole screen): one answer per item, in order; a bad item
   * answers `{ id, error }` while the others still answer.
   */
  checkMany(items: CheckRequest[]): CheckResult[];
  /**
   * Shares the flow with a user or group as `coOwner` or `runOnly` (owner and co-owners
   * only); returns who it is shared with. Throws `NOT_ALLOWED_TO_SHARE`, … and changes
   * nothing then.
   */
  share(flowId: Id, share: ShareRequest): FlowShares;
  /** Removes a principal's own share of the flow; returns who it is shared with. */
  unshare(flowId: Id, principal: string): FlowShares;

  /**
   * The approvals of the tenant signed into, newest first (defaults: `received`,
   * `pending`); each with what the person may do with it. A person who lacks a
   * prerequisite (a licence that counts, consent) gets no items and `blocked` with the
   * code; one whose home facts are not known, `blocked.outcome === "unknown"`.
   *
   * @example
   * ```ts
   * const { items, blocked } = session.approvals({ box: "received", status: "pending" });
   * if (blocked) console.log(blocked.outcome, blocked.code, blocked.message);
   * for (const a of items) console.log(a.title);
   * ```
   */
  approvals(query?: ApprovalQuery): ApprovalList;
  /** Responds with one of the approval's options (and comments); returns the approval. */
  respond(approvalId: Id, response: string, comments?: string | null): Approval;
  /** Hands the person's approver position to another user of this tenant; returns the approval. */
  reassign(approvalId: Id, toUser: string): Approval;
  /** Cancels an approval the person requested; returns the approval. */
  cancel(approvalId: Id): Approval;

  /**
   * As an owner of the group, invites someone by email: an account already in this tenant
   * is added; anyone else gets a new `PendingAcceptance` guest account in the group.
   * Returns a Graph `invitation`. Throws `NOT_GROUP_OWNER`, `SELF_SERVICE_DISABLED`,
   * `DYNAMIC_GROUP`, `ON_PREMISES_GROUP`, `INVALID_EMAIL`, `ADDRESS_IN_OWN_DOMAIN`,
   * `COLLABORATION_BLOCKED`, `ALREADY_MEMBER`, `LIMIT_EXCEEDED`.
   *
   * @example
   * ```ts
   * const invitation = bob.inviteToGroup("sales", { email: "eve@northwind.com", message: "Welcome!" });
   * invitation.status; // "PendingAcceptance"
   * ```
   */
  inviteToGroup(groupId: Id, request: InvitationRequest): Invitation;
  /** Asks to join a group: added at once (open) or a pending request (owner approval). */
  requestToJoin(groupId: Id): JoinResult;
  /** Join requests to decide (groups the person owns) or the person's own (`{ box: "mine" }`). */
  joinRequests(options?: JoinRequestsOptions): JoinRequestItem[];
  /** As an owner, approves (`true`) or declines a pending join request. */
  decideJoinRequest(requestId: Id, approve: boolean): JoinRequestItem;
  /** As an owner, takes a member out of the group; returns the group. */
  removeFromGroup(groupId: Id, memberId: Id): Group;
  /** The apps of this tenant the person reaches, directly or through groups. */
  myApps(): AppAccess[];
}

/** The `Session` class, for `instanceof`; sessions come from `dir.signIn`. */
export interface SessionConstructor {
  readonly prototype: Session;
}

// --- the methods written in TypeScript, installed on the WebAssembly classes --------------

function signInFromHost(this: Directory, ctx: HostContext, homeFacts?: HomeFacts): Session {
  const { tenantId, users } = hostSignIn(ctx);
  let last: unknown;
  for (const user of users) {
    try {
      return this.signIn(homeFacts === undefined ? { tenantId, user } : { tenantId, user, homeFacts });
    } catch (error) {
      // Only "not this identity" moves on to the next one; any other refusal is the answer.
      if (!(error instanceof GuestPassError) || error.code !== "USER_NOT_FOUND") throw error;
      last = error;
    }
  }
  throw last;
}

async function loadFromGraph(options: GraphLoadOptions): Promise<Directory> {
  ensureReady("Directory.loadFromGraph()");
  const input = await fetchGraph(options);
  return Directory.fromGraph(input);
}

async function loadFromSources(options: SourcesLoadOptions): Promise<Directory> {
  ensureReady("Directory.loadFromSources()");
  const input = await fetchSources(options);
  return Directory.fromSources(input);
}

Object.defineProperty(WasmDirectory, "loadFromSources", {
  value: loadFromSources,
  writable: true,
  configurable: true,
});
Object.defineProperty(WasmDirectory.prototype, "signInFromHost", {
  value: signInFromHost,
  writable: true,
  configurable: true,
});
Object.defineProperty(WasmDirectory, "loadFromGraph", {
  value: loadFromGraph,
  writable: true,
  configurable: true,
});

// `free()` twice is harmless; any other use of a freed object throws OBJECT_FREED.
// `check` and `allowedActions` keep wasm-bindgen's string parameters (the hot path), so
// the same wrapper checks their text arguments (arguments.ts says why).
guardFreeing(WasmDirectory, "Directory");
guardFreeing(WasmSession, "Session", { check: ["action", "flowId"], allowedActions: ["flowId"] });
// Before `init()` (guestpass/web), the entry points throw NOT_INITIALIZED.
guardReady(WasmDirectory, "Directory", ["fromJSON", "fromBytes", "fromGraph", "fromSources", "sample"]);

/** The directory class (typed; at run time, the WebAssembly class itself). */
export const Directory: DirectoryConstructor = WasmDirectory as unknown as DirectoryConstructor;
/** The session class, for `instanceof` (sessions come from `dir.signIn`). */
export const Session: SessionConstructor = WasmSession as unknown as SessionConstructor;

/**
 * The sample world as world JSON (the input of `Directory.fromJSON`), e.g. to feed other
 * libraries the same people: `{ users = 2000, seed = 42 }`.
 */
export function sampleWorld(options?: SampleOptions): WorldJSON {
  ensureReady("sampleWorld()");
  return wasmSampleWorld(options) as WorldJSON;
}

/** The guestpass version, as in Cargo.toml and package.json. */
export function version(): string {
  ensureReady("version()");
  return wasmVersion();
}
