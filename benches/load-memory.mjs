#!/usr/bin/env node
// The WebAssembly memory a loaded directory holds, measured as issue 18 asks: the
// high-water mark of a fresh process that does nothing but `Directory.fromBytes` of a
// snapshot (and, for comparison, one that does `Directory.fromJSON` of the world JSON),
// with the bytes per person. The snapshot and JSON of the sample world are made once by
// a first process and cached under target/bench-data/.
//
//   make package && node benches/load-memory.mjs --users 1000000     # --json for one object
//
// Options: --users N (default 1,000,000), --seed S (default 42), --pkg DIR (default pkg/).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const users = Number(arg("users", 1_000_000));
const seed = Number(arg("seed", 42));
const pkg = arg("pkg", join(repo, "pkg"));
const dir = join(repo, "target", "bench-data");
const base = join(dir, `sample-${users}-seed${seed}`);

async function glue() {
  const gp = await import(pathToFileURL(join(pkg, "node.js")).href);
  const raw = await import(pathToFileURL(join(pkg, "guestpass.js")).href);
  const memory = raw.initSync({ module: readFileSync(join(pkg, "guestpass_bg.wasm")) }).memory;
  return { gp, memory };
}

const mode = arg("mode", "");
if (mode === "make") {
  const { gp } = await glue();
  const sample = gp.Directory.sample({ users, seed });
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${base}.snap.tmp`, sample.toBytes());
  renameSync(`${base}.snap.tmp`, `${base}.snap`);
  writeFileSync(`${base}.json.tmp`, sample.toJSONString());
  renameSync(`${base}.json.tmp`, `${base}.json`);
  process.exit(0);
}
if (mode === "bytes" || mode === "json") {
  const input = readFileSync(`${base}.${mode === "bytes" ? "snap" : "json"}`, mode === "bytes" ? undefined : "utf8");
  const { gp, memory } = await glue();
  const before = memory.buffer.byteLength;
  const t = performance.now();
  const d = mode === "bytes" ? gp.Directory.fromBytes(input) : gp.Directory.fromJSON(input);
  const ms = performance.now() - t;
  const people = d.stats().users;
  console.log(JSON.stringify({ mode, users: people, ms: Math.round(ms), wasmBytes: memory.buffer.byteLength, wasmBefore: before, inputBytes: input.length }));
  process.exit(0);
}

if (!existsSync(`${base}.snap`) || !existsSync(`${base}.json`)) {
  console.error(`making the ${users.toLocaleString("en-US")}-user sample's snapshot and JSON…`);
  const r = spawnSync(process.execPath, ["--max-old-space-size=16000", fileURLToPath(import.meta.url), ...argv, "--mode", "make"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const rows = [];
for (const m of ["bytes", "json"]) {
  const r = spawnSync(process.execPath, ["--max-old-space-size=16000", fileURLToPath(import.meta.url), ...argv, "--mode", m], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  rows.push(JSON.parse(r.stdout.trim().split("\n").at(-1)));
}
if (argv.includes("--json")) console.log(JSON.stringify({ users, seed, rows }));
else {
  const mib = (b) => (b / 2 ** 20).toLocaleString("en-US", { maximumFractionDigits: 0 });
  console.log(`\n${users.toLocaleString("en-US")} users (sample world, seed ${seed}), Node ${process.version}, fresh process each\n`);
  console.log("| load | time | input | Wasm memory (high-water) | bytes / person |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const name = r.mode === "bytes" ? "`Directory.fromBytes`" : "`Directory.fromJSON`";
    console.log(`| ${name} | ${(r.ms / 1000).toFixed(2)} s | ${mib(r.inputBytes)} MB | ${mib(r.wasmBytes)} MiB | ${Math.round(r.wasmBytes / r.users).toLocaleString("en-US")} |`);
  }
}
