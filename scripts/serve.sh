#!/usr/bin/env bash
# Start the kit's server (Voila on notebooks/ plus the kit's light pages, kit/web) with the repo's voila.json.
# Single source of the serve command line: used by `make serve` and tests/test_serve.py.
#
# Environment:
#   PORT    port to bind (default 8866)
#   KIT_HOST address to bind (default 127.0.0.1; 0.0.0.0 or the machine's LAN address for phones in a hall)
#   PYTHON  interpreter that has voila installed (default: .venv/bin/python)
# Extra arguments are passed on to voila.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-8866}"
HOST="${KIT_HOST:-127.0.0.1}"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"

cd "$ROOT"
# --Voila.config_file_paths: load voila.json from the repo root only (not from
#   ~/.jupyter or sys.prefix/etc/jupyter), whatever the caller's cwd.
# --Voila.port_retries=0: fail instead of silently moving to another port.
exec "$PYTHON" -m kit.web notebooks/ \
  --no-browser \
  --Voila.ip="$HOST" \
  --port="$PORT" \
  --Voila.port_retries=0 \
  --Voila.config_file_paths="$ROOT" \
  "$@"
