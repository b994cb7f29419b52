// Features: `session.features()` as a table, each "no" with its code and message.
import { h, show, yesNo, outcomeBadge, errorBox } from "../dom.js";
import { state, onSession, onChange } from "../state.js";

const target = document.getElementById("features");

const ROWS = [
  ["createFlows", "Create flows"],
  ["runFlows", "Run flows shared with them"],
  ["approvals", "Approvals"],
  ["widgets", "Flows in widgets (SharePoint, Teams, Excel…)"],
  ["processMining", "Process Mining"],
];

const SEARCH = {
  full: "the whole directory, typeahead",
  exactOnly: "an exact mail or sign-in name only",
  none: "no directory search",
};

function render() {
  const session = state.session;
  if (!session) return show(target, h("p", { class: "muted" }, "Nobody is signed in."));
  let f;
  try {
    f = session.features();
  } catch (error) {
    return show(target, errorBox(error));
  }
  const rows = ROWS.map(([key, name]) =>
    h(
      "tr",
      { dataset: { feature: key, allowed: String(f[key].allowed), outcome: f[key].outcome } },
      h("th", { scope: "row" }, name),
      h("td", {}, outcomeBadge(f[key])),
      h("td", {}, f[key].code ? [h("span", { class: "code" }, f[key].code), " — ", f[key].message] : ""),
    ),
  );
  const ps = f.peopleSearch;
  rows.push(
    h(
      "tr",
      { dataset: { feature: "peopleSearch", allowed: String(ps.allowed) } },
      h("th", { scope: "row" }, "People search"),
      h("td", {}, yesNo(ps.allowed)),
      h("td", {}, SEARCH[ps.mode] ?? ps.mode, ps.code ? [" — ", h("span", { class: "code" }, ps.code)] : ""),
    ),
  );
  const license =
    f.license === "thisTenant"
      ? "assigned in this tenant"
      : f.license === "homeTenant"
        ? "assigned in the guest's home tenant"
        : "none that counts";
  show(
    target,
    h(
      "table",
      {},
      h("caption", { class: "visually-hidden" }, "Features of the signed-in person"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Feature"), h("th", { scope: "col" }, "Allowed"), h("th", { scope: "col" }, "Why not"))),
      h("tbody", {}, rows),
    ),
    h("p", { class: "hint" }, "License that counts for flows: ", h("strong", {}, license), "."),
  );
}

export function setupFeatures() {
  onSession(render);
  onChange(render);
}
