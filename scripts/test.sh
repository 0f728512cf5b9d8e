#!/usr/bin/env bash
# Sets everything up, then runs every test: formatting, lints (native, wasm, split wasm), the core's
# native tests, the build hook's unit checks, the component tests in headless Chromium, a release
# build and its policy and offline check, the Playwright journeys with accessibility, security and
# offline checks, the browser benchmark once, the main journeys in Firefox and WebKit, and the
# size report with the first-load budget.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

run() {
  local name="$1"
  shift
  step "$name"
  "$@" || { printf '\nFAILED: %s\n' "$name" >&2; exit 1; }
  step_took
}

# The crates of the core (crates/*) are native code tested natively; the wasm lints are the app's.
EXCLUDE_CORE=()
for crate in readiness-core readiness-codec readiness-domain readiness-formats readiness-links readiness-workspace readiness-portfolio-desk; do
  EXCLUDE_CORE+=(--exclude "$crate")
done

run "cargo fmt --check" cargo fmt --all -- --check
run "clippy, native" cargo clippy --workspace --all-targets --locked -- -D warnings
run "clippy, wasm" cargo clippy --workspace --lib --bins --tests "${EXCLUDE_CORE[@]}" --target wasm32-unknown-unknown --locked -- -D warnings
run "clippy, wasm split into chunks" cargo clippy --workspace --lib --bins "${EXCLUDE_CORE[@]}" --target wasm32-unknown-unknown --features split --locked -- -D warnings
run "clippy, the native build that pre-renders the first screen" cargo clippy -p readiness-check --lib --examples --no-default-features --features ssr --locked -- -D warnings
run "native tests" cargo test --workspace --locked
run "build hook unit checks (CSP, offline file list and version)" node --test scripts/post-build.test.mjs
run "size report unit checks (budget)" node --test tests/size-report.test.mjs

# Component tests run in Debian's headless Chromium through ChromeDriver (see webdriver.json).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
run "component tests in headless Chromium" cargo test -p readiness-check --target wasm32-unknown-unknown --locked

# The build hook also checks a byte rule on the main module: start-up code builds no BTreeMap or
# BTreeSet in bulk (collect() into one); see ARCHITECTURE.md, "maps filled by extend".
run "release build (split into chunks)" release_build
# The group view's journeys paste links of made-up respondents printed by this example.
run "respondent links example" cargo build -q -p readiness-core --example bench_links --locked
run "release build check (Content-Security-Policy, service worker)" node scripts/post-build.mjs --check dist
run "browser journeys (Playwright + axe-core)" npx playwright test
# The browser benchmark once, one run of each figure: a wait that no longer matches the app
# fails here instead of hanging scripts/bench.sh.
run "browser benchmark, one run of each figure" node --test tests/bench/browser.test.mjs
# The main journeys again in Firefox ESR and WebKitGTK, both at once (WebKit needs a display).
run "main journeys in Firefox and WebKit" xvfb-run --auto-servernum node --test --test-concurrency=2 tests/engines/firefox.test.mjs tests/engines/webkit.test.mjs
# The first-load budget: the run fails if the first load is over 150 KB brotli or 190 KB gzip.
run "size report, first-load budget" node tests/size-report.mjs dist --budget

printf '\nAll tests passed.\n'
