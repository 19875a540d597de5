#!/usr/bin/env bash
# Make sure the Debian packages the tests need are installed.
# As root: installs the missing ones with apt-get. Otherwise: prints the
# command to run and exits 1.
set -euo pipefail

# Debian packages needed by the test suite (postgresql: the server tests/store/ starts).
PACKAGES=(chromium fonts-noto-cjk postgresql)
# nodejs and npm: tests/deploy installs configurable-http-proxy (JupyterHub's proxy) from the npm registry
# (npm is its own Debian package, unless nodejs already brings it).
PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)
# Files that must exist in addition to the packages being installed.
REQUIRED_FILES=(/usr/bin/chromium)

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
else
  echo "ensure-system-deps: dpkg not found; install these (Debian names) by hand: ${PACKAGES[*]}" >&2
  exit 1
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "ensure-system-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}"
  else
    echo "ensure-system-deps: missing system packages: ${missing[*]}" >&2
    echo "Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

for f in "${REQUIRED_FILES[@]}"; do
  if [ ! -e "$f" ]; then
    echo "ensure-system-deps: $f is missing even though ${PACKAGES[*]} are installed" >&2
    exit 1
  fi
done
