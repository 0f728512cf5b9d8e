#!/usr/bin/env bash
# Sets everything up, then serves the app with a debug build that rebuilds on change.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

printf '\n==> Serving the app at http://127.0.0.1:8080/ (Ctrl+C stops it)\n'
exec trunk serve --address 127.0.0.1 --port 8080
