// Lookups through the built package: session.user/group/app/tenant(id), session.flows(),
// names beside ids in approval items, the same from a view (Directory.fromView), and the
// whole directory's records (dir.user(id), …) for a server. A session answers only what the
// person may see (src/session/sight.rs); anything else is null, as an id that exists nowhere.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Directory, GuestPassError } from "guestpass";

const dir = Directory.sample({ users: 300, seed: 9 });
const world = dir.toJSON();
const ids = {
  users: world.users.map((u) => u.id).concat(["no-such-user"]),
  groups: world.groups.map((g) => g.id).concat(["no-such-group"]),
  apps: world.apps.map((a) => a.id).concat(["no-such-app"]),
  tenants: world.tenants.map((t) => t.id).concat(["no-such-tenant"]),
};

/** Every lookup answer of `session`, keyed by what was asked. */
function lookups(session) {
  const out = {};
  for (const id of ids.users) out[`user ${id}`] = session.user(id);
  for (const id of ids.groups) out[`group ${id}`] = session.group(id);
  for (const id of ids.apps) out[`app ${id}`] = session.app(id);
  for (const id of ids.tenants) out[`tenant ${id}`] = session.tenant(id);
  out.flows = session.flows();
  out.approvals = ["received", "sent"].map((box) => session.approvals({ box, status: "all" }));
  return out;
}

test("a member looks up the people, groups and apps of their tenant, and no other tenant's", () => {
  const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
  assert.equal(bob.user("ann")?.displayName, "Ann Lee");
  assert.deepEqual(bob.user("alice-at-contoso"), {
    id: "alice-at-contoso",
    displayName: "Alice Martin",
    mail: "alice@fabrikam.com",
    userPrincipalName: "alice_fabrikam.com#EXT#@contoso.onmicrosoft.com",
    userType: "Guest",
    homeTenantId: "fabrikam",
  });
  assert.equal(bob.user("carlos-at-contoso")?.pending, true);
  // Another tenant's ids answer as ids that exist nowhere.
  for (const id of ["alice", "bob-at-fabrikam", "no-such-user"]) assert.equal(bob.user(id), null, id);
  assert.deepEqual(
    [bob.group("sales")?.isOwner, bob.group("leadership")?.isMember, bob.group("fab-partners")],
    [true, true, null],
  );
  assert.equal(bob.app("expenses")?.isOwner, true);
  assert.equal(bob.app("fab-crm"), null);
  assert.deepEqual(bob.tenant("contoso"), { id: "contoso", displayName: "Contoso", cloud: "global" });
  assert.equal(bob.tenant("fabrikam"), null);
});

test("a guest with limited access cannot enumerate people by id, and sees their home tenant", () => {
  const alice = dir.signIn({ tenantId: "contoso", user: "alice-at-contoso" });
  assert.equal(alice.user("alice-at-contoso")?.displayName, "Alice Martin");
  const members = world.users.filter((u) => u.tenantId === "contoso" && u.id !== "alice-at-contoso");
  assert.ok(members.length > 100);
  assert.deepEqual(members.map((u) => alice.user(u.id)).filter((u) => u !== null), []);
  assert.equal(alice.group("sales")?.isMember, true);
  assert.equal(alice.group("leadership"), null);
  assert.equal(alice.tenant("fabrikam")?.displayName, "Fabrikam");
  assert.equal(alice.tenant("northwind"), null);
});

test("session.flows() lists the flows the person holds a role on, with the role check answers", () => {
  const alice = dir.signIn({ tenantId: "contoso", user: "alice-at-contoso" });
  const flows = alice.flows();
  assert.deepEqual(
    flows.find((f) => f.id === "invoice-flow"),
    { id: "invoice-flow", displayName: "Invoice approval", trigger: "manual", enabled: true, role: "runOnly", via: ["sales"] },
  );
  assert.equal(flows.find((f) => f.id === "expense-report")?.role, "coOwner");
  for (const f of flows) {
    const decision = alice.check("run", f.id);
    assert.equal(decision.role, f.role, f.id);
    assert.deepEqual(decision.via, f.via, f.id);
  }
  // Only this tenant's flows, never another's.
  const tenantOf = new Map(world.flows.map((f) => [f.id, f.tenantId]));
  assert.ok(flows.every((f) => tenantOf.get(f.id) === "contoso"));
});

test("approval items carry the names of the people and groups the person may see", () => {
  const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
  const sent = bob.approvals({ box: "sent", status: "all" }).items.find((a) => a.id === "inv-42");
  assert.deepEqual(sent?.names, { "alice-at-contoso": "Alice Martin", bob: "Bob Kowalski" });
  // Alice, a limited guest, is not shown the name of a member she may not look up.
  const alice = dir.signIn({ tenantId: "contoso", user: "alice-at-contoso" });
  const received = alice.approvals({ status: "all" }).items;
  const inv = received.find((a) => a.id === "inv-42");
  assert.deepEqual(inv?.names, { "alice-at-contoso": "Alice Martin" });
  assert.equal(received.find((a) => a.id === "offsite-venue")?.names.sales, "Sales");
  for (const item of received) {
    for (const [id, name] of Object.entries(item.names)) assert.equal(alice.user(id)?.displayName ?? alice.group(id)?.displayName, name, id);
  }
});

for (const [tenantId, user] of [
  ["contoso", "bob"],
  ["contoso", "alice-at-contoso"],
  ["fabrikam", "bob-at-fabrikam"],
  ["northwind", "erik"],
]) {
  test(`${user}'s lookups from a view answer exactly as on the whole directory`, () => {
    const full = dir.signIn({ tenantId, user });
    const view = Directory.fromView(dir.viewFor({ tenantId, user }));
    assert.deepEqual(lookups(view), lookups(full));
  });
}

test("a lookup id that is not text is INVALID_VALUE; the whole directory's records are the world JSON's", () => {
  const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
  for (const method of ["user", "group", "app", "tenant"]) {
    assert.throws(
      () => bob[method](42),
      (e) => e instanceof GuestPassError && e.code === "INVALID_VALUE" && e.details.field === "id",
      method,
    );
  }
  assert.deepEqual(dir.user("bob"), world.users.find((u) => u.id === "bob"));
  assert.deepEqual(dir.group("sales"), world.groups.find((g) => g.id === "sales"));
  assert.deepEqual(dir.app("expenses"), world.apps.find((a) => a.id === "expenses"));
  assert.deepEqual(dir.tenant("fabrikam"), world.tenants.find((t) => t.id === "fabrikam"));
  assert.deepEqual(dir.flow("invoice-flow"), world.flows.find((f) => f.id === "invoice-flow"));
  assert.equal(dir.user("no-such-user"), null);
  assert.throws(() => dir.user(7), (e) => e instanceof GuestPassError && e.code === "INVALID_VALUE");
});
