/// <reference lib="esnext.disposable" preserve="true" />
// `PeopleIndex`: typeahead people search over records the caller holds (no directory, no
// tenant, no session). The WebAssembly side (wasm/src/people_index.rs, reached through a
// handle of its object table: lifetime.ts) keeps the search index and an id -> key table;
// this class packs records in chunks for it (src/search/records.rs describes the
// format), keeps the caller's own objects by key, and turns the keys a search answers back
// into them, with highlights.
import {
  peopleIndexAdd,
  peopleIndexCommit,
  peopleIndexHeapBytes,
  peopleIndexHighlight,
  peopleIndexKey,
  peopleIndexNew,
  peopleIndexRemove,
  peopleIndexRollback,
  peopleIndexSearch,
  peopleIndexSize,
} from "./guestpass.js";
import { checkLimit, wrongType } from "./arguments.js";
import { GuestPassError } from "./errors.js";
import { notThis, track, untrack } from "./lifetime.js";
import { ensureReady } from "./ready.js";
import { HIGHLIGHT_FIELDS } from "./search-unpack.js";
import type { Highlight, PeopleIndexMatch, PeopleIndexSearchOptions, PersonRecord } from "./types.js";

const RECORD = "\u001e";
const FIELD = "\u001f";
const LIST = "\u001d";
/** Records per boundary crossing during a load (about 2 MB of text). */
const CHUNK = 16_384;
/**
 * Packed text crosses into WebAssembly as UTF-8 bytes: `TextEncoder` writes them natively,
 * where passing a string copies it a character at a time in JavaScript (tens of times
 * slower for the megabytes of a large load). Highlights reuse one scratch buffer.
 */
const encoder = new TextEncoder();
let scratch = new Uint8Array(1 << 16);

function utf8(text: string): Uint8Array {
  const { read, written } = encoder.encodeInto(text, scratch);
  if (read === text.length) return scratch.subarray(0, written);
  scratch = new Uint8Array(Math.max(scratch.length * 2, text.length * 3));
  return utf8(text);
}


const TEXT_FIELDS = ["displayName", "givenName", "surname", "mail", "userPrincipalName", "jobTitle", "userType"] as const;

/**
 * Refuses the `n`th record of a load unless it is an object with a string id, text (or
 * nothing) in its text fields and a list of addresses (or nothing) in `otherMails` — a
 * number would otherwise be indexed as its digits and an object as "[object Object]".
 */
function checkRecord(record: unknown, n: number): void {
  if (record === null || typeof record !== "object") throw wrongType(`records[${n}]`, "an object with a string id", record);
  const r = record as Record<string, unknown>;
  if (typeof r.id !== "string") throw wrongType(`records[${n}].id`, "a string", r.id);
  for (const name of TEXT_FIELDS) {
    const value = r[name];
    if (value != null && typeof value !== "string") throw wrongType(`records[${n}].${name}`, "a string", value);
  }
  const others = r.otherMails;
  if (others == null) return;
  if (!Array.isArray(others)) throw wrongType(`records[${n}].otherMails`, "an array of strings", others);
  const at = others.findIndex((m) => typeof m !== "string");
  if (at >= 0) throw wrongType(`records[${n}].otherMails[${at}]`, "a string", others[at]);
}

/** The records as packed text (checked by `checkRecord` when they were added). */
function pack(records: readonly PersonRecord[]): string {
  let out = "";
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const others = r.otherMails;
    out +=
      (i === 0 ? "" : RECORD) +
      r.id +
      FIELD +
      (r.displayName ?? "") +
      FIELD +
      (r.givenName ?? "") +
      FIELD +
      (r.surname ?? "") +
      FIELD +
      (r.mail ?? "") +
      FIELD +
      (r.userPrincipalName ?? "") +
      FIELD +
      (r.jobTitle ?? "") +
      FIELD +
      (others && others.length > 0 ? others.join(LIST) : "") +
      FIELD +
      (r.userType === "Guest" ? "G" : "");
  }
  return out;
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return value != null && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function";
}

/**
 * Typeahead people search over records you hold — an array of people from your own API,
 * from Microsoft Graph, or a directory's `toJSON().users` — with guestpass's matching and
 * ranking (accents and case folded, any word order, exact words before longer prefixes,
 * names before mail before job title, guest UPNs searched by their real address) and no
 * directory, tenant or sign-in. Results are your own objects, with highlights.
 *
 * The index keeps no copy of the records' text (about 100 bytes of WebAssembly memory per
 * person once built; a load grows WebAssembly memory by about twice that while it
 * builds); it keeps a reference to each of your objects. Change a record
 * with `upsert` (not by editing the object in place), and `free()` the index when you drop
 * it early.
 *
 * @example
 * ```ts
 * const people = PeopleIndex.from([
 *   { id: "1", displayName: "Déborah Lefèvre", mail: "deborah@contoso.com" },
 *   { id: "2", displayName: "Ann Lee", mail: "ann@contoso.com" },
 * ]);
 * people.search("deb")[0]?.record.displayName; // "Déborah Lefèvre"
 * ```
 */
export class PeopleIndex<R extends PersonRecord = PersonRecord> {
  #handle: number;
  #records: (R | undefined)[] = [];

  /**
   * An empty index; add records with `upsert`.
   *
   * @example
   * ```ts
   * const people = new PeopleIndex();
   * people.upsert({ id: "1", displayName: "Ann Lee" });
   * ```
   */
  constructor() {
    ensureReady("new PeopleIndex()");
    this.#handle = peopleIndexNew();
    track(this, this.#handle);
  }

  /** The handle of a real index, or `INVALID_VALUE` naming `member`. */
  static #of(self: PeopleIndex<PersonRecord>, member: string): number {
    if (typeof self === "object" && self !== null && #handle in self) return self.#handle;
    throw notThis("PeopleIndex", member, "new PeopleIndex() or PeopleIndex.from()");
  }

  /**
   * An index of `records`, built in one pass (a record given twice keeps the last).
   *
   * @example
   * ```ts
   * const people = PeopleIndex.from(dir.toJSON().users);
   * ```
   */
  static from<R extends PersonRecord>(records: Iterable<R>): PeopleIndex<R> {
    const index = new PeopleIndex<R>();
    index.upsert(records);
    return index;
  }

  /**
   * How many records are searchable.
   *
   * @example
   * ```ts
   * PeopleIndex.from([{ id: "1", displayName: "Ann" }]).size; // 1
   * ```
   */
  get size(): number {
    return peopleIndexSize(PeopleIndex.#of(this, "size"));
  }

  /**
   * Adds records, or replaces those with the same `id`; the next search sees them. Many
   * records at once build one index segment (the fast path for a large load); a single
   * record is cheap too, and never rebuilds the index. Throws `INVALID_INPUT` (a value
   * holding a control character U+001D-U+001F), `INVALID_VALUE` (a record that is not an
   * object, an id that is not a non-empty string, a text field that is not text,
   * `otherMails` that is not a list of strings; `details.field` says which, as
   * `records[3].mail`), `LIMIT_EXCEEDED` (an id over 256 characters or a text over 1,024,
   * named as `records[3].mail` in `details.what`) — and then nothing was added.
   *
   * @example
   * ```ts
   * people.upsert([{ id: "3", displayName: "Zoë Martin" }, { id: "1", displayName: "Ann Lee-Smith" }]);
   * ```
   */
  upsert(records: R | Iterable<R>): void {
    const handle = PeopleIndex.#of(this, "upsert()");
    const list: Iterable<R> = isIterable(records) ? records : [records];
    const expected = Array.isArray(list) ? list.length : 0;
    const loaded: [Uint32Array, R[]][] = [];
    let chunk: R[] = [];
    let n = 0;
    try {
      for (const record of list) {
        checkRecord(record, n++);
        chunk.push(record);
        if (chunk.length === CHUNK) {
          loaded.push([peopleIndexAdd(handle, encoder.encode(pack(chunk)), expected), chunk]);
          chunk = [];
        }
      }
      if (chunk.length > 0) loaded.push([peopleIndexAdd(handle, encoder.encode(pack(chunk)), expected), chunk]);
    } catch (error) {
      peopleIndexRollback(handle);
      throw error;
    }
    peopleIndexCommit(handle);
    for (const [keys, recs] of loaded) {
      for (let i = 0; i < keys.length; i++) this.#records[keys[i]!] = recs[i];
    }
  }

  /**
   * Removes the record with this id; `false` when there is none.
   *
   * @example
   * ```ts
   * people.remove("3"); // true
   * ```
   */
  remove(id: string): boolean {
    const key = peopleIndexRemove(PeopleIndex.#of(this, "remove()"), id);
    if (key === undefined) return false;
    this.#records[key] = undefined;
    return true;
  }

  /**
   * The record with this id, or `undefined`.
   *
   * @example
   * ```ts
   * people.get("1")?.displayName; // "Ann Lee-Smith"
   * ```
   */
  get(id: string): R | undefined {
    const key = peopleIndexKey(PeopleIndex.#of(this, "get()"), id);
    return key === undefined ? undefined : this.#records[key];
  }

  /**
   * The records matching what was typed, best first (default 10, at most 100), each
   * with highlights in UTF-16 offsets (`value.slice(start, end)` is the part to bold).
   * Every word typed must start a word of the record, in any order; an empty query
   * answers `[]`. Throws `QUERY_TOO_LONG` (over 256 characters), `INVALID_VALUE` (a
   * `limit` that is not a whole number from 1 to 100, options that are not an object),
   * `LIMIT_EXCEEDED` (too many `exclude` ids, or one too long).
   *
   * @example
   * ```ts
   * for (const { record, highlights } of people.search("lee a", { limit: 5, userType: "member" })) {
   *   console.log(record.displayName, highlights);
   * }
   * ```
   */
  search(query: string, options?: PeopleIndexSearchOptions | null): PeopleIndexMatch<R>[] {
    const handle = PeopleIndex.#of(this, "search()");
    if (typeof query !== "string") throw wrongType("query", "a string", query);
    if (options != null && typeof options !== "object") throw wrongType("options", "an object", options);
    const { limit = 10, userType = "any", exclude, highlights = true } = options ?? {};
    checkLimit(limit);
    if (exclude != null) {
      if (!Array.isArray(exclude)) throw wrongType("exclude", "an array of ids", exclude);
      const at = exclude.findIndex((id) => typeof id !== "string");
      if (at >= 0) throw wrongType(`exclude[${at}]`, "a string", exclude[at]);
    }
    const kind = userType === "any" ? 0 : userType === "member" ? 1 : userType === "guest" ? 2 : -1;
    if (kind < 0) throw new GuestPassError("INVALID_VALUE", `userType "${String(userType)}" is not one of "any", "member", "guest"`, { field: "userType" });
    const keys = peopleIndexSearch(handle, query, limit, kind, exclude && exclude.length > 0 ? exclude.join(FIELD) : "");
    const items: PeopleIndexMatch<R>[] = new Array(keys.length);
    const records: R[] = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) records[i] = this.#records[keys[i]!]!;
    const ranges = highlights && keys.length > 0 ? peopleIndexHighlight(handle, query, utf8(pack(records))) : undefined;
    let at = 0;
    for (let i = 0; i < keys.length; i++) {
      const record = records[i]!;
      const marks: Highlight[] = [];
      if (ranges) {
        const n = ranges[at++]!;
        for (let j = 0; j < n; j++, at += 4) {
          const field = HIGHLIGHT_FIELDS[ranges[at]!]!;
          const mark: Highlight = { field, start: ranges[at + 2]!, end: ranges[at + 3]! };
          if (field === "otherMails") mark.index = ranges[at + 1]!;
          marks.push(mark);
        }
      }
      items[i] = { id: record.id, record, highlights: marks };
    }
    return items;
  }

  /**
   * Approximate bytes of WebAssembly memory the index holds (the index and the id table).
   *
   * @example
   * ```ts
   * console.log(`${(people.heapBytes() / 1e6).toFixed(1)} MB`);
   * ```
   */
  heapBytes(): number {
    return peopleIndexHeapBytes(PeopleIndex.#of(this, "heapBytes()"));
  }

  /**
   * Releases the WebAssembly memory now. Calling it again does nothing; any other use of
   * the freed index throws `OBJECT_FREED`.
   *
   * @example
   * ```ts
   * people.free();
   * people.free(); // nothing happens
   * ```
   */
  free(): void {
    untrack(this, PeopleIndex.#of(this, "free()"));
    this.#records = [];
  }

  /**
   * `using people = PeopleIndex.from(...)` frees it at the end of the block (as `free()`).
   *
   * @example
   * ```ts
   * { using people = PeopleIndex.from(records); people.search("ann"); } // freed here
   * ```
   */
  [Symbol.dispose](): void {
    untrack(this, PeopleIndex.#of(this, "[Symbol.dispose]()"));
    this.#records = [];
  }
}
