// Every error code the Rust side can throw (the `code()` of src/error.rs and of the search
// engine's QueryError) is in the package's GuestPassErrorCode type and in the package
// README's table of codes, so a new code cannot ship undocumented.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const read = (...p) => readFileSync(join(repo, ...p), "utf8");

function rustCodes() {
  const codes = new Set();
  for (const file of [["src", "error.rs"], ["src", "search", "mod.rs"]]) {
    let text;
    try {
      text = read(...file);
    } catch {
      continue;
    }
    const body = text.split(/pub fn code\(&self\) -> &'static str \{/)[1] ?? "";
    for (const m of body.matchAll(/=> "([A-Z][A-Z0-9_]+)"/g)) codes.add(m[1]);
  }
  return [...codes].sort();
}

const codes = rustCodes();

test("the Rust side has error codes to check", () => {
  assert.ok(codes.length >= 40, `found ${codes.length}`);
});

test("every Rust error code is in GuestPassErrorCode (pkg-template/errors.ts)", () => {
  const declared = read("pkg-template", "errors.ts");
  const missing = codes.filter((c) => !declared.includes(`"${c}"`));
  assert.deepEqual(missing, [], `add ${missing.join(", ")} to GuestPassErrorCode`);
});

test("every Rust error code is in the package README's table of errors", () => {
  const readme = read("pkg-template", "README.md");
  const table = readme.slice(readme.indexOf("## Errors"));
  const missing = codes.filter((c) => !table.includes(`\`${c}\``));
  assert.deepEqual(missing, [], `document ${missing.join(", ")} in pkg-template/README.md ## Errors`);
});

// Codes the TypeScript layer throws itself (`new GuestPassError("CODE", …)` in
// pkg-template/*.ts: NOT_INITIALIZED, the host adapters, loadFromGraph) are held to the same
// rule. (OBJECT_FREED comes from the Rust side's object table, so it is a Rust code.)
function typeScriptCodes() {
  const codes = new Set();
  for (const file of readdirSync(join(repo, "pkg-template")).filter((f) => f.endsWith(".ts"))) {
    for (const m of read("pkg-template", file).matchAll(/new GuestPassError\(\s*"([A-Z][A-Z0-9_]+)"/g)) codes.add(m[1]);
  }
  return [...codes].sort();
}

test("every code the TypeScript layer throws is typed and in the README's table", () => {
  const ts = typeScriptCodes();
  assert.ok(ts.includes("NOT_INITIALIZED"), `found ${ts.join(", ")}`);
  const declared = read("pkg-template", "errors.ts");
  const readme = read("pkg-template", "README.md");
  const table = readme.slice(readme.indexOf("## Errors"));
  assert.deepEqual(ts.filter((c) => !declared.includes(`"${c}"`)), [], "add them to GuestPassErrorCode");
  assert.deepEqual(ts.filter((c) => !table.includes(`\`${c}\``)), [], "add them to pkg-template/README.md ## Errors");
});
