// Signed snapshots and views (issue 21, defect 9) through the built package in Node: a
// server signs `toBytes()` / `viewFor()` with its own Ed25519 key (`signBytes`), and
// `Directory.fromSignedBytes` / `fromSignedView` load only what the given public key
// signed. The checksum inside a snapshot stops damage, not forgery: these tests forge
// snapshots with valid checksums (made by `toBytes()` itself) and see them refused.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Directory, GuestPassError, signBytes } from "guestpass";

const world = () => JSON.parse(readFileSync(new URL("../fixtures/world.json", import.meta.url), "utf8"));
const newKeys = () => crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
const raw = async (publicKey) => new Uint8Array(await crypto.subtle.exportKey("raw", publicKey));

/** The envelope's layout (pkg-template/signing.ts): magic 8, version 1, key id 8, signature 64. */
const KEY_ID_AT = 9;
const SIGNATURE_AT = 17;
const HEADER = 81;

const coded = (code, check) => (error) => {
  assert.ok(error instanceof GuestPassError, `not a GuestPassError: ${error?.constructor?.name}: ${error?.message}`);
  assert.equal(error.code, code, error.message);
  check?.(error);
  return true;
};

/** The fixture world with a stranger made co-owner of the invoice flow: what a forger wants. */
function forgedWorld() {
  const w = world();
  const flow = w.flows[0];
  flow.coOwners = ["carol-at-contoso"];
  return w;
}

describe("signed snapshots and views (issue 21, defect 9)", async () => {
  const server = await newKeys();
  const dir = Directory.fromJSON(world());
  const snapshot = dir.toBytes();
  const signed = await signBytes(snapshot, server);
  const publicKey = server.publicKey;

  test("the envelope is the snapshot behind an 81-byte header: magic, version, key id, signature", async () => {
    assert.equal(signed.length, snapshot.length + HEADER);
    assert.equal(new TextDecoder().decode(signed.subarray(0, 8)), "GPSIGNED");
    assert.equal(signed[8], 1);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await raw(publicKey)));
    assert.deepEqual(signed.subarray(KEY_ID_AT, SIGNATURE_AT), digest.subarray(0, 8));
    assert.deepEqual(signed.subarray(HEADER), snapshot);
  });

  test("a signed snapshot loads with its public key, as a CryptoKey or as its raw bytes", async () => {
    const loaded = await Directory.fromSignedBytes(signed, { publicKey });
    assert.equal(loaded.toJSONString(), dir.toJSONString());
    const fromRaw = await Directory.fromSignedBytes(signed.buffer, { publicKey: await raw(publicKey) });
    assert.equal(fromRaw.toJSONString(), dir.toJSONString());
    loaded.free();
    fromRaw.free();
  });

  test("during a key rotation the loader takes several keys and the key id picks one", async () => {
    const next = await newKeys();
    const signedByNext = await signBytes(snapshot, next);
    for (const bytes of [signed, signedByNext]) {
      const loaded = await Directory.fromSignedBytes(bytes, { publicKey: [next.publicKey, publicKey] });
      assert.equal(loaded.stats().users, dir.stats().users);
      loaded.free();
    }
  });

  test("a forged body with a valid checksum loads unsigned, and is refused when a signature is required", async () => {
    const forged = Directory.fromJSON(forgedWorld()).toBytes(); // a checksum toBytes computed
    const unsigned = Directory.fromBytes(forged); // the checksum cannot tell
    assert.ok(unsigned.toJSONString().includes('"coOwners":["carol-at-contoso"]'));
    unsigned.free();
    // The forged body under the server's header and signature.
    const swapped = new Uint8Array(HEADER + forged.length);
    swapped.set(signed.subarray(0, HEADER));
    swapped.set(forged, HEADER);
    await assert.rejects(Directory.fromSignedBytes(swapped, { publicKey }), coded("SIGNATURE_INVALID", (e) => assert.match(e.message, /not what key [0-9a-f]{16} signed/)));
    // The forger's own signature, with the forger's key id or the server's.
    const forger = await newKeys();
    const byForger = await signBytes(forged, forger);
    await assert.rejects(Directory.fromSignedBytes(byForger, { publicKey }), coded("SIGNATURE_INVALID", (e) => assert.match(e.message, /signed with key/)));
    byForger.set(signed.subarray(KEY_ID_AT, SIGNATURE_AT), KEY_ID_AT);
    await assert.rejects(Directory.fromSignedBytes(byForger, { publicKey }), coded("SIGNATURE_INVALID"));
    // Unsigned bytes when a key is given.
    await assert.rejects(Directory.fromSignedBytes(forged, { publicKey }), coded("SIGNATURE_REQUIRED"));
  });

  test("a wrong key is refused, naming the key id the bytes carry", async () => {
    const other = await newKeys();
    await assert.rejects(
      Directory.fromSignedBytes(signed, { publicKey: other.publicKey }),
      coded("SIGNATURE_INVALID", (e) => assert.match(e.details.keyId, /^[0-9a-f]{16}$/)),
    );
  });

  test("a tampered signature, payload byte, version, key id or length is refused", async () => {
    const flipped = (at) => {
      const copy = signed.slice();
      copy[at] ^= 0x01;
      return copy;
    };
    for (const [what, bytes] of [
      ["signature", flipped(SIGNATURE_AT + 10)],
      ["last signature byte", flipped(HEADER - 1)],
      ["payload", flipped(HEADER + 40)],
      ["last byte", flipped(signed.length - 1)],
      ["version", flipped(8)],
      ["key id", flipped(KEY_ID_AT)],
      ["truncated", signed.slice(0, HEADER)],
      ["cut short", signed.slice(0, signed.length - 1)],
    ]) {
      await assert.rejects(Directory.fromSignedBytes(bytes, { publicKey }), coded("SIGNATURE_INVALID"), what);
    }
  });

  test("the bytes loaded are the bytes checked, whatever the caller does with its buffer meanwhile", async () => {
    const mine = signed.slice();
    const loading = Directory.fromSignedBytes(mine, { publicKey });
    mine.fill(0); // while the signature is checked
    const loaded = await loading;
    assert.equal(loaded.toJSONString(), dir.toJSONString());
    loaded.free();
  });

  test("a signed view loads with fromSignedView; a tampered one, or a snapshot, is refused", async () => {
    const view = dir.viewFor({ tenantId: "contoso", user: "alice-at-contoso" });
    const signedView = await signBytes(view, server);
    const alice = await Directory.fromSignedView(signedView, { publicKey });
    assert.equal(alice.whoami().userId, "alice-at-contoso");
    alice.free();
    const tampered = signedView.slice();
    tampered[HEADER + 30] ^= 0x01;
    await assert.rejects(Directory.fromSignedView(tampered, { publicKey }), coded("SIGNATURE_INVALID"));
    await assert.rejects(Directory.fromSignedView(view, { publicKey }), coded("SIGNATURE_REQUIRED"));
    await assert.rejects(Directory.fromSignedView(signed, { publicKey }), coded("VIEW_NOT_RECOGNIZED"));
    await assert.rejects(Directory.fromSignedBytes(signedView, { publicKey }), coded("SNAPSHOT_NOT_RECOGNIZED"));
  });

  test("the loaders that check nothing refuse signed bytes instead of ignoring the signature", async () => {
    assert.throws(() => Directory.fromBytes(signed), coded("INVALID_VALUE", (e) => assert.match(e.message, /fromSignedBytes/)));
    const signedView = await signBytes(dir.viewFor({ tenantId: "contoso", user: "bob" }), server);
    assert.throws(() => Directory.fromView(signedView.buffer), coded("INVALID_VALUE", (e) => assert.match(e.message, /fromSignedView/)));
  });

  test("wrong arguments are INVALID_VALUE naming them", async () => {
    const ecdsa = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    const field = (name) => coded("INVALID_VALUE", (e) => assert.equal(e.details.field, name));
    await assert.rejects(signBytes(new TextEncoder().encode("{}"), server), field("bytes"));
    await assert.rejects(signBytes(signed, server), field("bytes"));
    await assert.rejects(signBytes([1, 2, 3], server), field("bytes"));
    await assert.rejects(signBytes(snapshot, ecdsa), field("keys.privateKey"));
    await assert.rejects(signBytes(snapshot, { privateKey: server.privateKey, publicKey: ecdsa.publicKey }), field("publicKey"));
    await assert.rejects(signBytes(snapshot, undefined), field("keys.privateKey"));
    await assert.rejects(Directory.fromSignedBytes(signed), field("publicKey"));
    await assert.rejects(Directory.fromSignedBytes(signed, { publicKey: [] }), field("publicKey"));
    await assert.rejects(Directory.fromSignedBytes(signed, { publicKey: new Uint8Array(31) }), field("publicKey"));
    await assert.rejects(Directory.fromSignedBytes(signed, { publicKey: server.privateKey }), field("publicKey"));
    await assert.rejects(Directory.fromSignedBytes(signed, { publicKey: "key" }), field("publicKey"));
    const hidden = await crypto.subtle.importKey("raw", await raw(publicKey), { name: "Ed25519" }, false, ["verify"]);
    await assert.rejects(Directory.fromSignedBytes(signed, { publicKey: hidden }), field("publicKey"));
    await assert.rejects(Directory.fromSignedBytes("bytes", { publicKey }), field("bytes"));
    await assert.rejects(Directory.fromSignedBytes(new Uint8Array(0), { publicKey }), field("bytes"));
  });

  test("without WebCrypto the loader refuses (SIGNATURE_UNSUPPORTED) instead of loading unchecked", async () => {
    const real = Object.getOwnPropertyDescriptor(globalThis, "crypto");
    Object.defineProperty(globalThis, "crypto", { value: {}, configurable: true });
    try {
      await assert.rejects(Directory.fromSignedBytes(signed, { publicKey }), coded("SIGNATURE_UNSUPPORTED"));
    } finally {
      Object.defineProperty(globalThis, "crypto", real);
    }
    const loaded = await Directory.fromSignedBytes(signed, { publicKey });
    loaded.free();
  });
});
