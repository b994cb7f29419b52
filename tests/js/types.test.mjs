// The package's types against reality: tests/js/typed/*.ts are compiled with tsc --strict
// against the built package (drift.ts: the typed interfaces and wasm-bindgen's classes
// name the same methods and agree where wasm-bindgen knows a type) and shapes.ts is run:
// every answer's keys match its declared type.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { compileExamples, repo } from "./examples-lib.mjs";

const typed = join(repo, "tests", "js", "typed");
const files = readdirSync(typed)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => ({ name: f.replace(/\.ts$/, ""), code: readFileSync(join(typed, f), "utf8") }));

let project;
before(() => {
  project = compileExamples(files);
});
after(() => project?.cleanup());

test("the typed interfaces and the WebAssembly classes agree (tsc --strict over typed/drift.ts)", () => {
  assert.ok(project, "compiled");
});

test("every answer of the API has exactly the keys its type declares (typed/shapes.ts)", async () => {
  const log = console.log;
  const printed = [];
  console.log = (...args) => printed.push(args.join(" "));
  try {
    await import(pathToFileURL(project.outFile("shapes")).href);
  } finally {
    console.log = log;
  }
  assert.match(printed.join("\n"), /shapes: \d+ answers match/);
});

test("DeniedCode lists exactly the codes a certain no of check carries", async () => {
  const { Directory } = await import("guestpass");
  const declared = readFileSync(join(repo, "pkg", "guestpass.d.ts"), "utf8").match(/export type DeniedCode =([^;]+);/);
  assert.ok(declared, "pkg/guestpass.d.ts declares DeniedCode");
  const union = new Set([...declared[1].matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]));
  const dir = Directory.sample({ users: 200 });
  const world = dir.toJSON();
  const actions = ["run", "edit", "share", "viewRuns", "cancelRun", "resubmitRun", "delete"];
  const seen = new Set();
  const ask = (session) => {
    for (const flow of world.flows.filter((f) => f.tenantId === session.tenantId)) {
      for (const action of actions) {
        const d = session.check(action, flow.id);
        if (d.outcome === "denied") seen.add(d.code);
      }
    }
  };
  for (const user of ["bob", "alice-at-contoso", "ann", "ivan", "lars", "erik-at-contoso", "carlos-at-contoso", "pat-at-contoso"]) {
    ask(dir.signIn({ tenantId: "contoso", user }));
  }
  // A guest whose invitation was reset to pending after signing in.
  const carlos = dir.signIn({ tenantId: "contoso", user: "carlos-at-contoso" });
  dir.upsertUser({ ...world.users.find((u) => u.id === "carlos-at-contoso"), externalUserState: "PendingAcceptance" });
  ask(carlos);
  assert.deepEqual([...seen].sort(), [...union].sort());
});
