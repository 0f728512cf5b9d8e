#!/usr/bin/env bash
# Sets everything up, then builds the release app into dist/, a folder of static files that any
# static host can serve, from its root or from any sub-folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

printf '\n==> Building the release app into dist/\n'
release_build || { echo "The release build failed." >&2; exit 1; }
node scripts/post-build.mjs --check dist || { echo "The release build is not consistent." >&2; exit 1; }
node tests/size-report.mjs dist
