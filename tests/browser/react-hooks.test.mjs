// `guestpass/react` in a React 19 project built by Vite, in Chromium, StrictMode on:
//   - index.html runs the package README's React example (the ```tsx block marked
//     `<!-- example: react -->`) exactly as printed: typed by tsc --strict, built, then
//     typed into; ↓ and Enter pick, Esc closes, and nothing says OBJECT_FREED;
//   - hooks.html counts what the hooks make and free: StrictMode's rehearsal unmount frees
//     nothing, a real unmount frees the directory and the session (their next use throws
//     OBJECT_FREED), and the natural useMemo + useEffect-cleanup pattern, on the same page,
//     does hit OBJECT_FREED (so StrictMode really ran its rehearsal).
// The project links the built package (pkg/) and the repository's react and react-dom.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { browserSkipReason, launchChromium, openPage, repo, screenshot, startDemoServer } from "./harness.mjs";
import { readmeExample } from "./readme-blocks.mjs";

const skip = browserSkipReason();
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

// Counts frees of every Directory and Session, and renders three things on demand: the
// hooks, the hooks unmounted, and the natural pattern the hooks replace.
const HOOKS = `import { Activity, StrictMode, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { Directory, Session, ready } from "guestpass/lazy";
import { useDirectory, usePeoplePicker, useSession } from "guestpass/react";

declare global { interface Window { counts: Record<string, number>; live: { dir?: Directory; session?: Session | null }; } }
window.counts = { directoriesMade: 0, directoriesFreed: 0, sessionsFreed: 0 };
window.live = {};
for (const [cls, name] of [[Directory, "directoriesFreed"], [Session, "sessionsFreed"]] as const) {
  const free = cls.prototype.free;
  cls.prototype.free = function (this: never) { window.counts[name]++; free.call(this); };
}

function Picker({ session }: { session: Session | null }) {
  const picker = usePeoplePicker(session, { limit: 4 });
  return (
    <div>
      <input {...picker.inputProps} />
      {picker.isOpen && <ul {...picker.listboxProps}>{picker.results.map((p, i) => <li key={p.id} {...picker.optionProps(i)}>{p.displayName}</li>)}</ul>}
      <p className="picked">{picker.selected.map((p) => p.id).join(",")}</p>
      {picker.error && <p role="alert">{(picker.error as Error & { code?: string }).code}</p>}
    </div>
  );
}

function WithHooks() {
  const dir = useDirectory(() => { window.counts.directoriesMade++; return Directory.sample({ users: 200 }); });
  const session = useSession(dir, { tenantId: "contoso", user: "bob" });
  window.live = { dir, session };
  return <Picker session={session} />;
}

function Natural() {
  const dir = useMemo(() => Directory.sample({ users: 200 }), []);
  const session = useMemo(() => dir.signIn({ tenantId: "contoso", user: "bob" }), [dir]);
  useEffect(() => () => { session.free(); dir.free(); }, [dir, session]);
  return <Picker session={session} />;
}

function App() {
  const [shown, setShown] = useState<"hooks" | "hidden" | "none" | "natural">("hooks");
  return (
    <main>
      <button id="hide" onClick={() => setShown("hidden")}>hide</button>
      <button id="show" onClick={() => setShown("hooks")}>show</button>
      <button id="unmount" onClick={() => setShown("none")}>unmount</button>
      <button id="natural" onClick={() => setShown("natural")}>natural</button>
      <section id="shown" data-shown={shown}>
        {shown === "hooks" || shown === "hidden" ? <Activity mode={shown === "hidden" ? "hidden" : "visible"}><WithHooks /></Activity> : null}
        {shown === "natural" ? <Natural /> : null}
      </section>
    </main>
  );
}

await ready;
createRoot(document.getElementById("root")!).render(<StrictMode><App /></StrictMode>);
`;

const html = (title, src) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head>` +
  `<body><div id="root"></div><script type="module" src="${src}"></script></body></html>`;

describe("guestpass/react in a React 19 + Vite project under StrictMode", { skip: skip ?? false }, () => {
  let work;
  let server;
  let browser;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "guestpass-react-hooks-"));
    const modules = join(work, "node_modules");
    mkdirSync(join(modules, "@types"), { recursive: true });
    symlinkSync(join(repo, "pkg"), join(modules, "guestpass"), "dir");
    for (const name of ["react", "react-dom", "scheduler", "@types/react", "@types/react-dom"]) {
      symlinkSync(join(repo, "node_modules", name), join(modules, name), "dir");
    }
    mkdirSync(join(work, "src"));
    writeFileSync(join(work, "package.json"), JSON.stringify({ name: "react-hooks-app", private: true, type: "module" }));
    writeFileSync(join(work, "index.html"), html("README example", "/src/readme.tsx"));
    writeFileSync(join(work, "hooks.html"), html("hooks", "/src/hooks.tsx"));
    writeFileSync(join(work, "src", "readme.tsx"), readmeExample("react"));
    writeFileSync(join(work, "src", "hooks.tsx"), HOOKS);
    writeFileSync(
      join(work, "vite.config.js"),
      `export default { build: { target: "es2022", rollupOptions: { input: { main: "index.html", hooks: "hooks.html" } } } };\n`,
    );
    writeFileSync(
      join(work, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022", module: "esnext", moduleResolution: "bundler", lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: [], jsx: "react-jsx", strict: true, noEmit: true, skipLibCheck: false,
        },
        include: ["src"],
      }),
    );
    try {
      run(join(repo, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], work);
    } catch (error) {
      throw new Error(`the React project does not type-check:\n${error.stdout}${error.stderr}`);
    }
    // Vite's development build of React: StrictMode rehearses only there.
    execFileSync(process.execPath, [join(repo, "node_modules", "vite", "bin", "vite.js"), "build", "--mode", "development", "--logLevel", "warn"], {
      cwd: work, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "development" },
    });
    server = await startDemoServer({ root: join(work, "dist") });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("the entry imports react and its own files only: no engine, no React bundled", () => {
    const files = ["react.js", "react-picker.js", "react-owned.js", "picker-selection.js"];
    const source = files.map((f) => readFileSync(join(repo, "pkg", f), "utf8")).join("\n");
    const imported = [...source.matchAll(/^(?:import|export) .* from "([^"]+)";$/gm)].map((m) => m[1]);
    assert.deepEqual([...new Set(imported)].sort(), ["./picker-selection.js", "./react-owned.js", "./react-picker.js", "react"]);
    const manifest = JSON.parse(readFileSync(join(repo, "pkg", "package.json"), "utf8"));
    assert.equal(manifest.peerDependenciesMeta.react.optional, true);
  });

  test("the README example: type, ↓, Enter picks; Esc closes; no OBJECT_FREED", async () => {
    const page = await openPage(browser, server.url);
    const input = page.getByRole("combobox", { name: "Share with" });
    await input.waitFor({ timeout: 20_000 });
    await input.pressSequentially("ali");
    const options = page.getByRole("option");
    await options.first().waitFor();
    assert.equal(await input.getAttribute("aria-expanded"), "true");
    const listId = await page.getByRole("listbox").getAttribute("id");
    assert.equal(await input.getAttribute("aria-controls"), listId);
    assert.equal(await input.getAttribute("aria-activedescendant"), await options.nth(0).getAttribute("id"));
    assert.ok((await options.count()) <= 5, "limit: 5");
    assert.match(await page.getByRole("status").textContent(), /^\d+ (people|person) found$/);
    await input.press("ArrowDown");
    const second = options.nth(1);
    assert.equal(await second.getAttribute("aria-selected"), "true");
    assert.equal(await input.getAttribute("aria-activedescendant"), await second.getAttribute("id"));
    const name = (await second.textContent()).split(" · ")[0];
    await input.press("Enter");
    await page.getByRole("list", { name: "Picked people" }).getByText(name).waitFor();
    assert.equal(await input.inputValue(), "", "a pick clears the text");
    assert.equal(await page.getByRole("listbox").count(), 0, "and closes the list");
    await input.pressSequentially("an");
    await options.first().waitFor();
    await input.press("Escape");
    assert.equal(await page.getByRole("listbox").count(), 0, "Esc closes the list");
    assert.equal(await input.inputValue(), "an");
    await input.press("Escape");
    assert.equal(await input.inputValue(), "", "a second Esc clears the text");
    await screenshot(page, "react-hooks-readme");
    assert.equal(await page.getByRole("alert").count(), 0, "no search error (OBJECT_FREED would show here)");
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test("StrictMode frees nothing live; unmount frees; the natural pattern hits OBJECT_FREED", async () => {
    const page = await openPage(browser, new URL("/hooks.html", server.url).href);
    const input = page.getByRole("combobox");
    await input.waitFor({ timeout: 20_000 });
    await input.pressSequentially("ali");
    await page.getByRole("option").first().waitFor();
    await input.press("Enter");
    await page.locator(".picked", { hasText: /\w/ }).waitFor();
    // A click picks too; Backspace in the empty input removes the last pick; a query the
    // engine refuses is the hook's error, not a throw.
    await input.pressSequentially("deb");
    await page.getByRole("option").first().click();
    await page.locator(".picked", { hasText: "," }).waitFor();
    await input.press("Backspace");
    await page.locator(".picked", { hasText: /^[^,]+$/ }).waitFor();
    await input.fill("x".repeat(300));
    assert.equal(await page.getByRole("alert").textContent(), "QUERY_TOO_LONG");
    await input.fill("");
    const counts = await page.evaluate(() => ({ ...window.counts }));
    assert.deepEqual(counts, { directoriesMade: 1, directoriesFreed: 0, sessionsFreed: 0 }, "made once, freed by nothing");
    assert.equal(await page.getByRole("alert").count(), 0);

    // <Activity mode="hidden"> unmounts the effects and keeps the state: the objects are
    // freed, and made again (once) when it shows.
    await page.click("#hide");
    await page.waitForFunction(() => window.counts.sessionsFreed === 1 && window.counts.directoriesFreed === 1);
    await page.click("#show");
    await input.fill("");
    await input.pressSequentially("deb");
    await page.getByRole("option").first().waitFor();
    assert.equal(await page.getByRole("alert").count(), 0, "no OBJECT_FREED after showing again");
    assert.deepEqual(await page.evaluate(() => ({ ...window.counts })), { directoriesMade: 2, directoriesFreed: 1, sessionsFreed: 1 });

    await page.click("#unmount");
    await page.waitForFunction(() => window.counts.sessionsFreed === 2 && window.counts.directoriesFreed === 2);
    const after = await page.evaluate(() => {
      const codeOf = (call) => { try { call(); return "answered"; } catch (e) { return e.code; } };
      return { search: codeOf(() => window.live.session.search("a")), stats: codeOf(() => window.live.dir.stats()) };
    });
    assert.deepEqual(after, { search: "OBJECT_FREED", stats: "OBJECT_FREED" });

    await page.click("#natural");
    await input.pressSequentially("ali");
    assert.equal(await page.getByRole("alert").textContent(), "OBJECT_FREED", "StrictMode's rehearsal freed the memoized session");
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
