// The view server: a Hono app that answers `GET /view` with the view of the person the
// request's bearer token names, from a directory the server holds (guestpass's full
// package). Hono runs unchanged on Node (@hono/node-server, main.mjs), Azure Functions and
// Cloudflare Workers; the directory comes in from outside, so the same app serves a
// snapshot or a directory built from sources.
import { Hono } from "hono";
import { etag } from "hono/etag";
import { Unauthorized } from "./auth.mjs";

/** The codes of `viewFor` that mean "not this person, here": answered 403. */
const REFUSED = new Set(["USER_NOT_FOUND", "UNKNOWN_TENANT", "ACCOUNT_DISABLED", "INVITATION_PENDING", "COLLABORATION_BLOCKED"]);

/**
 * The app. `directory` is a guestpass `Directory` (or anything with its `viewFor`);
 * `verify(authorization)` resolves to `{ tenantId, user }` or rejects with `Unauthorized`
 * (auth.mjs); `tenantId`, if given, is the one tenant served (a token of another is 403).
 *
 * Responses: 200 with the view's bytes (`application/octet-stream`), an `ETag` that is
 * the SHA-256 of those bytes, `Cache-Control: private, no-cache` (a person's view is
 * theirs: no shared cache keeps it, and the browser asks again each time, cheaply: a
 * matching `If-None-Match` gets 304 and no body) and `Vary: Authorization`; 401 with
 * `WWW-Authenticate: Bearer` without a valid token; 403 `{ code, message }` for a person
 * the directory does not let in.
 *
 * @param {{ directory: { viewFor(r: { tenantId: string, user: string }): Uint8Array }, verify: (authorization: string | undefined) => Promise<{ tenantId: string, user: string }>, tenantId?: string }} options
 */
export function createViewServer({ directory, verify, tenantId }) {
  const app = new Hono();
  app.get("/healthz", (c) => c.text("ok"));
  // The ETag is the content hash: the same view is the same bytes (views are deterministic).
  app.use("/view", etag({ generateDigest: (body) => crypto.subtle.digest("SHA-256", body) }));
  app.get("/view", async (c) => {
    const person = await verify(c.req.header("Authorization"));
    if (tenantId !== undefined && person.tenantId !== tenantId) {
      return c.json({ code: "TENANT_NOT_SERVED", message: `this server serves tenant ${tenantId}` }, 403);
    }
    const bytes = directory.viewFor(person);
    c.header("Cache-Control", "private, no-cache");
    c.header("Vary", "Authorization");
    return c.body(bytes, 200, { "Content-Type": "application/octet-stream" });
  });
  app.onError((error, c) => {
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
