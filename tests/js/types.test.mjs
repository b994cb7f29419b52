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
