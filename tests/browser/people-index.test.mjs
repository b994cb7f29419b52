// PeopleIndex through the built package in headless Chromium (the bundler entry,
// /pkg/index.js, served by scripts/serve.mjs): the key matching and ranking cases of
// tests/js/people-index.test.mjs, and UTF-16 highlights that slice the page's strings.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { browserSkipReason, openPage, useDemoInChromium } from "./harness.mjs";

const skip = browserSkipReason();
if (skip) console.error(`\n!!! SKIPPING the browser PeopleIndex tests: ${skip}\n`);

describe("PeopleIndex in Chromium", { skip: skip ?? false }, () => {
  const live = useDemoInChromium();

  test("accents, punctuation, order, guest UPNs, non-Latin, exact first, filters, updates, highlights", async () => {
    const page = await openPage(live.browser, live.demo.url);
    const result = await page.evaluate(async () => {
      const { PeopleIndex, GuestPassError } = await import("/pkg/index.js");
      const people = PeopleIndex.from([
        { id: "ann", displayName: "Ann Lee", mail: "ann@contoso.com", userPrincipalName: "ann@contoso.com" },
        { id: "anna", displayName: "Anna Schmidt", mail: "anna@contoso.com", userPrincipalName: "anna@contoso.com" },
        { id: "deborah", displayName: "Déborah Lefèvre", userPrincipalName: "deborah@contoso.com" },
        { id: "siobhan", displayName: "Siobhán O'Brien", userPrincipalName: "siobhan@contoso.com" },
        { id: "maria", displayName: "María García-López", userPrincipalName: "maria@contoso.com" },
        { id: "taro", displayName: "山田 太郎", userPrincipalName: "taro@contoso.com" },
        { id: "alice-guest", displayName: "Alice Martin", userPrincipalName: "alice_fabrikam.com#EXT#@contoso.onmicrosoft.com", userType: "Guest" },
        { id: "zoe", displayName: "😀 Zoë Dubois", userPrincipalName: "zoe@tailspin.com" },
      ]);
      const ids = (q, o) => people.search(q, o).map((m) => m.id);
      const [zoe] = people.search("zo");
      const mark = zoe.highlights.find((h) => h.field === "displayName");
      let code = null;
      try {
        people.search("x".repeat(300));
      } catch (e) {
        code = e instanceof GuestPassError ? e.code : String(e);
      }
      const out = {
        deb: ids("deb"),
        obrien: ids("o brien"),
        lopez: ids("lopez"),
        order: ids("lefevre deborah"),
        guest: ids("alice@fabrikam.com"),
        taro: ids("太郎"),
        ann: ids("ann"),
        guestsOnly: ids("a", { userType: "guest" }),
        excluded: ids("ann", { exclude: ["ann"] }),
        bold: zoe.record.displayName.slice(mark.start, mark.end),
        code,
      };
      people.upsert({ id: "ann", displayName: "Annika Berg" });
      people.remove("anna");
      out.updated = ids("ann");
      people.free();
      return out;
    });
    assert.deepEqual(result, {
      deb: ["deborah"],
      obrien: ["siobhan"],
      lopez: ["maria"],
      order: ["deborah"],
      guest: ["alice-guest"],
      taro: ["taro"],
      ann: ["ann", "anna"],
      guestsOnly: ["alice-guest"],
      excluded: ["anna"],
      bold: "Zo",
      code: "QUERY_TOO_LONG",
      updated: ["ann"],
    });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
