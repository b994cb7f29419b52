// Every answer of the JavaScript API, typed as the package declares it and compared with
// what the WebAssembly module really returns: an answer may not carry a key its type does
// not declare, and must carry every key its type requires. The key lists below are
// checked by tsc against the types (a key missing from a list, or one the type does not
// have, is a compile error), so types, lists and answers cannot drift apart.
import assert from "node:assert/strict";
import {
  Directory,
  GuestPassError,
  sampleWorld,
  type App,
  type AppAccess,
  type AppLink,
  type Approval,
  type ApprovalItem,
  type ApprovalList,
  type Blocked,
  type Collaboration,
  type CollaborationBlocker,
  type Connector,
  type Decision,
  type Feature,
  type Features,
  type FlowShares,
  type Group,
  type Invitation,
  type JoinRequest,
  type JoinRequestItem,
  type JoinResult,
  type Notification,
  type OwnedGroup,
  type GroupApp,
  type PeopleSearch,
  PeopleIndex,
  type PeopleIndexMatch,
  type Highlight,
  type PersonMatch,
  type SearchResult,
  type SignedIn,
  type Stats,
  type Tenant,
  type TenantSettings,
  type UnknownFact,
  type User,
  type Flow,
  type WorldJSON,
  type AppInfo,
  type CheckResult,
  type DecisionCode,
  type DeniedCode,
  type GroupInfo,
  type MyFlow,
  type TenantInfo,
  type UnknownCode,
  type UserInfo,
} from "guestpass";

/** For each key of T: is it required or optional? tsc checks a literal of this type is exact. */
type Presence<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? "optional" : "required" };

let checked = 0;

/** Asserts `value`'s own keys are declared in `presence` and its required keys are there. */
function conforms<T>(what: string, value: T, presence: Presence<T>): T {
  assert.ok(value !== null && typeof value === "object", `${what} is an object`);
  const declared = presence as Record<string, "optional" | "required">;
  for (const key of Object.keys(value as object)) {
    assert.ok(key in declared, `${what} has "${key}", which its type does not declare`);
  }
  for (const [key, how] of Object.entries(declared)) {
    if (how === "required") assert.ok(key in (value as object), `${what} lacks "${key}", which its type requires`);
  }
  checked++;
  return value;
}

const each = <T>(what: string, values: T[], presence: Presence<T>) => values.forEach((v, i) => conforms(`${what}[${i}]`, v, presence));

const FEATURE: Presence<Feature> = { allowed: "required", outcome: "required", code: "optional", message: "optional" };
const DECISION: Presence<Decision> = { allowed: "required", outcome: "required", role: "required", via: "required", code: "required", message: "required" };
const COLLABORATION: Presence<Collaboration> = { allowed: "required", outcome: "required", blockers: "required", unknown: "optional" };
const BLOCKED: Presence<Blocked> = { outcome: "required", code: "required", message: "required" };

// --- the directory ---------------------------------------------------------------------
const dir = Directory.sample({ users: 500 });
if (typeof dir.setClock === "function") dir.setClock("2026-11-20T12:00:00Z");

conforms<Stats>("stats()", dir.stats(), {
  tenants: "required", users: "required", members: "required", guests: "required", pendingGuests: "required",
  groups: "required", apps: "required", flows: "required", approvals: "required", connectors: "required", joinRequests: "required",
});

const verdict = conforms<Collaboration>("collaboration()", dir.collaboration("contoso", "woodgrove"), COLLABORATION);
each<CollaborationBlocker>("collaboration().blockers", verdict.blockers, { tenantId: "required", setting: "required", code: "required" });
assert.ok(verdict.blockers.length > 0);

const world: WorldJSON = dir.toJSON();
conforms<WorldJSON>("toJSON()", world, {
  tenants: "required", users: "required", groups: "required", apps: "required", flows: "required",
  approvals: "required", connectors: "required", joinRequests: "required",
});
const TENANT: Presence<Tenant> = { id: "required", displayName: "required", cloud: "optional", domains: "optional", initialDomain: "required", usGovernment: "optional", settings: "optional" };
each<Tenant>("toJSON().tenants", world.tenants, TENANT);
each<TenantSettings>("toJSON().tenants[].settings", world.tenants.flatMap((t) => (t.settings ? [t.settings] : [])), {
  guestAccess: "optional", selfServiceGroupManagement: "optional", enabledClouds: "optional", crossTenantAccess: "optional",
  allowInvitesFrom: "optional",
});
const USER: Presence<User> = {
  id: "required", tenantId: "required", displayName: "required", givenName: "optional", surname: "optional", mail: "optional",
  otherMails: "optional", userPrincipalName: "required", userType: "optional", externalUserState: "optional", creationType: "optional",
  jobTitle: "optional", homeTenantId: "optional", homeUserId: "optional", licenses: "optional", consentedToPowerAutomate: "optional",
};
each<User>("toJSON().users", world.users, USER);
const GROUP: Presence<Group> = {
  id: "required", tenantId: "required", displayName: "required", description: "optional", securityEnabled: "optional",
  mailEnabled: "optional", groupTypes: "optional", onPremisesSyncEnabled: "optional", joinPolicy: "optional", owners: "optional", members: "optional",
};
each<Group>("toJSON().groups", world.groups, GROUP);
const APP: Presence<App> = {
  id: "required", tenantId: "required", displayName: "required", singleSignOn: "optional", selfService: "optional", owners: "optional", assignments: "optional",
};
each<App>("toJSON().apps", world.apps, APP);
each<Flow>("toJSON().flows", world.flows, {
  id: "required", tenantId: "required", displayName: "required", trigger: "required", enabled: "optional", ownerId: "required",
  coOwners: "optional", runOnly: "optional", environment: "optional",
});
const APPROVAL: Presence<Approval> = {
  id: "required", tenantId: "required", title: "required", details: "optional", requesterId: "required", approvers: "required",
  type: "required", responseOptions: "required", responses: "optional", status: "optional", outcome: "optional",
  createdAt: "required", completedAt: "optional", flowId: "optional", environment: "optional",
};
each<Approval>("toJSON().approvals", world.approvals, APPROVAL);
each<Connector>("toJSON().connectors", world.connectors, { id: "required", displayName: "required", guestPicker: "optional" });
each<JoinRequest>("toJSON().joinRequests", world.joinRequests, { id: "required", groupId: "required", userId: "required", status: "optional", decidedBy: "optional" });
assert.deepEqual(sampleWorld({ users: 500 }).users.length, world.users.length);

// --- a session ---------------------------------------------------------------------------
const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
const alice = dir.signIn({ tenantId: "contoso", user: "alice-at-contoso" });

conforms<SignedIn>("whoami()", bob.whoami(), { tenantId: "required", userId: "required", displayName: "required", userType: "required", homeTenantId: "optional" });
assert.equal(alice.whoami().homeTenantId, "fabrikam");

for (const [who, s] of [["bob", bob], ["alice", alice]] as const) {
  const f = conforms<Features>(`${who}.features()`, s.features(), {
    createFlows: "required", runFlows: "required", approvals: "required", widgets: "required", processMining: "required",
    peopleSearch: "required", license: "optional",
  });
  for (const key of ["createFlows", "runFlows", "approvals", "widgets", "processMining"] as const) conforms<Feature>(`${who}.features().${key}`, f[key], FEATURE);
  conforms<PeopleSearch>(`${who}.features().peopleSearch`, f.peopleSearch, { allowed: "required", mode: "required", code: "optional" });
  conforms<Collaboration>(`${who}.collaboration()`, s.collaboration(), COLLABORATION);
}

// The third state: a guest whose home tenant is not in the directory.
const pat = dir.signIn({ tenantId: "contoso", user: "pat-at-contoso" });
const unknownRun = conforms<Feature>("pat.features().runFlows", pat.features().runFlows, FEATURE);
assert.equal(unknownRun.outcome, "unknown");
const patCollaboration = conforms<Collaboration>("pat.collaboration()", pat.collaboration(), COLLABORATION);
assert.equal(patCollaboration.outcome, "unknown");
each<UnknownFact>("pat.collaboration().unknown", patCollaboration.unknown ?? [], { code: "required", fact: "required", message: "required" });

// Flow sharing.
conforms<Decision>("check()", alice.check("edit", "invoice-flow"), DECISION);
conforms<Decision>("check() allowed", bob.check("run", "invoice-flow"), DECISION);
const many = alice.checkMany([{ id: 1, action: "run", flowId: "invoice-flow" }, { id: 2, action: "run", flowId: "nope" }]);
conforms("checkMany()[0]", many[0]! as { id: unknown } & Decision, { id: "required", ...DECISION } as Presence<{ id: unknown } & Decision>);
conforms("checkMany()[1]", many[1]! as { id: unknown; error: { code: string; message: string } }, { id: "required", error: "required" } as Presence<{ id: unknown; error: { code: string; message: string } }>);
const shares = bob.share("invoice-flow", { principal: "ann", role: "coOwner" });
conforms<FlowShares>("share()", shares, { flowId: "required", ownerId: "required", coOwners: "required", runOnly: "required" });
conforms<FlowShares>("unshare()", bob.unshare("invoice-flow", "ann"), { flowId: "required", ownerId: "required", coOwners: "required", runOnly: "required" });
assert.ok(Array.isArray(alice.allowedActions("invoice-flow")));

// `checkMany` gives the caller's id type back; a decision's code is a union of its codes.
const numbered: CheckResult<number>[] = alice.checkMany([{ id: 7, action: "run", flowId: "invoice-flow" }]);
const seven: number = numbered[0]!.id;
assert.equal(seven, 7);
const keyed = alice.checkMany([{ id: { row: 3 }, action: "edit", flowId: "invoice-flow" }]);
assert.equal(keyed[0]!.id.row, 3);
const denied = alice.check("edit", "invoice-flow");
if (denied.outcome === "denied") {
  const code: DeniedCode = denied.code;
  assert.equal(code, "RUN_ONLY_CANNOT_EDIT");
}
const anyCode: DecisionCode | null = denied.code;
// @ts-expect-error: a code that is not one of a decision's
const notACode: DecisionCode = "NOT_A_CODE";
void notACode;
export const unknownCodesAreDecisionCodes: UnknownCode extends DecisionCode ? true : false = true;
assert.ok(anyCode);

// Lookups: what the person may see, with their types.
conforms<UserInfo>("user()", bob.user("alice-at-contoso")!, {
  id: "required", displayName: "required", givenName: "optional", surname: "optional", mail: "optional",
  userPrincipalName: "required", userType: "required", homeTenantId: "optional", pending: "optional", jobTitle: "optional",
});
conforms<GroupInfo>("group()", bob.group("sales")!, {
  id: "required", displayName: "required", description: "optional", securityEnabled: "required", mailEnabled: "required",
  groupTypes: "required", onPremisesSyncEnabled: "required", joinPolicy: "required", isMember: "required", isOwner: "required",
});
conforms<AppInfo>("app()", bob.app("expenses")!, { id: "required", displayName: "required", singleSignOn: "required", selfService: "optional", isOwner: "required" });
conforms<TenantInfo>("tenant()", alice.tenant("fabrikam")!, { id: "required", displayName: "required", cloud: "required", usGovernment: "optional" });
each<MyFlow>("flows()", alice.flows(), { id: "required", displayName: "required", trigger: "required", enabled: "required", role: "required", via: "required" });
const nobody: UserInfo | null = alice.user("bob");
assert.equal(nobody, null);
conforms<User>("dir.user()", dir.user("bob")!, USER);
conforms<Tenant>("dir.tenant()", dir.tenant("contoso")!, TENANT);

// Self-service groups and apps.
const invitation = bob.inviteToGroup("sales", { email: "eve@northwind.com", message: "hi" });
conforms<Invitation>("inviteToGroup()", invitation, {
  invitedUserEmailAddress: "required", invitedUserDisplayName: "required", invitedUserType: "required", invitedUserMessageInfo: "required",
  inviteRedirectUrl: "required", inviteRedeemUrl: "optional", invitedUser: "required", status: "required", groupId: "required",
});
conforms<User>("redeemInvitation()", dir.redeemInvitation({ inviteRedeemUrl: invitation.inviteRedeemUrl! }), USER);
const JOIN_ITEM: Presence<JoinRequestItem> = {
  id: "required", groupId: "required", groupDisplayName: "required", userId: "required", userDisplayName: "required",
  userType: "required", status: "required", decidedBy: "optional",
};
each<JoinRequestItem>("joinRequests()", bob.joinRequests(), JOIN_ITEM);
conforms<JoinRequestItem>("decideJoinRequest()", bob.decideJoinRequest("jr-ivan-sales", false), JOIN_ITEM);
const ivan = dir.signIn({ tenantId: "contoso", user: "ivan" });
conforms<JoinResult>("requestToJoin()", ivan.requestToJoin("sales-emea"), { groupId: "required", outcome: "required", requestId: "optional" });
each<JoinRequestItem>("joinRequests(mine)", ivan.joinRequests({ box: "mine" }), JOIN_ITEM);
each<AppAccess>("myApps()", bob.myApps(), {
  id: "required", displayName: "required", singleSignOn: "required", assignment: "required", via: "required", link: "required",
});
const GROUP_APP: Presence<GroupApp> = {
  id: "required", displayName: "required", singleSignOn: "required", selfService: "required", assignment: "required", link: "required",
};
const owned: OwnedGroup[] = bob.groupsIOwn();
each<OwnedGroup>("groupsIOwn()", owned, {
  id: "required", displayName: "required", securityEnabled: "required", assignedMembership: "required", memberCount: "required", apps: "required",
});
each<GroupApp>("groupsIOwn()[].apps", owned.flatMap((g) => g.apps), GROUP_APP);
conforms<AppLink>("appLinkFor()", bob.appLinkFor("expenses", "alice-at-contoso"), { appId: "required", userId: "required", link: "required" });
conforms<JoinResult>("requestAppAccess()", dir.signIn({ tenantId: "contoso", user: "siobhan" }).requestAppAccess("expenses"), {
  groupId: "required", outcome: "required", requestId: "optional",
});
conforms<Invitation>("inviteToApp()", bob.inviteToApp("expenses", { email: "max@northwind.example" }), {
  invitedUserEmailAddress: "required", invitedUserDisplayName: "required", invitedUserType: "required",
  invitedUserMessageInfo: "required", inviteRedirectUrl: "required", inviteRedeemUrl: "optional", invitedUser: "required",
  status: "required", groupId: "required",
});
conforms<Group>("removeFromGroup()", dir.signIn({ tenantId: "contoso", user: "anna" }).removeFromGroup("sales-emea", "ivan"), GROUP);
conforms<App>("assignToApp()", dir.assignToApp("expenses", "leadership"), APP);
conforms<App>("unassignFromApp()", dir.unassignFromApp("expenses", "leadership"), APP);
assert.match(dir.appLink("expenses"), /^https:\/\/myapps\.microsoft\.com\//);

// People search (once the build has it).
if (typeof bob.search === "function") {
  const result = conforms<SearchResult>("search()", bob.search("ali", { limit: 5 }), { items: "required", guestsHidden: "required", mode: "required" });
  assert.ok(result.items.length > 0);
  each<PersonMatch>("search().items", result.items, {
    id: "required", displayName: "required", mail: "optional", userPrincipalName: "required", userType: "required",
    homeTenantId: "optional", homeTenantName: "optional", pending: "optional", jobTitle: "optional", highlights: "required",
  });
  for (const item of result.items) {
    for (const h of item.highlights) {
      assert.ok(["displayName", "givenName", "surname", "mail", "userPrincipalName", "jobTitle", "otherMails"].includes(h.field), `highlight field ${JSON.stringify(h.field)}`);
      assert.ok(Number.isInteger(h.start) && Number.isInteger(h.end) && h.start < h.end);
    }
  }
}

// PeopleIndex over records the caller holds: matches carry the caller's own objects.
{
  const people = PeopleIndex.from(dir.toJSON().users);
  const matches = people.search("ali", { limit: 5, userType: "any" });
  assert.ok(matches.length > 0);
  each<PeopleIndexMatch<User>>("PeopleIndex.search()", matches, { id: "required", record: "required", highlights: "required" });
  for (const m of matches) {
    assert.equal(typeof m.record.tenantId, "string", "the record is the caller's User");
    for (const h of m.highlights) conforms<Highlight>("PeopleIndex highlight", h, { field: "required", start: "required", end: "required", index: "optional" });
  }
  people.free();
}

// Approvals (once the build has them).
if (typeof bob.approvals === "function") {
  const list = conforms<ApprovalList>("approvals()", bob.approvals({ box: "received", status: "all" }), { items: "required", blocked: "optional" });
  const items: ApprovalItem[] = list.items;
  assert.ok(items.length > 0);
  const blocked = conforms<ApprovalList>("pat.approvals()", pat.approvals(), { items: "required", blocked: "optional" }).blocked;
  conforms<Blocked>("pat.approvals().blocked", blocked!, BLOCKED);
  each<ApprovalItem>("approvals()", items, {
    ...APPROVAL, status: "required", expiresAt: "optional", waitingFor: "required", canRespond: "required", canReassign: "required",
    canCancel: "required", via: "optional", names: "required",
  });
  each<Notification>("notifications()", dir.notifications("inv-42"), {
    userId: "required", displayName: "required", address: "optional", reason: "required", onBehalfOf: "optional",
    tenantId: "required", approvalId: "required", link: "required", actionableInEmail: "required",
    blocked: "optional",
  });
}

// Errors.
try {
  dir.signIn({ tenantId: "contoso", user: "hana-at-contoso" });
  assert.fail("a guest whose tenants may not collaborate is refused");
} catch (e) {
  assert.ok(e instanceof GuestPassError);
  assert.equal(e.code, "COLLABORATION_BLOCKED");
  assert.equal(typeof e.details.resourceTenantId, "string");
}

console.log(`shapes: ${checked} answers match their declared types`);
