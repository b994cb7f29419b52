// What the demo's panels share: the directory, the well-known world of the sample (for
// names and pickers), the signed-in session, and change notifications.

/** Figures the browser tests read (and anyone curious, from the console). */
export const figures = (window.guestpassDemo = { loads: [], searches: [] });

export const state = {
  /** The guestpass module (`/pkg/web.js`). */
  gp: null,
  /** The loaded `Directory`. */
  dir: null,
  /** The signed-in `Session`, or null when the sign-in was refused. */
  session: null,
  /** The sample's well-known objects (sampleWorld at its smallest): tenants, people, groups, flows. */
  known: null,
  /** Tenant id → tenant, user id → user (well-known ones, plus people signed in through the picker). */
  tenants: new Map(),
  users: new Map(),
};

const listeners = { session: new Set(), change: new Set() };

/** Calls `fn()` now and whenever someone else signs in. */
export function onSession(fn) {
  listeners.session.add(fn);
}

/** Calls `fn(what)` after a panel changed the directory (an invitation, a response…). */
export function onChange(fn) {
  listeners.change.add(fn);
}

export function setSession(session) {
  if (state.session && state.session !== session) state.session.free();
  state.session = session;
  for (const fn of listeners.session) fn(session);
}

export function changed(what) {
  for (const fn of listeners.change) fn(what);
}

/** The name of a tenant, else its id. */
export const tenantName = (id) => state.tenants.get(id)?.displayName ?? id;

/** The name of a user (well-known or seen), else its id. */
export const userName = (id) => state.users.get(id)?.displayName ?? id;

/** Whether `fn` exists on the session (a feature of this build). */
export const sessionHas = (name) => state.session !== null && typeof state.session[name] === "function";
