// The footer's figures: the .wasm size (raw and gzipped, measured here with the browser's
// own CompressionStream) and the directory's size.
import { show, bytes, number } from "../dom.js";
import { state } from "../state.js";

export async function showWasmSize() {
  const target = document.getElementById("wasm-size");
  try {
    const raw = new Uint8Array(await (await fetch("/pkg/guestpass_bg.wasm")).arrayBuffer());
    let gzipped = null;
    if (typeof CompressionStream === "function") {
      const stream = new Blob([raw]).stream().pipeThrough(new CompressionStream("gzip"));
      gzipped = (await new Response(stream).arrayBuffer()).byteLength;
    }
    show(target, `${bytes(raw.byteLength)} raw${gzipped ? `, ${bytes(gzipped)} gzipped` : ""}`);
    target.dataset.raw = String(raw.byteLength);
    if (gzipped) target.dataset.gzipped = String(gzipped);
  } catch {
    show(target, "unknown");
  }
}

export function showStats() {
  if (!state.dir) return;
  const s = state.dir.stats();
  show(
    "dir-stats",
    `${number(s.users)} people (${number(s.guests)} guests), ${number(s.groups)} groups, ${number(s.flows)} flows, ${number(s.approvals)} approvals in ${s.tenants} tenants`,
  );
}
