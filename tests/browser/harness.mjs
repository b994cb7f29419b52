// Helpers for tests that drive the demo in a real browser: start scripts/serve.mjs on a
// free port, launch Debian's Chromium through playwright-core, save screenshots to
// artifacts/. Used with node:test:
//
//   const demo = await startDemoServer();   // { url, close() }
//   const browser = await launchChromium();  // playwright Browser
//   const page = await openPage(browser, demo.url);
//   await screenshot(page, "demo-loaded");
//
// or, inside a describe(), `const live = useDemoInChromium();` and then `live.demo.url`,
// `live.browser` in its tests.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const artifacts = join(repo, "artifacts");

/** Where Chromium lives: $CHROMIUM, else Debian's /usr/bin/chromium. */
export const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

/**
 * Flags Chromium needs on these machines (root, no GPU, closed network): see TOOLCHAIN.md.
 * playwright-core adds a fresh temporary --user-data-dir to every launch.
 */
export const chromiumArgs = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** Why browser tests cannot run here, or null when they can. Pass it as node:test's `skip`. */
export function browserSkipReason() {
  if (!existsSync(chromiumPath)) {
    return `no Chromium at ${chromiumPath} (install Debian's chromium, or set CHROMIUM)`;
  }
  if (!existsSync(join(repo, "pkg", "package.json"))) return "pkg/ is not built (run make package)";
  return null;
}

/**
 * Starts scripts/serve.mjs on a free port and resolves once it listens.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function startDemoServer({ root, bench } = {}) {
  const env = { ...process.env, PORT: "0", HOST: "127.0.0.1" };
  if (root) env.ROOT = root;
  if (bench) env.BENCH = bench;
  const child = spawn(process.execPath, [join(repo, "scripts", "serve.mjs")], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolvePromise, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve.mjs did not start within 10 s; it printed: ${out}`));
    }, 10_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with ${code} before listening; it printed: ${out}`));
    });
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/localhost:(\d+)\//);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolvePromise({
        url: `http://127.0.0.1:${match[1]}/`,
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

/** Launches headless Chromium with the flags above. */
export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/**
 * Opens `url` in a new page that records every uncaught page error, console error, HTTP
 * error response and failed request in `page.problems` (a test asserts it stays empty).
 */
export async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.problems = [];
  page.on("pageerror", (error) => page.problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // A failed load is reported below with its URL; the console line has none.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      page.problems.push(`console error: ${message.text()}`);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400) page.problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    page.problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  await page.goto(url);
  return page;
}

/** Saves a full-page screenshot to artifacts/NAME.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Registers, in the enclosing describe(), a before hook that starts the demo server and
 * Chromium and an after hook that closes both; returns the object the hooks fill in:
 * `{ demo, browser }`, set once the suite's tests run.
 */
export function useDemoInChromium() {
  const live = { demo: null, browser: null };
  before(async () => {
    live.demo = await startDemoServer();
    live.browser = await launchChromium();
  });
  after(async () => {
    await live.browser?.close();
    await live.demo?.close();
  });
  return live;
}
