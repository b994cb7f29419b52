// The view server: a Hono app that answers `GET /view` with the view of the person the
// request's bearer token names (or its two parts: `/view/personal` and the shared part at
// `/views/shared/<sha-256>`), from a directory the server holds (guestpass's full
// package). Hono runs unchanged on Node (@hono/node-server, main.mjs), Azure Functions and
// Cloudflare Workers; the directory comes in from outside, so the same app serves a
// snapshot or a directory built from sources.
import { Hono } from "hono";
import { etag } from "hono/etag";
import { Unauthorized } from "./auth.mjs";

/** The codes of `viewFor` that mean "not this person, here": answered 403. */
const REFUSED = new Set(["USER_NOT_FOUND", "UNKNOWN_TENANT", "ACCOUNT_DISABLED", "INVITATION_PENDING", "COLLABORATION_BLOCKED"]);

/**
 * The app. `directory` is a guestpass `Directory` (or anything with its `viewFor` and
 * `viewParts`); `verify(authorization)` resolves to `{ tenantId, user }` or rejects with
 * `Unauthorized` (auth.mjs); `tenantId`, if given, is the one tenant served (a token of
 * another is 403).
 *
 * Routes, each for the person the bearer token names:
 *
 * - `GET /view`: their whole view in one piece.
 * - `GET /view/personal`: the personal part, with a `GuestPass-Shared` header naming the
 *   URL of the shared part it goes with (`/views/shared/<sha-256>`) and a
 *   `GuestPass-Shared-Integrity` header with its Subresource Integrity string, for the
 *   browser to check the shared part's bytes with (`fetch(url, { integrity })`).
 * - `GET /views/shared/:hash`: the shared part of their audience in their tenant, when
 *   `hash` is its SHA-256 (404 otherwise: another audience's, or one the directory no
 *   longer writes), with `Cache-Control: public, max-age=31536000, immutable`: the bytes
 *   under that name never change and are the same for every person of the audience, so
 *   a CDN keeps one copy per tenant and audience.
 *
 * A person's view and personal part get an `ETag` that is the SHA-256 of their bytes,
 * `Cache-Control: private, no-cache` (no shared cache keeps them, and the browser asks
 * again each time, cheaply: a matching `If-None-Match` gets 304 and no body) and `Vary:
 * Authorization`. 401 with `WWW-Authenticate: Bearer` without a valid token; 403 `{ code,
 * message }` for a person the directory does not let in.
 *
 * @param {{ directory: { viewFor(r: { tenantId: string, user: string }): Uint8Array, viewParts(r: { tenantId: string, user: string }): { shared: Uint8Array, sharedHash: string, sharedIntegrity: string, personal: Uint8Array } }, verify: (authorization: string | undefined) => Promise<{ tenantId: string, user: string }>, tenantId?: string }} options
 */
export function createViewServer({ directory, verify, tenantId }) {
  const app = new Hono();
  app.get("/healthz", (c) => c.text("ok"));
  // The ETag is the content hash: the same view is the same bytes (views are deterministic).
  // "/view/*" covers /view and /view/personal.
  app.use("/view/*", etag({ generateDigest: (body) => crypto.subtle.digest("SHA-256", body) }));
  /** The person the request's token names, in the tenant served. */
  const person = async (c) => {
    const who = await verify(c.req.header("Authorization"));
    if (tenantId !== undefined && who.tenantId !== tenantId) {
      throw new NotServed(`this server serves tenant ${tenantId}`);
    }
    return who;
  };
  const personal = (c, bytes) => {
    c.header("Cache-Control", "private, no-cache");
    c.header("Vary", "Authorization");
    return c.body(bytes, 200, { "Content-Type": "application/octet-stream" });
  };
  app.get("/view", async (c) => personal(c, directory.viewFor(await person(c))));
  app.get("/view/personal", async (c) => {
    const parts = directory.viewParts(await person(c));
    c.header("GuestPass-Shared", `/views/shared/${parts.sharedHash}`);
    c.header("GuestPass-Shared-Integrity", parts.sharedIntegrity);
    return personal(c, parts.personal);
  });
  app.get("/views/shared/:hash", async (c) => {
    const parts = directory.viewParts(await person(c));
    if (parts.sharedHash !== c.req.param("hash")) {
      return c.json({ code: "NOT_FOUND", message: "no shared part of yours has this hash: fetch /view/personal again" }, 404);
    }
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    c.header("ETag", `"${parts.sharedHash}"`);
    return c.body(parts.shared, 200, { "Content-Type": "application/octet-stream" });
  });
  app.onError((error, c) => {
    if (error instanceof NotServed) {
      return c.json({ code: "TENANT_NOT_SERVED", message: error.message }, 403);
    }
    if (error instanceof Unauthorized) {
      const challenge = error.error ? `Bearer error="${error.error}"` : "Bearer";
      return c.json({ code: "UNAUTHORIZED", message: error.message }, 401, { "WWW-Authenticate": challenge });
    }
    if (error?.name === "GuestPassError" && REFUSED.has(error.code)) {
      return c.json({ code: error.code, message: error.message }, 403);
    }
    console.error(error);
    return c.json({ code: "INTERNAL", message: "the view could not be made" }, 500);
  });
  return app;
}

/** A token of a tenant this server does not serve: answered 403 `TENANT_NOT_SERVED`. */
class NotServed extends Error {}
