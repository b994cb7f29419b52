// `npx guestpass` from the packed package: `npm pack` pkg/, install the tarball into a fresh
// project, and run its `bin` the way a build step would (npx, then the installed
// node_modules/.bin/guestpass): snapshots of world JSON and of a folder of source pages,
// a person's view of a snapshot, --help, and the exit codes of wrong command lines (2) and
// refused inputs (1, with the GuestPassError's code).
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { Directory } from "guestpass";
import { fromView, fromViewParts } from "guestpass/view";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = join(repo, "tests", "fixtures");
const env = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };

let work;
let project;
let bin;

before(() => {
  work = mkdtempSync(join(tmpdir(), "guestpass-cli-"));
  const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const packed = JSON.parse(run("npm", ["pack", join(repo, "pkg"), "--json", "--pack-destination", work], repo));
  project = join(work, "build-step");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "build-step", private: true, type: "module" }));
  // The package has no dependencies: nothing comes from the registry.
  run("npm", ["install", join(work, packed[0].filename), "--prefer-offline", "--no-audit", "--no-fund"], project);
  bin = join(project, "node_modules", ".bin", "guestpass");
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs the installed `guestpass` with `args` in the project: { status, stdout, stderr }. */
function guestpass(...args) {
  const r = spawnSync(bin, args, { cwd: project, env, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("npx guestpass --help and --version answer on standard output", () => {
  const viaNpx = spawnSync("npx", ["--no-install", "guestpass", "--help"], { cwd: project, env, encoding: "utf8" });
  assert.equal(viaNpx.status, 0, viaNpx.stderr);
  assert.match(viaNpx.stdout, /guestpass snapshot <input> -o <snapshot\.bin>/);
  assert.match(viaNpx.stdout, /guestpass view --tenant <tenant id> --user <user> <input> -o <view\.bin>/);
  const version = guestpass("--version");
  assert.equal(version.status, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(repo, "pkg", "package.json"), "utf8")).version);
});

test("snapshot of world JSON reads back as the same directory", () => {
  const out = join(work, "world.bin");
  const r = guestpass("snapshot", join(fixtures, "world.json"), "-o", out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /wrote \d+ bytes \(snapshot\)/);
  const world = JSON.parse(readFileSync(join(fixtures, "world.json"), "utf8"));
  assert.deepEqual(Directory.fromBytes(readFileSync(out)).toJSON(), Directory.fromJSON(world).toJSON());
});

test("snapshot of a folder of source pages reads back as fromSources builds it", () => {
  const input = JSON.parse(readFileSync(join(fixtures, "sources", "input.json"), "utf8"));
  const folder = join(work, "sources");
  mkdirSync(folder);
  for (const part of ["graph", "powerAutomate", "dataverse"]) {
    writeFileSync(join(folder, `${part}.json`), JSON.stringify(input[part]));
  }
  const out = join(work, "sources.bin");
  const r = guestpass("snapshot", folder, "--out", out);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(Directory.fromBytes(readFileSync(out)).toJSON(), Directory.fromSources(input).toJSON());
});

test("view of a snapshot is the bytes viewFor of that snapshot writes, and guestpass/view reads it", () => {
  const dir = Directory.sample({ users: 120, seed: 5 });
  const snapshot = join(work, "sample.bin");
  writeFileSync(snapshot, dir.toBytes());
  const out = join(work, "bob.view");
  const r = guestpass("view", "--tenant", "contoso", "--user", "bob@contoso.com", snapshot, "-o", out);
  assert.equal(r.status, 0, r.stderr);
  const bytes = readFileSync(out);
  // The directory the snapshot reads back as: a view follows the directory's inner order
  // (of groups, say), which a snapshot round trip may change without changing toJSON().
  const loaded = Directory.fromBytes(readFileSync(snapshot));
  assert.deepEqual(new Uint8Array(bytes), loaded.viewFor({ tenantId: "contoso", user: "bob@contoso.com" }));
  const bob = fromView(bytes);
  assert.deepEqual(bob.search("a"), dir.signIn({ tenantId: "contoso", user: "bob" }).search("a"));
  const toStdout = spawnSync(bin, ["view", "--tenant", "contoso", "--user", "bob", snapshot, "-o", "-"], { cwd: project, env });
  assert.equal(toStdout.status, 0);
  assert.deepEqual(new Uint8Array(toStdout.stdout), new Uint8Array(bytes));
});

test("view --parts writes the personal part and the shared part named by its hash", () => {
  const dir = Directory.sample({ users: 120, seed: 5 });
  const snapshot = join(work, "sample-parts.bin");
  writeFileSync(snapshot, dir.toBytes());
  const loaded = Directory.fromBytes(readFileSync(snapshot));
  const folders = [];
  for (const user of ["bob", "anna"]) {
    const out = join(work, `parts-${user}`);
    const r = guestpass("view", "--parts", "--tenant", "contoso", "--user", user, snapshot, "-o", out);
    assert.equal(r.status, 0, r.stderr);
    const parts = loaded.viewParts({ tenantId: "contoso", user });
    assert.equal(r.stdout, `${parts.sharedHash}\n`);
    assert.ok(r.stderr.includes(`the integrity ${parts.sharedIntegrity} `), r.stderr);
    const personal = readFileSync(join(out, "personal.bin"));
    const shared = readFileSync(join(out, `shared-${parts.sharedHash}.bin`));
    assert.deepEqual(new Uint8Array(personal), parts.personal);
    assert.deepEqual(new Uint8Array(shared), parts.shared);
    const me = fromViewParts(personal, shared);
    assert.equal(me.userId, user);
    me.free();
    folders.push(r.stdout);
  }
  assert.equal(folders[0], folders[1], "two members: one shared part");
  const r = guestpass("view", "--parts", "--tenant", "contoso", "--user", "bob", snapshot, "-o", "-");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /-o names a folder/);
});

test("a wrong command line exits 2 and says what is wrong", () => {
  const world = join(fixtures, "world.json");
  for (const [args, said] of [
    [[], /a command is needed/],
    [["publish", world, "-o", "x"], /unknown command "publish"/],
    [["snapshot", "-o", "x"], /snapshot needs an input/],
    [["snapshot", world], /needs -o <file>/],
    [["view", "--tenant", "contoso", world, "-o", "x"], /view needs --tenant <tenant id> and --user <user>/],
    [["snapshot", "--tenant", "contoso", world, "-o", "x"], /options of view, not of snapshot/],
    [["snapshot", world, "-o", "x", "--fast"], /Unknown option '--fast'/],
    [["snapshot", world, world, "-o", "x"], /one input at a time/],
  ]) {
    const r = guestpass(...args);
    assert.equal(r.status, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, said, args.join(" "));
    assert.match(r.stderr, /guestpass --help/);
  }
});

test("a refused input exits 1 with the error's code, and writes nothing", () => {
  const bad = join(work, "bad.json");
  writeFileSync(bad, "{ not json");
  const world = join(fixtures, "world.json");
  const out = join(work, "never.bin");
  for (const [args, said] of [
    [["snapshot", bad, "-o", out], /INVALID_INPUT: .*bad\.json is not JSON/],
    [["snapshot", join(work, "missing.json"), "-o", out], /ENOENT/],
    [["snapshot", work, "-o", out], /INVALID_INPUT: .*without graph\.json/],
    [["view", "--tenant", "contoso", "--user", "nobody@nowhere.example", world, "-o", out], /^guestpass: USER_NOT_FOUND: /],
    [["view", "--tenant", "nowhere", "--user", "bob", world, "-o", out], /^guestpass: UNKNOWN_TENANT: /],
  ]) {
    const r = guestpass(...args);
    assert.equal(r.status, 1, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, said, args.join(" "));
  }
  assert.throws(() => readFileSync(out), { code: "ENOENT" });
});
