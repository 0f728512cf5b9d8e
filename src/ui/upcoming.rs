//! The screens that are planned but not built yet, saying so plainly.

use leptos::prelude::*;

use super::screen_link::ScreenLink;
use crate::Screen;

/// What a planned screen will do, so a visitor knows what to expect and nothing pretends to work.
fn plan(screen: Screen) -> &'static str {
    match screen {
        Screen::Compare => {
            "The group view is coming: several respondents' results side by side, with disagreements shown first."
        }
        Screen::Home | Screen::About | Screen::Assessment | Screen::Report | Screen::Coach => "",
    }
}

/// A screen that is not built yet.
#[component]
pub fn Upcoming(
    /// The planned screen.
    screen: Screen,
) -> impl IntoView {
    view! {
        <h1>{screen.label()}</h1>
        <p class="lead">{plan(screen)}</p>
        <p class="note" role="status">"This part of the check is not available yet."</p>
        <p>
            <ScreenLink screen=Screen::About>"Read about the check and its sources"</ScreenLink>
        </p>
    }
}
