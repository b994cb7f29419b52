// `<guestpass-people-picker>`: the people picker widgets drop in (the `guestpass/picker`
// entry). A plain custom element, no framework: it is small, and a framework at run time
// would be the host's second copy of one (React in a Teams tab, SPFx's own). It runs the
// bound session's `search` on every keystroke, synchronously (a search takes well under a
// millisecond), and draws at most `show-max` options, so the list is painted in the frame
// of the keystroke.
//
// Accessibility follows the WAI-ARIA combobox pattern with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): the input keeps focus and points at
// the active option with aria-activedescendant; result counts go to a polite live region;
// chips are reached with the arrow keys and removed with Backspace or Delete. Styles come
// from one constructable stylesheet (picker-style.ts), so a strict Content Security
// Policy needs no exception.
//
// The module does not load the WebAssembly engine: the picker only calls the session it is
// given. It can be imported where `HTMLElement` does not exist (server-side rendering);
// it defines the element where `customElements` does.
import { pickerStyleSheet } from "./picker-style.js";
import { chip, inviteOption, part, personOption } from "./picker-view.js";
import { fromMatch, idList, invitableAddress, invite, parseSelectedAttribute, toSelection, toSelections, unresolved } from "./picker-selection.js";
import { answerNote, countText, MODE_NOTES } from "./picker-text.js";
import { OBSERVED_ATTRIBUTES, searchOptions, showMaxOf, upgradeProperties } from "./picker-attributes.js";
import type { PersonMatch, SearchMode, SearchResult } from "./types.js";
import type {
  PeoplePickerEventMap,
  PickerPersonInput,
  PickerSelection,
  PickerSelectionMode,
  PickerSession,
  PickerTheme,
  PickerUserType,
  SelectionChangedDetail,
} from "./picker-types.js";

export type * from "./picker-types.js";

/** The element's tag name. */
export const PEOPLE_PICKER_TAG = "guestpass-people-picker";

/** Stands in for `HTMLElement` where there is none (Node importing the module for types or server rendering): the element is only ever constructed in a DOM. */
class NoElement {}

const ElementBase: typeof HTMLElement = typeof HTMLElement === "undefined" ? (NoElement as typeof HTMLElement) : HTMLElement;

type Option = { kind: "person"; match: PersonMatch } | { kind: "invite"; email: string };

/**
 * `<guestpass-people-picker>`: a people picker bound to a guestpass session. Set
 * `picker.session = dir.signIn(...)`; listen to `selectionChanged`.
 *
 * @example
 * ```ts
 * import "guestpass/picker";
 * const picker = document.createElement("guestpass-people-picker");
 * picker.session = session;
 * picker.userType = "guest";
 * picker.addEventListener("selectionChanged", (e) => console.log(e.detail.selectedPeople));
 * document.body.append(picker);
 * ```
 */
export class GuestpassPeoplePicker extends ElementBase {
  /** The attributes the element reads. */
  static readonly observedAttributes = OBSERVED_ATTRIBUTES;

  #session: PickerSession | null = null;
  #selected: PickerSelection[] = [];
  #exclude: string[] = [];
  #defaultIds: string[] = [];
  #tenantNames: Readonly<Record<string, string>> | null = null;
  #lookup: ((id: string) => PickerPersonInput | null | undefined) | null = null;
  #options: Option[] = [];
  #active = -1;
  #mode: SearchMode | null = null;
  #note = "";
  #error = false;

  #input!: HTMLInputElement;
  #listbox!: HTMLUListElement;
  #chips!: HTMLUListElement;
  #noteLine!: HTMLParagraphElement;
  #live!: HTMLDivElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open", delegatesFocus: true });
    root.adoptedStyleSheets = [pickerStyleSheet()];
    this.#build(root);
  }

  #build(root: ShadowRoot): void {
    const control = part("div", "control");
    this.#chips = part("ul", "chips");
    this.#chips.setAttribute("aria-label", "Picked people");
    this.#chips.hidden = true;
    const input = part("input", "input");
    input.id = "input";
    input.type = "text";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "listbox");
    input.setAttribute("aria-describedby", "note");
    input.setAttribute("aria-label", "Find people");
    input.placeholder = "Type a name or an email address";
    input.disabled = true;
    this.#input = input;
    control.append(this.#chips, input);
    this.#listbox = part("ul", "listbox");
    this.#listbox.id = "listbox";
    this.#listbox.setAttribute("role", "listbox");
    this.#listbox.setAttribute("aria-label", "People found");
    this.#listbox.hidden = true;
    this.#noteLine = part("p", "note");
    this.#noteLine.id = "note";
    this.#noteLine.hidden = true;
    this.#live = document.createElement("div");
    this.#live.className = "live";
    this.#live.setAttribute("role", "status");
    this.#live.setAttribute("aria-live", "polite");
    root.append(control, this.#listbox, this.#noteLine, this.#live);

    input.addEventListener("input", () => this.#search());
    input.addEventListener("keydown", (e) => this.#onInputKey(e));
    input.addEventListener("focus", () => input.value && this.#search());
    control.addEventListener("mousedown", (e) => {
      if (e.target === control) {
        e.preventDefault();
        input.focus();
      }
    });
    this.#listbox.addEventListener("mousedown", (e) => e.preventDefault());
    this.#listbox.addEventListener("click", (e) => {
      const li = (e.target as Element).closest?.("[role=option]");
      if (li) this.#pick([...this.#listbox.children].indexOf(li));
    });
    this.#chips.addEventListener("click", (e) => {
      const button = (e.target as Element).closest?.("button");
      if (button?.dataset.id !== undefined) this.#remove(button.dataset.id, "input");
    });
    this.#chips.addEventListener("keydown", (e) => this.#onChipKey(e));
    root.addEventListener("focusout", (e) => {
      const to = (e as FocusEvent).relatedTarget;
      if (!(to instanceof Node) || !root.contains(to)) this.#close();
    });
  }

  connectedCallback(): void {
    upgradeProperties(this);
    this.#syncInput();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    switch (name) {
      case "placeholder":
        this.#input.placeholder = value ?? "Type a name or an email address";
        return;
      case "label":
        this.#input.setAttribute("aria-label", value || "Find people");
        return;
      case "disabled":
        this.#syncInput();
        this.#renderChips();
        if (value !== null) this.#close();
        return;
      case "selected-people":
        this.#selected = parseSelectedAttribute(value);
        this.#renderChips();
        return;
      case "default-selected-user-ids":
        this.defaultSelectedUserIds = idList(value);
        return;
      case "exclude-user-ids":
        this.#exclude = idList(value);
        break;
      case "selection-mode":
        if (this.selectionMode === "single" && this.#selected.length > 1) {
          this.#selected = this.#selected.slice(-1);
          this.#renderChips();
        }
        break;
    }
    if (!this.#listbox.hidden) this.#search();
  }

  // --- properties ---------------------------------------------------------------------

  /** The session whose `search` the picker runs; `null` disables the input. */
  get session(): PickerSession | null {
    return this.#session;
  }
  set session(session: PickerSession | null) {
    this.#session = session ?? null;
    this.#mode = null;
    this.#close();
    this.#probeMode();
    this.#applyDefaultIds();
    this.#syncInput();
    if (this.#input.value) this.#search();
  }

  /** At most this many people in the list (`show-max`, 1-100, default 6). */
  get showMax(): number {
    return showMaxOf(this.getAttribute("show-max"));
  }
  set showMax(value: number) {
    this.setAttribute("show-max", String(value));
  }

  /** `any` (default), `member` or `guest` (`user-type`). */
  get userType(): PickerUserType {
    const value = this.getAttribute("user-type");
    return value === "member" || value === "guest" ? value : "any";
  }
  set userType(value: PickerUserType) {
    this.setAttribute("user-type", value);
  }

  /** `multiple` (default) or `single` (`selection-mode`). */
  get selectionMode(): PickerSelectionMode {
    return this.getAttribute("selection-mode") === "single" ? "single" : "multiple";
  }
  set selectionMode(value: PickerSelectionMode) {
    this.setAttribute("selection-mode", value);
  }

  /** Picked people and invites, in the order picked (a copy). Setting it dispatches nothing. */
  get selectedPeople(): PickerSelection[] {
    return [...this.#selected];
  }
  set selectedPeople(people: readonly (PickerSelection | PickerPersonInput)[] | null) {
    const all = toSelections(people ?? []);
    this.#selected = this.selectionMode === "single" ? all.slice(-1) : all;
    this.#renderChips();
  }

  /** Ids picked when a session is bound and nothing is picked yet (`default-selected-user-ids`). */
  get defaultSelectedUserIds(): string[] {
    return [...this.#defaultIds];
  }
  set defaultSelectedUserIds(ids: readonly string[] | null) {
    this.#defaultIds = [...(ids ?? [])].filter((id) => typeof id === "string" && id !== "");
    this.#applyDefaultIds();
  }

  /** Ids the list never offers (`exclude-user-ids`, comma-separated). */
  get excludeUserIds(): string[] {
    return [...this.#exclude];
  }
  set excludeUserIds(ids: readonly string[] | null) {
    this.#exclude = [...(ids ?? [])].filter((id) => typeof id === "string" && id !== "");
    if (!this.#listbox.hidden) this.#search();
  }

  /** Only members of this group, nested groups counting (`group-id`). */
  get groupId(): string | null {
    return this.getAttribute("group-id") || null;
  }
  set groupId(value: string | null) {
    this.#setOrRemove("group-id", value);
  }

  /** The connector whose picker this is (`connector`): one without a guest picker hides guests. */
  get connector(): string | null {
    return this.getAttribute("connector") || null;
  }
  set connector(value: string | null) {
    this.#setOrRemove("connector", value);
  }

  /** The input's placeholder (`placeholder`). */
  get placeholder(): string {
    return this.#input.placeholder;
  }
  set placeholder(value: string) {
    this.setAttribute("placeholder", value);
  }

  /** The input's accessible name (`label`, default "Find people"). */
  get label(): string {
    return this.#input.getAttribute("aria-label") ?? "Find people";
  }
  set label(value: string) {
    this.setAttribute("label", value);
  }

  /** No typing, no picking, no removing (`disabled`). */
  get disabled(): boolean {
    return this.hasAttribute("disabled");
  }
  set disabled(value: boolean) {
    this.toggleAttribute("disabled", Boolean(value));
  }

  /** An address that matches no one may be picked as an invite chip (`allow-any-email`). */
  get allowAnyEmail(): boolean {
    return this.hasAttribute("allow-any-email");
  }
  set allowAnyEmail(value: boolean) {
    this.toggleAttribute("allow-any-email", Boolean(value));
  }

  /** `auto` (follows `prefers-color-scheme`), `light` or `dark` (`theme`). */
  get theme(): PickerTheme {
    const value = this.getAttribute("theme");
    return value === "light" || value === "dark" ? value : "auto";
  }
  set theme(value: PickerTheme) {
    this.setAttribute("theme", value);
  }

  /**
   * Home tenant names by tenant id, for guest badges; without one a badge shows the
   * result's `homeTenantName` (a member's search names guests' home tenants), else the id.
   */
  get tenantNames(): Readonly<Record<string, string>> | null {
    return this.#tenantNames;
  }
  set tenantNames(names: Readonly<Record<string, string>> | null) {
    this.#tenantNames = names ?? null;
    this.#renderChips();
    if (!this.#listbox.hidden) this.#search();
  }

  /** Finds a person by id for `default-selected-user-ids` (a session has no lookup by id). */
  get lookupPerson(): ((id: string) => PickerPersonInput | null | undefined) | null {
    return this.#lookup;
  }
  set lookupPerson(lookup: ((id: string) => PickerPersonInput | null | undefined) | null) {
    this.#lookup = typeof lookup === "function" ? lookup : null;
    if (this.#selected.some((p) => p.kind === "person" && p.unresolved)) {
      this.#selected = this.#selected.map((p) => (p.kind === "person" && p.unresolved ? this.#resolve(p.id) : p));
      this.#renderChips();
    }
  }

  /** Clears the typed text and closes the list (the picked people stay). */
  clear(): void {
    this.#input.value = "";
    this.#close();
  }

  // --- searching ----------------------------------------------------------------------

  #setOrRemove(name: string, value: string | null): void {
    if (value == null || value === "") this.removeAttribute(name);
    else this.setAttribute(name, value);
  }

  #syncInput(): void {
    this.#input.disabled = this.disabled || this.#session === null;
  }

  /** The tenant label of a guest badge: its name when the host gave one, else its id. */
  readonly #tenant = (id: string): string => this.#tenantNames?.[id] ?? id;

  /** Learns the session's search mode (an empty query answers it) to say it before typing. */
  #probeMode(): void {
    this.#setNote("");
    if (!this.#session) return;
    try {
      this.#mode = this.#session.search("", { limit: 1 }).mode;
      this.#setNote(MODE_NOTES[this.#mode] ?? "");
    } catch (error) {
      this.#showError(error);
    }
  }

  /** Runs the search for what is typed and shows the answer. */
  #search(): void {
    const query = this.#input.value;
    if (!this.#session || this.disabled || query.trim() === "") {
      this.#close();
      this.#setNote(this.#mode ? (MODE_NOTES[this.#mode] ?? "") : "");
      this.#announce("");
      return;
    }
    let answer: SearchResult;
    try {
      answer = this.#session.search(query, searchOptions(this, this.#selected));
    } catch (error) {
      this.#close();
      this.#showError(error);
      return;
    }
    this.#mode = answer.mode;
    const options: Option[] = answer.items.map((match) => ({ kind: "person", match }));
    const email = this.allowAnyEmail ? invitableAddress(query.trim(), answer.items, this.#selected) : null;
    if (email) options.push({ kind: "invite", email });
    this.#options = options;
    this.#listbox.replaceChildren(
      ...options.map((o, i) => (o.kind === "person" ? personOption(o.match, `option-${i}`, this.#tenant) : inviteOption(o.email, `option-${i}`))),
    );
    this.#setOpen(options.length > 0);
    this.#setActive(options.length > 0 ? 0 : -1);
    this.#setNote(answerNote(answer));
    this.#announce(countText(answer, email, query.trim()));
  }

  #showError(error: unknown): void {
    const code = (error as { code?: unknown })?.code;
    const message = error instanceof Error ? error.message : String(error);
    this.#setNote(typeof code === "string" ? `${code}: ${message}` : message, true);
    this.#announce(this.#note);
  }

  #setNote(text: string, error = false): void {
    if (this.#mode) this.#noteLine.dataset.mode = this.#mode;
    if (text === this.#note && error === this.#error) return;
    this.#note = text;
    this.#error = error;
    this.#noteLine.textContent = text;
    this.#noteLine.hidden = text === "";
    this.#noteLine.classList.toggle("error", error);
  }

  #announce(text: string): void {
    if (this.#live.textContent !== text) this.#live.textContent = text;
  }

  #setOpen(open: boolean): void {
    this.#listbox.hidden = !open;
    this.#input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) this.#setActive(-1);
  }

  #close(): void {
    if (this.#listbox.hidden && this.#options.length === 0) return;
    this.#options = [];
    this.#listbox.replaceChildren();
    this.#setOpen(false);
  }

  /** Makes option `index` the active one; `reveal` scrolls it into view (arrow keys only: it lays the page out). */
  #setActive(index: number, reveal = false): void {
    const previous = this.#listbox.children[this.#active];
    if (previous) {
      previous.setAttribute("aria-selected", "false");
      previous.setAttribute("part", "option");
    }
    this.#active = index;
    const li = this.#listbox.children[index];
    if (!li) {
      this.#input.removeAttribute("aria-activedescendant");
      return;
    }
    li.setAttribute("aria-selected", "true");
    li.setAttribute("part", "option active");
    this.#input.setAttribute("aria-activedescendant", li.id);
    if (reveal) li.scrollIntoView({ block: "nearest" });
  }

  // --- picking and removing -----------------------------------------------------------

  #pick(index: number): void {
    const option = this.#options[index];
    if (!option || this.disabled) return;
    const picked = option.kind === "person" ? fromMatch(option.match) : invite(option.email);
    this.#input.value = "";
    this.#close();
    this.#setNote(this.#mode ? (MODE_NOTES[this.#mode] ?? "") : "");
    const removed = this.selectionMode === "single" ? this.#selected : [];
    this.#selected = this.selectionMode === "single" ? [picked] : [...this.#selected, picked];
    this.#renderChips();
    this.#announce(`${picked.displayName} picked.`);
    this.#changed([picked], removed);
    this.#input.focus();
  }

  /** Removes a chip; focus goes to `focus` ("previous" or "next" chip, else the input). */
  #remove(id: string, focus: "previous" | "next" | "input"): void {
    const at = this.#selected.findIndex((p) => p.id === id);
    if (at < 0 || this.disabled) return;
    const [removed] = this.#selected.splice(at, 1);
    this.#renderChips();
    this.#announce(`${removed!.displayName} removed.`);
    this.#changed([], [removed!]);
    const buttons = this.#chipButtons();
    const next = focus === "previous" ? buttons[at - 1] : focus === "next" ? buttons[at] : undefined;
    (next ?? this.#input).focus();
  }

  #changed(added: PickerSelection[], removed: PickerSelection[]): void {
    const detail: SelectionChangedDetail = { selectedPeople: this.selectedPeople, added, removed };
    this.dispatchEvent(new CustomEvent("selectionChanged", { detail, bubbles: true, composed: true }));
  }

  #renderChips(): void {
    const disabled = this.disabled;
    this.#chips.replaceChildren(...this.#selected.map((p) => chip(p, this.#tenant, disabled)));
    this.#chips.hidden = this.#selected.length === 0;
  }

  #chipButtons(): HTMLButtonElement[] {
    return [...this.#chips.querySelectorAll("button")];
  }

  #resolve(id: string): PickerSelection {
    let found: PickerPersonInput | null | undefined;
    try {
      found = this.#lookup?.(id);
    } catch {
      found = undefined;
    }
    const person = found ? toSelection({ ...found, id }) : null;
    return person ?? unresolved(id);
  }

  #applyDefaultIds(): void {
    if (!this.#session || this.#selected.length > 0 || this.#defaultIds.length === 0) return;
    const ids = this.selectionMode === "single" ? this.#defaultIds.slice(-1) : this.#defaultIds;
    this.#selected = toSelections(ids.map((id) => this.#resolve(id)));
    this.#renderChips();
  }

  // --- keyboard -----------------------------------------------------------------------

  /** Reads the direction only for an arrow key: `getComputedStyle` costs a style pass. */
  #rtl(): boolean {
    return getComputedStyle(this).direction === "rtl";
  }

  /** ← in a left-to-right page, → in a right-to-left one. */
  #isBackArrow(key: string): boolean {
    return (key === "ArrowLeft" || key === "ArrowRight") && key === (this.#rtl() ? "ArrowRight" : "ArrowLeft");
  }

  #onInputKey(e: KeyboardEvent): void {
    const open = !this.#listbox.hidden;
    const n = this.#options.length;
    const input = this.#input;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) this.#search();
      else if (n > 0) this.#setActive(e.key === "ArrowDown" ? (this.#active + 1) % n : this.#active <= 0 ? n - 1 : this.#active - 1, true);
    } else if (e.key === "Enter" && open && this.#active >= 0) {
      e.preventDefault();
      this.#pick(this.#active);
    } else if (e.key === "Escape" && (open || input.value)) {
      e.preventDefault();
      if (open) this.#close();
      else this.clear();
    } else if (e.key === "Backspace" && input.value === "" && this.#selected.length > 0) {
      e.preventDefault();
      this.#remove(this.#selected[this.#selected.length - 1]!.id, "input");
    } else if (this.#isBackArrow(e.key) && input.selectionStart === 0 && input.selectionEnd === 0 && this.#selected.length > 0) {
      e.preventDefault();
      this.#close();
      this.#chipButtons().at(-1)?.focus();
    } else if (e.key === "Tab") {
      this.#close();
    }
  }

  #onChipKey(e: KeyboardEvent): void {
    const button = e.target as HTMLButtonElement;
    const id = button.dataset.id;
    if (id === undefined) return;
    const buttons = this.#chipButtons();
    const at = buttons.indexOf(button);
    const [back, forward] = this.#rtl() ? ["ArrowRight", "ArrowLeft"] : ["ArrowLeft", "ArrowRight"];
    if (e.key === "Backspace" || e.key === "Delete") {
      e.preventDefault();
      this.#remove(id, e.key === "Backspace" ? "previous" : "next");
    } else if (e.key === back) {
      e.preventDefault();
      buttons[Math.max(at - 1, 0)]?.focus();
    } else if (e.key === forward || e.key === "Escape") {
      e.preventDefault();
      (e.key === forward ? (buttons[at + 1] ?? this.#input) : this.#input).focus();
    }
  }
}

/** `addEventListener("selectionChanged", (e) => e.detail.selectedPeople)` is typed. */
export interface GuestpassPeoplePicker {
  addEventListener<K extends keyof PeoplePickerEventMap>(
    type: K,
    listener: (this: GuestpassPeoplePicker, event: PeoplePickerEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PeoplePickerEventMap>(
    type: K,
    listener: (this: GuestpassPeoplePicker, event: PeoplePickerEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "guestpass-people-picker": GuestpassPeoplePicker;
  }
}

if (typeof customElements !== "undefined" && !customElements.get(PEOPLE_PICKER_TAG)) {
  customElements.define(PEOPLE_PICKER_TAG, GuestpassPeoplePicker);
}
