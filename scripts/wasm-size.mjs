#!/usr/bin/env node
// Prints the size of a .wasm file raw, gzipped (level 9) and with brotli (quality 11), one
// line:
//   guestpass_bg.wasm: 123,456 bytes raw, 45,678 bytes gzipped, 34,567 bytes brotli
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const file = process.argv[2] ?? "pkg/guestpass_bg.wasm";
const bytes = readFileSync(file);
const gzipped = gzipSync(bytes, { level: 9 }).length;
const brotli = brotliCompressSync(bytes, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
}).length;
const n = (x) => x.toLocaleString("en-US");
console.log(
  `${basename(file)}: ${n(bytes.length)} bytes raw, ${n(gzipped)} bytes gzipped, ${n(brotli)} bytes brotli`,
);
