// Fetching a view served in two parts, as examples/view-server serves it: the personal part,
// then the shared part it names, with the integrity the server sent beside it, so `fetch`
// itself refuses any other bytes (Subresource Integrity: the SHA-256 checked natively as
// the bytes arrive). `fromViewParts` pairs the parts by a checksum only, which finds a
// stale or wrong shared part but not one made to deceive (a CDN's copy tampered with).
import { GuestPassError } from "./errors.js";

/** Options of `loadViewParts`: `fetch`'s own (headers, `signal`, …) and the `fetch` to call. */
export interface LoadViewOptions extends RequestInit {
  /** The `fetch` to call (the global one by default): one that adds the bearer token, say. */
  fetch?: typeof fetch;
}

/** The response header naming the shared part's URL. */
const SHARED = "GuestPass-Shared";
/** The response header carrying the shared part's Subresource Integrity string. */
const INTEGRITY = "GuestPass-Shared-Integrity";

/**
 * The personal part at `url` and the shared part its response names, fetched with the
 * integrity that came with it. Internal: `loadViewParts` of either entry reads them.
 */
export async function fetchViewParts(url: string | URL, options: LoadViewOptions = {}): Promise<[Uint8Array, Uint8Array]> {
  const { fetch: call = globalThis.fetch, ...init } = options;
  const personal = await fetched(call, url, init);
  const at = personal.headers.get(SHARED);
  const integrity = personal.headers.get(INTEGRITY);
  if (!at || !integrity?.startsWith("sha256-")) {
    throw new GuestPassError(
      "VIEW_HTTP_ERROR",
      `${String(url)} answered without the ${SHARED} and ${INTEGRITY} headers a personal part comes with; serve it as examples/view-server does (dir.viewParts gives sharedHash and sharedIntegrity), or fetch both parts yourself and call fromViewParts`,
      { status: String(personal.status), url: String(url) },
    );
  }
  const sharedUrl = resolved(at, personal.url || String(url));
  const shared = await fetched(call, sharedUrl, { ...init, integrity });
  return [await body(personal, url, init.signal), await body(shared, sharedUrl, init.signal)];
}

/** `call(url, init)`, refusing a failed request or a response other than 2xx. */
async function fetched(call: typeof fetch, url: string | URL, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await call(url, init);
  } catch (error) {
    throw failed(error, url, init.signal);
  }
  if (!response.ok) {
    const details: Record<string, string> = { status: String(response.status), url: String(url) };
    const code = await serverCode(response);
    if (code) details.serverCode = code;
    throw new GuestPassError(
      "VIEW_HTTP_ERROR",
      `${String(url)} answered ${response.status}${code ? ` (${code})` : ""}; nothing was loaded`,
      details,
    );
  }
  return response;
}

/** The bytes of `response` (an integrity mismatch surfaces here, as a failed read). */
async function body(response: Response, url: string | URL, signal: AbortSignal | null | undefined): Promise<Uint8Array> {
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw failed(error, url, signal);
  }
}

/** `ABORTED` for an aborted request, else `VIEW_NETWORK_ERROR` with the cause kept. */
function failed(error: unknown, url: string | URL, signal: AbortSignal | null | undefined): GuestPassError {
  if (signal?.aborted || (error instanceof Error && error.name === "AbortError")) {
    return new GuestPassError("ABORTED", `loading the view from ${String(url)} was aborted; nothing was loaded`, {});
  }
  const reason = error instanceof Error ? error.message : String(error);
  const wrapped = new GuestPassError(
    "VIEW_NETWORK_ERROR",
    `fetching ${String(url)} failed (${reason}): the network, CORS, or bytes other than the ones the integrity names (a shared part not the one the personal part was written with)`,
    { url: String(url), reason },
  );
  Object.defineProperty(wrapped, "cause", { value: error, configurable: true, writable: true });
  return wrapped;
}

/** The `code` of a JSON error body (`{ code, message }`, as the view server answers), if any. */
async function serverCode(response: Response): Promise<string | undefined> {
  if (!response.headers.get("Content-Type")?.includes("json")) return undefined;
  try {
    const parsed: unknown = await response.json();
    const code = (parsed as { code?: unknown } | null)?.code;
    return typeof code === "string" ? code : undefined;
  } catch {
    return undefined;
  }
}

/** `at` against `base`, or `at` as it is where `base` is not absolute. */
function resolved(at: string, base: string): string {
  try {
    return new URL(at, base).href;
  } catch {
    return at;
  }
}
