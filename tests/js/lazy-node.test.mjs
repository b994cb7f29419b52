// `guestpass/lazy` under Node (server-side rendering, tests): the exports map's `node`
// condition gives the entry that reads the .wasm from disk on import, so `ready` is already
// resolved and the API is the same module as every other entry's. And `guestpass/react`
// is in the exports map, with React an optional peer dependency.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import * as guestpass from "guestpass";
import * as lazy from "guestpass/lazy";

const pkg = join(import.meta.dirname, "node_modules", "guestpass");

test("guestpass/lazy under Node: ready on import, the same API", async () => {
  assert.match(import.meta.resolve("guestpass/lazy"), /\/lazy-node\.js$/);
  assert.equal(lazy.isReady(), true);
  assert.equal(await lazy.ready, undefined);
  assert.equal(lazy.Directory, guestpass.Directory, "one API module behind every entry");
  assert.equal(lazy.GuestPassError, guestpass.GuestPassError);
  assert.ok(lazy.Directory.sample({ users: 50 }).stats().users > 0);
});

test("the exports map names guestpass/lazy (browser and node) and guestpass/react", () => {
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  assert.equal(manifest.exports["./lazy"].node.default, "./lazy-node.js");
  assert.equal(manifest.exports["./lazy"].default.default, "./lazy.js");
  assert.equal(manifest.exports["./react"].default, "./react.js");
  for (const file of ["./lazy.js", "./lazy-node.js"]) assert.ok(manifest.sideEffects.includes(file), `${file} loads on import`);
  assert.ok(!manifest.sideEffects.includes("./react.js"), "the hooks have no side effects");
  assert.deepEqual(manifest.peerDependenciesMeta, { react: { optional: true } });
});
