// What this person's browser receives: the server writes the signed-in person's view in
// its two parts (`dir.viewParts`), the page reads them (`Directory.fromViewParts`), and the picker, flow access
// and approvals panels answer from that view: exactly what the person may see, and no
// more. This panel shows its size and what is in it, beside the whole directory.
import { h, show, bytes, ms, number, errorBox } from "../dom.js";
import { state, setViewMaker, sessionAgain, onSession, onChange, tenantName } from "../state.js";

const target = document.getElementById("view");
const toggle = document.getElementById("from-view");

const AUDIENCE = {
  members: "the tenant's directory (a member, or a guest with the same access as members)",
  limitedGuest: "exact addresses only (a guest with limited access: every record sealed)",
  restrictedGuest: "themselves only (a guest with restricted access)",
};

/** Writes and reads the view of `session`'s person in its two parts, timing both. */
function makeView(session) {
  try {
    const request = { tenantId: session.tenantId, user: session.userId };
    const written = performance.now();
    const parts = state.dir.viewParts(request);
    const read = performance.now();
    const viewSession = state.gp.Directory.fromViewParts(parts.personal, parts.shared);
    const done = performance.now();
    // What the browser holds: both parts (the shared one fetched once per audience).
    const bytes = new Uint8Array(parts.personal.byteLength + parts.shared.byteLength);
    bytes.set(parts.personal);
    bytes.set(parts.shared, parts.personal.byteLength);
    return { bytes, parts, session: viewSession, contents: viewSession.viewContents(), writeMs: read - written, readMs: done - read };
  } catch (error) {
    return { error };
  }
}

/** Who else receives the same shared part, by audience. */
const SHARED_WITH = {
  members: "every member",
  limitedGuest: "every guest with limited access",
  restrictedGuest: "every guest with restricted access",
};

/** The gzipped size of `data`, with the browser's CompressionStream (null without one). */
async function gzipped(data) {
  if (typeof CompressionStream !== "function") return null;
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

function row(part, inView, whole, note) {
  return h(
    "tr",
    { dataset: { part } },
    h("th", { scope: "row" }, part),
    h("td", { class: "num" }, inView),
    h("td", { class: "num muted" }, whole ?? ""),
    h("td", { class: "muted" }, note ?? ""),
  );
}

function table(c, all) {
  return h(
    "table",
    { class: "view-contents" },
    h("caption", { class: "visually-hidden" }, "What the view holds, beside the whole directory"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Part"), h("th", { scope: "col" }, "In the view"), h("th", { scope: "col" }, "Whole directory"), h("th", { scope: "col" }, "How"))),
    h(
      "tbody",
      {},
      row("People, readable", number(c.people), number(all.users), c.audience === "members" ? "this tenant's people" : "themselves and whom they may see"),
      row("People by exact address", number(c.sealedPeople), "", c.sealedPeople ? "keyed hashes, each record sealed under its address" : "none"),
      row("Flows", number(c.flows), number(all.flows), `a role on each; ${number(c.unseenFlows)} others as digests (they answer NO_ROLE)`),
      row("Approvals", number(c.approvals), number(all.approvals), "theirs, in this tenant"),
      row("Groups", number(c.groups), number(all.groups), c.unseenGroups ? `${number(c.unseenGroups)} others as digests` : ""),
      row("Apps", number(c.apps), number(all.apps), ""),
      row("Tenants", number(c.tenants), number(all.tenants), c.homeTenantNames ? `and ${number(c.homeTenantNames)} home tenant names beside guests` : "this one, and a guest's home"),
    ),
  );
}

function render() {
  const view = state.view;
  if (!state.session || !view) return show(target, h("p", { class: "muted" }, "Nobody is signed in."));
  if (view.error) return show(target, errorBox(view.error, "No view"));
  const c = view.contents;
  const who = state.session.whoami();
  const size = h("strong", { dataset: { raw: String(view.bytes.byteLength) } }, bytes(view.bytes.byteLength));
  const zipped = h("span", { class: "muted" }, "");
  show(
    target,
    h(
      "p",
      { class: "view-summary", dataset: { audience: c.audience, people: String(c.people), flows: String(c.flows), bytes: String(view.bytes.byteLength) } },
      `${who.displayName}'s view of ${tenantName(who.tenantId)}: `,
      size,
      zipped,
      ` — written in ${ms(view.writeMs)}, read in ${ms(view.readMs)}. People part: `,
      h("strong", {}, AUDIENCE[c.audience] ?? c.audience),
      ".",
    ),
    h(
      "p",
      { class: "view-parts muted", dataset: { sharedHash: view.parts.sharedHash } },
      `In two parts: the shared part, ${bytes(view.parts.shared.byteLength)}, the same bytes for ${SHARED_WITH[c.audience] ?? "everyone of the audience"} of ${tenantName(who.tenantId)} (cached once under its SHA-256 ${view.parts.sharedHash.slice(0, 12)}…), and the personal part, ${bytes(view.parts.personal.byteLength)}.`,
    ),
    table(c, state.dir.stats()),
  );
  const shown = view;
  gzipped(view.bytes).then((n) => {
    if (n === null || state.view !== shown) return;
    zipped.textContent = ` (${bytes(n)} gzipped)`;
    size.dataset.gzipped = String(n);
  });
}

/** Wires the panel; it makes every sign-in's view, so set it up before the reading panels. */
export function setupView() {
  setViewMaker(makeView);
  toggle.checked = state.fromView;
  toggle.addEventListener("change", () => {
    state.fromView = toggle.checked;
    document.body.dataset.fromView = String(state.fromView);
    sessionAgain();
  });
  document.body.dataset.fromView = String(state.fromView);
  onSession(render);
  onChange(render);
}
