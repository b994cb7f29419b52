// Views through the built package: dir.viewFor on the "server", Directory.fromView in the
// "browser"; the view's session answers as a session on the whole directory, refuses
// changes with VIEW_READ_ONLY, and another tenant's ids answer as ids that exist nowhere.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Directory, GuestPassError } from "guestpass";

const dir = Directory.sample({ users: 300, seed: 9 });
dir.setClock("2026-11-23T10:00:00Z");

function code(call) {
  try {
    call();
  } catch (e) {
    assert.ok(e instanceof GuestPassError, String(e));
    return e.code;
  }
  return null;
}

const flows = dir.toJSON().flows.map((f) => f.id).concat(["no-such-flow"]);

for (const [tenantId, user] of [
  ["contoso", "bob"],
  ["contoso", "alice-at-contoso"],
  ["fabrikam", "bob-at-fabrikam"],
  ["woodgrove", "alice-at-woodgrove"],
]) {
  test(`${user}'s view answers as the whole directory`, () => {
    const bytes = dir.viewFor({ tenantId, user });
    assert.ok(bytes instanceof Uint8Array);
    const full = dir.signIn({ tenantId, user });
    const view = Directory.fromView(bytes);
    assert.deepEqual(view.whoami(), full.whoami());
    assert.deepEqual(view.features(), full.features());
    for (const flowId of flows) {
      const a = code(() => full.allowedActions(flowId)) ?? full.allowedActions(flowId);
      const b = code(() => view.allowedActions(flowId)) ?? view.allowedActions(flowId);
      assert.deepEqual(b, a, flowId);
      const items = ["run", "edit", "share"].map((action) => ({ id: action, action, flowId }));
      assert.deepEqual(view.checkMany(items), full.checkMany(items), flowId);
    }
    for (const q of ["bob@contoso.com", "alice@fabrikam.com", "an", "Kowalski"]) {
      assert.deepEqual(view.search(q), full.search(q), q);
    }
    assert.deepEqual(view.approvals({ box: "received", status: "all" }), full.approvals({ box: "received", status: "all" }));
    assert.deepEqual(view.myApps(), full.myApps());
    assert.equal(code(() => view.requestToJoin("sales")), "VIEW_READ_ONLY");
  });
}

test("fromView refuses a snapshot and damaged bytes", () => {
  assert.equal(code(() => Directory.fromView(dir.toBytes())), "VIEW_NOT_RECOGNIZED");
  const bytes = dir.viewFor({ tenantId: "contoso", user: "bob" });
  bytes[bytes.length >> 1] ^= 1;
  assert.equal(code(() => Directory.fromView(bytes)), "SNAPSHOT_CHECKSUM_MISMATCH");
  assert.equal(code(() => Directory.fromView("nope")), "INVALID_VALUE");
});

test("another tenant's flow answers exactly as an id that exists nowhere", () => {
  const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
  const fabrikamFlow = dir.toJSON().flows.find((f) => f.tenantId === "fabrikam").id;
  for (const call of [
    (id) => bob.check("run", id),
    (id) => bob.allowedActions(id),
  ]) {
    assert.equal(code(() => call(fabrikamFlow)), "UNKNOWN_FLOW");
    assert.equal(code(() => call("made-up-flow")), "UNKNOWN_FLOW");
  }
  const [a, b] = bob.checkMany([
    { id: "a", action: "run", flowId: fabrikamFlow },
    { id: "b", action: "run", flowId: "made-up-flow" },
  ]);
  assert.equal(a.error.code, b.error.code);
  assert.equal(code(() => bob.search("a", { groupId: "fab-partners" })), "UNKNOWN_GROUP");
});
