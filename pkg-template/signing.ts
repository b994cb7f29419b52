// Signed snapshots and views: a server signs the bytes of `dir.toBytes()` or
// `dir.viewFor(...)` with an Ed25519 key of its own, and a loader given the public key
// loads only bytes that key signed (`Directory.fromSignedBytes`, `Directory.fromSignedView`).
// The checksum inside a snapshot detects damage, not forgery: anyone can write a snapshot
// with a valid checksum. Signing and checking use WebCrypto (`crypto.subtle`, Ed25519 in
// Node 20 and current browsers), so the WebAssembly module carries no cryptography for it.
//
// The envelope, the one place its layout is defined (the package README repeats it):
//
//   bytes     content
//   0..8      magic "GPSIGNED"
//   8         envelope version: 1
//   9..17     key id: the first 8 bytes of SHA-256 of the signer's raw 32-byte public key
//   17..81    Ed25519 signature (64 bytes) of bytes 0..17 followed by the payload
//   81..      payload: the snapshot or view bytes, unchanged
//
// The signature covers every byte but its own, so the key id and version cannot be
// swapped either. The key id only picks which of the given keys to try (key rotation); a
// forged key id still needs a signature that key made.
import { GuestPassError } from "./errors.js";
import { wrongType } from "./arguments.js";

/** The first 8 bytes of every signed envelope. */
const MAGIC = new TextEncoder().encode("GPSIGNED");
/** The envelope version this release writes and reads. */
const VERSION = 1;
const KEY_ID_LENGTH = 8;
const SIGNATURE_LENGTH = 64;
/** Bytes before the payload: magic, version, key id, signature. */
const HEADER_LENGTH = MAGIC.length + 1 + KEY_ID_LENGTH + SIGNATURE_LENGTH;
/** The magics of what the loaders load (src/snapshot.rs, src/view/mod.rs). */
const PAYLOAD_MAGICS = ["GUESTPAS", "GUESTVEW"].map((m) => new TextEncoder().encode(m));

const ED25519 = { name: "Ed25519" } as const;

/** Bytes in an `ArrayBuffer` of their own (what WebCrypto takes; never a shared buffer). */
type Bytes = Uint8Array<ArrayBuffer>;

/** A public key the loaders accept: a WebCrypto Ed25519 public key, or its 32 raw bytes. */
export type SigningPublicKey = CryptoKey | Uint8Array | ArrayBuffer;

/** What `signBytes` signs with: the private key, and the public key naming it. */
export interface SigningKeyPair {
  /** An Ed25519 private key with the `sign` usage (it need not be extractable). */
  privateKey: CryptoKey;
  /** Its public key (public keys are always exportable; the key id is made from it). */
  publicKey: CryptoKey;
}

/** Options of `Directory.fromSignedBytes` and `Directory.fromSignedView`. */
export interface SignedLoadOptions {
  /**
   * The signer's public key, or several (during a key rotation, the old and the new): the
   * bytes must carry a valid signature by one of them.
   */
  publicKey: SigningPublicKey | readonly SigningPublicKey[];
}

/** WebCrypto, or `SIGNATURE_UNSUPPORTED` where there is none (a page not served over HTTPS). */
function subtle(call: string): SubtleCrypto {
  const found = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (!found) {
    throw new GuestPassError(
      "SIGNATURE_UNSUPPORTED",
      `${call}: WebCrypto (crypto.subtle) is not available here; it exists only in secure contexts (HTTPS or localhost) and Node 20+`,
      { member: call },
    );
  }
  return found;
}

/** `SIGNATURE_UNSUPPORTED` for a WebCrypto that refuses Ed25519, with what it threw as `cause`. */
function unsupported(call: string, error: unknown): GuestPassError {
  const reason = error instanceof Error ? error.message : String(error);
  const wrapped = new GuestPassError(
    "SIGNATURE_UNSUPPORTED",
    `${call}: this runtime's WebCrypto cannot use Ed25519 keys (${reason})`,
    { member: call },
  );
  Object.defineProperty(wrapped, "cause", { value: error, configurable: true, writable: true });
  return wrapped;
}

/**
 * A copy of the bytes of `value` (a `Uint8Array` or an `ArrayBuffer`), or `INVALID_VALUE`
 * naming `field`. A copy, so what is checked is what is loaded, whatever the caller does
 * with their buffer meanwhile.
 */
function copyOf(value: unknown, field: string): Bytes {
  if (!(value instanceof Uint8Array) && !(value instanceof ArrayBuffer)) {
    throw wrongType(field, "a Uint8Array or an ArrayBuffer", value);
  }
  // A detached buffer (and a view of one) has no bytes, and copying from it would throw.
  if (value.byteLength === 0) {
    throw new GuestPassError("INVALID_VALUE", `invalid value for ${field}: no bytes (an empty buffer, or one detached by a transfer)`, { field });
  }
  return value instanceof Uint8Array ? value.slice() : new Uint8Array(value.slice(0));
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Whether `bytes` is a signed envelope (by its magic; nothing is checked). Internal. */
export function isSigned(bytes: unknown): boolean {
  if (bytes instanceof ArrayBuffer) return bytes.byteLength >= MAGIC.length && startsWith(new Uint8Array(bytes, 0, MAGIC.length), MAGIC);
  return bytes instanceof Uint8Array && startsWith(bytes, MAGIC);
}

/**
 * `INVALID_VALUE` for a signed envelope given to a loader that does not check signatures
 * (`call`), naming the loader that does (`instead`). Internal.
 */
export function signedGivenToUnsigned(call: string, instead: string): GuestPassError {
  return new GuestPassError(
    "INVALID_VALUE",
    `invalid value for bytes: ${call} was given signed bytes; check their signature with ${instead}(bytes, { publicKey })`,
    { field: "bytes" },
  );
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The key id of a raw public key: the first 8 bytes of its SHA-256, as hex. */
async function keyIdOf(raw: Bytes, call: string): Promise<string> {
  const digest = new Uint8Array(await subtle(call).digest("SHA-256", raw));
  return hex(digest.subarray(0, KEY_ID_LENGTH));
}

/** An Ed25519 public key with its key id, from what the caller gave. */
async function publicKey(key: unknown, call: string): Promise<{ key: CryptoKey; id: string }> {
  const crypto = subtle(call);
  const field = "publicKey";
  try {
    if (typeof CryptoKey !== "undefined" && key instanceof CryptoKey) {
      if (key.type !== "public" || key.algorithm.name !== "Ed25519") {
        throw new GuestPassError("INVALID_VALUE", `invalid value for ${field}: expected an Ed25519 public key, got a ${key.algorithm.name} ${key.type} key`, { field });
      }
      if (!key.extractable) {
        // The key id is made from the raw bytes, which a non-extractable key keeps to itself.
        throw new GuestPassError("INVALID_VALUE", `invalid value for ${field}: a public key imported as not extractable; import it with extractable true, or pass its 32 raw bytes`, { field });
      }
      const raw = new Uint8Array(await crypto.exportKey("raw", key));
      return { key, id: await keyIdOf(raw, call) };
    }
    const raw = copyOf(key, field);
    if (raw.length !== 32) {
      throw new GuestPassError("INVALID_VALUE", `invalid value for ${field}: an Ed25519 public key is 32 bytes, got ${raw.length}`, { field });
    }
    const imported = await crypto.importKey("raw", raw, ED25519, true, ["verify"]);
    return { key: imported, id: await keyIdOf(raw, call) };
  } catch (error) {
    if (error instanceof GuestPassError) throw error;
    throw unsupported(call, error);
  }
}

/**
 * Signs snapshot or view bytes (`dir.toBytes()`, `dir.viewFor(...)`) with an Ed25519 key
 * pair, for `Directory.fromSignedBytes` / `Directory.fromSignedView` to check. Returns the
 * signed envelope: the bytes behind an 81-byte header (see the package README, "Signed
 * snapshots and views"). Run it where the private key lives: on the server.
 * Throws `INVALID_VALUE` for bytes that are not a snapshot or a view (or already signed)
 * and for keys that are not an Ed25519 pair, `SIGNATURE_UNSUPPORTED` without WebCrypto.
 *
 * @example
 * ```ts
 * const keys = (await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"])) as CryptoKeyPair;
 * const signed = await signBytes(dir.toBytes(), keys);
 * ```
 */
export async function signBytes(bytes: Uint8Array | ArrayBuffer, keys: SigningKeyPair): Promise<Uint8Array> {
  const call = "signBytes()";
  const payload = copyOf(bytes, "bytes");
  if (isSigned(payload)) {
    throw new GuestPassError("INVALID_VALUE", `invalid value for bytes: already signed; sign the snapshot or view itself`, { field: "bytes" });
  }
  if (!PAYLOAD_MAGICS.some((magic) => startsWith(payload, magic))) {
    throw new GuestPassError("INVALID_VALUE", `invalid value for bytes: not a snapshot (toBytes) or a view (viewFor)`, { field: "bytes" });
  }
  const privateKey = (keys as Partial<SigningKeyPair> | undefined)?.privateKey;
  if (typeof CryptoKey === "undefined" || !(privateKey instanceof CryptoKey) || privateKey.type !== "private" || privateKey.algorithm.name !== "Ed25519") {
    throw wrongType("keys.privateKey", "an Ed25519 private key", privateKey);
  }
  const { id } = await publicKey(keys.publicKey, call);
  const envelope = new Uint8Array(HEADER_LENGTH + payload.length);
  envelope.set(MAGIC, 0);
  envelope[MAGIC.length] = VERSION;
  envelope.set(fromHex(id), MAGIC.length + 1);
  envelope.set(payload, HEADER_LENGTH);
  let signature: ArrayBuffer;
  try {
    signature = await subtle(call).sign(ED25519, privateKey, signedPart(envelope));
  } catch (error) {
    throw unsupported(call, error);
  }
  envelope.set(new Uint8Array(signature), MAGIC.length + 1 + KEY_ID_LENGTH);
  return envelope;
}

function fromHex(text: string): Uint8Array {
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** What the signature covers: every byte of the envelope but the signature itself. */
function signedPart(envelope: Bytes): Bytes {
  const head = MAGIC.length + 1 + KEY_ID_LENGTH;
  const out = new Uint8Array(envelope.length - SIGNATURE_LENGTH);
  out.set(envelope.subarray(0, head), 0);
  out.set(envelope.subarray(HEADER_LENGTH), head);
  return out;
}

function invalid(reason: string, keyId?: string): GuestPassError {
  return new GuestPassError("SIGNATURE_INVALID", `the signature does not hold: ${reason}; nothing was loaded`, keyId ? { keyId } : {});
}

/**
 * The payload of a signed envelope once its signature by one of `options.publicKey` has
 * been checked; `SIGNATURE_REQUIRED` for bytes that carry no signature,
 * `SIGNATURE_INVALID` for one that does not hold. Internal: the loaders call it.
 */
export async function verified(bytes: unknown, options: SignedLoadOptions | undefined, call: string): Promise<Uint8Array> {
  // Copied before the first `await`: what is checked is what the caller passed.
  const envelope = copyOf(bytes, "bytes");
  const given = (options as Partial<SignedLoadOptions> | undefined)?.publicKey;
  if (given === undefined || given === null) {
    throw wrongType("publicKey", "the signer's Ed25519 public key (a CryptoKey or its 32 raw bytes), or an array of them", given);
  }
  const list: readonly unknown[] = Array.isArray(given) ? given : [given];
  if (list.length === 0) throw wrongType("publicKey", "at least one public key", given);
  const keys = await Promise.all(list.map((k) => publicKey(k, call)));
  if (!startsWith(envelope, MAGIC)) {
    throw new GuestPassError(
      "SIGNATURE_REQUIRED",
      `${call}: the bytes carry no signature, and a public key was given, so one is required; sign them on the server with signBytes()`,
      {},
    );
  }
  if (envelope.length <= HEADER_LENGTH) throw invalid(`the envelope is ${envelope.length} bytes, shorter than its ${HEADER_LENGTH}-byte header and a payload`);
  if (envelope[MAGIC.length] !== VERSION) throw invalid(`envelope version ${envelope[MAGIC.length]} is not the version this release reads (${VERSION})`);
  const keyId = hex(envelope.subarray(MAGIC.length + 1, MAGIC.length + 1 + KEY_ID_LENGTH));
  const key = keys.find((k) => k.id === keyId);
  if (!key) throw invalid(`signed with key ${keyId}, not with the given key${keys.length > 1 ? "s" : ""} (${keys.map((k) => k.id).join(", ")})`, keyId);
  const signature = envelope.subarray(MAGIC.length + 1 + KEY_ID_LENGTH, HEADER_LENGTH);
  let holds: boolean;
  try {
    holds = await subtle(call).verify(ED25519, key.key, signature, signedPart(envelope));
  } catch (error) {
    throw unsupported(call, error);
  }
  if (!holds) throw invalid(`the bytes are not what key ${keyId} signed (changed, or the signature forged)`, keyId);
  return envelope.slice(HEADER_LENGTH);
}
