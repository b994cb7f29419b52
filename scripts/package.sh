#!/usr/bin/env bash
# Builds the publishable npm package into pkg/ (git-ignored):
#   1. wasm-pack build wasm --release --target web   -> target/wasm-pack/web
#   2. tsc over pkg-template/*.ts beside that output -> the package's entries (.js + .d.ts)
#   3. pkg/ = entries + wasm-bindgen output + pkg-template/package.json (version from
#      Cargo.toml's [workspace.package]) + pkg-template/README.md
#   4. the view runtime (`guestpass/view`): wasm/ again without its `full` feature, at
#      opt-level "z" in target/view-runtime (the full module is "s": Cargo.toml)
#      -> target/wasm-pack/view, tsc over pkg-template/view/*.ts and the shared session
#      files beside it -> pkg/view/
# and prints both .wasm sizes. Needs wasm-pack, wasm-bindgen and wasm-opt (npm binaryen) on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

wasm_out="$PWD/target/wasm-pack/web"
build="$PWD/target/pkg-build"

command -v wasm-opt >/dev/null 2>&1 || { echo "package: wasm-opt not on PATH; run make setup" >&2; exit 1; }

rm -rf "$wasm_out"
# The wasm/ crate (guestpass-wasm) is the package; --out-name keeps the files guestpass*.
wasm-pack build wasm --release --target web --no-pack --out-dir "$wasm_out" --out-name guestpass

rm -rf "$build"
mkdir -p "$build"
cp pkg-template/*.ts pkg-template/tsconfig.json "$build/"
cp "$wasm_out"/guestpass.js "$wasm_out"/guestpass.d.ts \
   "$wasm_out"/guestpass_bg.wasm "$wasm_out"/guestpass_bg.wasm.d.ts "$build/"
# Inline JavaScript modules the Rust side declares (wasm-bindgen snippets: the flow checks
# spell their answers out in JavaScript); guestpass.js imports them from ./snippets/.
if [ -d "$wasm_out/snippets" ]; then cp -R "$wasm_out/snippets" "$build/"; fi
tsc -p "$build/tsconfig.json"

rm -rf pkg
mkdir -p pkg
cp "$build"/out/*.js "$build"/out/*.d.ts pkg/
cp "$build"/guestpass.js "$build"/guestpass.d.ts "$build"/guestpass_bg.wasm "$build"/guestpass_bg.wasm.d.ts pkg/
if [ -d "$build/snippets" ]; then cp -R "$build/snippets" pkg/; fi
cp pkg-template/README.md pkg/
# wasm-bindgen declares `[Symbol.dispose]()` on every class; tell a TypeScript user's
# compiler where that comes from, whatever `lib` their project sets.
if grep -q 'Symbol.dispose' pkg/guestpass.d.ts; then
  { echo '/// <reference lib="esnext.disposable" />'; cat pkg/guestpass.d.ts; } > pkg/guestpass.d.ts.new
  mv pkg/guestpass.d.ts.new pkg/guestpass.d.ts
fi
node scripts/package-json.mjs pkg-template/package.json Cargo.toml > pkg/package.json

# The view runtime: the same crate without `full` exports only what reading a view and
# answering needs; its entries share session.ts and the rest with the full package.
view_out="$PWD/target/wasm-pack/view"
view_build="$PWD/target/pkg-build-view"
rm -rf "$view_out" "$view_build"
# Built for size ("z"; the full module is "s", Cargo.toml), in its own target directory
# so the two builds keep their caches.
CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_TARGET_DIR="$PWD/target/view-runtime" \
  wasm-pack build wasm --release --target web --no-pack --out-dir "$view_out" --out-name guestpass \
  -- --no-default-features
mkdir -p "$view_build"
cp pkg-template/view/*.ts pkg-template/view/tsconfig.json "$view_build/"
for shared in errors types lifetime arguments ready search-unpack session view-load; do cp "pkg-template/$shared.ts" "$view_build/"; done
cp pkg-template/types-*.ts "$view_build/"
cp "$view_out"/guestpass.js "$view_out"/guestpass.d.ts "$view_out"/guestpass_bg.wasm "$view_out"/guestpass_bg.wasm.d.ts "$view_build/"
if [ -d "$view_out/snippets" ]; then cp -R "$view_out/snippets" "$view_build/"; fi
tsc -p "$view_build/tsconfig.json"
mkdir -p pkg/view
cp "$view_build"/out/*.js "$view_build"/out/*.d.ts pkg/view/
cp "$view_build"/guestpass.js "$view_build"/guestpass.d.ts "$view_build"/guestpass_bg.wasm "$view_build"/guestpass_bg.wasm.d.ts pkg/view/
if [ -d "$view_build/snippets" ]; then cp -R "$view_build/snippets" pkg/view/; fi
if grep -q 'Symbol.dispose' pkg/view/guestpass.d.ts; then
  { echo '/// <reference lib="esnext.disposable" />'; cat pkg/view/guestpass.d.ts; } > pkg/view/guestpass.d.ts.new
  mv pkg/view/guestpass.d.ts.new pkg/view/guestpass.d.ts
fi

echo "package: pkg/ holds $(ls pkg | tr '\n' ' ')"
node scripts/wasm-size.mjs pkg/guestpass_bg.wasm pkg/view/guestpass_bg.wasm
