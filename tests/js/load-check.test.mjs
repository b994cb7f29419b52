// A small run of benches/load-check.mjs (5,000 users, 200 people) through the built
// package: every session is freed, a freed one refuses to be used, and memory after the
// last batch is not above memory after the first (warm-up) batch by more than a slack.
// No timing is asserted: the figures belong to BENCHMARKS.md ("Load check").
import assert from "node:assert/strict";
import { test } from "node:test";

import { loadCheck } from "../../benches/load-check.mjs";

test("many people sign in, search, check and leave without memory growing", async () => {
  const r = await loadCheck({ users: 5000, people: 200, samples: 4, seed: 7 });
  assert.equal(r.run.signIns, 200);
  assert.ok(r.load.users >= 5000, `${r.load.users} users`);
  assert.ok(r.run.searches > 200 && r.run.results > 0, JSON.stringify(r.run));
  assert.ok(r.run.checks > 0, JSON.stringify(r.run));
  assert.equal(r.run.errors, 0, "every check of an existing flow answers");
  // No handle leaked: every session created was freed, and a freed one says so.
  assert.equal(r.handles.created, 200);
  assert.equal(r.handles.freed, 200);
  assert.equal(r.handles.lastFreedThrows, "OBJECT_FREED");
  const { start, end } = r.summary;
  assert.ok(start && end, "memory was sampled after the first and the last batch");
  assert.ok(end.wasmBytes <= start.wasmBytes + (1 << 20), `Wasm memory ${start.wasmBytes} -> ${end.wasmBytes}`);
  assert.ok(end.jsHeapBytes <= start.jsHeapBytes + (8 << 20), `JS heap ${start.jsHeapBytes} -> ${end.jsHeapBytes}`);
  assert.deepEqual(r.flags, []);
});
