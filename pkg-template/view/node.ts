// The `guestpass/view` entry under Node: reads the runtime's .wasm next to this file and
// instantiates it synchronously, so `import { fromView } from "guestpass/view"` is ready.
import { readFileSync } from "node:fs";
import { initSync } from "./guestpass.js";
import { connectErrors } from "./errors.js";

export * from "./api.js";

initSync({ module: readFileSync(new URL("./guestpass_bg.wasm", import.meta.url)) });
connectErrors();
