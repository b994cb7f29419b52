// The sample does not age: Directory.sample() judges its approvals at its own clock (the
// sample's present, 2026-11-20T12:00:00Z), whatever the real time; `now` dates the whole
// sample relative to another present, so an inbox built on it a year on looks the same.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Directory, sampleWorld } from "guestpass";

const YEAR_ON = "2027-11-20T12:00:00Z";
const received = (dir) => dir.signIn({ tenantId: "contoso", user: "bob" }).approvals().items.map((a) => a.id);

test("the sample's clock is its own present, so its inbox is the same a year on", () => {
  const realNow = Date.now;
  // The real time a year ahead of the sample (Date.now is what the engine reads for the time).
  Date.now = () => Date.parse(YEAR_ON) + 3_600_000;
  try {
    const dir = Directory.sample();
    assert.equal(dir.clock, "2026-11-20T12:00:00Z");
    const inbox = received(dir);
    assert.ok(inbox.length > 0, "the inbox is not empty");
    assert.ok(inbox.includes("policy-review"), inbox.join(", "));
    // Clearing the clock judges at the real time: a year on, nothing is pending any more.
    dir.setClock(undefined);
    assert.deepEqual(received(dir), []);
  } finally {
    Date.now = realNow;
  }
});

test("`now` dates the sample relative to another present: the same inbox, a year ahead", () => {
  const then = Directory.sample({ users: 200 });
  const later = Directory.sample({ users: 200, now: YEAR_ON });
  assert.equal(later.clock, YEAR_ON);
  assert.deepEqual(received(later), received(then));
  assert.ok(received(later).length > 0);
  const inv = later.signIn({ tenantId: "contoso", user: "bob" }).approvals({ box: "sent" }).items.find((a) => a.id === "inv-42");
  assert.ok(inv?.createdAt.startsWith("2027-11-"), inv?.createdAt);
  // The same world as JSON, dated alike; every other part of it unchanged.
  const shifted = sampleWorld({ users: 200, now: YEAR_ON });
  const original = sampleWorld({ users: 200 });
  assert.deepEqual(shifted.users, original.users);
  assert.deepEqual(
    shifted.approvals.map((a) => Date.parse(a.createdAt) - Date.parse(original.approvals.find((b) => b.id === a.id).createdAt)),
    shifted.approvals.map(() => Date.parse(YEAR_ON) - Date.parse("2026-11-20T12:00:00Z")),
  );
  // And a time that is not one is refused.
  assert.throws(() => Directory.sample({ now: "next year" }), (e) => e.code === "INVALID_TIME");
});
