// Approvals at scale, through the built package: a million approvals across ten tenants,
// and one person's pending Received list — the question a widget asks on every render.
//
//   node benches/approvals.mjs [--pkg DIR] [--approvals N] [--tenants N] [--people N]
//                              [--rounds N] [--json] [--write-world FILE]
//
// --pkg is the built package: `pkg/` from `make package` (the default).
// The world is generated here, deterministically (a seeded PRNG): the project's sample
// generator (sample/) makes five tenants and at most 4,000 approvals per tenant, a
// realistic demo but not a million. Per tenant: 10,000 members, 1,000
// guests (members of the next tenant, licensed at home), 400 groups of 25 (a tenth nest
// another group), and approvals of all five types with 1-3 approvers (a tenth of them
// groups), created over the year before the clock, completed, canceled or pending as
// real inboxes are (a few stale pending ones are expired). The clock is set with
// dir.setClock, so every run asks the same questions at the same time.
//
// Each sampled person is signed in once (not timed); every list call is timed alone with
// process.hrtime, over --rounds rounds, after one warm-up round. Figures are per call,
// JavaScript to JavaScript: the query crossing in, the index lookups and rules, the list
// crossing out.

import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { mulberry32 } from "./random.mjs";

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = {
    pkg: join(here, "..", "pkg"),
    approvals: 1_000_000,
    tenants: 10,
    people: 2_000,
    rounds: 5,
    json: false,
    writeWorld: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--json") opts.json = true;
    else if (arg === "--pkg") opts.pkg = resolve(value());
    else if (arg === "--write-world") opts.writeWorld = resolve(value());
    else if (["--approvals", "--tenants", "--people", "--rounds"].includes(arg)) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${arg} takes a positive integer`);
      opts[arg.slice(2)] = n;
    } else throw new Error(`unknown argument ${arg}; see the comment at the top of ${fileURLToPath(import.meta.url)}`);
  }
  return opts;
}

/** The package's Node entry: exports["."].node, else main. */
function entryOf(pkgDir) {
  const manifest = join(pkgDir, "package.json");
  if (existsSync(manifest)) {
    const pkg = JSON.parse(readFileSync(manifest, "utf8"));
    const dot = pkg.exports?.["."];
    const candidates = [dot?.node?.default, dot?.node, dot?.default?.default, dot?.default, pkg.main];
    for (const c of candidates) {
      if (typeof c === "string" && existsSync(join(pkgDir, c))) return join(pkgDir, c);
    }
  }
  throw new Error(`no guestpass package in ${pkgDir}: run 'make package'`);
}

const NOW = "2026-11-23T10:00:00Z";
const DAY = 86_400_000;
const TYPES = ["firstToRespond", "everyoneMustApprove", "customWaitForOne", "customWaitForAll", "sequential"];
const CUSTOM = ["Accept", "Decline", "Needs changes"];
const MEMBERS = 10_000;
const GUESTS = 1_000;
const GROUPS = 400;
const GROUP_SIZE = 25;
const iso = (ms) => new Date(ms).toISOString().replace(".000Z", "Z");

/** The world as JSON text, and who is in it. */
function generate(opts) {
  const random = mulberry32(20261123);
  const below = (n) => Math.floor(random() * n);
  const nowMs = Date.parse(NOW);
  const T = opts.tenants;
  const perTenant = Math.ceil(opts.approvals / T);
  const tenants = [];
  const users = [];
  const groups = [];
  const approvals = [];
  const people = [];
  let made = 0;
  for (let t = 0; t < T; t++) {
    const home = (t + 1) % T;
    tenants.push(
      `{"id":"t${t}","displayName":"Tenant ${t}","initialDomain":"t${t}.onmicrosoft.com","domains":["t${t}.example"]}`,
    );
    const userIds = [];
    for (let i = 0; i < MEMBERS; i++) {
      const licensed = i % 20 !== 19;
      users.push(
        `{"id":"t${t}u${i}","tenantId":"t${t}","displayName":"Person ${i} of ${t}","mail":"u${i}@t${t}.example","userPrincipalName":"u${i}@t${t}.example"${licensed ? ',"licenses":["office365"]' : ""}}`,
      );
      userIds.push(`t${t}u${i}`);
    }
    if (T > 1) {
      for (let j = 0; j < GUESTS; j++) {
        users.push(
          `{"id":"t${t}g${j}","tenantId":"t${t}","displayName":"Person ${j} of ${home}","mail":"u${j}@t${home}.example","userPrincipalName":"u${j}_t${home}.example#EXT#@t${t}.onmicrosoft.com","userType":"Guest","externalUserState":"Accepted","homeTenantId":"t${home}","homeUserId":"t${home}u${j}"}`,
        );
        userIds.push(`t${t}g${j}`);
      }
    }
    for (const id of userIds) people.push({ tenantId: `t${t}`, user: id });
    const pickUser = () => (random() < 0.9 ? userIds[below(MEMBERS)] : userIds[below(userIds.length)]);
    // Groups: GROUP_SIZE users each; a tenth also contain a group with a higher number
    // (so nesting never cycles).
    const groupUsers = [];
    for (let k = 0; k < GROUPS; k++) {
      const members = new Set();
      while (members.size < GROUP_SIZE) members.add(pickUser());
      const direct = [...members];
      groupUsers.push(direct);
      const all = direct.map((m) => `"${m}"`);
      if (k + 1 < GROUPS && random() < 0.1) all.push(`"t${t}r${k + 1 + below(Math.min(5, GROUPS - k - 1))}"`);
      groups.push(
        `{"id":"t${t}r${k}","tenantId":"t${t}","displayName":"Group ${k} of ${t}","securityEnabled":true,"members":[${all.join(",")}]}`,
      );
    }
    for (let i = 0; i < perTenant && made < opts.approvals; i++, made++) {
      const type = TYPES[i % TYPES.length];
      const custom = type === "customWaitForOne" || type === "customWaitForAll";
      const options = custom ? CUSTOM : ["Approve", "Reject"];
      const requester = userIds[below(MEMBERS)];
      const n = 1 + below(3);
      const entries = [];
      while (entries.length < n) {
        const e = random() < 0.1 ? `g:${below(GROUPS)}` : pickUser();
        if (!entries.includes(e)) entries.push(e);
      }
      const approvers = entries.map((e) => (e.startsWith("g:") ? `t${t}r${e.slice(2)}` : e));
      const created = nowMs - Math.floor((random() * 365 * DAY) / 1000) * 1000;
      const recent = nowMs - created < 28 * DAY;
      const roll = random();
      const status = recent
        ? roll < 0.6
          ? "pending"
          : "completed"
        : roll < 0.92
          ? "completed"
          : roll < 0.97
            ? "canceled"
            : "pending";
      // Who answers for each position: the user named, or a member of the group named
      // who is not named themselves and has not answered already.
      const used = new Set();
      const responder = (k) => {
        const e = entries[k];
        if (!e.startsWith("g:")) return used.has(e) ? null : { id: e };
        const member = groupUsers[Number(e.slice(2))].find((m) => !used.has(m) && !approvers.includes(m));
        return member ? { id: member, group: approvers[k] } : null;
      };
      const responses = [];
      let at = created;
      const answer = (k, response) => {
        const who = responder(k);
        if (!who) return false;
        used.add(who.id);
        at += 3_600_000;
        responses.push(
          `{"approverId":"${who.id}","response":"${response}","respondedAt":"${iso(at)}"${who.group ? `,"onBehalfOf":"${who.group}"` : ""}}`,
        );
        return true;
      };
      let finalStatus = status;
      let outcome = null;
      if (status === "completed") {
        if (type === "firstToRespond" || type === "customWaitForOne") {
          const r = options[below(options.length)];
          if (answer(0, r)) outcome = r;
        } else if (type === "customWaitForAll") {
          for (let k = 0; k < n; k++) answer(k, options[below(options.length)]);
        } else if (random() < 0.2) {
          if (answer(0, "Reject")) outcome = "Reject";
        } else {
          for (let k = 0; k < n; k++) answer(k, "Approve");
          outcome = "Approve";
        }
        const complete =
          outcome !== null || (type === "customWaitForAll" && responses.length === n);
        if (!complete || (outcome === "Approve" && responses.length !== n)) {
          // Someone could not answer (a group with no one left): leave it pending.
          responses.length = 0;
          finalStatus = "pending";
          outcome = null;
        }
      } else if (status === "pending" && n > 1 && type !== "firstToRespond" && type !== "customWaitForOne" && random() < 0.5) {
        const k = below(n - 1) + 1; // some answered, not all
        for (let j = 0; j < k; j++) answer(j, custom ? options[below(options.length)] : "Approve");
      }
      let tail = `,"status":"${finalStatus}","createdAt":"${iso(created)}"`;
      if (outcome) tail += `,"outcome":"${outcome}"`;
      if (finalStatus === "completed") tail += `,"completedAt":"${iso(at)}"`;
      if (finalStatus === "canceled") tail += `,"completedAt":"${iso(created + 7_200_000)}"`;
      approvals.push(
        `{"id":"t${t}a${i}","tenantId":"t${t}","title":"Request ${i}","requesterId":"${requester}","approvers":[${approvers.map((a) => `"${a}"`).join(",")}],"type":"${type}","responseOptions":[${options.map((o) => `"${o}"`).join(",")}]${responses.length ? `,"responses":[${responses.join(",")}]` : ""}${tail}}`,
      );
    }
  }
  const json = `{"tenants":[${tenants.join(",")}],"users":[${users.join(",")}],"groups":[${groups.join(",")}],"approvals":[${approvals.join(",")}]}`;
  return { json, people, counts: { tenants: T, users: users.length, groups: groups.length, approvals: approvals.length } };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function measure(name, sessions, call, rounds) {
  for (const s of sessions) call(s); // warm-up
  const samples = [];
  let items = 0;
  for (let r = 0; r < rounds; r++) {
    for (const s of sessions) {
      const t0 = process.hrtime.bigint();
      const list = call(s);
      const t1 = process.hrtime.bigint();
      samples.push(Number(t1 - t0) / 1000);
      items += list.items.length;
    }
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    name,
    calls: samples.length,
    medianUs: +percentile(samples, 50).toFixed(2),
    p90Us: +percentile(samples, 90).toFixed(2),
    p99Us: +percentile(samples, 99).toFixed(2),
    maxUs: +samples[samples.length - 1].toFixed(2),
    meanUs: +mean.toFixed(2),
    meanItems: +(items / samples.length).toFixed(2),
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const entry = entryOf(opts.pkg);
  const mod = await import(pathToFileURL(entry).href);
  const Directory = mod.Directory ?? mod.default?.Directory;
  if (!Directory) throw new Error(`${entry} exports no Directory`);
  const wasmPath = join(dirname(entry), "guestpass_bg.wasm");
  const wasmBytes = existsSync(wasmPath) ? statSync(wasmPath).size : null;

  const g0 = performance.now();
  const world = generate(opts);
  const generateMs = performance.now() - g0;
  if (opts.writeWorld) writeFileSync(opts.writeWorld, world.json);

  const b0 = performance.now();
  const dir = Directory.fromJSON(world.json);
  const buildMs = performance.now() - b0;
  const jsonMB = world.json.length / 1e6;
  world.json = null;
  dir.setClock(NOW);
  const stats = dir.stats();

  // Deterministic sample of people, spread over every tenant, members and guests.
  const pick = mulberry32(7);
  const sample = [];
  for (let i = 0; i < opts.people; i++) sample.push(world.people[Math.floor(pick() * world.people.length)]);
  const sessions = sample.map((p) => dir.signIn(p));

  const received = { box: "received", status: "pending" };
  const rows = [
    measure("received, pending (the widget's inbox)", sessions, (s) => s.approvals(received), opts.rounds),
    measure("received, all", sessions, (s) => s.approvals({ box: "received", status: "all" }), opts.rounds),
    measure("sent, pending", sessions, (s) => s.approvals({ box: "sent", status: "pending" }), opts.rounds),
  ];
  const memory = process.memoryUsage();
  const result = {
    benchmark: "approvals",
    package: entry,
    wasmBytes,
    node: process.version,
    clock: NOW,
    world: { ...world.counts, jsonMB: +jsonMB.toFixed(1) },
    stats,
    generateMs: Math.round(generateMs),
    fromJsonMs: Math.round(buildMs),
    rssMB: Math.round(memory.rss / 2 ** 20),
    people: sessions.length,
    rounds: opts.rounds,
    rows,
  };
  if (opts.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(
    `approvals: ${result.world.approvals.toLocaleString("en")} across ${result.world.tenants} tenants, ` +
      `${result.world.users.toLocaleString("en")} users, ${result.world.groups.toLocaleString("en")} groups ` +
      `(${result.world.jsonMB} MB of JSON; fromJSON ${result.fromJsonMs} ms; RSS ${result.rssMB} MB)`,
  );
  console.log(`clock ${NOW}; ${result.people} people x ${result.rounds} rounds; ${entry}`);
  console.log("");
  console.log("| list | median µs | p90 µs | p99 µs | max µs | items (mean) |");
  console.log("|------|----------:|-------:|-------:|-------:|-------------:|");
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.medianUs} | ${r.p90Us} | ${r.p99Us} | ${r.maxUs} | ${r.meanItems} |`);
  }
}

main().catch((err) => {
  console.error(err?.stack ?? String(err));
  process.exit(1);
});
