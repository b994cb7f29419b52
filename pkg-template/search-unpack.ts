// `session.search`'s per-keystroke path: options read here instead of as JSON in
// WebAssembly, and results cut from one text and one list of numbers
// (wasm/src/search_packed.rs describes the layout) instead of parsed from JSON. The
// objects are the ones `session.search` has always answered, property for property.
import { sessionSearch, sessionSearchNumbers, sessionSearchPacked } from "./guestpass.js";
import { checkLimit, wrongType } from "./arguments.js";
import type { Highlight, HighlightField, PersonMatch, SearchMode, SearchOptions, SearchResult } from "./types.js";

/**
 * `session.search(query, options)` for the session `handle`: the options checked, then
 * the packed path for text and plain options, the JSON path for anything else. Internal:
 * used by session.ts.
 */
export function searchSession(handle: number, query: string, options: SearchOptions | undefined): SearchResult {
  if (options != null) {
    // An object only (JSON text is refused), and a limit JSON would not turn into null.
    if (typeof options !== "object" || Array.isArray(options)) throw wrongType("options", "an object", options);
    if (options.limit != null) checkLimit(options.limit);
  }
  // Text and plain options take the packed path; anything else the JSON one, which
  // checks it as it always has (the view runtime answers that one packed too).
  const plain = typeof query === "string" ? plainSearchOptions(options) : undefined;
  if (plain === undefined) {
    const answer = sessionSearch(handle, query, options);
    return typeof answer === "string" ? unpackSearch(answer, sessionSearchNumbers()) : answer;
  }
  const text = sessionSearchPacked(handle, query, plain.limit, plain.kind, plain.connector, plain.exclude, plain.groupId);
  return unpackSearch(text, sessionSearchNumbers());
}

/** Options as the packed call takes them. */
export interface PlainSearchOptions {
  limit: number;
  /** 0 any, 1 members, 2 guests. */
  kind: number;
  connector: string | undefined;
  /** Ids joined by U+001F. */
  exclude: string;
  groupId: string | undefined;
}

const KNOWN = new Set(["limit", "userType", "connector", "exclude", "groupId"]);
const KINDS: Record<string, number> = { any: 0, member: 1, guest: 2 };
const DEFAULTS: PlainSearchOptions = { limit: 10, kind: 0, connector: undefined, exclude: "", groupId: undefined };

/**
 * `options` as plain arguments when every one of them is what the packed call takes;
 * `undefined` sends the search down the JSON path, whose checks answer exactly as they
 * always have (unknown options, wrong types, `null`s).
 */
export function plainSearchOptions(options: SearchOptions | null | undefined): PlainSearchOptions | undefined {
  if (options == null) return DEFAULTS;
  const o = options as Record<string, unknown>;
  for (const key in o) if (!KNOWN.has(key)) return undefined;
  const { limit = 10, userType = "any", connector, exclude, groupId } = o;
  const kind = KINDS[userType as string];
  if (typeof limit !== "number" || kind === undefined || typeof userType !== "string") return undefined;
  if (connector !== undefined && typeof connector !== "string") return undefined;
  if (groupId !== undefined && typeof groupId !== "string") return undefined;
  let joined = "";
  if (exclude !== undefined) {
    if (!Array.isArray(exclude)) return undefined;
    for (const id of exclude) if (typeof id !== "string" || id.includes("\u001f")) return undefined;
    joined = exclude.join("\u001f");
  }
  return { limit, kind, connector, exclude: joined, groupId };
}

const MODES: SearchMode[] = ["full", "exactOnly", "none"];
/** Highlight fields by the number Rust gives them (`search::Field`'s order): one list for every search. */
export const HIGHLIGHT_FIELDS: readonly HighlightField[] = ["displayName", "givenName", "surname", "mail", "otherMails", "userPrincipalName", "jobTitle"];

/** The answer of a packed search: its text and its numbers. */
export function unpackSearch(text: string, n: Uint32Array): SearchResult {
  const count = n[2]!;
  const items: PersonMatch[] = new Array(count);
  let at = 3;
  let pos = 0;
  const cut = (): string => {
    const end = pos + n[at++]!;
    const value = text.slice(pos, end);
    pos = end;
    return value;
  };
  for (let i = 0; i < count; i++) {
    const flags = n[at++]!;
    const id = cut();
    const displayName = cut();
    const userPrincipalName = cut();
    const mail = flags & 4 ? cut() : undefined;
    const homeTenantId = flags & 8 ? cut() : undefined;
    const homeTenantName = flags & 16 ? cut() : undefined;
    const jobTitle = flags & 32 ? cut() : undefined;
    // Properties in the order the JSON answer has always had them.
    const item: PersonMatch = { id, displayName } as PersonMatch;
    if (mail !== undefined) item.mail = mail;
    item.userPrincipalName = userPrincipalName;
    item.userType = flags & 1 ? "Guest" : "Member";
    if (homeTenantId !== undefined) item.homeTenantId = homeTenantId;
    if (homeTenantName !== undefined) item.homeTenantName = homeTenantName;
    if (flags & 2) item.pending = true;
    if (jobTitle !== undefined) item.jobTitle = jobTitle;
    const ranges = n[at++]!;
    const highlights: Highlight[] = new Array(ranges);
    for (let j = 0; j < ranges; j++, at += 4) {
      const field = HIGHLIGHT_FIELDS[n[at]!]!;
      highlights[j] = field === "otherMails" ? { field, index: n[at + 1]!, start: n[at + 2]!, end: n[at + 3]! } : { field, start: n[at + 2]!, end: n[at + 3]! };
    }
    item.highlights = highlights;
    items[i] = item;
  }
  return { items, guestsHidden: n[1] === 1, mode: MODES[n[0]!]! };
}
