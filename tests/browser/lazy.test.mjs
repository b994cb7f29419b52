// `guestpass/lazy` in Chromium:
//   - in a plain page (the demo server's /pkg/): importing it starts the .wasm fetch by
//     itself; until `ready` resolves, `isReady()` is false and the API throws
//     NOT_INITIALIZED; then it works;
//   - in a Vite project built with `--target es2020` (which refuses top-level await) and the
//     package README's vite.config.js (the block marked `<!-- example: vite-config -->`):
//     the build says nothing about top-level await, the page paints before the engine is
//     there, the .wasm is fetched once (the preload link is the fetch `guestpass/lazy`
//     makes), and the first search answers.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { browserSkipReason, launchChromium, openPage, repo, startDemoServer } from "./harness.mjs";
import { readmeExample } from "./readme-blocks.mjs";

const skip = browserSkipReason();

// A widget that paints its shell at once and searches once the engine is there.
const MAIN = `import { Directory, isReady, ready } from "guestpass/lazy";

const out = document.getElementById("out")!;
out.textContent = "loading the engine…";
out.dataset.readyAtStart = String(isReady());
ready.then(() => {
  const session = Directory.sample({ users: 200 }).signIn({ tenantId: "contoso", user: "bob" });
  const { items } = session.search("ali");
  out.textContent = items.map((p) => p.displayName).join(", ");
  out.dataset.found = String(items.length);
});
`;

describe("guestpass/lazy in Chromium", { skip: skip ?? false }, () => {
  let demo;
  let work;
  let server;
  let browser;
  let buildLog;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "guestpass-lazy-"));
    mkdirSync(join(work, "node_modules"), { recursive: true });
    symlinkSync(join(repo, "pkg"), join(work, "node_modules", "guestpass"), "dir");
    mkdirSync(join(work, "src"));
    writeFileSync(join(work, "package.json"), JSON.stringify({ name: "lazy-app", private: true, type: "module" }));
    writeFileSync(
      join(work, "index.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>lazy</title></head>` +
        `<body><p id="out"></p><script type="module" src="/src/main.ts"></script></body></html>`,
    );
    writeFileSync(join(work, "src", "main.ts"), MAIN);
    writeFileSync(join(work, "vite.config.js"), readmeExample("vite-config"));
    const vite = join(repo, "node_modules", "vite", "bin", "vite.js");
    // Vite prints warnings on stderr: read both.
    const build = spawnSync(process.execPath, [vite, "build", "--target", "es2020", "--logLevel", "info"], { cwd: work, encoding: "utf8" });
    buildLog = `${build.stdout}${build.stderr}`;
    if (build.status !== 0) throw new Error(`vite build failed:\n${buildLog}`);
    demo = await startDemoServer();
    server = await startDemoServer({ root: join(work, "dist") });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await demo?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("a plain page: the fetch starts on import; NOT_INITIALIZED until ready, then it works", async () => {
    const page = await openPage(browser, new URL("/pkg/package.json", demo.url).href);
    const wasmRequested = page.waitForRequest(/guestpass_bg\.wasm$/);
    const before = await page.evaluate(async () => {
      const lazy = await import("/pkg/lazy.js");
      let code = "answered";
      try {
        lazy.Directory.sample({ users: 10 });
      } catch (e) {
        code = e instanceof lazy.GuestPassError ? e.code : String(e);
      }
      return { ready: lazy.isReady(), code };
    });
    assert.deepEqual(before, { ready: false, code: "NOT_INITIALIZED" });
    await wasmRequested; // nobody called anything but the import
    const afterReady = await page.evaluate(async () => {
      const lazy = await import("/pkg/lazy.js");
      await lazy.ready;
      return { ready: lazy.isReady(), users: lazy.Directory.sample({ users: 10 }).stats().users > 0, version: lazy.version() };
    });
    assert.equal(afterReady.ready, true);
    assert.equal(afterReady.users, true);
    assert.match(afterReady.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test("vite build --target es2020 says nothing about top-level await", () => {
    assert.doesNotMatch(buildLog, /top.level await/i, buildLog);
    assert.match(buildLog, /guestpass_bg[-\w]*\.wasm/, "the .wasm is emitted as an asset");
    const html = readFileSync(join(work, "dist", "index.html"), "utf8");
    assert.match(html, /<link rel="preload" href="\/assets\/guestpass_bg[-\w]*\.wasm" as="fetch" type="application\/wasm" crossorigin/);
  });

  test("the built page paints first, fetches the .wasm once, then searches", async () => {
    const page = await openPage(browser, "about:blank");
    const wasmRequests = [];
    const warnings = [];
    page.on("request", (r) => /\.wasm$/.test(r.url()) && wasmRequests.push(r.url()));
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(server.url);
    const out = page.locator("#out[data-found]");
    await out.waitFor({ timeout: 20_000 });
    assert.equal(await page.locator("#out").getAttribute("data-ready-at-start"), "false");
    assert.ok(Number(await out.getAttribute("data-found")) > 0);
    assert.equal(wasmRequests.length, 1, `one request for the .wasm: ${wasmRequests.join(", ")}`);
    assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), [], "the preload was used");
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
