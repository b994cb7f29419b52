// session.search's packed path (plain options: results cut from text and numbers) answers
// exactly what its JSON path answers (options it does not take — here a `null` connector,
// which means none — go that way), for members, guests, every filter and odd characters;
// and guests' results name their home tenant.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Directory } from "guestpass";

const dir = Directory.sample({ users: 1500, seed: 5 });
const world = dir.toJSON();
const usersOf = (tenantId) => world.users.filter((u) => u.tenantId === tenantId);
const users = usersOf("contoso");
const queries = ["a", "al", "ali", "alice m", "bob", "s", "mü", "李", "o'b", "lee a", "x", "@", "contoso.com", "alice@fabrikam.com", "zz qq", " "];
for (const u of users.slice(0, 40)) queries.push(u.displayName.slice(0, 4), (u.mail ?? "").split("@")[0]);

const viaJson = (options) => ({ ...options, connector: null });

// A member, a guest with limited access (contoso), a guest of a sameAsMember tenant (fabrikam).
for (const [tenantId, who, least] of [["contoso", "bob", 100], ["contoso", "alice-at-contoso", 1], ["fabrikam", "bob-at-fabrikam", 100]]) {
  test(`${who}: the packed path answers as the JSON path`, () => {
    const s = dir.signIn({ tenantId, user: who });
    const group = world.groups.find((g) => g.tenantId === tenantId);
    const users = usersOf(tenantId);
    const optionsList = [
      undefined,
      { limit: 3 },
      { limit: 100, userType: "guest" },
      { userType: "member", exclude: users.slice(0, 30).map((u) => u.id) },
      { groupId: group.id },
    ];
    let compared = 0;
    for (const q of queries) {
      for (const options of optionsList) {
        const packed = s.search(q, options);
        const json = s.search(q, viaJson(options));
        assert.deepStrictEqual(packed, json, `${who} ${JSON.stringify(q)} ${JSON.stringify(options)}`);
        assert.equal(JSON.stringify(packed), JSON.stringify(json), "same properties in the same order");
        compared += packed.items.length;
      }
    }
    assert.ok(compared >= least, `compared ${compared} results`);
    s.free();
  });
}

test("a guest's result carries the home tenant's name beside its id", () => {
  const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
  const alice = bob.search("alice martin").items.find((i) => i.id === "alice-at-contoso");
  assert.equal(alice.homeTenantId, "fabrikam");
  assert.equal(alice.homeTenantName, world.tenants.find((t) => t.id === "fabrikam").displayName);
  bob.free();
});

test("fields are cut by length, whatever characters they hold", () => {
  const d = Directory.fromJSON({
    tenants: [{ id: "t", displayName: "T", initialDomain: "t.onmicrosoft.com" }],
    users: [
      { id: "odd\u001fid", tenantId: "t", displayName: "Zoë \u001e😀 Ünal", userPrincipalName: "zoe@t.com", jobTitle: "", mail: "zoë@t.com" },
      { id: "me", tenantId: "t", displayName: "Me", userPrincipalName: "me@t.com" },
    ],
  });
  const s = d.signIn({ tenantId: "t", user: "me" });
  const found = s.search("zoe");
  assert.deepStrictEqual(found, s.search("zoe", { connector: null }));
  assert.equal(found.items[0].id, "odd\u001fid");
  assert.equal(found.items[0].displayName, "Zoë \u001e😀 Ünal");
  assert.equal(found.items[0].jobTitle, "");
  s.free();
  d.free();
});
