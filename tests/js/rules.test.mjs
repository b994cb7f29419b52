// The rules of issue 16 that follow Microsoft's documents, through the built package: the
// same decisions as tests/documented_rules.rs and tests/approvals.rs, each test naming the
// document it pins. The world is the sample (its module docs list the objects).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Directory, GuestPassError } from "guestpass";

const sample = () => Directory.sample({ users: 300, seed: 7 });

/** Runs a call that must throw a GuestPassError; checks nothing changed; returns the code. */
function refused(dir, call) {
  const before = dir.toJSONString();
  let code = null;
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof GuestPassError, String(error));
    code = error.code;
  }
  assert.notEqual(code, null, "the call should have thrown");
  assert.equal(dir.toJSONString(), before, "a refused call changed the directory");
  return code;
}

const codes = (verdict) => verdict.blockers.map((b) => [b.tenantId, b.code]);

test('across clouds both tenants enable the other cloud and add the other (Entra "Enable B2B collaboration across Microsoft clouds")', () => {
  const dir = sample();
  assert.equal(dir.collaboration("contoso", "tailspin").allowed, true);
  assert.equal(dir.collaboration("tailspin", "contoso").allowed, true);
  assert.deepEqual(codes(dir.collaboration("tailspin", "fabrikam")), [
    ["tailspin", "PARTNER_NOT_ADDED"],
    ["fabrikam", "CLOUD_NOT_ENABLED"],
    ["fabrikam", "PARTNER_NOT_ADDED"],
  ]);
  // US Government and 21Vianet never pair.
  const pair = Directory.fromJSON({
    tenants: [
      { id: "gov", displayName: "Gov", cloud: "usgov", initialDomain: "gov.onmicrosoft.us",
        settings: { enabledClouds: ["china"], crossTenantAccess: { partners: { cn: {} } } } },
      { id: "cn", displayName: "CN", cloud: "china", initialDomain: "cn.partner.onmschina.cn",
        settings: { enabledClouds: ["usgov"], crossTenantAccess: { partners: { gov: {} } } } },
    ],
  });
  assert.deepEqual(codes(pair.collaboration("gov", "cn")), [["gov", "CLOUDS_NOT_PAIRED"]]);
});

test("a guest from another cloud signs in by UPN, not by another mail (Entra cross-cloud settings)", () => {
  const dir = sample();
  assert.equal(dir.signIn({ tenantId: "contoso", user: "zoe@tailspintoys.us" }).userId, "zoe-at-contoso");
  const zoe = dir.toJSON().users.find((u) => u.id === "zoe-at-contoso");
  dir.upsertUser({ ...zoe, mail: "zoe.dubois@tailspintoys.us" });
  assert.equal(refused(dir, () => dir.signIn({ tenantId: "contoso", user: "zoe.dubois@tailspintoys.us" })), "UPN_REQUIRED");
});

test('a pending guest redeems at first sign-in, where collaboration allows (Entra "B2B collaboration invitation redemption")', () => {
  const dir = sample();
  const carlos = dir.signIn({ tenantId: "contoso", user: "carlos@fabrikam.com" });
  assert.equal(carlos.userId, "carlos-at-contoso");
  assert.equal(dir.toJSON().users.find((u) => u.id === "carlos-at-contoso").externalUserState, "Accepted");
  const hana = dir.toJSON().users.find((u) => u.id === "hana-at-contoso");
  dir.upsertUser({ ...hana, externalUserState: "PendingAcceptance" });
  assert.equal(refused(dir, () => dir.signIn({ tenantId: "contoso", user: "hana-at-contoso" })), "COLLABORATION_BLOCKED");
});

test('requireApproval is honoured, and the self-service group is a security group (Entra "Enable self-service application assignment")', () => {
  const dir = sample();
  const siobhan = dir.signIn({ tenantId: "contoso", user: "siobhan" });
  const asked = siobhan.requestAppAccess("expenses");
  assert.equal(asked.outcome, "pending");
  const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
  assert.equal(bob.decideJoinRequest(asked.requestId, true).status, "approved");
  assert.equal(refused(dir, () => siobhan.requestAppAccess("travel")), "SELF_SERVICE_NOT_CONFIGURED");
  const sales = dir.toJSON().groups.find((g) => g.id === "sales");
  dir.upsertGroup({ ...sales, securityEnabled: false });
  const lars = dir.signIn({ tenantId: "contoso", user: "lars" });
  assert.equal(refused(dir, () => lars.requestAppAccess("expenses")), "NOT_A_SECURITY_GROUP");
});

test('owners invite to the app itself, list the groups they own, and send direct links (Entra "How users in your organization can invite guest users to an app")', () => {
  const dir = sample();
  const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
  const sales = bob.groupsIOwn().find((g) => g.id === "sales");
  assert.deepEqual(sales.apps.map((a) => [a.id, a.selfService]), [["expenses", true]]);
  const invitation = bob.inviteToApp("expenses", { email: "eve@northwind.example" });
  assert.equal(invitation.groupId, "sales");
  assert.equal(invitation.status, "PendingAcceptance");
  const link = bob.appLinkFor("expenses", "alice@fabrikam.com");
  assert.deepEqual(link, {
    appId: "expenses",
    userId: "alice-at-contoso",
    link: "https://myapps.microsoft.com/signin/expenses?tenantId=contoso",
  });
  const ann = dir.signIn({ tenantId: "contoso", user: "ann" });
  assert.equal(refused(dir, () => ann.appLinkFor("expenses", "alice-at-contoso")), "NOT_APP_OWNER");
  assert.equal(refused(dir, () => bob.appLinkFor("expenses", "ann")), "NOT_A_GUEST");
  assert.equal(refused(dir, () => ann.inviteToApp("expenses", { email: "x@northwind.example" })), "NOT_APP_OWNER");
});

test('an invitation\'s redeem link carries a ticket its ids cannot make, on the hosts of the tenant\'s cloud (Microsoft Graph "Create invitation"; Entra "National clouds")', () => {
  const dir = sample();
  const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
  const { inviteRedeemUrl: url, invitedUser } = bob.inviteToGroup("sales", { email: "eve@northwind.example" });
  assert.match(url, /^https:\/\/login\.microsoftonline\.com\/redeem\?rd=https%3A%2F%2Finvitations\.microsoft\.com%2Fredeem%2F%3Ftenant%3Dcontoso%26user%3D/);
  const inner = new URL(decodeURIComponent(new URL(url).searchParams.get("rd")));
  assert.equal(inner.searchParams.get("user"), invitedUser.id);
  assert.match(inner.searchParams.get("ticket"), /^[0-9a-f]{32}$/);
  // The same ids with another ticket, or the ticket on another guest: refused alike.
  const forge = (user, ticket) => {
    inner.searchParams.set("user", user);
    inner.searchParams.set("ticket", ticket);
    return `https://login.microsoftonline.com/redeem?rd=${encodeURIComponent(inner.toString())}`;
  };
  const ticket = inner.searchParams.get("ticket");
  for (const forged of [forge(invitedUser.id, "0".repeat(32)), forge("dan-pending", ticket), forge("nobody", ticket)]) {
    assert.equal(refused(dir, () => dir.redeemInvitation({ inviteRedeemUrl: forged })), "INVITATION_LINK_INVALID");
  }
  // The key is kept by a snapshot, not by world JSON (a new key: old links stop working).
  const fromJson = Directory.fromJSON(dir.toJSON());
  assert.equal(refused(fromJson, () => fromJson.redeemInvitation({ inviteRedeemUrl: url })), "INVITATION_LINK_INVALID");
  const copy = Directory.fromBytes(dir.toBytes());
  assert.equal(copy.redeemInvitation({ inviteRedeemUrl: url }).externalUserState, "Accepted");
  assert.equal(dir.redeemInvitation({ inviteRedeemUrl: url }).externalUserState, "Accepted");
});

test('who may invite follows the guest invite setting (Entra "Configure external collaboration settings")', () => {
  const dir = sample();
  const contoso = dir.toJSON().tenants.find((t) => t.id === "contoso");
  dir.upsertTenant({ ...contoso, settings: { ...contoso.settings, allowInvitesFrom: "none" } });
  const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
  assert.equal(refused(dir, () => bob.inviteToGroup("sales", { email: "eve@northwind.example" })), "INVITE_NOT_ALLOWED");
});

test('approvals: 30-day run time-out, case-sensitive responses, no "sequential", guests act in the portal (Power Automate limits; Approvals connector)', () => {
  const world = readFileSync(new URL("../fixtures/approvals.json", import.meta.url), "utf8");
  const dir = Directory.fromJSON(world);
  dir.setClock("2026-10-31T08:59:59Z");
  const alice = dir.signIn({ tenantId: "contoso", user: "alice@fabrikam.com" });
  assert.ok(alice.approvals().items.some((a) => a.id === "c-old"));
  dir.setClock("2026-10-31T09:00:00Z");
  assert.ok(!alice.approvals().items.some((a) => a.id === "c-old"));
  dir.setClock("2026-11-23T10:00:00Z");
  assert.equal(refused(dir, () => alice.respond("c-first", "approve")), "INVALID_RESPONSE");
  const told = dir.notifications("c-first");
  assert.deepEqual(told.map((n) => [n.userId, n.actionableInEmail]), [["alice-at-contoso", false], ["dave", true]]);
  const sequential = world.replace('"type": "firstToRespond"', '"type": "sequential"');
  assert.throws(
    () => Directory.fromJSON(sequential),
    (e) => e instanceof GuestPassError && e.code === "INVALID_INPUT" && /successive approvals/.test(e.message),
  );
});

test('links per offering: GCC apart from GCC High and DoD (Power Automate US Government)', () => {
  const dir = Directory.fromJSON({
    tenants: [
      { id: "gcc", displayName: "GCC", cloud: "global", usGovernment: "gcc", initialDomain: "gcc.onmicrosoft.com" },
      { id: "high", displayName: "High", cloud: "usgov", initialDomain: "high.onmicrosoft.us" },
      { id: "dod", displayName: "DoD", cloud: "usgov", usGovernment: "dod", initialDomain: "dod.onmicrosoft.us" },
    ],
    users: ["gcc", "high", "dod"].flatMap((t) => [
      { id: `${t}-req`, tenantId: t, displayName: "R", userPrincipalName: `r@${t}.example` },
      { id: `${t}-app`, tenantId: t, displayName: "A", userPrincipalName: `a@${t}.example` },
    ]),
    approvals: ["gcc", "high", "dod"].map((t) => ({
      id: `${t}-1`, tenantId: t, title: "x", requesterId: `${t}-req`, approvers: [`${t}-app`],
      type: "firstToRespond", responseOptions: ["Approve", "Reject"], createdAt: "2026-11-20T09:00:00Z",
    })),
  });
  dir.setClock("2026-11-21T09:00:00Z");
  const host = (id) => new URL(dir.notifications(id)[0].link).host;
  assert.deepEqual(["gcc-1", "high-1", "dod-1"].map(host), [
    "make.gov.powerautomate.us",
    "make.high.powerautomate.us",
    "make.powerautomate.appsplatform.us",
  ]);
  assert.throws(
    () => dir.upsertTenant({ id: "bad", displayName: "Bad", cloud: "usgov", usGovernment: "gcc", initialDomain: "bad.onmicrosoft.us" }),
    (e) => e instanceof GuestPassError && e.code === "INVALID_VALUE",
  );
});
