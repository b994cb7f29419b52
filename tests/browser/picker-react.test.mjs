// <guestpass-people-picker> in a React 19 project built by Vite: the JSX tag typed by
// `guestpass/picker/react` (checked by tsc --strict, wrong props refused), props set as the
// element's properties (session, showMax, excludeUserIds, tenantNames…), and
// `onselectionChanged` receiving the `selectionChanged` event. The project links the built
// package (pkg/) and the repository's react, react-dom and their types.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { browserSkipReason, launchChromium, openPage, repo, screenshot, startDemoServer } from "./harness.mjs";

const skip = browserSkipReason();
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

const MAIN = `import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { Directory } from "guestpass";
import "guestpass/picker/react";
import type { PickerSelection, SelectionChangedEvent } from "guestpass/picker/react";

const dir = Directory.sample({ users: 300 });
const session = dir.signIn({ tenantId: "contoso", user: "bob" });
const tenantNames = Object.fromEntries(dir.toJSON().tenants.map((t) => [t.id, t.displayName]));

function App() {
  const [picked, setPicked] = useState<PickerSelection[]>([]);
  const [mode, setMode] = useState<"single" | "multiple">("multiple");
  return (
    <main>
      <h1>Share the flow</h1>
      <guestpass-people-picker
        id="picker"
        className="picker"
        session={session}
        showMax={4}
        selectionMode={mode}
        excludeUserIds={["lars"]}
        tenantNames={tenantNames}
        allowAnyEmail
        label="Share with"
        onselectionChanged={(e: SelectionChangedEvent) => setPicked(e.detail.selectedPeople)}
      />
      <p id="picked">{picked.map((p) => p.kind + ":" + p.displayName).join(", ")}</p>
      <button type="button" id="single" onClick={() => setMode("single")}>One person only</button>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(<StrictMode><App /></StrictMode>);
document.body.dataset.ready = "1";
`;

// Props the JSX types must refuse: each line is an error tsc must report.
const WRONG = `import "guestpass/picker/react";
export const a = <guestpass-people-picker
  // @ts-expect-error showMax is a number
  showMax="many" />;
// @ts-expect-error userType is any, member or guest
export const b = <guestpass-people-picker userType="robots" />;
// @ts-expect-error session needs search()
export const c = <guestpass-people-picker session={{}} />;
export const d = <guestpass-people-picker onselectionChanged={(e) => e.detail.added.map((p) => p.kind)} />;
`;

describe("<guestpass-people-picker> in a React 19 + Vite project", { skip: skip ?? false }, () => {
  let work;
  let server;
  let browser;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "guestpass-react-"));
    const modules = join(work, "node_modules");
    mkdirSync(join(modules, "@types"), { recursive: true });
    symlinkSync(join(repo, "pkg"), join(modules, "guestpass"), "dir");
    for (const name of ["react", "react-dom", "scheduler", "@types/react", "@types/react-dom"]) {
      symlinkSync(join(repo, "node_modules", name), join(modules, name), "dir");
    }
    mkdirSync(join(work, "src"));
    writeFileSync(join(work, "package.json"), JSON.stringify({ name: "react-app", private: true, type: "module" }));
    writeFileSync(
      join(work, "index.html"),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>react app</title></head>` +
        `<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>`,
    );
    writeFileSync(join(work, "src", "main.tsx"), MAIN);
    writeFileSync(join(work, "src", "wrong.tsx"), WRONG);
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
    run(process.execPath, [join(repo, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], work);
    server = await startDemoServer({ root: join(work, "dist") });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("React sets the element's properties and hears selectionChanged", async () => {
    const page = await openPage(browser, server.url);
    await page.locator("body[data-ready]").waitFor({ timeout: 20_000 });
    const input = page.locator("#picker input[role=combobox]");
    assert.equal(await input.isEnabled(), true, "the session prop reached the session property");
    assert.equal(await input.getAttribute("aria-label"), "Share with");
    assert.equal(await page.locator("#picker").getAttribute("class"), "picker");
    await input.pressSequentially("an");
    await page.locator("#picker [role=option]").first().waitFor();
    assert.equal(await page.locator("#picker [role=option]").count(), 4, "showMax={4}");
    await input.fill("");
    await input.pressSequentially("ali");
    await page.locator('#picker [role=option][data-id="alice-at-contoso"]').waitFor();
    assert.equal(await page.locator("#picker .badge.guest").first().textContent(), "Guest · Fabrikam");
    await page.keyboard.press("Enter");
    await page.locator("#picked", { hasText: "person:Alice Martin" }).waitFor();
    await input.pressSequentially("lars");
    assert.equal(await page.locator('#picker [role=option][data-id="lars"]').count(), 0, "excludeUserIds");
    await input.fill("");
    await input.pressSequentially("eve@northwind.com");
    await page.keyboard.press("Enter");
    await page.locator("#picked", { hasText: "person:Alice Martin, invite:eve@northwind.com" }).waitFor();
    await screenshot(page, "picker-react");
    await page.click("#single");
    await input.pressSequentially("deb");
    await page.keyboard.press("Enter");
    await page.locator("#picked", { hasText: /^person:Déborah Lefèvre$/ }).waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
