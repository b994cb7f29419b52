// Who is asking: the bearer token of a request, verified with jose (signature, expiry,
// issuer, audience), read as the tenant and the user object id the view is written for.
//
// Entra ID access tokens (v2.0) name the tenant the person signed into in `tid` and their
// object id in that tenant in `oid`; a B2B guest's token from the resource tenant carries
// that tenant's `tid` and the guest account's `oid` there (Microsoft identity platform
// documentation, "Access token claims reference"). So `viewFor({ tenantId: tid, user: oid })`
// is the person the token is for, member or guest.
import { createRemoteJWKSet, errors, jwtVerify } from "jose";

/** A request without a usable bearer token: answered 401. */
export class Unauthorized extends Error {
  /** @param {string} message @param {"invalid_request" | "invalid_token"} [error] */
  constructor(message, error) {
    super(message);
    this.error = error;
  }
}

/**
 * A verifier of bearer tokens against `key` (a public key, or a JSON Web Key Set getter
 * from `createRemoteJWKSet`), the `issuer` and `audience` the tokens must carry, and
 * `algorithms` (default ES256, EdDSA and RS256, which Entra uses). It resolves to
 * `{ tenantId, user }` or rejects with `Unauthorized`.
 *
 * @param {{ key: Parameters<typeof jwtVerify>[1], issuer: string | string[], audience: string | string[], algorithms?: string[] }} options
 * @returns {(authorization: string | undefined) => Promise<{ tenantId: string, user: string }>}
 */
export function bearerVerifier({ key, issuer, audience, algorithms = ["ES256", "EdDSA", "RS256"] }) {
  return async (authorization) => {
    const token = authorization?.match(/^Bearer ([A-Za-z0-9._~+/=-]+)$/)?.[1];
    if (token === undefined) throw new Unauthorized("a bearer token is needed", authorization ? "invalid_request" : undefined);
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key, { issuer, audience, algorithms }));
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new Unauthorized(`the token was refused: ${error.code}`, "invalid_token");
      throw error;
    }
    if (typeof payload.tid !== "string" || typeof payload.oid !== "string") {
      throw new Unauthorized("the token names no tenant (tid) and user object id (oid)", "invalid_token");
    }
    return { tenantId: payload.tid, user: payload.oid };
  };
}

/**
 * A verifier of Microsoft Entra ID access tokens (v2.0) for your API: signed by a key of
 * the tenant's JSON Web Key Set (fetched and cached by jose's `createRemoteJWKSet`),
 * issued by `https://login.microsoftonline.com/{tenantId}/v2.0`, for your app's
 * `clientId` (or its `api://{clientId}` App ID URI). `authority` changes the host for
 * national clouds (`https://login.microsoftonline.us`, `https://login.chinacloudapi.cn`).
 *
 * @param {{ tenantId: string, clientId: string, authority?: string }} options
 */
export function entraVerifier({ tenantId, clientId, authority = "https://login.microsoftonline.com" }) {
  const jwks = createRemoteJWKSet(new URL(`${authority}/${tenantId}/discovery/v2.0/keys`));
  return bearerVerifier({
    key: jwks,
    issuer: `${authority}/${tenantId}/v2.0`,
    audience: [clientId, `api://${clientId}`],
    algorithms: ["RS256"],
  });
}
