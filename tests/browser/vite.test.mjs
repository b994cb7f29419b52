// A user's Vite project: the packed package installed from its tarball, bundled by
// `vite build` through the exports map's `default` entry (top-level await and
// `new URL("./guestpass_bg.wasm", import.meta.url)`), then opened in Chromium.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { browserSkipReason, launchChromium, openPage, repo, screenshot, startDemoServer } from "./harness.mjs";

const skip = browserSkipReason();
const pkg = join(repo, "pkg");
const env = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

describe("a Vite project that installs the packed package", { skip: skip ?? false }, () => {
  let work;
  let project;
  let server;
  let browser;

  before(async () => {
    const { version } = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
    work = mkdtempSync(join(tmpdir(), "guestpass-vite-"));
    const [packed] = JSON.parse(run("npm", ["pack", pkg, "--json", "--pack-destination", work], repo));
    project = join(work, "vite-app");
    mkdirSync(join(project, "src"), { recursive: true });
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "vite-app", private: true, type: "module" }));
    run("npm", ["install", join(work, packed.filename), "--prefer-offline", "--no-audit", "--no-fund"], project);
    writeFileSync(
      join(project, "index.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>vite app</title></head>` +
        `<body><p id="out">loading</p><script type="module" src="/src/main.ts"></script></body></html>`,
    );
    // A typed user of the package: Vite strips the types, tsc --strict checks them.
    writeFileSync(
      join(project, "src", "main.ts"),
      [
        `import { Directory, GuestPassError, version, type Features, type Session } from "guestpass";`,
        `let code: string | null = null;`,
        `try { new Directory().signIn({ tenantId: "nowhere", user: "x" }); }`,
        `catch (e) { code = e instanceof GuestPassError ? e.code : "not a GuestPassError"; }`,
        `const dir = Directory.sample({ users: 100 });`,
        `const alice: Session = dir.signInFromHost({ user: { id: "alice-at-contoso", tenant: { id: "contoso" } } });`,
        `const features: Features = alice.features();`,
        `const out = document.getElementById("out")!;`,
        `out.textContent = "guestpass " + version() + " bundled by Vite; error code " + code + "; " + alice.userId + " may run flows: " + features.runFlows.allowed;`,
        `out.dataset.version = version();`,
        `out.dataset.code = code ?? "";`,
        `out.dataset.user = alice.userId;`,
        ``,
      ].join("\n"),
    );
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "esnext", moduleResolution: "bundler", lib: ["ES2022", "DOM"], types: [], strict: true, noEmit: true },
        include: ["src"],
      }),
    );
    try {
      run(join(repo, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], project);
    } catch (error) {
      throw new Error(`the Vite project's TypeScript does not type-check:\n${error.stdout}${error.stderr}`);
    }
    // Vite comes from the repository's devDependencies; the project only has guestpass.
    run(process.execPath, [join(repo, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], project);
    server = await startDemoServer({ root: join(project, "dist") });
    browser = await launchChromium();
    server.version = version;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("vite build emits the .wasm as an asset", () => {
    const assets = readdirSync(join(project, "dist", "assets"));
    assert.ok(assets.some((f) => f.endsWith(".wasm")), `a .wasm among ${assets.join(", ")}`);
  });

  test("the bundled page runs guestpass and gets GuestPassErrors from Wasm", async () => {
    const page = await openPage(browser, server.url);
    const out = page.locator("#out[data-version]");
    await out.waitFor({ timeout: 15_000 });
    assert.equal(await out.getAttribute("data-version"), server.version);
    assert.equal(await out.getAttribute("data-code"), "UNKNOWN_TENANT");
    assert.equal(await out.getAttribute("data-user"), "alice-at-contoso");
    await screenshot(page, "vite-app");
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
