// The world JSON, the one document that holds everything guestpass knows: the input of
// `Directory.fromJSON` and the output of `dir.toJSON()` (src/model/ in Rust). Re-exported
// by types.ts, like every domain file of the package's types.

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
  /**
   * The Power Automate environment the flow lives in, by name (`Default-<tenant id>` for
   * the tenant's default one), as `fromSources` read it; absent when not known. No rule
   * reads it yet. A short text (1,024 characters at most).
   */
  environment?: string;
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
  /**
   * The flow that asked for it: a flow of the same tenant. Absent when no flow is known
   * (deleted, or of an environment not loaded). A person's answers (`session.approvals`)
   * and views carry it only when that person holds a role on the flow.
   */
  flowId?: Id;
  /**
   * The Power Automate environment the approval lives in (whose Dataverse holds it), by
   * name (`Default-<tenant id>` for the tenant's default one), as `fromSources` read it;
   * absent when not known. No rule reads it yet. A short text (1,024 characters at most).
   */
  environment?: string;
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
