// Directory.loadFromSources against a real HTTP server on localhost that serves the pages
// of tests/fixtures/sources/input.json (built from Microsoft's published examples: see the
// README there) as Microsoft Graph, Power Automate and Dataverse would: paging by
// @odata.nextLink (Graph, Dataverse) and nextLink (Power Automate), Dataverse's $select,
// throttling, errors.
// Also issue 21 defect 6: loadFromGraph keeps the members of a group whose id is "__proto__".
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { after, before, describe, test } from "node:test";

import { Directory, GuestPassError } from "guestpass";

const input = JSON.parse(readFileSync(new URL("../fixtures/sources/input.json", import.meta.url), "utf8"));
const CONTOSO = input.graph.tenants[0].organization.id;
const FABRIKAM = input.graph.tenants[1].organization.id;
const ENV = input.powerAutomate[0].environment;
const TOKENS = { graph: "graph-token", powerAutomate: "flow-token", dataverse: "dataverse-token" };
const PAGE = 2;

const flat = (pages) => (pages ?? []).flatMap((p) => p.value);
const graphOf = (id) => input.graph.tenants.find((t) => t.organization.id === id);

let server;
let origin;
const seen = [];
const scenarios = new Map();

function page(items, url, n, nextKey) {
  const body = { value: items.slice(n * PAGE, (n + 1) * PAGE) };
  if ((n + 1) * PAGE < items.length) {
    const next = new URL(url);
    next.searchParams.set("page", String(n + 1));
    body[nextKey] = next.href;
  }
  return body;
}

/**
 * Graph's `$filter=tags/any(t:t eq '<tag>')` on service principals (the one filter the
 * loaders send): the rows carrying the tag; any other filter is not served.
 */
function filtered(rows, filter) {
  if (filter === null) return rows;
  const tag = filter.match(/^tags\/any\(t:t eq '([^']+)'\)$/)?.[1];
  if (tag === undefined) throw new Error(`unexpected $filter ${filter}`);
  return rows.filter((row) => Array.isArray(row.tags) && row.tags.includes(tag));
}

/** What the three services hold, by path. */
function resource(path, tenantId) {
  const t = graphOf(tenantId);
  if (path.startsWith("/graph/")) {
    const rest = path.slice(`/graph/${tenantId}/v1.0`.length);
    const m = rest.match(/^\/groups\/([^/]+)\/(members|owners)$/);
    const sp = rest.match(/^\/servicePrincipals\/([^/]+)\/(owners|appRoleAssignedTo)$/);
    if (rest === "/organization") return { list: [t.organization] };
    if (rest === "/users") return { list: flat(t.users) };
    if (rest === "/groups") return { list: flat(t.groups) };
    if (m) return { list: flat((m[2] === "members" ? t.groupMembers : t.groupOwners)?.[decodeURIComponent(m[1])]) };
    if (rest === "/policies/authorizationPolicy") return { one: t.authorizationPolicy ?? {} };
    if (rest === "/policies/crossTenantAccessPolicy") return { one: t.crossTenantAccessPolicy?.value ?? {} };
    if (rest === "/policies/crossTenantAccessPolicy/default") return { one: t.crossTenantAccessDefault ?? {} };
    if (rest === "/policies/crossTenantAccessPolicy/partners") return { list: flat(t.crossTenantAccessPartners) };
    if (rest === "/subscribedSkus") return { list: flat(t.subscribedSkus) };
    if (rest === "/servicePrincipals") return { list: flat(t.servicePrincipals) };
    if (sp) return { list: flat((sp[2] === "owners" ? t.servicePrincipalOwners : t.appRoleAssignedTo)?.[decodeURIComponent(sp[1])]) };
  }
  const pa = input.powerAutomate.find((e) => e.tenantId === tenantId);
  if (pa && path === `/flow/${tenantId}/providers/Microsoft.ProcessSimple/environments/${ENV}/flows`) return { list: flat(pa.flows), next: "nextLink" };
  const perm = pa && path.match(/\/flows\/([^/]+)\/permissions$/);
  if (perm) return { list: flat(pa.permissions[perm[1]]), next: "nextLink" };
  const dv = input.dataverse.find((e) => e.tenantId === tenantId);
  const table = dv && path.match(/^\/dv\/[^/]+\/api\/data\/v9\.2\/(\w+)$/)?.[1];
  const tables = {
    systemusers: "systemUsers",
    msdyn_flow_approvals: "approvals",
    msdyn_flow_approvalrequests: "approvalRequests",
    msdyn_flow_approvalresponses: "approvalResponses",
    msdyn_flow_flowapprovals: "flowApprovals",
  };
  if (table && tables[table]) return { list: flat(dv[tables[table]]) };
  return undefined;
}

function answer(req, res) {
  const url = new URL(req.url, origin);
  const [, service, scenario, tenantId] = url.pathname.split("/");
  const path = url.pathname.replace(`/${scenario}`, "");
  const n = Number(url.searchParams.get("page") ?? "0");
  const select = url.searchParams.get("$select");
  const filter = url.searchParams.get("$filter");
  const info = { service, scenario, tenantId, path, page: n, select, filter, url: url.href, auth: req.headers.authorization };
  seen.push(info);
  const send = (status, body, headers = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const expected = { graph: TOKENS.graph, flow: TOKENS.powerAutomate, dv: TOKENS.dataverse }[service];
  if (req.headers.authorization !== `Bearer ${expected}`) return send(401, { error: { code: "InvalidAuthenticationToken", message: "wrong token" } });
  const override = scenarios.get(scenario)?.(info);
  if (override) return send(override.status ?? 200, override.body, override.headers);
  const found = resource(path, tenantId);
  if (!found) return send(404, { error: { code: "NotFound", message: path } });
  if (found.one) return send(200, found.one);
  if (service === "graph") found.list = filtered(found.list, filter);
  // $select, as Graph and Dataverse answer it: only the properties asked for (and the
  // annotations: a Dataverse row's etag, a directoryObject's @odata.type) come back, so a
  // loader that asks for too few loses data here too.
  const columns = service === "dv" || service === "graph" ? select?.split(",") : undefined;
  const rows = columns ? found.list.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith("@odata.") || columns.includes(k)))) : found.list;
  return send(200, page(rows, url.href, n, found.next ?? "@odata.nextLink"));
}

/** The caller's fetch: the token of the service each request is for. */
const authedFetch = (url, init, request) =>
  fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${TOKENS[request.resource]}` } });

function options(scenario, extra = {}) {
  const tenant = (id) => ({
    tenantId: id,
    graphUrl: `${origin}/graph/${scenario}/${id}/v1.0`,
    powerAutomateUrl: `${origin}/flow/${scenario}/${id}`,
    environments: id === CONTOSO ? [{ name: ENV, dataverseUrl: `${origin}/dv/${scenario}/${id}/api/data/v9.2` }] : [],
    consentedToPowerAutomate: graphOf(id).consentedToPowerAutomate,
  });
  return { fetch: authedFetch, tenants: [tenant(CONTOSO), tenant(FABRIKAM)], ...extra };
}

const isGuestPassError = (code, check = () => true) => (error) => {
  assert.ok(error instanceof GuestPassError, `a GuestPassError, got ${error}`);
  assert.equal(error.code, code, error.message);
  check(error);
  return true;
};

describe("Directory.loadFromSources over HTTP", () => {
  before(async () => {
    server = createServer(answer);
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  test("reads Graph, Power Automate and Dataverse page by page and builds what fromSources builds", async () => {
    const progress = [];
    const dir = await Directory.loadFromSources(options("ok", { onProgress: (p) => progress.push(p.resource) }));
    assert.equal(dir.toJSONString(), Directory.fromSources(input).toJSONString());
    const mine = seen.filter((r) => r.scenario === "ok");
    // Each service got its own token (the server refuses any other), and pages were followed.
    assert.ok(mine.some((r) => r.path.endsWith("/flows") && r.page === 0));
    assert.ok(mine.some((r) => r.path.endsWith("/msdyn_flow_approvalrequests") && r.page === 1), "Dataverse @odata.nextLink followed");
    assert.ok(mine.some((r) => r.path.endsWith("/users") && r.page === 2), "Graph @odata.nextLink followed");
    for (const r of ["policies", "flows", "permissions", "approvals", "users", "apps"]) assert.ok(progress.includes(r), r);
    const stats = dir.stats();
    assert.equal(stats.flows, 2);
    assert.equal(stats.approvals, 2);
    // msdyn_flow_flowapprovals, asked for the columns read only: the approval whose flow
    // is loaded names it, the one whose flow no environment lists names none.
    const links = mine.find((r) => r.path.endsWith("/msdyn_flow_flowapprovals"));
    assert.equal(links?.select, "_msdyn_flow_flowapproval_approval_value,msdyn_flow_flowapproval_flowid");
    const [linked, other] = input.dataverse[0].flowApprovals[0].value;
    const approvals = dir.toJSON().approvals ?? [];
    const approvalOf = (row) => approvals.find((a) => a.id === row._msdyn_flow_flowapproval_approval_value);
    assert.equal(approvalOf(linked)?.flowId, linked.msdyn_flow_flowapproval_flowid);
    assert.equal(approvalOf(other)?.flowId, undefined);
  });

  test("reads the enterprise apps: tagged service principals, only the properties read, each one's owners and assignments", async () => {
    // Microsoft Graph's own service principal (pnp/cli-microsoft365's approleassignment-list
    // spec: `tags: []`) is no enterprise application: the loader's $filter leaves it out.
    const microsoftGraph = { id: "b1ce2d04-5502-4142-ba53-819327b74b5b", displayName: "Microsoft Graph", appId: "00000003-0000-0000-c000-000000000000", preferredSingleSignOnMode: null, tags: [] };
    scenarios.set("apps", (r) => {
      if (r.path !== `/graph/${r.tenantId}/v1.0/servicePrincipals`) return undefined;
      const rows = filtered([...flat(graphOf(r.tenantId).servicePrincipals), microsoftGraph], r.filter);
      const columns = r.select.split(",");
      return { body: page(rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => columns.includes(k)))), r.url, r.page, "@odata.nextLink") };
    });
    const dir = await Directory.loadFromSources(options("apps"));
    assert.equal(dir.toJSONString(), Directory.fromSources(input).toJSONString());
    const apps = dir.toJSON().apps ?? [];
    assert.deepEqual(apps.map((a) => a.id).sort(), flat(input.graph.tenants[0].servicePrincipals).map((sp) => sp.id).sort());
    assert.ok(!apps.some((a) => a.id === microsoftGraph.id));
    const mine = seen.filter((r) => r.scenario === "apps");
    const list = mine.filter((r) => r.path.endsWith("/servicePrincipals"));
    assert.ok(list.every((r) => r.filter === "tags/any(t:t eq 'WindowsAzureActiveDirectoryIntegratedApp')" && r.select === "id,displayName,preferredSingleSignOnMode"));
    assert.ok(list.some((r) => r.tenantId === CONTOSO && r.page === 1), "the service principals' @odata.nextLink followed");
    const assigned = mine.filter((r) => r.path.endsWith("/appRoleAssignedTo"));
    assert.equal(assigned.filter((r) => r.page === 0).length, apps.length, "one list per app, none for Microsoft Graph");
    assert.ok(assigned.every((r) => r.select === "principalId,principalType"));
    assert.ok(mine.some((r) => r.path.endsWith("/owners") && r.path.includes("/servicePrincipals/") && r.select === "id"));
    // The app with a Group assignment and a ServicePrincipal owner read as the importer says.
    const custom = apps.find((a) => a.id === "226859cc-86f0-40d3-b308-f43b3a729b6e");
    assert.deepEqual(custom.owners, ["da8f7aea-cf43-497f-ad62-c2feae89a194"]);
    assert.deepEqual(custom.assignments, ["da8f7aea-cf43-497f-ad62-c2feae89a194", "9a7d0000-0000-4000-8000-00000000c001"]);
    assert.equal(custom.selfService, undefined);
  });

  test("apps: false reads no service principal (no Application.Read.All needed)", async () => {
    const dir = await Directory.loadFromSources(options("no-apps", { apps: false }));
    assert.ok(!seen.some((r) => r.scenario === "no-apps" && r.path.includes("/servicePrincipals")));
    assert.deepEqual(dir.toJSON().apps ?? [], []);
  });

  test("tells fetch which service and environment each request is for", async () => {
    const asked = [];
    await Directory.loadFromSources(options("asked", { fetch: (url, init, request) => (asked.push({ url, ...request }), authedFetch(url, init, request)) }));
    const flows = asked.find((a) => a.url.includes("/flows?"));
    assert.deepEqual({ resource: flows.resource, environment: flows.environment, tenantId: flows.tenantId }, { resource: "powerAutomate", environment: ENV, tenantId: CONTOSO });
    const approvals = asked.find((a) => a.url.includes("msdyn_flow_approvals"));
    assert.equal(approvals.resource, "dataverse");
    assert.equal(approvals.environment, ENV);
    assert.ok(asked.filter((a) => a.url.includes("/graph/")).every((a) => a.resource === "graph" && a.environment === undefined));
  });

  test("a 429 with Retry-After from Power Automate is waited for and retried", async () => {
    let throttled = 0;
    scenarios.set("throttle", (r) => {
      if (r.path.endsWith("/permissions") && throttled++ === 0) return { status: 429, headers: { "Retry-After": "0" }, body: { error: { code: "TooManyRequests" } } };
    });
    const dir = await Directory.loadFromSources(options("throttle"));
    assert.ok(throttled >= 2);
    assert.equal(dir.toJSONString(), Directory.fromSources(input).toJSONString());
  });

  test("an error from Dataverse is SOURCE_HTTP_ERROR with its status, and nothing is built", async () => {
    scenarios.set("dv-error", (r) => (r.service === "dv" ? { status: 503, headers: { "Retry-After": "0" }, body: {} } : undefined));
    await assert.rejects(
      Directory.loadFromSources(options("dv-error", { maxRetries: 1 })),
      isGuestPassError("SOURCE_HTTP_ERROR", (e) => assert.equal(e.details.status, "503")),
    );
    scenarios.set("pa-403", (r) => (r.service === "flow" ? { status: 403, body: { error: { code: "EnvironmentAccessDenied", message: "Access to the environment is denied." } } } : undefined));
    await assert.rejects(
      Directory.loadFromSources(options("pa-403")),
      isGuestPassError("SOURCE_HTTP_ERROR", (e) => assert.equal(e.details.graphCode, "EnvironmentAccessDenied")),
    );
  });

  test("a nextLink to another origin is refused: the token stays home", async () => {
    scenarios.set("leak", (r) => (r.path.endsWith("/flows") ? { body: { value: [], nextLink: "https://evil.example/flows?page=2" } } : undefined));
    await assert.rejects(Directory.loadFromSources(options("leak")), isGuestPassError("SOURCE_MALFORMED_PAGE", (e) => assert.match(e.details.reason, /leaves/)));
  });

  test("a page fromSources refuses is its error", async () => {
    scenarios.set("bad-state", (r) =>
      r.path.endsWith("/flows") ? { body: { value: [{ ...flat(input.powerAutomate[0].flows)[0], properties: { ...flat(input.powerAutomate[0].flows)[0].properties, state: "Paused" } }] } } : undefined,
    );
    await assert.rejects(Directory.loadFromSources(options("bad-state")), isGuestPassError("INVALID_VALUE"));
  });

  test("a Dataverse row fromSources refuses is its error, path and all, though its pages cross as text", async () => {
    // The loader hands each Dataverse environment over as its pages' JSON text (nothing in
    // JavaScript reads the rows): a row of the wrong type is refused exactly as fromSources
    // refuses the same pages as objects.
    const [row] = flat(input.dataverse[0].approvalRequests);
    const bad = { ...row, statuscode: "pending" };
    scenarios.set("bad-request", (r) => (r.path.endsWith("/msdyn_flow_approvalrequests") ? { body: { value: [bad] } } : undefined));
    const pages = structuredClone(input);
    pages.dataverse[0].approvalRequests = [{ value: [bad] }];
    let expected;
    try {
      Directory.fromSources(pages);
    } catch (e) {
      expected = e;
    }
    assert.ok(expected instanceof GuestPassError, "fromSources refuses the row");
    await assert.rejects(
      Directory.loadFromSources(options("bad-request")),
      isGuestPassError(expected.code, (e) => {
        assert.equal(e.message, expected.message);
        assert.deepEqual(e.details, expected.details);
      }),
    );
  });

  test("aborting rejects with ABORTED; bad options are refused before any request", async () => {
    const before = seen.length;
    await assert.rejects(Directory.loadFromSources(options("ok", { signal: AbortSignal.abort() })), isGuestPassError("ABORTED"));
    await assert.rejects(Directory.loadFromSources({ tenants: [{ tenantId: CONTOSO }] }), isGuestPassError("INVALID_VALUE", (e) => assert.equal(e.details.field, "fetch")));
    await assert.rejects(Directory.loadFromSources({ fetch: authedFetch, tenants: [] }), isGuestPassError("INVALID_VALUE", (e) => assert.equal(e.details.field, "tenants")));
    assert.equal(seen.length, before);
  });

  test("loadFromGraph keeps the members and owners of a group whose id is __proto__", async () => {
    const t = graphOf(CONTOSO);
    const member = flat(t.users)[0].id;
    scenarios.set("proto", (r) => {
      if (r.path.endsWith("/groups")) return { body: { value: [{ id: "__proto__", displayName: "Proto", securityEnabled: true, groupTypes: [] }] } };
      if (r.path.includes("/groups/__proto__/")) return { body: { value: [{ "@odata.type": "#microsoft.graph.user", id: member }] } };
    });
    const dir = await Directory.loadFromGraph({
      fetch: (url, init) => authedFetch(url, init, { resource: "graph" }),
      tenantIds: [CONTOSO],
      baseUrl: `${origin}/graph/proto/${CONTOSO}/v1.0`,
    });
    const group = dir.toJSON().groups.find((g) => g.id === "__proto__");
    assert.deepEqual(group.members, [member]);
    assert.deepEqual(group.owners, [member]);
  });
});
