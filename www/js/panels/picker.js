// The people picker: a WAI-ARIA combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/)
// over `session.search`. The input keeps focus; ↓/↑ move the active option
// (aria-activedescendant), Enter picks it, Esc closes the list (a second Esc clears the
// text). Highlights are UTF-16 ranges, bolded with String.slice.
import { h, show, ms } from "../dom.js";
import { state, onSession, onChange, tenantName, sessionHas, figures as demoFigures } from "../state.js";

const input = document.getElementById("picker-input");
const list = document.getElementById("picker-list");
const meta = document.getElementById("picker-meta");
const pickedList = document.getElementById("picked");
const connectorSelect = document.getElementById("connector");
const filter = document.getElementById("picker-filter");
const footerTime = document.getElementById("search-time");

const LIMIT = 8;
const figures = demoFigures.searches;

let items = [];
let active = -1;
let picked = [];
let signIn = null;

const MODE_NOTE = {
  exactOnly: "As a guest of this tenant you find people only by their exact mail or sign-in name.",
  none: "As a guest of this tenant you may not search the directory.",
};

/** Text with the ranges `[start, end)` (UTF-16 offsets) wrapped in <mark>. */
function marked(value, ranges) {
  if (!value) return [];
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    if (from > at) out.push(value.slice(at, from));
    out.push(h("mark", {}, value.slice(from, end)));
    at = end;
  }
  if (at < value.length) out.push(value.slice(at));
  return out;
}

/** The highlights of one field; `otherMails` ones carry the address index. */
function rangesOf(person, field, index) {
  return (person.highlights ?? []).filter((hl) => {
    if (typeof hl.field === "object" && hl.field !== null) {
      return field === "otherMails" && Object.values(hl.field)[0] === index;
    }
    return hl.field === field && (index === undefined || hl.index === undefined || hl.index === index);
  });
}

/** A guest's badge: "Guest · Fabrikam", or the mail domain of an outside account. */
export function guestBadge(person) {
  if (person.userType !== "Guest") return null;
  const home = person.homeTenantId ? tenantName(person.homeTenantId) : (person.mail ?? "").split("@")[1] ?? "outside account";
  return h("span", { class: "badge guest", dataset: { home: person.homeTenantId ?? "" } }, `Guest · ${home}`);
}

function secondLine(person) {
  const mailHits = rangesOf(person, "mail");
  const upnHits = rangesOf(person, "userPrincipalName");
  const parts = [];
  if (upnHits.length > 0 && mailHits.length === 0) parts.push(marked(person.userPrincipalName, upnHits));
  else if (person.mail) parts.push(marked(person.mail, mailHits));
  else parts.push(person.userPrincipalName);
  if (person.jobTitle) parts.push(" · ", marked(person.jobTitle, rangesOf(person, "jobTitle")));
  return parts;
}

function option(person, index) {
  return h(
    "li",
    {
      id: `picker-option-${index}`,
      role: "option",
      "aria-selected": index === active ? "true" : "false",
      dataset: { id: person.id, userType: person.userType },
      onmousedown: (event) => event.preventDefault(),
      onclick: () => pick(index),
    },
    h(
      "span",
      { class: "name" },
      marked(person.displayName, rangesOf(person, "displayName")),
      person.pending ? [" ", h("span", { class: "badge pending" }, "invitation pending")] : null,
    ),
    guestBadge(person) ?? h("span", { class: "badge member" }, "Member"),
    h("span", { class: "sub" }, secondLine(person)),
  );
}

function setOpen(open) {
  list.hidden = !open;
  input.setAttribute("aria-expanded", open ? "true" : "false");
  if (!open) {
    active = -1;
    input.removeAttribute("aria-activedescendant");
  }
}

function setActive(index) {
  active = index;
  for (const [i, li] of [...list.children].entries()) li.setAttribute("aria-selected", i === index ? "true" : "false");
  if (index >= 0) {
    const li = list.children[index];
    input.setAttribute("aria-activedescendant", li.id);
    li.scrollIntoView({ block: "nearest" });
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}

const checkedType = () => filter.querySelector("input:checked")?.value ?? "any";

function run(event) {
  const query = input.value;
  const typedAt = event instanceof Event ? event.timeStamp : performance.now();
  if (!sessionHas("search")) return;
  if (query.trim() === "") {
    items = [];
    list.replaceChildren();
    setOpen(false);
    show(meta, "");
    return;
  }
  let answer;
  const started = performance.now();
  try {
    answer = state.session.search(query, { limit: LIMIT, userType: checkedType(), exclude: picked.map((p) => p.id), ...(connectorSelect.value ? { connector: connectorSelect.value } : {}) });
  } catch (error) {
    items = [];
    list.replaceChildren();
    setOpen(false);
    show(meta, h("span", { class: "code" }, error.code ?? "ERROR"), " — ", error.message);
    return;
  }
  const took = performance.now() - started;
  items = answer.items;
  list.replaceChildren(...items.map(option));
  setOpen(items.length > 0);
  if (items.length > 0) setActive(0);
  const notes = [];
  notes.push(items.length === 0 ? `No one matches “${query}”.` : `${items.length} ${items.length === 1 ? "person" : "people"} in ${ms(took)}.`);
  if (answer.guestsHidden) notes.push(connectorSelect.value ? "Guests are hidden: this connector's picker does not support guests." : "Guests are hidden.");
  if (MODE_NOTE[answer.mode]) notes.push(MODE_NOTE[answer.mode]);
  show(meta, notes.join(" "));
  meta.dataset.mode = answer.mode;
  footerTime.textContent = ms(took);
  const record = { query, ms: took, count: items.length, typedAt, at: performance.now() };
  figures.push(record);
  requestAnimationFrame(() => {
    record.visibleAt = performance.now();
  });
}

function pick(index) {
  const person = items[index];
  if (!person) return;
  picked.push(person);
  renderPicked();
  input.value = "";
  items = [];
  list.replaceChildren();
  setOpen(false);
  show(meta, `Picked ${person.displayName}.`);
  input.focus();
}

function renderPicked() {
  pickedList.replaceChildren(
    ...picked.map((person) =>
      h(
        "li",
        { dataset: { id: person.id } },
        h("span", {}, person.displayName),
        guestBadge(person),
        h("button", { type: "button", class: "small secondary", onclick: () => signIn?.signInAs(person) }, "Sign in as"),
        h(
          "button",
          {
            type: "button",
            class: "small secondary",
            "aria-label": `Remove ${person.displayName}`,
            onclick: () => {
              picked = picked.filter((p) => p.id !== person.id);
              renderPicked();
              input.focus();
            },
          },
          "✕",
        ),
      ),
    ),
  );
}

function onKey(event) {
  switch (event.key) {
    case "ArrowDown":
      event.preventDefault();
      if (list.hidden) {
        run();
      } else if (items.length > 0) {
        setActive((active + 1) % items.length);
      }
      break;
    case "ArrowUp":
      event.preventDefault();
      if (!list.hidden && items.length > 0) setActive(active <= 0 ? items.length - 1 : active - 1);
      break;
    case "Enter":
      if (!list.hidden && active >= 0) {
        event.preventDefault();
        pick(active);
      }
      break;
    case "Escape":
      event.preventDefault();
      if (!list.hidden) setOpen(false);
      else {
        input.value = "";
        run();
      }
      break;
    case "Tab":
      setOpen(false);
      break;
  }
}

function refresh() {
  const available = sessionHas("search");
  input.disabled = !available;
  if (!state.session) {
    show(meta, "Sign someone in to search.");
  } else if (!available) {
    show(meta, "People search (session.search) is not in this build of guestpass yet.");
  } else if (input.value) {
    run();
  } else {
    show(meta, "");
  }
}

/** Wires the combobox; `signInPanel.signInAs(person)` signs in someone picked. */
export function setupPicker(signInPanel) {
  signIn = signInPanel;
  for (const c of state.known.connectors ?? []) {
    connectorSelect.append(h("option", { value: c.id }, `${c.displayName}${c.guestPicker === false ? " (no guest picker)" : ""}`));
  }
  input.addEventListener("input", run);
  input.addEventListener("keydown", onKey);
  input.addEventListener("blur", () => setOpen(false));
  input.addEventListener("focus", () => input.value && run());
  filter.addEventListener("change", run);
  connectorSelect.addEventListener("change", run);
  onSession(() => {
    picked = [];
    renderPicked();
    refresh();
  });
  onChange(refresh);
}
