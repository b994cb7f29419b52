#!/usr/bin/env bash
# wasm-pack test in headless Chromium, with webdriver.json's flags and Debian's chromedriver.
# Exits 77 (counted as skipped by scripts/step.sh) when there is no Chromium here.
set -euo pipefail
cd "$(dirname "$0")/.."
driver=$(command -v chromedriver || true)
if [ ! -x /usr/bin/chromium ] || [ -z "$driver" ]; then
  echo "!!! SKIPPING wasm-pack test --headless --chrome: no /usr/bin/chromium or chromedriver"
  echo "!!! (run make setup as root, or: sudo apt-get install chromium chromium-driver)"
  exit 77
fi
export CHROMEDRIVER="$driver"
# wasm/tests/wasm/ has no wasm_bindgen_test_configure!(run_in_browser), so the same tests
# run under `--node` too; this tells wasm-bindgen-test-runner to use the browser instead.
# The runner reads webdriver.json from the crate's directory (wasm/webdriver.json).
export WASM_BINDGEN_USE_BROWSER=1
exec wasm-pack test --headless --chrome --chromedriver "$driver" wasm --test wasm
