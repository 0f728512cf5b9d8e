//! Links to another place in the app that change screen without reloading the page.

use leptos::prelude::*;

use crate::{Address, Screen, Shell};

/// A real link (it opens in a new tab, can be copied, works without the click handler) that
/// moves to `to` in place on a plain click.
#[component]
pub fn PlaceLink(
    /// Where the link leads; read again whenever what it depends on changes.
    #[prop(into)]
    to: Signal<Address>,
    /// Extra CSS classes, for example `button`.
    #[prop(optional)]
    class: &'static str,
    /// The `aria-current` value while the link is current, if any.
    #[prop(optional, into)]
    current: Signal<Option<&'static str>>,
    children: Children,
) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let plain =
            ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if plain {
            ev.prevent_default();
            shell.navigate(to.get_untracked());
        }
    };
    view! {
        <a href=move || to.get().href() class=class aria-current=current on:click=on_click>
            {children()}
        </a>
    }
}

/// A link to one of the app's screens, keeping the open assessment open.
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
    let to = Signal::derive(move || shell.address_of(screen));
    let current =
        Signal::derive(move || (mark_current && shell.screen() == screen).then_some("page"));
    view! {
        <PlaceLink to=to class=class current=current>
            {children()}
        </PlaceLink>
    }
}
