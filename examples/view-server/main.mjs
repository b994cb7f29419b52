#!/usr/bin/env node
// Runs the view server on Node for one Entra tenant:
//   TENANT_ID=<tenant id> CLIENT_ID=<your API's client id> node main.mjs <snapshot.bin | sources.json> [port]
// The directory is loaded once, from a snapshot (`npx guestpass snapshot` made it) or from
// the pages of every source (the input of Directory.fromSources).
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { Directory } from "guestpass";
import { createViewServer } from "./app.mjs";
import { entraVerifier } from "./auth.mjs";

/** The directory of a snapshot file or of a JSON file of source pages. */
export function loadDirectory(path) {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8).toString("latin1") === "GUESTPAS") return Directory.fromBytes(bytes);
  return Directory.fromSources(JSON.parse(bytes.toString("utf8")));
}

const [path, port = "8787"] = process.argv.slice(2);
const { TENANT_ID: tenantId, CLIENT_ID: clientId } = process.env;
if (!path || !tenantId || !clientId) {
  console.error("usage: TENANT_ID=<tenant id> CLIENT_ID=<client id> node main.mjs <snapshot.bin | sources.json> [port]");
  process.exit(2);
}
const app = createViewServer({ directory: loadDirectory(path), verify: entraVerifier({ tenantId, clientId }), tenantId });
serve({ fetch: app.fetch, port: Number(port) }, (info) => console.log(`view server on http://localhost:${info.port}/view`));
