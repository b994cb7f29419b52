// A smoke test of the people-search benchmark (benches/search.mjs): 2,000 people, a few
// sequences per form, every engine (3 s of keystrokes each at most, so Fuse.js stops
// early and says so), and the varied dataset; checks the JSON lines, not the figures.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));

test("benches/search.mjs --json prints one object per engine with the figures", () => {
  const r = spawnSync(process.execPath, [join(repo, "benches", "search.mjs"), "--users", "2000", "--per-form", "8", "--budget", "3", "--json"], {
    cwd: repo,
    encoding: "utf8",
    timeout: 120_000,
  });
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.deepEqual(rows.map((x) => x.engine), ["guestpass", "guestpass-nohl", "session.search (member)", "session.search (guest)", "flexsearch", "minisearch", "fuse.js", "ufuzzy"]);
  for (const row of rows) {
    for (const key of ["engine", "users", "buildMs", "memoryMB", "p50us", "p99us", "top10", "exactFirst", "partial"]) assert.ok(key in row, `${row.engine} lacks ${key}`);
    assert.equal(row.users, 2000);
    assert.ok(row.keystrokes > 0, `${row.engine} typed no keystroke`);
    if (!row.partial) assert.ok(row.keystrokes > 300, `${row.engine} typed ${row.keystrokes} keystrokes`);
  }
  for (const gp of rows.slice(0, 4)) {
    assert.equal(gp.exactFirst, 100, `${gp.engine} puts exact names first`);
    assert.ok(gp.top10 >= 95, `${gp.engine} top-10 ${gp.top10}%`);
  }
});

test("benches/search.mjs --dataset varied measures session.search beside PeopleIndex", () => {
  const args = ["--dataset", "varied", "--users", "3000", "--per-form", "8", "--engines", "guestpass,session-member,session-guest", "--json"];
  const r = spawnSync(process.execPath, [join(repo, "benches", "search.mjs"), ...args], { cwd: repo, encoding: "utf8", timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.deepEqual(rows.map((x) => [x.engine, x.dataset]), [
    ["guestpass", "varied"],
    ["session.search (member)", "varied"],
    ["session.search (guest)", "varied"],
  ]);
  for (const row of rows) assert.ok(row.top10 >= 95 && row.keystrokes > 300, `${row.engine}: ${JSON.stringify(row)}`);
});
