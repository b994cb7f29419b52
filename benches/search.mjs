// People search: guestpass (through the built package, so the JavaScript boundary is
// counted) against FlexSearch, MiniSearch, Fuse.js and uFuzzy, in one Node process, on
// the same people and the same typing sequences.
//
//   make package && node benches/search.mjs --users 100000          # a table
//   node benches/search.mjs --users 100000 --json                    # one JSON object per engine per line
//
//   node benches/search.mjs --dataset varied --users 1000000 --budget 60   # the second dataset
//
// Options: --users N (default 10000), --dataset sample|varied (default sample: the sample
// world's people, benches/search-data.mjs; varied: benches/people-varied.mjs), --seed S
// (dataset, default 42), --per-form K (people
// typed per form, default 100), --engines a,b (default all), --budget SECONDS (keystroke
// time per engine before it is reported partial, default 120), --pkg DIR (default pkg/).
// The dataset is cached under target/bench-data (benches/search-data.mjs). The process
// re-runs itself with --expose-gc and a large heap so memory can be measured after a GC.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { variedPeople, worldOf } from "./people-varied.mjs";
import { ensureCached, loadUsers, repo } from "./search-data.mjs";
import {
  exactQueries,
  flexsearchEngine,
  fuseEngine,
  guestpassEngine,
  measure,
  minisearchEngine,
  sequences,
  sessionEngine,
  ufuzzyEngine,
} from "./search-lib.mjs";

const argv = process.argv.slice(2);
if (typeof globalThis.gc !== "function") {
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=16000", process.argv[1], ...argv], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const arg = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const users = Number(arg("users", 10000));
const seed = Number(arg("seed", 42));
const perForm = Number(arg("per-form", 100));
const budgetMs = Number(arg("budget", 120)) * 1000;
const pkg = arg("pkg", join(repo, "pkg"));
const json = argv.includes("--json");
const dataset = arg("dataset", "sample");
const wanted = arg("engines", "guestpass,guestpass-nohl,session-member,session-guest,flexsearch,minisearch,fuse.js,ufuzzy").split(",");
const log = json ? () => {} : (m) => console.error(m);

if (dataset === "sample") ensureCached({ users, seed, pkg });
else if (dataset !== "varied") throw new Error(`unknown dataset ${dataset}; known: sample, varied`);
const require = createRequire(import.meta.url);
const gp = await import(pathToFileURL(join(pkg, "node.js")).href);
const glue = await import(pathToFileURL(join(pkg, "guestpass.js")).href);
// initSync answers the already-instantiated module's exports: its memory is what we count.
const wasmMemory = glue.initSync({ module: readFileSync(join(pkg, "guestpass_bg.wasm")) }).memory;

// Every engine indexes the same people: those a Directory of one tenant holds (the sample
// world's tenants merged into one; a repeated sign-in name is left out).
const { world, people } = worldOf(dataset === "varied" ? variedPeople({ users, seed }) : await loadUsers({ users, seed, pkg }));
const shared = {};
const seqs = sequences(people, { perForm, seed: 7 });
const exact = exactQueries(people);
log(`${people.length} people, ${seqs.length} typing sequences (${seqs.reduce((n, s) => n + s.keys.length, 0)} keystrokes), ${exact.length} exact-name queries`);

const makers = {
  guestpass: () => guestpassEngine(gp),
  "guestpass-nohl": () => guestpassEngine(gp, { highlights: false }),
  "session-member": () => sessionEngine(gp, { world, who: "member", shared }),
  "session-guest": () => sessionEngine(gp, { world, who: "guest", shared }),
  flexsearch: () => flexsearchEngine(require("flexsearch")),
  minisearch: () => minisearchEngine(require("minisearch")),
  "fuse.js": () => fuseEngine(require("fuse.js")),
  ufuzzy: () => ufuzzyEngine(require("@leeoniya/ufuzzy")),
};

function memory() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed + wasmMemory.buffer.byteLength;
}

/**
 * Every one- and two-letter query (a … z, aa … zz: 702), each timed alone, twice (the
 * second pass is reported: the first may compute a kept answer the index had not kept).
 */
function shortPrefixes(engine) {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const queries = [...letters];
  for (const a of letters) for (const b of letters) queries.push(a + b);
  let times = [];
  for (let pass = 0; pass < 2; pass++) {
    times = queries.map((q) => {
      const t = performance.now();
      engine.search(q);
      return performance.now() - t;
    });
  }
  times.sort((a, b) => a - b);
  const us = (x) => Math.round(x * 10000) / 10;
  return { shortP50us: us(times[Math.floor(times.length / 2)]), shortP99us: us(times[Math.floor(times.length * 0.99)]), shortMaxus: us(times.at(-1)) };
}

const rows = [];
for (const name of wanted) {
  const make = makers[name];
  if (!make) throw new Error(`unknown engine ${name}; known: ${Object.keys(makers).join(", ")}`);
  const engine = make();
  const row = measure(engine, people, seqs, exact, { budgetMs, memory, log });
  row.node = process.version;
  if (name.startsWith("guestpass") || name.startsWith("session-")) Object.assign(row, shortPrefixes(engine));
  // WebAssembly memory never shrinks: the second guestpass run reuses what the first one
  // grew, so it reports the first one's figure (it builds the same index).
  const first = rows.find((r) => r.engine === "guestpass");
  if (name === "guestpass-nohl" && first) {
    row.memoryMB = first.memoryMB;
    row.memoryFrom = "guestpass";
  }
  // The second session row signs into the directory the first one loaded.
  const firstSession = rows.find((r) => r.engine.startsWith("session.search"));
  if (name.startsWith("session-") && firstSession) {
    row.memoryMB = firstSession.memoryMB;
    row.buildMs = firstSession.buildMs;
    row.memoryFrom = firstSession.engine;
  }
  row.dataset = dataset;
  engine.drop();
  if (name === "session-guest" || (name === "session-member" && !wanted.includes("session-guest"))) {
    shared.dir?.free();
    shared.dir = undefined;
  }
  rows.push(row);
  if (json) console.log(JSON.stringify(row));
  else log(`${row.engine}: p50 ${row.p50us} µs, p99 ${row.p99us} µs, top-10 ${row.top10}%, exact first ${row.exactFirst}%${row.partial ? ` (partial: ${row.keystrokes} keystrokes)` : ""}`);
}

if (!json) {
  const fmt = (v, d = 1) => (v === null || Number.isNaN(v) ? "–" : Number(v).toLocaleString("en-US", { maximumFractionDigits: d }));
  console.log(`\n${dataset} dataset, ${users.toLocaleString("en-US")} users (${people.length.toLocaleString("en-US")} records), Node ${process.version}\n`);
  console.log("| engine | build | memory | p50 / keystroke | p99 / keystroke | top-10 | exact first | keystrokes |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const build = r.buildMs >= 10000 ? `${fmt(r.buildMs / 1000)} s` : `${fmt(r.buildMs, 0)} ms`;
    const us = (v) => (v >= 1000 ? `${fmt(v / 1000, 2)} ms` : `${fmt(v)} µs`);
    console.log(`| ${r.engine} | ${build} | ${fmt(r.memoryMB)} MB | ${us(r.p50us)} | ${us(r.p99us)} | ${fmt(r.top10)}% | ${fmt(r.exactFirst)}% | ${r.keystrokes.toLocaleString("en-US")}${r.partial ? " (partial)" : ""} |`);
  }
  console.log("\none- and two-letter queries (702, each timed alone; p50 / p99 / max):");
  for (const r of rows.filter((r) => r.shortP50us !== undefined)) console.log(`  ${r.engine}: ${r.shortP50us} / ${r.shortP99us} / ${r.shortMaxus} µs`);
  const base = rows.find((r) => r.engine === "guestpass");
  for (const r of rows.filter((r) => r.engine.startsWith("session.search"))) {
    if (base) console.log(`${r.engine} against PeopleIndex.search (both with highlights): p50 ${fmt((100 * r.p50us) / base.p50us, 0)}%, p99 ${fmt((100 * r.p99us) / base.p99us, 0)}%`);
  }
  console.log("\ntop-10 by form:");
  for (const r of rows) console.log(`  ${r.engine}: ${JSON.stringify(r.top10ByForm)}`);
  console.log("\nas JSON lines (--json prints only these):");
  for (const r of rows) console.log(JSON.stringify(r));
}
