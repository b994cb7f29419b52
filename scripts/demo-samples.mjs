#!/usr/bin/env node
// The demo's built-in sample directories as snapshots: for each size the page offers
// without a long wait (2,000 and 20,000 people), `Directory.sample({ users, seed: 42 })`
// from the built package, written with `toBytes()` to target/demo-samples/, which
// scripts/serve.mjs serves at /samples/. A first visit fetches one and loads it with
// `Directory.fromBytes` instead of generating the sample in the page (www/js/main.js);
// without them (or when one is refused) the page generates the sample as before.
//
//   node scripts/demo-samples.mjs      (after make package; make build-package runs it)
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const out = join(repo, "target", "demo-samples");
const SEED = 42;
const SIZES = [2000, 20000];

const gp = await import(pathToFileURL(join(repo, "pkg", "node.js")).href);
mkdirSync(out, { recursive: true });
for (const users of SIZES) {
  const started = performance.now();
  const dir = gp.Directory.sample({ users, seed: SEED });
  const bytes = dir.toBytes();
  dir.free();
  const file = join(out, `sample-${users}-seed${SEED}.bin`);
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
  const took = Math.round(performance.now() - started);
  console.log(`demo-samples: ${users} people -> ${file} (${bytes.byteLength.toLocaleString("en-US")} bytes, ${took} ms)`);
}
