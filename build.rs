//! With the `split` feature, links the wasm binary with its relocations kept, which the splitter
//! needs to cut it into chunks (see scripts/post-build.mjs). Only the split build asks for them:
//! without splitting they would only make the wasm bigger.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
