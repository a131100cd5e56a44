# Yibao: every target installs what it is missing (Debian packages, npm dev dependencies) itself.
SHELL := /bin/bash
.DEFAULT_GOAL := build
JOBS ?= $(shell nproc)
NATIVE := build/native
PAGE := dist/yibao.html
# Emscripten's optimiser needs Debian's node-acorn, which Node does not look for by itself.
export NODE_PATH := /usr/share/nodejs

.PHONY: build native wasm page run test test-lint test-native test-asan test-fuzz test-web fuzz bench clean

build: page

native:
	@tools/ensure-deps native
	@cmake --preset native -G "Unix Makefiles" >/dev/null
	@cmake --build --preset native -j $(JOBS)

## make wasm: the engine as build/wasm/yibao-engine.js (wasm inlined).
wasm:
	@tools/ensure-deps wasm
	@emcmake cmake --preset wasm >/dev/null
	@cmake --build --preset wasm -j $(JOBS)

## make page: the single-file page dist/yibao.html (it inlines the QR encoder from node_modules).
page: native wasm node_modules/.package-lock.json
	@node web/build.mjs

# npm ci only when node_modules is missing or older than the lock file.
node_modules/.package-lock.json: package-lock.json
	@npm ci --no-audit --no-fund
	@touch $@

## make run: build and serve the page.
run: page
	@echo "CLI: $(NATIVE)/yibao (try: $(NATIVE)/yibao estimate tests/cli/household.json)"
	@node web/serve.mjs

## make test: everything CI checks, each stage's time said as it ends.
TEST_STAGES := test-lint test-native test-asan test-fuzz test-web
test:
	@for stage in $(TEST_STAGES); do \
	  started=$$(date +%s); $(MAKE) --no-print-directory $$stage || exit 1; \
	  echo "make test: $$stage took $$(( $$(date +%s) - started )) s"; \
	done

# The front end's JavaScript type-checked from its JSDoc (tsconfig.json) and linted (eslint.config.mjs); both are
# npm dev dependencies, installed by npm ci like the rest.
test-lint: node_modules/.package-lock.json
	@npx --no-install tsc -p tsconfig.json
	@npx --no-install eslint web tests/web tools

test-native: native
	@ctest --preset native -j $(JOBS)

# The unit tests once more under AddressSanitizer and UndefinedBehaviorSanitizer, built with clang in the same
# build as the fuzzers (build/asan), so that the engine is compiled once for both; the benchmarks, which it never
# runs, are not built there (YIBAO_BENCH off in the asan preset: their two files took 21 s of CPU to compile here).
test-asan:
	@tools/ensure-deps asan
	@cmake --preset asan -G "Unix Makefiles" >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan -j $(JOBS)

# Each fuzzer briefly, after replaying every regression input; `make fuzz` runs them for longer.
test-fuzz:
	@tools/fuzz 15

fuzz:
	@tools/fuzz 600

# The wasm engine against the CLI on every golden case, then the page in Chromium, WebKit and Firefox: one test file
# more than there are cores at once (a browser test spends much of its time waiting on the browser; the longest files
# start first, so that none runs alone at the end with a core idle). A file with a failure runs once
# more, alone; tools/test-web.mjs names a test that then passes as flaky, and fails the run if it fails again.
test-web: page node_modules/.package-lock.json
	@tools/ensure-deps browser
	@node tools/test-web.mjs $$(( $(JOBS) + 1 ))

## make bench: speed and size figures (see README).
bench: page node_modules/.package-lock.json
	@tools/ensure-deps browser
	@$(NATIVE)/yibao_bench
	@$(NATIVE)/yibao_batch_bench
	@node tests/web/bench-page.mjs
	@node tests/web/bench-batch.mjs
	@node tests/web/bench-jre.mjs
	@node tests/web/bench-workbench.mjs

clean:
	rm -rf build dist
