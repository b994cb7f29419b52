// "Signed in as": a tenant and a person of it. Switching tenant keeps the same human
// when they have an account there (bob in contoso ↔ bob-at-fabrikam, his guest account in
// fabrikam), so the approvals inbox visibly follows the tenant, not the person.
import { h, show, errorBox } from "../dom.js";
import { state, setSession, tenantName } from "../state.js";

const tenantSelect = document.getElementById("tenant");
const personSelect = document.getElementById("person");
const result = document.getElementById("signin-result");

/** The human behind a user object: a guest's home user, else the user itself. */
const humanOf = (user) => user.homeUserId ?? user.id;

function label(user) {
  if (user.userType !== "Guest") return `${user.displayName} — member`;
  const from = user.homeTenantId ? `guest from ${tenantName(user.homeTenantId)}` : `guest (${user.mail ?? "outside account"})`;
  return user.externalUserState === "PendingAcceptance" ? `${user.displayName} — ${from}, invitation pending` : `${user.displayName} — ${from}`;
}

function peopleOf(tenantId) {
  return [...state.users.values()]
    .filter((u) => u.tenantId === tenantId)
    .sort((a, b) => (a.userType === "Guest") - (b.userType === "Guest") || a.displayName.localeCompare(b.displayName));
}

function fillPeople(tenantId, wanted) {
  const people = peopleOf(tenantId);
  personSelect.replaceChildren(
    ...people.map((u) => h("option", { value: u.id, selected: u.id === wanted }, label(u))),
  );
  personSelect.disabled = people.length === 0;
}

function describe(who, redeemed) {
  const where = tenantName(who.tenantId);
  const kind =
    who.userType === "Guest"
      ? h("span", { class: "badge guest" }, who.homeTenantId ? `Guest · ${tenantName(who.homeTenantId)}` : "Guest · outside account")
      : h("span", { class: "badge member" }, "Member");
  return h(
    "p",
    { class: "whoami", dataset: { user: who.userId, tenant: who.tenantId } },
    "Signed in as ",
    h("strong", {}, who.displayName),
    " ",
    kind,
    ` in ${where} `,
    h("span", { class: "code muted" }, `(${who.userId})`),
    redeemed ? h("span", { class: "badge yes", dataset: { redeemed: "true" } }, "invitation redeemed at this first sign-in") : null,
  );
}

function signIn() {
  const tenantId = tenantSelect.value;
  const user = personSelect.value;
  try {
    // A pending guest redeems at first sign-in (Entra "B2B collaboration invitation redemption").
    const before = state.users.get(user);
    const session = state.dir.signIn({ tenantId, user });
    const redeemed = before?.externalUserState === "PendingAcceptance";
    if (redeemed) {
      const now = { ...before, externalUserState: "Accepted" };
      state.users.set(user, now);
      if (personSelect.selectedOptions[0]) personSelect.selectedOptions[0].textContent = label(now);
    }
    show(result, describe(session.whoami(), redeemed));
    setSession(session);
  } catch (error) {
    show(result, errorBox(error, "Sign-in refused"));
    setSession(null);
  }
}

/** Wires the tenant and person selects; returns what other panels use. */
export function setupSignIn() {
  tenantSelect.replaceChildren(
    ...state.known.tenants.map((t) => h("option", { value: t.id }, `${t.displayName} (${t.cloud ?? "global"})`)),
  );
  tenantSelect.disabled = false;

  tenantSelect.addEventListener("change", () => {
    const before = state.users.get(personSelect.value);
    const human = before ? humanOf(before) : null;
    const same = peopleOf(tenantSelect.value).find((u) => humanOf(u) === human);
    const fallback = peopleOf(tenantSelect.value).find((u) => u.userType !== "Guest");
    fillPeople(tenantSelect.value, (same ?? fallback)?.id);
    signIn();
  });
  personSelect.addEventListener("change", signIn);

  return {
    /** Signs in bob at contoso, or whoever was selected before a reload of the directory. */
    signInDefault() {
      const tenantId = tenantSelect.value && state.tenants.has(tenantSelect.value) ? tenantSelect.value : "contoso";
      tenantSelect.value = tenantId;
      fillPeople(tenantId, personSelect.value || "bob");
      signIn();
    },
    /** Signs in someone found with the people picker (any of the directory's people). */
    signInAs(person) {
      if (!state.users.has(person.id)) state.users.set(person.id, { ...person, tenantId: tenantSelect.value });
      fillPeople(tenantSelect.value, person.id);
      signIn();
    },
    signOut() {
      setSession(null);
      show(result);
    },
  };
}
