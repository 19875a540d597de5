#!/usr/bin/env bash
# Make sure configurable-http-proxy (JupyterHub's proxy, from the npm registry) is installed in .node/ of the
# repository, at the pinned version. Used by `make test` (tests/deploy starts a real JupyterHub) and `make bench`.
# Prints the path of the executable on success.
set -euo pipefail

CHP_VERSION="5.3.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="$ROOT/.node"
BIN="$PREFIX/node_modules/.bin/configurable-http-proxy"
STAMP="$PREFIX/.chp-$CHP_VERSION"

if ! command -v npm >/dev/null 2>&1; then
  echo "ensure-chp: npm not found; install Node.js 20 and npm (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
mkdir -p "$PREFIX"
exec 9>"$PREFIX/.lock"  # two test workers may ask at once: one installs, the other waits
flock 9
if [ ! -x "$BIN" ] || [ ! -e "$STAMP" ]; then
  echo "ensure-chp: installing configurable-http-proxy@$CHP_VERSION into $PREFIX" >&2
  mkdir -p "$PREFIX"
  npm install --silent --no-audit --no-fund --prefix "$PREFIX" "configurable-http-proxy@$CHP_VERSION" >&2
  touch "$STAMP"
fi
"$BIN" --version >/dev/null
echo "$BIN"
