#!/bin/sh
# Rebuilds pkg/'s view runtime (`view`, the default) or full module (`full`) with its
# function names kept, in place, for a profiler to name what it samples (the package's own
# build strips them). Run `make build-package` first (this checks the glue is the same)
# and again afterwards to put the shipped module back.
#
#   sh scripts/wasm-named.sh [view|full]
#   node scripts/profile-view.mjs target/view-parts-100k
set -e
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
which=${1:-view}
out=$(mktemp -d)
if [ "$which" = view ]; then
  CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_TARGET_DIR=target/view-runtime \
    cargo build -q --release --target wasm32-unknown-unknown -p guestpass-wasm --no-default-features
  built=target/view-runtime/wasm32-unknown-unknown/release/guestpass_wasm.wasm
  into=pkg/view
else
  CARGO_TARGET_DIR=target/full-named cargo build -q --release --target wasm32-unknown-unknown -p guestpass-wasm
  built=target/full-named/wasm32-unknown-unknown/release/guestpass_wasm.wasm
  into=pkg
fi
wasm-bindgen --target web --out-dir "$out" --out-name guestpass "$built"
wasm-opt -g -Os --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$out/guestpass_bg.wasm" -o "$out/guestpass_bg.wasm"
cmp -s "$out/guestpass.js" "$into/guestpass.js" || { echo "wasm-named: the glue differs from $into's: run make build-package first" >&2; exit 1; }
cp "$out/guestpass_bg.wasm" "$into/guestpass_bg.wasm"
rm -rf "$out"
echo "wasm-named: $into/guestpass_bg.wasm now has its function names; make build-package restores it"
