// examples/view-server over real HTTP on localhost: the Hono app on @hono/node-server,
// bearer tokens signed with keys the test generates (jose). No token or a bad one is 401;
// a good one gets that person's view (which guestpass/view reads back as them), with an
// ETag on its content hash and 304 for a matching If-None-Match; the Entra verifier
// fetches the signing keys from a JWKS endpoint (here a local one) as createRemoteJWKSet
// does from login.microsoftonline.com. The README's code is the example's own.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { after, before, describe, test } from "node:test";
import { serve } from "@hono/node-server";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

import { Directory } from "guestpass";
import { fromView, fromViewParts, loadViewParts } from "guestpass/view";
import { createViewServer } from "../../examples/view-server/app.mjs";
import { bearerVerifier, entraVerifier } from "../../examples/view-server/auth.mjs";

const ISSUER = "https://issuer.test/contoso";
const AUDIENCE = "api://guestpass-views";

const dir = Directory.sample({ users: 150, seed: 3 });

/** Starts `fetch` on a free port; resolves to { url, close }. */
function listen(fetch) {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => new Promise((done) => server.close(done)) }),
    );
  });
}

/** A token for `claims`, signed with `key` (ES256 unless said), valid for an hour. */
function token(key, claims, { alg = "ES256", issuer = ISSUER, audience = AUDIENCE, expires = "1h", kid } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader(kid ? { alg, kid } : { alg })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(key);
}

describe("the view server", () => {
  let keys;
  let other;
  let server;

  before(async () => {
    keys = await generateKeyPair("ES256");
    other = await generateKeyPair("ES256");
    const verify = bearerVerifier({ key: keys.publicKey, issuer: ISSUER, audience: AUDIENCE });
    server = await listen(createViewServer({ directory: dir, verify, tenantId: "contoso" }).fetch);
  });
  after(() => server?.close());

  const get = (headers = {}) => fetch(`${server.url}/view`, { headers });

  test("401 without a token, with a malformed one, and with a refused one", async () => {
    const none = await get();
    assert.equal(none.status, 401);
    assert.equal(none.headers.get("www-authenticate"), "Bearer");
    const malformed = await get({ Authorization: "Basic Ym9iOmJvYg==" });
    assert.equal(malformed.status, 401);
    assert.equal(malformed.headers.get("www-authenticate"), 'Bearer error="invalid_request"');
    const claims = { tid: "contoso", oid: "bob" };
    for (const bad of [
      await token(other.privateKey, claims), // another key
      await token(keys.privateKey, claims, { audience: "api://someone-else" }),
      await token(keys.privateKey, claims, { issuer: "https://issuer.test/fabrikam" }),
      await token(keys.privateKey, claims, { expires: Math.floor(Date.now() / 1000) - 600 }),
      await token(keys.privateKey, { tid: "contoso" }), // no oid
      "not.a.token",
    ]) {
      const r = await get({ Authorization: `Bearer ${bad}` });
      assert.equal(r.status, 401, bad);
      assert.equal(r.headers.get("www-authenticate"), 'Bearer error="invalid_token"');
      assert.equal((await r.json()).code, "UNAUTHORIZED");
    }
  });

  test("200 with the view of the token's user, cached by ETag: 304 when it still matches", async () => {
    for (const user of ["bob", "alice-at-contoso"]) {
      const r = await get({ Authorization: `Bearer ${await token(keys.privateKey, { tid: "contoso", oid: user })}` });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get("content-type"), "application/octet-stream");
      assert.equal(r.headers.get("cache-control"), "private, no-cache");
      assert.equal(r.headers.get("vary"), "Authorization");
      const bytes = new Uint8Array(await r.arrayBuffer());
      assert.deepEqual(bytes, dir.viewFor({ tenantId: "contoso", user }));
      const digest = Buffer.from(await crypto.subtle.digest("SHA-256", bytes)).toString("hex");
      assert.equal(r.headers.get("etag"), `"${digest}"`);
      const me = fromView(bytes);
      assert.equal(me.userId, user);
      me.free();

      const again = await get({
        Authorization: `Bearer ${await token(keys.privateKey, { tid: "contoso", oid: user })}`,
        "If-None-Match": r.headers.get("etag"),
      });
      assert.equal(again.status, 304);
      assert.equal(again.headers.get("etag"), r.headers.get("etag"));
      assert.equal((await again.arrayBuffer()).byteLength, 0);
    }
    const bob = await token(keys.privateKey, { tid: "contoso", oid: "bob" });
    const stale = await get({ Authorization: `Bearer ${bob}`, "If-None-Match": '"0000"' });
    assert.equal(stale.status, 200);
  });

  test("the parts: the personal one private with an ETag, the shared one public and immutable at its hash", async () => {
    const auth = async (user) => ({ Authorization: `Bearer ${await token(keys.privateKey, { tid: "contoso", oid: user })}` });
    const shared = new Set();
    // Two members of contoso: one shared part; two guests with limited access: another.
    for (const user of ["bob", "anna", "alice-at-contoso", "erik-at-contoso"]) {
      const r = await fetch(`${server.url}/view/personal`, { headers: await auth(user) });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get("cache-control"), "private, no-cache");
      assert.equal(r.headers.get("vary"), "Authorization");
      const personal = new Uint8Array(await r.arrayBuffer());
      const parts = dir.viewParts({ tenantId: "contoso", user });
      assert.deepEqual(personal, parts.personal);
      const digest = Buffer.from(await crypto.subtle.digest("SHA-256", personal)).toString("hex");
      assert.equal(r.headers.get("etag"), `"${digest}"`);
      const again = await fetch(`${server.url}/view/personal`, { headers: { ...(await auth(user)), "If-None-Match": r.headers.get("etag") } });
      assert.equal(again.status, 304);

      const at = r.headers.get("guestpass-shared");
      assert.equal(at, `/views/shared/${parts.sharedHash}`);
      // The integrity string is the shared part's SHA-256 in base64; fetch checks it.
      const integrity = r.headers.get("guestpass-shared-integrity");
      assert.equal(integrity, `sha256-${Buffer.from(parts.sharedHash, "hex").toString("base64")}`);
      assert.equal(integrity, parts.sharedIntegrity);
      const s = await fetch(`${server.url}${at}`, { headers: await auth(user), integrity });
      assert.equal(s.status, 200);
      assert.equal(s.headers.get("cache-control"), "public, max-age=31536000, immutable");
      assert.equal(s.headers.get("vary"), null);
      assert.equal(s.headers.get("etag"), `"${parts.sharedHash}"`);
      const bytes = new Uint8Array(await s.arrayBuffer());
      assert.equal(Buffer.from(await crypto.subtle.digest("SHA-256", bytes)).toString("hex"), parts.sharedHash);
      shared.add(parts.sharedHash);
      const me = fromViewParts(personal, bytes);
      assert.equal(me.userId, user);
      me.free();
    }
    const [members, guests] = [...shared];
    assert.equal(shared.size, 2, "one shared part per audience");
    // Another audience's hash, or a made-up one: 404, nothing served.
    for (const hash of [members, "00".repeat(32)]) {
      const r = await fetch(`${server.url}/views/shared/${hash}`, { headers: await auth("alice-at-contoso") });
      assert.equal(r.status, 404, hash);
      assert.equal((await r.json()).code, "NOT_FOUND");
    }
    assert.equal((await fetch(`${server.url}/views/shared/${guests}`)).status, 401);
    // Bytes other than the named ones are refused by fetch itself when it is given the
    // integrity string (here: the members' part asked for with the guests' integrity).
    const wrong = `sha256-${Buffer.from(guests, "hex").toString("base64")}`;
    const forged = fetch(`${server.url}/views/shared/${members}`, { headers: await auth("bob"), integrity: wrong });
    await assert.rejects(async () => (await forged).arrayBuffer());
  });

  test("loadViewParts fetches both parts, the shared one with its integrity, and reads them", async () => {
    const headers = { Authorization: `Bearer ${await token(keys.privateKey, { tid: "contoso", oid: "bob" })}` };
    const me = await loadViewParts(`${server.url}/view/personal`, { headers });
    assert.equal(me.userId, "bob");
    me.free();
    // The full package's Directory.loadViewParts, with a fetch of the caller's.
    const asked = [];
    const counting = (input, init) => (asked.push([String(input), init?.integrity]), fetch(input, init));
    const again = await Directory.loadViewParts(`${server.url}/view/personal`, { headers, fetch: counting });
    assert.equal(again.userId, "bob");
    again.free();
    const parts = dir.viewParts({ tenantId: "contoso", user: "bob" });
    assert.deepEqual(asked, [
      [`${server.url}/view/personal`, undefined],
      [`${server.url}/views/shared/${parts.sharedHash}`, parts.sharedIntegrity],
    ]);
    // A personal part whose integrity names other bytes (here: the limited guests' shared
    // part): fetch refuses the shared part's bytes, nothing is read.
    const guests = dir.viewParts({ tenantId: "contoso", user: "alice-at-contoso" });
    const lying = async (input, init) => {
      const r = await fetch(input, init);
      if (!String(input).endsWith("/view/personal")) return r;
      const h = new Headers(r.headers);
      h.set("GuestPass-Shared-Integrity", guests.sharedIntegrity);
      return new Response(r.body, { status: r.status, headers: h });
    };
    await assert.rejects(loadViewParts(`${server.url}/view/personal`, { headers, fetch: lying }), (e) => {
      assert.equal(e.name, "GuestPassError");
      assert.equal(e.code, "VIEW_NETWORK_ERROR");
      assert.equal(e.details.url, `${server.url}/views/shared/${parts.sharedHash}`);
      return true;
    });
    // No token: the server's 401, with its code.
    await assert.rejects(loadViewParts(`${server.url}/view/personal`), (e) => {
      assert.equal(e.code, "VIEW_HTTP_ERROR");
      assert.deepEqual(e.details, { status: "401", url: `${server.url}/view/personal`, serverCode: "UNAUTHORIZED" });
      return true;
    });
    // A whole view is not a personal part: no headers naming a shared part.
    await assert.rejects(loadViewParts(`${server.url}/view`, { headers }), (e) => {
      assert.equal(e.code, "VIEW_HTTP_ERROR");
      assert.match(e.message, /GuestPass-Shared/);
      return true;
    });
    // Aborted, and a server that is not there.
    await assert.rejects(loadViewParts(`${server.url}/view/personal`, { headers, signal: AbortSignal.abort() }), { code: "ABORTED" });
    await assert.rejects(loadViewParts("http://127.0.0.1:9/view/personal", { headers }), { code: "VIEW_NETWORK_ERROR" });
  });

  test("403 for a person the directory does not let in, or another tenant's", async () => {
    const unknown = await get({ Authorization: `Bearer ${await token(keys.privateKey, { tid: "contoso", oid: "nobody" })}` });
    assert.equal(unknown.status, 403);
    assert.equal((await unknown.json()).code, "USER_NOT_FOUND");
    const fabrikam = await get({ Authorization: `Bearer ${await token(keys.privateKey, { tid: "fabrikam", oid: "bob-at-fabrikam" })}` });
    assert.equal(fabrikam.status, 403);
    assert.equal((await fabrikam.json()).code, "TENANT_NOT_SERVED");
  });
});

test("the Entra verifier checks tokens against the tenant's JWKS, issuer and client id", async () => {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "key-1", use: "sig", alg: "RS256" };
  const tenant = "contoso";
  let fetched = 0;
  // login.microsoftonline.com's /{tenant}/discovery/v2.0/keys, on localhost.
  const authority = await new Promise((resolve) => {
    const keysServer = createServer((req, res) => {
      if (req.url !== `/${tenant}/discovery/v2.0/keys`) return res.writeHead(404).end();
      fetched++;
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
    });
    keysServer.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${keysServer.address().port}`, server: keysServer }));
  });
  const verify = entraVerifier({ tenantId: tenant, clientId: "11111111-2222-3333-4444-555555555555", authority: authority.url });
  const server = await listen(createViewServer({ directory: dir, verify }).fetch);
  try {
    const good = await token(privateKey, { tid: tenant, oid: "bob" }, {
      alg: "RS256",
      kid: "key-1",
      issuer: `${authority.url}/${tenant}/v2.0`,
      audience: "api://11111111-2222-3333-4444-555555555555",
    });
    const r = await fetch(`${server.url}/view`, { headers: { Authorization: `Bearer ${good}` } });
    assert.equal(r.status, 200);
    assert.equal(fromView(new Uint8Array(await r.arrayBuffer())).userId, "bob");
    const wrongIssuer = await token(privateKey, { tid: tenant, oid: "bob" }, { alg: "RS256", kid: "key-1", audience: "api://11111111-2222-3333-4444-555555555555" });
    assert.equal((await fetch(`${server.url}/view`, { headers: { Authorization: `Bearer ${wrongIssuer}` } })).status, 401);
    assert.ok(fetched >= 1, "the keys came from the JWKS endpoint");
  } finally {
    await server.close();
    authority.server.close();
  }
});

test("the README's code is the example's own", () => {
  const folder = new URL("../../examples/view-server/", import.meta.url);
  const readme = readFileSync(new URL("README.md", folder), "utf8");
  const sources = ["app.mjs", "auth.mjs", "main.mjs"].map((f) => readFileSync(new URL(f, folder), "utf8")).join("\n");
  const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  assert.ok(blocks.length >= 2);
  for (const block of blocks) {
    for (const line of block.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("// …"))) {
      assert.ok(sources.includes(line), `README line not in the example's files: ${line}`);
    }
  }
});
