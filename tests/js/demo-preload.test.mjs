// The demo page preloads its whole module graph (`<link rel="modulepreload">` in
// www/index.html), so the browser fetches every module at once instead of in a waterfall
// of imports (BENCHMARKS.md, "The demo's first search"). A module added to the package or
// the page without a preload line would bring a level of that waterfall back: this test
// walks the static imports from the page's entry and compares.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const html = readFileSync(join(repo, "www", "index.html"), "utf8");

/** The file behind a URL path of the demo server (www/ at /, pkg/ at /pkg/). */
const file = (url) => (url.startsWith("/pkg/") ? join(repo, "pkg", url.slice(5)) : join(repo, "www", url.replace(/^\//, "")));

/** Every module URL statically imported from `entry`, itself included. */
function graph(entry) {
  const seen = new Set();
  const visit = (url) => {
    if (seen.has(url)) return;
    seen.add(url);
    const text = readFileSync(file(url), "utf8");
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"|^\s*import\s*"([^"]+)"/gm)) {
      const spec = m[1] ?? m[2];
      visit(spec.startsWith("/") ? spec : posix.join(posix.dirname(url), spec));
    }
  };
  visit(entry);
  return seen;
}

test("www/index.html preloads every module the demo page imports", { skip: !existsSync(join(repo, "pkg", "web.js")) && "pkg/ is not built" }, () => {
  const main = html.match(/<script type="module" src="([^"]+)"/)?.[1];
  assert.ok(main, "the page's module entry");
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => posix.join("/", m[1])));
  // wasm-bindgen's inline snippets live under a path with a build hash, which a static
  // page cannot name; they are one small module.
  const needed = [...graph(posix.join("/", main))].filter((url) => !url.startsWith("/pkg/snippets/"));
  assert.deepEqual(needed.filter((url) => !preloaded.has(url)), [], "modules imported but not preloaded");
  assert.deepEqual([...preloaded].filter((url) => !needed.includes(url)), [], "preloaded but not imported");
});
