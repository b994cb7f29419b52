// People search: `session.search(query, options)` and its answer, and the records,
// options and answers of `PeopleIndex` (people-index.ts). Re-exported by types.ts.
import type { Id, UserType } from "./types-world.js";

/** How much of the directory a person's people search covers. */
export type SearchMode = "full" | "exactOnly" | "none";

/** Which people `session.search` returns. */
export type SearchUserType = "any" | "member" | "guest";

/** `session.search(query, options)`. */
export interface SearchOptions {
  /** At most this many items (default 10). */
  limit?: number;
  /** Default `any`. */
  userType?: SearchUserType;
  /** The connector whose picker asks; a connector without a guest picker hides guests. */
  connector?: Id;
  /** Ids never to return (people already picked). */
  exclude?: Id[];
  /** Only members of this group (transitively). */
  groupId?: Id;
}

/** A field of a person that a highlight points into. */
export type HighlightField = "displayName" | "givenName" | "surname" | "mail" | "userPrincipalName" | "jobTitle" | "otherMails";

/**
 * A matched range: UTF-16 offsets into the field's value, so
 * `value.slice(start, end)` is the part to bold.
 */
export interface Highlight {
  field: HighlightField;
  start: number;
  end: number;
  /** For `otherMails`: which address. */
  index?: number;
}

/** One person found by `session.search`. */
export interface PersonMatch {
  id: Id;
  displayName: string;
  mail?: string;
  userPrincipalName: string;
  userType: UserType;
  /** A guest's home tenant, when known (for the guest badge). */
  homeTenantId?: Id;
  /**
   * The home tenant's display name ("Fabrikam, Inc."), when the directory holds that
   * tenant and the search covers the whole directory (`mode: "full"`).
   */
  homeTenantName?: string;
  /** Present (`true`) for a guest whose invitation is not redeemed yet. */
  pending?: true;
  jobTitle?: string;
  /** What matched, to bold. */
  highlights: Highlight[];
}

/** `session.search(query, options)`. */
export interface SearchResult {
  items: PersonMatch[];
  /** Guests were left out because the connector's picker does not support picking them. */
  guestsHidden: boolean;
  /** How much of the directory this person's search covers. */
  mode: SearchMode;
}

// --- PeopleIndex -----------------------------------------------------------------------

/**
 * A person as `PeopleIndex` reads them: any object with these fields (a world's `User`,
 * a Microsoft Graph user, a row of your own API). Other fields are ignored and kept.
 */
export interface PersonRecord {
  /** Unique within the index (1-256 characters). */
  id: string;
  displayName: string;
  givenName?: string | null;
  surname?: string | null;
  mail?: string | null;
  otherMails?: readonly string[] | null;
  /** A guest's `alice_contoso.com#EXT#@…` is searched as `alice@contoso.com`. */
  userPrincipalName?: string | null;
  jobTitle?: string | null;
  /** `"Guest"` marks a guest (for the `userType` filter); anything else is a member. */
  userType?: string | null;
}

/** `peopleIndex.search(query, options)`. */
export interface PeopleIndexSearchOptions {
  /** At most this many items (default 10, at most 100). */
  limit?: number;
  /** Default `any`. */
  userType?: SearchUserType;
  /** Ids never to return (people already picked). */
  exclude?: readonly string[];
  /** Compute highlights (default `true`). */
  highlights?: boolean;
}

/** One record found by `peopleIndex.search`. */
export interface PeopleIndexMatch<R extends PersonRecord = PersonRecord> {
  id: string;
  /** Your own object, as given to the index. */
  record: R;
  /** What matched, to bold (empty with `highlights: false`). */
  highlights: Highlight[];
}
