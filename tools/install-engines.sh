#!/usr/bin/env bash
# Installs the two browser engines the guide is tested in besides Chromium,
# from Debian, crates.io and npm only:
#   Firefox ESR + geckodriver, and WebKitGTK's WebKitWebDriver + MiniBrowser
#   (which has no headless mode, so Xvfb too), and the npm selenium-webdriver.
# Idempotent: each step is skipped when what it installs is already there.
# Called by `make test-engines` (and so by `make test`).
# Exits non-zero, saying why, when this machine cannot have them.
set -euo pipefail
cd "$(dirname "$0")/.."

GECKODRIVER_VERSION=0.37.1
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf 'install-engines: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
fail() { printf 'install-engines: %s\n' "$*" >&2; exit 1; }

# 1. Debian's Firefox ESR, WebKitGTK's driver (it brings MiniBrowser), Xvfb.
missing=()
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
[ -x /usr/bin/Xvfb ] || missing+=(xvfb)
[ -x /usr/bin/xauth ] || missing+=(xauth)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "no apt-get here to install ${missing[*]}"
  step "${missing[*]} (apt, about 1.5 minutes once)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
    "${missing[@]}" >/dev/null
fi

# 2. geckodriver, built from crates.io (no prebuilt download works here).
if [ "$(geckodriver --version 2>/dev/null | head -n 1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  step "geckodriver $GECKODRIVER_VERSION (cargo, about 4 minutes once)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
fi

# 3. selenium-webdriver, from package-lock.json (tools/install.sh runs npm ci when the lock changes).
if [ ! -f node_modules/selenium-webdriver/package.json ]; then
  step "npm ci (selenium-webdriver)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# MiniBrowser sits in a versioned folder: check it is there.
ls /usr/lib/*/webkit2gtk-4.*/MiniBrowser >/dev/null 2>&1 || fail "webkit2gtk-driver brought no MiniBrowser"
