// The third state through the built package (the native cases are tests/home_facts.rs, on
// the same world, tests/fixtures/home_facts.json): what a resource tenant cannot see about
// a guest's home is `outcome: "unknown"` with the fact named, never a false "no", and a
// fact supplied at sign-in (`homeFacts`) makes the answer certain. Rules: Power Automate
// "Support for guest users"; Entra "Cross-tenant access overview".
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Directory, GuestPassError } from "guestpass";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/home_facts.json", import.meta.url), "utf8"));
const NOW = "2026-11-23T10:00:00Z";

function directory(contosoSettings = {}) {
  const world = structuredClone(fixture);
  world.tenants[0].settings = contosoSettings;
  const dir = Directory.fromJSON(world);
  dir.setClock(NOW);
  return dir;
}

/** `[outcome, code]` of features().runFlows, which features().approvals must equal. */
function runFlows(session) {
  const f = session.features();
  assert.deepEqual(f.approvals, f.runFlows, "one rule for every capability");
  assert.equal(f.runFlows.allowed, f.runFlows.outcome === "allowed");
  return [f.runFlows.outcome, f.runFlows.code];
}

function thrown(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof GuestPassError, String(error));
    return error;
  }
  assert.fail("the call should have thrown");
}

test("a guest whose home is not loaded is unknown, not refused", () => {
  const dir = directory();
  const pat = dir.signIn({ tenantId: "contoso", user: "pat" });
  assert.deepEqual(runFlows(pat), ["unknown", "HOME_OUTBOUND_UNKNOWN"]);
  const c = pat.collaboration();
  assert.equal(c.allowed, false);
  assert.equal(c.outcome, "unknown");
  assert.deepEqual(c.blockers, []);
  assert.deepEqual(c.unknown.map((u) => [u.code, u.fact]), [["HOME_OUTBOUND_UNKNOWN", "outboundAllowed"]]);
  const kim = dir.signIn({ tenantId: "contoso", user: "kim" });
  assert.deepEqual(runFlows(kim), ["unknown", "HOME_OUTBOUND_UNKNOWN"]);
  assert.equal(kim.features().license, "thisTenant");
  const lee = dir.signIn({ tenantId: "contoso", user: "lee" });
  assert.deepEqual(runFlows(lee), ["unknown", "HOME_LICENSE_UNKNOWN"]);
  assert.equal(lee.collaboration().outcome, "allowed");
});

test("supplied facts make the answer certain; what the directory holds wins", () => {
  const dir = directory();
  const signIn = (user, homeFacts) => dir.signIn({ tenantId: "contoso", user, homeFacts });
  assert.deepEqual(runFlows(signIn("pat", { outboundAllowed: true })), ["unknown", "HOME_LICENSE_UNKNOWN"]);
  const pat = signIn("pat", { outboundAllowed: true, licensed: true });
  assert.deepEqual(runFlows(pat), ["allowed", undefined]);
  assert.equal(pat.features().license, "homeTenant");
  assert.deepEqual(runFlows(signIn("pat", { licensed: false })), ["denied", "NO_LICENSE"]);
  assert.deepEqual(runFlows(signIn("lee", { licensed: true })), ["allowed", undefined]);
  assert.deepEqual(runFlows(signIn("alice", { licensed: false, outboundAllowed: false })), ["allowed", undefined]);
  assert.equal(thrown(() => signIn("pat", { outboundAllowed: false })).code, "COLLABORATION_BLOCKED");
  const wrongHome = thrown(() => signIn("alice", { tenantId: "northwind" }));
  assert.equal(wrongHome.code, "INVALID_VALUE");
  assert.equal(wrongHome.details.field, "homeFacts.tenantId");
  assert.equal(thrown(() => signIn("pat", { licenced: true })).code, "UNKNOWN_FIELD");
  // An account with no Entra home: no home licence, cross-tenant settings do not apply.
  assert.deepEqual(runFlows(signIn("kim", { entraHome: false })), ["allowed", undefined]);
  assert.deepEqual(runFlows(signIn("pat", { entraHome: false })), ["denied", "NO_LICENSE"]);
  assert.equal(thrown(() => signIn("lee", { entraHome: false })).code, "INVALID_VALUE");
});

test("partner entries that differ make the home tenant itself unknown", () => {
  const dir = directory({ crossTenantAccess: { partners: { northwind: { inbound: false } } } });
  const signIn = (homeFacts) => dir.signIn({ tenantId: "contoso", user: "kim", homeFacts });
  assert.deepEqual(runFlows(signIn({ outboundAllowed: true })), ["unknown", "HOME_TENANT_UNKNOWN"]);
  assert.deepEqual(runFlows(signIn({ outboundAllowed: true, tenantId: "adatum" })), ["allowed", undefined]);
  assert.equal(thrown(() => signIn({ outboundAllowed: true, tenantId: "northwind" })).code, "COLLABORATION_BLOCKED");
});

test("check and checkMany say unknown only when nothing certain says no", () => {
  const dir = directory();
  const pat = dir.signIn({ tenantId: "contoso", user: "pat" });
  const run = pat.check("run", "invoices");
  assert.equal(run.allowed, false);
  assert.equal(run.outcome, "unknown");
  assert.equal(run.code, "HOME_OUTBOUND_UNKNOWN");
  assert.equal(run.role, "runOnly");
  assert.match(run.message, /homeFacts\.outboundAllowed/);
  assert.deepEqual([pat.check("edit", "invoices").outcome, pat.check("edit", "invoices").code], ["denied", "RUN_ONLY_CANNOT_EDIT"]);
  assert.deepEqual([pat.check("run", "nightly").outcome, pat.check("run", "nightly").code], ["denied", "FLOW_TURNED_OFF"]);
  assert.deepEqual(pat.allowedActions("invoices"), []);
  const many = pat.checkMany([
    { id: 1, action: "run", flowId: "invoices" },
    { id: 2, action: "edit", flowId: "invoices" },
  ]);
  assert.deepEqual(many.map((a) => ("error" in a ? a.error.code : [a.outcome, a.code])), [
    ["unknown", "HOME_OUTBOUND_UNKNOWN"],
    ["denied", "RUN_ONLY_CANNOT_EDIT"],
  ]);
  // The same answers the one-by-one path gives.
  assert.deepEqual({ ...many[0], id: undefined }, { ...run, id: undefined });
  const sure = dir.signIn({ tenantId: "contoso", user: "pat", homeFacts: { licensed: true, outboundAllowed: true } });
  assert.deepEqual([sure.check("run", "invoices").allowed, sure.check("run", "invoices").outcome], [true, "allowed"]);
  assert.deepEqual(sure.allowedActions("invoices"), ["run"]);
});

test("approvals say why they are blocked; notifications say when an approver cannot act", () => {
  const dir = directory();
  const lars = dir.signIn({ tenantId: "contoso", user: "lars" });
  assert.deepEqual(lars.approvals(), {
    items: [],
    blocked: { outcome: "denied", code: "NO_LICENSE", message: lars.features().approvals.message },
  });
  const pat = dir.signIn({ tenantId: "contoso", user: "pat" });
  const { items, blocked } = pat.approvals();
  assert.deepEqual(items, []);
  assert.deepEqual([blocked.outcome, blocked.code], ["unknown", "HOME_OUTBOUND_UNKNOWN"]);
  const before = dir.toJSONString();
  const refusal = thrown(() => pat.respond("po-1", "Approve"));
  assert.equal(refusal.code, "HOME_OUTBOUND_UNKNOWN");
  assert.deepEqual(refusal.details, { id: "pat" });
  assert.match(refusal.message, /homeFacts\.outboundAllowed/);
  assert.equal(dir.toJSONString(), before);
  assert.deepEqual(
    dir.notifications("po-1").map((n) => [n.userId, n.blocked?.outcome, n.blocked?.code]),
    [
      ["pat", "unknown", "HOME_OUTBOUND_UNKNOWN"],
      ["lars", "denied", "NO_LICENSE"],
      ["bob", undefined, undefined],
    ],
  );
  const sure = dir.signIn({ tenantId: "contoso", user: "pat", homeFacts: { licensed: true, outboundAllowed: true } });
  assert.deepEqual(sure.approvals().items.map((a) => a.id), ["po-1"]);
  assert.equal(sure.respond("po-1", "Approve").responses.length, 1);
});

test("a world that holds both tenants answers with certainty", () => {
  const dir = Directory.sample({ users: 300 });
  const world = dir.toJSON();
  let certain = 0;
  for (const user of world.users.filter((u) => u.userType === "Guest" && u.homeUserId && u.externalUserState === "Accepted")) {
    let s;
    try {
      s = dir.signIn({ tenantId: user.tenantId, user: user.id });
    } catch (error) {
      assert.equal(error.code, "COLLABORATION_BLOCKED", user.id);
      continue;
    }
    assert.notEqual(s.features().runFlows.outcome, "unknown", user.id);
    certain++;
  }
  assert.ok(certain > 10, `${certain}`);
  for (const [resource, home] of [["contoso", "fabrikam"], ["contoso", "woodgrove"]]) {
    const c = dir.collaboration(resource, home);
    assert.notEqual(c.outcome, "unknown");
    assert.equal(c.unknown, undefined);
  }
});

// Entra cross-tenant access settings, "Applies to": a partner rule may cover only some
// users, groups or applications. Where the directory cannot tell whether it covers the
// guest, the answer is TARGETED_RULE_UNKNOWN (tests/sources_import.rs has the native cases).
const targeted = (targets) => ({
  crossTenantAccess: {
    partners: {
      fabrikam: {
        inbound: true,
        inboundTargets: {
          usersAndGroups: [],
          usersAndGroupsAllowed: true,
          applications: [],
          applicationsAllowed: true,
          ...targets,
        },
      },
    },
  },
});

test("a partner rule naming people the directory cannot match is unknown until told", () => {
  const dir = directory(targeted({ usersAndGroups: ["alice-home"] }));
  const alice = dir.signIn({ tenantId: "contoso", user: "alice" });
  assert.equal(alice.collaboration().outcome, "allowed", "her home user is named");
  const lee = dir.signIn({ tenantId: "contoso", user: "lee" });
  const c = lee.collaboration();
  assert.equal(c.outcome, "unknown");
  assert.deepEqual(c.unknown.map((u) => [u.code, u.fact]), [["TARGETED_RULE_UNKNOWN", "targetedRulesAllow"]]);
  const told = (targetedRulesAllow) => dir.signIn({ tenantId: "contoso", user: "lee", homeFacts: { targetedRulesAllow } });
  assert.equal(told(true).collaboration().outcome, "allowed");
  // Told the rule does not let him in, he is refused at sign-in, naming the fact, as a
  // person the rule leaves out is (Entra "Cross-tenant access settings").
  const no = thrown(() => told(false));
  assert.equal(no.code, "COLLABORATION_BLOCKED");
  assert.match(no.message, /homeFacts\.targetedRulesAllow/);
  assert.equal(thrown(() => dir.signIn({ tenantId: "contoso", user: "lee", homeFacts: { targetedRulesAllow: "yes" } })).code, "INVALID_VALUE");
});

test("a partner rule for some applications is decided for Power Automate, not at sign-in", () => {
  const dir = directory(targeted({ applications: ["00000000-0000-0000-0000-0000000000aa"] }));
  // Signing in to the widget's host names no application: not refused.
  const alice = dir.signIn({ tenantId: "contoso", user: "alice" });
  const c = alice.collaboration();
  assert.equal(c.outcome, "denied", "Power Automate is not among the applications");
  assert.deepEqual(c.blockers.map((b) => b.setting), ["crossTenantAccess.partners.fabrikam.inboundTargets.applications"]);
  const pa = directory(targeted({ applications: ["7df0a125-d3be-4c96-aa54-591f83ff541c"] }));
  assert.equal(pa.signIn({ tenantId: "contoso", user: "alice" }).collaboration().outcome, "allowed");
});
