// The picker's pieces of DOM: an option of the list, a chip, a guest badge, a highlighted
// name. Text always goes in as text (never parsed as HTML), so a name or address from the
// directory cannot inject markup; nothing here sets a style.
import type { Highlight, HighlightField, PersonMatch } from "./types.js";
import type { PickerSelection } from "./picker-types.js";

/** An element with a class and the same `::part` name(s). */
export function part<K extends keyof HTMLElementTagNameMap>(tag: K, names: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = names;
  node.setAttribute("part", names);
  return node;
}

/** `value` with the ranges `[start, end)` (UTF-16 offsets) wrapped in `<mark part="match">`. */
export function marked(value: string, ranges: readonly Highlight[]): DocumentFragment {
  const out = document.createDocumentFragment();
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    if (from > at) out.append(value.slice(at, from));
    const mark = part("mark", "match");
    mark.textContent = value.slice(from, end);
    out.append(mark);
    at = end;
  }
  if (at < value.length) out.append(value.slice(at));
  return out;
}

/** The highlights of one field (for `otherMails`, of the address at `index`). */
function rangesOf(person: PersonMatch, field: HighlightField, index?: number): Highlight[] {
  return person.highlights.filter((h) => h.field === field && (index === undefined || h.index === undefined || h.index === index));
}

/** How a guest badge names a home tenant: its name when the host gave one, else its id. */
export type TenantLabel = (tenantId: string) => string;

/**
 * "Guest · Fabrikam" (the home tenant's name: the picker's `tenantNames`, else the
 * result's `homeTenantName`, else its id), or "Guest" when the result does not say where
 * the guest is from; `null` for a member.
 */
export function guestBadge(
  person: { userType?: string | null; homeTenantId?: string | null; homeTenantName?: string | null },
  tenant: TenantLabel,
): HTMLSpanElement | null {
  if (person.userType !== "Guest") return null;
  const badge = part("span", "badge guest");
  const id = person.homeTenantId;
  const named = id ? tenant(id) : null;
  const home = named && named !== id ? named : (person.homeTenantName ?? named);
  badge.textContent = home ? `Guest · ${home}` : "Guest";
  if (person.homeTenantId) badge.dataset.home = person.homeTenantId;
  return badge;
}

function textBadge(names: string, text: string): HTMLSpanElement {
  const badge = part("span", names);
  badge.textContent = text;
  return badge;
}

/** The second line: the address that matched (else the mail, else the UPN), and the job title. */
function secondary(person: PersonMatch): HTMLSpanElement {
  const line = part("span", "secondary");
  const mailHits = rangesOf(person, "mail");
  const upnHits = rangesOf(person, "userPrincipalName");
  if (upnHits.length > 0 && mailHits.length === 0) line.append(marked(person.userPrincipalName, upnHits));
  else if (person.mail) line.append(marked(person.mail, mailHits));
  else line.append(person.userPrincipalName);
  if (person.jobTitle) line.append(" · ", marked(person.jobTitle, rangesOf(person, "jobTitle")));
  return line;
}

/** One option of the list for a search result; `id` is unique in the shadow root. */
export function personOption(person: PersonMatch, id: string, tenant: TenantLabel): HTMLLIElement {
  const li = part("li", "option");
  li.id = id;
  li.setAttribute("role", "option");
  li.setAttribute("aria-selected", "false");
  li.dataset.id = person.id;
  li.dataset.userType = person.userType;
  const name = part("bdi", "name");
  name.append(marked(person.displayName, rangesOf(person, "displayName")));
  if (person.pending) name.append(" ", textBadge("badge pending", "invitation pending"));
  li.append(name, guestBadge(person, tenant) ?? textBadge("badge member", "Member"), secondary(person));
  return li;
}

/** The option that offers to invite an address nobody has (`allow-any-email`). */
export function inviteOption(email: string, id: string): HTMLLIElement {
  const li = part("li", "option");
  li.id = id;
  li.setAttribute("role", "option");
  li.setAttribute("aria-selected", "false");
  li.dataset.invite = email;
  const name = part("bdi", "name");
  name.textContent = email;
  const line = part("span", "secondary");
  line.textContent = "No one has this address: pick it to invite them";
  li.append(name, textBadge("badge invite", "Invite"), line);
  return li;
}

/** A chip for a picked person or invite, with its remove button (focusable by arrows). */
export function chip(picked: PickerSelection, tenant: TenantLabel, disabled: boolean): HTMLLIElement {
  const li = part("li", picked.kind === "invite" ? "chip invite" : "chip");
  li.dataset.id = picked.id;
  li.dataset.kind = picked.kind;
  const name = part("bdi", "chip-name");
  name.textContent = picked.displayName;
  li.append(name);
  const badge = picked.kind === "invite" ? textBadge("badge invite", "Invite") : guestBadge(picked, tenant);
  if (badge) li.append(badge);
  const remove = part("button", "remove");
  remove.type = "button";
  remove.tabIndex = -1;
  remove.disabled = disabled;
  remove.dataset.id = picked.id;
  remove.setAttribute("aria-label", `Remove ${picked.displayName}`);
  remove.textContent = "✕";
  li.append(remove);
  return li;
}
