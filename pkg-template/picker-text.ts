// What the picker says: the note under the input (a guest's narrowed search, guests hidden
// by a connector) and the live region's announcements (result counts, picks, removals).
// In one place so a translation, or a host's wording, has one file to change.
import type { SearchMode, SearchResult } from "./types.js";

/** The note for a search narrowed by the tenant's guest access setting (none for `full`). */
export const MODE_NOTES: Partial<Record<SearchMode, string>> = {
  exactOnly: "As a guest here, you find people only by their full email address or sign-in name: type the whole address.",
  none: "As a guest here, you may not search the directory.",
};

/** The note when a connector's picker leaves guests out (`guestsHidden`). */
export const GUESTS_HIDDEN = "Guests are not shown: this connector's picker does not support picking guests.";

/** The note under the input for a search answer (empty when there is nothing to say). */
export function answerNote(answer: SearchResult): string {
  return [answer.guestsHidden ? GUESTS_HIDDEN : "", MODE_NOTES[answer.mode] ?? ""].filter(Boolean).join(" ");
}

/** What the live region announces for a search answer: the count, the invite offered, a limited guest's hint. */
export function countText(answer: SearchResult, invite: string | null, query: string): string {
  const n = answer.items.length;
  const found = n === 0 ? `No one matches ${query}.` : `${n} ${n === 1 ? "person" : "people"} found.`;
  const extra = invite ? ` You can invite ${invite}.` : "";
  const hint = n === 0 && answer.mode === "exactOnly" ? ` ${MODE_NOTES.exactOnly}` : "";
  return `${found}${extra}${hint}`;
}
