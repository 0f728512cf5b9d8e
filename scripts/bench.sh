#!/usr/bin/env bash
# Sets everything up, builds the release app, then prints every benchmark on this machine:
# the first load's sizes against the budget and each later chunk's, Lighthouse's performance
# audit of Home and the answering screen, browser timings in headless Chromium against
# 127.0.0.1, and the core's own benchmarks. Figures are printed, never asserted (except that
# the size table says plainly whether the budget is met).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

printf '\n==> Building the release app into dist/\n'
release_build

printf '\n==> Sizes of the first load, and of each chunk with the screens that need it\n'
# Reports against the budget without stopping here when it is missed.
node tests/size-report.mjs dist --budget || true

printf '\n==> Lighthouse (mobile preset), Home and the answering screen\n'
node tests/bench/lighthouse.mjs dist "${LIGHTHOUSE_RUNS:-3}"

printf '\n==> Browser timings\n'
node tests/bench/browser.mjs dist "${RUNS:-10}"

printf '\n==> Core benchmarks (native, release)\n'
cargo bench -q -p readiness-core 2>&1 | grep -v -E '^(running [0-9]+ tests|i+ *[0-9/]*|test result: .* 0 passed.*|)$'
