// Access to a flow: `allowedActions` for the chips, `checkMany` for every action's answer
// with its role, the groups it came through, and the reason for a no. Asked of the
// person's view (panels/view.js) unless the view switch is off.
import { h, show, outcomeBadge, errorBox } from "../dom.js";
import { state, reader, onSession, onChange, tenantName, sessionHas } from "../state.js";

const ACTIONS = ["run", "edit", "share", "viewRuns", "cancelRun", "resubmitRun", "delete"];
const ROLE = { owner: "owner", coOwner: "co-owner", runOnly: "run-only user" };

const flowSelect = document.getElementById("flow");
const target = document.getElementById("access");

/** The sample's well-known flows (generated ones have ids like `contoso-flow00001`). */
const knownFlows = () => state.known.flows.filter((f) => !/-flow\d+$/.test(f.id));

function fillFlows() {
  const tenantId = state.session?.tenantId;
  const flows = knownFlows();
  const here = flows.filter((f) => f.tenantId === tenantId);
  const elsewhere = flows.filter((f) => f.tenantId !== tenantId);
  const keep = flowSelect.value;
  const opt = (f) => h("option", { value: f.id }, `${f.displayName} (${f.trigger}${f.enabled === false ? ", turned off" : ""})`);
  flowSelect.replaceChildren(
    here.length ? h("optgroup", { label: `In ${tenantName(tenantId)}` }, here.map(opt)) : null,
    h("optgroup", { label: "In other tenants" }, elsewhere.map(opt)),
  );
  // Keep the flow picked before if it is of this tenant; else the tenant's first flow.
  if (here.some((f) => f.id === keep)) flowSelect.value = keep;
  else if (here.length) flowSelect.value = here[0].id;
  else if (elsewhere.some((f) => f.id === keep)) flowSelect.value = keep;
  flowSelect.disabled = !state.session;
}

function render() {
  // The view's session when the demo answers from views (state.js): a read, as a widget does.
  const session = reader();
  if (!session) return show(target, h("p", { class: "muted" }, "Nobody is signed in."));
  if (!sessionHas("check")) return show(target, h("p", { class: "muted" }, "Flow checks (session.check) are not in this build of guestpass yet."));
  const flowId = flowSelect.value;
  let allowed;
  let answers;
  try {
    allowed = session.allowedActions(flowId);
    answers = session.checkMany(ACTIONS.map((action) => ({ id: action, action, flowId })));
  } catch (error) {
    return show(target, errorBox(error));
  }
  const run = answers.find((a) => a.id === "run");
  const role = run && !run.error && run.role ? ROLE[run.role] ?? run.role : null;
  show(
    target,
    h(
      "p",
      { class: "hint", dataset: { role: run?.role ?? "" } },
      role ? ["Role: ", h("strong", {}, role), run.via.length ? ` through ${run.via.join(" → ")}` : " (direct)"] : "No role on this flow.",
    ),
    h(
      "ul",
      { class: "actions", "aria-label": "Actions allowed" },
      ACTIONS.map((a) => h("li", {}, h("span", { class: `badge ${allowed.includes(a) ? "yes" : "no"}`, dataset: { action: a } }, allowed.includes(a) ? `✓ ${a}` : `✗ ${a}`))),
    ),
    h(
      "table",
      {},
      h("caption", { class: "visually-hidden" }, "Every action and its answer"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Action"), h("th", { scope: "col" }, "Answer"), h("th", { scope: "col" }, "Why"))),
      h(
        "tbody",
        {},
        answers.map((a) =>
          h(
            "tr",
            { dataset: { action: a.id, allowed: String(!a.error && a.allowed), code: a.error?.code ?? a.code ?? "" } },
            h("th", { scope: "row", class: "code" }, a.id),
            h("td", {}, a.error ? h("span", { class: "badge no" }, "error") : outcomeBadge(a, "allowed", "refused")),
            h("td", {}, a.error ? [h("span", { class: "code" }, a.error.code), " — ", a.error.message] : a.code ? [h("span", { class: "code" }, a.code), " — ", a.message] : a.message),
          ),
        ),
      ),
    ),
  );
}

export function setupAccess() {
  flowSelect.addEventListener("change", render);
  onSession(() => {
    fillFlows();
    render();
  });
  onChange(render);
}
