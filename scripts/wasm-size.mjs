#!/usr/bin/env node
// Prints the size of a .wasm file raw and gzipped (level 9), one line:
//   guestpass_bg.wasm: 123,456 bytes raw, 45,678 bytes gzipped
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { gzipSync } from "node:zlib";

const file = process.argv[2] ?? "pkg/guestpass_bg.wasm";
const bytes = readFileSync(file);
const gzipped = gzipSync(bytes, { level: 9 }).length;
const n = (x) => x.toLocaleString("en-US");
console.log(`${basename(file)}: ${n(bytes.length)} bytes raw, ${n(gzipped)} bytes gzipped`);
