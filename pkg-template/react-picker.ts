// `usePeoplePicker`: the people picker's behaviour without its markup, for a React team that
// renders its own list. It keeps what is typed and what is picked, asks `session.search` for
// the list on every render that needs it (a search takes well under a millisecond: nothing
// to debounce), and hands out props for an input, a listbox, its options and a live region.
// The roles, states and keys follow the WAI-ARIA Authoring Practices "Combobox pattern"
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/), list autocomplete with manual
// selection: ↓/↑ move the active option (focus stays in the input, the option is named by
// `aria-activedescendant`), Enter picks it, Escape closes the list and then clears the text.
import { useId, useMemo, useState, type ChangeEvent, type KeyboardEvent, type MouseEvent } from "react";
import { fromMatch } from "./picker-selection.js";
import type { PickedPerson, PickerSelectionMode, PickerSession } from "./picker-types.js";
import type { PersonMatch, SearchMode, SearchOptions, SearchUserType } from "./types.js";

/** How `usePeoplePicker` searches and picks. */
export interface PeoplePickerOptions {
  /** At most this many people in the list (1-100, default 6, as `<guestpass-people-picker>`). */
  limit?: number;
  /** Members, guests or both (default `any`). */
  userType?: SearchUserType;
  /** Only members of this group (nested groups counting). */
  groupId?: string | null;
  /** The connector whose picker this is: one without a guest picker hides guests. */
  connector?: string | null;
  /** Ids never offered (picked people are never offered either). */
  excludeUserIds?: readonly string[];
  /** `single` (a new pick replaces the old) or `multiple` (the default). */
  selectionMode?: PickerSelectionMode;
  /** The input's accessible name (default "Find people"). */
  label?: string;
  /** The picked people when the host keeps them (controlled); otherwise the hook keeps them. */
  selected?: readonly PickedPerson[];
  /** Called after each pick or removal with everyone picked now. */
  onSelectionChange?: (selected: PickedPerson[], change: PeoplePickerChange) => void;
}

/** What one pick or removal changed. */
export interface PeoplePickerChange {
  added: PickedPerson[];
  removed: PickedPerson[];
}

/** Props for the `<input>`: spread them (`<input {...picker.inputProps} />`). */
export interface PeoplePickerInputProps {
  id: string;
  type: "text";
  role: "combobox";
  value: string;
  disabled: boolean;
  autoComplete: "off";
  "aria-autocomplete": "list";
  "aria-expanded": boolean;
  "aria-controls": string;
  "aria-activedescendant": string | undefined;
  "aria-label": string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onFocus: () => void;
  onBlur: () => void;
}

/** Props for the list element (a `<ul>`): render it only while `picker.isOpen`. */
export interface PeoplePickerListboxProps {
  id: string;
  role: "listbox";
  "aria-label": string;
}

/** Props for one option (an `<li>`); add your own `key`. */
export interface PeoplePickerOptionProps {
  id: string;
  role: "option";
  "aria-selected": boolean;
  onMouseDown: (event: MouseEvent) => void;
  onMouseMove: () => void;
  onClick: () => void;
}

/** Props for a polite live region that says how many people were found. */
export interface PeoplePickerStatusProps {
  role: "status";
  "aria-live": "polite";
}

/** What `usePeoplePicker` answers: its state, what changes it, and the props to render. */
export interface PeoplePicker {
  /** What is typed. */
  query: string;
  /** Sets what is typed (opens the list for a non-blank query), as typing does. */
  setQuery(query: string): void;
  /** The people found for `query` (empty while it is blank). */
  results: PersonMatch[];
  /** How much of the directory the person's search covers (`null` before a search). */
  mode: SearchMode | null;
  /** Why the last search failed (a `GuestPassError`, e.g. `QUERY_TOO_LONG`), else `null`. */
  error: Error | null;
  /** Is the list shown? */
  isOpen: boolean;
  /** The active option's index in `results` (-1 for none). */
  activeIndex: number;
  /** Everyone picked, in the order picked. */
  selected: PickedPerson[];
  /** Picks a person found (clears the text and closes the list). */
  pick(match: PersonMatch): void;
  /** Removes a picked person by id. */
  remove(id: string): void;
  /** Closes the list (keeps the text). */
  close(): void;
  /** What a screen reader should hear about the list ("3 people found"), for `statusProps`. */
  statusText: string;
  /** Spread on the `<input>`: the combobox. */
  inputProps: PeoplePickerInputProps;
  /** Spread on the list element, rendered while `isOpen`. */
  listboxProps: PeoplePickerListboxProps;
  /** Spread on the option for `results[index]`. */
  optionProps(index: number): PeoplePickerOptionProps;
  /** Spread on the element that shows `statusText`. */
  statusProps: PeoplePickerStatusProps;
}

interface Answer {
  items: PersonMatch[];
  mode: SearchMode | null;
  error: Error | null;
}

const NOTHING: Answer = { items: [], mode: null, error: null };

/** The search options, with only the keys that are set. */
function searchOptions(options: PeoplePickerOptions, exclude: string[]): SearchOptions {
  const out: SearchOptions = { limit: options.limit ?? 6, exclude };
  if (options.userType) out.userType = options.userType;
  if (options.groupId) out.groupId = options.groupId;
  if (options.connector) out.connector = options.connector;
  return out;
}

/** One search, its error kept as the answer (the element shows it in its note line). */
function runSearch(session: PickerSession | null | undefined, query: string, options: SearchOptions): Answer {
  if (session == null || query.trim() === "") return NOTHING;
  try {
    const { items, mode } = session.search(query, options);
    return { items, mode, error: null };
  } catch (error) {
    return { items: [], mode: null, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** "3 people found", "1 person found", "No one found", or "" while the list is closed. */
function statusFor(open: boolean, query: string, answer: Answer): string {
  if (!open || query.trim() === "" || answer.error) return "";
  const n = answer.items.length;
  return n === 0 ? "No one found" : n === 1 ? "1 person found" : `${n} people found`;
}

/**
 * A headless people picker over `session.search`: the state, the keyboard (↓/↑ move, Enter
 * picks, Escape closes then clears, Backspace in an empty input removes the last pick) and
 * the ARIA combobox/listbox props, for your own markup. `session` may be `null` (the input
 * is disabled). A failed search (`QUERY_TOO_LONG`, …) is `error`, not a throw.
 *
 * @example
 * ```tsx
 * const picker = usePeoplePicker(session, { limit: 5 });
 * <input {...picker.inputProps} />
 * {picker.isOpen && <ul {...picker.listboxProps}>{picker.results.map((p, i) => <li key={p.id} {...picker.optionProps(i)}>{p.displayName}</li>)}</ul>}
 * ```
 */
export function usePeoplePicker(session: PickerSession | null | undefined, options: PeoplePickerOptions = {}): PeoplePicker {
  const base = useId();
  const [query, setQueryState] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [own, setOwn] = useState<PickedPerson[]>([]);
  const selected = options.selected ? [...options.selected] : own;
  const exclude = [...(options.excludeUserIds ?? []), ...selected.map((p) => p.id)];
  const search = searchOptions(options, exclude);
  const answer = useMemo(
    () => runSearch(session, query, search),
    // Every input of the search, the id lists as text.
    [session, query, search.limit, search.userType, search.groupId, search.connector, exclude.join("\u0000")],
  );
  const results = answer.items;
  const isOpen = open && results.length > 0;
  const activeIndex = isOpen ? Math.min(active, results.length - 1) : -1;
  const listboxId = `${base}listbox`;
  const optionId = (i: number): string => `${base}option-${i}`;

  const change = (next: PickedPerson[]): void => {
    if (!options.selected) setOwn(next);
    const ids = new Set(next.map((p) => p.id));
    const before = new Set(selected.map((p) => p.id));
    options.onSelectionChange?.(next, {
      added: next.filter((p) => !before.has(p.id)),
      removed: selected.filter((p) => !ids.has(p.id)),
    });
  };
  const setQuery = (text: string): void => {
    setQueryState(text);
    setActive(0);
    setOpen(text.trim() !== "");
  };
  const pick = (match: PersonMatch): void => {
    const person = fromMatch(match);
    const rest = options.selectionMode === "single" ? [] : selected.filter((p) => p.id !== person.id);
    change([...rest, person]);
    setQueryState("");
    setOpen(false);
  };
  const remove = (id: string): void => change(selected.filter((p) => p.id !== id));
  const close = (): void => setOpen(false);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const n = results.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const down = event.key === "ArrowDown";
      if (!isOpen) {
        setOpen(query.trim() !== "");
        setActive(down ? 0 : Math.max(n - 1, 0));
      } else setActive(down ? (activeIndex + 1) % n : activeIndex <= 0 ? n - 1 : activeIndex - 1);
    } else if (event.key === "Enter" && isOpen && activeIndex >= 0) {
      event.preventDefault();
      pick(results[activeIndex]!);
    } else if (event.key === "Escape" && (isOpen || query !== "")) {
      event.preventDefault();
      if (isOpen) close();
      else setQuery("");
    } else if (event.key === "Backspace" && query === "" && selected.length > 0) {
      event.preventDefault();
      remove(selected[selected.length - 1]!.id);
    } else if (event.key === "Tab") close();
  };

  return {
    query,
    setQuery,
    results,
    mode: answer.mode,
    error: answer.error,
    isOpen,
    activeIndex,
    selected,
    pick,
    remove,
    close,
    statusText: statusFor(isOpen || open, query, answer),
    inputProps: {
      id: `${base}input`,
      type: "text",
      role: "combobox",
      value: query,
      disabled: session == null,
      autoComplete: "off",
      "aria-autocomplete": "list",
      "aria-expanded": isOpen,
      "aria-controls": listboxId,
      "aria-activedescendant": activeIndex >= 0 ? optionId(activeIndex) : undefined,
      "aria-label": options.label ?? "Find people",
      onChange: (event) => setQuery(event.target.value),
      onKeyDown,
      onFocus: () => setOpen(query.trim() !== ""),
      onBlur: close,
    },
    listboxProps: { id: listboxId, role: "listbox", "aria-label": "People found" },
    optionProps: (index) => ({
      id: optionId(index),
      role: "option",
      "aria-selected": index === activeIndex,
      // Keep the focus in the input: a click must not blur it (which closes the list).
      onMouseDown: (event) => event.preventDefault(),
      onMouseMove: () => setActive(index),
      onClick: () => {
        const match = results[index];
        if (match) pick(match);
      },
    }),
    statusProps: { role: "status", "aria-live": "polite" },
  };
}
