// The approvals inbox of the tenant signed into: `session.approvals({ box, status })`,
// with Respond / Cancel where the person may. The list is read from the person's view
// (panels/view.js) unless the view switch is off; responses go to the whole directory.
import { h, show, errorBox } from "../dom.js";
import { state, reader, onSession, onChange, changed, userName, sessionHas } from "../state.js";

const target = document.getElementById("approvals");
const boxSelect = document.getElementById("approvals-box");
const statusSelect = document.getElementById("approvals-status");

const TYPE = {
  firstToRespond: "first to respond",
  everyoneMustApprove: "everyone must approve",
  customWaitForOne: "custom, first response",
  customWaitForAll: "custom, all respond",
  sequential: "sequential",
};

let notice = null;

function act(label, run) {
  return h("button", {
    type: "button",
    class: "small",
    onclick: () => {
      try {
        const approval = run();
        notice = h("div", { class: "alert ok", role: "status" }, `${label}: “${approval.title}” is ${approval.status}${approval.outcome ? ` (${approval.outcome})` : ""}.`);
      } catch (error) {
        notice = errorBox(error, label);
      }
      changed("approvals");
    },
  }, label);
}

function item(a) {
  // Responding is a change: the whole directory's session decides it (the server, in a
  // real deployment), and the view is written again after it.
  const s = state.session;
  const buttons = [];
  if (a.canRespond) for (const option of a.responseOptions) buttons.push(act(option, () => s.respond(a.id, option, "from the guestpass demo")));
  if (a.canCancel) buttons.push(act("Cancel", () => s.cancel(a.id)));
  return h(
    "li",
    { dataset: { id: a.id, status: a.status, tenant: a.tenantId } },
    h("div", { class: "title" }, a.title, " ", h("span", { class: `badge ${a.status === "pending" ? "pending" : a.status === "completed" ? "yes" : "no"}` }, a.status)),
    h(
      "div",
      { class: "meta" },
      `${TYPE[a.type] ?? a.type} · asked by ${userName(a.requesterId)} · ${a.createdAt.slice(0, 10)}`,
      a.waitingFor.length ? ` · waiting for ${a.waitingFor.map(userName).join(", ")}` : "",
      a.via?.length ? ` · approver through ${a.via.join(" → ")}` : "",
      a.outcome ? ` · outcome ${a.outcome}` : "",
    ),
    buttons.length ? h("div", { class: "row", style: "margin-top:.35rem" }, buttons) : null,
  );
}

function render() {
  const s = reader();
  if (!s) return show(target, h("p", { class: "muted" }, "Nobody is signed in."));
  if (!sessionHas("approvals")) return show(target, h("p", { class: "muted" }, "Approvals (session.approvals) are not in this build of guestpass yet."));
  let items;
  let blocked;
  try {
    ({ items, blocked } = s.approvals({ box: boxSelect.value, status: statusSelect.value }));
  } catch (error) {
    return show(target, notice, errorBox(error));
  }
  // A blocked list says why: a missing prerequisite (denied) or a guest's home fact that
  // is not known (unknown).
  const empty = !blocked
    ? h("p", { class: "muted", dataset: { empty: "true" } }, `No ${statusSelect.value === "all" ? "" : statusSelect.value + " "}approvals in this box of ${state.tenants.get(s.tenantId)?.displayName ?? s.tenantId}.`)
    : h(
        "p",
        { class: "alert info", dataset: { empty: "true", outcome: blocked.outcome } },
        blocked.outcome === "unknown" ? "Not known yet: " : "No approvals: ",
        h("span", { class: "code" }, blocked.code),
        ` — ${blocked.message}.`,
      );
  const clock = state.dir.clock;
  show(
    target,
    notice,
    items.length ? h("ul", { class: "approvals", "aria-label": "Approvals" }, items.map(item)) : empty,
    clock ? h("p", { class: "hint" }, `Judged at ${clock.replace("T", " ").replace("Z", " UTC")}, the sample's clock.`) : null,
  );
  notice = null;
}

export function setupApprovals() {
  boxSelect.addEventListener("change", render);
  statusSelect.addEventListener("change", render);
  onSession(render);
  onChange(render);
}
