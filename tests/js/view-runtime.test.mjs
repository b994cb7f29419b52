// The view runtime (`guestpass/view`, pkg/view/): a view the full entry wrote answers the
// same from the runtime's fromView as from the full entry's Directory.fromView, for every
// person of a sample world and every read the session offers; the runtime refuses
// changes with VIEW_READ_ONLY and holds nothing but the reading part of the API.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Directory, version } from "guestpass";
import * as runtime from "guestpass/view";

const dir = Directory.sample({ users: 200, seed: 17 });
dir.setClock("2026-11-23T10:00:00Z");
const world = dir.toJSON();

/** The answer of `call`, or the code of the GuestPassError it threw (of either entry). */
function answer(call) {
  try {
    return { value: call() };
  } catch (e) {
    assert.equal(e?.name, "GuestPassError", String(e));
    return { code: e.code };
  }
}

const flowIds = world.flows.map((f) => f.id).concat(["no-such-flow"]);
const appIds = world.apps.map((a) => a.id).slice(0, 6).concat(["no-such-app"]);
const queries = ["a", "an", "bob@contoso.com", "alice@fabrikam.com", "Kowalski", "zz-nobody"];

/** Every read of a session, as one comparable value. */
function reads(s) {
  return {
    whoami: answer(() => s.whoami()),
    features: answer(() => s.features()),
    collaboration: answer(() => s.collaboration()),
    search: queries.map((q) => answer(() => s.search(q, { limit: 20 }))),
    guests: answer(() => s.search("a", { userType: "guest" })),
    actions: flowIds.map((id) => answer(() => s.allowedActions(id))),
    checks: answer(() => s.checkMany(flowIds.slice(0, 12).map((flowId, i) => ({ id: `c${i}`, action: "run", flowId })))),
    check: answer(() => s.check("edit", flowIds[0])),
    received: answer(() => s.approvals({ box: "received", status: "all" })),
    sent: answer(() => s.approvals({ box: "sent", status: "all" })),
    myApps: answer(() => s.myApps()),
    groupsIOwn: answer(() => s.groupsIOwn()),
    joinRequests: answer(() => s.joinRequests({ box: "mine" })),
    toDecide: answer(() => s.joinRequests()),
    appLinks: appIds.map((id) => answer(() => s.appLinkFor(id, "alice@fabrikam.com"))),
    flows: answer(() => s.flows()),
    users: ["bob", "alice-at-contoso", "alice", "no-such-user"].map((id) => answer(() => s.user(id))),
    groups: ["sales", "leadership", "no-such-group"].map((id) => answer(() => s.group(id))),
    apps: appIds.map((id) => answer(() => s.app(id))),
    tenants: ["contoso", "fabrikam", "nowhere"].map((id) => answer(() => s.tenant(id))),
  };
}

test("every person's view answers the same from guestpass/view as from the full entry", () => {
  let compared = 0;
  for (const user of world.users) {
    let bytes;
    try {
      bytes = dir.viewFor({ tenantId: user.tenantId, user: user.id });
    } catch {
      continue; // refused as signIn refuses (pending, disabled, blocked): no view to read
    }
    const full = Directory.fromView(bytes);
    const light = runtime.fromView(bytes);
    assert.deepEqual(reads(light), reads(full), `${user.tenantId}/${user.id}`);
    full.free();
    light.free();
    compared++;
  }
  assert.ok(compared > 100, `compared ${compared} people`);
});

test("wrong options are refused by the runtime with the full entry's code, message and field", () => {
  // The runtime reads option objects without serde_json (wasm/src/options.rs); its errors
  // must read as the full entry's, which come from serde.
  const bytes = dir.viewFor({ tenantId: "contoso", user: "bob" });
  const full = Directory.fromView(bytes);
  const light = runtime.fromView(bytes);
  const refusal = (call) => {
    try {
      return { value: call() };
    } catch (e) {
      return { code: e.code, message: e.message, details: e.details };
    }
  };
  const values = [5, -5, 0, 1.5, 0.1, 1e21, -1e20, 2 ** 64, -(2 ** 63), 1e-7, 123456.789, true, null, "x", "sent", "",
    'a"b\\c\n\u0001é\u{1F600}\u200b', [], ["sent"], [1, 2], {}, { sent: null }, { sent: 1 }, { sent: [1] }, { sent: {} },
    { sent: null, mine: null }, { nope: null }, { 'q"k': null }, { toDecide: null }, { received: null }, { any: null },
    { guest: null }, { all: null }, new Date(0), NaN, Infinity, undefined];
  const calls = [];
  for (const v of values) {
    calls.push((s) => s.approvals({ box: v }), (s) => s.approvals({ status: v }), (s) => s.joinRequests({ box: v }));
    calls.push((s) => s.search("a", { userType: v }), (s) => s.search("a", { connector: v }));
    calls.push((s) => s.search("a", { groupId: v }), (s) => s.search("a", { exclude: v }));
    calls.push((s) => s.search("a", { exclude: ["x", v] }), (s) => s.search("a", { limit: 3, userType: "x", exclude: [v] }));
    // Text is JSON text there, compared below.
    if (typeof v !== "string") calls.push((s) => s.approvals(v), (s) => s.joinRequests(v));
  }
  for (const o of [{ foo: 1 }, { box: 5, foo: 1 }, { foo: 1, box: 5 }, { 'a"b': 1 }, { "a.b\n": 1 }, { 2: 1, box: "x" },
    { "x`, y": 1 }, { box: "sent", status: "all", extra: undefined }, { toJSON: () => ({ box: "sent" }) },
    { toJSON: () => 5 }, { toJSON: () => "x" }, { f() {} }, { box: Symbol("s") }, Symbol("x"), () => 1, 10n,
    { box: 10n }, Object.create(null), new Map([["box", "sent"]]), { box: "mine", status: "all" },
    // Search options the packed path leaves to the JSON one, answered (the runtime packs them too).
    { limit: 5, toJSON: undefined }, { userType: "guest", exclude: ["bob"], extra: undefined }, { limit: null },
    { connector: null, groupId: null }, { userType: { guest: null } }, { userType: "member", groupId: "sales", x: undefined }]) {
    calls.push((s) => s.approvals(o), (s) => s.joinRequests(o), (s) => s.search("a", o));
  }
  for (const call of calls) {
    assert.deepEqual(refusal(() => call(light)), refusal(() => call(full)), String(call));
  }
  // Options as JSON text (which no method documents): the same answers and codes; the
  // runtime's messages name no line and column.
  for (const text of ['{"box":"sent"}', '{"box":5}', '{"box":"x"}', "nope", "", "x", "sent", " [1]"]) {
    const [a, b] = [refusal(() => light.approvals(text)), refusal(() => full.approvals(text))];
    assert.deepEqual([a.code, a.value], [b.code, b.value], text);
  }
  full.free();
  light.free();
});

test("the runtime refuses changes with VIEW_READ_ONLY and bad bytes as the full entry does", () => {
  const bytes = dir.viewFor({ tenantId: "contoso", user: "bob" });
  const s = runtime.Directory.fromView(bytes);
  for (const change of [
    () => s.share(flowIds[0], { principal: "alice-at-contoso", role: "runOnly" }),
    () => s.unshare(flowIds[0], "alice-at-contoso"),
    () => s.respond("a1", "Approve"),
    () => s.reassign("a1", "bob"),
    () => s.cancel("a1"),
    () => s.inviteToGroup("sales", { email: "x@example.com" }),
    () => s.requestToJoin("sales"),
    () => s.decideJoinRequest("r1", true),
    () => s.removeFromGroup("sales", "bob"),
    () => s.requestAppAccess("expenses"),
    () => s.inviteToApp("expenses", { email: "x@example.com" }),
  ]) {
    assert.equal(answer(change).code, "VIEW_READ_ONLY", String(change));
  }
  s.free();
  assert.equal(answer(() => s.whoami()).code, "OBJECT_FREED");
  assert.equal(answer(() => runtime.fromView(dir.toBytes())).code, "VIEW_NOT_RECOGNIZED");
  const damaged = bytes.slice();
  damaged[damaged.length >> 1] ^= 1;
  assert.equal(answer(() => runtime.fromView(damaged)).code, "SNAPSHOT_CHECKSUM_MISMATCH");
  assert.equal(answer(() => runtime.fromView("nope")).code, "INVALID_VALUE");
  let thrown;
  try {
    runtime.fromView(new Uint8Array([1, 2, 3]));
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof runtime.GuestPassError, "the runtime's errors are its GuestPassError");
});

test("the runtime exports the reading API only", () => {
  assert.deepEqual(Object.keys(runtime).sort(), ["Directory", "GuestPassError", "Session", "fromView", "fromViewParts", "loadViewParts", "version"]);
  assert.deepEqual(Object.keys(runtime.Directory), ["fromView", "fromViewParts", "loadViewParts"]);
  assert.equal(runtime.version(), version());
});
