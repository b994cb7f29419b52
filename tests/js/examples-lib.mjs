// The README examples, as tests (automerge's habit: the docs cannot drift). Every ```js and
// ```ts block of pkg-template/README.md (the package's user guide) and of the top-level
// README.md is written to a TypeScript project that installs the built package, type-checked
// with tsc --strict, compiled, and run: in Node by tests/js/examples.test.mjs, or in
// Chromium by tests/browser/examples.test.mjs when the block is preceded by
// `<!-- example: browser -->` (IndexedDB and friends).
//
// Every example is self-contained: it declares what it uses. The only thing the runner
// provides is what an example says is the reader's own (`declare function getToken…`: "your
// MSAL call"): an MSAL stand-in `getToken`, and a global fetch that answers
// https://graph.microsoft.com (and empty Power Automate and Dataverse environments, for
// loadFromSources) with a small Graph tenant (two pages of users, one group), and
// https://views.example.com as a view server (loadViewParts), served on localhost.
//
// Checked exactly as printed: a `console.log(…);` line that ends in a `// comment` states
// what it prints, and the test checks it. The printed values are written as JavaScript
// literals (strings in double quotes at every level, `{ key: value }`, `[a, b]`, the
// arguments separated by a space); `…` in the comment stands for any text (a long
// message); after the value, the comment may go on in words after " — ", ": ", ", ",
// " (", "; " or " where " (`// true — through the group sales`). Such a line must print
// exactly once.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = fileURLToPath(new URL("../..", import.meta.url));
export const GRAPH_TENANT = "8d3a6c5e-0f3b-4a55-9a7e-2f4c8b1d0e77";

const SOURCES = [
  ["pkg-README", join(repo, "pkg-template", "README.md")],
  ["README", join(repo, "README.md")],
];

/** Every runnable block: `{ name, source, line, lang, where: "node" | "browser", code }`. */
export function readExamples() {
  const out = [];
  for (const [prefix, path] of SOURCES) {
    const lines = readFileSync(path, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      const open = lines[i].match(/^```(js|ts|javascript|typescript)\s*$/);
      if (!open) continue;
      const marker = lines.slice(Math.max(0, i - 2), i).join("\n");
      const where = /<!--\s*example:\s*browser\s*-->/.test(marker) ? "browser" : "node";
      const start = i + 1;
      let end = start;
      while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
      const code = lines.slice(start, end);
      const expectations = [];
      const run = code.map((line, at) => {
        const stated = line.match(EXPECTATION);
        if (!stated) return line;
        expectations.push({ line: start + at + 1, comment: stated[1].trim() });
        return line.replace("console.log(", `__printed(${start + at + 1}, `);
      });
      out.push({
        name: `${prefix}-L${start}`,
        source: `${prefix === "README" ? "README.md" : "pkg-template/README.md"}:${start}`,
        lang: open[1],
        where,
        code: code.join("\n") + "\n",
        run: run.join("\n") + "\n",
        expectations,
      });
      i = end;
    }
  }
  return out;
}

/**
 * A line that states what its `console.log` prints: `console.log(…); // what`, also after
 * an `if (…)`; not a `for` line, which prints once per item.
 */
const EXPECTATION = /^(?!\s*for\b).*\bconsole\.log\(.*\);\s*\/\/\s*(.+)$/;

const ENV_DTS = `// The runner's helper (see tests/js/examples-lib.mjs): a console.log whose line states what
// it prints is run as __printed(line, …), which records the values and logs them.
declare global {
  function __printed(line: number, ...values: unknown[]): void;
}
export {};
`;

/** `value` written as the README's comments write what is printed. */
export function literal(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === null || typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
  return `{ ${entries.map(([k, v]) => `${key(k)}: ${literal(v)}`).join(", ")} }`;
}

/** What one console.log printed, as a comment would state it. */
export function printed(values) {
  return values.map(literal).join(" ");
}

const PROSE = [" — ", ": ", ", ", " (", "; ", " where "];

/**
 * Whether `comment` states `text` exactly: the comment, or its part before a prose
 * separator, matches the whole text, `…` standing for any text.
 */
export function states(comment, text) {
  const cuts = new Set([comment.length]);
  for (const sep of PROSE) {
    for (let i = comment.indexOf(sep); i >= 0; i = comment.indexOf(sep, i + 1)) cuts.add(i);
  }
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...cuts].some((cut) => {
    const expected = comment.slice(0, cut).trim();
    return expected.length > 0 && new RegExp(`^${expected.split("…").map(escape).join("[^]*?")}$`).test(text);
  });
}

/**
 * Checks what an example printed against the comments that state it: `records` are the
 * `[line, text]` pairs `__printed` recorded (the text as `printed` writes it). Returns the
 * mismatches, as text.
 */
export function checkStated(ex, records) {
  const problems = [];
  for (const { line, comment } of ex.expectations ?? []) {
    const at = records.filter(([l]) => l === line);
    const where = `${ex.source.replace(/:\d+$/, "")}:${line}`;
    if (at.length !== 1) {
      problems.push(`${where} printed ${at.length} times (a line that states what it prints must print once)`);
      continue;
    }
    const text = at[0][1];
    if (!states(comment, text)) problems.push(`${where} states // ${comment}\n    but printed    ${text}`);
  }
  return problems;
}

/**
 * Writes the examples into a fresh TypeScript project that has the built package (pkg/)
 * installed, type-checks them under --strict and compiles them. Returns
 * `{ dir, outFile(name), cleanup() }`; throws with tsc's report, mapped to README lines.
 */
export function compileExamples(examples) {
  const dir = mkdtempSync(join(tmpdir(), "guestpass-examples-"));
  mkdirSync(join(dir, "node_modules", "@types"), { recursive: true });
  symlinkSync(join(repo, "pkg"), join(dir, "node_modules", "guestpass"), "dir");
  symlinkSync(join(repo, "node_modules", "@types", "node"), join(dir, "node_modules", "@types", "node"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "readme-examples", private: true, type: "module" }));
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "env.d.ts"), ENV_DTS);
  for (const ex of examples) writeFileSync(join(dir, "src", `${ex.name}.ts`), ex.run ?? ex.code);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        lib: ["ES2022", "DOM", "DOM.Iterable", "esnext.disposable"],
        types: ["node"],
        strict: true,
        skipLibCheck: false,
        outDir: "out",
        rootDir: "src",
      },
      include: ["src"],
    }),
  );
  try {
    execFileSync(join(repo, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], { cwd: dir, encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    const report = `${error.stdout ?? ""}${error.stderr ?? ""}`.replace(/src\/(pkg-README|README)-L(\d+)\.ts\((\d+),(\d+)\)/g, (_, prefix, start, line, col) =>
      `${prefix === "README" ? "README.md" : "pkg-template/README.md"}:${Number(start) + Number(line) - 1}:${col}`,
    );
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`TypeScript does not type-check under --strict:\n${report}`);
  }
  return {
    dir,
    outFile: (name) => join(dir, "out", `${name}.js`),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// --- the environment examples run in ----------------------------------------------------

/** A small Graph tenant: organization, 3 users over two pages, one group with members. */
function graphResponse(url) {
  const base = "https://graph.microsoft.com/v1.0";
  const json = (body) => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  const u = new URL(url);
  const path = u.pathname.replace(/^\/v1\.0/, "");
  const users = [
    { id: "u-adele", displayName: "Adele Vance", mail: "adele@contoso.com", userPrincipalName: "adele@contoso.com", userType: "Member",
      assignedPlans: [{ service: "exchange", capabilityStatus: "Enabled" }] },
    { id: "u-megan", displayName: "Megan Bowen", mail: "megan@contoso.com", userPrincipalName: "megan@contoso.com", userType: "Member" },
    { id: "u-guest", displayName: "Alex Wilber", mail: "alex@fabrikam.com", userPrincipalName: "alex_fabrikam.com#EXT#@contoso.onmicrosoft.com",
      userType: "Guest", externalUserState: "Accepted", creationType: "Invitation" },
  ];
  if (path === "/organization") {
    return json({ value: [{ id: GRAPH_TENANT, displayName: "Contoso", verifiedDomains: [
      { name: "contoso.com", isDefault: true }, { name: "contoso.onmicrosoft.com", isInitial: true }] }] });
  }
  if (path === "/users") {
    if (u.searchParams.get("page") === "2") return json({ value: users.slice(2) });
    return json({ value: users.slice(0, 2), "@odata.nextLink": `${base}/users?page=2` });
  }
  if (path === "/groups") return json({ value: [{ id: "g-sales", displayName: "Sales", securityEnabled: true, groupTypes: [] }] });
  if (path === "/groups/g-sales/members") {
    return json({ value: [{ "@odata.type": "#microsoft.graph.user", id: "u-megan" }, { "@odata.type": "#microsoft.graph.user", id: "u-guest" }] });
  }
  if (path === "/groups/g-sales/owners") return json({ value: [{ "@odata.type": "#microsoft.graph.user", id: "u-adele" }] });
  return json({ value: [] });
}

/**
 * Installs `getToken`, a fetch that answers graph.microsoft.com and `__printed` (which
 * records into `records`); returns an undo.
 */
export function installExampleEnvironment(target = globalThis, records = []) {
  const saved = { getToken: target.getToken, fetch: target.fetch, __printed: target.__printed };
  target.getToken = async (tenantId) => `token-for-${tenantId}`;
  target.__printed = (line, ...values) => {
    records.push([line, printed(values)]);
    console.log(...values);
  };
  const realFetch = target.fetch;
  const views = viewServer();
  target.fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    // The reader's view server (loadViewParts): real HTTP on localhost, so fetch itself
    // checks the shared part's integrity.
    if (url.startsWith(VIEWS)) return realFetch(await views.at(url.slice(VIEWS.length)), init);
    if (url.startsWith("https://graph.microsoft.com/")) {
      const auth = new Headers(init?.headers).get("Authorization");
      if (!auth?.startsWith("Bearer ")) return new Response(JSON.stringify({ error: { code: "InvalidAuthenticationToken" } }), { status: 401 });
      return graphResponse(url);
    }
    // Power Automate and Dataverse (loadFromSources): an environment with nothing in it.
    if (url.startsWith("https://api.flow.microsoft.com/") || /^https:\/\/[^/]+\.crm\.dynamics\.com\//.test(url)) {
      const auth = new Headers(init?.headers).get("Authorization");
      if (!auth?.startsWith("Bearer ")) return new Response(JSON.stringify({ error: { code: "InvalidAuthenticationToken" } }), { status: 401 });
      return new Response(JSON.stringify({ value: [] }), { headers: { "content-type": "application/json" } });
    }
    return realFetch(input, init);
  };
  return () => {
    views.close();
    Object.assign(target, saved);
  };
}

/** Where the examples' view server is (`loadViewParts`). */
const VIEWS = "https://views.example.com";

/**
 * A view server as `examples/view-server/` answers (its two routes, for bob of contoso in
 * a 500-person sample), started on localhost at the first request: `at(path)` is the
 * local URL of `path`, `close()` stops it.
 */
function viewServer() {
  let started;
  const start = async () => {
    const { Directory } = await import("guestpass");
    const parts = Directory.sample({ users: 500 }).viewParts({ tenantId: "contoso", user: "bob" });
    const server = createServer((request, response) => {
      if (request.url === "/view/personal") {
        response.setHeader("GuestPass-Shared", `/views/shared/${parts.sharedHash}`);
        response.setHeader("GuestPass-Shared-Integrity", parts.sharedIntegrity);
        return response.end(parts.personal);
      }
      if (request.url === `/views/shared/${parts.sharedHash}`) return response.end(parts.shared);
      response.statusCode = 404;
      response.end();
    });
    await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
    return server;
  };
  return {
    async at(path) {
      started ??= start();
      return `http://127.0.0.1:${(await started).address().port}${path}`;
    },
    close() {
      started?.then((server) => server.close());
    },
  };
}

/** A classic script defining `__printed` in a page: records `[line, text]` in `__records`. */
export const PAGE_PRINTED = `${literal.toString()}
globalThis.__records = [];
globalThis.__printed = (line, ...values) => {
  globalThis.__records.push([line, values.map(literal).join(" ")]);
  console.log(...values);
};`;
