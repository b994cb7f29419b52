#!/usr/bin/env node
// Load check (issue 8, item 5): a large directory through the built package, many
// different people signing in one after another, each typing in a people picker and
// opening a screen of flow checks, then leaving (session.free()). It reports how long the
// directory took to load, the throughput of sign-ins, searches and checks, and memory
// (JavaScript heap and WebAssembly memory) sampled along the way, flagging growth.
//
//   node --expose-gc benches/load-check.mjs --users 1000000 --people 10000
//   node --expose-gc benches/load-check.mjs --users 1000000 --people 10000 --json
//
// Options: --users N (sample users, default 1,000,000), --people N (sign-ins, default
// 10,000), --seed S (sample seed, default 42), --keystrokes N (searches per person,
// default 6), --checks N (items of each person's checkMany, default 20), --samples N
// (memory samples after warm-up, default 10), --pkg DIR (the built package, default
// ../pkg), --json (one JSON object instead of the report).
//
// What happens, in order:
// 1. `Directory.sample({ users, seed })` builds the sample in WebAssembly; its JSON
//    (`toJSONString`) and snapshot (`toBytes`) are taken and it is freed.
// 2. Loading is timed both ways: `Directory.fromJSON(json)` (then freed) and
//    `Directory.fromBytes(bytes)`, the directory every later step uses.
// 3. `people` sign-ins of different people drawn from every tenant (seeded; people the
//    directory refuses, e.g. guests with a pending invitation, count as refused sign-ins
//    and the next one is drawn). Each person types the first `keystrokes` characters of
//    another person's name of their tenant, one `session.search` per keystroke; then
//    runs one `session.checkMany` of `checks` items (flows of their tenant, every
//    action); then `session.free()`.
// 4. Memory is sampled (after a forced garbage collection when `--expose-gc` is given;
//    otherwise one is enabled through v8) once after the first 2% of the people (the
//    warm-up baseline) and `samples` times after that; the report flags growth of the
//    WebAssembly memory or the JS heap beyond a slack between the baseline and the end.
//
// Exported as `loadCheck(options)` for tests/js/load-check.test.mjs (a small run).
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { mulberry32 } from "./random.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ACTIONS = ["run", "edit", "share", "viewRuns", "cancelRun", "resubmitRun", "delete"];

function collector() {
  if (typeof globalThis.gc === "function") return globalThis.gc;
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc");
}

const STR = '"((?:[^"\\\\]|\\\\.)*)"';
// A copy that does not keep the whole world JSON alive (V8 makes a regex match a slice
// of the string it matched in).
const own = (s) => (" " + s).slice(1);
const unescape = (s) => (s.includes("\\") ? JSON.parse(`"${s}"`) : own(s));

/** The part of canonical world JSON holding one list: `"name":[ ... ]`. */
function section(json, name, next) {
  const start = json.indexOf(`"${name}":[`);
  if (start < 0) return "";
  const end = next.map((n) => json.indexOf(`"${n}":[`, start)).filter((i) => i > 0);
  return json.slice(start, end.length ? Math.min(...end) : json.length);
}

/** Users (id and tenant) and, by tenant, display names and flow ids, read from the world's
 * JSON; kept compact (one string per user id and name, tenants interned). */
function readWorld(json) {
  const ids = [];
  const tenantOf = [];
  const tenants = [];
  const byTenant = new Map();
  const userRe = new RegExp(`\\{"id":${STR},"tenantId":${STR},"displayName":${STR}`, "g");
  for (const m of section(json, "users", ["groups", "apps", "flows", "approvals"]).matchAll(userRe)) {
    const tenantId = m[2];
    if (!byTenant.has(tenantId)) {
      byTenant.set(tenantId, { index: tenants.length, names: [], flows: [] });
      tenants.push(own(tenantId));
    }
    const tenant = byTenant.get(tenantId);
    ids.push(unescape(m[1]));
    tenantOf.push(tenant.index);
    tenant.names.push(unescape(m[3]));
  }
  const flowRe = new RegExp(`\\{"id":${STR},"tenantId":${STR}`, "g");
  for (const m of section(json, "flows", ["approvals", "connectors", "joinRequests"]).matchAll(flowRe)) {
    byTenant.get(m[2])?.flows.push(unescape(m[1]));
  }
  // RegExp's legacy last-match statics (RegExp.input) would keep the world JSON alive.
  /x/.exec("x");
  return {
    count: ids.length,
    user: (i) => ({ id: ids[i], tenantId: tenants[tenantOf[i]] }),
    tenant: (id) => byTenant.get(id),
  };
}

/** Where the package's WebAssembly memory is (the glue hands back its exports). */
async function wasmMemory(pkg) {
  const glue = await import(pathToFileURL(join(pkg, "guestpass.js")).href);
  const exports = glue.initSync({ module: new Uint8Array() });
  return () => exports.memory.buffer.byteLength;
}

/**
 * Runs the load check; returns `{ options, load, run, throughput, memory, handles, flags }`.
 * `log(line)` gets progress lines.
 */
export async function loadCheck(options = {}) {
  const o = {
    users: 1_000_000,
    people: 10_000,
    seed: 42,
    keystrokes: 6,
    checks: 20,
    samples: 10,
    pkg: join(here, "..", "pkg"),
    log: () => {},
    ...options,
  };
  const gp = await import(pathToFileURL(join(resolve(o.pkg), "node.js")).href);
  const wasmBytes = await wasmMemory(resolve(o.pkg));
  const gc = collector();
  const settle = () => {
    gc();
    gc();
  };
  const memoryNow = (label, after) => {
    settle();
    const m = process.memoryUsage();
    return { label, after, jsHeapBytes: m.heapUsed, wasmBytes: wasmBytes(), rssBytes: m.rss };
  };
  const time = (f) => {
    const t = performance.now();
    const value = f();
    return [value, performance.now() - t];
  };
  const load = {};
  const memory = [memoryNow("before loading", 0)];

  // 1-2. The sample, its JSON and snapshot; both ways of loading.
  o.log(`generating ${o.users.toLocaleString("en")} sample users…`);
  let [sample, sampleMs] = time(() => gp.Directory.sample({ users: o.users, seed: o.seed }));
  load.sampleMs = sampleMs;
  let [json, toJsonMs] = time(() => sample.toJSONString());
  load.toJSONStringMs = toJsonMs;
  let [bytes, toBytesMs] = time(() => sample.toBytes());
  load.toBytesMs = toBytesMs;
  sample.free();
  sample = null;
  load.jsonBytes = Buffer.byteLength(json);
  load.snapshotBytes = bytes.byteLength;
  const world = readWorld(json);
  o.log(`fromJSON of ${(load.jsonBytes / 1e6).toFixed(0)} MB…`);
  let [fromJson, fromJsonMs] = time(() => gp.Directory.fromJSON(json));
  load.fromJSONMs = fromJsonMs;
  fromJson.free();
  fromJson = null;
  json = null;
  o.log(`fromBytes of ${(load.snapshotBytes / 1e6).toFixed(0)} MB…`);
  const [dir, fromBytesMs] = time(() => gp.Directory.fromBytes(bytes));
  load.fromBytesMs = fromBytesMs;
  bytes = null;
  load.users = dir.stats().users;
  memory.push(memoryNow("loaded", 0));

  // 3. The people.
  const rand = mulberry32(o.seed ^ 0x5eed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const run = { signIns: 0, refused: 0, searches: 0, results: 0, checks: 0, allowed: 0, errors: 0 };
  const spent = { signIn: 0, search: 0, checks: 0, free: 0 };
  const handles = { created: 0, freed: 0, lastFreedThrows: null };
  const warmup = Math.max(1, Math.ceil(o.people * 0.02));
  const every = Math.max(1, Math.floor((o.people - warmup) / o.samples));
  const started = performance.now();
  let lastSession = null;
  while (run.signIns < o.people) {
    const person = world.user(Math.floor(rand() * world.count));
    let t = performance.now();
    let session;
    try {
      session = dir.signIn({ tenantId: person.tenantId, user: person.id });
    } catch (error) {
      spent.signIn += performance.now() - t;
      if (error?.name !== "GuestPassError") throw error;
      run.refused++;
      continue;
    }
    spent.signIn += performance.now() - t;
    handles.created++;
    run.signIns++;
    const tenant = world.tenant(person.tenantId);
    const target = pick(tenant.names);
    t = performance.now();
    for (let k = 1; k <= Math.min(o.keystrokes, target.length); k++) {
      run.results += session.search(target.slice(0, k)).items.length;
      run.searches++;
    }
    spent.search += performance.now() - t;
    if (tenant.flows.length) {
      const items = [];
      for (let i = 0; i < o.checks; i++) {
        items.push({ id: String(i), action: ACTIONS[i % ACTIONS.length], flowId: pick(tenant.flows) });
      }
      t = performance.now();
      for (const answer of session.checkMany(items)) {
        if (answer.error) run.errors++;
        else if (answer.allowed) run.allowed++;
      }
      spent.checks += performance.now() - t;
      run.checks += items.length;
    }
    t = performance.now();
    session.free();
    spent.free += performance.now() - t;
    handles.freed++;
    lastSession = session;
    const done = run.signIns;
    if (done === warmup) {
      memory.push(memoryNow("baseline (after warm-up)", done));
    } else if (done > warmup && ((done - warmup) % every === 0 || done === o.people)) {
      memory.push(memoryNow(`after ${done.toLocaleString("en")} people`, done));
      o.log(`${done.toLocaleString("en")} people…`);
    }
  }
  run.wallMs = performance.now() - started;
  try {
    lastSession?.whoami();
    handles.lastFreedThrows = false;
  } catch (error) {
    handles.lastFreedThrows = error?.code ?? String(error);
  }
  dir.free();
  memory.push(memoryNow("directory freed", run.signIns));

  const perSecond = (n, ms) => (ms > 0 ? Math.round((n * 1000) / ms) : null);
  const throughput = {
    signInsPerSecond: perSecond(run.signIns + run.refused, spent.signIn),
    searchesPerSecond: perSecond(run.searches, spent.search),
    checksPerSecond: perSecond(run.checks, spent.checks),
    peoplePerSecond: perSecond(run.signIns, run.wallMs),
    msPerPerson: run.signIns ? run.wallMs / run.signIns : null,
  };
  const baseline = memory.find((m) => m.label.startsWith("baseline"));
  const last = memory.filter((m) => m.after === o.people && m.label.startsWith("after")).pop();
  const middle = memory.filter((m) => m.label.startsWith("after"))[Math.floor((o.samples - 1) / 2)];
  const slack = { wasmBytes: 4 << 20, jsHeapBytes: 16 << 20 };
  const flags = [];
  if (baseline && last) {
    if (last.wasmBytes > baseline.wasmBytes + slack.wasmBytes) {
      flags.push(`WebAssembly memory grew ${fmt(last.wasmBytes - baseline.wasmBytes)} over the run`);
    }
    if (last.jsHeapBytes > baseline.jsHeapBytes + slack.jsHeapBytes) {
      flags.push(`JS heap grew ${fmt(last.jsHeapBytes - baseline.jsHeapBytes)} over the run`);
    }
  }
  if (handles.created !== handles.freed) flags.push(`${handles.created - handles.freed} sessions not freed`);
  return {
    options: { users: o.users, people: o.people, seed: o.seed, keystrokes: o.keystrokes, checks: o.checks },
    node: process.version,
    load,
    run,
    spent,
    throughput,
    memory,
    summary: { start: baseline, middle, end: last, slack },
    handles,
    flags,
  };
}

function fmt(bytes) {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

function report(r) {
  const n = (x) => (x == null ? "-" : Math.round(x).toLocaleString("en"));
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    `guestpass load check, Node ${r.node}: ${n(r.load.users)} users, ${n(r.options.people)} people`,
    "",
    "loading",
    `  Directory.sample         ${s(r.load.sampleMs)}`,
    `  toJSONString             ${s(r.load.toJSONStringMs)}  (${(r.load.jsonBytes / 1e6).toFixed(0)} MB)`,
    `  toBytes                  ${s(r.load.toBytesMs)}  (${(r.load.snapshotBytes / 1e6).toFixed(0)} MB)`,
    `  Directory.fromJSON       ${s(r.load.fromJSONMs)}`,
    `  Directory.fromBytes      ${s(r.load.fromBytesMs)}`,
    "",
    "people",
    `  sign-ins ${n(r.run.signIns)} (+${n(r.run.refused)} refused), searches ${n(r.run.searches)} (${n(r.run.results)} results), checks ${n(r.run.checks)} (${n(r.run.allowed)} allowed, ${n(r.run.errors)} errors)`,
    `  wall ${s(r.run.wallMs)}: ${n(r.throughput.peoplePerSecond)} people/s, ${r.throughput.msPerPerson?.toFixed(2)} ms per person`,
    `  sign-ins/s ${n(r.throughput.signInsPerSecond)}   searches/s ${n(r.throughput.searchesPerSecond)}   checks/s ${n(r.throughput.checksPerSecond)}`,
    `  sessions created ${n(r.handles.created)}, freed ${n(r.handles.freed)}; a freed one throws ${r.handles.lastFreedThrows}`,
    "",
    "memory (after forced GC)           JS heap       Wasm memory   RSS",
    ...r.memory.map((m) => `  ${m.label.padEnd(32)} ${fmt(m.jsHeapBytes).padStart(11)} ${fmt(m.wasmBytes).padStart(13)} ${fmt(m.rssBytes).padStart(11)}`),
    "",
    r.flags.length ? `GROWTH: ${r.flags.join("; ")}` : `no growth beyond the slack (Wasm ${fmt(r.summary.slack.wasmBytes)}, JS heap ${fmt(r.summary.slack.jsHeapBytes)}) from the baseline to the end`,
  ];
  return lines.join("\n");
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") out.json = true;
    else if (a.startsWith("--")) {
      const key = a.slice(2);
      const value = argv[++i];
      out[key] = key === "pkg" ? value : Number(value);
      if (key !== "pkg" && !Number.isFinite(out[key])) throw new Error(`${a} needs a number`);
    }
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const json = args.json;
  delete args.json;
  const started = Date.now();
  const result = await loadCheck({ ...args, log: json ? () => {} : (line) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`) });
  console.log(json ? JSON.stringify(result) : report(result));
  process.exitCode = result.flags.length ? 1 : 0;
}
