#!/usr/bin/env node
// A tiny dependency-free static server for the demo: serves www/ at /, the built
// package pkg/ at /pkg/, and the built-in sample snapshots (scripts/demo-samples.mjs)
// at /samples/.
//
//   node scripts/serve.mjs            -> http://localhost:8080/
//   PORT=0 node scripts/serve.mjs     -> any free port; the URL it prints says which
//
// Environment: PORT (default 8080), HOST (default 127.0.0.1), ROOT (default www), BENCH
// (a directory served at /bench/, for benches that load files over real HTTP).
// It prints one line "guestpass demo: http://localhost:PORT/" once it listens.
import { createServer } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(fileURLToPath(new URL("..", import.meta.url)));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
const mounts = [
  ...(process.env.BENCH ? [["/bench/", resolve(process.env.BENCH)]] : []),
  ["/pkg/", resolve(repo, "pkg")],
  ["/samples/", resolve(repo, "target", "demo-samples")],
  ["/", resolve(repo, process.env.ROOT ?? "www")],
];

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".bin": "application/octet-stream",
};

/** The file a URL path names, or null when it is outside every mount. */
function fileFor(urlPath) {
  for (const [prefix, dir] of mounts) {
    if (urlPath === prefix.slice(0, -1) && prefix !== "/") return { redirect: prefix };
    if (!urlPath.startsWith(prefix)) continue;
    const rest = normalize(decodeURIComponent(urlPath.slice(prefix.length)));
    const file = join(dir, rest);
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    return { file };
  }
  return null;
}

function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(text + "\n");
}

const server = createServer((req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed");
  let target;
  try {
    target = fileFor(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    return send(res, 400, "bad request");
  }
  if (!target) return send(res, 404, "not found");
  if (target.redirect) {
    res.writeHead(301, { location: target.redirect });
    return res.end();
  }
  let file = target.file;
  let stat;
  try {
    stat = statSync(file);
    if (stat.isDirectory()) {
      file = join(file, "index.html");
      stat = statSync(file);
    }
  } catch {
    return send(res, 404, `not found: ${req.url}`);
  }
  // Revalidated on every load (never stale while you edit), but cacheable: a browser keeps
  // the compiled WebAssembly beside a cached .wasm and reuses it when the server answers 304.
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    "content-type": types[extname(file).toLowerCase()] ?? "application/octet-stream",
    "cache-control": "no-cache",
    etag,
    "x-content-type-options": "nosniff",
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(200, { ...headers, "content-length": stat.size });
  if (req.method === "HEAD") return res.end();
  createReadStream(file).pipe(res);
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`guestpass demo: http://localhost:${actual}/`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
