// Issue 22's second target: every rule that reads a policy, through the built package in
// Node, on the same pages as tests/sources_import.rs (tests/fixtures/sources/input.json,
// built from Microsoft's published examples: the README there names each) and the same
// variations. Each test names the document its rule follows.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Directory, GuestPassError } from "guestpass";

const INPUT = JSON.parse(readFileSync(new URL("../fixtures/sources/input.json", import.meta.url), "utf8"));
const CONTOSO = "d87a7535-dd31-4437-bfe1-95340acd55c5";
const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const CREATOR = "da8f7aea-cf43-497f-ad62-c2feae89a194";
const CAN_EDIT = "8323f7fe-e8a4-46c4-b5ea-f4864887d160";
const OWNER2 = "fe36f75e-c103-410b-a18a-2bf6df06ac3a";
const ALICE_GUEST = "a11ce000-0000-4000-8000-0000000000c1";
const BOB_GUEST = "b0b00000-0000-4000-8000-0000000000c2";
const ALICE_HOME = "a11ce000-0000-4000-8000-000000000001";
const BOB_HOME = "b0b00000-0000-4000-8000-000000000002";
const DISABLED = "d15ab1ed-0000-4000-8000-000000000003";
const PARTNERS = "9a7d0000-0000-4000-8000-00000000f001";
const POWER_AUTOMATE = "7df0a125-d3be-4c96-aa54-591f83ff541c";

/** The fixture's pages, changed by `edit` (on a copy). */
function pages(edit = () => {}) {
  const input = structuredClone(INPUT);
  edit(input);
  return input;
}
const load = (edit) => Directory.fromSources(pages(edit));
const contosoPolicy = (input) => input.graph.tenants[0];
const fabrikamPartner = (input) => contosoPolicy(input).crossTenantAccessPartners[0].value[0];

function thrown(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof GuestPassError, String(error));
    return error;
  }
  assert.fail("expected a GuestPassError");
}

test('authorizationPolicy: guestUserRoleId gives the guest access level, allowInvitesFrom who may invite (Entra "Restrict guest access permissions"; "Configure external collaboration settings")', () => {
  const settings = (dir) => dir.tenant(CONTOSO).settings;
  assert.equal(settings(load()).guestAccess, "restricted");
  assert.equal(settings(load()).allowInvitesFrom, "adminsGuestInvitersAndAllMembers");
  for (const [role, level] of [
    ["a0b1b346-4d3e-4e8b-98f8-753987be4970", "sameAsMember"],
    ["10dae51f-b6af-4016-8d66-8c2a99b929b3", "limited"],
  ]) {
    assert.equal(settings(load((i) => (contosoPolicy(i).authorizationPolicy.guestUserRoleId = role))).guestAccess, level);
  }
  const e = thrown(() => load((i) => (contosoPolicy(i).authorizationPolicy.guestUserRoleId = "not-a-role")));
  assert.equal(e.code, "INVALID_VALUE");
  assert.match(e.message, /authorizationPolicy\.guestUserRoleId/);
});

test('crossTenantAccessPolicy: clouds, the default and a partner with its targets (Graph "crossTenantAccessPolicyConfigurationPartner"; Entra "Cross-tenant access settings")', () => {
  const s = load().tenant(CONTOSO).settings;
  assert.deepEqual(s.enabledClouds, ["usgov"]);
  assert.equal(s.crossTenantAccess.default.inbound, true);
  assert.equal(s.crossTenantAccess.default.outbound, true);
  const p = s.crossTenantAccess.partners[FABRIKAM];
  assert.equal(p.inbound, true);
  assert.equal(p.outbound ?? null, null, "a null direction inherits the default");
  assert.deepEqual(p.inboundTargets.usersAndGroups, [PARTNERS]);
  assert.deepEqual(p.inboundTargets.applications, [POWER_AUTOMATE, "Office365"]);
});

test('a partner rule for some groups is decided per person, naming the setting (Entra "Cross-tenant access settings": usersAndGroups targets)', () => {
  const dir = load();
  assert.equal(dir.signIn({ tenantId: CONTOSO, user: ALICE_GUEST }).userId, ALICE_GUEST);
  const e = thrown(() => dir.signIn({ tenantId: CONTOSO, user: BOB_GUEST }));
  assert.equal(e.code, "COLLABORATION_BLOCKED");
  assert.match(e.message, new RegExp(`crossTenantAccess\\.partners\\.${FABRIKAM}\\.inboundTargets\\.usersAndGroups`));
  const blocking = load((i) => (fabrikamPartner(i).b2bCollaborationInbound.usersAndGroups.accessType = "blocked"));
  assert.equal(blocking.signIn({ tenantId: CONTOSO, user: BOB_GUEST }).userId, BOB_GUEST);
  assert.equal(thrown(() => blocking.signIn({ tenantId: CONTOSO, user: ALICE_GUEST })).code, "COLLABORATION_BLOCKED");
});

test('a partner rule for some applications is decided per application: Power Automate\'s answers name the setting (Entra "Cross-tenant access settings": applications targets)', () => {
  const alice = load().signIn({ tenantId: CONTOSO, user: ALICE_GUEST });
  assert.equal(alice.collaboration().outcome, "allowed", "the rule names Power Automate");
  const onlyOffice = load((i) => (fabrikamPartner(i).b2bCollaborationInbound.applications.targets = [{ target: "Office365", targetType: "application" }]));
  const c = onlyOffice.signIn({ tenantId: CONTOSO, user: ALICE_GUEST }).collaboration();
  assert.equal(c.outcome, "denied");
  assert.match(c.blockers[0].setting, /inboundTargets\.applications$/);
});

test('a rule naming people the directory cannot see stays unknown, never a false no (Entra "Cross-tenant access settings"; issue 22\'s third state)', () => {
  const dir = load((i) => (i.graph.tenants[0].users[1].value[1].mail = "bob@elsewhere.example"));
  const c = dir.signIn({ tenantId: CONTOSO, user: BOB_GUEST }).collaboration();
  assert.equal(c.outcome, "unknown");
  assert.equal(c.unknown[0].code, "HOME_TENANT_UNKNOWN");
  const told = dir.signIn({ tenantId: CONTOSO, user: BOB_GUEST, homeFacts: { tenantId: FABRIKAM } }).collaboration();
  assert.equal(told.outcome, "unknown");
  assert.deepEqual(told.unknown.map((u) => [u.code, u.fact]), [["TARGETED_RULE_UNKNOWN", "targetedRulesAllow"]]);
  const settled = thrown(() => dir.signIn({ tenantId: CONTOSO, user: BOB_GUEST, homeFacts: { tenantId: FABRIKAM, targetedRulesAllow: false } }));
  assert.equal(settled.code, "COLLABORATION_BLOCKED");
  assert.match(settled.message, /homeFacts\.targetedRulesAllow/);
});

test('licences count only enabled plans that carry Power Automate (Power Automate "Licensing overview"; Graph assignedPlans / subscribedSkus)', () => {
  const dir = load();
  const licenses = (id) => {
    assert.ok(dir.user(id), id);
    return dir.user(id).licenses ?? [];
  };
  assert.deepEqual(licenses(CREATOR), ["powerAutomate"], "ProcessSimple, Enabled");
  assert.deepEqual(licenses(CAN_EDIT), [], "Exchange and SharePoint only");
  assert.deepEqual(licenses(OWNER2), [], "a Suspended plan");
  assert.deepEqual(licenses(ALICE_HOME), ["powerAutomate"], "FLOW_O365_P2 through assignedLicenses");
  assert.deepEqual(licenses(BOB_HOME), [], "the Power Automate plan in disabledPlans");
});

test('accountEnabled false: the person cannot sign in (Graph user resource: accountEnabled)', () => {
  const dir = load();
  assert.equal(thrown(() => dir.signIn({ tenantId: CONTOSO, user: DISABLED })).code, "ACCOUNT_DISABLED");
  assert.equal(dir.signIn({ tenantId: CONTOSO, user: CREATOR }).userId, CREATOR);
});

test("flows and approvals keep the Power Automate environment they were read from (issue 22: a flow lives in an environment of a tenant; so do approvals)", () => {
  const dir = load();
  const world = dir.toJSON();
  const flow = world.flows[0];
  assert.equal(flow.environment, `Default-${CONTOSO}`);
  assert.equal(dir.flow(flow.id).environment, `Default-${CONTOSO}`);
  assert.ok(world.approvals.every((a) => a.environment === `Default-${CONTOSO}`));
});
