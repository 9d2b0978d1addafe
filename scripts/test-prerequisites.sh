#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, when it is missing:
# Debian's Chromium for Playwright (its own browser download cannot work here),
# the PostgreSQL server for the database tests, systemd's systemd-analyze for
# the checks of the service units in deploy/ (it needs no running systemd) and
# Caddy for the journeys through deploy/Caddyfile (each test starts its own on a
# loopback port; the tests do not use the caddy.service Debian's package enables).
# Quick when all are present.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
command -v caddy >/dev/null 2>&1 || need+=(caddy)
if [ -z "${TEST_DATABASE_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  need+=(postgresql)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing for the tests: ${need[*]}. Install them (Debian: apt-get install ${need[*]})," >&2
  echo "or set TEST_DATABASE_URL to a PostgreSQL database for the database tests." >&2
  exit 1
fi
echo "Installing ${need[*]} for the tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
