#!/usr/bin/env node
// Flow access checks, side by side: guestpass (the built package) against Cedar
// (npm @cedar-policy/cedar-wasm), the same decisions in one Node process.
//
//   node benches/checks.mjs            a table: µs per single check, µs per check in
//                                      batches of 1,000, for both engines
//   node benches/checks.mjs --json     one JSON object per line:
//                                      { engine, mode, usPerCheck, checksPerSecond, ... }
//
// Options:
//   --pkg PATH     the guestpass package (`make package`): its node.js, or the directory
//                  holding it. Default: ../pkg/node.js (next to this file); env
//                  GUESTPASS_PKG works too. (wasm-bindgen's raw output has no classes: the
//                  package's Directory and Session are TypeScript over its functions.)
//   --cedar DIR    a directory whose node_modules holds @cedar-policy/cedar-wasm. Default:
//                  resolved from this repository (devDependency); env CEDAR_WASM_FROM too.
//   --seconds S    time spent measuring each row (default 2), in five slices; the fastest
//                  slice is reported.
//
// What is measured. The world is generated here, deterministically (seeded): one tenant
// with 2,000 members, 200 guests whose licenses sit in their home tenant, 60 groups nested
// up to several levels, 500 flows shared with users and groups (run-only on manual flows,
// some turned off), and 20 flows of another tenant. Four people sign in (a member, a
// guest, a guest without consent, a member in many groups) and each asks 1,000 questions
// (random action, random flow): 4,000 decisions. Both engines must agree on every one
// before anything is timed.
// - guestpass, single: `session.check(action, flowId)` per decision, result object built.
// - guestpass, batch: `session.checkMany(items)` with 1,000 items per call.
// - cedar-wasm, single: `statefulIsAuthorized` (its fastest prepared API: the policy set
//   is pre-parsed once with `preparsePolicySet`), with the entities each request needs
//   (the person, their groups up the hierarchy, a guest's home user, the flow) prepared
//   once as JS objects before timing. Cedar re-reads the entities on every call: it has
//   no way to keep them between calls.
// - cedar-wasm, batch: Cedar has no batch API, so 1,000 calls in a loop.

import { createRequire } from "node:module";
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
import { mulberry32 } from "./random.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");

// ---------------------------------------------------------------------------------------
// Arguments

const args = process.argv.slice(2);
function option(name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
const json = args.includes("--json");
const seconds = Number(option("--seconds") ?? 2);
const BATCH = 1000;

function findPackage() {
  const given = option("--pkg") ?? process.env.GUESTPASS_PKG;
  const candidates = given
    ? [resolve(given)]
    : [join(repo, "pkg", "node.js")];
  for (const c of candidates) {
    if (!existsSync(c)) continue;
    if (statSync(c).isDirectory()) {
      for (const f of ["node.js"]) {
        if (existsSync(join(c, f))) return join(c, f);
      }
      continue;
    }
    return c;
  }
  throw new Error(
    `no guestpass package found (tried ${candidates.join(", ")}); build one with ` +
      "`make package`",
  );
}

function loadCedar() {
  const from = option("--cedar") ?? process.env.CEDAR_WASM_FROM;
  const require = createRequire(from ? join(resolve(from), "noop.js") : join(repo, "noop.js"));
  try {
    return require("@cedar-policy/cedar-wasm/nodejs");
  } catch (e) {
    throw new Error(
      "@cedar-policy/cedar-wasm not found: `npm install` it here, or install it elsewhere " +
        `and pass --cedar <that directory> (${e.message})`,
    );
  }
}

// ---------------------------------------------------------------------------------------
// The world, generated deterministically

const random = mulberry32(20261123);
const chance = (p) => random() < p;
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const pickSome = (xs, n) => Array.from({ length: n }, () => pick(xs));

function generateWorld() {
  const tenants = [
    { id: "contoso", displayName: "Contoso", domains: ["contoso.com"], initialDomain: "contoso.onmicrosoft.com" },
    { id: "fabrikam", displayName: "Fabrikam", domains: ["fabrikam.com"], initialDomain: "fabrikam.onmicrosoft.com" },
  ];
  const users = [];
  for (let i = 0; i < 2000; i++) {
    users.push({
      id: `m${i}`, tenantId: "contoso", displayName: `Member ${i}`,
      mail: `m${i}@contoso.com`, userPrincipalName: `m${i}@contoso.com`,
      licenses: chance(0.9) ? [pick(["office365", "powerAutomate"])] : [],
      consentedToPowerAutomate: chance(0.9),
    });
  }
  for (let i = 0; i < 200; i++) {
    users.push({
      id: `h${i}`, tenantId: "fabrikam", displayName: `Home ${i}`,
      mail: `h${i}@fabrikam.com`, userPrincipalName: `h${i}@fabrikam.com`,
      licenses: chance(0.9) ? ["powerAutomate"] : [], consentedToPowerAutomate: true,
    });
    users.push({
      id: `g${i}`, tenantId: "contoso", displayName: `Guest ${i}`,
      mail: `h${i}@fabrikam.com`,
      userPrincipalName: `h${i}_fabrikam.com#EXT#@contoso.onmicrosoft.com`,
      userType: "Guest", externalUserState: chance(0.95) ? "Accepted" : "PendingAcceptance",
      creationType: "Invitation", homeTenantId: "fabrikam", homeUserId: `h${i}`,
      consentedToPowerAutomate: chance(0.85),
    });
  }
  const people = users.filter((u) => u.tenantId === "contoso").map((u) => u.id);
  const groups = [];
  for (let j = 0; j < 60; j++) {
    // A group only contains groups made before it: nested, never a cycle.
    const nested = j > 0 ? pickSome(groups.map((g) => g.id), Math.floor(random() * 3)) : [];
    const members = [...new Set([...pickSome(people, 40), ...nested])];
    groups.push({ id: `grp${j}`, tenantId: "contoso", displayName: `Group ${j}`, securityEnabled: true, members });
  }
  const groupIds = groups.map((g) => g.id);
  const principal = () => (chance(0.7) ? pick(groupIds) : pick(people));
  const flows = [];
  for (let f = 0; f < 500; f++) {
    const trigger = chance(0.6) ? "manual" : pick(["automated", "scheduled"]);
    flows.push({
      id: `flow${f}`, tenantId: "contoso", displayName: `Flow ${f}`, trigger,
      enabled: chance(0.9), ownerId: pick(people.filter((p) => p.startsWith("m"))),
      coOwners: [...new Set(Array.from({ length: Math.floor(random() * 3) }, principal))],
      runOnly: trigger === "manual" ? [...new Set(Array.from({ length: Math.floor(random() * 5) }, principal))] : [],
    });
  }
  for (let f = 0; f < 20; f++) {
    flows.push({
      id: `fab-flow${f}`, tenantId: "fabrikam", displayName: `Fabrikam flow ${f}`,
      trigger: "manual", ownerId: `h${f}`, coOwners: [], runOnly: [],
    });
  }
  // Co-owner and run-only lists must not name the owner or both roles at once.
  for (const flow of flows) {
    flow.coOwners = flow.coOwners.filter((p) => p !== flow.ownerId);
    flow.runOnly = flow.runOnly.filter((p) => p !== flow.ownerId && !flow.coOwners.includes(p));
  }
  return { tenants, users, groups, flows };
}

const ACTIONS = ["run", "edit", "share", "viewRuns", "cancelRun", "resubmitRun", "delete"];

function chooseQuestions(world) {
  const guests = world.users.filter((u) => u.userType === "Guest" && u.externalUserState === "Accepted");
  const consenting = guests.find((g) => g.consentedToPowerAutomate);
  const notConsenting = guests.find((g) => !g.consentedToPowerAutomate);
  // The member in the most groups.
  const count = new Map();
  for (const g of world.groups) for (const m of g.members) count.set(m, (count.get(m) ?? 0) + 1);
  const busiest = [...count.entries()].filter(([id]) => id.startsWith("m")).sort((a, b) => b[1] - a[1])[0][0];
  const persons = ["m1", consenting.id, notConsenting.id, busiest];
  // A widget asks about the flows on its screen, mostly flows shared with the person: half
  // the questions are about such flows (found here from the world's plain data), half
  // about any flow.
  const containing = new Map();
  for (const g of world.groups) {
    for (const m of g.members) {
      if (!containing.has(m)) containing.set(m, []);
      containing.get(m).push(g.id);
    }
  }
  const reach = (id) => {
    const seen = new Set([id]);
    const queue = [id];
    while (queue.length) for (const g of containing.get(queue.shift()) ?? []) if (!seen.has(g)) { seen.add(g); queue.push(g); }
    return seen;
  };
  const flowIds = world.flows.map((f) => f.id);
  return persons.map((user) => {
    const mine = reach(user);
    const shared = world.flows
      .filter((f) => mine.has(f.ownerId) || f.coOwners.some((p) => mine.has(p)) || f.runOnly.some((p) => mine.has(p)))
      .map((f) => f.id);
    return {
      user,
      items: Array.from({ length: BATCH }, (_, i) => ({
        id: i,
        action: pick(ACTIONS),
        flowId: shared.length && chance(0.5) ? pick(shared) : pick(flowIds),
      })),
    };
  });
}

// ---------------------------------------------------------------------------------------
// The same world for Cedar: the slice of entities each request needs

function cedarSlices(world, questions) {
  const users = new Map(world.users.map((u) => [u.id, u]));
  const groups = new Map(world.groups.map((g) => [g.id, g]));
  const flows = new Map(world.flows.map((f) => [f.id, f]));
  const parents = new Map();
  for (const g of world.groups) {
    for (const m of g.members) {
      if (!parents.has(m)) parents.set(m, []);
      parents.get(m).push(g.id);
    }
  }
  const ref = (type, id) => ({ __entity: { type, id } });
  const parentRefs = (id) => (parents.get(id) ?? []).map((g) => ({ type: "Group", id: g }));
  const userEntity = (u) => {
    const attrs = {
      tenant: u.tenantId,
      pending: u.externalUserState === "PendingAcceptance",
      consented: !!u.consentedToPowerAutomate,
      licenses: u.licenses ?? [],
    };
    if (u.userType === "Guest" && u.homeUserId) attrs.home = ref("User", u.homeUserId);
    return { uid: { type: "User", id: u.id }, attrs, parents: parentRefs(u.id) };
  };
  const personEntities = (userId) => {
    const out = [];
    const user = users.get(userId);
    out.push(userEntity(user));
    if (user.userType === "Guest" && user.homeUserId) out.push(userEntity(users.get(user.homeUserId)));
    const seen = new Set();
    const queue = [...(parents.get(userId) ?? [])];
    while (queue.length) {
      const g = queue.shift();
      if (seen.has(g)) continue;
      seen.add(g);
      out.push({ uid: { type: "Group", id: g }, attrs: {}, parents: parentRefs(g) });
      queue.push(...(parents.get(g) ?? []));
    }
    return out;
  };
  const flowEntity = (f) => {
    const split = (ids) => [
      ids.filter((i) => !groups.has(i)).map((i) => ref("User", i)),
      ids.filter((i) => groups.has(i)).map((i) => ref("Group", i)),
    ];
    const [coOwnerUsers, coOwnerGroups] = split(f.coOwners ?? []);
    const [runOnlyUsers, runOnlyGroups] = split(f.runOnly ?? []);
    return {
      uid: { type: "Flow", id: f.id },
      attrs: {
        tenant: f.tenantId, enabled: f.enabled !== false, owner: ref("User", f.ownerId),
        coOwnerUsers, coOwnerGroups, runOnlyUsers, runOnlyGroups,
      },
      parents: [],
    };
  };
  const flowEntities = new Map([...flows.values()].map((f) => [f.id, flowEntity(f)]));
  return questions.map(({ user, items }) => {
    const person = personEntities(user);
    return items.map((item) => ({
      principal: { type: "User", id: user },
      action: { type: "Action", id: item.action },
      resource: { type: "Flow", id: item.flowId },
      context: {},
      preparsedPolicySetId: "guestpass",
      entities: [...person, flowEntities.get(item.flowId)],
    }));
  });
}

// ---------------------------------------------------------------------------------------
// Timing

// Runs `round` (which makes `checksPerRound` checks) for `seconds`, in five slices, and
// keeps the fastest slice: on a shared machine the slowest slices measure the neighbours.
function measure(checksPerRound, round) {
  for (let i = 0; i < 3; i++) round(); // warm up
  const slices = 5;
  const budget = BigInt(Math.round((seconds * 1e9) / slices));
  let best = Infinity;
  let checks = 0;
  let sink = 0;
  for (let s = 0; s < slices; s++) {
    let rounds = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    do {
      sink += round();
      rounds++;
      elapsed = process.hrtime.bigint() - start;
    } while (elapsed < budget);
    checks += rounds * checksPerRound;
    best = Math.min(best, Number(elapsed) / 1000 / (rounds * checksPerRound));
  }
  return { usPerCheck: best, checks, sink };
}

// ---------------------------------------------------------------------------------------

const pkgPath = findPackage();
const imported = await import(pathToFileURL(pkgPath).href);
const guestpass = imported.Directory ? imported : imported.default;
const cedar = loadCedar();
const policies = readFileSync(join(repo, "tests", "cedar", "sharing.cedar"), "utf8");
const prepared = cedar.preparsePolicySet("guestpass", { staticPolicies: policies });
if (prepared.type !== "success") throw new Error(`Cedar refused the policies: ${JSON.stringify(prepared)}`);

const world = generateWorld();
const dir = guestpass.Directory.fromJSON(world);
const questions = chooseQuestions(world);
const sessions = questions.map((q) => dir.signIn({ tenantId: "contoso", user: q.user }));
const slices = cedarSlices(world, questions);

// Both engines must give the same answers before anything is timed.
let allowed = 0;
let disagreements = 0;
questions.forEach((q, p) => {
  const answers = sessions[p].checkMany(q.items);
  q.items.forEach((item, i) => {
    const single = sessions[p].check(item.action, item.flowId);
    const batch = answers[i];
    const c = cedar.statefulIsAuthorized(slices[p][i]);
    if (c.type !== "success" || c.response.diagnostics.errors.length) {
      throw new Error(`Cedar failed: ${JSON.stringify(c)}`);
    }
    const theirs = c.response.decision === "allow";
    if (single.allowed !== theirs || batch.allowed !== theirs || batch.id !== item.id) {
      disagreements++;
      if (disagreements <= 5) console.error("disagreement:", q.user, item, single, c.response);
    }
    allowed += theirs ? 1 : 0;
  });
});
const decisions = questions.length * BATCH;
if (disagreements) {
  console.error(`${disagreements} of ${decisions} decisions differ between guestpass and Cedar`);
  process.exit(1);
}

const flat = questions.flatMap((q, p) => q.items.map((item) => ({ session: sessions[p], ...item })));
const flatCedar = slices.flat();

const rows = [];
rows.push({
  engine: "guestpass", mode: "single",
  ...measure(flat.length, () => {
    let n = 0;
    for (const q of flat) if (q.session.check(q.action, q.flowId).allowed) n++;
    return n;
  }),
});
rows.push({
  engine: "guestpass", mode: `batch of ${BATCH}`,
  ...measure(decisions, () => {
    let n = 0;
    for (let p = 0; p < sessions.length; p++) {
      for (const a of sessions[p].checkMany(questions[p].items)) if (a.allowed) n++;
    }
    return n;
  }),
});
rows.push({
  engine: "cedar-wasm", mode: "single",
  ...measure(flatCedar.length, () => {
    let n = 0;
    for (const call of flatCedar) if (cedar.statefulIsAuthorized(call).response.decision === "allow") n++;
    return n;
  }),
});
rows.push({
  engine: "cedar-wasm", mode: `batch of ${BATCH}`,
  ...measure(decisions, () => {
    let n = 0;
    for (const batch of slices) {
      // No batch API: one call per request.
      for (const call of batch) if (cedar.statefulIsAuthorized(call).response.decision === "allow") n++;
    }
    return n;
  }),
});

const entitiesPerCheck = flatCedar.reduce((n, call) => n + call.entities.length, 0) / flatCedar.length;
const context = {
  decisions, allowed, cedarEntitiesPerCheck: Number(entitiesPerCheck.toFixed(1)), node: process.version, cedarWasm: cedar.getCedarSDKVersion?.() ?? cedar.getCedarVersion(),
  package: pkgPath,
};
if (json) {
  for (const r of rows) {
    console.log(JSON.stringify({
      engine: r.engine, mode: r.mode, usPerCheck: Number(r.usPerCheck.toFixed(4)),
      checksPerSecond: Math.round(1e6 / r.usPerCheck), checks: r.checks, ...context,
    }));
  }
} else {
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(`flow checks: ${decisions} decisions (${allowed} allowed), guestpass and Cedar agree on all`);
  console.log(`Cedar gets ${entitiesPerCheck.toFixed(1)} entities per check on average (the person, their groups, the flow)`);
  console.log(`package: ${pkgPath}; @cedar-policy/cedar-wasm ${context.cedarWasm}; Node ${process.version}\n`);
  console.log(`${pad("engine", 12)}${pad("mode", 16)}${lpad("µs/check", 10)}${lpad("checks/s", 14)}`);
  for (const r of rows) {
    console.log(
      `${pad(r.engine, 12)}${pad(r.mode, 16)}${lpad(r.usPerCheck.toFixed(3), 10)}` +
        `${lpad(Math.round(1e6 / r.usPerCheck).toLocaleString("en-US"), 14)}`,
    );
  }
  const [gs, gb, cs, cb] = rows.map((r) => r.usPerCheck);
  console.log(`\nguestpass is ${(cs / gs).toFixed(0)}x faster single, ${(cb / gb).toFixed(0)}x faster in batches`);
}
