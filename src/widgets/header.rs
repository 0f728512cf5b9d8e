//! The page header: the product name and the navigation among screens.

use leptos::prelude::*;

use super::screen_link::ScreenLink;
use crate::Screen;
use crate::PRODUCT_NAME;

/// The product name and the main navigation.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <ScreenLink screen=Screen::Home class="brand">
                <img src="favicon.svg" alt="" width="28" height="28" />
                <span>{PRODUCT_NAME}</span>
            </ScreenLink>
            <nav aria-label="Main">
                <ul>
                    {Screen::ALL
                        .into_iter()
                        .filter(|screen| screen.in_navigation())
                        .map(|screen| {
                            view! {
                                <li>
                                    <ScreenLink screen=screen mark_current=true>
                                        {screen.label()}
                                    </ScreenLink>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}
