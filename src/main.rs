//! Mounts the app on the page.

fn main() {
    leptos::mount::mount_to_body(readiness_check::App);
}
