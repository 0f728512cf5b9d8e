//! A table that scrolls sideways in its own region when it is wider than the page.

use leptos::prelude::*;

/// Holds a table whose cells keep their words whole: when it is wider than the page (on a phone,
/// say), the region scrolls, never the page, and a keyboard user can focus it to scroll it.
#[component]
pub fn TableScroll(
    /// What the region holds, for screen readers ("Launch steps").
    label: &'static str,
    /// The table.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{label}, scrollable")>
            {children()}
        </div>
    }
}
