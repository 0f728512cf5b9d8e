//! Sector Partnership Readiness Check: the browser shell around `readiness_core`.
//!
//! `App` builds the shared state once and provides it; each screen in `ui` reads it with
//! `expect_context`. Views stay thin: what the answers mean is decided in the core crate.

// Rendering to HTML (the `ssr` build that pre-renders the first screen) lays out the async
// form of the deepest screens' view types, past the compiler's default depth.
#![recursion_limit = "256"]

pub mod browser;
pub mod chunk;
pub mod screen;
pub mod screens;
pub mod store;
pub mod widgets;

use leptos::prelude::*;
use readiness_core::{link_kind, Bank, Event, LinkKind};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::History;

/// The product's name, as shown in the header and the browser tab.
pub const PRODUCT_NAME: &str = "Sector Partnership Readiness Check";

pub use screen::{Address, Screen};
pub use store::Store;

/// The address of the app itself with this fragment, for links people send each other.
pub fn link_to_app(fragment: &str) -> String {
    let location = window().location();
    format!(
        "{}{}#{fragment}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
    )
}

/// Where the person is in the app, provided by [`App`].
#[derive(Clone, Copy)]
pub struct Shell {
    /// The screen on show, with the open assessment and section.
    pub address: RwSignal<Address>,
}

impl Shell {
    /// The screen on show.
    pub fn screen(self) -> Screen {
        self.address.with(|address| address.screen)
    }

    /// The address of `screen` from here: the open assessment stays open on every screen but
    /// the first, and the section is kept only on the assessment screen.
    pub fn address_of(self, screen: Screen) -> Address {
        self.address.with(|here| Address {
            screen,
            assessment: (screen != Screen::Home)
                .then(|| here.assessment.clone())
                .flatten(),
            section: (screen == Screen::Assessment)
                .then(|| here.section.clone())
                .flatten(),
        })
    }

    /// Shows `address` and records it in the browser's history, so Back returns to where the
    /// person was. The fragment is dropped: it only ever carries data that was opened already.
    pub fn navigate(self, address: Address) {
        if self.change(address, History::push_state_with_url) {
            focus_main();
        }
    }

    /// Shows `address` in place of the current one in the browser's history, leaving focus
    /// where it is: for moving within a screen (session mode's steps), where Back should
    /// return to the screen before it rather than step back through every move.
    pub fn show_in_place(self, address: Address) {
        self.change(address, History::replace_state_with_url);
    }

    /// Writes `address` into the history with `record` (push or replace) and shows it;
    /// false when it is already on show.
    fn change(
        self,
        address: Address,
        record: fn(&History, &JsValue, &str, Option<&str>) -> Result<(), JsValue>,
    ) -> bool {
        if self.address.with_untracked(|here| *here == address) {
            return false;
        }
        if let Ok(history) = window().history() {
            // A refused history entry only costs Back or a reload its place, never the change.
            let _ = record(&history, &JsValue::NULL, "", Some(&address.href()));
        }
        self.address.set(address);
        true
    }
}

/// Follows the skip link without writing `#main` into the address, whose fragment belongs to
/// share links.
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_main();
}

/// Moves keyboard and screen-reader focus to the new screen's content after a screen change,
/// as a full page load would.
fn focus_main() {
    request_animation_frame(|| {
        if let Some(main) = document().get_element_by_id("main") {
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    });
}

fn address_in_location() -> Address {
    Address::from_query(&window().location().search().unwrap_or_default())
}

/// The whole app: header with navigation, the current screen, and the footer.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::start(Bank::builtin());
    provide_context(store);
    let address = RwSignal::new(address_in_location());
    // A share link opens its report and a coach link its invitation, whatever screen the
    // address names; a link pasted into a tab where the app is open already does too.
    let follow_fragment = move || {
        let fragment = window().location().hash().unwrap_or_default();
        if let Some(kind) = link_kind(&fragment) {
            store.dispatch(Event::OpenLink(fragment));
            address.set(Address::of(match kind {
                LinkKind::SharedReport => Screen::Report,
                LinkKind::CoachInvitation => Screen::Assessment,
            }));
        }
    };
    follow_fragment();
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        follow_fragment();
        focus_main();
    });
    let shell = Shell { address };
    provide_context(shell);

    // Back and Forward change the address without reloading; follow them.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        address.set(address_in_location());
    });
    // Another tab saved or removed something of ours: follow it, so neither tab loses work.
    let _ = window_event_listener(leptos::ev::storage, move |event| {
        store.dispatch(Event::OtherTab(event.key()));
    });

    // The screens start-up left out load once the page has nothing else to do.
    prefetch_when_idle(store);

    Effect::new(move |_| {
        let screen = shell.screen();
        let title = match screen {
            Screen::Home => crate::PRODUCT_NAME.to_string(),
            other => format!("{} · {}", other.label(), crate::PRODUCT_NAME),
        };
        document().set_title(&title);
    });

    // Session mode covers the whole screen of a projector: no skip link, header, notices or
    // footer around it, for the eye or for a screen reader.
    let presenting = Memo::new(move |_| shell.screen() == Screen::Present);
    // What the main region draws: every screen afresh for each new address, except that
    // session mode's steps, which its slide follows by itself, keep the same view, so the
    // button that moved it keeps the focus.
    let drawn = Memo::new(move |_| {
        shell.address.with(|address| match address.screen {
            Screen::Present => Address {
                section: None,
                ..address.clone()
            },
            _ => address.clone(),
        })
    });
    view! {
        <Frame presenting=presenting>
            {move || match drawn.with(|address| address.screen) {
                Screen::Home => view! { <screens::home::Home /> }.into_any(),
                Screen::About => chunk::from_chunk(screens::about::about_chunk),
                Screen::Assessment => view! { <screens::assessment::AssessmentScreen /> }.into_any(),
                Screen::Report => {
                    chunk::from_chunk(move || store::with_link_formats(store, screens::report_screen::report_chunk()))
                }
                Screen::Coach => chunk::from_chunk(screens::coach::coach_chunk),
                Screen::Compare => {
                    chunk::from_chunk(move || store::with_link_formats(store, screens::compare::compare_chunk()))
                }
                Screen::Present => {
                    chunk::from_chunk(move || store::with_link_formats(store, screens::session::present_chunk()))
                }
            }}
        </Frame>
    }
}

/// Loads every chunk, most wanted first, a few seconds after start and each when the browser
/// is idle, so that a screen opened later draws at once while start-up and the person's first
/// moves keep the device to themselves. A chunk that fails here is simply loaded again when its
/// screen opens; one that loaded is never fetched again.
#[cfg_attr(not(feature = "split"), allow(unused_variables))]
fn prefetch_when_idle(store: Store) {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async move {
        chunk::pause(chunk::PREFETCH_AFTER_MS).await;
        chunk::idle().await;
        let _ = screens::start::prefetch_start().await;
        chunk::idle().await;
        let _ = widgets::device_notices::prefetch_device_notices().await;
        chunk::idle().await;
        let _ = screens::help_request::prefetch_help_request().await;
        chunk::idle().await;
        let _ = screens::report_screen::prefetch_report().await;
        chunk::idle().await;
        let _ = store.link_formats().await;
        chunk::idle().await;
        let _ = screens::compare::prefetch_compare().await;
        chunk::idle().await;
        let _ = screens::coach::prefetch_coach().await;
        chunk::idle().await;
        let _ = screens::session::prefetch_present().await;
        chunk::idle().await;
        let _ = screens::about::prefetch_about().await;
        chunk::idle().await;
        let _ = chunk::prefetch_file_reader().await;
    });
}

/// The page around the screen on show: the skip link, the header and the notices about this
/// device above it, the footer below; in session mode (`presenting`), the screen alone.
#[component]
fn Frame(presenting: Memo<bool>, children: Children) -> impl IntoView {
    view! {
        <Show when=move || !presenting.get()>
            <a class="skip-link" href="#main" on:click=skip_to_content>
                "Skip to content"
            </a>
            <widgets::header::Header />
            <DeviceNotices />
        </Show>
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <Show when=move || !presenting.get()>
            <widgets::footer::Footer />
        </Show>
    }
}

/// The notices about this device; in the pre-rendered page, their empty place, for there is
/// no device yet to speak of.
#[cfg(not(feature = "ssr"))]
use widgets::save_status::DeviceNotices;
#[cfg(feature = "ssr")]
#[component]
fn DeviceNotices() -> impl IntoView {
    view! { <div class="device-notices"></div> }
}

/// The first screen, Home, in its frame, as HTML: what the release build writes into
/// index.html (examples/prerender.rs), rendered by the same components the app draws, with no
/// browser at hand: the notices' empty place, and the note of a browser that keeps answers
/// (the app replaces it where storage is off).
#[cfg(feature = "ssr")]
pub fn first_screen_html() -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Shell {
            address: RwSignal::new(Address::of(Screen::Home)),
        });
        view! {
            <Frame presenting=Memo::new(|_| false)>
                <screens::home::Home />
            </Frame>
        }
        .to_html()
    })
}
