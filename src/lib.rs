//! Sector Partnership Readiness Check: the browser shell around `readiness_core`.
//!
//! `App` builds the shared state once and provides it; each screen in `ui` reads it with
//! `expect_context`. Views stay thin: what the answers mean is decided in the core crate.

pub mod assessments;
pub mod clipboard;
pub mod download;
pub mod screen;
pub mod storage;
pub mod ui;

use leptos::prelude::*;
use readiness_core::{decode_share_link, Bank, ShareLinkError, SharedAssessment, SHARE_KEY};
use wasm_bindgen::{JsCast, JsValue};

pub use assessments::Assessments;
pub use screen::{Address, Screen};

/// A report opened from a share link: what the fragment held, or why it could not be read.
/// It is shown read-only and kept only in the page until the person saves a copy.
#[derive(Clone, Copy)]
pub struct SharedReport(pub RwSignal<Option<Result<SharedAssessment, ShareLinkError>>>);

/// Reads a share link from the address's fragment, if there is one.
fn shared_in_location(bank: &Bank) -> Option<Result<SharedAssessment, ShareLinkError>> {
    let hash = window().location().hash().unwrap_or_default();
    let fragment = hash.strip_prefix('#').unwrap_or(&hash);
    let is_share = fragment
        .split('&')
        .any(|part| part.trim().starts_with(&format!("{SHARE_KEY}=")));
    is_share.then(|| decode_share_link(bank, fragment))
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
        if self.address.with_untracked(|here| *here == address) {
            return;
        }
        if let Ok(history) = window().history() {
            // A refused history entry only costs the Back button, never the screen change.
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&address.href()));
        }
        self.address.set(address);
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
    let bank = Bank::builtin();
    let shared = shared_in_location(bank);
    let mut first = address_in_location();
    // A share link opens its report, whatever screen the address names.
    if shared.is_some() {
        first = Address::of(Screen::Report);
    }
    provide_context(SharedReport(RwSignal::new(shared)));
    let address = RwSignal::new(first);
    let shell = Shell { address };
    provide_context(shell);
    let assessments = Assessments::load(bank);
    provide_context(assessments);

    // Back and Forward change the address without reloading; follow them.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        address.set(address_in_location());
    });
    // Another tab saved or removed something of ours: follow it, so neither tab loses work.
    let _ = window_event_listener(leptos::ev::storage, move |event| match event.key() {
        Some(key) => {
            if let Some(id) = storage::assessment_id_of_key(&key) {
                assessments.follow_other_tab(bank, Some(id));
            }
        }
        None => assessments.follow_other_tab(bank, None),
    });

    Effect::new(move |_| {
        let screen = shell.screen();
        let title = match screen {
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
        <ui::save_status::DeviceNotices />
        <main id="main" tabindex="-1">
            {move || match shell.screen() {
                Screen::Home => view! { <ui::home::Home /> }.into_any(),
                Screen::About => view! { <ui::about::About /> }.into_any(),
                Screen::Assessment => view! { <ui::assessment::AssessmentScreen /> }.into_any(),
                Screen::Report => view! { <ui::report_screen::ReportScreen /> }.into_any(),
                coming => view! { <ui::upcoming::Upcoming screen=coming /> }.into_any(),
            }}
        </main>
        <ui::footer::Footer />
    }
}
