// The demo page, served by scripts/serve.mjs, in headless Chromium.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  browserSkipReason,
  launchChromium,
  openPage,
  repo,
  screenshot,
  startDemoServer,
} from "./harness.mjs";

const skip = browserSkipReason();
if (skip) console.error(`\n!!! SKIPPING the browser tests: ${skip}\n`);
const { version } = JSON.parse(readFileSync(join(repo, "pkg", "package.json"), "utf8"));

describe("the demo page in Chromium", { skip: skip ?? false }, () => {
  let demo;
  let browser;
  before(async () => {
    demo = await startDemoServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  test("loads the package through guestpass/web and shows its version", async () => {
    const page = await openPage(browser, demo.url);
    const status = page.locator("#status[data-version]");
    await status.waitFor({ timeout: 15_000 });
    assert.equal(await status.getAttribute("data-version"), version);
    await screenshot(page, "demo-version");
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test("the bundler entry (top-level await) works as a plain module in the browser", async () => {
    const page = await openPage(browser, demo.url);
    const result = await page.evaluate(async () => {
      const gp = await import("/pkg/index.js");
      const error = new gp.GuestPassError("SOME_CODE", "a message", { id: "x" });
      let thrown = null;
      try {
        new gp.Directory().signIn({ tenantId: "nowhere", user: "x" });
      } catch (e) {
        thrown = e instanceof gp.GuestPassError ? e.code : `not a GuestPassError: ${e}`;
      }
      return {
        thrown,
        version: gp.version(),
        isError: error instanceof Error,
        code: error.code,
        details: error.details,
      };
    });
    assert.deepEqual(result, {
      thrown: "UNKNOWN_TENANT",
      version,
      isError: true,
      code: "SOME_CODE",
      details: { id: "x" },
    });
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test("the server gives the .wasm its MIME type and keeps requests inside its roots", async () => {
    const wasm = await fetch(new URL("/pkg/guestpass_bg.wasm", demo.url));
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers.get("content-type"), "application/wasm");
    const js = await fetch(new URL("/pkg/web.js", demo.url));
    assert.match(js.headers.get("content-type"), /^text\/javascript/);
    const escape = await fetch(new URL("/pkg/..%2fCargo.toml", demo.url));
    assert.equal(escape.status, 404);
    const missing = await fetch(new URL("/no-such-file.js", demo.url));
    assert.equal(missing.status, 404);
  });
});
