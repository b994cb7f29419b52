// Loading a directory from Microsoft Graph with the caller's authenticated fetch:
// `/organization`, `/users` and `/groups` (following `@odata.nextLink`), then
// `/groups/{id}/members` and `/groups/{id}/owners` for each group, and (when asked) the
// enterprise apps: `/servicePrincipals` with each one's `/owners` and
// `/appRoleAssignedTo`, into the input of `Directory.fromGraph`. Nothing is built until
// every page is in, so a failure leaves no half-built directory behind.
import { GuestPassError } from "./errors.js";
import type {
  GraphFetch,
  GraphInput,
  GraphLoadOptions,
  GraphLoadProgress,
  GraphPage,
  GraphTenantInput,
  GraphTenantOptions,
  Id,
} from "./types.js";

/** Graph v1.0 in the global cloud. */
export const DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

/** The user properties `Directory.fromGraph` reads (`assignedPlans` and `assignedLicenses` only come on `$select`). */
export const USER_SELECT =
  "id,displayName,givenName,surname,mail,otherMails,userPrincipalName,userType,externalUserState,creationType,jobTitle,accountEnabled,assignedPlans,assignedLicenses";
/** The group properties `Directory.fromGraph` reads. */
export const GROUP_SELECT = "id,displayName,description,securityEnabled,mailEnabled,groupTypes,onPremisesSyncEnabled";
/** The service principal properties `Directory.fromGraph` reads. */
export const SERVICE_PRINCIPAL_SELECT = "id,displayName,preferredSingleSignOnMode";
/** The appRoleAssignment properties `Directory.fromGraph` reads. */
export const APP_ROLE_ASSIGNMENT_SELECT = "principalId,principalType";
/**
 * The enterprise applications among the service principals: the tag that puts one "in the
 * list of Integrated Applications in the Admin Portal" (New-AzureADServicePrincipal,
 * Microsoft docs); servicePrincipal resource type — Microsoft Graph v1.0: `tags` supports
 * `$filter` (`eq`).
 */
export const ENTERPRISE_APPS_FILTER = "tags/any(t:t eq 'WindowsAzureActiveDirectoryIntegratedApp')";
/** A `Retry-After` longer than this is waited for only this long. */
const MAX_RETRY_AFTER_MS = 120_000;

type Resource = GraphLoadProgress["resource"] | "policies" | "flows" | "permissions" | "approvals";

/** The error codes and wording of one kind of load (Graph only, or every source). */
export interface LoadKind {
  /** Who answered, in messages: "Microsoft Graph", "the service". */
  service: string;
  http: string;
  malformed: string;
  network: string;
  /** The permissions to name when a request is refused. */
  permissions: string;
}

/** `loadFromGraph`'s codes, kept as they were. */
export const GRAPH_LOAD: LoadKind = {
  service: "Microsoft Graph",
  http: "GRAPH_HTTP_ERROR",
  malformed: "GRAPH_MALFORMED_PAGE",
  network: "GRAPH_NETWORK_ERROR",
  permissions: "User.Read.All, GroupMember.Read.All; with apps, Application.Read.All",
};

export interface Load {
  /** Calls the caller's fetch with what it needs to pick a token. */
  fetch: (
    url: string,
    init: { signal?: AbortSignal; headers: Record<string, string> },
    tenantId: Id,
    resource: Resource,
  ) => Promise<unknown>;
  kind: LoadKind;
  /** The caller's signal: its abort is `ABORTED`. */
  signal: AbortSignal | undefined;
  /** Aborts the requests still in flight once the load has failed (or the caller aborted). */
  stop: AbortController;
  maxRetries: number;
  retryDelayMs: number;
  progress: Omit<GraphLoadProgress, "tenantId" | "resource">;
  /** Reports progress with the resource named as the caller's options expect. */
  report: (tenantId: Id, resource: Resource) => void;
}

export function aborted(signal: AbortSignal | undefined, service = "Microsoft Graph"): GuestPassError {
  const reason = signal?.reason;
  const why = reason instanceof Error ? reason.message : reason === undefined ? "" : String(reason);
  return new GuestPassError("ABORTED", `loading from ${service} was aborted${why ? `: ${why}` : ""}; nothing was built`, {});
}

/**
 * Hands `progress` to the caller's `onProgress`; one that throws stops the load (`call`:
 * `loadFromGraph` or `loadFromSources`) with `INVALID_VALUE` (`details.field`
 * `onProgress`) whose `cause` is what it threw.
 */
export function reportProgress<P>(call: string, onProgress: ((progress: P) => void) | undefined, progress: P): void {
  if (onProgress === undefined) return;
  try {
    onProgress(progress);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const wrapped = new GuestPassError("INVALID_VALUE", `${call}: onProgress threw (${reason}), so the load stopped; an onProgress callback must not throw`, {
      field: "onProgress",
      reason,
    });
    Object.defineProperty(wrapped, "cause", { value: error, configurable: true, writable: true });
    throw wrapped;
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw aborted(signal);
}

export function malformed(url: string, tenantId: Id, reason: string, kind: LoadKind = GRAPH_LOAD): GuestPassError {
  return new GuestPassError(
    kind.malformed,
    `${kind.service} returned a page guestpass cannot read (${reason}) for ${url} in tenant ${tenantId}; nothing was built`,
    { url, tenantId, reason },
  );
}

/** Waits `ms`, or rejects with `ABORTED` as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when unusable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/** The Graph error code in an error body (`{ error: { code, message } }`), if any. */
async function graphErrorCode(response: Response): Promise<{ code?: string; message?: string }> {
  try {
    const body: unknown = await response.json();
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    return {
      code: typeof error?.code === "string" ? error.code : undefined,
      message: typeof error?.message === "string" ? error.message : undefined,
    };
  } catch {
    return {};
  }
}

/** Whether the caller's `fetch` gave something to read as an HTTP response. */
function isResponse(value: unknown): value is Response {
  if (value === null || typeof value !== "object") return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.status === "number" &&
    typeof r.ok === "boolean" &&
    typeof r.json === "function" &&
    typeof (r.headers as Headers | undefined)?.get === "function"
  );
}

/**
 * The caller's `fetch` callback threw (or rejected) for `url`: a network failure of the
 * fetch it wraps, or an error of its own (a token it could not get). guestpass cannot tell
 * which, so the error keeps the network code (`GRAPH_NETWORK_ERROR`,
 * `SOURCE_NETWORK_ERROR`), says the callback threw, names it (`details.thrownBy`:
 * `"fetch"`) and carries what it threw as `cause`.
 */
function fetchThrew(load: Load, url: string, tenantId: Id, error: unknown): GuestPassError {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const wrapped = new GuestPassError(
    load.kind.network,
    `your fetch callback threw for ${url} (${message}): a network failure reaching ${load.kind.service}, ` +
      `or an error in the callback itself (getting a token?); the thrown value is this error's cause — nothing was built`,
    { url, tenantId, reason: message, thrownBy: "fetch" },
  );
  Object.defineProperty(wrapped, "cause", { value: error, configurable: true, writable: true });
  return wrapped;
}

/**
 * One GET, retried on 429 and 503 as `Retry-After` says, read as a collection page; with
 * `keepText`, also the body's text as it arrived (for pages guestpass reads only in
 * WebAssembly: they cross as that text instead of being stringified again).
 */
async function getPage(
  load: Load,
  url: string,
  tenantId: Id,
  resource: Resource,
  single = false,
  keepText = false,
): Promise<{ page: GraphPage; text?: string }> {
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(load.signal);
    let response: Response;
    try {
      const answer: unknown = await load.fetch(url, { signal: load.stop.signal, headers: { Accept: "application/json" } }, tenantId, resource);
      if (!isResponse(answer)) {
        const got = answer === null ? "null" : typeof answer;
        throw new GuestPassError(
          "INVALID_VALUE",
          `${load.kind === GRAPH_LOAD ? "loadFromGraph" : "loadFromSources"}: fetch must resolve to a Response (as the global fetch does); for ${url} it resolved to ${got} — nothing was built`,
          { field: "fetch", url, tenantId },
        );
      }
      response = answer;
    } catch (error) {
      if (load.signal?.aborted || (error instanceof Error && error.name === "AbortError")) throw aborted(load.signal);
      if (error instanceof GuestPassError) throw error;
      throw fetchThrew(load, url, tenantId, error);
    }
    if (response.status === 429 || response.status === 503) {
      if (attempt < load.maxRetries) {
        await response.body?.cancel().catch(() => undefined);
        await sleep(retryAfterMs(response.headers.get("Retry-After")) ?? load.retryDelayMs, load.stop.signal);
        continue;
      }
      throw new GuestPassError(
        load.kind.http,
        `${load.kind.service} still answered ${response.status} for ${url} after ${load.maxRetries} retries; try again later (nothing was built)`,
        { url, tenantId, status: String(response.status), retries: String(load.maxRetries) },
      );
    }
    if (!response.ok) {
      const { code, message } = await graphErrorCode(response);
      const details: Record<string, string> = { url, tenantId, status: String(response.status) };
      if (code) details.graphCode = code;
      throw new GuestPassError(
        load.kind.http,
        `${load.kind.service} answered ${response.status}${code ? ` ${code}` : ""} for ${url} in tenant ${tenantId}` +
          `${message ? `: ${message}` : ""}; check the token's permissions (${load.kind.permissions}) — nothing was built`,
        details,
      );
    }
    let body: unknown;
    let text: string | undefined;
    try {
      if (keepText && typeof response.text === "function") {
        text = await response.text();
        body = JSON.parse(text);
      } else {
        body = await response.json();
      }
    } catch (error) {
      if (load.signal?.aborted) throw aborted(load.signal);
      throw malformed(url, tenantId, "the body is not JSON", load.kind);
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw malformed(url, tenantId, "the body is not a JSON object", load.kind);
    const page = body as Record<string, unknown>;
    if (single) return { page: { value: [page] } };
    const items = page.value;
    if (!Array.isArray(items)) throw malformed(url, tenantId, "no value array", load.kind);
    const value: Record<string, unknown>[] = [];
    for (const item of items) {
      if (item === null || typeof item !== "object" || Array.isArray(item)) throw malformed(url, tenantId, "an item of value is not an object", load.kind);
      value.push(item as Record<string, unknown>);
    }
    const links: Record<string, string> = {};
    for (const key of ["@odata.nextLink", "nextLink"]) {
      const next = page[key];
      if (next !== undefined && next !== null && typeof next !== "string") throw malformed(url, tenantId, `${key} is not a string`, load.kind);
      if (typeof next === "string") links[key] = next;
    }
    // The page as it came (other @odata annotations included), its checked parts typed.
    return { page: { ...page, ...links, value }, text };
  }
}

/** The next page's link: OData's `@odata.nextLink`, or Azure Resource Manager's `nextLink` (getPage checked both are strings). */
function nextLinkOf(page: GraphPage): string | undefined {
  const arm: unknown = Reflect.get(page, "nextLink");
  return page["@odata.nextLink"] ?? (typeof arm === "string" ? arm : undefined);
}

/** One entity (a policy): the body itself. */
export async function getOne(load: Load, url: string, tenantId: Id, resource: Resource): Promise<Record<string, unknown>> {
  const { page } = await getPage(load, url, tenantId, resource, true);
  load.progress.pages++;
  load.report(tenantId, resource);
  return page.value[0] as Record<string, unknown>;
}

/**
 * Every page of a collection, following `@odata.nextLink` (OData: Graph, Dataverse) or
 * `nextLink` (Azure Resource Manager style: Power Automate) on the same origin only. With
 * `texts`, each page's JSON text goes there (as it arrived, checked as the pages are)
 * instead of the page into the answer.
 */
export async function getAll(load: Load, first: string, tenantId: Id, resource: Resource, texts?: string[]): Promise<GraphPage[]> {
  const pages: GraphPage[] = [];
  const seen = new Set<string>();
  const origin = new URL(first).origin;
  let url: string | undefined = first;
  while (url !== undefined) {
    seen.add(url);
    const { page, text } = await getPage(load, url, tenantId, resource, false, texts !== undefined);
    if (texts === undefined) pages.push(page);
    else texts.push(text ?? JSON.stringify(page));
    load.progress.pages++;
    if (resource === "users") load.progress.users += page.value.length;
    if (resource === "groups") load.progress.groups += page.value.length;
    load.report(tenantId, resource);
    const next = nextLinkOf(page);
    if (next === undefined) break;
    let nextUrl: URL;
    try {
      nextUrl = new URL(next, url);
    } catch {
      throw malformed(url, tenantId, "@odata.nextLink is not a URL", load.kind);
    }
    // The caller's fetch adds a token: never send it to another host.
    if (nextUrl.origin !== origin) throw malformed(url, tenantId, `@odata.nextLink leaves ${origin}`, load.kind);
    if (seen.has(nextUrl.href)) throw malformed(url, tenantId, "@odata.nextLink points back to a page already read", load.kind);
    url = nextUrl.href;
  }
  return pages;
}

/** Runs `task` over `items` with at most `limit` at a time; the first failure wins. */
export async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

export function positiveInteger(name: string, value: number | undefined, fallback: number, min = 0, call = "loadFromGraph"): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new GuestPassError("INVALID_VALUE", `${call}: ${name} must be an integer of at least ${min}, got ${value}`, {
      field: name,
    });
  }
  return value;
}

/** What to read of one tenant's Graph, and how. */
export interface GraphTenantRead {
  base: string;
  top: number;
  concurrency: number;
  /** Also read the policies and subscribed SKUs (needs Policy.Read.All, Organization.Read.All). */
  policies: boolean;
  /** Also read the enterprise apps, their owners and assignments (needs Application.Read.All). */
  apps: boolean;
}

/** The organization of `tenantId`, refused when the token reads another one. */
async function organizationOf(load: Load, base: string, tenantId: Id): Promise<Record<string, unknown>> {
  const organizationPages = await getAll(load, `${base}/organization`, tenantId, "organization");
  const organization = organizationPages.flatMap((p) => p.value)[0];
  if (organization === undefined) throw malformed(`${base}/organization`, tenantId, "no organization in value", load.kind);
  if (typeof organization.id === "string" && organization.id !== tenantId) {
    throw new GuestPassError(
      "GRAPH_TENANT_MISMATCH",
      `the token for tenant ${tenantId} reads the organization ${organization.id}; fetch must use a token for the tenant it is given`,
      { tenantId, organizationId: organization.id },
    );
  }
  return organization;
}

/** The policies and licences part of a tenant's Graph input. */
async function policiesOf(load: Load, base: string, tenantId: Id): Promise<Partial<GraphTenantInput>> {
  const policy = `${base}/policies/crossTenantAccessPolicy`;
  return {
    authorizationPolicy: await getOne(load, `${base}/policies/authorizationPolicy`, tenantId, "policies"),
    crossTenantAccessPolicy: await getOne(load, policy, tenantId, "policies"),
    crossTenantAccessDefault: await getOne(load, `${policy}/default`, tenantId, "policies"),
    crossTenantAccessPartners: await getAll(load, `${policy}/partners`, tenantId, "policies"),
    subscribedSkus: await getAll(load, `${base}/subscribedSkus`, tenantId, "policies"),
  };
}

/**
 * The enterprise apps part of a tenant's Graph input: the service principals tagged as
 * enterprise applications, then each one's owners and app role assignments, as a group's
 * members and owners are read (`$expand` would stop at 20 items, "Use query parameters").
 */
async function appsOf(load: Load, read: GraphTenantRead, tenantId: Id): Promise<Partial<GraphTenantInput>> {
  const { base, top, concurrency } = read;
  const query = `$filter=${encodeURIComponent(ENTERPRISE_APPS_FILTER)}&$select=${SERVICE_PRINCIPAL_SELECT}&$top=${top}`;
  const servicePrincipals = await getAll(load, `${base}/servicePrincipals?${query}`, tenantId, "apps");
  const ids = servicePrincipals.flatMap((p) => p.value.map((sp) => sp.id)).filter((id): id is string => typeof id === "string");
  // Maps, not plain objects: an id such as "__proto__" must stay an ordinary key.
  const owners = new Map<Id, GraphPage[]>();
  const assignedTo = new Map<Id, GraphPage[]>();
  await pool(ids, concurrency, async (id) => {
    const path = `${base}/servicePrincipals/${encodeURIComponent(id)}`;
    owners.set(id, await getAll(load, `${path}/owners?$select=id&$top=${top}`, tenantId, "apps"));
    const assignments = `${path}/appRoleAssignedTo?$select=${APP_ROLE_ASSIGNMENT_SELECT}&$top=${top}`;
    assignedTo.set(id, await getAll(load, assignments, tenantId, "apps"));
  });
  return {
    servicePrincipals,
    servicePrincipalOwners: Object.fromEntries(owners),
    appRoleAssignedTo: Object.fromEntries(assignedTo),
  };
}

/** Everything Graph holds for one tenant, as `fromGraph` input (without the caller's extras). */
export async function loadGraphTenant(load: Load, read: GraphTenantRead, tenantId: Id): Promise<GraphTenantInput> {
  const { base, top, concurrency } = read;
  const organization = await organizationOf(load, base, tenantId);
  const users = await getAll(load, `${base}/users?$select=${USER_SELECT}&$top=${top}`, tenantId, "users");
  const groups = await getAll(load, `${base}/groups?$select=${GROUP_SELECT}&$top=${top}`, tenantId, "groups");
  const groupIds = groups.flatMap((p) => p.value.map((g) => g.id)).filter((id): id is string => typeof id === "string");
  // Maps, not plain objects: a group id such as "__proto__" must stay an ordinary key.
  const groupMembers = new Map<Id, GraphPage[]>();
  const groupOwners = new Map<Id, GraphPage[]>();
  await pool(groupIds, concurrency, async (id) => {
    const path = `${base}/groups/${encodeURIComponent(id)}`;
    groupMembers.set(id, await getAll(load, `${path}/members?$select=id&$top=${top}`, tenantId, "members"));
    groupOwners.set(id, await getAll(load, `${path}/owners?$select=id&$top=${top}`, tenantId, "owners"));
    load.progress.groupsExpanded++;
  });
  const input: GraphTenantInput = {
    organization,
    users,
    groups,
    // Object.fromEntries defines own properties, "__proto__" included.
    groupMembers: Object.fromEntries(groupMembers),
    groupOwners: Object.fromEntries(groupOwners),
  };
  if (read.policies) Object.assign(input, await policiesOf(load, base, tenantId));
  if (read.apps) Object.assign(input, await appsOf(load, read, tenantId));
  return input;
}

/** The caller's extras of one tenant (settings Graph pages do not carry). */
export function withExtras(input: GraphTenantInput, extra: GraphTenantOptions): GraphTenantInput {
  if (extra.cloud !== undefined) input.cloud = extra.cloud;
  if (extra.settings !== undefined) input.settings = extra.settings;
  if (extra.consentedToPowerAutomate !== undefined) input.consentedToPowerAutomate = extra.consentedToPowerAutomate;
  return input;
}

/**
 * Fetches the Graph pages of every tenant in `options.tenantIds` and returns them as the
 * input of `Directory.fromGraph`. See `Directory.loadFromGraph`.
 */
export async function fetchGraph(options: GraphLoadOptions): Promise<GraphInput> {
  if (options === null || typeof options !== "object") {
    throw new GuestPassError("INVALID_INPUT", "loadFromGraph takes { fetch, tenantIds, onProgress?, signal?, baseUrl? }", {});
  }
  if (typeof options.fetch !== "function") {
    throw new GuestPassError("INVALID_VALUE", "loadFromGraph: fetch must be a function (url, init, tenantId) => Promise<Response> that adds your token", {
      field: "fetch",
    });
  }
  if (!Array.isArray(options.tenantIds) || options.tenantIds.length === 0 || !options.tenantIds.every((t) => typeof t === "string" && t !== "")) {
    throw new GuestPassError("INVALID_VALUE", "loadFromGraph: tenantIds must be a non-empty array of tenant ids", { field: "tenantIds" });
  }
  const top = positiveInteger("pageSize", options.pageSize, 999, 1);
  const concurrency = positiveInteger("concurrency", options.concurrency, 4, 1);
  const stop = new AbortController();
  const callerFetch = options.fetch;
  const onProgress = options.onProgress;
  const load: Load = {
    fetch: (url, init, tenantId) => callerFetch(url, init, tenantId),
    kind: GRAPH_LOAD,
    signal: options.signal,
    stop,
    maxRetries: positiveInteger("maxRetries", options.maxRetries, 5),
    retryDelayMs: positiveInteger("retryDelayMs", options.retryDelayMs, 1000),
    progress: { pages: 0, users: 0, groups: 0, groupsExpanded: 0 },
    report: (tenantId, resource) =>
      reportProgress("loadFromGraph", onProgress, { tenantId, resource: resource as GraphLoadProgress["resource"], ...load.progress }),
  };
  throwIfAborted(load.signal);
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const tenants: GraphTenantInput[] = [];
    for (const tenantId of options.tenantIds) {
      const extra = options.tenants?.[tenantId] ?? {};
      const base = (extra.baseUrl ?? options.baseUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, "");
      const read = { base, top, concurrency, policies: options.policies === true, apps: options.apps === true };
      tenants.push(withExtras(await loadGraphTenant(load, read, tenantId), extra));
    }
    throwIfAborted(load.signal);
    return { tenants };
  } catch (error) {
    stop.abort(); // the other member/owner requests still in flight are of no use now
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
}
