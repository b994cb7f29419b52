// B2B collaboration between every pair of the sample's tenants: `dir.collaboration`.
import { h, show } from "../dom.js";
import { state, onChange, onSession } from "../state.js";

const target = document.getElementById("collaboration");

function cell(resource, home) {
  if (resource.id === home.id) return h("td", { class: "self" }, "—");
  const verdict = state.dir.collaboration(resource.id, home.id);
  const why = verdict.blockers.map((b) => `${b.code} (${b.tenantId}: ${b.setting})`).join("; ");
  return h(
    "td",
    { dataset: { resource: resource.id, home: home.id, allowed: String(verdict.allowed) } },
    verdict.allowed
      ? h("span", { class: "badge yes" }, "✓ allowed")
      : [h("span", { class: "badge no" }, "✗ blocked"), h("div", { class: "code", style: "font-size:.72rem;text-align:left" }, verdict.blockers.map((b) => h("div", {}, `${b.code} · ${b.tenantId}`)))],
    why ? h("span", { class: "visually-hidden" }, `: ${why}`) : null,
  );
}

function render() {
  if (!state.dir) return;
  const tenants = state.known.tenants;
  show(
    target,
    h(
      "table",
      { class: "matrix" },
      h("caption", { class: "visually-hidden" }, "Rows: resource tenant; columns: home tenant"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Resource ↓ / home →"), tenants.map((t) => h("th", { scope: "col" }, t.displayName.split(" ")[0])))),
      h("tbody", {}, tenants.map((r) => h("tr", {}, h("th", { scope: "row" }, `${r.displayName.split(" ")[0]} (${r.cloud ?? "global"})`), tenants.map((home) => cell(r, home))))),
    ),
  );
}

export function setupCollaboration() {
  onSession(render);
  onChange(render);
}
