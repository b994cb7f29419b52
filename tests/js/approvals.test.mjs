// Approvals through the built package (pkg/, linked as tests/js/node_modules/guestpass by
// `make test-js`): who sees what where, a response that completes, refusals that change
// nothing, and notifications. The world is tests/fixtures/approvals.json.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Directory, GuestPassError } from "guestpass";

const world = readFileSync(new URL("../fixtures/approvals.json", import.meta.url), "utf8");
const NOW = "2026-11-23T10:00:00Z";

function directory() {
  const dir = Directory.fromJSON(world);
  dir.setClock(NOW);
  return dir;
}

/** The ids of `approvals()`'s items; the list must not be blocked. */
const ids = (list) => {
  assert.equal(list.blocked, undefined, JSON.stringify(list.blocked));
  return list.items.map((a) => a.id);
};

/** Runs a call that must throw; checks toJSONString() is unchanged; returns the code. */
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

test("signed into her home tenant, a guest does not see the resource tenant's approvals", () => {
  const alice = directory().signIn({ tenantId: "fabrikam", user: "alice@fabrikam.com" });
  assert.deepEqual(ids(alice.approvals({ box: "received", status: "all" })), ["f-home"]);
});

test("signed in as a guest, she does not see her home tenant's approvals", () => {
  const alice = directory().signIn({ tenantId: "contoso", user: "alice@fabrikam.com" });
  const all = alice.approvals({ box: "received", status: "all" }).items;
  assert.ok(all.length > 0);
  assert.ok(all.every((a) => a.tenantId === "contoso"));
  assert.deepEqual(alice.approvals({ box: "sent", status: "all" }), { items: [] });
});

test("a person sees the approvals of the tenant they are signed into, newest first", () => {
  const dir = directory();
  const alice = dir.signIn({ tenantId: "contoso", user: "alice@fabrikam.com" });
  assert.deepEqual(ids(alice.approvals()), ["c-everyone", "c-first", "c-custom-one"]);
  const bobAsGuest = dir.signIn({ tenantId: "fabrikam", user: "bob@contoso.com" });
  assert.deepEqual(ids(bobAsGuest.approvals({ box: "received" })), ["f-bob"]);
  const bob = dir.signIn({ tenantId: "contoso", user: "bob@contoso.com" });
  assert.equal(refused(dir, () => bob.respond("f-bob", "Approve")), "UNKNOWN_APPROVAL");
});

test("a response completes a firstToRespond approval; a second one is refused", () => {
  const dir = directory();
  const alice = dir.signIn({ tenantId: "contoso", user: "alice@fabrikam.com" });
  const done = alice.respond("c-first", "Approve", "looks good");
  assert.equal(done.status, "completed");
  assert.equal(done.outcome, "Approve");
  assert.equal(done.completedAt, NOW);
  assert.deepEqual(done.responses[0], {
    approverId: "alice-at-contoso",
    response: "Approve",
    comments: "looks good",
    respondedAt: NOW,
  });
  const dave = dir.signIn({ tenantId: "contoso", user: "dave" });
  assert.equal(refused(dir, () => dave.respond("c-first", "Reject")), "APPROVAL_COMPLETED");
});

test("refusals have stable codes and leave the directory unchanged", () => {
  const dir = directory();
  const alice = dir.signIn({ tenantId: "contoso", user: "alice@fabrikam.com" });
  assert.equal(refused(dir, () => alice.respond("c-first", "Maybe")), "INVALID_RESPONSE");
  // Approvals connector: "Approve" and "Reject" are case-sensitive.
  assert.equal(refused(dir, () => alice.respond("c-first", "approve")), "INVALID_RESPONSE");
  assert.equal(refused(dir, () => alice.respond("c-old", "Approve")), "APPROVAL_EXPIRED");
  assert.equal(refused(dir, () => alice.cancel("c-first")), "NOT_THE_REQUESTER");
  assert.equal(refused(dir, () => alice.reassign("c-first", "frank@fabrikam.com")), "USER_NOT_FOUND");
  assert.equal(refused(dir, () => alice.approvals({ box: "inbox" })), "INVALID_INPUT");
  assert.equal(refused(dir, () => dir.setClock("yesterday")), "INVALID_TIME");
  const carol = dir.signIn({ tenantId: "contoso", user: "carol@fabrikam.com" });
  // A missing prerequisite is a reason, not a silent [] (Power Automate "Support for guest
  // users": every capability needs a licence that counts and consent).
  const { items, blocked } = carol.approvals({ status: "all" });
  assert.deepEqual(items, []);
  assert.equal(blocked.outcome, "denied");
  assert.equal(blocked.code, "NO_LICENSE");
  assert.equal(blocked.message, carol.features().approvals.message);
  assert.equal(carol.features().approvals.code, "NO_LICENSE");
  assert.equal(refused(dir, () => carol.respond("c-carol", "Approve")), "NO_LICENSE");
});

test("a guest is told at her real address, with a link to the resource tenant's Approvals page", () => {
  const [alice, dave] = directory().notifications("c-first");
  assert.equal(alice.userId, "alice-at-contoso");
  assert.equal(alice.address, "alice@fabrikam.com");
  assert.equal(alice.reason, "responseRequested");
  assert.equal(
    alice.link,
    "https://make.powerautomate.com/approvals/received?tenantId=contoso&approvalId=c-first",
  );
  assert.equal(dave.address, "dave@contoso.com");
});
