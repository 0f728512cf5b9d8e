//! Mounts the app on the page.
//!
//! In the browser the module has no std `main`: this function is wasm-bindgen's start function,
//! so std's start-up and exit code (which sets up and flushes a standard output the browser does
//! not have) stays out of the first download. Natively it is an ordinary `main`, so the native
//! build (clippy, `cargo test`) still links.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen(start))]
fn main() {
    leptos::mount::mount_to_body(readiness_check::App);
}
