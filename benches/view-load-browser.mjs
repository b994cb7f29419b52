// A member's view loaded in headless Chromium (Debian's, through playwright-core) with the
// view runtime (`guestpass/view`, pkg/view/), as issue 17's target asks ("a member's view
// of a 1,000,000-person tenant loads in at most 1 s and 300 MB of WebAssembly memory"):
//
//   cargo run --release --example view_timing -- 290000 --write target/view-parts-100k
//   make build-package && node benches/view-load-browser.mjs target/view-parts-100k [--runs 3]
//
// The page is served by scripts/serve.mjs (the runtime at /pkg/view/), which also serves
// the example's directory at /bench/: the two parts it wrote (personal.bin, shared.bin)
// come over real HTTP from disk (answering them through Playwright's `route.fulfill`
// closed the page at 85 MB). Per run, a
// fresh page: fetch both parts, `fromViewParts(personal, shared)`, one search; prints the
// times and the runtime's WebAssembly memory after loading (its high-water mark: memory
// never shrinks).
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchChromium, openPage, startDemoServer } from "../tests/browser/harness.mjs";

const argv = process.argv.slice(2);
const dir = argv.find((a) => !a.startsWith("--")) ?? "target/view-parts-100k";
const at = argv.indexOf("--runs");
const runs = at >= 0 ? Number(argv[at + 1]) : 3;
const parts = { personal: statSync(join(dir, "personal.bin")), shared: statSync(join(dir, "shared.bin")) };

const demo = await startDemoServer({ bench: resolve(dir) });
const browser = await launchChromium();
try {
  for (let run = 0; run < runs; run++) {
    const page = await openPage(browser, new URL("/pkg/package.json", demo.url).href);
    const r = await page.evaluate(async () => {
      const runtime = await import("/pkg/view/index.js");
      // The glue's init answers the instance it already made: its exports hold the memory.
      const wasm = await (await import("/pkg/view/guestpass.js")).default();
      const before = wasm.memory.buffer.byteLength;
      const t0 = performance.now();
      const [personal, shared] = await Promise.all(
        ["/bench/personal.bin", "/bench/shared.bin"].map(async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer())),
      );
      const t1 = performance.now();
      const me = runtime.fromViewParts(personal, shared);
      const t2 = performance.now();
      const found = me.search("ali").items.length;
      const t3 = performance.now();
      return {
        fetchMs: t1 - t0,
        loadMs: t2 - t1,
        searchMs: t3 - t2,
        found,
        people: me.viewContents()?.people,
        wasmBefore: before,
        wasmAfter: wasm.memory.buffer.byteLength,
      };
    });
    const mb = (n) => (n / 1048576).toFixed(0);
    console.log(
      `run ${run + 1}: ${r.people} people readable; fetch ${r.fetchMs.toFixed(0)} ms, fromViewParts ${r.loadMs.toFixed(0)} ms, ` +
        `first search ${r.searchMs.toFixed(1)} ms (${r.found} found); WebAssembly memory ${mb(r.wasmBefore)} MB -> ${mb(r.wasmAfter)} MB ` +
        `(personal ${parts.personal.size} bytes, shared ${parts.shared.size} bytes)`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await demo.close();
}
