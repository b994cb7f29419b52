// The people-search benchmark's dataset: users of the project's seeded sample world
// (sample/, through the built package's `sampleWorld`), reduced to the searchable
// fields and cached as JSON under target/bench-data/ so every run and every engine reads
// the same people. `node benches/search-data.mjs --users N [--seed S] [--pkg DIR]`
// makes the cache ahead of time.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repo = fileURLToPath(new URL("..", import.meta.url));
const FIELDS = ["id", "displayName", "givenName", "surname", "mail", "otherMails", "userPrincipalName", "jobTitle", "userType"];

/** The searchable fields of a world user (absent ones left out). */
function slim(u) {
  const out = {};
  for (const f of FIELDS) if (u[f] !== undefined && u[f] !== null) out[f] = u[f];
  out.userType ??= "Member";
  return out;
}

/** The cache file of a dataset. */
export function cacheFile(users, seed = 42) {
  return join(repo, "target", "bench-data", `people-${users}-seed${seed}.json`);
}

/**
 * Makes sure the dataset is cached, generating it in a child process (so the generator's
 * WebAssembly memory does not inflate the memory measured in the caller's).
 */
export function ensureCached({ users, seed = 42, pkg = join(repo, "pkg") }) {
  if (existsSync(cacheFile(users, seed))) return;
  const r = spawnSync(process.execPath, ["--max-old-space-size=16000", fileURLToPath(import.meta.url), "--users", String(users), "--seed", String(seed), "--pkg", pkg], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`generating the dataset failed (${r.status})`);
}

/** `users` sample users (seeded), from the cache or generated and cached. */
export async function loadUsers({ users, seed = 42, pkg = join(repo, "pkg") }) {
  const file = cacheFile(users, seed);
  const dir = join(repo, "target", "bench-data");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const gp = await import(pathToFileURL(join(pkg, "node.js")).href);
  const world = gp.sampleWorld({ users, seed });
  const people = world.users.map(slim);
  mkdirSync(dir, { recursive: true });
  // Written a record per line (one huge string would hit V8's string limit at 1M).
  const tmp = `${file}.tmp`;
  const lines = ["["];
  people.forEach((p, i) => lines.push(JSON.stringify(p) + (i + 1 < people.length ? "," : "")));
  lines.push("]");
  writeFileSync(tmp, lines.join("\n"));
  renameSync(tmp, file);
  return people;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const t = performance.now();
  const people = await loadUsers({ users: Number(arg("users", 10000)), seed: Number(arg("seed", 42)), pkg: arg("pkg", join(repo, "pkg")) });
  console.error(`${people.length} people (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
