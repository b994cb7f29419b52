// Directory.loadFromGraph against a real HTTP server on localhost that serves
// Microsoft Graph-shaped pages: paging by @odata.nextLink, throttling (429 + Retry-After),
// server errors, malformed pages, aborts, and a token that must reach every request.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, test } from "node:test";

import { Directory, GuestPassError } from "guestpass";

const TENANT = "11111111-2222-3333-4444-555555555555";
const OTHER = "99999999-8888-7777-6666-555555555555";
const TOKEN = "token-for-tests";

/** The tenant Graph serves: organization, users, groups, members and owners. */
function tenantData(id, domain) {
  const user = (n, extra = {}) => ({
    id: `${id}-u${n}`,
    displayName: `Person ${n} ${extra.surname ?? ""}`.trim(),
    mail: `p${n}@${domain}`,
    userPrincipalName: `p${n}@${domain}`,
    userType: "Member",
    jobTitle: n % 2 ? "Engineer" : null,
    assignedPlans: n % 3 ? [{ service: "exchange", capabilityStatus: "Enabled" }] : [],
    ...extra,
  });
  const users = [1, 2, 3, 4, 5].map((n) => user(n));
  users.push({
    id: `${id}-guest`,
    displayName: "Zoë Guest",
    mail: "zoe@elsewhere.example",
    userPrincipalName: `zoe_elsewhere.example#EXT#@${domain.replace(".com", "")}.onmicrosoft.com`,
    userType: "Guest",
    externalUserState: "Accepted",
    creationType: "Invitation",
  });
  const groups = [
    { id: `${id}-g1`, displayName: "Engineering", securityEnabled: true, groupTypes: [], mailEnabled: false },
    { id: `${id}-g2`, displayName: "Platform", securityEnabled: true, groupTypes: [] },
    { id: `${id}-g3`, displayName: "Everyone", securityEnabled: false, groupTypes: ["Unified", "DynamicMembership"], mailEnabled: true },
  ];
  const ref = (type, oid) => ({ "@odata.type": `#microsoft.graph.${type}`, id: oid });
  const members = {
    [`${id}-g1`]: [ref("user", `${id}-u1`), ref("user", `${id}-u2`), ref("group", `${id}-g2`), ref("user", `${id}-guest`)],
    [`${id}-g2`]: [ref("user", `${id}-u3`)],
    [`${id}-g3`]: users.filter((u) => u.userType === "Member").map((u) => ref("user", u.id)),
  };
  const owners = { [`${id}-g1`]: [ref("user", `${id}-u1`)], [`${id}-g2`]: [ref("user", `${id}-u3`)], [`${id}-g3`]: [] };
  const organization = {
    id,
    displayName: domain,
    verifiedDomains: [
      { name: domain, isDefault: true },
      { name: `${domain.replace(".com", "")}.onmicrosoft.com`, isInitial: true },
    ],
  };
  // Enterprise apps (shapes of pnp/cli-microsoft365's enterpriseapp-list spec and Graph's
  // serviceprincipal-list-approleassignedto example): two tagged, one Microsoft service.
  const tag = "WindowsAzureActiveDirectoryIntegratedApp";
  const servicePrincipals = [
    { id: `${id}-sp1`, displayName: "My custom enterprise application", preferredSingleSignOnMode: null, appRoleAssignmentRequired: false, tags: [tag] },
    { id: `${id}-sp2`, displayName: "Salesforce", preferredSingleSignOnMode: "saml", servicePrincipalType: "Application", tags: [tag, "HideApp"] },
    { id: `${id}-sp3`, displayName: "Microsoft Graph", preferredSingleSignOnMode: null, tags: [] },
  ];
  const assignment = (principalId, principalType) => ({ id: `${principalId}-a`, appRoleId: "00000000-0000-0000-0000-000000000000", principalId, principalType, resourceId: `${id}-sp1` });
  const spOwners = { [`${id}-sp1`]: [ref("user", `${id}-u1`), ref("servicePrincipal", `${id}-sp3`)], [`${id}-sp2`]: [] };
  const spAssigned = {
    [`${id}-sp1`]: [assignment(`${id}-u2`, "User"), assignment(`${id}-g1`, "Group"), assignment(`${id}-u3`, "User"), assignment(`${id}-sp3`, "ServicePrincipal")],
    [`${id}-sp2`]: [assignment(`${id}-guest`, "User")],
  };
  return { organization, users, groups, members, owners, servicePrincipals, spOwners, spAssigned };
}

const tenants = { [TENANT]: tenantData(TENANT, "contoso.com"), [OTHER]: tenantData(OTHER, "fabrikam.com") };

/** The same data as single pages, for Directory.fromGraph: what the load must equal (with `apps`, the tagged service principals too). */
function expectedInput(ids, apps = false) {
  const pages = (byId) => Object.fromEntries(Object.entries(byId).map(([k, v]) => [k, [{ value: v }]]));
  return {
    tenants: ids.map((id) => {
      const t = tenants[id];
      const input = {
        organization: t.organization,
        users: [{ value: t.users }],
        groups: [{ value: t.groups }],
        groupMembers: pages(t.members),
        groupOwners: pages(t.owners),
      };
      if (apps) {
        input.servicePrincipals = [{ value: t.servicePrincipals.filter((sp) => sp.tags.includes("WindowsAzureActiveDirectoryIntegratedApp")) }];
        input.servicePrincipalOwners = pages(t.spOwners);
        input.appRoleAssignedTo = pages(t.spAssigned);
      }
      return input;
    }),
  };
}

// --- the server -------------------------------------------------------------------------
// URLs: /<scenario>/<tenant>/v1.0/<resource>?page=N. Each scenario may override a response.

const PAGE = 2;
let server;
let origin;
const seen = []; // every request: { scenario, path, page, auth }
const scenarios = new Map(); // name -> (request info) => undefined | { status, headers, body }

function page(items, url, n) {
  const body = { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users", value: items.slice(n * PAGE, (n + 1) * PAGE) };
  if ((n + 1) * PAGE < items.length) {
    const next = new URL(url);
    next.searchParams.set("page", String(n + 1));
    body["@odata.nextLink"] = next.href;
  }
  return body;
}

function answer(req, res) {
  const url = new URL(req.url, origin);
  const [, scenario, tenantId, version, ...rest] = url.pathname.split("/");
  const path = `/${rest.join("/")}`;
  const n = Number(url.searchParams.get("page") ?? "0");
  const info = { scenario, tenantId, path, page: n, auth: req.headers.authorization, url: url.href };
  seen.push(info);
  const send = (status, body, headers = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
  if (req.headers.authorization !== `Bearer ${TOKEN}`) {
    return send(401, { error: { code: "InvalidAuthenticationToken", message: "Access token is empty." } });
  }
  const override = scenarios.get(scenario)?.(info);
  if (override === "hang") return; // never answers (until the client aborts)
  if (override) return send(override.status ?? 200, override.body, override.headers);
  const t = tenants[tenantId];
  if (!t || version !== "v1.0") return send(404, { error: { code: "Request_ResourceNotFound" } });
  if (path === "/organization") return send(200, { value: [t.organization] });
  if (path === "/users") return send(200, page(t.users, url, n));
  if (path === "/groups") return send(200, page(t.groups, url, n));
  const m = path.match(/^\/groups\/([^/]+)\/(members|owners)$/);
  if (m) return send(200, page(t[m[2]][decodeURIComponent(m[1])] ?? [], url, n));
  if (path === "/servicePrincipals") {
    // Graph's $filter on tags, the one the loader sends for enterprise apps.
    const tag = url.searchParams.get("$filter")?.match(/^tags\/any\(t:t eq '([^']+)'\)$/)?.[1];
    return send(200, page(t.servicePrincipals.filter((sp) => tag === undefined || sp.tags.includes(tag)), url, n));
  }
  const sp = path.match(/^\/servicePrincipals\/([^/]+)\/(owners|appRoleAssignedTo)$/);
  if (sp) return send(200, page((sp[2] === "owners" ? t.spOwners : t.spAssigned)[decodeURIComponent(sp[1])] ?? [], url, n));
  return send(404, { error: { code: "Request_ResourceNotFound" } });
}

/** The caller's authenticated fetch, as a widget would write it. */
const authedFetch = (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${TOKEN}` } });

function options(scenario, extra = {}) {
  return {
    fetch: authedFetch,
    tenantIds: [TENANT],
    tenants: { [TENANT]: { baseUrl: `${origin}/${scenario}/${TENANT}/v1.0` }, [OTHER]: { baseUrl: `${origin}/${scenario}/${OTHER}/v1.0` } },
    ...extra,
  };
}

const isGuestPassError = (code, check = () => true) => (error) => {
  assert.ok(error instanceof GuestPassError, `a GuestPassError, got ${error}`);
  assert.equal(error.code, code, error.message);
  check(error);
  return true;
};

describe("Directory.loadFromGraph over HTTP", () => {
  before(async () => {
    server = createServer(answer);
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  test("pages through users, groups, members and owners and builds what fromGraph builds", async () => {
    const progress = [];
    const dir = await Directory.loadFromGraph(options("ok", { onProgress: (p) => progress.push(p) }));
    const expected = Directory.fromGraph(expectedInput([TENANT]));
    assert.equal(dir.toJSONString(), expected.toJSONString());
    assert.deepEqual(dir.stats().users, 6);
    assert.equal(dir.stats().guests, 1);
    // Every request carried the token; users came in 3 pages of 2, groups in 2.
    const mine = seen.filter((r) => r.scenario === "ok");
    assert.ok(mine.every((r) => r.auth === `Bearer ${TOKEN}`));
    assert.deepEqual(mine.filter((r) => r.path === "/users").map((r) => r.page), [0, 1, 2]);
    assert.deepEqual(mine.filter((r) => r.path === "/groups").map((r) => r.page), [0, 1]);
    assert.ok(mine.some((r) => r.path === `/groups/${TENANT}-g3/members` && r.page === 2), "members pages are followed too");
    // Progress after every page, counts only growing, ending with everything.
    assert.equal(progress.length, mine.length);
    for (let i = 1; i < progress.length; i++) {
      for (const k of ["pages", "users", "groups", "groupsExpanded"]) assert.ok(progress[i][k] >= progress[i - 1][k], `${k} never goes down`);
    }
    assert.deepEqual(
      { users: progress.at(-1).users, groups: progress.at(-1).groups, pages: progress.at(-1).pages },
      { users: 6, groups: 3, pages: mine.length },
    );
    assert.ok(progress.every((p) => p.tenantId === TENANT));
  });

  test("apps: true reads the enterprise apps, their owners and assignments, page by page", async () => {
    const progress = [];
    const dir = await Directory.loadFromGraph(options("apps", { apps: true, onProgress: (p) => progress.push(p.resource) }));
    assert.equal(dir.toJSONString(), Directory.fromGraph(expectedInput([TENANT], true)).toJSONString());
    const apps = dir.toJSON().apps;
    assert.deepEqual(apps.map((a) => [a.id, a.singleSignOn]), [[`${TENANT}-sp1`, "none"], [`${TENANT}-sp2`, "saml"]]);
    const custom = apps[0];
    assert.deepEqual(custom.owners, [`${TENANT}-u1`], "the owning service principal is skipped");
    assert.deepEqual(custom.assignments, [`${TENANT}-u2`, `${TENANT}-g1`, `${TENANT}-u3`]);
    assert.ok(progress.includes("apps"));
    const mine = seen.filter((r) => r.scenario === "apps");
    const list = new URL(mine.find((r) => r.path === "/servicePrincipals").url);
    assert.equal(list.searchParams.get("$filter"), "tags/any(t:t eq 'WindowsAzureActiveDirectoryIntegratedApp')");
    assert.equal(list.searchParams.get("$select"), "id,displayName,preferredSingleSignOnMode");
    assert.ok(mine.some((r) => r.path === `/servicePrincipals/${TENANT}-sp1/appRoleAssignedTo` && r.page === 1), "assignment pages are followed");
    assert.ok(!mine.some((r) => r.path.startsWith(`/servicePrincipals/${TENANT}-sp3`)), "no request for an app not loaded");
    // Without apps: true, nothing asks for Application.Read.All.
    assert.ok(!seen.some((r) => r.scenario === "ok" && r.path.startsWith("/servicePrincipals")));
  });

  test("asks for the properties fromGraph reads, with $select and $top", () => {
    const users = seen.find((r) => r.scenario === "ok" && r.path === "/users");
    const url = new URL(users.url);
    assert.match(url.searchParams.get("$select"), /assignedPlans/);
    assert.match(url.searchParams.get("$select"), /externalUserState/);
    assert.equal(url.searchParams.get("$top"), "999");
  });

  test("loads several tenants, each with its own token context", async () => {
    const asked = [];
    const dir = await Directory.loadFromGraph(
      options("two", {
        tenantIds: [TENANT, OTHER],
        fetch: (url, init, tenantId) => {
          asked.push(tenantId);
          return authedFetch(url, init);
        },
      }),
    );
    assert.equal(dir.toJSONString(), Directory.fromGraph(expectedInput([TENANT, OTHER])).toJSONString());
    assert.deepEqual([...new Set(asked)], [TENANT, OTHER]);
    assert.equal(dir.stats().tenants, 2);
  });

  test("a 429 with Retry-After is waited for and retried", async () => {
    let throttled = 0;
    scenarios.set("throttle", (r) => {
      if (r.path === "/users" && r.page === 1 && throttled++ === 0) {
        return { status: 429, headers: { "Retry-After": "1" }, body: { error: { code: "TooManyRequests" } } };
      }
    });
    const dir = await Directory.loadFromGraph(options("throttle"));
    assert.equal(throttled, 2, "asked once, throttled, asked again");
    assert.equal(dir.toJSONString(), Directory.fromGraph(expectedInput([TENANT])).toJSONString());
  });

  test("throttling that does not end fails with GRAPH_HTTP_ERROR 429 after maxRetries", async () => {
    let asked = 0;
    scenarios.set("throttle-forever", (r) => {
      if (r.path === "/groups") {
        asked++;
        return { status: 429, headers: { "Retry-After": "0" }, body: { error: { code: "TooManyRequests" } } };
      }
    });
    await assert.rejects(
      Directory.loadFromGraph(options("throttle-forever", { maxRetries: 2 })),
      isGuestPassError("GRAPH_HTTP_ERROR", (e) => {
        assert.equal(e.details.status, "429");
        assert.equal(e.details.retries, "2");
      }),
    );
    assert.equal(asked, 3, "one request and two retries");
  });

  test("an HTTP error fails with GRAPH_HTTP_ERROR, its status and Graph's error code", async () => {
    scenarios.set("error500", (r) => {
      if (r.path === `/groups/${TENANT}-g2/members`) return { status: 500, body: { error: { code: "generalException", message: "boom" } } };
    });
    await assert.rejects(
      Directory.loadFromGraph(options("error500")),
      isGuestPassError("GRAPH_HTTP_ERROR", (e) => {
        assert.equal(e.details.status, "500");
        assert.equal(e.details.graphCode, "generalException");
        assert.equal(e.details.tenantId, TENANT);
        assert.match(e.details.url, /g2\/members/);
      }),
    );
  });

  test("a missing token is a GRAPH_HTTP_ERROR 401", async () => {
    await assert.rejects(
      Directory.loadFromGraph(options("ok", { fetch: (url, init) => fetch(url, init) })),
      isGuestPassError("GRAPH_HTTP_ERROR", (e) => assert.equal(e.details.status, "401")),
    );
  });

  test("a malformed page fails with GRAPH_MALFORMED_PAGE", async () => {
    const cases = {
      "not-json": "<html>proxy error</html>",
      "no-value": { users: [] },
      "value-not-objects": { value: [1, 2] },
      "bad-next": { value: [], "@odata.nextLink": 42 },
    };
    for (const [name, body] of Object.entries(cases)) {
      scenarios.set(`malformed-${name}`, (r) => (r.path === "/users" ? { status: 200, body } : undefined));
      await assert.rejects(
        Directory.loadFromGraph(options(`malformed-${name}`)),
        isGuestPassError("GRAPH_MALFORMED_PAGE", (e) => assert.match(e.details.url, /\/users/)),
        name,
      );
    }
  });

  test("an @odata.nextLink to another origin is refused: the token stays home", async () => {
    scenarios.set("leak", (r) =>
      r.path === "/users" ? { status: 200, body: { value: [], "@odata.nextLink": "https://evil.example/v1.0/users?page=2" } } : undefined,
    );
    await assert.rejects(
      Directory.loadFromGraph(options("leak")),
      isGuestPassError("GRAPH_MALFORMED_PAGE", (e) => assert.match(e.details.reason, /leaves/)),
    );
  });

  test("an organization other than the tenant asked is GRAPH_TENANT_MISMATCH", async () => {
    scenarios.set("mismatch", (r) => (r.path === "/organization" ? { status: 200, body: { value: [tenants[OTHER].organization] } } : undefined));
    await assert.rejects(Directory.loadFromGraph(options("mismatch")), isGuestPassError("GRAPH_TENANT_MISMATCH"));
  });

  test("aborting mid-load rejects with ABORTED, even while a request hangs", async () => {
    scenarios.set("hang", (r) => (r.path === "/groups" ? "hang" : undefined));
    const controller = new AbortController();
    const loading = Directory.loadFromGraph(
      options("hang", {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.resource === "users" && p.users === 6) setTimeout(() => controller.abort(new Error("the user closed the panel")), 20);
        },
      }),
    );
    await assert.rejects(loading, isGuestPassError("ABORTED", (e) => assert.match(e.message, /closed the panel/)));
  });

  test("aborting during a Retry-After wait rejects with ABORTED at once", async () => {
    scenarios.set("abort-wait", (r) => (r.path === "/users" ? { status: 429, headers: { "Retry-After": "100" }, body: {} } : undefined));
    const controller = new AbortController();
    const loading = Directory.loadFromGraph(options("abort-wait", { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(loading, isGuestPassError("ABORTED"));
  });

  test("an already aborted signal fetches nothing", async () => {
    const before = seen.length;
    await assert.rejects(Directory.loadFromGraph(options("ok", { signal: AbortSignal.abort() })), isGuestPassError("ABORTED"));
    assert.equal(seen.length, before);
  });

  test("pages fromGraph refuses are its error, and no directory is built", async () => {
    scenarios.set("dup", (r) =>
      r.path === "/users" ? { status: 200, body: { value: [tenants[TENANT].users[0], tenants[TENANT].users[0]] } } : undefined,
    );
    await assert.rejects(Directory.loadFromGraph(options("dup")), isGuestPassError("DUPLICATE_ID"));
  });

  test("bad options are refused before any request", async () => {
    const before = seen.length;
    await assert.rejects(Directory.loadFromGraph({ tenantIds: [TENANT] }), isGuestPassError("INVALID_VALUE", (e) => assert.equal(e.details.field, "fetch")));
    await assert.rejects(Directory.loadFromGraph({ fetch: authedFetch, tenantIds: [] }), isGuestPassError("INVALID_VALUE", (e) => assert.equal(e.details.field, "tenantIds")));
    await assert.rejects(Directory.loadFromGraph(options("ok", { maxRetries: -1 })), isGuestPassError("INVALID_VALUE"));
    assert.equal(seen.length, before);
  });

  test("a network failure is GRAPH_NETWORK_ERROR", async () => {
    await assert.rejects(
      Directory.loadFromGraph({ fetch: authedFetch, tenantIds: [TENANT], baseUrl: "http://127.0.0.1:9/v1.0" }),
      isGuestPassError("GRAPH_NETWORK_ERROR"),
    );
  });
});

test("a fetch that does not resolve to a Response is named as the problem", async () => {
  for (const answer of [null, 42, {}, { status: 200 }]) {
    await assert.rejects(
      Directory.loadFromGraph({ fetch: async () => answer, tenantIds: ["contoso"] }),
      (error) =>
        error instanceof GuestPassError &&
        error.code === "INVALID_VALUE" &&
        error.details.field === "fetch" &&
        /must resolve to a Response/.test(error.message),
      JSON.stringify(answer),
    );
  }
});

test("an exception thrown by the caller's own fetch callback says so, with what it threw as cause", async () => {
  class TokenError extends Error {
    name = "TokenError";
  }
  const thrown = new TokenError("no token for this tenant: sign in again");
  for (const [load, code] of [
    [() => Directory.loadFromGraph({ fetch: async () => { throw thrown; }, tenantIds: ["contoso"] }), "GRAPH_NETWORK_ERROR"],
    [() => Directory.loadFromSources({ fetch: () => { throw thrown; }, tenants: [{ tenantId: "contoso" }] }), "SOURCE_NETWORK_ERROR"],
  ]) {
    await assert.rejects(load, (error) => {
      assert.ok(error instanceof GuestPassError, String(error));
      assert.equal(error.code, code);
      assert.equal(error.cause, thrown);
      assert.equal(error.details.thrownBy, "fetch");
      assert.match(error.message, /your fetch callback threw for https:\/\/\S+ \(TokenError: no token for this tenant: sign in again\)/);
      return true;
    });
  }
});
