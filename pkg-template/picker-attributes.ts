// The picker's attributes and properties as data: which attributes it observes, which
// properties a framework may set before the element is defined, how `show-max` reads, and
// the search options they add up to.
import type { SearchOptions } from "./types.js";
import type { PickerSelection, PickerUserType } from "./picker-types.js";

/** The attributes the element reads (`theme` is read by the stylesheet alone). */
export const OBSERVED_ATTRIBUTES = [
  "show-max",
  "user-type",
  "selection-mode",
  "selected-people",
  "default-selected-user-ids",
  "exclude-user-ids",
  "group-id",
  "connector",
  "placeholder",
  "label",
  "disabled",
  "allow-any-email",
];

/** The properties a framework (or an early script) may set before the element is defined. */
const PROPERTIES = [
  "session",
  "showMax",
  "userType",
  "selectionMode",
  "selectedPeople",
  "defaultSelectedUserIds",
  "excludeUserIds",
  "groupId",
  "connector",
  "placeholder",
  "label",
  "disabled",
  "allowAnyEmail",
  "theme",
  "tenantNames",
  "lookupPerson",
] as const;

/**
 * A value set on the element before it was defined is an own property that hides the
 * class's accessor: take each one off and set it again through the accessor.
 */
export function upgradeProperties(element: HTMLElement): void {
  for (const name of PROPERTIES) {
    if (Object.prototype.hasOwnProperty.call(element, name)) {
      const value: unknown = Reflect.get(element, name);
      Reflect.deleteProperty(element, name);
      Reflect.set(element, name, value);
    }
  }
}

const DEFAULT_SHOW_MAX = 6;
const MAX_SHOW_MAX = 100;

/** `show-max` as a number: 1-100 (a search answers at most 100), 6 when absent or not a number. */
export function showMaxOf(attribute: string | null): number {
  const n = Number.parseInt(attribute ?? "", 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), MAX_SHOW_MAX) : DEFAULT_SHOW_MAX;
}

/** What the picker's settings ask of `session.search`; picked people are excluded too. */
export interface PickerFilters {
  showMax: number;
  userType: PickerUserType;
  excludeUserIds: readonly string[];
  groupId: string | null;
  connector: string | null;
}

/** The search options for the filters and the picks. */
export function searchOptions(filters: PickerFilters, picked: readonly PickerSelection[]): SearchOptions {
  const exclude = [...filters.excludeUserIds];
  for (const p of picked) if (p.kind === "person") exclude.push(p.id);
  const options: SearchOptions = { limit: filters.showMax, userType: filters.userType, exclude };
  if (filters.groupId) options.groupId = filters.groupId;
  if (filters.connector) options.connector = filters.connector;
  return options;
}
