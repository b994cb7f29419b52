#!/usr/bin/env node
// Takes a screenshot of a page in headless Chromium (Debian's, through playwright-core),
// so a person can look at what the demo shows:
//   node scripts/screenshot.mjs http://localhost:8080/ artifacts/demo.png [wait-for-selector]
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { launchChromium } from "../tests/browser/harness.mjs";

const [url = "http://localhost:8080/", out = "artifacts/demo.png", selector] = process.argv.slice(2);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  page.on("console", (m) => m.type() === "error" && console.error(`console error: ${m.text()}`));
  await page.goto(url, { waitUntil: "networkidle" });
  if (selector) await page.locator(selector).first().waitFor({ timeout: 15_000 });
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`screenshot: ${out}`);
} finally {
  await browser.close();
}
