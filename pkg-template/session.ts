/// <reference lib="esnext.disposable" preserve="true" />
// `Session`: one person signed into one tenant. A TypeScript class over a handle of the
// Rust object table (lifetime.ts says why a handle and not a pointer); each method checks
// that `this` is a real session, then calls one function of the WebAssembly glue (`search`
// through search-unpack.ts, which checks its options and chooses its path).
import * as glue from "./guestpass.js";
import { GuestPassError } from "./errors.js";
import { notThis, track, untrack } from "./lifetime.js";
import { searchSession } from "./search-unpack.js";
import type {
  AppAccess,
  AppInfo,
  AppLink,
  OwnedGroup,
  Approval,
  ApprovalList,
  ApprovalQuery,
  CheckRequest,
  CheckResult,
  Collaboration,
  Decision,
  Features,
  FlowAction,
  FlowShares,
  Group,
  GroupInfo,
  Id,
  Invitation,
  InvitationRequest,
  JoinRequestItem,
  JoinRequestsOptions,
  JoinResult,
  MyFlow,
  SearchOptions,
  SearchResult,
  ViewContents,
  ShareRequest,
  SignedIn,
  TenantInfo,
  UserInfo,
} from "./types.js";

/** Only `Directory.signIn` makes sessions (through `sessionFromHandle`). */
const issued = Symbol("a session made by Directory.signIn");
let adopt: (handle: number) => Session;

/**
 * The session for a handle the glue's `directorySignIn` returned. Internal: used by
 * directory.ts.
 */
export function sessionFromHandle(handle: number): Session {
  return adopt(handle);
}

/**
 * One person signed into one tenant; every question is asked here, so every answer is
 * about that person in that tenant. Get one from `dir.signIn(...)`. A session re-reads the
 * person on every call: a removed user or a guest whose invitation was reset gets
 * `SESSION_ENDED` / `INVITATION_PENDING`. Like `Directory`, it holds WebAssembly memory:
 * `free()` it (or `using`) when you are done with it early. A method called on anything
 * but a session `signIn` returned (a copy, another object as `this`) throws
 * `INVALID_VALUE` with `details.field` `"this"`.
 *
 * @example
 * ```ts
 * using bob = dir.signIn({ tenantId: "contoso", user: "bob@contoso.com" });
 * bob.check("run", "invoice-flow").allowed; // true
 * ```
 */
export class Session {
  #handle: number;

  /** Sessions come from `dir.signIn(...)`; `new Session()` throws `INVALID_INPUT`. */
  private constructor(token: symbol, handle: number) {
    if (token !== issued) {
      throw new GuestPassError("INVALID_INPUT", "sessions come from dir.signIn({ tenantId, user }); new Session() is not supported", {});
    }
    this.#handle = handle;
    track(this, handle);
  }

  static {
    adopt = (handle) => new Session(issued, handle);
  }

  /** The handle of a real session, or `INVALID_VALUE` naming `member`. */
  static #of(self: Session, member: string): number {
    if (typeof self === "object" && self !== null && #handle in self) return self.#handle;
    throw notThis("Session", member, "dir.signIn(...)");
  }

  /**
   * Releases the session's WebAssembly memory now (and its hold on the directory's).
   * Calling it again does nothing; any other use of the freed session throws
   * `OBJECT_FREED`. Without it the memory is released when the session is
   * garbage-collected, possibly much later: free sessions you sign in by the thousand.
   *
   * @example
   * ```ts
   * const s = dir.signIn({ tenantId: "contoso", user: "bob" });
   * s.free();
   * s.free(); // nothing happens
   * ```
   */
  free(): void {
    untrack(this, Session.#of(this, "free()"));
  }

  /**
   * `using s = dir.signIn(...)` frees it at the end of the block (as `free()`).
   *
   * @example
   * ```ts
   * { using s = dir.signIn({ tenantId: "contoso", user: "bob" }); s.features(); } // freed here
   * ```
   */
  [Symbol.dispose](): void {
    untrack(this, Session.#of(this, "[Symbol.dispose]()"));
  }

  /**
   * The tenant signed into.
   *
   * @example
   * ```ts
   * dir.signIn({ tenantId: "contoso", user: "bob" }).tenantId; // "contoso"
   * ```
   */
  get tenantId(): Id {
    return glue.sessionTenantId(Session.#of(this, "tenantId"));
  }

  /**
   * The signed-in user object's id (whatever `user` named: id, UPN or mail).
   *
   * @example
   * ```ts
   * dir.signIn({ tenantId: "contoso", user: "alice@fabrikam.com" }).userId; // "alice-at-contoso"
   * ```
   */
  get userId(): Id {
    return glue.sessionUserId(Session.#of(this, "userId"));
  }

  /**
   * Who is signed in where.
   *
   * @example
   * ```ts
   * const { displayName, userType, homeTenantId } = session.whoami();
   * ```
   */
  whoami(): SignedIn {
    return glue.sessionWhoami(Session.#of(this, "whoami()"));
  }

  /**
   * The user `id` of this tenant as this person may see them, or `null`. Members (and
   * guests with member access) see everyone in the tenant; a guest with limited or
   * restricted access sees themselves and the people asking to join a group they own.
   * Someone they may not see, another tenant's user and an id that exists nowhere are all
   * `null`, so lookups tell nothing a search would not. `INVALID_VALUE` for an `id` that is
   * not text.
   *
   * @example
   * ```ts
   * const name = session.user(item.requesterId)?.displayName ?? item.requesterId;
   * ```
   */
  user(id: Id): UserInfo | null {
    return glue.sessionUser(Session.#of(this, "user()"), id);
  }

  /**
   * The group `id` of this tenant as this person may see it (with `isMember`, `isOwner`),
   * or `null`: members see every group of the tenant, a guest with limited access the
   * groups they belong to, own or asked to join.
   *
   * @example
   * ```ts
   * session.group("sales")?.displayName; // "Sales"
   * ```
   */
  group(id: Id): GroupInfo | null {
    return glue.sessionGroup(Session.#of(this, "group()"), id);
  }

  /**
   * The app `id` of this tenant as this person may see it, or `null`: members see every
   * app, a guest the apps assigned to them or their groups, and those they own.
   *
   * @example
   * ```ts
   * session.app("expenses")?.singleSignOn; // "saml"
   * ```
   */
  app(id: Id): AppInfo | null {
    return glue.sessionApp(Session.#of(this, "app()"), id);
  }

  /**
   * The tenant `id` if it is the one signed into or, for a guest, their home tenant:
   * `{ id, displayName, cloud, usGovernment? }`; `null` for any other.
   *
   * @example
   * ```ts
   * const home = guest.tenant(guest.whoami().homeTenantId ?? "")?.displayName; // "Fabrikam"
   * ```
   */
  tenant(id: Id): TenantInfo | null {
    return glue.sessionTenant(Session.#of(this, "tenant()"), id);
  }

  /**
   * The flows of this tenant the person holds a role on (directly or through groups,
   * nested counting), each with their strongest `role` and the groups it came `via`.
   * Whether the role may be used now (licence, consent, a turned-off flow) is `check`'s.
   *
   * @example
   * ```ts
   * for (const f of session.flows()) console.log(f.displayName, f.role); // "Invoice approval" "runOnly"
   * ```
   */
  flows(): MyFlow[] {
    return glue.sessionFlows(Session.#of(this, "flows()"));
  }

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
  features(): Features {
    return glue.sessionFeatures(Session.#of(this, "features()"));
  }

  /**
   * What the view this session was read from holds, counted (`Directory.fromView`), or
   * `null` for a session on a whole directory: the audience that decided the people part,
   * and how many people, sealed addresses, flows, approvals, groups and apps it carries.
   *
   * @example
   * ```ts
   * const bob = Directory.fromView(dir.viewFor({ tenantId: "contoso", user: "bob" }));
   * const { audience, people, flows } = bob.viewContents()!; // "members", …
   * ```
   */
  viewContents(): ViewContents | null {
    return glue.sessionViewContents(Session.#of(this, "viewContents()"));
  }

  /**
   * May this person's home tenant and this tenant collaborate? Allowed for a member; for a
   * guest whose home tenant the directory does not hold, `outcome: "unknown"` with the
   * facts it depends on (`unknown[i].fact` is the `homeFacts` field to supply).
   *
   * @example
   * ```ts
   * const c = session.collaboration();
   * if (c.outcome === "unknown") console.log(c.unknown.map((u) => u.fact)); // ["outboundAllowed"]
   * ```
   */
  collaboration(): Collaboration {
    return glue.sessionCollaboration(Session.#of(this, "collaboration()"));
  }

  /**
   * Typeahead people search over the tenant signed into, guests included (as the person's
   * guest access allows: `mode`). Highlights are UTF-16 offsets, so
   * `value.slice(start, end)` is the part to bold. Throws `QUERY_TOO_LONG`,
   * `UNKNOWN_CONNECTOR`, `UNKNOWN_GROUP`, `LIMIT_EXCEEDED` (too many `exclude` ids, or one
   * too long), `INVALID_VALUE` (a `limit` that is not a whole number from 1 to 100,
   * options that are not an object).
   *
   * @example
   * ```ts
   * const { items } = session.search("ali", { limit: 5 });
   * for (const p of items) console.log(p.displayName, p.userType, p.homeTenantName ?? p.homeTenantId);
   * ```
   */
  search(query: string, options?: SearchOptions): SearchResult {
    return searchSession(Session.#of(this, "search()"), query, options);
  }

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
  check(action: FlowAction, flowId: Id): Decision {
    const handle = Session.#of(this, "check()");
    // The hot path takes text as wasm-bindgen strings; anything else is read and refused
    // (INVALID_VALUE) by the checking twin.
    return typeof action === "string" && typeof flowId === "string"
      ? glue.sessionCheck(handle, action, flowId)
      : glue.sessionCheckOf(handle, action, flowId);
  }

  /**
   * Every action the person may certainly do with the flow, in the order of `FlowAction`
   * (none while their answers are `unknown`: `check` says which fact is missing).
   *
   * @example
   * ```ts
   * session.allowedActions("invoice-flow"); // ["run", "viewRuns"] for a run-only user
   * ```
   */
  allowedActions(flowId: Id): FlowAction[] {
    const handle = Session.#of(this, "allowedActions()");
    return typeof flowId === "string" ? glue.sessionAllowedActions(handle, flowId) : glue.sessionAllowedActionsOf(handle, flowId);
  }

  /**
   * Many checks in one call (a whole screen): one answer per item, in order; a bad item
   * answers `{ id, error }` while the others still answer. `id` is yours, of any type, and
   * comes back as given and typed as given (`CheckResult<number>` for numeric ids).
   *
   * @example
   * ```ts
   * const answers = session.checkMany([
   *   { id: 1, action: "run", flowId: "invoice-flow" },
   *   { id: 2, action: "edit", flowId: "nightly-report" },
   * ]);
   * ```
   */
  checkMany<I = unknown>(items: readonly CheckRequest<I>[]): CheckResult<I>[] {
    return glue.sessionCheckMany(Session.#of(this, "checkMany()"), items);
  }

  /**
   * Shares the flow with a user or group as `coOwner` or `runOnly` (owner and co-owners
   * only); returns who it is shared with. Throws `NOT_ALLOWED_TO_SHARE`, `UNKNOWN_FLOW`,
   * `UNKNOWN_PRINCIPAL`, `CROSS_TENANT_REFERENCE`, `RUN_ONLY_REQUIRES_MANUAL_TRIGGER`, …
   * and changes nothing then.
   *
   * @example
   * ```ts
   * bob.share("invoice-flow", { principal: "carla@contoso.com", role: "runOnly" }).runOnly; // [..., "carla"]
   * ```
   */
  share(flowId: Id, share: ShareRequest): FlowShares {
    return glue.sessionShare(Session.#of(this, "share()"), flowId, share);
  }

  /**
   * Removes a principal's own share of the flow; returns who it is shared with. Throws
   * `NOT_ALLOWED_TO_SHARE`, `CANNOT_REMOVE_CREATOR`, `NOT_SHARED`, ….
   *
   * @example
   * ```ts
   * bob.unshare("invoice-flow", "carla");
   * ```
   */
  unshare(flowId: Id, principal: string): FlowShares {
    return glue.sessionUnshare(Session.#of(this, "unshare()"), flowId, principal);
  }

  /**
   * The approvals of the tenant signed into, newest first (defaults: `received`,
   * `pending`); each with what the person may do with it. A person who lacks a
   * prerequisite (a licence that counts, consent) gets no items and `blocked` with the
   * code; one whose home facts are not known, `blocked.outcome === "unknown"`. Each item's
   * `names` has the display names of the people and groups it names that the person may
   * see (as `user(id)` and `group(id)` would answer).
   *
   * @example
   * ```ts
   * const { items, blocked } = session.approvals({ box: "received", status: "pending" });
   * if (blocked) console.log(blocked.outcome, blocked.code, blocked.message);
   * for (const a of items) console.log(a.title, "from", a.names[a.requesterId] ?? a.requesterId);
   * ```
   */
  approvals(query?: ApprovalQuery): ApprovalList {
    return glue.sessionApprovals(Session.#of(this, "approvals()"), query);
  }

  /**
   * Responds with one of the approval's options (and comments); returns the approval.
   * Throws `NOT_AN_APPROVER`, `ALREADY_RESPONDED`, `INVALID_RESPONSE`, ….
   *
   * @example
   * ```ts
   * session.respond("inv-42", "Approve", "Looks right");
   * ```
   */
  respond(approvalId: Id, response: string, comments?: string | null): Approval {
    return glue.sessionRespond(Session.#of(this, "respond()"), approvalId, response, comments);
  }

  /**
   * Hands the person's approver position to another user of this tenant; returns the
   * approval.
   *
   * @example
   * ```ts
   * session.reassign("inv-42", "carla@contoso.com");
   * ```
   */
  reassign(approvalId: Id, toUser: string): Approval {
    return glue.sessionReassign(Session.#of(this, "reassign()"), approvalId, toUser);
  }

  /**
   * Cancels an approval the person requested; returns the approval (`NOT_THE_REQUESTER`).
   *
   * @example
   * ```ts
   * session.cancel("inv-42").status; // "canceled"
   * ```
   */
  cancel(approvalId: Id): Approval {
    return glue.sessionCancel(Session.#of(this, "cancel()"), approvalId);
  }

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
  inviteToGroup(groupId: Id, request: InvitationRequest): Invitation {
    return glue.sessionInviteToGroup(Session.#of(this, "inviteToGroup()"), groupId, request);
  }

  /**
   * Asks to join a group: added at once (open) or a pending request (owner approval).
   *
   * @example
   * ```ts
   * const { outcome, requestId } = session.requestToJoin("sales"); // "pending", "jr-…"
   * ```
   */
  requestToJoin(groupId: Id): JoinResult {
    return glue.sessionRequestToJoin(Session.#of(this, "requestToJoin()"), groupId);
  }

  /**
   * Join requests to decide (groups the person owns) or the person's own (`{ box: "mine" }`).
   *
   * @example
   * ```ts
   * for (const r of owner.joinRequests()) owner.decideJoinRequest(r.id, true);
   * ```
   */
  joinRequests(options?: JoinRequestsOptions): JoinRequestItem[] {
    return glue.sessionJoinRequests(Session.#of(this, "joinRequests()"), options);
  }

  /**
   * As an owner, approves (`true`) or declines a pending join request.
   *
   * @example
   * ```ts
   * owner.decideJoinRequest(requestId, false).status; // "declined"
   * ```
   */
  decideJoinRequest(requestId: Id, approve: boolean): JoinRequestItem {
    return glue.sessionDecideJoinRequest(Session.#of(this, "decideJoinRequest()"), requestId, approve);
  }

  /**
   * As an owner, takes a member out of the group; returns the group.
   *
   * @example
   * ```ts
   * owner.removeFromGroup("sales", "eve-guest");
   * ```
   */
  removeFromGroup(groupId: Id, memberId: Id): Group {
    return glue.sessionRemoveFromGroup(Session.#of(this, "removeFromGroup()"), groupId, memberId);
  }

  /**
   * The apps of this tenant the person reaches, directly or through groups.
   *
   * @example
   * ```ts
   * for (const app of session.myApps()) console.log(app.displayName, app.link);
   * ```
   */
  myApps(): AppAccess[] {
    return glue.sessionMyApps(Session.#of(this, "myApps()"));
  }

  /**
   * "Groups I own" (Entra "How users in your organization can invite guest users to an
   * app"): each group the person owns, with the apps its members reach through it.
   *
   * @example
   * ```ts
   * for (const g of owner.groupsIOwn()) console.log(g.displayName, g.apps.map((a) => a.id));
   * ```
   */
  groupsIOwn(): OwnedGroup[] {
    return glue.sessionGroupsIOwn(Session.#of(this, "groupsIOwn()"));
  }

  /**
   * Asks for a self-service app: added to its self-service group at once, or a pending
   * request its owners decide when the app requires approval. Throws
   * `SELF_SERVICE_NOT_CONFIGURED`, `NOT_A_SECURITY_GROUP`, `ALREADY_MEMBER`,
   * `REQUEST_ALREADY_PENDING`, `UNKNOWN_APP`.
   *
   * @example
   * ```ts
   * const asked = session.requestAppAccess("expenses"); // { groupId, outcome: "pending", requestId }
   * ```
   */
  requestAppAccess(appId: Id): JoinResult {
    return glue.sessionRequestAppAccess(Session.#of(this, "requestAppAccess()"), appId);
  }

  /**
   * As an owner of a self-service app (or of its self-service group), invites someone to
   * the app: the account joins the app's self-service group. Throws `NOT_APP_OWNER`,
   * `SELF_SERVICE_NOT_CONFIGURED`, `INVITE_NOT_ALLOWED`, `UPN_REQUIRED` and what
   * `inviteToGroup` throws.
   *
   * @example
   * ```ts
   * const invitation = owner.inviteToApp("expenses", { email: "eve@northwind.com" });
   * ```
   */
  inviteToApp(appId: Id, request: InvitationRequest): Invitation {
    return glue.sessionInviteToApp(Session.#of(this, "inviteToApp()"), appId, request);
  }

  /**
   * As an owner of the app (`app.owners`), its direct link for a guest already in this
   * tenant. Throws `NOT_APP_OWNER`, `USER_NOT_FOUND`, `NOT_A_GUEST`, `UNKNOWN_APP`.
   *
   * @example
   * ```ts
   * const { link } = owner.appLinkFor("expenses", "alice@fabrikam.com");
   * ```
   */
  appLinkFor(appId: Id, guest: string): AppLink {
    return glue.sessionAppLinkFor(Session.#of(this, "appLinkFor()"), appId, guest);
  }
}
