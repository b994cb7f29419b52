// What the picker holds as picked: people and invite addresses, made from whatever a host
// hands it (search results, world users, `{ id }`, JSON in the `selected-people`
// attribute) and from its attributes' id lists.
import type { PersonMatch } from "./types.js";
import type { PickedInvite, PickedPerson, PickerPersonInput, PickerSelection } from "./picker-types.js";

/**
 * Is `text` an address worth inviting? One `@`, no spaces, a dot in the domain: the shape
 * Microsoft Entra's invitation API accepts (https://learn.microsoft.com/graph/api/invitation-post
 * says only "invitedUserEmailAddress"; no document gives the rule, so this is the
 * conservative common one, and the directory refuses the rest with `INVALID_EMAIL`).
 */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text);
}

/**
 * The address to offer as an invite for what was typed: an address that no result and no
 * pick already has (mail or UPN, case aside), else `null`.
 */
export function invitableAddress(query: string, items: readonly PersonMatch[], picked: readonly PickerSelection[]): string | null {
  if (!looksLikeEmail(query)) return null;
  const address = query.toLowerCase();
  const known = (p: { mail?: string | undefined; userPrincipalName?: string }): boolean =>
    p.mail?.toLowerCase() === address || p.userPrincipalName?.toLowerCase() === address;
  if (items.some(known)) return null;
  if (picked.some((p) => (p.kind === "invite" ? p.id === address : known(p)))) return null;
  return query;
}

/** An invite chip for `email`. */
export function invite(email: string): PickedInvite {
  const address = email.trim();
  return { kind: "invite", id: address.toLowerCase(), email: address, displayName: address };
}

/** A picked person from a search result (its highlights dropped). */
export function fromMatch(match: PersonMatch): PickedPerson {
  const { highlights: _highlights, ...person } = match;
  return { kind: "person", ...person };
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** A selection from what a host handed in, or `null` when it has neither an id nor an address. */
export function toSelection(given: PickerPersonInput | PickerSelection | null | undefined): PickerSelection | null {
  if (given === null || typeof given !== "object") return null;
  const input = given as PickerPersonInput & { unresolved?: unknown };
  const email = text(input.email);
  if (input.kind === "invite" || (email !== undefined && text(input.id) === undefined)) {
    const address = email ?? text(input.id);
    return address === undefined ? null : invite(address);
  }
  const id = text(input.id);
  if (id === undefined) return null;
  const person: PickedPerson = {
    kind: "person",
    id,
    displayName: text(input.displayName) ?? id,
    userPrincipalName: text(input.userPrincipalName) ?? "",
    userType: input.userType === "Guest" ? "Guest" : "Member",
  };
  const mail = text(input.mail);
  if (mail) person.mail = mail;
  const home = text(input.homeTenantId);
  if (home) person.homeTenantId = home;
  const homeName = text(input.homeTenantName);
  if (homeName) person.homeTenantName = homeName;
  if (input.pending === true) person.pending = true;
  const title = text(input.jobTitle);
  if (title) person.jobTitle = title;
  if (input.unresolved === true) person.unresolved = true;
  return person;
}

/** Selections from a list, the first of each id kept. */
export function toSelections(list: Iterable<PickerPersonInput | PickerSelection> | null | undefined): PickerSelection[] {
  const out: PickerSelection[] = [];
  const seen = new Set<string>();
  for (const item of list ?? []) {
    const picked = toSelection(item);
    if (picked && !seen.has(picked.id)) {
      seen.add(picked.id);
      out.push(picked);
    }
  }
  return out;
}

/** `"a, b,c"` -> `["a", "b", "c"]` (an id-list attribute). */
export function idList(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

/** The `selected-people` attribute's JSON (an array of people), or `[]` when it is not that. */
export function parseSelectedAttribute(value: string | null): PickerSelection[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? toSelections(parsed as PickerPersonInput[]) : [];
  } catch {
    return [];
  }
}

/** A person given by id that `lookupPerson` did not know: the id stands for the name. */
export function unresolved(id: string): PickedPerson {
  return { kind: "person", id, displayName: id, userPrincipalName: "", userType: "Member", unresolved: true };
}
