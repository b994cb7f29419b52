// Who signs in and what they may use: the sign-in request (`dir.signIn`) and the host
// contexts it can come from (`dir.signInFromHost`), `session.whoami()`, whether two
// tenants may collaborate (`dir.collaboration`, `session.collaboration()`) and
// `session.features()`. Re-exported by types.ts.
import type { HomeFacts, UnknownCode } from "./guestpass.js";
import type { SearchMode } from "./types-search.js";
import type { Id, UserType } from "./types-world.js";

// --- Signing in ------------------------------------------------------------------------

/** `dir.signIn(request)`: who signs in where. */
export interface SignInRequest {
  tenantId: Id;
  /** An object id, a userPrincipalName or a mail of a user of that tenant. */
  user: string;
  /**
   * What you know about a guest's home that the directory may not hold (from your own
   * service or a token claim): answers that depended on it become certain.
   */
  homeFacts?: HomeFacts;
}

/** `session.whoami()`. */
export interface SignedIn {
  tenantId: Id;
  userId: Id;
  displayName: string;
  userType: UserType;
  /** A guest's home tenant, when known. */
  homeTenantId?: Id;
}

// --- Collaboration ---------------------------------------------------------------------

/** Why two tenants may not collaborate. */
export type BlockerCode = "CLOUD_NOT_ENABLED" | "INBOUND_BLOCKED" | "OUTBOUND_BLOCKED";

/** One setting that blocks collaboration. */
export interface CollaborationBlocker {
  /** The tenant whose setting blocks. */
  tenantId: Id;
  /** The setting, as a path in that tenant's settings (`crossTenantAccess.default.inbound`). */
  setting: string;
  code: BlockerCode;
}

/** A fact about a guest's home an `unknown` answer depends on: its code, the `homeFacts` field that settles it, and words to show. */
export interface UnknownFact {
  code: UnknownCode;
  /** The `HomeFacts` field to supply at sign-in. */
  fact: keyof HomeFacts;
  message: string;
}

/**
 * `dir.collaboration(resourceTenantId, homeTenantId)` (both tenants in the directory:
 * always certain) and `session.collaboration()` (a guest whose home the directory does
 * not hold: possibly `unknown`). Told apart by `outcome`; `allowed` is true only when certain.
 */
export type Collaboration =
  | { allowed: true; outcome: "allowed"; blockers: []; unknown?: undefined }
  /** Every setting that blocks, the resource tenant's first. */
  | { allowed: false; outcome: "denied"; blockers: CollaborationBlocker[]; unknown?: undefined }
  /** Nothing blocks for certain; `unknown` lists the facts the answer depends on. */
  | { allowed: false; outcome: "unknown"; blockers: []; unknown: UnknownFact[] };

// --- Features --------------------------------------------------------------------------

/** Why a feature is certainly not available. */
export type FeatureCode = "INVITATION_PENDING" | "NO_LICENSE" | "NO_CONSENT" | "NOT_OFFERED_TO_GUESTS";

/**
 * One answer of `session.features()`, told apart by `outcome`: `allowed` (certain),
 * `denied` (certain, `code` says why) or `unknown` (depends on a fact about the guest's
 * home the directory does not hold; `code` names it: sign in with `homeFacts` to know).
 * `allowed` is true only when certain.
 *
 * @example
 * ```ts
 * const f = session.features().runFlows;
 * if (f.outcome === "unknown") console.log("ask for", f.code); // HOME_LICENSE_UNKNOWN
 * ```
 */
export type Feature =
  | { allowed: true; outcome: "allowed"; code?: undefined; message?: undefined }
  | { allowed: false; outcome: "denied"; code: FeatureCode; message: string }
  | { allowed: false; outcome: "unknown"; code: UnknownCode; message: string };

/** People search for the signed-in person. */
export interface PeopleSearch {
  allowed: boolean;
  mode: SearchMode;
  /** Why it is narrowed: `GUEST_SEARCH_LIMITED` or `GUEST_SEARCH_RESTRICTED`. */
  code?: "GUEST_SEARCH_LIMITED" | "GUEST_SEARCH_RESTRICTED";
}

/** Where the license that counts comes from. */
export type LicenseSource = "thisTenant" | "homeTenant";

/** `session.features()`: what the signed-in person may use here. */
export interface Features {
  createFlows: Feature;
  runFlows: Feature;
  approvals: Feature;
  /** Flows in SharePoint, Teams, Excel, Power BI and Outlook widgets. */
  widgets: Feature;
  /** Never offered to guests. */
  processMining: Feature;
  peopleSearch: PeopleSearch;
  /** Absent when no license counts. */
  license?: LicenseSource;
}

// --- Host contexts (`dir.signInFromHost`) ----------------------------------------------

/**
 * The parts of a Microsoft Teams `app.Context` (`await app.getContext()` from
 * `@microsoft/teams-js` v2) that guestpass reads. `user.id` is the Entra object id,
 * `user.tenant.id` the Entra tenant id of the tenant the user is signed into.
 */
export interface TeamsContext {
  user?: {
    id?: string;
    userPrincipalName?: string;
    loginHint?: string;
    displayName?: string;
    tenant?: { id?: string };
  };
  app?: { host?: { name?: string } };
}

/** A value SharePoint passes as a `Guid` object (anything whose `toString()` is the id). */
export type GuidLike = string | { toString(): string };

/**
 * The parts of a SharePoint Framework `PageContext` (`this.context.pageContext` in a web
 * part) that guestpass reads: `aadInfo.tenantId` and `aadInfo.userId` are `Guid`s.
 */
export interface SharePointPageContext {
  aadInfo?: { tenantId?: GuidLike; userId?: GuidLike };
  user?: { loginName?: string; email?: string; displayName?: string; isExternalGuestUser?: boolean };
}

/** What `dir.signInFromHost` accepts: a Teams context, a SharePoint page context, or an SPFx web part context. */
export type HostContext = TeamsContext | SharePointPageContext | { pageContext: SharePointPageContext };

/** Which host a context came from. */
export type HostKind = "teams" | "sharepoint";

/** The sign-in a host context maps to (`hostSignIn(ctx)`). */
export interface HostSignIn {
  host: HostKind;
  /** Teams' `app.host.name` (`"Teams"`, `"Outlook"`, `"Office"`, …) or `"SharePoint"`. */
  hostName: string;
  tenantId: Id;
  /** Tried in order: the object id, then the UPN / login name / mail the host gave. */
  users: string[];
}
