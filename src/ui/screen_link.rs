//! A link to another screen that changes screen without reloading the page.

use leptos::prelude::*;

use crate::{Screen, Shell};

/// A real link (it opens in a new tab, can be copied, works without the click handler) that
/// switches screen in place on a plain click.
#[component]
pub fn ScreenLink(
    /// The screen the link opens.
    screen: Screen,
    /// Extra CSS classes, for example `button`.
    #[prop(optional)]
    class: &'static str,
    /// Marks the link as the current page when that screen is on show.
    #[prop(optional)]
    mark_current: bool,
    children: Children,
) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let current = move || (mark_current && shell.screen.get() == screen).then_some("page");
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if plain {
            ev.prevent_default();
            shell.navigate(screen);
        }
    };
    view! {
        <a href=screen.href() class=class aria-current=current on:click=on_click>
            {children()}
        </a>
    }
}
