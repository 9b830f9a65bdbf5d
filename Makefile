# treatment-guide: every command installs what is missing first (tools/install.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export CHROME_BIN := /usr/bin/chromium

.PHONY: install build serve test lint test-native test-tools test-browser test-e2e bench release clean

install:
	@tools/install.sh

## Release build into dist/, then the gzip sizes.
build: install
	cargo fetch --quiet
	trunk build --release --offline=true
	@node tools/sizes.mjs dist
	@node tools/sri.mjs dist

## Build and serve the standalone page on http://127.0.0.1:8080/.
serve: build
	node tools/serve.mjs dist 8080

## Lint, then every test: native, release tooling, browser (wasm-bindgen-test), end-to-end (Playwright).
test: install
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-tools
	$(MAKE) --no-print-directory test-browser
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory test-e2e

## Formatting and clippy, natively and for the browser build; warnings fail.
lint:
	cargo fmt --all --check
	cargo clippy --quiet --workspace --all-targets -- -D warnings
	cargo clippy --quiet --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --quiet --workspace

test-tools:
	node --test tools/

test-browser:
	wasm-pack test --headless --chrome --mode no-install

test-e2e:
	node --test --test-concurrency=1 e2e/

## Figures, one per line: `name: value unit` (sizes come from the build).
bench: build
	@node tools/bench-page.mjs dist
	@node tools/bench-budgets.mjs dist
	@cargo run --quiet --release --example bench
	@node tools/bench-lookup.mjs

## Build, run every test, then write release/treatment-guide-X.Y.Z.zip and the
## npm package release/treatment-guide-X.Y.Z.tgz (X.Y.Z: Cargo.toml) and print
## the snippet with its integrity hash.
release: test
	node tools/release.mjs dist release

clean:
	rm -rf dist target release
