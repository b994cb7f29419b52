// Adversarial checks from issue 21, kept as tests so they stay fixed. Each helper's cases
// live in their own `describe` block; append yours in a block of your own.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Directory, GuestPassError, PeopleIndex } from "guestpass";

const fixture = () =>
  JSON.parse(readFileSync(new URL("../fixtures/world.json", import.meta.url), "utf8"));

/** The GuestPassError `call` throws (it must throw one). */
function thrown(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof GuestPassError, `${error?.constructor?.name}: ${error?.message}`);
    return error;
  }
  assert.fail("expected a GuestPassError");
}

describe("issue 21.2-21.4: ambiguous addresses, limits, duplicate keys (world JSON)", () => {
  const bob = () => fixture().users.find((u) => u.id === "bob");
  const member = (id, upn, mail) => ({ ...bob(), id, userPrincipalName: upn, mail });

  test("an address that is the mail of two users signs in nobody, whatever the history", () => {
    const first = member("ann1", "ann1@contoso.com", "ann@contoso.com");
    const second = member("ann2", "ann2@contoso.com", "Ann@Contoso.com");
    for (const pair of [[first, second], [second, first]]) {
      const world = fixture();
      world.users.push(...pair);
      const dir = Directory.fromJSON(world);
      const err = thrown(() => dir.signIn({ tenantId: "contoso", user: "ann@contoso.com" }));
      assert.equal(err.code, "AMBIGUOUS_USER");
      assert.deepEqual(err.details, { user: "ann@contoso.com", tenantId: "contoso" });
      assert.match(err.message, /object id or userPrincipalName/);
      const again = Directory.fromJSON(dir.toJSON());
      assert.equal(thrown(() => again.signIn({ tenantId: "contoso", user: "ann@contoso.com" })).code, "AMBIGUOUS_USER");
      dir.upsertUser({ ...pair[0], displayName: "Renamed" });
      assert.equal(thrown(() => dir.signIn({ tenantId: "contoso", user: "ann@contoso.com" })).code, "AMBIGUOUS_USER");
      assert.equal(dir.signIn({ tenantId: "contoso", user: "ann1" }).whoami().userId, "ann1");
      assert.equal(dir.signIn({ tenantId: "contoso", user: "ann2@contoso.com" }).whoami().userId, "ann2");
      dir.upsertUser({ ...second, mail: "ann.two@contoso.com" });
      assert.equal(dir.signIn({ tenantId: "contoso", user: "ann@contoso.com" }).whoami().userId, "ann1");
    }
  });

  /** `LIMIT_EXCEEDED` from loading `world`, naming `path`. */
  function limitAt(world, path) {
    const err = thrown(() => Directory.fromJSON(world));
    assert.equal(err.code, "LIMIT_EXCEEDED", err.message);
    assert.ok(err.details.what.startsWith(path), `${err.details.what} should name ${path}`);
  }

  test("licences, groupTypes, enabledClouds and partners are bounded, named by their path", () => {
    const huge = "x".repeat(10_000_000);
    let world = fixture();
    world.users.find((u) => u.id === "bob").licenses = ["office365", huge];
    limitAt(world, "users[bob].licenses[1]");
    world = fixture();
    world.groups[0].groupTypes = Array(9).fill("Unified");
    limitAt(world, "groups[sales].groupTypes");
    world = fixture();
    world.groups[0].groupTypes = [huge];
    limitAt(world, "groups[sales].groupTypes[0]");
    world = fixture();
    world.tenants[0].settings.enabledClouds = Array(1000).fill("global");
    limitAt(world, "tenants[contoso].settings.enabledClouds");
    world = fixture();
    world.tenants[0].settings.crossTenantAccess.partners = Object.fromEntries(
      Array.from({ length: 100_001 }, (_, i) => [`p${i}`, {}]),
    );
    limitAt(world, "tenants[contoso].settings.crossTenantAccess.partners");
    world = fixture();
    world.tenants[0].settings.crossTenantAccess.partners = { ["k".repeat(100_000)]: {} };
    limitAt(world, "a key of tenants[contoso].settings.crossTenantAccess.partners");
  });

  test("a partner naming no tenant is a DANGLING_REFERENCE, and an upsert changes nothing", () => {
    const world = fixture();
    world.tenants[0].settings.crossTenantAccess.partners.atlantis = { inbound: true };
    assert.equal(thrown(() => Directory.fromJSON(world)).code, "DANGLING_REFERENCE");
    const dir = Directory.fromJSON(fixture());
    const before = dir.toJSONString();
    const contoso = dir.toJSON().tenants.find((t) => t.id === "contoso");
    contoso.settings.crossTenantAccess.partners.atlantis = {};
    const err = thrown(() => dir.upsertTenant(contoso));
    assert.equal(err.code, "DANGLING_REFERENCE");
    assert.deepEqual(err.details, { from: "contoso", field: "settings.crossTenantAccess.partners", to: "atlantis" });
    assert.equal(dir.toJSONString(), before);
  });

  test("a key written twice in world JSON is refused with its path", () => {
    const text = JSON.stringify(fixture()).replace(
      '"partners":{',
      '"partners":{"woodgrove":{"inbound":false},"woodgrove":{"inbound":true},',
    );
    const err = thrown(() => Directory.fromJSON(text));
    assert.equal(err.code, "INVALID_INPUT");
    assert.equal(err.details.field, "tenants[0].settings.crossTenantAccess.partners.woodgrove");
    assert.match(err.message, /duplicate key `woodgrove`/);
    const field = JSON.stringify(fixture()).replace('"id":"bob",', '"id":"bob","id":"bob2",');
    const again = thrown(() => Directory.fromJSON(field));
    assert.equal(again.details.field, "users[2].id");
  });

  test("a people-index text over the limit is LIMIT_EXCEEDED, as in the directory", () => {
    const index = PeopleIndex.from([]);
    const err = thrown(() => index.upsert({ id: "a", displayName: "x".repeat(1025) }));
    assert.equal(err.code, "LIMIT_EXCEEDED");
    assert.ok(err.details.what.startsWith("records[0].displayName"), err.details.what);
    assert.equal(thrown(() => index.upsert({ id: "i".repeat(257), displayName: "I" })).code, "LIMIT_EXCEEDED");
    assert.equal(index.size, 0);
  });
});
