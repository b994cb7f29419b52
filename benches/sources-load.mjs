#!/usr/bin/env node
// Loading from source pages against loading world JSON (issue 22's target: source pages
// take at most twice what `fromJSON` of the same world takes), through the built package
// in Node. The pages are the sample world as Graph, Power Automate and Dataverse answer it
// (`sampleSources`); the world JSON is what those pages build (`toJSONString()` of the
// directory loaded from them), so both sides describe the same directory.
//
//   node benches/sources-load.mjs                      # 10,000 and 100,000 users
//   node benches/sources-load.mjs --users 100000 --runs 3
//   node --max-old-space-size=16000 benches/sources-load.mjs --users 150000 --objects-only
//                                                      # past V8's string cap: objects only
//
// The sample has about one flow per 50 people; to reach the dataset (100,000
// people, 10,000 flows, 100,000 approvals) the flows and approvals of each environment
// are copied under new ids (with their permissions, requests and responses) until there
// are one flow per 10 people and one approval per person (--flows-per-person,
// --approvals-per-person).
//
// Both inputs are JSON text, as a server holds them after fetching; each load is timed
// from the text to a usable directory (parse, check, index), best and median of --runs.
// A third column times `fromSources` of the pages as objects (what a caller holds after
// `response.json()`), which crosses into WebAssembly in parts (wasm/src/sources.rs); a
// fourth, what `loadFromSources` hands over (Graph and Power Automate as objects, each
// Dataverse environment as its pages' JSON text, kept as they arrived); the last two,
// both inputs as UTF-8 bytes (a file or a response body as it arrived).
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

function timed(runs, load) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const dir = load();
    times.push(performance.now() - start);
    dir.free();
  }
  times.sort((a, b) => a - b);
  return { best: times[0], median: times[Math.floor(times.length / 2)] };
}

/** Copies of `rows` under new ids (`copy(row, n)` makes copy n) until there are `target`. */
function grown(rows, target, copy) {
  const out = [...rows];
  for (let n = 1; out.length < target && rows.length > 0; n++) {
    for (const row of rows) {
      if (out.length >= target) break;
      out.push(copy(row, n));
    }
  }
  return out;
}

/** `rows` grouped by `key(row)` (Map.groupBy needs Node 21). */
function groupBy(rows, key) {
  const out = new Map();
  for (const r of rows) {
    const k = key(r);
    if (!out.has(k)) out.set(k, []);
    out.get(k).push(r);
  }
  return out;
}

const values = (pages) => pages.flatMap((p) => p.value);
const page = (rows) => [{ value: rows }];
const renamed = (row, fields, n) => {
  const out = { ...row };
  for (const f of fields) if (typeof out[f] === "string") out[f] = `${out[f]}~${n}`;
  return out;
};

/** `pages` with each environment's flows and approvals copied up to `flows` and
 * `approvals` in all, split over the environments by their share. */
function grow(pages, users, flowsPerPerson, approvalsPerPerson) {
  const flowTotal = pages.powerAutomate.reduce((n, e) => n + values(e.flows).length, 0);
  for (const env of pages.powerAutomate) {
    const rows = values(env.flows);
    const target = Math.round((rows.length / flowTotal) * users * flowsPerPerson);
    const permissions = { ...env.permissions };
    env.flows = page(grown(rows, target, (row, n) => {
      const copy = renamed(row, ["name", "id"], n);
      permissions[copy.name] = env.permissions[row.name];
      return copy;
    }));
    env.permissions = permissions;
  }
  const approvalTotal = pages.dataverse.reduce((n, e) => n + values(e.approvals).length, 0);
  for (const env of pages.dataverse) {
    const rows = values(env.approvals);
    const target = Math.round((rows.length / approvalTotal) * users * approvalsPerPerson);
    const requests = values(env.approvalRequests);
    const responses = values(env.approvalResponses);
    const requestsOf = groupBy(requests, (r) => r._msdyn_flow_approvalrequest_approval_value);
    const responsesOf = groupBy(responses, (r) => r._msdyn_flow_approvalresponse_approval_value);
    env.approvals = page(grown(rows, target, (row, n) => {
      const id = row.msdyn_flow_approvalid;
      for (const r of requestsOf.get(id) ?? []) {
        requests.push({ ...renamed(r, ["msdyn_flow_approvalrequestid", "_msdyn_flow_approvalrequest_approval_value"], n) });
      }
      for (const r of responsesOf.get(id) ?? []) {
        responses.push({ ...renamed(r, ["msdyn_flow_approvalresponseid", "_msdyn_flow_approvalresponse_approval_value"], n) });
      }
      return renamed(row, ["msdyn_flow_approvalid"], n);
    }));
    env.approvalRequests = page(requests);
    env.approvalResponses = page(responses);
  }
  return pages;
}

/**
 * `fromSources` of the pages as objects only, for sizes whose pages no one string can hold
 * (V8 caps a string at 2^29 - 24 characters): how many characters the whole input and its
 * largest part would be, and one load.
 */
export function measureObjectsOnly(api, users, flowsPerPerson = 0.1, approvalsPerPerson = 1) {
  const { Directory, sampleSources } = api;
  const pages = grow(sampleSources({ users, seed: 42 }), users, flowsPerPerson, approvalsPerPerson);
  const parts = [pages.graph, ...pages.powerAutomate, ...pages.dataverse].map((p) => JSON.stringify(p).length);
  const start = performance.now();
  const dir = Directory.fromSources(pages);
  const ms = performance.now() - start;
  const stats = dir.stats();
  dir.free();
  return { users, stats, characters: parts.reduce((a, b) => a + b, 0), largestPart: Math.max(...parts), ms };
}

/** One dataset: counts, input sizes and both load times. */
export function measure(api, users, runs, flowsPerPerson = 0.1, approvalsPerPerson = 1) {
  const { Directory, sampleSources } = api;
  const pages = grow(sampleSources({ users, seed: 42 }), users, flowsPerPerson, approvalsPerPerson);
  const pagesText = JSON.stringify(pages);
  const fromPages = Directory.fromSources(pagesText);
  const stats = fromPages.stats();
  const worldText = fromPages.toJSONString();
  fromPages.free();
  const sources = timed(runs, () => Directory.fromSources(pagesText));
  const objects = timed(runs, () => Directory.fromSources(pages));
  // What loadFromSources hands over: Graph and Power Automate as objects, each Dataverse
  // environment as the JSON text of its pages (made here, before the timing).
  const loaded = { ...pages, dataverse: pages.dataverse.map((env) => JSON.stringify(env)) };
  const asLoaded = timed(runs, () => Directory.fromSources(loaded));
  const json = timed(runs, () => Directory.fromJSON(worldText));
  const encoder = new TextEncoder();
  const [pagesUtf8, worldUtf8] = [encoder.encode(pagesText), encoder.encode(worldText)];
  const sourcesBytes = timed(runs, () => Directory.fromSources(pagesUtf8));
  const jsonBytes = timed(runs, () => Directory.fromJSON(worldUtf8));
  return { users, stats, pagesBytes: pagesText.length, worldBytes: worldText.length, sources, objects, asLoaded, json, sourcesBytes, jsonBytes };
}

const ms = (x) => `${x.toFixed(0)} ms`;
const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;

function table(rows) {
  const lines = [
    "| users | flows | approvals | pages | world JSON | fromSources (best / median) | fromSources of the objects, in parts (best / median) | as loadFromSources hands them over (best / median) | fromJSON (best / median) | ratio (best) | from UTF-8 bytes: fromSources / fromJSON (best) | ratio (best) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const s = r.stats;
    lines.push(
      `| ${r.users.toLocaleString("en")} | ${s.flows.toLocaleString("en")} | ${s.approvals.toLocaleString("en")} | ` +
        `${mb(r.pagesBytes)} | ${mb(r.worldBytes)} | ${ms(r.sources.best)} / ${ms(r.sources.median)} | ` +
        `${ms(r.objects.best)} / ${ms(r.objects.median)} | ${ms(r.asLoaded.best)} / ${ms(r.asLoaded.median)} | ` +
        `${ms(r.json.best)} / ${ms(r.json.median)} | ${(r.sources.best / r.json.best).toFixed(2)}× | ` +
        `${ms(r.sourcesBytes.best)} / ${ms(r.jsonBytes.best)} | ${(r.sourcesBytes.best / r.jsonBytes.best).toFixed(2)}× |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const pkg = resolve(option("pkg", join(here, "..", "pkg")));
  const api = await import(pathToFileURL(join(pkg, "node.js")).href);
  const runs = Number(option("runs", "3"));
  const sizes = option("users", "10000,100000").split(",").map(Number);
  const flows = Number(option("flows-per-person", "0.1"));
  const approvals = Number(option("approvals-per-person", "1"));
  if (process.argv.includes("--objects-only")) {
    for (const users of sizes) {
      const r = measureObjectsOnly(api, users, flows, approvals);
      const cap = 2 ** 29 - 24;
      console.log(
        `${users.toLocaleString("en")} people, ${r.stats.flows.toLocaleString("en")} flows, ${r.stats.approvals.toLocaleString("en")} approvals: ` +
          `pages ${r.characters.toLocaleString("en")} characters (${r.characters > cap ? "over" : "under"} V8's string cap), ` +
          `largest part ${r.largestPart.toLocaleString("en")}; fromSources of the objects ${ms(r.ms)}`,
      );
    }
    return;
  }
  const rows = sizes.map((users) => measure(api, users, runs, flows, approvals));
  console.log(table(rows));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
