// The people picker: the package's <guestpass-people-picker> (guestpass/picker), bound to
// the signed-in person's view (or their session on the whole directory when the view
// switch is off). The panel sets its filters (user type, connector), gives it the
// tenants' names for guest badges, and lists what was picked with the demo's own actions:
// sign in as a picked person, or invite a picked address to the group of the groups panel.
// It also times each search (the figures the browser tests read).
import "/pkg/picker.js";
import { h, show, ms } from "../dom.js";
import { state, reader, onSession, onChange, tenantName, sessionHas, figures as demoFigures } from "../state.js";

const picker = document.getElementById("picker");
const meta = document.getElementById("picker-meta");
const pickedList = document.getElementById("picked");
const connectorSelect = document.getElementById("connector");
const filter = document.getElementById("picker-filter");
const footerTime = document.getElementById("search-time");

const figures = demoFigures.searches;
let signIn = null;
let typedAt = 0;

/**
 * The session as the picker sees it: the same `search`, timed. The keystroke's time comes
 * from the `input` event, which leaves the picker's shadow root.
 */
function timed(session) {
  return {
    search(query, options) {
      const started = performance.now();
      const answer = session.search(query, options);
      const took = performance.now() - started;
      if (query.trim() === "") return answer;
      footerTime.textContent = ms(took);
      const record = { query, ms: took, count: answer.items.length, typedAt: typedAt || started, at: performance.now() };
      figures.push(record);
      requestAnimationFrame(() => {
        record.visibleAt = performance.now();
      });
      show(meta, `${answer.items.length} ${answer.items.length === 1 ? "person" : "people"} in ${ms(took)}.`);
      return answer;
    },
  };
}

/** Invites a picked address to the group chosen in the groups panel (its form does the rest). */
function inviteToGroup(email) {
  document.getElementById("invite-email").value = email;
  document.getElementById("invite-form").requestSubmit();
  document.getElementById("groups-h").scrollIntoView({ block: "start" });
}

function renderPicked(people) {
  pickedList.replaceChildren(
    ...people.map((person) =>
      h(
        "li",
        { dataset: { id: person.id, kind: person.kind } },
        h("span", {}, person.displayName),
        person.kind === "person" && person.userType === "Guest" ? h("span", { class: "badge guest" }, `Guest · ${person.homeTenantId ? tenantName(person.homeTenantId) : "outside account"}`) : null,
        person.kind === "invite"
          ? h("button", { type: "button", class: "small secondary", onclick: () => inviteToGroup(person.email) }, "Invite to the group")
          : h("button", { type: "button", class: "small secondary", onclick: () => signIn?.signInAs(person) }, "Sign in as"),
      ),
    ),
  );
}

function bind() {
  const available = sessionHas("search");
  picker.session = available ? timed(reader()) : null;
  picker.selectedPeople = [];
  renderPicked([]);
  if (!state.session) show(meta, "Sign someone in to search.");
  else if (!available) show(meta, "People search (session.search) is not in this build of guestpass yet.");
  else show(meta, "");
}

/** Wires the picker; `signInPanel.signInAs(person)` signs in someone picked. */
export function setupPicker(signInPanel) {
  signIn = signInPanel;
  for (const c of state.known.connectors ?? []) {
    connectorSelect.append(h("option", { value: c.id }, `${c.displayName}${c.guestPicker === false ? " (no guest picker)" : ""}`));
  }
  picker.tenantNames = Object.fromEntries([...state.tenants.values()].map((t) => [t.id, t.displayName]));
  picker.lookupPerson = (id) => state.users.get(id);
  picker.addEventListener("input", (event) => (typedAt = event.timeStamp), { capture: true });
  picker.addEventListener("selectionChanged", (event) => {
    renderPicked(event.detail.selectedPeople);
    const [added] = event.detail.added;
    if (added) show(meta, added.kind === "invite" ? `${added.email} can be invited to the group below.` : `Picked ${added.displayName}.`);
  });
  filter.addEventListener("change", () => (picker.userType = filter.querySelector("input:checked")?.value ?? "any"));
  connectorSelect.addEventListener("change", () => (picker.connector = connectorSelect.value || null));
  onSession(bind);
  // A change of the directory (an invitation, a redeemed guest) shows in the next search.
  onChange(() => {
    if (state.session && sessionHas("search")) picker.session = timed(reader());
  });
}
