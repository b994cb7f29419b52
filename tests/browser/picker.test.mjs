// <guestpass-people-picker> (the package's `guestpass/picker` entry) in Chromium, on a test
// page (tests/browser/picker-page/) with the sample directory: keyboard-only and mouse
// selection, the attributes (show-max, user-type, selection-mode, exclude-user-ids,
// group-id, connector, allow-any-email, default-selected-user-ids, selected-people,
// disabled), a limited guest's note, a strict Content Security Policy, axe-core, and
// screenshots in light, dark, forced-colours and right-to-left (artifacts/picker-*.png).
// The React 19 page is tests/browser/picker-react.test.mjs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { browserSkipReason, launchChromium, openPage, repo, screenshot, startDemoServer } from "./harness.mjs";

const skip = browserSkipReason();
const PICKER = "guestpass-people-picker";
const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'";

/** The test page with the picker bound to `user`'s session; `csp` serves it under STRICT_CSP. */
async function openPicker(browser, url, { query = "", csp = false, colorScheme = "light" } = {}) {
  const page = await browser.newPage({ viewport: { width: 720, height: 560 }, colorScheme });
  if (csp) {
    await page.route(/\.(html|js|css)$|\/(\?.*)?$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": STRICT_CSP } });
    });
  }
  const opened = await openPage({ newPage: async () => page }, `${url}${query ? `?${query}` : ""}`);
  await opened.locator("body[data-ready]").waitFor({ timeout: 20_000 });
  return opened;
}

const input = (page) => page.locator(`${PICKER} input[role=combobox]`);
const optionIds = (page) => page.locator(`${PICKER} [role=option]`).evaluateAll((els) => els.map((e) => e.dataset.id ?? `invite:${e.dataset.invite}`));
const chipIds = (page) => page.locator(`${PICKER} .chip`).evaluateAll((els) => els.map((e) => e.dataset.id));
const events = (page) => page.evaluate(() => window.pickerEvents);
const live = (page) => page.locator(`${PICKER} [role=status]`).textContent();
const note = (page) => page.locator(`${PICKER} .note`);
const setAttr = (page, name, value) =>
  page.evaluate(([n, v]) => (v === null ? document.getElementById("picker").removeAttribute(n) : document.getElementById("picker").setAttribute(n, v)), [name, value]);

/** Types `text` into the picker (replacing what is there) and waits for the list or the live answer. */
async function type(page, text) {
  await input(page).fill("");
  await input(page).pressSequentially(text);
  await page.waitForFunction((t) => document.getElementById("picker").shadowRoot.querySelector("[role=status]").textContent.length > 0 || !t, text);
}

describe("<guestpass-people-picker> in Chromium", { skip: skip ?? false }, () => {
  let server;
  let browser;
  before(async () => {
    server = await startDemoServer({ root: join(repo, "tests", "browser", "picker-page") });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("keyboard only: Tab in, type, arrows, Enter picks, Backspace removes a chip, Escape closes then clears", async () => {
    const page = await openPicker(browser, server.url);
    await page.keyboard.press("Tab");
    assert.equal(await input(page).evaluate((el) => el.getRootNode().activeElement === el), true, "Tab reaches the combobox");
    assert.equal(await input(page).getAttribute("role"), "combobox");
    assert.equal(await input(page).getAttribute("aria-expanded"), "false");
    await page.keyboard.type("ali");
    await page.locator(`${PICKER} [role=listbox]:not([hidden])`).waitFor();
    const found = await optionIds(page);
    assert.equal(found[0], "alice-at-contoso", `best first: ${found}`);
    assert.ok(found.length <= 6, "show-max defaults to 6");
    assert.equal(await input(page).getAttribute("aria-expanded"), "true");
    assert.equal(await input(page).getAttribute("aria-activedescendant"), "option-0");
    assert.match(await live(page), /^\d+ people found\.$/);
    // The guest badge names the home tenant; matches are marked.
    const alice = page.locator(`${PICKER} [role=option][data-id="alice-at-contoso"]`);
    assert.equal(await alice.locator(".badge.guest").textContent(), "Guest · Fabrikam");
    assert.equal(await alice.locator(".name mark").first().textContent(), "Ali");
    await page.keyboard.press("ArrowDown");
    assert.equal(await input(page).getAttribute("aria-activedescendant"), "option-1");
    assert.equal(await page.locator(`${PICKER} #option-1`).getAttribute("aria-selected"), "true");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    assert.deepEqual(await chipIds(page), ["alice-at-contoso"]);
    assert.equal(await input(page).inputValue(), "");
    assert.equal(await input(page).getAttribute("aria-expanded"), "false");
    assert.equal(await live(page), "Alice Martin picked.");
    await page.keyboard.type("deb");
    await page.locator(`${PICKER} [role=option][data-id="deborah"]`).waitFor();
    await page.keyboard.press("Enter");
    assert.deepEqual(await chipIds(page), ["alice-at-contoso", "deborah"]);
    // Backspace in the empty input removes the last chip.
    await page.keyboard.press("Backspace");
    assert.deepEqual(await chipIds(page), ["alice-at-contoso"]);
    assert.equal(await live(page), "Déborah Lefèvre removed.");
    // Left arrow reaches the chips; Delete removes the focused one, focus goes back to the input.
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.evaluate(() => document.getElementById("picker").shadowRoot.activeElement?.getAttribute("aria-label")), "Remove Alice Martin");
    await page.keyboard.press("Delete");
    assert.deepEqual(await chipIds(page), []);
    assert.equal(await input(page).evaluate((el) => el.getRootNode().activeElement === el), true);
    const log = await events(page);
    assert.deepEqual(log.map((d) => [d.added.map((p) => p.id), d.removed.map((p) => p.id), d.selectedPeople.map((p) => p.id)]), [
      [["alice-at-contoso"], [], ["alice-at-contoso"]],
      [["deborah"], [], ["alice-at-contoso", "deborah"]],
      [[], ["deborah"], ["alice-at-contoso"]],
      [[], ["alice-at-contoso"], []],
    ]);
    assert.deepEqual(log[0].added[0], {
      kind: "person", id: "alice-at-contoso", displayName: "Alice Martin", mail: "alice@fabrikam.com",
      userPrincipalName: "alice_fabrikam.com#EXT#@contoso.onmicrosoft.com", userType: "Guest", homeTenantId: "fabrikam",
      homeTenantName: "Fabrikam",
    });
    // Escape closes the list and keeps the text; a second Escape clears it.
    await page.keyboard.type("an");
    await page.locator(`${PICKER} [role=listbox]:not([hidden])`).waitFor();
    await page.keyboard.press("Escape");
    assert.equal(await page.locator(`${PICKER} [role=listbox]`).isHidden(), true);
    assert.equal(await input(page).inputValue(), "an");
    await page.keyboard.press("Escape");
    assert.equal(await input(page).inputValue(), "");
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test("mouse: click an option to pick it, click a chip's ✕ to remove it; focus leaving closes the list", async () => {
    const page = await openPicker(browser, server.url);
    await input(page).click();
    await page.keyboard.type("lars");
    await page.locator(`${PICKER} [role=option][data-id="lars"]`).click();
    assert.deepEqual(await chipIds(page), ["lars"]);
    await page.locator(`${PICKER} .chip[data-id="lars"] button`).click();
    assert.deepEqual(await chipIds(page), []);
    await page.keyboard.type("an");
    await page.locator(`${PICKER} [role=listbox]:not([hidden])`).waitFor();
    await page.click("h1");
    assert.equal(await page.locator(`${PICKER} [role=listbox]`).isHidden(), true);
    assert.deepEqual((await events(page)).map((d) => d.selectedPeople.length), [1, 0]);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test("multiple selection leaves picked people out of the list; single selection replaces the pick", async () => {
    const page = await openPicker(browser, server.url);
    for (const [query, id] of [["ann", "ann"], ["anna", "anna"], ["bob", "bob"]]) {
      await type(page, query);
      await page.locator(`${PICKER} [role=option][data-id="${id}"]`).click();
    }
    assert.deepEqual(await chipIds(page), ["ann", "anna", "bob"]);
    await type(page, "an");
    const offered = await optionIds(page);
    assert.ok(!offered.includes("ann") && !offered.includes("anna"), `picked people are not offered again: ${offered}`);
    assert.deepEqual(await page.evaluate(() => document.getElementById("picker").selectedPeople.map((p) => p.id)), ["ann", "anna", "bob"]);

    await page.evaluate(() => {
      const picker = document.getElementById("picker");
      picker.selectionMode = "single";
      picker.selectedPeople = [];
    });
    await type(page, "deb");
    await page.keyboard.press("Enter");
    await type(page, "maria");
    await page.keyboard.press("Enter");
    assert.deepEqual(await chipIds(page), ["maria"]);
    const last = (await events(page)).at(-1);
    assert.deepEqual([last.added.map((p) => p.id), last.removed.map((p) => p.id)], [["maria"], ["deborah"]]);
    await page.close();
  });

  test("show-max, user-type, exclude-user-ids and group-id narrow the list", async () => {
    const page = await openPicker(browser, server.url);
    await setAttr(page, "show-max", "3");
    await type(page, "a");
    assert.equal((await optionIds(page)).length, 3);
    await setAttr(page, "show-max", null);

    await setAttr(page, "user-type", "guest");
    await type(page, "a");
    const guests = await page.locator(`${PICKER} [role=option]`).evaluateAll((els) => els.map((e) => e.dataset.userType));
    assert.ok(guests.length > 0 && guests.every((t) => t === "Guest"), `${guests}`);
    await setAttr(page, "user-type", "member");
    await type(page, "alice");
    assert.ok(!(await optionIds(page)).includes("alice-at-contoso"));
    await setAttr(page, "user-type", null);

    await setAttr(page, "exclude-user-ids", "alice-at-contoso, deborah");
    await type(page, "alice");
    assert.ok(!(await optionIds(page)).includes("alice-at-contoso"), "excluded by attribute");
    await page.evaluate(() => (document.getElementById("picker").excludeUserIds = ["lars"]));
    await type(page, "lars");
    assert.ok(!(await optionIds(page)).includes("lars"), "excluded by property");
    await type(page, "alice");
    assert.equal((await optionIds(page))[0], "alice-at-contoso", "the property replaced the attribute's list");
    await page.evaluate(() => (document.getElementById("picker").excludeUserIds = []));

    // sales holds sales-emea: Maria is a member through it, Bob is in neither.
    await setAttr(page, "group-id", "sales");
    await type(page, "maria");
    assert.deepEqual(await optionIds(page), ["maria"]);
    await type(page, "bob");
    assert.deepEqual(await optionIds(page), []);
    assert.match(await live(page), /^No one matches bob\./);
    await setAttr(page, "group-id", "no-such-group");
    await type(page, "bob");
    assert.match(await note(page).textContent(), /^UNKNOWN_GROUP: /);
    assert.equal(await note(page).evaluate((el) => el.classList.contains("error")), true);
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test("a connector without a guest picker hides guests and says so", async () => {
    const page = await openPicker(browser, server.url);
    await setAttr(page, "connector", "shared_office365");
    await type(page, "ali");
    const ids = await optionIds(page);
    assert.ok(ids.length > 0 && !ids.includes("alice-at-contoso"), `${ids}`);
    assert.match(await note(page).textContent(), /does not support picking guests/);
    await setAttr(page, "connector", "shared_teams");
    await type(page, "ali");
    assert.equal((await optionIds(page))[0], "alice-at-contoso");
    assert.equal(await note(page).isHidden(), true);
    await page.close();
  });

  test("a guest whose search is limited is told to type the full address, and finds by it", async () => {
    const page = await openPicker(browser, server.url, { query: "user=alice-at-contoso" });
    assert.equal(await note(page).getAttribute("data-mode"), "exactOnly");
    assert.match(await note(page).textContent(), /full email address/, "said before typing");
    assert.equal(await input(page).getAttribute("aria-describedby"), "note");
    await type(page, "bob");
    assert.deepEqual(await optionIds(page), []);
    assert.match(await live(page), /^No one matches bob\. As a guest here, you find people only by their full email address/);
    await type(page, "bob@contoso.com");
    assert.deepEqual(await optionIds(page), ["bob"]);
    await page.close();

    // Fabrikam lets guests search as members do: no note.
    const full = await openPicker(browser, server.url, { query: "tenant=fabrikam&user=bob-at-fabrikam" });
    assert.equal(await note(full).getAttribute("data-mode"), "full");
    assert.equal(await note(full).isHidden(), true);
    await full.close();
  });

  test("allow-any-email: an address nobody has becomes an invite chip", async () => {
    const page = await openPicker(browser, server.url);
    await type(page, "eve@northwind.com");
    assert.deepEqual(await optionIds(page), [], "no invite without allow-any-email");
    await setAttr(page, "allow-any-email", "");
    await type(page, "bob@contoso.com");
    assert.deepEqual(await optionIds(page), ["bob"], "a known address offers the person, no invite");
    await type(page, "Eve@Northwind.com");
    assert.deepEqual(await optionIds(page), ["invite:Eve@Northwind.com"]);
    assert.match(await live(page), /You can invite Eve@Northwind\.com\./);
    await page.keyboard.press("Enter");
    assert.deepEqual(await chipIds(page), ["eve@northwind.com"]);
    assert.equal(await page.locator(`${PICKER} .chip.invite .badge.invite`).textContent(), "Invite");
    const [detail] = await events(page);
    assert.deepEqual(detail.added, [{ kind: "invite", id: "eve@northwind.com", email: "Eve@Northwind.com", displayName: "Eve@Northwind.com" }]);
    await type(page, "eve@northwind.com");
    assert.deepEqual(await optionIds(page), [], "an address already picked is not offered again");
    await page.close();
  });

  test("default-selected-user-ids, selected-people, tenant names and disabled", async () => {
    const page = await openPicker(browser, server.url, { query: "names=0" });
    const state = await page.evaluate(() => {
      const picker = document.createElement("guestpass-people-picker");
      picker.setAttribute("default-selected-user-ids", "alice-at-contoso, nobody-here");
      picker.lookupPerson = (id) => window.dir.toJSON().users.find((u) => u.id === id);
      picker.session = window.dir.signIn({ tenantId: "contoso", user: "bob" });
      document.body.append(picker);
      const chips = [...picker.shadowRoot.querySelectorAll(".chip")].map((c) => c.textContent);
      const defaults = picker.selectedPeople;
      picker.setAttribute("selected-people", JSON.stringify([{ id: "bob", displayName: "Bob Kowalski" }, { email: "x@y.com" }]));
      return { defaults, chips, fromAttribute: picker.selectedPeople.map((p) => [p.kind, p.id]) };
    });
    assert.deepEqual(state.defaults.map((p) => [p.id, p.displayName, p.unresolved ?? false]), [
      ["alice-at-contoso", "Alice Martin", false],
      ["nobody-here", "nobody-here", true],
    ]);
    assert.deepEqual(state.chips, ["Alice MartinGuest · fabrikam✕", "nobody-here✕"], "without tenant names a badge shows the tenant id");
    assert.deepEqual(state.fromAttribute, [["person", "bob"], ["invite", "x@y.com"]]);
    await setAttr(page, "disabled", "");
    assert.equal(await page.locator("#picker input").isDisabled(), true);
    await page.evaluate(() => (document.getElementById("picker").selectedPeople = [{ id: "bob" }]));
    assert.equal(await page.locator("#picker .chip button").isDisabled(), true);
    await page.close();
  });

  test("runs under a strict Content Security Policy (no inline script or style, Trusted Types)", async () => {
    const page = await openPicker(browser, server.url, { csp: true });
    await type(page, "ali");
    await page.keyboard.press("Enter");
    assert.deepEqual(await chipIds(page), ["alice-at-contoso"]);
    // The stylesheet applied: the chip is a pill.
    const radius = await page.locator(`${PICKER} .chip`).evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
    assert.equal(radius, "999px");
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(page.problems, []);
    // The policy is in force: an inline style is refused.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement("style"), { textContent: "body { color: red }" })));
    await page.waitForFunction(() => window.violations.length > 0);
    assert.match((await page.evaluate(() => window.violations))[0], /^style-src-elem inline/);
    await page.close();
  });

  test("axe-core finds no serious or critical violation, list open and chips shown", async () => {
    const page = await openPicker(browser, server.url);
    await type(page, "ali");
    await page.keyboard.press("Enter");
    await type(page, "an");
    await page.addScriptTag({ content: readFileSync(join(repo, "node_modules", "axe-core", "axe.min.js"), "utf8") });
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
      });
      const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert.deepEqual(bad, [], `${scheme}: ${JSON.stringify(result)}`);
    }
    await page.close();
  });

  test("screenshots: light, dark, forced colours, right to left", async () => {
    for (const [name, query, media] of [
      ["light", "", { colorScheme: "light" }],
      ["dark", "", { colorScheme: "dark" }],
      ["forced-colors", "", { colorScheme: "light", forcedColors: "active" }],
      ["rtl", "dir=rtl", { colorScheme: "light" }],
    ]) {
      const page = await openPicker(browser, server.url, { query, colorScheme: media.colorScheme });
      await page.emulateMedia(media);
      await type(page, "ali");
      await page.keyboard.press("Enter");
      await type(page, "deb");
      await page.keyboard.press("Enter");
      await type(page, "an");
      await page.keyboard.press("ArrowDown");
      if (name === "rtl") {
        const side = await page.evaluate(() => {
          const root = document.getElementById("picker").shadowRoot;
          return root.querySelector(".chip").getBoundingClientRect().left > root.querySelector("input").getBoundingClientRect().left;
        });
        assert.equal(side, true, "in RTL the chips sit on the right of the input");
      }
      await screenshot(page, `picker-${name}`);
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  });
});
