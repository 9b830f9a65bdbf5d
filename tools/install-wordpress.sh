#!/usr/bin/env bash
# Installs what the WordPress plugin's test (`make test-wordpress`) runs on, from Debian only:
#   WordPress (Debian's `wordpress`, with PHP), MariaDB, Apache with mod_php, PHP's command line
#   and its MySQL driver.
# Idempotent: nothing is installed when every program is already there. The services are not
# enabled or started here: e2e-wordpress/stack.mjs starts its own, on 127.0.0.1, for the test only.
# Called by `make test-wordpress` (and so by `make test`).
# Exits non-zero, saying why, when this machine cannot have them.
set -euo pipefail

step() { printf 'install-wordpress: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
fail() { printf 'install-wordpress: %s\n' "$*" >&2; exit 1; }

missing=()
[ -f /usr/share/wordpress/wp-load.php ] || missing+=(wordpress)
{ [ -x /usr/sbin/mariadbd ] || [ -x /usr/sbin/mysqld ]; } && [ -x /usr/bin/mariadb-install-db ] || missing+=(mariadb-server)
[ -x /usr/sbin/apache2 ] || missing+=(apache2)
ls /usr/lib/apache2/modules/libphp*.so >/dev/null 2>&1 || missing+=(libapache2-mod-php)
command -v php >/dev/null || missing+=(php-cli)
php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' 2>/dev/null || missing+=(php-mysql)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "no apt-get here to install ${missing[*]}"
  step "${missing[*]} (apt, about 1 minute once)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
    "${missing[@]}" >/dev/null || fail "apt-get could not install ${missing[*]}"
fi
