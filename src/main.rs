//! Mounts the app on the page.
//!
//! In the browser the module has no `main`: wasm-bindgen's start function mounts the app, so
//! std's start-up and exit code (which sets up and flushes a standard output the browser does
//! not have) stays out of the first download. Natively `main` stays, for `cargo test`.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
fn start() {
    leptos::mount::mount_to_body(readiness_check::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    leptos::mount::mount_to_body(readiness_check::App);
}
