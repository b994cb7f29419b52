# guestpass: the two commands are `make demo` and `make test`; see README.md.
#
#   make demo      set up, build the package, serve www/ on http://localhost:8080 (PORT=...)
#   make test      set up (installs what is missing), then run every check, failing fast
#   make package   set up, build the publishable npm package into pkg/
#   make setup     install what is missing: wasm32 target, wasm-pack, wasm-bindgen-cli,
#                  Chromium (as root), npm packages
#   make fuzz      run every cargo-fuzz target FUZZ_SECONDS (default 600) each, growing
#                  fuzz/corpus/ (not part of `make test`, which replays the corpus)
#
# The single steps of `make test` are targets too (they assume `make setup` has run):
#   fmt check-docs clippy test-native test-wasm-node test-wasm-chrome build-package check-types
#   test-js test-browser size

SHELL := /bin/bash
.DEFAULT_GOAL := help
CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_HOME)/bin:$(PATH)
export STEP_LOG := $(CURDIR)/target/make-test-steps.log
STEP := scripts/step.sh
SUBMAKE := $(MAKE) --no-print-directory

.PHONY: help setup setup-no-browser test demo package clean fuzz \
        fmt check-docs clippy test-native test-wasm-node test-wasm-chrome build-package check-types \
        test-js test-browser size

# Prints the comment block this file opens with (up to its first blank line), whatever
# its length: the help text lives in one place.
help:
	@awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' Makefile

setup:
	@scripts/setup.sh

setup-no-browser:
	@scripts/setup.sh --no-browser

test:
	@mkdir -p target && rm -f $(STEP_LOG)
	@$(STEP) "set-up" scripts/setup.sh
	@$(STEP) "cargo fmt --check" $(SUBMAKE) fmt
	@$(STEP) "docs name only paths that exist" $(SUBMAKE) check-docs
	@$(STEP) "cargo clippy (native and wasm32)" $(SUBMAKE) clippy
	@$(STEP) "cargo test" $(SUBMAKE) test-native
	@$(STEP) "wasm-pack test --node" $(SUBMAKE) test-wasm-node
	@$(STEP) "wasm-pack test --headless --chrome" scripts/wasm-test-chrome.sh
	@$(STEP) "make package" $(SUBMAKE) build-package
	@$(STEP) "tsc --noEmit --strict over pkg/" $(SUBMAKE) check-types
	@$(STEP) "node --test tests/js/ (package, npm pack + install)" $(SUBMAKE) test-js
	@$(STEP) "node --test tests/browser/ (demo in Chromium)" $(SUBMAKE) test-browser
	@echo
	@$(STEP) "wasm sizes (view runtime within its budget, RUNTIME_MAX_GZIP)" $(SUBMAKE) size
	@scripts/summary.sh

package: setup-no-browser build-package

demo: setup-no-browser build-package
	@node scripts/serve.mjs

# Fuzzing (fuzz/README.md): cargo-fuzz on stable Rust, RUSTC_BOOTSTRAP=1 for its
# sanitizer flags; one target after another, at low priority.
FUZZ_TARGETS := world_json graph_pages snapshot_bytes search_query operations \
                flow_pages approval_pages view_bytes
FUZZ_SECONDS ?= 600
FUZZ_SANITIZER ?= address

fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  case $$t in world_json) len=4096;; graph_pages) len=32768;; snapshot_bytes) len=8192;; \
	    search_query) len=512;; flow_pages|approval_pages) len=16384;; view_bytes) len=8192;; \
	    *) len=2048;; esac; \
	  echo "== fuzz $$t ($(FUZZ_SECONDS) s, inputs up to $$len bytes)"; \
	  RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run --sanitizer $(FUZZ_SANITIZER) $$t \
	    -- -max_total_time=$(FUZZ_SECONDS) -max_len=$$len -rss_limit_mb=4096 || exit 1; \
	done

clean:
	rm -rf pkg artifacts target/wasm-pack target/pkg-build tests/js/node_modules

# --- the single steps ------------------------------------------------------------------

fmt:
	cargo fmt --all --check

check-docs:
	node scripts/check-doc-paths.mjs

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p guestpass-wasm --lib --test wasm -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p guestpass-wasm --lib --no-default-features -- -D warnings
	cargo clippy -p guestpass --lib --no-default-features -- -D warnings

test-native:
	cargo test --workspace

test-wasm-node:
	wasm-pack test --node wasm --test wasm

test-wasm-chrome:
	@scripts/wasm-test-chrome.sh

build-package:
	@scripts/package.sh
	@node scripts/demo-samples.mjs

check-types:
	tsc -p pkg-template/tsconfig.check.json
	tsc -p pkg-template/tsconfig.snippets.json

test-js:
	@mkdir -p tests/js/node_modules && ln -sfn ../../../pkg tests/js/node_modules/guestpass
	node --test --test-reporter=spec tests/js/

test-browser:
	node --test --test-reporter=spec tests/browser/

# Both modules' sizes; fails when the view runtime's passes RUNTIME_MAX_GZIP bytes gzipped.
# Issue 17's target is 150 KB; the runtime was 205.9 KB when the budget was set at that size
# rounded up to the next 5 KB, to be lowered as the runtime shrinks (BENCHMARKS.md, "The
# view runtime", lists the steps left). A change that grows the runtime past it fails here.
# Raised once, by 1 KB, for reading a view's shared part a window at a time (210,569 bytes:
# 1.3 KB gzipped for 85 MB less WebAssembly memory at 710,000 people; BENCHMARKS.md).
# Lowered to 209,000 when views began carrying their people index and the index builder
# left the runtime (208,128 bytes).
RUNTIME_MAX_GZIP ?= 209000
size:
	@node scripts/wasm-size.mjs pkg/guestpass_bg.wasm pkg/view/guestpass_bg.wasm:$(RUNTIME_MAX_GZIP)
