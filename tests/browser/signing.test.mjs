// Signed snapshots and views in headless Chromium (issue 21, defect 9): the browser's own
// WebCrypto checks what a server (here Node, through the built package) signed with
// `signBytes`. A forged body with a valid checksum, a wrong key and a tampered signature
// are refused; Chromium's signatures load in Node too.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { browserSkipReason, openPage, repo, useDemoInChromium } from "./harness.mjs";

const skip = browserSkipReason();
if (skip) console.error(`\n!!! SKIPPING the browser signing tests: ${skip}\n`);

const b64 = (bytes) => Buffer.from(bytes).toString("base64");

describe("signed snapshots and views in Chromium", { skip: skip ?? false }, () => {
  const live = useDemoInChromium();

  test("Chromium loads what the server signed and refuses forgeries, wrong keys and tampering", async () => {
    const { Directory, signBytes } = await import(`${repo}/pkg/node.js`);
    const world = JSON.parse(readFileSync(`${repo}/tests/fixtures/world.json`, "utf8"));
    const dir = Directory.fromJSON(world);
    const keys = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
    const other = await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
    const raw = async (k) => new Uint8Array(await crypto.subtle.exportKey("raw", k));
    const signed = await signBytes(dir.toBytes(), keys);
    const view = await signBytes(dir.viewFor({ tenantId: "contoso", user: "alice-at-contoso" }), keys);
    // A forged body: another world's snapshot, its checksum written by toBytes itself,
    // under the server's header and signature.
    world.flows[0].coOwners = ["carol-at-contoso"];
    const forgedBody = Directory.fromJSON(world).toBytes();
    const forged = new Uint8Array(81 + forgedBody.length);
    forged.set(signed.subarray(0, 81));
    forged.set(forgedBody, 81);
    const tampered = signed.slice();
    tampered[40] ^= 0x01; // inside the signature
    const input = {
      signed: b64(signed),
      view: b64(view),
      forged: b64(forged),
      forgedBody: b64(forgedBody),
      tampered: b64(tampered),
      publicKey: b64(await raw(keys.publicKey)),
      otherKey: b64(await raw(other.publicKey)),
      otherPrivate: await crypto.subtle.exportKey("jwk", other.privateKey),
    };

    const page = await openPage(live.browser, live.demo.url);
    const result = await page.evaluate(async (input) => {
      const { Directory, GuestPassError, signBytes } = await import("/pkg/index.js");
      const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const publicKey = bytes(input.publicKey);
      const code = async (promise) => {
        try {
          await promise;
          return "loaded";
        } catch (e) {
          return e instanceof GuestPassError ? e.code : `${e?.constructor?.name}: ${e?.message}`;
        }
      };
      const dir = await Directory.fromSignedBytes(bytes(input.signed), { publicKey });
      const alice = await Directory.fromSignedView(bytes(input.view).buffer, { publicKey });
      // Chromium signs too: with the other key pair, imported from the server's JWK.
      const otherPrivate = await crypto.subtle.importKey("jwk", input.otherPrivate, { name: "Ed25519" }, false, ["sign"]);
      const otherPublic = await crypto.subtle.importKey("raw", bytes(input.otherKey), { name: "Ed25519" }, true, ["verify"]);
      const signedHere = await signBytes(dir.toBytes(), { privateKey: otherPrivate, publicKey: otherPublic });
      return {
        users: dir.stats().users,
        alice: alice.whoami().userId,
        forgedUnsigned: Directory.fromBytes(bytes(input.forgedBody)).toJSON().flows[0].coOwners,
        forged: await code(Directory.fromSignedBytes(bytes(input.forged), { publicKey })),
        wrongKey: await code(Directory.fromSignedBytes(bytes(input.signed), { publicKey: otherPublic })),
        tampered: await code(Directory.fromSignedBytes(bytes(input.tampered), { publicKey })),
        unsigned: await code(Directory.fromSignedBytes(bytes(input.forgedBody), { publicKey })),
        unchecked: await code(Promise.resolve().then(() => Directory.fromBytes(bytes(input.signed)))),
        signedHere: Array.from(signedHere),
      };
    }, input);

    assert.deepEqual({ ...result, signedHere: undefined }, {
      users: dir.stats().users,
      alice: "alice-at-contoso",
      forgedUnsigned: ["carol-at-contoso"],
      forged: "SIGNATURE_INVALID",
      wrongKey: "SIGNATURE_INVALID",
      tampered: "SIGNATURE_INVALID",
      unsigned: "SIGNATURE_REQUIRED",
      unchecked: "INVALID_VALUE",
      signedHere: undefined,
    });
    // What Chromium signed, Node checks.
    const back = await Directory.fromSignedBytes(Uint8Array.from(result.signedHere), { publicKey: other.publicKey });
    assert.equal(back.toJSONString(), dir.toJSONString());
    await assert.rejects(Directory.fromSignedBytes(Uint8Array.from(result.signedHere), { publicKey: keys.publicKey }), (e) => e.code === "SIGNATURE_INVALID");
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
