# Yibao: every target installs what it is missing (Debian packages, npm dev dependencies) itself.
SHELL := /bin/bash
.DEFAULT_GOAL := build
JOBS ?= $(shell nproc)
NATIVE := build/native

.PHONY: build native run test test-native bench clean

build: native

native:
	@tools/ensure-deps native
	@cmake --preset native -G "Unix Makefiles" >/dev/null
	@cmake --build --preset native -j $(JOBS)

## make run: build and serve the page.
run: native
	@echo "CLI: $(NATIVE)/yibao (try: $(NATIVE)/yibao estimate tests/cli/household.json)"

## make test: everything CI checks.
test: test-native

test-native: native
	@ctest --preset native -j $(JOBS)

## make bench: speed and size figures (see README).
bench: native
	@$(NATIVE)/yibao_bench

clean:
	rm -rf build dist
