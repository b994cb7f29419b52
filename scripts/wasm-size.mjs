#!/usr/bin/env node
// Prints the size of each .wasm file raw, gzipped (level 9) and with brotli (quality 11),
// one line each:
//   guestpass_bg.wasm: 123,456 bytes raw, 45,678 bytes gzipped, 34,567 bytes brotli
// A file given as `path:limit` must be at most `limit` bytes gzipped: past it the line says
// so and the script exits 1 (make size: the view runtime's 150 KB of issue 17).
//   node scripts/wasm-size.mjs pkg/guestpass_bg.wasm pkg/view/guestpass_bg.wasm:150000
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const n = (x) => x.toLocaleString("en-US");
let over = false;
for (const arg of process.argv.length > 2 ? process.argv.slice(2) : ["pkg/guestpass_bg.wasm"]) {
  const [, file, limitText] = arg.match(/^(.*?)(?::(\d+))?$/);
  const bytes = readFileSync(file);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  let line = `${file}: ${n(bytes.length)} bytes raw, ${n(gzipped)} bytes gzipped, ${n(brotli)} bytes brotli`;
  if (limitText !== undefined) {
    const limit = Number(limitText);
    const within = gzipped <= limit;
    line += within ? ` (within ${n(limit)} gzipped)` : ` -- OVER the ${n(limit)} bytes gzipped it may have`;
    over ||= !within;
  }
  console.log(line);
}
process.exit(over ? 1 : 0);
