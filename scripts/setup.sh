#!/usr/bin/env bash
# Installs everything the app needs to build, serve and test, from the package registries only
# (crates.io, npm, Debian). Safe to run again: each step checks first and installs nothing that
# is already in place. Sourced by serve.sh, test.sh and dist.sh; runnable on its own.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION="0.21.14"
# The splitter that cuts the release wasm at the screens' split points (see src/chunk.rs).
WASM_SPLIT_VERSION="0.2.4"
# Release builds use this pinned nightly for size levers stable Rust lacks: the standard library
# rebuilt with the app's size settings and its optimize_for_size feature (-Zbuild-std), panics
# that abort at once, without formatting a message (-Cpanic=immediate-abort), and no panic
# locations or Debug formatting in the wasm. RELEASE_TOOLCHAIN=stable builds the same app with
# stable Rust, only bigger (see release_build below and ARCHITECTURE.md).
RELEASE_NIGHTLY="nightly-2026-05-20"

# Each step prints how long the one before it took, so a slow first set-up says where its time went.
step_started=$SECONDS
step_name=""
step_took() {
  [ -z "$step_name" ] || printf '(%s: %ss)\n' "$step_name" $((SECONDS - step_started))
  step_name=""
}
step() {
  step_took
  step_name="$*"
  step_started=$SECONDS
  printf '\n==> %s\n' "$*"
}
fail() {
  printf '\nSet-up failed: %s\n' "$*" >&2
  exit 1
}
# What to run after fixing what a failed step names: the set-up checks again and resumes.
AGAIN="then run ./scripts/setup.sh again (or the command you ran); it redoes only what is missing"
need() { command -v "$1" >/dev/null 2>&1 || fail "'$1' is not installed. $2"; }

need rustup "Install Rust with rustup first: https://rustup.rs"
need cargo "Install Rust with rustup first: https://rustup.rs"
need node "Install Node.js 20 or newer (Debian: apt-get install nodejs npm)."
need npm "Install npm (Debian: apt-get install npm)."

# The wasm-bindgen version is the one Cargo.lock resolved; the CLI must match it exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || fail "could not read the wasm-bindgen version from Cargo.lock."
grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml ||
  fail "Trunk.toml pins a wasm_bindgen version other than Cargo.lock's $WASM_BINDGEN_VERSION; make them agree."

step "Rust: wasm target, rustfmt and clippy"
rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown || fail "rustup could not add the wasm32-unknown-unknown target. Check that rustup's server is reachable, $AGAIN."
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" ||
    rustup component add "$component" || fail "rustup could not add $component. Check that rustup's server is reachable, $AGAIN."
done

if [ "${RELEASE_TOOLCHAIN:-nightly}" != stable ]; then
  step "Rust $RELEASE_NIGHTLY for release builds, with its sources and the wasm target"
  if ! rustup component list --toolchain "$RELEASE_NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src' ||
    ! rustup target list --toolchain "$RELEASE_NIGHTLY" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    rustup toolchain install "$RELEASE_NIGHTLY" --profile minimal --component rust-src --target wasm32-unknown-unknown ||
      fail "rustup could not install $RELEASE_NIGHTLY with rust-src and the wasm target. Check that rustup's server is reachable, $AGAIN; or build with stable Rust: RELEASE_TOOLCHAIN=stable ./scripts/dist.sh (a bigger first load)."
  fi
fi

step "trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  echo "Installing trunk from crates.io (about 10 minutes on 2 cores, once)."
  cargo install trunk --version "$TRUNK_VERSION" --locked || fail "cargo could not install trunk $TRUNK_VERSION from crates.io. Check that crates.io is reachable and that a C compiler is installed (Debian: apt-get install build-essential), $AGAIN."
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  # Not --locked: its lockfile pins a crate version that the registry mirror may not carry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force ||
    fail "cargo could not install wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io. Check that crates.io is reachable, $AGAIN."
fi

step "wasm-split-cli $WASM_SPLIT_VERSION (splits the release wasm into chunks)"
# It prints no version of its own; cargo's list of installed packages says which is there.
if ! command -v wasm-split-cli >/dev/null 2>&1 ||
  ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  echo "Installing wasm_split_cli_support from crates.io (about 6 minutes on 2 cores, once)."
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary ||
    fail "cargo could not install wasm_split_cli_support $WASM_SPLIT_VERSION from crates.io. Check that crates.io is reachable, $AGAIN."
fi

# Installs Debian packages, as root or through sudo, updating the package lists once if they are
# too old to know a package.
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@" ||
    { $sudo apt-get update && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "$@"; } ||
    fail "apt-get could not install $*. Run as root or with sudo, check that Debian's package servers are reachable, $AGAIN."
}

step "Browsers (Debian packages): Chromium and ChromeDriver, Firefox ESR, WebKitGTK's WebDriver, Xvfb"
# Playwright drives Chromium; the cross-engine suite drives Firefox over WebDriver BiDi and
# WebKitGTK (Safari's engine) through WebKitWebDriver, which needs a display: xvfb-run gives it one.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/firefox-esr ] ||
  [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/xvfb-run ]; then
  apt_install chromium chromium-driver firefox-esr webkit2gtk-driver xvfb xauth
fi

step "Fonts with Arial's widths (the portfolio's print check counts pages set in them)"
if ! fc-list 2>/dev/null | grep -q "Liberation Sans"; then
  apt_install fonts-liberation fontconfig
fi

step "WebKitGTK's Python bindings (print the report to PDF in Safari's engine for the print check)"
# WebKitWebDriver has no Print Page command, so the engines suite prints through WebKitGTK's own
# API (tests/engines/webkit-print.py), run by Debian's Python.
if ! /usr/bin/python3 -c 'import gi; gi.require_version("Gtk", "3.0"); gi.require_version("WebKit2", "4.1")' 2>/dev/null; then
  apt_install python3-gi gir1.2-gtk-3.0 gir1.2-webkit2-4.1
fi

step "npm packages from package-lock.json (Playwright, axe-core, puppeteer-core, selenium-webdriver, binaryen's wasm-opt, Lighthouse, terser and csso)"
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.installed-lock 2>/dev/null)" != "$lock_sum" ]; then
  # Playwright must use Debian's Chromium; it never downloads a browser of its own.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund || fail "npm ci could not install the packages in package-lock.json. Check that the npm registry is reachable, $AGAIN."
  echo "$lock_sum" >node_modules/.installed-lock
fi
export PATH="$PWD/node_modules/.bin:$PATH"
[ "$(wasm-opt --version 2>/dev/null | cut -d' ' -f3)" = "132" ] ||
  fail "wasm-opt 132 from npm's binaryen package is missing. Delete node_modules, $AGAIN."

step "Rust crates (trunk builds offline)"
cargo fetch --quiet || fail "cargo could not fetch the crates in Cargo.lock. Check that crates.io is reachable, $AGAIN."

if [ "${RELEASE_TOOLCHAIN:-nightly}" != stable ]; then
  # The release build rebuilds the standard library from $RELEASE_NIGHTLY's sources, and trunk
  # runs cargo offline: the crates those sources need (their own Cargo.lock) must be in cargo's
  # cache first. A machine that built with this nightly before has them; a new one does not.
  step "Rust crates of $RELEASE_NIGHTLY's standard library (the release build rebuilds it offline)"
  std_manifest="$(rustc +"$RELEASE_NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
  [ -f "$std_manifest" ] ||
    fail "$RELEASE_NIGHTLY has no standard library sources at $std_manifest. Run: rustup component add rust-src --toolchain $RELEASE_NIGHTLY, $AGAIN."
  cargo +"$RELEASE_NIGHTLY" fetch --quiet --locked --manifest-path "$std_manifest" ||
    fail "cargo could not fetch the crates $RELEASE_NIGHTLY's standard library needs. Check that crates.io is reachable, $AGAIN."
fi

# The release build, split into chunks: with the pinned nightly (standard library rebuilt for
# size, panics that abort at once, no locations or Debug text), or with stable Rust when
# RELEASE_TOOLCHAIN=stable. The flags replace .cargo/config.toml's for the wasm target, so they
# repeat --cfg erase_components.
release_build() {
  if [ "${RELEASE_TOOLCHAIN:-nightly}" = stable ]; then
    trunk build --release --features split
  else
    local flags="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort"
    flags="$flags -Zlocation-detail=none -Zfmt-debug=none"
    RUSTUP_TOOLCHAIN="$RELEASE_NIGHTLY" CARGO_UNSTABLE_BUILD_STD="std,panic_abort" \
      CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size" \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags" \
      trunk build --release --features split
  fi || {
    printf '\nThe release build failed. If cargo said it found no package in offline mode, a crate it needs is\n' >&2
    printf 'not in its cache yet: run ./scripts/setup.sh (it fetches them), then build again.\n' >&2
    return 1
  }
}

step_took
echo "Set-up complete."
