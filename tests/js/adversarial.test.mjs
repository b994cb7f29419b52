// Adversarial checks that stay fixed (issue 21). Each helper keeps its cases in its own
// `describe` block.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Directory, GuestPassError } from "guestpass";

describe("approvals that cannot be (issue 21, defect 5)", () => {
  const world = readFileSync(new URL("../fixtures/approvals.json", import.meta.url), "utf8");
  const refusedAtLoad = (text) => {
    assert.notEqual(text, world, "the case must change the fixture");
    assert.throws(
      () => Directory.fromJSON(text),
      (e) => e instanceof GuestPassError && e.code === "INVALID_VALUE",
    );
  };
  const refusedAtUpsert = (change) => {
    const dir = Directory.fromJSON(world);
    const done = dir.toJSON().approvals.find((a) => a.id === "c-done");
    const before = dir.toJSONString();
    assert.throws(
      () => dir.upsertApproval(change(structuredClone(done))),
      (e) => e instanceof GuestPassError && e.code === "INVALID_VALUE",
    );
    assert.equal(dir.toJSONString(), before);
  };

  test("a response from someone who is not an approver, even the only one of a completed approval", () => {
    refusedAtLoad(world.replace('{ "approverId": "dave", "response": "Approve"', '{ "approverId": "ann", "response": "Approve"'));
    refusedAtUpsert((a) => ({ ...a, responses: [{ ...a.responses[0], approverId: "ann" }] }));
  });

  test("a firstToRespond approval still pending after a response", () => {
    refusedAtLoad(world.replace('"status": "completed", "outcome": "Approve",', ""));
    refusedAtUpsert((a) => {
      delete a.outcome;
      return { ...a, status: "pending" };
    });
  });

  test("a respondedAt before createdAt", () => {
    refusedAtLoad(world.replace('"respondedAt": "2026-11-10T10:00:00Z"', '"respondedAt": "2026-11-10T08:59:59Z"'));
    refusedAtUpsert((a) => ({ ...a, responses: [{ ...a.responses[0], respondedAt: "2026-11-01T00:00:00Z" }] }));
  });
});
