// The demo page, built on the package the way a widget developer would use it:
// `guestpass/web` with an explicit `init()`, a sample directory loaded from a snapshot
// (the built-in one the server holds, then the one kept in IndexedDB), and panels that
// each ask a `Session` one kind of question.
import init, * as gp from "/pkg/web.js";
import { number, ms, bytes, show } from "./dom.js";
import { loadSnapshot, saveSnapshot, forgetSnapshots } from "./snapshots.js";
import { state, onChange, figures } from "./state.js";
import { setupSignIn } from "./panels/signin.js";
import { setupFeatures } from "./panels/features.js";
import { setupView } from "./panels/view.js";
import { setupPicker } from "./panels/picker.js";
import { setupAccess } from "./panels/access.js";
import { setupApprovals } from "./panels/approvals.js";
import { setupGroups } from "./panels/groups.js";
import { setupCollaboration } from "./panels/collaboration.js";
import { showWasmSize, showStats } from "./panels/footer.js";

/** The sample's clock: approvals are judged as of the end of the sample's two weeks. */
const SAMPLE_CLOCK = "2026-11-20T12:00:00Z";
const SEED = 42;

const status = document.getElementById("status");
const progress = document.getElementById("load-progress");
const sizeSelect = document.getElementById("size");

function say(text, step, error = false) {
  status.textContent = text;
  status.classList.toggle("error", error);
  if (step !== undefined) progress.value = step;
}

/** Lets the browser paint the progress before a long synchronous call. */
const paint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** One snapshot per sample size; the record says which guestpass version wrote it. */
const snapshotKey = (size) => `sample-${size}-seed${SEED}`;

/**
 * The built-in snapshot of the sample of `size` people, as the server holds it
 * (scripts/demo-samples.mjs writes them at build time), or null when it has none.
 */
async function fetchBuiltIn(size) {
  try {
    const response = await fetch(`/samples/sample-${size}-seed${SEED}.bin`);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/**
 * Loads the sample directory of `size` people: from the IndexedDB snapshot when there is
 * one, else from the server's built-in snapshot, else generated in the page (and then
 * saved in IndexedDB for the next visit). `builtIn` is the built-in snapshot's fetch, when
 * the caller started it early.
 */
async function loadDirectory(size, lookup, builtIn) {
  const key = snapshotKey(size);
  say(`Looking for a saved snapshot of ${number(size)} people…`, 1);
  const saved = await (lookup ?? loadSnapshot(key));
  figures.snapshotLookedUpAt = performance.now();
  let dir = null;
  let how;
  if (saved?.bytes && saved.version !== gp.version()) {
    how = { refused: `written by guestpass ${saved.version}` };
  } else if (saved?.bytes) {
    say(`Reading the snapshot (${bytes(saved.bytes.byteLength)})…`, 2);
    await paint();
    const started = performance.now();
    try {
      dir = gp.Directory.fromBytes(saved.bytes);
      how = { source: "snapshot", ms: performance.now() - started, bytes: saved.bytes.byteLength };
    } catch (error) {
      // A damaged or outdated snapshot: say which, and build the directory again.
      console.warn(`snapshot refused: ${error.code}`, error);
      how = { refused: error.code };
    }
  }
  if (!dir) {
    const sample = await (builtIn ?? fetchBuiltIn(size));
    if (sample) {
      say(`Reading the built-in sample snapshot (${bytes(sample.byteLength)})…`, 2);
      await paint();
      const started = performance.now();
      try {
        dir = gp.Directory.fromBytes(sample);
        how = { ...how, source: "built-in", ms: performance.now() - started, bytes: sample.byteLength };
      } catch (error) {
        // A snapshot from another build: generate the sample instead.
        console.warn(`built-in snapshot refused: ${error.code}`, error);
        how = { ...how, refused: error.code };
      }
    }
  }
  if (!dir) {
    say(`Generating ${number(size)} people, their groups, flows and approvals…`, 2);
    await paint();
    const started = performance.now();
    dir = gp.Directory.sample({ users: size, seed: SEED });
    how = { ...how, source: "generated", ms: performance.now() - started };
  }
  if (typeof dir.setClock === "function") dir.setClock(SAMPLE_CLOCK);
  figures.directoryAt = performance.now();
  return { dir, how, key };
}

function describeLoad(size, how) {
  const what = `${number(size)} people`;
  if (how.source === "snapshot") return `Loaded ${what} from snapshot in ${ms(how.ms)}.`;
  if (how.source === "built-in") return `Loaded ${what} from the built-in sample snapshot in ${ms(how.ms)}.`;
  const refused = how.refused ? ` (the saved snapshot was not used: ${how.refused})` : "";
  return `Generated ${what} in ${ms(how.ms)}${refused}.`;
}

/** Runs `work` when the page is idle (toBytes takes the main thread for a moment). */
const whenIdle = (work) =>
  typeof requestIdleCallback === "function" ? requestIdleCallback(work, { timeout: 3000 }) : setTimeout(work, 200);

let saveTimer = 0;
/** Saves the current directory as the snapshot, a moment after the last change, when idle. */
function scheduleSave(key, delay = 400) {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => whenIdle(save), delay);
  async function save() {
    const started = performance.now();
    const snapshot = state.dir.toBytes();
    const saved = await saveSnapshot(key, snapshot, gp.version());
    figures.snapshot = { bytes: snapshot.byteLength, ms: performance.now() - started, saved };
    status.dataset.snapshot = saved ? "saved" : "unavailable";
    const note = saved
      ? ` Snapshot saved (${bytes(snapshot.byteLength)}): a reload loads it from IndexedDB.`
      : " (IndexedDB is not available here: no snapshot.)";
    if (!status.textContent.includes("Snapshot saved")) status.textContent += note;
  }
}

let panels = null;
let currentKey = null;

async function start(size, lookup, builtIn) {
  const began = performance.now();
  sizeSelect.disabled = true;
  if (state.dir) {
    panels?.signOut();
    state.dir.free();
    state.dir = null;
  }
  try {
    const { dir, how, key } = await loadDirectory(size, lookup, builtIn);
    state.dir = dir;
    currentKey = key;
    say(describeLoad(size, how), 3);
    status.dataset.source = how.source;
    figures.loads.push({ size, ...how, readyAt: performance.now(), tookMs: performance.now() - began });
    if (!panels) panels = setupPanels();
    panels.signInDefault();
    showStats();
    progress.value = 4;
    document.body.dataset.ready = String(size);
    // Save the snapshot once the page has been idle a while, so it never competes with
    // the first search (toBytes holds the main thread for a moment).
    if (how.source !== "snapshot") scheduleSave(key, 2000);
  } catch (error) {
    say(`Could not load the directory: ${error.code ?? ""} ${error.message ?? error}`, 0, true);
    throw error;
  } finally {
    sizeSelect.disabled = false;
  }
}

function setupPanels() {
  const signIn = setupSignIn();
  // First: it makes each sign-in's view, which the reading panels below answer from.
  setupView();
  setupFeatures();
  setupPicker(signIn);
  setupAccess();
  setupApprovals();
  setupGroups();
  setupCollaboration();
  onChange(() => {
    showStats();
    if (currentKey) scheduleSave(currentKey);
  });
  return signIn;
}

async function main() {
  const params = new URLSearchParams(location.search);
  const asked = Number(params.get("size"));
  if ([2000, 20000, 100000].includes(asked)) sizeSelect.value = String(asked);

  // Look for the snapshot while the WebAssembly module compiles; without one, fetch the
  // built-in one meanwhile.
  const size = Number(sizeSelect.value);
  const lookup = loadSnapshot(snapshotKey(size));
  const builtIn = lookup.then((saved) => (saved?.bytes ? null : fetchBuiltIn(size)));
  await init();
  state.gp = gp;
  status.dataset.version = gp.version();
  show("version", gp.version());
  figures.wasmReadyAt = performance.now();

  // The sample's well-known people, groups and flows: the smallest sample holds just them.
  const known = gp.sampleWorld({ users: 1, seed: SEED });
  figures.knownReadyAt = performance.now();
  state.known = known;
  for (const t of known.tenants) state.tenants.set(t.id, t);
  for (const u of known.users) state.users.set(u.id, u);

  sizeSelect.addEventListener("change", () => {
    const size = Number(sizeSelect.value);
    const url = new URL(location.href);
    url.searchParams.set("size", String(size));
    history.replaceState(null, "", url);
    start(size);
  });
  document.getElementById("forget").addEventListener("click", async () => {
    clearTimeout(saveTimer);
    await forgetSnapshots();
    delete status.dataset.snapshot;
    say("Snapshots forgotten: the next load starts from the built-in sample again.");
  });

  await start(size, lookup, builtIn);
  setTimeout(() => whenIdle(showWasmSize), 1500);
}

main().catch((error) => {
  console.error(error);
  say(`Could not start guestpass: ${error.code ?? ""} ${error.message ?? error}`, 0, true);
});
