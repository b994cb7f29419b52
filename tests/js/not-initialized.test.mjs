// `guestpass/web` before `await init()`: the entry points throw GuestPassError
// NOT_INITIALIZED (saying to call init) instead of wasm-bindgen's bare TypeError about an
// undefined module; after init they work. Its own file, so its own process: no other
// entry has loaded the module here.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";

import init, { Directory, GuestPassError, PeopleIndex, sampleWorld, version } from "guestpass/web";

const notInitialized = (member) => (error) =>
  error instanceof GuestPassError &&
  error.code === "NOT_INITIALIZED" &&
  error.details.member === member &&
  error.message.includes("await init()");

test("before init() every entry point says to call it, and after init() they work", async () => {
  assert.throws(() => Directory.sample({ users: 10 }), notInitialized("Directory.sample()"));
  assert.throws(() => Directory.fromJSON({}), notInitialized("Directory.fromJSON()"));
  assert.throws(() => Directory.fromBytes(new Uint8Array(8)), notInitialized("Directory.fromBytes()"));
  assert.throws(() => Directory.fromGraph({ tenants: [] }), notInitialized("Directory.fromGraph()"));
  assert.throws(() => new PeopleIndex(), notInitialized("new PeopleIndex()"));
  assert.throws(() => PeopleIndex.from([]), notInitialized("new PeopleIndex()"));
  assert.throws(() => version(), notInitialized("version()"));
  assert.throws(() => sampleWorld(), notInitialized("sampleWorld()"));
  await assert.rejects(
    Directory.loadFromGraph({ fetch: async () => new Response("{}"), tenantIds: ["contoso"] }),
    notInitialized("Directory.loadFromGraph()"),
  );

  // Bytes that are not WebAssembly (a 404 page, say): a GuestPassError, and init() may
  // be called again.
  await assert.rejects(
    init(new TextEncoder().encode("<!DOCTYPE html><h1>404 Not Found</h1>")),
    (error) => error instanceof GuestPassError && error.code === "WASM_LOAD_FAILED" && error.cause instanceof Error,
  );
  assert.throws(() => version(), notInitialized("version()"));

  const wasm = createRequire(import.meta.url).resolve("guestpass/guestpass_bg.wasm");
  await init(readFileSync(wasm));
  assert.match(version(), /^\d+\.\d+\.\d+/);
  assert.ok(Directory.sample({ users: 10 }).stats().users > 0);
  assert.equal(PeopleIndex.from([{ id: "a", displayName: "Ann" }]).size, 1);
});
