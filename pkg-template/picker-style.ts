// The picker's look, as one constructable stylesheet adopted by every picker's shadow
// root: no <style> element and no style attribute, so a page whose Content Security
// Policy forbids inline styles (`style-src 'self'`) shows it as designed.
//
// Colours follow Fluent 2, which SharePoint and Teams use (https://fluent2.microsoft.design/color):
// neutral greys, the brand blue for focus and the active option, and the dark theme's
// lighter blue. Every colour is a custom property a host may set (on the element or any
// ancestor); `::part` names reach the inner elements. Layout uses logical properties only,
// so right-to-left pages mirror it. Forced-colours mode hands every colour to the system.

const CSS = `
:host {
  --_font: var(--guestpass-picker-font, "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif);
  --_size: var(--guestpass-picker-font-size, 14px);
  --_radius: var(--guestpass-picker-radius, 4px);
  --_bg: var(--guestpass-picker-background, #ffffff);
  --_fg: var(--guestpass-picker-foreground, #242424);
  --_muted: var(--guestpass-picker-muted, #616161);
  --_border: var(--guestpass-picker-border, #d1d1d1);
  --_accent: var(--guestpass-picker-accent, #0f6cbd);
  --_hover: var(--guestpass-picker-hover, #f5f5f5);
  --_active: var(--guestpass-picker-active, #ebf3fc);
  --_chip-bg: var(--guestpass-picker-chip-background, #f0f0f0);
  --_guest-bg: var(--guestpass-picker-guest-background, #fdf6f3);
  --_guest-fg: var(--guestpass-picker-guest-foreground, #8a3707);
  --_invite-bg: var(--guestpass-picker-invite-background, #f1faf1);
  --_invite-fg: var(--guestpass-picker-invite-foreground, #0e700e);
  --_mark-bg: var(--guestpass-picker-mark-background, #fef7b2);
  --_mark-fg: var(--guestpass-picker-mark-foreground, inherit);
  --_list-height: var(--guestpass-picker-list-max-height, 22rem);
  display: inline-block;
  position: relative;
  min-inline-size: 16rem;
  font-family: var(--_font);
  font-size: var(--_size);
  line-height: 1.43;
  color: var(--_fg);
  color-scheme: light;
}
:host([hidden]) { display: none; }
${darkRules(':host([theme="dark"])')}
@media (prefers-color-scheme: dark) {
  ${darkRules(':host(:not([theme="light"]))')}
}
.control {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 4px;
  min-block-size: 32px;
  box-sizing: border-box;
  padding-block: 3px;
  padding-inline: 6px;
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-block-end-color: var(--_muted);
  border-radius: var(--_radius);
  cursor: text;
}
.control:focus-within { border-block-end: 2px solid var(--_accent); padding-block-end: 2px; }
:host([disabled]) .control { opacity: 0.6; cursor: not-allowed; }
.chips { display: contents; list-style: none; margin: 0; padding: 0; }
.chip {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  max-inline-size: 100%;
  padding-block: 1px;
  padding-inline: 8px 2px;
  background: var(--_chip-bg);
  border: 1px solid transparent;
  border-radius: 999px;
}
.chip.invite { background: var(--_invite-bg); }
.chip-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.remove {
  display: inline-grid;
  place-items: center;
  inline-size: 20px;
  block-size: 20px;
  padding: 0;
  font: inherit;
  font-size: 12px;
  color: var(--_fg);
  background: transparent;
  border: 0;
  border-radius: 50%;
  cursor: pointer;
}
.remove:hover { background: var(--_hover); }
.remove:focus-visible, .option:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
input {
  flex: 1 1 8rem;
  min-inline-size: 6rem;
  block-size: 24px;
  margin: 0;
  padding: 0;
  font: inherit;
  color: var(--_fg);
  background: transparent;
  border: 0;
  outline: none;
}
input::placeholder { color: var(--_muted); opacity: 1; }
.listbox {
  position: absolute;
  z-index: 10;
  inset-inline: 0;
  inset-block-start: calc(100% + 2px);
  max-block-size: var(--_list-height);
  overflow-y: auto;
  margin: 0;
  padding-block: 4px;
  padding-inline: 0;
  list-style: none;
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  box-shadow: 0 8px 16px rgb(0 0 0 / 14%), 0 0 2px rgb(0 0 0 / 12%);
}
.listbox[hidden], .note[hidden] { display: none; }
.option {
  display: grid;
  grid-template-columns: 1fr auto;
  column-gap: 8px;
  padding-block: 6px;
  padding-inline: 12px;
  cursor: pointer;
  border-inline-start: 3px solid transparent;
}
.option:hover { background: var(--_hover); }
.option[aria-selected="true"] { background: var(--_active); border-inline-start-color: var(--_accent); }
.name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.secondary { grid-column: 1 / -1; color: var(--_muted); font-size: 0.86em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.badge {
  align-self: center;
  padding-block: 0;
  padding-inline: 6px;
  font-size: 0.78em;
  font-weight: 600;
  border: 1px solid transparent;
  border-radius: 999px;
  white-space: nowrap;
}
.badge.guest { color: var(--_guest-fg); background: var(--_guest-bg); }
.badge.member { color: var(--_muted); }
.badge.invite { color: var(--_invite-fg); background: var(--_invite-bg); }
.badge.pending { color: var(--_muted); border-color: var(--_border); }
mark { color: var(--_mark-fg); background: var(--_mark-bg); border-radius: 2px; }
.note { margin-block: 4px 0; margin-inline: 0; color: var(--_muted); font-size: 0.86em; }
.note.error { color: var(--guestpass-picker-error, #b10e1c); }
.live {
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
@media (forced-colors: active) {
  .control, .listbox, .chip, .badge { border: 1px solid CanvasText; }
  .control:focus-within { border-color: Highlight; }
  .option { border-inline-start: 0; padding-inline-start: 15px; }
  .option[aria-selected="true"] { background: Highlight; color: HighlightText; forced-color-adjust: none; }
  .option[aria-selected="true"] .secondary, .option[aria-selected="true"] .badge { color: HighlightText; border-color: HighlightText; }
  .option[aria-selected="true"] mark { background: HighlightText; color: Highlight; }
  mark { background: Mark; color: MarkText; forced-color-adjust: none; }
  .remove:focus-visible, .option:focus-visible { outline-color: Highlight; }
  .listbox { box-shadow: none; }
}
`;

/** The dark defaults (Fluent 2's dark neutrals), under `selector`. */
function darkRules(selector: string): string {
  return `${selector} {
  --_bg: var(--guestpass-picker-background, #292929);
  --_fg: var(--guestpass-picker-foreground, #ffffff);
  --_muted: var(--guestpass-picker-muted, #adadad);
  --_border: var(--guestpass-picker-border, #666666);
  --_accent: var(--guestpass-picker-accent, #479ef5);
  --_hover: var(--guestpass-picker-hover, #3d3d3d);
  --_active: var(--guestpass-picker-active, #1d3550);
  --_chip-bg: var(--guestpass-picker-chip-background, #3d3d3d);
  --_guest-bg: var(--guestpass-picker-guest-background, #4a1e04);
  --_guest-fg: var(--guestpass-picker-guest-foreground, #faddd1);
  --_invite-bg: var(--guestpass-picker-invite-background, #094509);
  --_invite-fg: var(--guestpass-picker-invite-foreground, #d2f0d2);
  --_mark-bg: var(--guestpass-picker-mark-background, #5c4e00);
  --_mark-fg: var(--guestpass-picker-mark-foreground, #ffffff);
  color-scheme: dark;
}`;
}

let sheet: CSSStyleSheet | undefined;

/** The stylesheet every picker adopts (made once, on first use). */
export function pickerStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
