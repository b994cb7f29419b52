// Directory snapshots in IndexedDB: `dir.toBytes()` in, `Directory.fromBytes()` out, so a
// reload starts from the saved directory instead of building it again.

const DB = "guestpass-demo";
const STORE = "snapshots";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The saved snapshot `{ bytes: Uint8Array, savedAt, version }` under `key`, or undefined. */
export async function loadSnapshot(key) {
  try {
    return await run("readonly", (store) => store.get(key));
  } catch {
    return undefined; // no IndexedDB (private mode, blocked): start from scratch
  }
}

/** Saves `bytes` under `key`; resolves to false when IndexedDB is not available. */
export async function saveSnapshot(key, bytes, version) {
  try {
    await run("readwrite", (store) => store.put({ bytes, version, savedAt: new Date().toISOString() }, key));
    return true;
  } catch {
    return false;
  }
}

/** Forgets every saved snapshot. */
export async function forgetSnapshots() {
  try {
    await run("readwrite", (store) => store.clear());
  } catch {
    // nothing saved, nothing to forget
  }
}
