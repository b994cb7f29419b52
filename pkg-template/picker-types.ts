// The public types of `<guestpass-people-picker>` (the `guestpass/picker` entry): what a
// host gives it (a session, people to show as picked) and what it hands back (the
// `selectionChanged` event). Kept apart from the element so the JSX types for React
// (picker-react.ts) can name them without importing the element's code.
import type { Id, PersonMatch, SearchOptions, SearchResult, SearchUserType } from "./types.js";

/**
 * What the picker needs of a session: `search`. A `Session` from `dir.signIn(...)` is
 * one; so is anything else with the same `search` (a view's session, a test double).
 */
export interface PickerSession {
  search(query: string, options?: SearchOptions): SearchResult;
}

/** `selection-mode`: one person (a new pick replaces the old) or many. */
export type PickerSelectionMode = "single" | "multiple";

/** `user-type`: which people the list offers. */
export type PickerUserType = SearchUserType;

/** `theme`: the built-in colours; `auto` (the default) follows `prefers-color-scheme`. */
export type PickerTheme = "auto" | "light" | "dark";

/** A person picked from the directory (a search result without its highlights). */
export interface PickedPerson extends Omit<PersonMatch, "highlights"> {
  kind: "person";
  /**
   * `true` for a person given by id (`default-selected-user-ids`) whom `lookupPerson`
   * did not know: only the id is there (it is also the `displayName`).
   */
  unresolved?: true;
}

/**
 * An address that matches no one, picked with `allow-any-email`: an "invite" chip. Its
 * `id` is the address in lower case; send the invitation (e.g. `session.inviteToGroup`).
 */
export interface PickedInvite {
  kind: "invite";
  id: string;
  email: string;
  displayName: string;
}

/** One chip of the picker: a person, or an address to invite. */
export type PickerSelection = PickedPerson | PickedInvite;

/**
 * A person a host hands the picker (`selectedPeople`, `lookupPerson`): at least an id;
 * a search result, a world `User` or a `PickerSelection` all fit. An object with
 * `kind: "invite"` (or only an `email`) becomes an invite chip.
 */
export interface PickerPersonInput {
  id?: Id;
  kind?: "person" | "invite";
  displayName?: string;
  email?: string;
  mail?: string | null;
  userPrincipalName?: string | null;
  userType?: "Member" | "Guest" | null;
  homeTenantId?: Id | null;
  homeTenantName?: string | null;
  pending?: boolean | null;
  jobTitle?: string | null;
}

/** What changed, in `selectionChanged`'s `detail`. */
export interface SelectionChangedDetail {
  /** Everyone picked now, in the order picked. */
  selectedPeople: PickerSelection[];
  /** Picked by this change. */
  added: PickerSelection[];
  /** Removed by this change. */
  removed: PickerSelection[];
}

/** The `selectionChanged` event (bubbles, crosses shadow roots). */
export type SelectionChangedEvent = CustomEvent<SelectionChangedDetail>;

/** The events the picker dispatches, for `addEventListener`. */
export interface PeoplePickerEventMap extends HTMLElementEventMap {
  selectionChanged: SelectionChangedEvent;
}

/**
 * The picker's own properties, as a framework sets them (React 19 sets a prop that is a
 * property of the element as that property). Each has an attribute too, in kebab case
 * (`showMax` / `show-max`), except `session`, `selectedPeople` (its attribute takes JSON),
 * `lookupPerson` and `tenantNames`.
 */
export interface PeoplePickerProperties {
  /** The signed-in person whose search the picker runs. Without one the input is disabled. */
  session?: PickerSession | null;
  /** At most this many people in the list (1-100, default 6). */
  showMax?: number;
  /** Members, guests or both (default `any`). */
  userType?: PickerUserType;
  /** `single` or `multiple` (default `multiple`). */
  selectionMode?: PickerSelectionMode;
  /** Picked people, in and out; setting it dispatches no event. */
  selectedPeople?: readonly (PickerSelection | PickerPersonInput)[];
  /** Ids picked when a session is bound (resolved with `lookupPerson`). */
  defaultSelectedUserIds?: readonly string[];
  /** Ids never offered (picked people are never offered either). */
  excludeUserIds?: readonly string[];
  /** Only members of this group (nested groups counting). */
  groupId?: string | null;
  /** The connector whose picker this is: one without a guest picker hides guests. */
  connector?: string | null;
  /** The input's placeholder. */
  placeholder?: string;
  /** The input's accessible name (default "Find people"). */
  label?: string;
  disabled?: boolean;
  /** An address that matches no one can be picked as an "invite" chip. */
  allowAnyEmail?: boolean;
  /** `auto`, `light` or `dark`. */
  theme?: PickerTheme;
  /** Home tenant names for guest badges, by tenant id (otherwise the badge shows the id). */
  tenantNames?: Readonly<Record<string, string>> | null;
  /** Finds a person by id, for `default-selected-user-ids` (the session has no such lookup). */
  lookupPerson?: ((id: string) => PickerPersonInput | null | undefined) | null;
}
