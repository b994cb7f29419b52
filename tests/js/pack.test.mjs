// A user's project: `npm pack` the built package, install the tarball into a fresh
// temporary Node project, import it the way a user would, and type-check a TypeScript
// user of it with tsc --strict under both module resolutions people use.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";


const repo = fileURLToPath(new URL("../..", import.meta.url));
const pkg = join(repo, "pkg");
const tsc = join(repo, "node_modules", ".bin", "tsc");
const { version } = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));

const env = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let work;
let project;
let tarball;

before(() => {
  work = mkdtempSync(join(tmpdir(), "guestpass-pack-"));
  const packed = JSON.parse(run("npm", ["pack", pkg, "--json", "--pack-destination", work], repo));
  tarball = join(work, packed[0].filename);
  project = join(work, "user-project");
  execFileSync("mkdir", ["-p", project]);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }, null, 2));
  // The package has no dependencies, so this needs nothing from the registry.
  run("npm", ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund"], project);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the tarball holds the package's files and nothing else", () => {
  const files = JSON.parse(run("npm", ["pack", pkg, "--dry-run", "--json"], repo))[0].files.map((f) => f.path).sort();
  for (const required of ["package.json", "README.md", "guestpass_bg.wasm", "guestpass.js", "guestpass.d.ts", "api.js", "api.d.ts", "errors.js", "node.js", "node.d.ts", "index.js", "index.d.ts", "web.js", "web.d.ts", "types.d.ts", "host.js", "graph-load.js"]) {
    assert.ok(files.includes(required), `${required} is in the tarball`);
  }
  for (const file of files) assert.doesNotMatch(file, /\.ts$(?<!\.d\.ts)|tsconfig|\.gitignore/, `${file} does not belong in the tarball`);
});

test("a fresh Node project imports the installed tarball by name", () => {
  writeFileSync(
    join(project, "main.mjs"),
    [
      `import { Directory, GuestPassError, version } from "guestpass";`,
      `import init, { Directory as WebDirectory } from "guestpass/web";`,
      `const dir = Directory.fromJSON({ tenants: [{ id: "contoso", displayName: "Contoso", cloud: "global", domains: ["contoso.com"], initialDomain: "contoso.onmicrosoft.com" }] });`,
      `let code = null;`,
      `try { new Directory().signIn({ tenantId: "nowhere", user: "x" }); } catch (e) { code = e instanceof GuestPassError ? e.code : "not a GuestPassError: " + e; }`,
      `if (typeof init !== "function" || WebDirectory !== Directory) throw new Error("guestpass/web is not the same API");`,
      `const sample = Directory.sample({ users: 100 });`,
      `const guest = sample.signInFromHost({ user: { id: "alice-at-contoso", tenant: { id: "contoso" } }, app: { host: { name: "Teams" } } });`,
      `const features = guest.features();`,
      `console.log(JSON.stringify({ version: version(), stats: dir.stats(), code, guest: guest.userId, mining: features.processMining.code }));`,
      ``,
    ].join("\n"),
  );
  const out = JSON.parse(run(process.execPath, ["main.mjs"], project));
  assert.equal(out.version, version);
  assert.equal(out.code, "UNKNOWN_TENANT");
  assert.equal(typeof out.stats, "object");
  assert.equal(out.guest, "alice-at-contoso");
  assert.equal(out.mining, "NOT_OFFERED_TO_GUESTS");
});

test("a TypeScript user type-checks under --strict with nodenext and bundler resolution", () => {
  writeFileSync(
    join(project, "user.ts"),
    [
      `import { Directory, GuestPassError, Session, hostSignIn, version } from "guestpass";`,
      `import type { Collaboration, Decision, Features, GraphLoadOptions, SearchResult, Stats, World } from "guestpass";`,
      `import init from "guestpass/web";`,
      `const v: string = version();`,
      `const world: World = { tenants: [{ id: "contoso", displayName: "Contoso", initialDomain: "contoso.onmicrosoft.com" }] };`,
      `const dir: Directory = Directory.fromJSON(world);`,
      `const stats: Stats = dir.stats();`,
      `const users: number = stats.users;`,
      `const verdict: Collaboration = dir.collaboration("contoso", "fabrikam");`,
      `const blocked: string[] = verdict.blockers.map((b) => b.code);`,
      `const s: Session = dir.signIn({ tenantId: "contoso", user: "bob" });`,
      `const who: string = s.userId;`,
      `const f: Features = s.features();`,
      `const why: string | undefined = f.runFlows.code;`,
      `const mode: "full" | "exactOnly" | "none" = f.peopleSearch.mode;`,
      `const d: Decision = s.check("run", "invoice-flow");`,
      `const found: SearchResult = s.search("ali", { limit: 5, userType: "guest" });`,
      `const host = hostSignIn({ user: { id: "bob", tenant: { id: "contoso" } }, app: { host: { name: "Teams" } } });`,
      `const teams: Session = dir.signInFromHost({ pageContext: { aadInfo: { tenantId: "contoso", userId: "bob" } } });`,
      `const load: GraphLoadOptions = { tenantIds: ["contoso"], fetch: (url, init) => fetch(url, init) };`,
      `const loading: Promise<Directory> = Directory.loadFromGraph(load);`,
      `const snapshot: Uint8Array = dir.toBytes();`,
      `const again: Directory = Directory.fromBytes(snapshot);`,
      `const e = new GuestPassError("CODE", "message", { id: "x" });`,
      `const code: string = e.code;`,
      `const details: Record<string, string> = e.details;`,
      `const ready: Promise<void> = init();`,
      `// @ts-expect-error version takes no argument`,
      `version(1);`,
      `// @ts-expect-error "fly" is not a flow action`,
      `s.check("fly", "invoice-flow");`,
      `// @ts-expect-error signIn needs a tenantId`,
      `dir.signIn({ user: "bob" });`,
      `// @ts-expect-error a user needs a userPrincipalName`,
      `dir.upsertUser({ id: "x", tenantId: "contoso", displayName: "X" });`,
      `// @ts-expect-error stats() is typed, not any`,
      `const notAString: string = dir.stats();`,
      `export { v, code, details, ready, who, users, blocked, why, mode, d, found, host, teams, loading, again, notAString };`,
      ``,
    ].join("\n"),
  );
  for (const resolution of [["nodenext", "nodenext"], ["esnext", "bundler"]]) {
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: resolution[0],
          moduleResolution: resolution[1],
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: ["user.ts"],
      }),
    );
    try {
      run(tsc, ["-p", "tsconfig.json"], project);
    } catch (error) {
      assert.fail(`tsc (${resolution[1]} resolution) failed:\n${error.stdout}${error.stderr}`);
    }
  }
});
