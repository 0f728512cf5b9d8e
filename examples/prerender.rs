//! Prints the first screen as HTML, rendered by the app's own components: scripts/post-build.mjs
//! writes it into the release build's index.html, so the page paints before the wasm arrives.
//!
//!     cargo run -q --example prerender --no-default-features --features ssr

fn main() {
    print!("{}", readiness_check::first_screen_html());
}
