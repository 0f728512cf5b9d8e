//! The page footer: the promise about privacy and the credit to the sources.

use leptos::prelude::*;
use readiness_core::PRIVACY_LINE;

use super::screen_link::ScreenLink;
use crate::Screen;

/// Privacy promise, app version and a pointer to the credits.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{PRIVACY_LINE}</p>
            <p>
                "Questions adapted from the Next Generation Sector Partnership toolkit and related guides. "
                <ScreenLink screen=Screen::About>"Sources and credit"</ScreenLink>
                "."
            </p>
            <p class="version">"Version " {env!("CARGO_PKG_VERSION")}</p>
        </footer>
    }
}
