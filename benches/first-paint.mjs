// First paint and first search of a small widget page, loading the engine two ways, in
// headless Chromium (Debian's, through playwright-core) over real HTTP on localhost
// (scripts/serve.mjs serving a `vite build` of the pages):
//   tla            import { Directory } from "guestpass"   (top-level await of the .wasm)
//   lazy           import { Directory, ready } from "guestpass/lazy"; paints, then awaits ready
//   lazy+preload   as lazy, plus the package README's vite.config.js plugin: a
//                  <link rel="preload" as="fetch"> for the .wasm in the page's <head>
//
//   make package && node benches/first-paint.mjs [--runs 15] [--users 300] [--json]
//
// The page's HTML has no content: its script paints a heading, a search box and a
// "loading" line (what a widget shows first), then, once the engine is there, makes the
// sample directory of --users people, signs Bob in, searches "ali" and lists the people.
// Per load, a fresh browser context (cold HTTP and code caches), times since navigation:
//   FP / FCP       the first-paint and first-contentful-paint entries (Paint Timing API)
//   engine         the engine could be called (the import resolved / `ready` resolved)
//   directory      the sample directory is made and Bob signed in (the widget's data step)
//   first search   the frame that shows the search's list is painted (a task posted from
//                  that frame's requestAnimationFrame has run)
// Each profile is run twice: localhost as it is, and through Chromium's network emulation
// (--mbps, default 10 Mbit/s down, --rtt 40 ms: an office link); the .wasm is served
// uncompressed (serve.mjs does not compress), about 1 MB.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readmeExample } from "../tests/browser/readme-blocks.mjs";
import { launchChromium, repo, startDemoServer } from "../tests/browser/harness.mjs";

const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const runs = arg("runs", 15);
const users = arg("users", 300);
const mbps = arg("mbps", 10);
const rtt = arg("rtt", 40);
const json = argv.includes("--json");

const WIDGET = `// The widget: its shell at once, its list once the engine answers.
export function paintShell(): void {
  document.getElementById("root")!.innerHTML =
    '<h1>Share the flow</h1><label>Find people <input id="q" value="ali"></label><p id="status">Loading people search…</p><ul id="list"></ul>';
}
export function searchOnce(Directory: typeof import("guestpass").Directory): void {
  performance.mark("engine");
  const session = Directory.sample({ users: ${users} }).signIn({ tenantId: "contoso", user: "bob" });
  performance.mark("directory");
  const { items } = session.search("ali");
  document.getElementById("list")!.replaceChildren(...items.map((p) => Object.assign(document.createElement("li"), { textContent: p.displayName })));
  document.getElementById("status")!.textContent = items.length + " people found";
  // The frame that shows the list begins, then a task posted from it runs once it is painted.
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      performance.mark("first-search");
      document.body.dataset.done = "1";
    };
    channel.port2.postMessage(0);
  });
}
`;
const PAGES = {
  tla: `import { Directory } from "guestpass";
import { paintShell, searchOnce } from "./widget";
paintShell();
searchOnce(Directory);
`,
  lazy: `import { Directory, ready } from "guestpass/lazy";
import { paintShell, searchOnce } from "./widget";
paintShell();
ready.then(() => searchOnce(Directory));
`,
};
PAGES["lazy-preload"] = PAGES.lazy;

/** Builds the three pages with Vite into DIR/dist; the preload plugin only on lazy-preload.html. */
function build(dir) {
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(join(repo, "pkg"), join(dir, "node_modules", "guestpass"), "dir");
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "first-paint", private: true, type: "module" }));
  writeFileSync(join(dir, "src", "widget.ts"), WIDGET);
  for (const [name, code] of Object.entries(PAGES)) {
    writeFileSync(join(dir, "src", `${name}.ts`), code);
    writeFileSync(
      join(dir, `${name}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}</title></head>` +
        `<body><div id="root"></div><script type="module" src="/src/${name}.ts"></script></body></html>`,
    );
  }
  // The README's plugin, applied to one page only.
  writeFileSync(join(dir, "readme-vite-config.js"), readmeExample("vite-config"));
  writeFileSync(
    join(dir, "vite.config.js"),
    `import readme from "./readme-vite-config.js";
const [plugin] = readme.plugins;
export default {
  plugins: [{ ...plugin, transformIndexHtml: (html, ctx) => (ctx.path.endsWith("lazy-preload.html") ? plugin.transformIndexHtml(html, ctx) : html) }],
  build: { rollupOptions: { input: ${JSON.stringify(Object.fromEntries(Object.keys(PAGES).map((n) => [n, `${n}.html`])))} } },
};
`,
  );
  const out = spawnSync(process.execPath, [join(repo, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "error"], { cwd: dir, encoding: "utf8" });
  if (out.status !== 0) throw new Error(`vite build failed:\n${out.stdout}${out.stderr}`);
}

/** One cold load of PAGE: its paint entries and marks, in ms since navigation. */
async function load(browser, url, throttled) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: rtt, downloadThroughput: (mbps * 1e6) / 8, uploadThroughput: (mbps * 1e6) / 8,
    });
  }
  await page.goto(url);
  await page.locator("body[data-done]").waitFor({ timeout: 120_000 });
  // Paint entries are queued once the frame is presented, a little after it is drawn.
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
  const figures = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return { fp: at("first-paint"), fcp: at("first-contentful-paint"), engine: at("engine"), directory: at("directory"), search: at("first-search") };
  });
  await context.close();
  return figures;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.9 * xs.length))];

const work = mkdtempSync(join(tmpdir(), "guestpass-first-paint-"));
let server;
let browser;
try {
  build(work);
  server = await startDemoServer({ root: join(work, "dist") });
  browser = await launchChromium();
  const results = [];
  for (const throttled of [false, true]) {
    const samples = Object.fromEntries(Object.keys(PAGES).map((n) => [n, []]));
    await load(browser, new URL("tla.html", server.url).href, throttled); // warm the server and the browser
    for (let i = 0; i < runs; i++) {
      // Interleaved, so a change in the machine's load falls on every profile alike.
      for (const name of Object.keys(PAGES)) samples[name].push(await load(browser, new URL(`${name}.html`, server.url).href, throttled));
    }
    for (const [name, list] of Object.entries(samples)) {
      const row = { network: throttled ? `${mbps} Mbit/s, ${rtt} ms RTT` : "localhost", entry: name, runs: list.length };
      for (const key of ["fp", "fcp", "engine", "directory", "search"]) row[key] = { median: median(list.map((s) => s[key])), p90: p90(list.map((s) => s[key])) };
      results.push(row);
    }
  }
  const browserVersion = browser.version();
  if (json) {
    console.log(JSON.stringify({ users, runs, browser: browserVersion, results }, null, 2));
  } else {
    const ms = (f) => `${Math.round(f.median)} ms (p90 ${Math.round(f.p90)})`;
    console.log(`Chromium ${browserVersion}; ${runs} cold loads per row; sample of ${users} people; median (p90) since navigation\n`);
    console.log("| network | entry | first paint | first contentful paint | engine ready | directory made | first search shown |");
    console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for (const r of results) console.log(`| ${r.network} | \`${r.entry}\` | ${ms(r.fp)} | ${ms(r.fcp)} | ${ms(r.engine)} | ${ms(r.directory)} | ${ms(r.search)} |`);
  }
} finally {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
}
