// Loading a directory from every source with the caller's authenticated fetch: each
// tenant's Microsoft Graph (people, groups, policies, licences, enterprise apps), each environment's
// Power Automate flows and their permissions, and each environment's Dataverse Approvals
// tables, into the input of `Directory.fromSources`. The caller's fetch is told which
// resource each request is for, so it can attach the right token. Paging, throttling,
// aborts and same-origin next links work as in graph-load.ts, whose machinery this
// reuses. Nothing is built until every page is in.
import { GuestPassError } from "./errors.js";
import {
  DEFAULT_GRAPH_BASE_URL,
  getAll,
  loadGraphTenant,
  pool,
  positiveInteger,
  reportProgress,
  throwIfAborted,
  withExtras,
  type Load,
  type LoadKind,
} from "./graph-load.js";
import type {
  DataverseEnvironmentInput,
  GraphPage,
  GraphTenantInput,
  Id,
  PowerAutomateEnvironmentInput,
  SourceEnvironment,
  SourceRequest,
  SourcesInput,
  SourcesLoadOptions,
  SourcesLoadProgress,
  SourceTenant,
} from "./types.js";

/** Power Automate's management endpoint (the one the CLI for Microsoft 365 calls). */
export const DEFAULT_POWER_AUTOMATE_URL = "https://api.flow.microsoft.com";
const FLOW_API_VERSION = "2016-11-01";

const SOURCES_LOAD: LoadKind = {
  service: "the service",
  http: "SOURCE_HTTP_ERROR",
  malformed: "SOURCE_MALFORMED_PAGE",
  network: "SOURCE_NETWORK_ERROR",
  permissions:
    "Graph: User.Read.All, GroupMember.Read.All, Policy.Read.All, Organization.Read.All, Application.Read.All; Power Automate: Flows.Read.All; Dataverse: user_impersonation",
};

/** The service a resource of the load is read from. */
function serviceOf(resource: SourcesLoadProgress["resource"]): SourceRequest["resource"] {
  if (resource === "flows" || resource === "permissions") return "powerAutomate";
  if (resource === "approvals") return "dataverse";
  return "graph";
}

function invalid(field: string, message: string): GuestPassError {
  return new GuestPassError("INVALID_VALUE", `loadFromSources: ${message}`, { field });
}

function environmentOf(entry: string | SourceEnvironment, at: string): SourceEnvironment {
  if (typeof entry === "string" && entry !== "") return { name: entry };
  if (entry !== null && typeof entry === "object" && typeof entry.name === "string" && entry.name !== "") return entry;
  throw invalid(at, `${at} must be an environment name or { name, dataverseUrl? }`);
}

function checkOptions(options: SourcesLoadOptions): void {
  if (options === null || typeof options !== "object") {
    throw new GuestPassError("INVALID_INPUT", "loadFromSources takes { fetch, tenants, onProgress?, signal?, policies?, apps? }", {});
  }
  if (typeof options.fetch !== "function") {
    throw invalid("fetch", "fetch must be a function (url, init, { tenantId, resource, environment? }) => Promise<Response> that adds your token");
  }
  const ok = (t: SourceTenant) => t !== null && typeof t === "object" && typeof t.tenantId === "string" && t.tenantId !== "";
  if (!Array.isArray(options.tenants) || options.tenants.length === 0 || !options.tenants.every(ok)) {
    throw invalid("tenants", "tenants must be a non-empty array of { tenantId, environments?, graphUrl?, powerAutomateUrl? }");
  }
}

/** The flows of one environment and each flow's permissions. */
async function loadFlows(load: Load, base: string, tenantId: Id, env: string, concurrency: number): Promise<PowerAutomateEnvironmentInput> {
  const root = `${base}/providers/Microsoft.ProcessSimple/environments/${encodeURIComponent(env)}`;
  const flows = await getAll(load, `${root}/flows?api-version=${FLOW_API_VERSION}`, tenantId, "flows");
  const names = flows.flatMap((p) => p.value.map((f) => f.name)).filter((n): n is string => typeof n === "string");
  const permissions = new Map<Id, GraphPage[]>();
  await pool(names, concurrency, async (name) => {
    const url = `${root}/flows/${encodeURIComponent(name)}/permissions?api-version=${FLOW_API_VERSION}`;
    permissions.set(name, await getAll(load, url, tenantId, "permissions"));
  });
  return { tenantId, environment: env, flows, permissions: Object.fromEntries(permissions) };
}

/**
 * The Approvals tables (and the users they name, and the flows approvals came from) of one
 * environment's Dataverse, as the JSON text of a `DataverseEnvironmentInput` made of the
 * pages' texts as they arrived: nothing here reads their rows, so they cross into
 * WebAssembly without being stringified again (most of a large tenant's pages are these).
 */
async function loadApprovals(load: Load, url: string, tenantId: Id, env: string): Promise<string> {
  const root = url.replace(/\/+$/, "");
  const get = async (table: string) => {
    const texts: string[] = [];
    await getAll(load, `${root}/${table}`, tenantId, "approvals", texts);
    return `[${texts.join(",")}]`;
  };
  const at = (key: keyof DataverseEnvironmentInput, value: string) => `${JSON.stringify(key)}:${value}`;
  const fields = [
    at("tenantId", JSON.stringify(tenantId)),
    at("environment", JSON.stringify(env)),
    at("systemUsers", await get("systemusers?$select=systemuserid,azureactivedirectoryobjectid")),
    at("approvals", await get("msdyn_flow_approvals")),
    at("approvalRequests", await get("msdyn_flow_approvalrequests")),
    at("approvalResponses", await get("msdyn_flow_approvalresponses")),
    at("flowApprovals", await get("msdyn_flow_flowapprovals?$select=_msdyn_flow_flowapproval_approval_value,msdyn_flow_flowapproval_flowid")),
  ];
  return `{${fields.join(",")}}`;
}

/**
 * Fetches every source of every tenant in `options.tenants` and returns them as the
 * input of `Directory.fromSources`. See `Directory.loadFromSources`.
 */
export async function fetchSources(options: SourcesLoadOptions): Promise<SourcesInput> {
  checkOptions(options);
  const call = "loadFromSources";
  const top = positiveInteger("pageSize", options.pageSize, 999, 1, call);
  const concurrency = positiveInteger("concurrency", options.concurrency, 4, 1, call);
  const environments = options.tenants.map((t, i) =>
    (t.environments ?? []).map((e, j) => environmentOf(e, `tenants[${i}].environments[${j}]`)),
  );
  const stop = new AbortController();
  const callerFetch = options.fetch;
  const onProgress = options.onProgress;
  const envOf = new Map<string, string>(); // url prefix → environment, for the request
  const load: Load = {
    fetch: (url, init, tenantId, resource) => {
      const service = serviceOf(resource as SourcesLoadProgress["resource"]);
      const request: SourceRequest = { tenantId, resource: service };
      if (service !== "graph") {
        for (const [prefix, env] of envOf) if (url.startsWith(prefix)) request.environment = env;
      }
      return callerFetch(url, init, request);
    },
    kind: SOURCES_LOAD,
    signal: options.signal,
    stop,
    maxRetries: positiveInteger("maxRetries", options.maxRetries, 5, 0, call),
    retryDelayMs: positiveInteger("retryDelayMs", options.retryDelayMs, 1000, 0, call),
    progress: { pages: 0, users: 0, groups: 0, groupsExpanded: 0 },
    report: (tenantId, resource) =>
      reportProgress("loadFromSources", onProgress, { tenantId, resource: resource as SourcesLoadProgress["resource"], ...load.progress }),
  };
  throwIfAborted(load.signal);
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const input = { graph: { tenants: [] as GraphTenantInput[] }, powerAutomate: [] as PowerAutomateEnvironmentInput[], dataverse: [] as string[] };
    for (const [i, tenant] of options.tenants.entries()) {
      const base = (tenant.graphUrl ?? DEFAULT_GRAPH_BASE_URL).replace(/\/+$/, "");
      const read = { base, top, concurrency, policies: options.policies !== false, apps: options.apps !== false };
      const graph: GraphTenantInput = await loadGraphTenant(load, read, tenant.tenantId);
      input.graph.tenants.push(withExtras(graph, tenant));
      const flowBase = (tenant.powerAutomateUrl ?? DEFAULT_POWER_AUTOMATE_URL).replace(/\/+$/, "");
      for (const env of environments[i] ?? []) {
        envOf.set(`${flowBase}/providers/Microsoft.ProcessSimple/environments/${encodeURIComponent(env.name)}/`, env.name);
        input.powerAutomate.push(await loadFlows(load, flowBase, tenant.tenantId, env.name, concurrency));
        if (env.dataverseUrl !== undefined) {
          envOf.set(env.dataverseUrl.replace(/\/+$/, "") + "/", env.name);
          input.dataverse.push(await loadApprovals(load, env.dataverseUrl, tenant.tenantId, env.name));
        }
      }
    }
    throwIfAborted(load.signal);
    return input;
  } catch (error) {
    stop.abort(); // requests still in flight are of no use now
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
}
