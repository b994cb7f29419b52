// The `guestpass/view` entry for bundlers (Vite, webpack, Rollup) and browsers with
// top-level await: the runtime's module (`guestpass_bg.wasm` beside this file, which the
// `new URL(..., import.meta.url)` form lets a bundler emit as an asset) is ready when the
// import resolves.
import initWasm from "./guestpass.js";
import { connectErrors } from "./errors.js";

export * from "./api.js";

await initWasm({ module_or_path: new URL("./guestpass_bg.wasm", import.meta.url) });
connectErrors();
