// The view runtime (`guestpass/view`, pkg/view/index.js) in headless Chromium: a page that
// imports only the runtime loads its own small .wasm (never the full package's), reads a
// view the full package wrote in Node, and answers as the full package's session does.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { browserSkipReason, openPage, useDemoInChromium } from "./harness.mjs";

import { Directory } from "../../pkg/node.js";

const skip = browserSkipReason();
if (skip) console.error(`\n!!! SKIPPING the view runtime browser test: ${skip}\n`);

describe("guestpass/view in Chromium", { skip: skip ?? false }, () => {
  const live = useDemoInChromium();

  test("a page loads the runtime alone and answers from a view", async () => {
    const dir = Directory.sample({ users: 200, seed: 4 });
    const bytes = [...dir.viewFor({ tenantId: "contoso", user: "bob" })];
    const bob = dir.signIn({ tenantId: "contoso", user: "bob" });
    const expected = { whoami: bob.whoami(), search: bob.search("an", { limit: 5 }), features: bob.features() };

    // Any page of the server that does not load guestpass itself.
    const page = await openPage(live.browser, new URL("/pkg/package.json", live.demo.url).href);
    const requested = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    const answers = await page.evaluate(async (view) => {
      const runtime = await import("/pkg/view/index.js");
      const me = runtime.fromView(new Uint8Array(view));
      let refused = null;
      try {
        me.requestToJoin("sales");
      } catch (e) {
        refused = e instanceof runtime.GuestPassError ? e.code : String(e);
      }
      return { whoami: me.whoami(), search: me.search("an", { limit: 5 }), features: me.features(), refused };
    }, bytes);
    assert.deepEqual({ whoami: answers.whoami, search: answers.search, features: answers.features }, expected);
    assert.equal(answers.refused, "VIEW_READ_ONLY");
    assert.ok(requested.includes("/pkg/view/guestpass_bg.wasm"), requested.join(", "));
    assert.ok(!requested.includes("/pkg/guestpass_bg.wasm"), "the full module was not loaded");
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
