//! Sector Partnership Readiness Check: the browser shell around `readiness_core`.
//!
//! `App` builds the shared state once and provides it; each screen in `ui` reads it with
//! `expect_context`. Views stay thin: what the answers mean is decided in the core crate.

pub mod screen;
pub mod storage;
pub mod ui;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

pub use screen::Screen;

/// The state every screen shares, provided by [`App`].
#[derive(Clone, Copy)]
pub struct Shell {
    /// The screen on show.
    pub screen: ReadSignal<Screen>,
    set_screen: WriteSignal<Screen>,
}

impl Shell {
    /// Shows `screen` and records it in the browser's history, so Back returns to where the
    /// person was. The fragment is dropped: it only ever carries data that was opened already.
    pub fn navigate(self, screen: Screen) {
        if screen == self.screen.get_untracked() {
            return;
        }
        if let Ok(history) = window().history() {
            // A refused history entry only costs the Back button, never the screen change.
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&screen.href()));
        }
        self.set_screen.set(screen);
        focus_main();
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
            if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                let _ = main.focus();
            }
        }
    });
}

/// The whole app: header with navigation, the current screen, and the footer.
#[component]
pub fn App() -> impl IntoView {
    let initial = Screen::from_query(&window().location().search().unwrap_or_default());
    let (screen, set_screen) = signal(initial);
    let shell = Shell { screen, set_screen };
    provide_context(shell);

    // Back and Forward change the address without reloading; follow them.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let query = window().location().search().unwrap_or_default();
        set_screen.set(Screen::from_query(&query));
    });

    Effect::new(move |_| {
        let title = match screen.get() {
            Screen::Home => ui::PRODUCT_NAME.to_string(),
            other => format!("{} · {}", other.label(), ui::PRODUCT_NAME),
        };
        document().set_title(&title);
    });

    view! {
        <a class="skip-link" href="#main" on:click=skip_to_content>
            "Skip to content"
        </a>
        <ui::header::Header />
        <main id="main" tabindex="-1">
            {move || match screen.get() {
                Screen::Home => view! { <ui::home::Home /> }.into_any(),
                Screen::About => view! { <ui::about::About /> }.into_any(),
                coming => view! { <ui::upcoming::Upcoming screen=coming /> }.into_any(),
            }}
        </main>
        <ui::footer::Footer />
    }
}
