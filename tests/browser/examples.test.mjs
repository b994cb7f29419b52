// The README examples marked `<!-- example: browser -->` (IndexedDB snapshots, …): compiled
// with tsc --strict against the built package (see tests/js/examples-lib.mjs) and run in
// Chromium, with an import map giving "guestpass" the bundler entry and "guestpass/web" the
// plain-page entry, as a page without a bundler would.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { checkStated, compileExamples, PAGE_PRINTED, readExamples } from "../js/examples-lib.mjs";
import { browserSkipReason, launchChromium, openPage, startDemoServer } from "./harness.mjs";

const skip = browserSkipReason();
const examples = readExamples().filter((e) => e.where === "browser");

describe("README examples in the browser", { skip: skip ?? false }, () => {
  let project;
  let server;
  let browser;
  before(async () => {
    project = compileExamples(examples);
    writeFileSync(
      join(project.dir, "index.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>examples</title>` +
        `<script type="importmap">${JSON.stringify({ imports: { guestpass: "/pkg/index.js", "guestpass/web": "/pkg/web.js", "guestpass/picker": "/pkg/picker.js" } })}</script>` +
        `<script src="/printed.js"></script>` +
        `</head><body><p>README examples</p></body></html>`,
    );
    writeFileSync(join(project.dir, "printed.js"), PAGE_PRINTED);
    server = await startDemoServer({ root: project.dir });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    project?.cleanup();
  });

  test("there is at least one browser example", () => {
    assert.ok(examples.length >= 1);
  });

  for (const ex of examples) {
    test(`${ex.source} runs in Chromium`, async () => {
      const page = await openPage(browser, server.url);
      const printed = [];
      page.on("console", (m) => m.type() === "log" && printed.push(m.text()));
      const error = await page.evaluate(async (url) => {
        try {
          await import(url);
          return null;
        } catch (e) {
          return `${e?.code ?? ""} ${e?.stack ?? e}`;
        }
      }, `/out/${ex.name}.js`);
      assert.equal(error, null, `${ex.source} threw ${error}\nIt printed:\n${printed.join("\n")}`);
      assert.ok(printed.length > 0 || !/console\.log/.test(ex.code), `${ex.source} prints what it shows`);
      // What a line states it prints, it prints (the first run).
      const records = await page.evaluate(() => globalThis.__records);
      assert.deepEqual(checkStated(ex, records), [], `${ex.source}: a comment does not say what is printed`);
      // Run it again in the same page: now the IndexedDB snapshot is there.
      await page.evaluate(async (url) => import(`${url}?again`), `/out/${ex.name}.js`);
      assert.deepEqual(page.problems, []);
      await page.close();
    });
  }
});
