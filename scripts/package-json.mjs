#!/usr/bin/env node
// Writes the package's package.json: pkg-template/package.json with the version taken from
// Cargo.toml's [workspace.package] section (every crate of the workspace inherits it), so
// the npm package and the crates never disagree.
//   node scripts/package-json.mjs pkg-template/package.json Cargo.toml > pkg/package.json
import { readFileSync } from "node:fs";

const [templatePath, cargoPath] = process.argv.slice(2);
const template = JSON.parse(readFileSync(templatePath, "utf8"));
const cargo = readFileSync(cargoPath, "utf8");

const packageSection = cargo.split(/^\[/m).find((s) => s.startsWith("workspace.package]"));
const version = packageSection?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
if (!version) {
  console.error(`package-json: no version in the [workspace.package] section of ${cargoPath}`);
  process.exit(1);
}
template.version = version;
process.stdout.write(JSON.stringify(template, null, 2) + "\n");
