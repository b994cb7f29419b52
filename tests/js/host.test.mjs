// dir.signInFromHost: the contexts Teams (app.Context of @microsoft/teams-js v2) and the
// SharePoint Framework (PageContext, whose ids are Guid objects) give a widget.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Directory, GuestPassError, hostSignIn } from "guestpass";

const dir = Directory.sample();

/** Like SharePoint's Guid: an object whose toString() is the id. */
class Guid {
  constructor(id) {
    this.id = id;
  }
  toString() {
    return this.id;
  }
}

/** A Teams app.Context as getContext() returns it (trimmed to what matters, plus noise). */
const teams = (user, tenant = "contoso", host = "Teams") => ({
  app: { locale: "en-us", theme: "default", sessionId: "s", host: { name: host, clientType: "web", sessionId: "h" } },
  page: { id: "tab", frameContext: "content" },
  user: { ...user, tenant: tenant === null ? undefined : { id: tenant, teamsSku: "enterprise" } },
});

const missing = (field) => (error) =>
  error instanceof GuestPassError && error.code === "HOST_CONTEXT_MISSING_FIELD" && error.details.field === field;

test("a Teams context signs in the user by Entra object id", () => {
  const s = dir.signInFromHost(teams({ id: "bob", userPrincipalName: "someone-else@contoso.com" }));
  assert.equal(s.userId, "bob");
  assert.equal(s.tenantId, "contoso");
});

test("a Teams guest is found by UPN (their real address) when the object id is not known here", () => {
  const s = dir.signInFromHost(teams({ id: "00000000-0000-0000-0000-000000000000", userPrincipalName: "alice@fabrikam.com" }));
  assert.equal(s.userId, "alice-at-contoso");
});

test("home facts the widget knows pass through to signIn", () => {
  const ctx = teams({ id: "pat-at-contoso", userPrincipalName: "pat.jones@gmail.com" });
  assert.equal(dir.signInFromHost(ctx).features().runFlows.outcome, "unknown");
  assert.equal(dir.signInFromHost(ctx, { entraHome: false }).features().runFlows.outcome, "allowed");
});

test("a Teams context hosted in Outlook says so", () => {
  assert.deepEqual(hostSignIn(teams({ id: "bob" }, "contoso", "Outlook")), {
    host: "teams",
    hostName: "Outlook",
    tenantId: "contoso",
    users: ["bob"],
  });
});

test("a Teams context without a tenant, a user or ids is refused naming the field", () => {
  assert.throws(() => dir.signInFromHost(teams({ id: "bob" }, null)), missing("user.tenant.id"));
  assert.throws(() => dir.signInFromHost({ app: { host: { name: "Teams" } } }), missing("user"));
  assert.throws(() => dir.signInFromHost(teams({}, "contoso")), missing("user.id"));
  assert.throws(() => dir.signInFromHost(teams({ id: "  " }, "  ")), missing("user.tenant.id"));
});

test("a SharePoint pageContext with Guid objects signs in by aadInfo.userId, then login name", () => {
  const page = (userId, loginName) => ({
    aadInfo: { tenantId: new Guid("contoso"), userId: new Guid(userId), instanceUrl: "https://login.microsoftonline.com" },
    user: { loginName, email: loginName, displayName: "x", isExternalGuestUser: false },
    web: { absoluteUrl: "https://contoso.sharepoint.com/sites/x" },
  });
  assert.equal(dir.signInFromHost(page("ann", "nobody@contoso.com")).userId, "ann");
  assert.equal(dir.signInFromHost(page("not-here", "maria@contoso.com")).userId, "maria");
  // A web part's this.context holds the pageContext.
  assert.equal(dir.signInFromHost({ pageContext: page("bob", "bob@contoso.com") }).userId, "bob");
});

test("a SharePoint context without an Entra tenant is refused naming the field", () => {
  assert.throws(() => dir.signInFromHost({ aadInfo: undefined, user: { loginName: "bob@contoso.com" } }), missing("aadInfo"));
  assert.throws(() => dir.signInFromHost({ aadInfo: { userId: new Guid("bob") } }), missing("aadInfo.tenantId"));
  assert.throws(() => dir.signInFromHost({ pageContext: { aadInfo: { tenantId: new Guid("contoso") } } }), missing("pageContext.aadInfo.userId"));
});

test("refusals of the sign-in itself come through unchanged", () => {
  // A pending guest redeems at first sign-in (Entra "B2B collaboration invitation redemption").
  assert.equal(dir.signInFromHost(teams({ id: "carlos-at-contoso" })).userId, "carlos-at-contoso");
  assert.throws(
    () => dir.signInFromHost(teams({ id: "hana-at-contoso" })),
    (e) => e instanceof GuestPassError && e.code === "COLLABORATION_BLOCKED",
  );
  assert.throws(
    () => dir.signInFromHost(teams({ id: "x", userPrincipalName: "y@contoso.com" })),
    (e) => e instanceof GuestPassError && e.code === "USER_NOT_FOUND",
  );
  assert.throws(
    () => dir.signInFromHost(teams({ id: "bob" }, "no-such-tenant")),
    (e) => e instanceof GuestPassError && e.code === "UNKNOWN_TENANT",
  );
});

test("anything else is HOST_CONTEXT_UNKNOWN", () => {
  for (const ctx of [null, undefined, 42, "contoso", {}, { tenantId: "contoso" }]) {
    assert.throws(() => dir.signInFromHost(ctx), (e) => e instanceof GuestPassError && e.code === "HOST_CONTEXT_UNKNOWN", String(ctx));
  }
});
