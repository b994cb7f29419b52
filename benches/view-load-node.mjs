#!/usr/bin/env node
// A member's view loaded in Node with the view runtime (`guestpass/view`, pkg/view/): the
// two parts `examples/view_timing.rs --write DIR` wrote, read from disk, then
// `fromViewParts(personal, shared)` and one search. Prints the load time, the first
// search's and the process's resident memory after (issue 17's large-view figures, where
// Chromium's page does not survive the load).
//
//   cargo run --release --example view_timing -- 2000000 --runs 3 --write target/view-parts-2m
//   make build-package && node benches/view-load-node.mjs target/view-parts-2m
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node benches/view-load-node.mjs DIR (personal.bin and shared.bin)");
const here = resolve(new URL(".", import.meta.url).pathname);
const view = await import(pathToFileURL(join(here, "..", "pkg", "view", "node.js")).href);
const personal = new Uint8Array(readFileSync(join(dir, "personal.bin")));
const shared = new Uint8Array(readFileSync(join(dir, "shared.bin")));
const start = performance.now();
const me = view.fromViewParts(personal, shared);
const loaded = performance.now();
const found = me.search("a", { limit: 10 }).items.length;
const searched = performance.now();
const mb = (n) => Math.round(n / 1e6);
console.log(
  `${me.viewContents()?.people} people readable: fromViewParts ${Math.round(loaded - start)} ms, ` +
    `first search ${(searched - loaded).toFixed(1)} ms (${found} found); resident ${mb(process.memoryUsage().rss)} MB, ` +
    `of which array buffers ${mb(process.memoryUsage().arrayBuffers)} MB`,
);
