// The `guestpass` entry under Node: reads the .wasm next to this file and instantiates it
// synchronously, so `import { Directory } from "guestpass"` is ready to use.
import { readFileSync } from "node:fs";
import { initSync } from "./guestpass.js";
import { connectErrors } from "./errors.js";

export * from "./api.js";

initSync({ module: readFileSync(new URL("./guestpass_bg.wasm", import.meta.url)) });
connectErrors();
