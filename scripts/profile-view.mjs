// Where a view's load spends its time in Chromium: a V8 CPU profile (DevTools protocol,
// 200 µs sampling) of one `fromViewParts` of the parts `view_timing --write DIR` wrote,
// printed as the functions with the most samples, self and inclusive. Build the runtime
// with its names first (`sh scripts/wasm-named.sh view`), or the module's functions show
// as numbers. BENCHMARKS.md (issue 17, sixth session) has what it found.
//
//   node scripts/profile-view.mjs target/view-parts-100k [--top 40]
import { resolve } from "node:path";
import { launchChromium, openPage, startDemoServer } from "../tests/browser/harness.mjs";

const argv = process.argv.slice(2);
const dir = argv.find((a) => !a.startsWith("--")) ?? "target/view-parts-100k";
const at = argv.indexOf("--top");
const top = at >= 0 ? Number(argv[at + 1]) : 40;

/** The `count` names with the most samples in `tally`, as percentages of `total`. */
function table(tally, total, count) {
  return [...tally]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, n]) => `${((100 * n) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 150)}`)
    .join("\n");
}

/** Self and inclusive samples per function name of a V8 CPU profile. */
function tallies(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map();
  for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  const self = new Map();
  const inclusive = new Map();
  for (const [id, n] of hits) {
    const name = (node) => node.callFrame.functionName || "(anonymous)";
    self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + n);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const fn = name(byId.get(at));
      if (seen.has(fn)) continue;
      seen.add(fn);
      inclusive.set(fn, (inclusive.get(fn) ?? 0) + n);
    }
  }
  return { self, inclusive, total: profile.samples.length };
}

const demo = await startDemoServer({ bench: resolve(dir) });
const browser = await launchChromium();
try {
  const page = await openPage(browser, new URL("/pkg/package.json", demo.url).href);
  await page.evaluate(async () => {
    globalThis.runtime = await import("/pkg/view/index.js");
    globalThis.parts = await Promise.all(
      ["/bench/personal.bin", "/bench/shared.bin"].map(async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer())),
    );
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const ms = await page.evaluate(() => {
    const start = performance.now();
    globalThis.runtime.fromViewParts(...globalThis.parts).free();
    return performance.now() - start;
  });
  const { profile } = await cdp.send("Profiler.stop");
  const { self, inclusive, total } = tallies(profile);
  console.log(`fromViewParts ${ms.toFixed(0)} ms, ${total} samples\n\nself\n${table(self, total, top)}\n\ninclusive\n${table(inclusive, total, top)}`);
} finally {
  await browser.close();
  await demo.close();
}
