// Every ```js / ```ts example of the package README and the top-level README: type-checked
// under tsc --strict against the built package, then run in Node (browser-only examples
// run in tests/browser/examples.test.mjs). See examples-lib.mjs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import * as guestpass from "guestpass";
import { checkStated, compileExamples, installExampleEnvironment, readExamples, repo } from "./examples-lib.mjs";

const examples = readExamples();

describe("README examples", () => {
  let project;
  before(() => {
    project = compileExamples(examples);
  });
  after(() => project?.cleanup());

  test("the examples state what they print, and a comment is checked against it", () => {
    assert.ok(examples.reduce((n, e) => n + e.expectations.length, 0) >= 60);
  });

  test("there are examples, and each one is js or ts", () => {
    assert.ok(examples.length >= 15, `found ${examples.length} examples`);
    for (const ex of examples) assert.match(ex.lang, /^(js|ts|javascript|typescript)$/);
  });

  test("every method of Directory and Session is used in an example of the package README", () => {
    const code = examples.filter((e) => e.source.startsWith("pkg-template")).map((e) => e.code).join("\n");
    const names = (object) => Object.getOwnPropertyNames(object).filter((n) => n !== "constructor" && !n.startsWith("__"));
    const missing = [
      ...names(guestpass.Directory.prototype).filter((n) => !["free"].includes(n)).filter((n) => !new RegExp(`\\.${n}\\b`).test(code)),
      ...names(guestpass.Directory).filter((n) => !["length", "name", "prototype"].includes(n)).filter((n) => !code.includes(`Directory.${n}(`)),
      ...names(guestpass.Session.prototype).filter((n) => !["free"].includes(n)).filter((n) => !new RegExp(`\\.${n}\\b`).test(code)),
    ];
    assert.deepEqual(missing, [], `give ${missing.join(", ")} an example in pkg-template/README.md`);
    assert.ok(readFileSync(join(repo, "pkg-template", "README.md"), "utf8").includes("free()"));
  });

  test("every example type-checks under tsc --strict", () => {
    // compileExamples threw in before() otherwise, with tsc's report mapped to README lines.
    assert.ok(project);
  });

  for (const ex of examples.filter((e) => e.where === "node")) {
    test(`${ex.source} runs in Node`, async () => {
      const records = [];
      const undo = installExampleEnvironment(globalThis, records);
      const log = console.log;
      const printed = [];
      console.log = (...args) => printed.push(args);
      try {
        await import(pathToFileURL(project.outFile(ex.name)).href);
      } catch (error) {
        throw new Error(`${ex.source} threw ${error?.code ?? ""} ${error?.stack ?? error}\nIt printed:\n${printed.map((a) => a.join(" ")).join("\n")}`);
      } finally {
        console.log = log;
        undo();
      }
      // EXAMPLES_VERBOSE=1 shows what each example printed, to compare with its comments.
      if (process.env.EXAMPLES_VERBOSE) log(`--- ${ex.source}\n${printed.map((a) => a.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(" ")).join("\n")}`);
      assert.ok(printed.length > 0 || !/console\.log/.test(ex.code), `${ex.source} prints what it shows`);
      // What a line states it prints, it prints.
      assert.deepEqual(checkStated(ex, records), [], `${ex.source}: a comment does not say what is printed`);
    });
  }
});
