// What the sources answer and how to fetch them: the Microsoft Graph pages of
// `Directory.fromGraph`, the pages of every source of `Directory.fromSources` (Graph,
// Power Automate, Dataverse), and the options of the loaders that fetch them
// (`Directory.loadFromGraph`, graph-load.ts; `Directory.loadFromSources`, sources-load.ts).
// Re-exported by types.ts.
import type { Cloud, Id, TenantSettings } from "./types-world.js";

// --- Microsoft Graph input (`Directory.fromGraph`, `Directory.loadFromGraph`) -----------

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
  /**
   * Pages of `GET /servicePrincipals`: the enterprise apps. Each becomes an app: `id`,
   * `displayName`, and `preferredSingleSignOnMode` (`saml`, `oidc`, `password`;
   * `notSupported`, `null` or a mode Graph does not document is no single sign-on). Graph
   * has no self-service settings,
   * so imported apps have none.
   */
  servicePrincipals?: GraphPage[];
  /** Service principal id → pages of `GET /servicePrincipals/{id}/owners` (users are kept; service principals skipped). */
  servicePrincipalOwners?: Record<Id, GraphPage[]>;
  /**
   * Service principal id → pages of `GET /servicePrincipals/{id}/appRoleAssignedTo`: each
   * `appRoleAssignment`'s `principalId` of `principalType` `User` or `Group` is assigned
   * to the app (once, whatever its roles); `ServicePrincipal` grants, and a type Graph
   * does not document, are skipped.
   */
  appRoleAssignedTo?: Record<Id, GraphPage[]>;
}

/** The input of `Directory.fromGraph`: Graph pages for one or more tenants. */
export interface GraphInput {
  tenants: GraphTenantInput[];
}

// --- Every source (`Directory.fromSources`, `Directory.loadFromSources`) ---------------

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
  /**
   * Pages of `msdyn_flow_flowapprovals` (`_msdyn_flow_flowapproval_approval_value`,
   * `msdyn_flow_flowapproval_flowid`): the flow each approval came from, when that flow
   * is among `powerAutomate`'s flows of the tenant.
   */
  flowApprovals?: SourcePage[];
}

/**
 * The input of `Directory.fromSources`. An environment may also be given as its JSON text
 * (pages kept as `response.text()` gave them, joined into the environment's object): it
 * crosses into WebAssembly as that text instead of being stringified again, which is how
 * `loadFromSources` hands over Dataverse's tables, most of a large tenant's pages.
 */
export interface SourcesInput {
  graph: GraphInput;
  powerAutomate?: (PowerAutomateEnvironmentInput | string)[];
  dataverse?: (DataverseEnvironmentInput | string)[];
}

// --- Loading from the services (`Directory.loadFromGraph`, `Directory.loadFromSources`) -

/** The caller's authenticated fetch: `globalThis.fetch` with a token, for the tenant named. */
export type GraphFetch = (
  url: string,
  init: { signal?: AbortSignal; headers: Record<string, string> },
  tenantId: Id,
) => Promise<Response>;

/** Where a load stands, reported after every page. */
export interface GraphLoadProgress {
  tenantId: Id;
  /** `organization`, `users`, `groups`, `members`, `owners`, or `apps` (service principals, their owners and assignments). */
  resource: "organization" | "users" | "groups" | "members" | "owners" | "apps";
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
  resource: "organization" | "users" | "groups" | "members" | "owners" | "apps" | "policies" | "flows" | "permissions" | "approvals";
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
  /**
   * Read the enterprise apps too (default true; needs Application.Read.All): the service
   * principals tagged `WindowsAzureActiveDirectoryIntegratedApp`, their owners and their
   * `appRoleAssignedTo`.
   */
  apps?: boolean;
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
  /**
   * Also read the enterprise apps (default false; needs Application.Read.All): the service
   * principals tagged `WindowsAzureActiveDirectoryIntegratedApp`, each one's `/owners` and
   * `/appRoleAssignedTo`.
   */
  apps?: boolean;
}
