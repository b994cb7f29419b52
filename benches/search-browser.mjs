// The people-search benchmark in headless Chromium (Debian's, through playwright-core):
// the same engines code (benches/search-lib.mjs) on the same dataset, in a page.
//
//   make package && node benches/search-browser.mjs --users 100000 [--json]
//
// The page is cross-origin isolated (COOP/COEP headers), which gives performance.now()
// 5 µs resolution in Chromium (100 µs otherwise): keystroke times are multiples of it.
// Engines: guestpass (web entry, `await init()`), guestpass-nohl and FlexSearch (its ES
// module build). Memory is not measured in the page.
import { readFileSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { launchChromium } from "../tests/browser/harness.mjs";
import { cacheFile, ensureCached, repo } from "./search-data.mjs";

const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const users = Number(arg("users", 100000));
const perForm = Number(arg("per-form", 100));
const budget = Number(arg("budget", 120));
const json = argv.includes("--json");
ensureCached({ users });

const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".html": "text/html" };
const page = `<!doctype html><meta charset="utf-8"><title>search bench</title>
<script type="module">
import init, * as gp from "/pkg/web.js";
import { Document } from "/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs";
import { exactQueries, flexsearchEngine, guestpassEngine, measure, sequences } from "/benches/search-lib.mjs";
try {
  await init();
  const people = await (await fetch("/data.json")).json();
  const seqs = sequences(people, { perForm: ${perForm}, seed: 7 });
  const exact = exactQueries(people);
  const rows = [];
  for (const engine of [guestpassEngine(gp), guestpassEngine(gp, { highlights: false }), flexsearchEngine({ Document })]) {
    const row = measure(engine, people, seqs, exact, { budgetMs: ${budget * 1000} });
    engine.drop();
    row.memoryMB = null;
    row.browser = navigator.userAgent.match(/Chrome\\/[\\d.]+/)?.[0];
    row.crossOriginIsolated = crossOriginIsolated;
    rows.push(row);
  }
  window.done = rows;
} catch (e) {
  window.done = { error: String(e?.stack ?? e) };
}
</script>`;

const server = createServer((req, res) => {
  const headers = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
  const url = new URL(req.url, "http://x");
  let file;
  if (url.pathname === "/") {
    res.writeHead(200, { ...headers, "Content-Type": "text/html" });
    return res.end(page);
  }
  if (url.pathname === "/data.json") file = cacheFile(users);
  else {
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, "");
    if (!/^(pkg|benches|node_modules\/flexsearch)\//.test(path)) file = undefined;
    else file = join(repo, path);
  }
  if (!file || !existsSync(file)) {
    res.writeHead(404, headers);
    return res.end();
  }
  res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await launchChromium();
try {
  const tab = await browser.newPage();
  tab.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  await tab.goto(base);
  await tab.waitForFunction(() => window.done !== undefined, null, { timeout: 1_800_000, polling: 1000 });
  const rows = await tab.evaluate(() => window.done);
  if (rows.error) throw new Error(rows.error);
  for (const r of rows) {
    if (json) console.log(JSON.stringify(r));
    else console.log(`${r.engine} in ${r.browser} (isolated: ${r.crossOriginIsolated}): build ${r.buildMs} ms, p50 ${r.p50us} µs, p99 ${r.p99us} µs, top-10 ${r.top10}%, exact first ${r.exactFirst}%, ${r.keystrokes} keystrokes${r.partial ? " (partial)" : ""}`);
  }
} finally {
  await browser.close();
  server.close();
}
