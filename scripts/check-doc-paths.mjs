#!/usr/bin/env node
// Checks that every repository path a document names exists, so the docs stay true when
// files move. Run by `make test` (step "docs name only paths that exist").
//
// A "document" is every Markdown file of the repository and every Rust doc comment
// (`//!`, `///`) under a crate's src/. A "path it names" is a backticked word or a
// Markdown link target that starts with one of the repository's top-level entries
// (`src/...`, `tests/js/...`, `Makefile`, ...). Globs (`*`), placeholders (`<name>`,
// `{...}`, `...`) and URLs are not paths. A link target is resolved against the
// document's folder; a backticked path against the repository root, then the
// document's folder, then its crate's root.
//
//   node scripts/check-doc-paths.mjs        prints each missing path with where it is named
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const skipDirs = new Set([".git", "node_modules", "target", "pkg", "corpus", "artifacts", "coverage"]);
const topLevel = new Set(readdirSync(root).filter((name) => !skipDirs.has(name)));

/** Every file under `dir` (relative to the root) whose name passes `keep`. */
function walk(dir, keep, out = []) {
  for (const name of readdirSync(join(root, dir))) {
    if (skipDirs.has(name)) continue;
    const path = dir ? `${dir}/${name}` : name;
    const stat = statSync(join(root, path));
    if (stat.isDirectory()) walk(path, keep, out);
    else if (keep(path)) out.push(path);
  }
  return out;
}

/** The text of a document that may name paths: all of Markdown, the doc comments of Rust. */
function documentText(path) {
  const text = readFileSync(join(root, path), "utf8");
  if (path.endsWith(".md")) return text;
  return text
    .split("\n")
    .map((line) => (/^\s*\/\/[!/]/.test(line) ? line : ""))
    .join("\n");
}

/** The words a document offers as paths: backticked words and link targets. */
function namedPaths(text) {
  const named = [];
  for (const m of text.matchAll(/`([^`\s]+)`/g)) named.push({ path: m[1], link: false });
  for (const m of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) named.push({ path: m[1], link: true });
  return named;
}

function looksLikeRepoPath(path) {
  if (/^[a-z]+:\/\//i.test(path) || /[*<>{}$|]|\.\.\.|…/.test(path)) return false;
  const cleaned = path.replace(/^\.\//, "").replace(/[.,:;]$/, "");
  const first = cleaned.split("/")[0];
  return topLevel.has(first) && (cleaned.includes("/") || /\.[a-z]+$/i.test(cleaned) || cleaned === "Makefile");
}

/** The crate root that holds `path` (a folder with a Cargo.toml above it), or the repository root. */
function crateRoot(path) {
  let dir = dirname(path);
  while (dir !== "." && !existsSync(join(root, dir, "Cargo.toml"))) dir = dirname(dir);
  return dir;
}

function exists(doc, { path, link }) {
  const cleaned = path.replace(/^\.\//, "").replace(/[.,:;]$/, "").replace(/:\d+(-\d+)?$/, "");
  const candidates = link
    ? [join(dirname(doc), cleaned)]
    : [cleaned, join(dirname(doc), cleaned), join(crateRoot(doc), cleaned)];
  return candidates.some((c) => existsSync(join(root, c)));
}

const documents = walk("", (p) => p.endsWith(".md") || (p.endsWith(".rs") && p.split("/").includes("src")));
const missing = [];
for (const doc of documents) {
  const text = documentText(doc);
  for (const named of namedPaths(text)) {
    if (!named.link && !looksLikeRepoPath(named.path)) continue;
    if (named.link && (/^[a-z]+:/i.test(named.path) || named.path.startsWith("/"))) continue;
    if (!exists(doc, named)) missing.push(`${doc}: names ${named.path}, which does not exist`);
  }
}

if (missing.length) {
  console.error(`check-doc-paths: ${missing.length} path(s) named in the docs do not exist:`);
  for (const line of missing) console.error(`  ${line.split(sep).join("/")}`);
  process.exit(1);
}
console.log(`check-doc-paths: every path named in ${documents.length} documents exists (${relative(process.cwd(), root) || "."})`);
