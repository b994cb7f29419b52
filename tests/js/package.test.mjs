// The built package (pkg/) as Node sees it through its exports map: tests/js/node_modules/
// guestpass is a link to pkg/, made by `make test-js`.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import * as guestpass from "guestpass";
import { GuestPassError, version } from "guestpass";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const pkg = join(repo, "pkg");
const cargoVersion = readFileSync(join(repo, "Cargo.toml"), "utf8").match(/^version\s*=\s*"([^"]+)"/m)[1];

test("version() is the crate's version, and package.json says the same", () => {
  assert.equal(version(), cargoVersion);
  assert.equal(JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version, cargoVersion);
});

test("GuestPassError is an Error with a code and details", () => {
  const error = new GuestPassError("INVITATION_PENDING", "redeem the invitation first", { userId: "alice" });
  assert.ok(error instanceof Error);
  assert.ok(error instanceof GuestPassError);
  assert.equal(error.name, "GuestPassError");
  assert.equal(error.code, "INVITATION_PENDING");
  assert.equal(error.message, "redeem the invitation first");
  assert.deepEqual(error.details, { userId: "alice" });
  assert.deepEqual(new GuestPassError("X", "y").details, {});
  assert.match(error.stack ?? "", /GuestPassError/);
});

test("wasm-bindgen's glue is internal: the package calls every function it exports and re-exports none", async () => {
  const glue = await import(join(pkg, "guestpass.js"));
  // The classes' own JavaScript (everything in pkg/ but the glue itself).
  const classes = readdirSync(pkg)
    .filter((f) => f.endsWith(".js") && f !== "guestpass.js")
    .map((f) => readFileSync(join(pkg, f), "utf8"))
    .join("\n");
  const internal = new Set(["default", "initSync", "liveObjects"]);
  const unused = Object.keys(glue).filter((name) => !internal.has(name) && !name.startsWith("__") && !new RegExp(`\\b${name}\\b`).test(classes));
  assert.deepEqual(unused, [], `no class calls ${unused.join(", ")}: give it a method in pkg-template/`);
  const ours = new Set(["version", "sampleWorld", "sampleSources"]); // the package's own wrappers of the same names
  const leaked = Object.keys(glue).filter((name) => name in guestpass && !ours.has(name));
  assert.deepEqual(leaked, [], "the package does not re-export the glue");
  const { exports } = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  assert.equal(Object.keys(exports).some((key) => key.includes("guestpass.js")), false, "the exports map does not name the glue");
});

test("errors thrown from Wasm are GuestPassErrors with a code, a message and details", () => {
  assert.throws(
    () => new guestpass.Directory().signIn({ tenantId: "nowhere", user: "x" }),
    (error) =>
      error instanceof GuestPassError &&
      error.code === "UNKNOWN_TENANT" &&
      error.message.length > 0 &&
      typeof error.details === "object",
  );
  assert.throws(
    () => guestpass.Directory.fromJSON(JSON.stringify({ tenants: [], notAField: true })),
    (error) => error instanceof GuestPassError && error.code === "UNKNOWN_FIELD",
  );
});

// ARCHITECTURE.md: unknown fields in input are an error, for an object as for JSON text.
test("an object with an unknown field is refused", () => {
  assert.throws(
    () => guestpass.Directory.fromJSON({ tenants: [], notAField: true }),
    (error) => error instanceof GuestPassError && error.code === "UNKNOWN_FIELD",
  );
});

test("the package loads the test world and signs a guest in", () => {
  const world = JSON.parse(readFileSync(join(repo, "tests", "fixtures", "world.json"), "utf8"));
  const dir = guestpass.Directory.fromJSON(world);
  const session = dir.signIn({ tenantId: "contoso", user: "alice@fabrikam.com" });
  assert.equal(session.userId, "alice-at-contoso");
  assert.equal(session.tenantId, "contoso");
  // A pending guest redeems at this first sign-in.
  const dan = dir.signIn({ tenantId: "contoso", user: "dan@fabrikam.com" });
  assert.equal(dir.toJSON().users.find((u) => u.id === dan.userId).externalUserState, "Accepted");
});

test("guestpass/web loads in Node when handed the bytes, and init() is idempotent", async () => {
  const web = await import("guestpass/web");
  const bytes = readFileSync(join(pkg, "guestpass_bg.wasm"));
  const first = web.default(bytes);
  assert.equal(web.default(bytes), first);
  await first;
  assert.equal(web.version(), cargoVersion);
  assert.equal(web.GuestPassError, GuestPassError, "both entries share one API module");
});

test("the exports map gives Node the node entry and bundlers the default entry", () => {
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  assert.equal(manifest.name, "guestpass");
  assert.equal(manifest.type, "module");
  assert.equal(manifest.exports["."].node.default, "./node.js");
  assert.equal(manifest.exports["."].default.default, "./index.js");
  assert.equal(manifest.exports["./web"].default, "./web.js");
  assert.match(import.meta.resolve("guestpass"), /\/node\.js$/);
  assert.match(import.meta.resolve("guestpass/web"), /\/web\.js$/);
});
