// `guestpass/web` in headless Chromium, in a page of its own (not the demo, which has
// already called init()): before init() the API says NOT_INITIALIZED, an init() from a
// URL that answers 404 rejects with WASM_LOAD_FAILED, and init() from the right URL then
// works.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { browserSkipReason, openPage, useDemoInChromium } from "./harness.mjs";

const skip = browserSkipReason();
if (skip) console.error(`\n!!! SKIPPING the browser init() tests: ${skip}\n`);

describe("guestpass/web init() in Chromium", { skip: skip ?? false }, () => {
  const live = useDemoInChromium();

  test("NOT_INITIALIZED before init(), WASM_LOAD_FAILED for a missing .wasm, then it loads", async () => {
    // Any page of the server that does not load guestpass itself.
    const page = await openPage(live.browser, new URL("/pkg/package.json", live.demo.url).href);
    const result = await page.evaluate(async () => {
      const web = await import("/pkg/web.js");
      const codeOf = async (call) => {
        try {
          await call();
          return "answered";
        } catch (e) {
          return e instanceof web.GuestPassError ? e.code : `${e?.constructor?.name}: ${e?.message}`;
        }
      };
      return {
        before: await codeOf(() => web.Directory.sample({ users: 10 })),
        missing: await codeOf(() => web.default("/pkg/no-such-module.wasm")),
        stillBefore: await codeOf(() => web.version()),
        loaded: await codeOf(() => web.default()),
        after: web.Directory.sample({ users: 10 }).stats().users > 0,
      };
    });
    assert.deepEqual(result, {
      before: "NOT_INITIALIZED",
      missing: "WASM_LOAD_FAILED",
      stillBefore: "NOT_INITIALIZED",
      loaded: "answered",
      after: true,
    });
    // The only failed request is the missing module's.
    assert.deepEqual(
      page.problems.filter((p) => !p.includes("no-such-module.wasm")),
      [],
    );
    await page.close();
  });
});
