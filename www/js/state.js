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
  /**
   * What the signed-in person's browser would receive: `{ bytes, session, contents,
   * writeMs, readMs }` (`dir.viewFor`, `Directory.fromView`), or `{ error }`, or null.
   */
  view: null,
  /** Whether the picker, access and approvals panels answer from the view. */
  fromView: true,
  /** The sample's well-known objects (sampleWorld at its smallest): tenants, people, groups, flows. */
  known: null,
  /** Tenant id → tenant, user id → user (well-known ones, plus people signed in through the picker). */
  tenants: new Map(),
  users: new Map(),
};

const listeners = { session: new Set(), change: new Set() };

/** Makes the view of a session (panels/view.js); null until that panel is set up. */
let makeView = null;

/** Sets how the view of the signed-in person is made; it is remade on every sign-in and change. */
export function setViewMaker(fn) {
  makeView = fn;
}

/** The view of the signed-in person, made again (the server's fresh view after a change). */
function refreshView() {
  state.view?.session?.free();
  state.view = state.session && makeView ? makeView(state.session) : null;
}

/**
 * The session the reading panels ask: the view's (what the person's browser holds) when
 * the demo answers from views, else the session on the whole directory. Changes always
 * go to `state.session`: a view refuses them (`VIEW_READ_ONLY`), as the server decides.
 */
export const reader = () => (state.fromView && state.view?.session) || state.session;

/** Tells every panel that follows the session to render again (e.g. the view switch). */
export function sessionAgain() {
  for (const fn of listeners.session) fn(state.session);
}

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
  refreshView();
  for (const fn of listeners.session) fn(session);
}

export function changed(what) {
  refreshView();
  for (const fn of listeners.change) fn(what);
}

/** The name of a tenant, else its id. */
export const tenantName = (id) => state.tenants.get(id)?.displayName ?? id;

/** The name of a user (well-known or seen), else its id. */
export const userName = (id) => state.users.get(id)?.displayName ?? id;

/** Whether `fn` exists on the session (a feature of this build). */
export const sessionHas = (name) => state.session !== null && typeof state.session[name] === "function";
