#!/usr/bin/env bash
# Installs what `make test` and `make demo` need and skips whatever is already there.
#
#   scripts/setup.sh            everything, including Debian's Chromium for browser tests
#   scripts/setup.sh --no-browser   everything but Chromium (what `make demo` uses)
#
# Each step follows TOOLCHAIN.md: no `--locked` for cargo installs, wasm-bindgen-cli at the
# exact version in Cargo.lock, wasm-opt from the npm package `binaryen`, Chromium only from
# Debian (and only when running as root; otherwise browser tests are skipped loudly).
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

want_browser=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) want_browser=0 ;;
    *) echo "setup: unknown argument $arg" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed. $2"; }
need cargo "Install Rust with rustup (https://rustup.rs)."
need rustup "Install Rust with rustup (https://rustup.rs); the wasm32 target is added through it."
need node "Install Node.js 20 or newer."
need npm "Install npm (it ships with Node.js)."

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || die "Node.js $(node --version) is too old; guestpass needs Node.js 20 or newer."

# --- Rust: the Wasm target and the components the checks use --------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "$component: present"
  else
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# --- wasm-pack -------------------------------------------------------------------------
if command -v wasm-pack >/dev/null 2>&1; then
  say "wasm-pack: present ($(wasm-pack --version))"
else
  say "installing wasm-pack (cargo install, a few minutes)"
  cargo install wasm-pack
fi

# --- wasm-bindgen CLI, exactly the version in Cargo.lock --------------------------------
bindgen_version=$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)
[ -n "$bindgen_version" ] || die "could not read the wasm-bindgen version from Cargo.lock"
have_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_bindgen" = "$bindgen_version" ]; then
  say "wasm-bindgen-cli $bindgen_version: present"
else
  say "installing wasm-bindgen-cli $bindgen_version (Cargo.lock has it; found '${have_bindgen:-none}'), a few minutes"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# --- Chromium and chromedriver for the browser tests ----------------------------------
if [ "$want_browser" = 1 ]; then
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    say "chromium + chromedriver: present ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends chromium chromium-driver
  else
    cat >&2 <<'MSG'

setup: ##########################################################################
setup: #  Chromium is not installed and this user cannot install it (not root). #
setup: #  The headless-browser tests will be SKIPPED. To run them, install       #
setup: #  Debian's packages:  sudo apt-get install chromium chromium-driver      #
setup: ##########################################################################

MSG
  fi
fi

# --- npm packages (binaryen's wasm-opt, TypeScript, playwright-core, ...) --------------
[ -f package-lock.json ] || die "package-lock.json is missing; it must be committed"
if [ -f node_modules/.package-lock.json ] \
   && [ node_modules/.package-lock.json -nt package-lock.json ] \
   && [ node_modules/.package-lock.json -nt package.json ]; then
  say "npm packages: up to date with package-lock.json"
else
  say "npm ci"
  npm ci --no-audit --no-fund
fi
command -v wasm-opt >/dev/null 2>&1 || die "wasm-opt not found in node_modules/.bin (npm package binaryen)"
say "wasm-opt: $(wasm-opt --version)"
say "done"
