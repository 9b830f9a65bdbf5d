# treatment-guide: every command installs what is missing first (tools/install.sh).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export CHROME_BIN := /usr/bin/chromium

.PHONY: install build serve test lint test-native test-tools test-browser test-e2e test-wordpress test-engines engines bench release clean

install:
	@tools/install.sh

# The release wasm builds on a nightly pinned by date, with std rebuilt for size
# and a panic that stops at once (a trap, which the loader turns into the widget's
# notice: tools/post-build.mjs) (docs/TOOLCHAIN.md); only Trunk's build gets these
# variables, so native builds, clippy and the wasm-bindgen tests stay on the stable toolchain.
# `make build WASM_STD=stable` builds the wasm on stable instead, for comparison.
WASM_TOOLCHAIN := $(shell sed -n 's/^WASM_TOOLCHAIN=//p' tools/install.sh)
WASM_STD ?= nightly
ifeq ($(WASM_STD),nightly)
WASM_BUILD_ENV := RUSTUP_TOOLCHAIN=$(WASM_TOOLCHAIN) CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
endif

## Release build into dist/, then the transfer sizes (gzip and brotli).
build: install
	cargo fetch --quiet
	$(WASM_BUILD_ENV) trunk build --release --offline=true
	@node tools/sizes.mjs dist
	@node tools/sri.mjs dist

## Build and serve the standalone page on http://127.0.0.1:8080/.
serve: build
	node tools/serve.mjs dist 8080

## Lint, then every test: native, release tooling, browser (wasm-bindgen-test), end-to-end (Playwright),
## the WordPress plugin in a real WordPress, then the same browser tests and the reader's end-to-end
## tests in Firefox and WebKit.
test: install
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-tools
	$(MAKE) --no-print-directory test-browser
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory test-e2e
	$(MAKE) --no-print-directory test-wordpress
	$(MAKE) --no-print-directory engines

## Formatting and clippy, natively and for the browser build; warnings fail.
lint:
	cargo fmt --all --check
	cargo clippy --quiet --workspace --all-targets -- -D warnings
	cargo clippy --quiet --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --quiet --workspace

test-tools:
	node --test tools/ src/loader/

test-browser:
	wasm-pack test --headless --chrome --mode no-install

test-e2e:
	node --test --test-concurrency=1 e2e/

## The WordPress plugin, packed from the dist/ already built, installed and used in a real WordPress
## (Debian's wordpress, MariaDB, Apache with mod_php: installed by tools/install-wordpress.sh when
## missing, started on 127.0.0.1 for the test and stopped after). A machine that cannot have them
## is told so; that fails only in CI (CI=true).
test-wordpress: install
	@test -f dist/treatment-guide.js || { echo "test-wordpress: no dist/; run make build first" >&2; exit 1; }
	@tools/install-wordpress.sh || { \
	  echo "test-wordpress: WordPress, MariaDB and Apache cannot be installed on this machine, so the WordPress tests did not run." >&2; \
	  [ "$$CI" != true ] || exit 1; exit 0; }; \
	node --test --test-concurrency=1 e2e-wordpress/

## Firefox ESR and WebKitGTK (installed by tools/install-engines.sh when missing): the
## wasm-bindgen browser tests, then e2e-engines/ (the reader's checks, in Chromium too) on a fresh build.
test-engines: build
	@$(MAKE) --no-print-directory engines

## test-engines on the dist/ already built (the last step of `make test`). A machine that cannot
## have the engines is told so; that fails only in CI (CI=true).
engines: install
	@tools/install-engines.sh || { \
	  echo "engines: Firefox and WebKit cannot be installed on this machine, so their tests did not run." >&2; \
	  [ "$$CI" != true ] || exit 1; exit 0; }; \
	set -e; \
	echo "engines: wasm-bindgen tests in Firefox"; \
	wasm-pack test --headless --firefox --geckodriver "$$(command -v geckodriver)" --mode no-install; \
	echo "engines: wasm-bindgen tests in WebKit (MiniBrowser under Xvfb)"; \
	xvfb-run -a wasm-pack test --headless --safari --safaridriver /usr/bin/WebKitWebDriver --mode no-install; \
	echo "engines: end-to-end tests in Chromium, Firefox and WebKit (e2e-engines/)"; \
	node e2e-engines/run.mjs

## Figures, one per line: `name: value unit` (sizes come from the build).
bench: build
	@node tools/bench-page.mjs dist
	@node tools/bench-listen.mjs dist
	@node tools/bench-budgets.mjs dist
	@cargo run --quiet --release --example bench
	@node tools/bench-lookup.mjs

## Build, run every test, then write release/treatment-guide-X.Y.Z.zip, the
## npm package release/treatment-guide-X.Y.Z.tgz and the WordPress plugin
## release/treatment-guide-wordpress-X.Y.Z.zip (X.Y.Z: Cargo.toml) and print
## the snippet with its integrity hash.
release: test
	node tools/release.mjs dist release

clean:
	rm -rf dist target release
