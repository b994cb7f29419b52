// A tiny element builder: text is always set as text (never parsed as HTML), so names
// and addresses from the directory cannot inject markup.

/**
 * h("li", { class: "x", role: "option", onclick: fn }, "text", child, [more])
 * Attributes starting with "on" become listeners; `false`/`null`/`undefined` are skipped;
 * `dataset` takes an object.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key === "class") el.className = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of `el` (an element or its id). */
export function show(el, ...children) {
  const target = typeof el === "string" ? document.getElementById(el) : el;
  target.replaceChildren();
  append(target, children);
  return target;
}

/** A yes/no badge. */
export function yesNo(allowed, yes = "yes", no = "no") {
  return h("span", { class: `badge ${allowed ? "yes" : "no"}` }, allowed ? `✓ ${yes}` : `✗ ${no}`);
}

/** A yes/no badge, or "not known" for an answer whose `outcome` is `unknown`. */
export function outcomeBadge(answer, yes = "yes", no = "no") {
  if (answer.outcome === "unknown") return h("span", { class: "badge pending" }, "? not known");
  return yesNo(answer.allowed, yes, no);
}

/** An error box for a thrown GuestPassError (or anything else). */
export function errorBox(error, what) {
  const code = error?.code;
  return h(
    "div",
    { class: "alert error", role: "alert", dataset: { code: code ?? "" } },
    what ? `${what}: ` : "",
    code ? h("span", { class: "code" }, code) : "",
    code ? " — " : "",
    error?.message ?? String(error),
  );
}

/** "12.3 ms" / "1.2 s". */
export function ms(value) {
  if (value < 1) return `${value.toFixed(2)} ms`;
  if (value < 1000) return `${value.toFixed(1)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

/** "1.2 MB" / "340 KB" / "512 B". */
export function bytes(n) {
  if (n < 1000) return `${n} B`;
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  return `${Math.round(n / 1000)} KB`;
}

export const number = (n) => n.toLocaleString("en-US");
