// The data guestpass takes and gives, as TypeScript types: the world JSON of
// `Directory.fromJSON`, the Graph pages of `Directory.fromGraph`, and every answer.
//
// These are written by hand from the Rust types (src/model/, src/directory, src/b2b.rs,
// src/session, sample/src, src/graph.rs) and checked against what the WebAssembly module
// really returns by tests/js/types.test.mjs (every output's keys, both ways) and by the
// README examples test, which type-checks every example under --strict and runs it.
// Types the Rust side declares itself (typescript_custom_section in wasm/src/*.rs) are
// re-exported from the wasm-bindgen glue instead of being written twice.

export type {
  AppAccess,
  AppLink,
  GroupApp,
  OwnedGroup,
  CheckRequest,
  CheckResult,
  Decision,
  DecisionCode,
  DeniedCode,
  FlowAction,
  FlowRole,
  FlowShares,
  HomeFacts,
  Invitation,
  InvitationRequest,
  InvitationStatus,
  JoinRequestItem,
  JoinRequestsOptions,
  JoinResult,
  Outcome,
  RedeemRequest,
  SelfServiceConfig,
  ShareRequest,
  UnknownCode,
} from "./guestpass.js";
import type { FlowRole, HomeFacts, UnknownCode } from "./guestpass.js";

// ---------------------------------------------------------------------------------------
// The world JSON (`Directory.fromJSON`, `dir.toJSON()`)
// ---------------------------------------------------------------------------------------

/** An object id. Ids are unique across the whole world (one namespace for every kind). */
export type Id = string;

/** Which national cloud a tenant lives in. */
export type Cloud = "global" | "usgov" | "china";

/**
 * How much of the directory a guest may search (Entra "guest user access"):
 * `sameAsMember` like a member, `limited` (the default) an exact mail or UPN only,
 * `restricted` nothing.
 */
export type GuestAccess = "sameAsMember" | "limited" | "restricted";

/** May B2B collaboration come in (`inbound`) or go out (`outbound`)? Both default to `true`. */
export interface AccessDirections {
  inbound?: boolean;
  outbound?: boolean;
}

/** A per-partner override; an absent direction falls back to the tenant default. */
export interface PartnerAccess {
  inbound?: boolean;
  outbound?: boolean;
}

/** Cross-tenant access settings: a default, and overrides keyed by partner tenant id. */
export interface CrossTenantAccess {
  default?: AccessDirections;
  /** Overrides per partner: each key is the id of another tenant of the world, written once. */
  partners?: Record<Id, PartnerAccess>;
}

/** A tenant's settings that guestpass reasons about; absent ones take Entra's defaults. */
export interface TenantSettings {
  /** Default `limited`. */
  guestAccess?: GuestAccess;
  /** "Owners can manage group membership requests"; default `false`. */
  selfServiceGroupManagement?: boolean;
  /**
   * Microsoft cloud settings: the other clouds this tenant collaborates with. Across clouds
   * each tenant must also name the other in `crossTenantAccess.partners` (an empty entry
   * inherits the defaults); until then collaboration is blocked.
   */
  enabledClouds?: Cloud[];
  crossTenantAccess?: CrossTenantAccess;
  /** Who may invite guests (Graph `authorizationPolicy.allowInvitesFrom`); default `everyone`. */
  allowInvitesFrom?: AllowInvitesFrom;
}

/** Entra guest invite settings (Graph `allowInvitesFrom`). */
export type AllowInvitesFrom =
  | "none"
  | "adminsAndGuestInviters"
  | "adminsGuestInvitersAndAllMembers"
  | "everyone";

/** The US Government offering: `gcc` (global cloud), `gccHigh` or `dod` (usgov cloud). */
export type UsGovernment = "gcc" | "gccHigh" | "dod";

/** A directory (Entra tenant) in one cloud. */
export interface Tenant {
  id: Id;
  displayName: string;
  /** Default `global`. */
  cloud?: Cloud;
  /** Verified domains; a guest's mail domain names their home tenant. */
  domains?: string[];
  /** The `*.onmicrosoft.com` domain guest UPNs are minted in. */
  initialDomain: string;
  /** GCC (in `global`), GCC High or DoD (in `usgov`; absent there means GCC High): picks the service hosts of links. */
  usGovernment?: UsGovernment;
  settings?: TenantSettings;
}

/** Graph `userType`. */
export type UserType = "Member" | "Guest";
/** Graph `externalUserState` of a guest. */
export type ExternalUserState = "PendingAcceptance" | "Accepted";

/** A user object in one tenant: a member, or a guest's object in the resource tenant. */
export interface User {
  id: Id;
  /** The tenant this object lives in. */
  tenantId: Id;
  displayName: string;
  givenName?: string;
  surname?: string;
  /** The real address (a guest's home address). */
  mail?: string;
  otherMails?: string[];
  /** For a guest: `alice_fabrikam.com#EXT#@contoso.onmicrosoft.com`. */
  userPrincipalName: string;
  /** Default `Member`. */
  userType?: UserType;
  /** A guest's invitation state; absent for members. */
  externalUserState?: ExternalUserState;
  /** `"Invitation"` for invited guests. */
  creationType?: string;
  jobTitle?: string;
  /** A guest's home tenant, when it is part of the world. */
  homeTenantId?: Id;
  /** A guest's user object in their home tenant. */
  homeUserId?: Id;
  /** License plan kinds: `office365` and `powerAutomate` count for flows; others are kept. */
  licenses?: string[];
  /** Signed in to Power Automate and consented. */
  consentedToPowerAutomate?: boolean;
}

/** Who may join a group by asking. Default `closed`. */
export type JoinPolicy = "closed" | "open" | "ownerApproval";

/** A security or Microsoft 365 group. */
export interface Group {
  id: Id;
  tenantId: Id;
  displayName: string;
  description?: string;
  securityEnabled?: boolean;
  mailEnabled?: boolean;
  /** `"Unified"` (Microsoft 365) and/or `"DynamicMembership"`. */
  groupTypes?: string[];
  onPremisesSyncEnabled?: boolean;
  joinPolicy?: JoinPolicy;
  /** Owner user ids. */
  owners?: Id[];
  /** Users or groups of the same tenant. */
  members?: Id[];
}

/** Single sign-on mode of an enterprise app. */
export type SingleSignOn = "none" | "saml" | "oidc" | "password" | "linked";

/** Self-service access settings of an app. */
export interface SelfService {
  enabled?: boolean;
  groupId?: Id;
  requireApproval?: boolean;
}

/** An enterprise application. */
export interface App {
  id: Id;
  tenantId: Id;
  displayName: string;
  singleSignOn?: SingleSignOn;
  selfService?: SelfService;
  owners?: Id[];
  /** Users and groups assigned to the app. */
  assignments?: Id[];
}

/** What starts a flow; only `manual` flows can have run-only users. */
export type Trigger = "manual" | "automated" | "scheduled";

/** A Power Automate flow and its sharing. */
export interface Flow {
  id: Id;
  tenantId: Id;
  displayName: string;
  trigger: Trigger;
  /** Default `true`. */
  enabled?: boolean;
  /** The creator. */
  ownerId: Id;
  /** Users or groups. */
  coOwners?: Id[];
  /** Users or groups (manual trigger only). */
  runOnly?: Id[];
}

/**
 * How an approval's responses decide its outcome: the Approvals connector's four types.
 * A sequential approval is successive approvals, one per step (`"sequential"` is refused).
 */
export type ApprovalType =
  | "firstToRespond"
  | "everyoneMustApprove"
  | "customWaitForOne"
  | "customWaitForAll";

/** Where an approval stands. */
export type ApprovalStatus = "pending" | "completed" | "canceled" | "expired";

/** One approver's response. */
export interface ApprovalResponse {
  approverId: Id;
  /** One of the approval's `responseOptions`. */
  response: string;
  comments?: string;
  /** RFC 3339. */
  respondedAt: string;
  /** The group approver this person answered for, when they answered as its member. */
  onBehalfOf?: Id;
}

/** An approval request; it belongs to one tenant. */
export interface Approval {
  id: Id;
  /** The tenant whose Approvals page shows it. */
  tenantId: Id;
  title: string;
  details?: string;
  requesterId: Id;
  /** Users or groups, in order (order matters for `sequential`). */
  approvers: Id[];
  type: ApprovalType;
  responseOptions: string[];
  responses?: ApprovalResponse[];
  /** Default `pending`. */
  status?: ApprovalStatus;
  /** The deciding response, once completed. */
  outcome?: string;
  /** RFC 3339. */
  createdAt: string;
  /** RFC 3339. */
  completedAt?: string;
}

/** A connector whose people pickers may or may not offer guests. */
export interface Connector {
  /** `shared_office365`, … */
  id: Id;
  displayName: string;
  /** Default `true`. */
  guestPicker?: boolean;
}

/** Where a request to join a group stands. */
export type JoinRequestStatus = "pending" | "approved" | "declined";

/** A request to join a group that requires an owner's approval. */
export interface JoinRequest {
  id: Id;
  groupId: Id;
  userId: Id;
  status?: JoinRequestStatus;
  decidedBy?: Id;
}

/**
 * Everything guestpass knows, as one JSON document: the input of `Directory.fromJSON`
 * and the output of `dir.toJSON()` (every list sorted by id). Every list may be absent.
 */
export interface World {
  tenants?: Tenant[];
  users?: User[];
  groups?: Group[];
  apps?: App[];
  flows?: Flow[];
  approvals?: Approval[];
  connectors?: Connector[];
  joinRequests?: JoinRequest[];
}

/** `dir.toJSON()`: the world with every list present. */
export type WorldJSON = { [K in keyof World]-?: NonNullable<World[K]> };

// ---------------------------------------------------------------------------------------
// Microsoft Graph input (`Directory.fromGraph`, `Directory.loadFromGraph`)
// ---------------------------------------------------------------------------------------

/** One page of a Graph collection, as Graph returned it. Objects inside are Graph's own. */
export interface GraphPage {
  value: Record<string, unknown>[];
  "@odata.nextLink"?: string;
  "@odata.context"?: string;
  [property: `@odata.${string}`]: unknown;
}

/** What Graph returned for one tenant, plus the settings Graph pages do not carry. */
export interface GraphTenantInput {
  /** The `organization` resource: the one item of `GET /organization`'s `value`. */
  organization: Record<string, unknown>;
  /** Default `global`. */
  cloud?: Cloud;
  settings?: TenantSettings;
  /** Pages of `GET /users`, in order. */
  users?: GraphPage[];
  /** Pages of `GET /groups`, in order. */
  groups?: GraphPage[];
  /** Group id → pages of `GET /groups/{id}/members`. */
  groupMembers?: Record<Id, GraphPage[]>;
  /** Group id → pages of `GET /groups/{id}/owners`. */
  groupOwners?: Record<Id, GraphPage[]>;
  /** Users who signed in to Power Automate and consented (Graph has no such property). */
  consentedToPowerAutomate?: Id[];
  /** `GET /policies/authorizationPolicy`: `guestUserRoleId`, `allowInvitesFrom`. */
  authorizationPolicy?: Record<string, unknown>;
  /** `GET /policies/crossTenantAccessPolicy`: `allowedCloudEndpoints`. */
  crossTenantAccessPolicy?: Record<string, unknown>;
  /** `GET /policies/crossTenantAccessPolicy/default`. */
  crossTenantAccessDefault?: Record<string, unknown>;
  /** Pages of `GET /policies/crossTenantAccessPolicy/partners`. */
  crossTenantAccessPartners?: GraphPage[];
  /** Pages of `GET /subscribedSkus`, for users read without `assignedPlans`. */
  subscribedSkus?: GraphPage[];
}

/** The input of `Directory.fromGraph`: Graph pages for one or more tenants. */
export interface GraphInput {
  tenants: GraphTenantInput[];
}

// ---------------------------------------------------------------------------------------
// Every source (`Directory.fromSources`, `Directory.loadFromSources`)
// ---------------------------------------------------------------------------------------

/** One page of a collection as a service returned it (OData `@odata.nextLink`, or ARM `nextLink`). */
export interface SourcePage {
  value: Record<string, unknown>[];
  "@odata.nextLink"?: string;
  nextLink?: string;
  [property: `@odata.${string}`]: unknown;
}

/** What Power Automate's management API returned for one environment. */
export interface PowerAutomateEnvironmentInput {
  tenantId: Id;
  /** The environment's name, e.g. `Default-<tenant id>`. */
  environment: string;
  /** Pages of `GET /providers/Microsoft.ProcessSimple/environments/{environment}/flows`. */
  flows?: SourcePage[];
  /** Flow name → pages of `GET …/flows/{name}/permissions`. */
  permissions?: Record<Id, SourcePage[]>;
}

/** What one environment's Dataverse Web API returned for the Approvals tables. */
export interface DataverseEnvironmentInput {
  tenantId: Id;
  environment: string;
  /** Pages of `systemusers` (`systemuserid`, `azureactivedirectoryobjectid`). */
  systemUsers?: SourcePage[];
  /** Pages of `msdyn_flow_approvals`. */
  approvals?: SourcePage[];
  /** Pages of `msdyn_flow_approvalrequests`. */
  approvalRequests?: SourcePage[];
  /** Pages of `msdyn_flow_approvalresponses`. */
  approvalResponses?: SourcePage[];
}

/** The input of `Directory.fromSources`. */
export interface SourcesInput {
  graph: GraphInput;
  powerAutomate?: PowerAutomateEnvironmentInput[];
  dataverse?: DataverseEnvironmentInput[];
}

// ---------------------------------------------------------------------------------------
// Answers of the directory
// ---------------------------------------------------------------------------------------

/** `dir.stats()`: how many of each the directory holds. */
export interface Stats {
  tenants: number;
  /** Members and guests. */
  users: number;
  members: number;
  guests: number;
  /** Guests whose invitation is not redeemed yet. */
  pendingGuests: number;
  groups: number;
  apps: number;
  flows: number;
  approvals: number;
  connectors: number;
  joinRequests: number;
}

/**
 * `dir.viewParts(request)`: a person's view in two parts. Serve `shared` once per tenant
 * and audience at a URL named by `sharedHash` (`Cache-Control: public, max-age=31536000,
 * immutable`: its bytes never change under that name) and `personal` privately; load them
 * with `Directory.fromViewParts(personal, shared)`.
 */
export interface ViewParts {
  /**
   * What every person of the same audience in the tenant receives alike, byte for byte:
   * for members (and guests with member access) the tenant's people, groups and apps; for
   * guests with limited access the sealed address book.
   */
  shared: Uint8Array;
  /** The SHA-256 of `shared`, lowercase hex: the name the personal part knows it by. */
  sharedHash: string;
  /** This person's part (their flows, approvals, groups, tenants), naming `sharedHash`. */
  personal: Uint8Array;
}

/** Whose kind of view a view is: it decided the people part (`session.viewContents()`). */
export type ViewAudience = "members" | "limitedGuest" | "restrictedGuest";

/**
 * `session.viewContents()`: what the view a session was read from holds, counted —
 * "what this person's browser receives". The view's byte length says its size.
 */
export interface ViewContents {
  /** Members (and guests with member access), limited guest or restricted guest. */
  audience: ViewAudience;
  /** Tenants named: the one signed into and, for a guest, their home tenant. */
  tenants: number;
  /** People whose records are readable (the tenant's directory for members; a guest, their home account and whom they may see). */
  people: number;
  /** People a limited guest reaches by exact address only: sealed records. */
  sealedPeople: number;
  /** Groups the person may see. */
  groups: number;
  /** Apps they reach. */
  apps: number;
  /** Flows they hold a role on. */
  flows: number;
  /** The tenant's other flows: digests only, so their ids answer `NO_ROLE` as on the whole directory. */
  unseenFlows: number;
  /** The tenant's other groups: digests only. */
  unseenGroups: number;
  /** Their approvals in the tenant. */
  approvals: number;
  /** Connectors (Microsoft's catalogue, the same for everyone). */
  connectors: number;
  /** Join requests they made or decide. */
  joinRequests: number;
  /** Home tenants named beside guests in a members' search. */
  homeTenantNames: number;
}

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

/** `Directory.sample(options)` / `sampleWorld(options)`. */
export interface SampleOptions {
  /** User objects (members and guests); default 2,000, at most 2,000,000. */
  users?: number;
  /** Default 42: the same seed and size always give the same world. */
  seed?: number;
  /**
   * The sample's present (RFC 3339; default `"2026-11-20T12:00:00Z"`): its approvals are
   * dated in the two weeks before it, and `Directory.sample` sets its clock to it.
   */
  now?: string;
}

// ---------------------------------------------------------------------------------------
// Answers of a session
// ---------------------------------------------------------------------------------------

/** `session.whoami()`. */
export interface SignedIn {
  tenantId: Id;
  userId: Id;
  displayName: string;
  userType: UserType;
  /** A guest's home tenant, when known. */
  homeTenantId?: Id;
}

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

/**
 * Why a Power Automate capability's list is empty (`approvals().blocked`) or an approver
 * cannot act (`notifications()[i].blocked`): a missing prerequisite or blocked
 * collaboration (`denied`), or a home fact that is not known (`unknown`).
 */
export type Blocked =
  | { outcome: "denied"; code: "INVITATION_PENDING" | "NO_LICENSE" | "NO_CONSENT" | "COLLABORATION_BLOCKED"; message: string }
  | { outcome: "unknown"; code: UnknownCode; message: string };

/** How much of the directory a person's people search covers. */
export type SearchMode = "full" | "exactOnly" | "none";

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

// --- people search -----------------------------------------------------------------------

/** Which people `session.search` returns. */
export type SearchUserType = "any" | "member" | "guest";

/** `session.search(query, options)`. */
export interface SearchOptions {
  /** At most this many items (default 10). */
  limit?: number;
  /** Default `any`. */
  userType?: SearchUserType;
  /** The connector whose picker asks; a connector without a guest picker hides guests. */
  connector?: Id;
  /** Ids never to return (people already picked). */
  exclude?: Id[];
  /** Only members of this group (transitively). */
  groupId?: Id;
}

/** A field of a person that a highlight points into. */
export type HighlightField = "displayName" | "givenName" | "surname" | "mail" | "userPrincipalName" | "jobTitle" | "otherMails";

/**
 * A matched range: UTF-16 offsets into the field's value, so
 * `value.slice(start, end)` is the part to bold.
 */
export interface Highlight {
  field: HighlightField;
  start: number;
  end: number;
  /** For `otherMails`: which address. */
  index?: number;
}

/** One person found by `session.search`. */
export interface PersonMatch {
  id: Id;
  displayName: string;
  mail?: string;
  userPrincipalName: string;
  userType: UserType;
  /** A guest's home tenant, when known (for the guest badge). */
  homeTenantId?: Id;
  /**
   * The home tenant's display name ("Fabrikam, Inc."), when the directory holds that
   * tenant and the search covers the whole directory (`mode: "full"`).
   */
  homeTenantName?: string;
  /** Present (`true`) for a guest whose invitation is not redeemed yet. */
  pending?: true;
  jobTitle?: string;
  /** What matched, to bold. */
  highlights: Highlight[];
}

/** `session.search(query, options)`. */
export interface SearchResult {
  items: PersonMatch[];
  /** Guests were left out because the connector's picker does not support picking them. */
  guestsHidden: boolean;
  /** How much of the directory this person's search covers. */
  mode: SearchMode;
}

// --- lookups -------------------------------------------------------------------------------
// `session.user/group/app/tenant(id)` and `session.flows()` (src/session/lookups.rs): only
// what the person may see; anything else is `null`, as an id that exists nowhere.

/** A person as `session.user(id)` shows them. */
export interface UserInfo {
  id: Id;
  displayName: string;
  givenName?: string;
  surname?: string;
  /** The real address. */
  mail?: string;
  userPrincipalName: string;
  userType: UserType;
  /** A guest's home tenant, when known. */
  homeTenantId?: Id;
  /** Present (`true`) for a guest whose invitation is not redeemed yet. */
  pending?: true;
  jobTitle?: string;
}

/** A group as `session.group(id)` shows it (without its member and owner lists). */
export interface GroupInfo {
  id: Id;
  displayName: string;
  description?: string;
  securityEnabled: boolean;
  mailEnabled: boolean;
  groupTypes: string[];
  onPremisesSyncEnabled: boolean;
  joinPolicy: JoinPolicy;
  /** The signed-in person belongs to it (nested groups counting). */
  isMember: boolean;
  /** The signed-in person owns it. */
  isOwner: boolean;
}

/** An app as `session.app(id)` shows it. */
export interface AppInfo {
  id: Id;
  displayName: string;
  singleSignOn: SingleSignOn;
  /** Self-service access, when configured. */
  selfService?: SelfService;
  /** The signed-in person owns it. */
  isOwner: boolean;
}

/** A tenant as `session.tenant(id)` shows it: the one signed into, or a guest's home tenant. */
export interface TenantInfo {
  id: Id;
  displayName: string;
  cloud: Cloud;
  usGovernment?: UsGovernment;
}

/** A flow the signed-in person holds a role on (`session.flows()`). */
export interface MyFlow {
  id: Id;
  displayName: string;
  trigger: Trigger;
  enabled: boolean;
  /** Their strongest role on it. */
  role: FlowRole;
  /** The groups the role came through, from their own group up; `[]` for a direct role. */
  via: Id[];
}

/**
 * A person as `PeopleIndex` reads them: any object with these fields (a world's `User`,
 * a Microsoft Graph user, a row of your own API). Other fields are ignored and kept.
 */
export interface PersonRecord {
  /** Unique within the index (1-256 characters). */
  id: string;
  displayName: string;
  givenName?: string | null;
  surname?: string | null;
  mail?: string | null;
  otherMails?: readonly string[] | null;
  /** A guest's `alice_contoso.com#EXT#@…` is searched as `alice@contoso.com`. */
  userPrincipalName?: string | null;
  jobTitle?: string | null;
  /** `"Guest"` marks a guest (for the `userType` filter); anything else is a member. */
  userType?: string | null;
}

/** `peopleIndex.search(query, options)`. */
export interface PeopleIndexSearchOptions {
  /** At most this many items (default 10, at most 100). */
  limit?: number;
  /** Default `any`. */
  userType?: SearchUserType;
  /** Ids never to return (people already picked). */
  exclude?: readonly string[];
  /** Compute highlights (default `true`). */
  highlights?: boolean;
}

/** One record found by `peopleIndex.search`. */
export interface PeopleIndexMatch<R extends PersonRecord = PersonRecord> {
  id: string;
  /** Your own object, as given to the index. */
  record: R;
  /** What matched, to bold (empty with `highlights: false`). */
  highlights: Highlight[];
}

// --- flow sharing ------------------------------------------------------------------------
// FlowAction, FlowRole, Decision, CheckRequest, CheckResult, ShareRequest and FlowShares are
// declared by the Rust side (wasm/src/flows.rs) and re-exported above.

// --- approvals ---------------------------------------------------------------------------

/**
 * `session.approvals(query)`: the items, or why there are none to show. A person who lacks
 * a prerequisite of every Power Automate capability (a licence that counts, consent) gets
 * no items and `blocked` with the code; one whose home facts are not known, `blocked`
 * with `outcome: "unknown"`.
 */
export interface ApprovalList {
  /** Newest first; empty when `blocked`. */
  items: ApprovalItem[];
  /** Absent when the person can use approvals. */
  blocked?: Blocked;
}

/** `session.approvals(query)`; defaults `received`, `pending`. */
export interface ApprovalQuery {
  box?: "received" | "sent";
  status?: "pending" | "completed" | "all";
}

/** One approval in a list, with what the signed-in person may do with it. */
export interface ApprovalItem extends Approval {
  /** `expired` once left pending 30 days (the flow run timed out). */
  status: ApprovalStatus;
  /** When it expires (or expired) if left pending (RFC 3339). */
  expiresAt?: string;
  /** The approvers (users or groups) it waits for now; empty unless pending. */
  waitingFor: Id[];
  canRespond: boolean;
  canReassign: boolean;
  canCancel: boolean;
  /** When the person is an approver only through a group: the groups from theirs up. */
  via?: Id[];
  /**
   * Display names by id of the people and groups the approval names (requester, approvers,
   * responders, `via`) that the signed-in person may see, as `session.user(id)` and
   * `session.group(id)` would: an id missing here is one to show as it is.
   */
  names: Record<Id, string>;
}

/** Why a person is told about an approval. */
export type NotificationReason = "responseRequested" | "completed" | "expired" | "canceled";

/** One message to send about an approval (`dir.notifications(approvalId)`). */
export interface Notification {
  userId: Id;
  displayName: string;
  /** The real address (a guest's `mail`, never the `#EXT#` UPN); absent when none is known. */
  address?: string;
  reason: NotificationReason;
  /** The group approver they answer for, when it is a group. */
  onBehalfOf?: Id;
  /** The tenant the approval belongs to: the one to sign into. */
  tenantId: Id;
  approvalId: Id;
  /** The Approvals page of that tenant showing this approval. */
  link: string;
  /** Respond from the email itself: only a member asked to respond (guests act at `link`). */
  actionableInEmail: boolean;
  /** For an approver asked to respond: why they cannot act on it (yet); absent when they can. */
  blocked?: Blocked;
}

// ---------------------------------------------------------------------------------------
// Host contexts (`dir.signInFromHost`)
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Loading from Microsoft Graph (`Directory.loadFromGraph`)
// ---------------------------------------------------------------------------------------

/** The caller's authenticated fetch: `globalThis.fetch` with a token, for the tenant named. */
export type GraphFetch = (
  url: string,
  init: { signal?: AbortSignal; headers: Record<string, string> },
  tenantId: Id,
) => Promise<Response>;

/** Where a load stands, reported after every page. */
export interface GraphLoadProgress {
  tenantId: Id;
  /** `organization`, `users`, `groups`, `members` or `owners`. */
  resource: "organization" | "users" | "groups" | "members" | "owners";
  /** Pages fetched so far, over all tenants. */
  pages: number;
  /** Users and groups read so far, over all tenants. */
  users: number;
  groups: number;
  /** Groups whose members and owners are read, over all tenants. */
  groupsExpanded: number;
}

/** Per-tenant settings Graph pages do not carry. */
export interface GraphTenantOptions {
  cloud?: Cloud;
  settings?: TenantSettings;
  consentedToPowerAutomate?: Id[];
  /** This tenant's Graph endpoint, when not the one of `baseUrl`. */
  baseUrl?: string;
}

/** Which service a request of `loadFromSources` is for, so `fetch` can pick the token. */
export interface SourceRequest {
  tenantId: Id;
  /** `graph` (https://graph.microsoft.com), `powerAutomate` (https://service.flow.microsoft.com), `dataverse` (the environment's URL). */
  resource: "graph" | "powerAutomate" | "dataverse";
  /** For `powerAutomate` and `dataverse`: the environment. */
  environment?: string;
}

/** The caller's authenticated fetch for `loadFromSources`. */
export type SourcesFetch = (
  url: string,
  init: { signal?: AbortSignal; headers: Record<string, string> },
  request: SourceRequest,
) => Promise<Response>;

/** One environment to read flows and approvals from. */
export interface SourceEnvironment {
  /** The environment's name (`Default-<tenant id>` for the default one). */
  name: string;
  /** The environment's Dataverse Web API root, e.g. `https://org0a1b2c.crm.dynamics.com/api/data/v9.2`; without it, no approvals are read. */
  dataverseUrl?: string;
}

/** One tenant of `loadFromSources`. */
export interface SourceTenant extends GraphTenantOptions {
  tenantId: Id;
  /** Environments (names, or `{ name, dataverseUrl }`). */
  environments?: (string | SourceEnvironment)[];
  /** Default `https://graph.microsoft.com/v1.0`. */
  graphUrl?: string;
  /** Default `https://api.flow.microsoft.com`. */
  powerAutomateUrl?: string;
}

/** Where `loadFromSources` stands, after every page. */
export interface SourcesLoadProgress {
  tenantId: Id;
  resource: "organization" | "users" | "groups" | "members" | "owners" | "policies" | "flows" | "permissions" | "approvals";
  pages: number;
  users: number;
  groups: number;
  groupsExpanded: number;
}

/** `Directory.loadFromSources(options)`. */
export interface SourcesLoadOptions {
  fetch: SourcesFetch;
  tenants: SourceTenant[];
  onProgress?: (progress: SourcesLoadProgress) => void;
  signal?: AbortSignal;
  /** Read the Graph policies and subscribed SKUs too (default true; needs Policy.Read.All). */
  policies?: boolean;
  pageSize?: number;
  maxRetries?: number;
  retryDelayMs?: number;
  concurrency?: number;
}

/** `Directory.loadFromGraph(options)`. */
export interface GraphLoadOptions {
  fetch: GraphFetch;
  /** The tenants to load, in order. */
  tenantIds: Id[];
  onProgress?: (progress: GraphLoadProgress) => void;
  signal?: AbortSignal;
  /** Default `https://graph.microsoft.com/v1.0`. */
  baseUrl?: string;
  /** Settings per tenant id. */
  tenants?: Record<Id, GraphTenantOptions>;
  /** Page size asked with `$top` (default 999, Graph's maximum for users and groups). */
  pageSize?: number;
  /** How often one request is retried after a 429 or 503 (default 5). */
  maxRetries?: number;
  /** Wait when a 429 or 503 has no usable `Retry-After`, in ms (default 1000). */
  retryDelayMs?: number;
  /** At most this many member/owner requests in flight (default 4). */
  concurrency?: number;
  /** Also read the policies and `/subscribedSkus` (default false; needs Policy.Read.All). */
  policies?: boolean;
}
