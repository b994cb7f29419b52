// The `guestpass` entry for bundlers (Vite, webpack, Rollup) and browsers with top-level
// await. The `new URL(..., import.meta.url)` form lets the bundler emit the .wasm as an
// asset; the module is ready when the import resolves.
import initWasm from "./guestpass.js";
import { connectErrors } from "./errors.js";

export * from "./api.js";

await initWasm({ module_or_path: new URL("./guestpass_bg.wasm", import.meta.url) });
connectErrors();
