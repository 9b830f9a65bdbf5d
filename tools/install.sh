#!/usr/bin/env bash
# Installs every tool treatment-guide needs, from crates.io, npm and Debian only.
# Idempotent: each step is skipped when the right version is already there.
# Called by `make serve|build|test|bench` and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm build's own toolchain, pinned by date (docs/TOOLCHAIN.md); the Makefile and
# tools/modules.mjs read this line, as they read TRUNK_VERSION.
WASM_TOOLCHAIN=nightly-2026-05-20
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf 'install: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen CLI must match the crate version in Cargo.lock exactly.
lock_version() {
  awk -v want="$1" '$0 == "name = \"" want "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
[ -f Cargo.lock ] || cargo generate-lockfile --quiet
WASM_BINDGEN_VERSION=$(lock_version wasm-bindgen)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "install: wasm-bindgen not found in Cargo.lock" >&2; exit 1; }

# 1. Rust target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. The pinned nightly for the release wasm only (std rebuilt for size), with std's
# sources, and std's own dependencies fetched so that the offline build finds them.
if ! rustup run "$WASM_TOOLCHAIN" rustc --print sysroot >/dev/null 2>&1 \
   || ! rustup component list --installed --toolchain "$WASM_TOOLCHAIN" | grep -q '^rust-src' \
   || ! rustup target list --installed --toolchain "$WASM_TOOLCHAIN" | grep -qx wasm32-unknown-unknown; then
  step "rust $WASM_TOOLCHAIN (wasm build only)"
  rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal -c rust-src -t wasm32-unknown-unknown
fi
std_lock="$(rustup run "$WASM_TOOLCHAIN" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.lock"
std_stamp="${CARGO_HOME:-$HOME/.cargo}/.treatment-guide-std-$WASM_TOOLCHAIN"
if [ "$(cat "$std_stamp" 2>/dev/null)" != "$(sha256sum "$std_lock" | cut -d' ' -f1)" ]; then
  step "std's dependencies for $WASM_TOOLCHAIN"
  cargo "+$WASM_TOOLCHAIN" fetch --quiet --manifest-path "$(dirname "$std_lock")/Cargo.toml"
  sha256sum "$std_lock" | cut -d' ' -f1 > "$std_stamp"
fi

# Lint tools (make test runs cargo fmt and clippy).
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "rustup component $component"
    rustup component add "$component"
  fi
done

# 2. Cargo-installed tools (Trunk 0.22 needs a newer rustc; keep TRUNK_VERSION).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "trunk $TRUNK_VERSION (about 10 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
   || ! command -v wasm-bindgen-test-runner >/dev/null; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Without --locked: its own lock wants a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! command -v wasm-pack >/dev/null; then
  step "wasm-pack"
  cargo install wasm-pack --locked
fi

# 3. Debian's Chromium and its driver, for browser and end-to-end tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  step "chromium and chromium-driver (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 4. Node.js and the npm packages of package-lock.json (wasm-opt, terser, Playwright, axe-core, Fuse.js).
if ! command -v npm >/dev/null; then
  step "nodejs and npm (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
stamp=node_modules/.treatment-guide-lock
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

# A stray wasm-opt must not be used: the project's own comes first and must be the
# binaryen that package.json pins (its major version is wasm-opt's).
binaryen=$(node -p "require('./package.json').devDependencies.binaryen.split('.')[0]")
if [ "$(node_modules/.bin/wasm-opt --version)" != "wasm-opt version $binaryen (version_$binaryen)" ]; then
  echo "install: node_modules/.bin/wasm-opt is not binaryen $binaryen (package.json)" >&2
  exit 1
fi
