// Approvals through the built package in headless Chromium: the bundler entry
// (/pkg/index.js, served by scripts/serve.mjs) loads tests/fixtures/approvals.json and
// answers who sees what where, and a refusal changes nothing.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { browserSkipReason, openPage, repo, useDemoInChromium } from "./harness.mjs";

const skip = browserSkipReason();
if (skip) console.error(`\n!!! SKIPPING the browser approvals tests: ${skip}\n`);
const world = readFileSync(join(repo, "tests", "fixtures", "approvals.json"), "utf8");

describe("approvals in Chromium", { skip: skip ?? false }, () => {
  const live = useDemoInChromium();

  test("each person sees the approvals of the tenant they are signed into, and refusals change nothing", async () => {
    const page = await openPage(live.browser, live.demo.url);
    const result = await page.evaluate(async (worldJson) => {
      const gp = await import("/pkg/index.js");
      const dir = gp.Directory.fromJSON(worldJson);
      dir.setClock("2026-11-23T10:00:00Z");
      const ids = (list) => list.items.map((a) => a.id);
      const aliceHome = dir.signIn({ tenantId: "fabrikam", user: "alice@fabrikam.com" });
      const aliceGuest = dir.signIn({ tenantId: "contoso", user: "alice@fabrikam.com" });
      const before = dir.toJSONString();
      let code = null;
      try {
        aliceGuest.respond("c-first", "approve");
      } catch (e) {
        code = e instanceof gp.GuestPassError ? e.code : `not a GuestPassError: ${e}`;
      }
      return {
        home: ids(aliceHome.approvals({ box: "received", status: "all" })),
        guestPending: ids(aliceGuest.approvals()),
        guestTenants: [...new Set(aliceGuest.approvals({ status: "all" }).items.map((a) => a.tenantId))],
        code,
        unchanged: dir.toJSONString() === before,
        completed: aliceGuest.respond("c-first", "Approve").status,
      };
    }, world);
    assert.deepEqual(result, {
      home: ["f-home"],
      guestPending: ["c-everyone", "c-first", "c-custom-one"],
      guestTenants: ["contoso"],
      code: "INVALID_RESPONSE",
      unchanged: true,
      completed: "completed",
    });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
