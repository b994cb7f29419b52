// Freeing the package's objects: `free()` is idempotent, a freed Directory or Session
// throws GuestPassError OBJECT_FREED (from the Rust side's object table) on any other use,
// `using` frees, and objects that are never freed are released by the classes'
// FinalizationRegistry (checked in a child process with --expose-gc). Copies and foreign
// `this`: tests/js/adversarial.test.mjs.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import { Directory, GuestPassError, Session } from "guestpass";

const freed = (object, member) => (error) => {
  assert.ok(error instanceof GuestPassError, `not a GuestPassError: ${error}`);
  assert.equal(error.code, "OBJECT_FREED");
  assert.equal(error.details.object, object);
  if (member) assert.equal(error.details.member, member);
  return true;
};

test("free() twice does nothing, on a directory and on a session", () => {
  const dir = Directory.sample({ users: 200 });
  const s = dir.signIn({ tenantId: "contoso", user: "bob" });
  s.free();
  s.free();
  s[Symbol.dispose]();
  dir.free();
  dir.free();
  dir[Symbol.dispose]();
});

test("every method and property of a freed directory throws OBJECT_FREED", () => {
  const dir = Directory.sample({ users: 200 });
  dir.free();
  assert.throws(() => dir.stats(), freed("Directory", "stats()"));
  assert.throws(() => dir.signIn({ tenantId: "contoso", user: "bob" }), freed("Directory", "signIn()"));
  assert.throws(() => dir.toBytes(), freed("Directory", "toBytes()"));
  assert.throws(() => dir.toJSON(), freed("Directory"));
  assert.throws(() => dir.collaboration("contoso", "fabrikam"), freed("Directory"));
  assert.throws(() => dir.clock, freed("Directory", "clock"));
  assert.throws(
    () => dir.signInFromHost({ user: { id: "bob", userPrincipalName: "bob@contoso.com", tenant: { id: "contoso" } } }),
    freed("Directory"),
  );
  // Every method on the prototype, called with no arguments, says OBJECT_FREED (not a
  // wasm-bindgen "null pointer" Error, not an argument error).
  for (const name of Object.getOwnPropertyNames(Directory.prototype)) {
    if (name === "constructor" || name === "free" || name.startsWith("__")) continue;
    const desc = Object.getOwnPropertyDescriptor(Directory.prototype, name);
    const use = typeof desc.value === "function" ? () => dir[name]() : () => dir[name];
    assert.throws(use, freed("Directory"), name);
  }
});

test("every method and property of a freed session throws OBJECT_FREED", () => {
  const dir = Directory.sample({ users: 200 });
  const s = dir.signIn({ tenantId: "contoso", user: "bob" });
  assert.equal(s.userId, "bob");
  s.free();
  assert.throws(() => s.search("a"), freed("Session", "search()"));
  assert.throws(() => s.checkMany([]), freed("Session", "checkMany()"));
  assert.throws(() => s.userId, freed("Session", "userId"));
  for (const name of Object.getOwnPropertyNames(Session.prototype)) {
    if (name === "constructor" || name === "free" || name.startsWith("__")) continue;
    const desc = Object.getOwnPropertyDescriptor(Session.prototype, name);
    const use = typeof desc.value === "function" ? () => s[name]() : () => s[name];
    assert.throws(use, freed("Session"), name);
  }
  // The directory is untouched by its session being freed.
  assert.equal(dir.signIn({ tenantId: "contoso", user: "bob" }).userId, "bob");
  dir.free();
});

test("a session outlives dir.free() until it is freed itself", () => {
  const dir = Directory.sample({ users: 200 });
  const s = dir.signIn({ tenantId: "contoso", user: "bob" });
  dir.free();
  assert.equal(s.whoami().userId, "bob");
  assert.ok(Array.isArray(s.search("a").items));
  s.free();
  assert.throws(() => s.whoami(), freed("Session"));
});

test("`using` frees at the end of the block (Symbol.dispose)", () => {
  const dir = Directory.sample({ users: 200 });
  let kept;
  {
    const s = dir.signIn({ tenantId: "contoso", user: "bob" });
    kept = s;
    s[Symbol.dispose](); // what `using s = ...` calls
  }
  assert.throws(() => kept.features(), freed("Session", "features()"));
  dir.free();
});

test("a live object works as before (the guard is invisible)", () => {
  const dir = Directory.sample({ users: 200 });
  const s = dir.signIn({ tenantId: "contoso", user: "bob" });
  assert.equal(s.tenantId, "contoso");
  assert.ok(dir.stats().users > 0);
  assert.equal(typeof Directory.prototype.stats, "function");
  assert.equal(Directory.prototype.stats.name, "stats");
  // Errors of live objects are still the Rust side's own codes.
  assert.throws(() => dir.signIn({ tenantId: "nowhere", user: "bob" }), (e) => e.code === "UNKNOWN_TENANT");
  s.free();
  dir.free();
});

test("directories and sessions that are never freed are released when collected", () => {
  const glue = new URL("../../pkg/guestpass.js", import.meta.url).href;
  // A child process with --expose-gc: 12 rounds of a 3,000-user directory and 200 sessions,
  // dropped without free(); with finalization the WebAssembly memory stays near one round's.
  const script = `
    import { Directory } from "guestpass";
    import { initSync } from ${JSON.stringify(glue)};
    // The glue is already initialized by the package: initSync hands back its exports.
    const memory = () => initSync({ module: new Uint8Array() }).memory.buffer.byteLength;
    const settle = async () => { for (let i = 0; i < 4; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 10)); } };
    const round = () => {
      const dir = Directory.sample({ users: 3000, seed: 5 });
      for (let i = 0; i < 200; i++) dir.signIn({ tenantId: "contoso", user: "bob" }).search("a");
    };
    round(); await settle();
    const first = memory();
    for (let i = 0; i < 12; i++) { round(); await settle(); }
    console.log(JSON.stringify({ first, last: memory() }));
  `;
  const cwd = fileURLToPath(new URL(".", import.meta.url));
  const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { cwd, encoding: "utf8" });
  const { first, last } = JSON.parse(out.trim().split("\n").pop());
  // Without finalization, 12 more directories would need many times the first round's memory.
  assert.ok(last <= first * 2, `WebAssembly memory grew from ${first} to ${last} bytes`);
});
