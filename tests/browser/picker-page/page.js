// The picker test page (tests/browser/picker.test.mjs): a sample directory, someone signed
// in, the picker bound to their session. URL parameters: user (default bob), tenant
// (default contoso), size (default 300), dir=rtl, names=0 (no tenant names for badges).
import init, { Directory } from "/pkg/web.js";
import "/pkg/picker.js";

const params = new URLSearchParams(location.search);
if (params.get("dir")) document.documentElement.dir = params.get("dir");
await init();
const dir = Directory.sample({ users: Number(params.get("size") ?? 300) });
const picker = document.getElementById("picker");
window.pickerEvents = [];
picker.addEventListener("selectionChanged", (event) => window.pickerEvents.push(event.detail));
window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
const world = dir.toJSON();
if (params.get("names") !== "0") picker.tenantNames = Object.fromEntries(world.tenants.map((t) => [t.id, t.displayName]));
const people = new Map(world.users.map((u) => [u.id, u]));
picker.lookupPerson = (id) => people.get(id);
window.dir = dir;
window.signIn = (tenantId, user) => {
  picker.session = dir.signIn({ tenantId, user });
};
window.signIn(params.get("tenant") ?? "contoso", params.get("user") ?? "bob");
document.body.dataset.ready = "1";
