//! Chunks: code start-up does not need, in a wasm module of its own in the release build.
//! `chunk!` defines a split point; each screen in a chunk (the start list, the last step of
//! an assessment, the device notices, the report, Compare, the coach's form, session mode,
//! About) defines its own beside its component, and this module holds the two that are not
//! screens (the file reader and the link formats) and the way a chunk is drawn once it is
//! here ([`from_chunk`], [`notice_from_chunk`]). It names no screen and not the store, so the
//! screens and the store use it and nothing here uses them.
//!
//! With the `split` feature (release builds only), each such function is a split point: its
//! body, and all code only it reaches, moves into a separate wasm module that the browser
//! fetches the first time it is needed, or before, from three seconds after start when the page
//! is idle (the app's `prefetch_when_idle`). Without the feature (trunk serve, the component
//! tests) the same functions are plain async functions in the one module, so both builds draw
//! the same views.
//!
//! Leptos's `#[lazy]` expects every load to succeed and panics when one fails, and a panic stops
//! the whole app. The split points here are the same attribute underneath (`wasm_split`, which
//! Leptos re-exports) with its `fallible` option, so a chunk that does not arrive (offline before
//! the service worker kept it, a server that lost it) is a message and a Try again button, and
//! the person's work stays on the page.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;
use readiness_core::{decode_export, Bank, Imported, LinkFormats};

/// A screen's chunk did not arrive.
#[derive(Debug, Clone, Copy)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Draws a screen: the code that only runs once its chunk is here.
pub type DrawScreen = fn() -> AnyView;

/// Defines a chunk named `$chunk`: `$name` loads it and runs `$body` there (the split build) or
/// here (one module), and `$prefetch` only loads it. A screen's body hands back the function that draws the
/// screen, so the caller can still decide not to when the person left meanwhile.
macro_rules! chunk {
    (
        $(#[$doc:meta])*
        $chunk:ident: fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty, $prefetch:ident => $body:expr
    ) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(#[allow(dead_code)] $prefetch)
        )]
        pub fn $name($($arg: $ty),*) -> Result<$out, $crate::chunk::NotLoaded> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, $crate::chunk::NotLoaded> {
            Ok($body)
        }
    };
}
pub(crate) use chunk;

chunk!(
    /// Reads a readiness file's text (an export, or answers saved when storage failed) into an
    /// assessment, or the sentence that says why it cannot be opened: the JSON reader and the
    /// checks of an imported record, which start-up never needs.
    file_reader: fn read_file_text(text: String) -> Result<Imported, String>, prefetch_file_reader =>
        decode_export(Bank::builtin(), &text).map_err(|error| error.to_string())
);
chunk!(
    /// The share-link, coach-link and kept-group formats (deflate, base64 and the link
    /// readers), which start-up needs only when the address holds a link or the tab kept a
    /// group.
    link_formats: fn link_formats() -> LinkFormats, prefetch_link_formats => readiness_core::link_formats()
);

/// How long after start the chunks begin to come: past the first screen's drawing and the
/// first seconds a person spends reading it.
#[cfg(feature = "split")]
pub(crate) const PREFETCH_AFTER_MS: i32 = 3_000;

/// Resolves after `ms` milliseconds.
#[cfg(feature = "split")]
pub(crate) async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves when the browser is idle, or after a moment where it cannot say (Safari has no
/// `requestIdleCallback`).
#[cfg(feature = "split")]
pub(crate) async fn idle() {
    use wasm_bindgen::{JsCast, JsValue};
    let window = window();
    let request_idle_callback =
        js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
            .ok()
            .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
    match request_idle_callback {
        Some(request_idle_callback) => {
            let promise = js_sys::Promise::new(&mut |resolve, _| {
                let _ = request_idle_callback.call1(&window, &resolve);
            });
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
        None => pause(200).await,
    }
}

/// A screen whose chunk may still be on its way. While it comes, the main region keeps its
/// height, so the footer does not jump; a chunk that does not come is said so, with a way to try
/// again. A screen the person left before its chunk came is not drawn at all.
///
/// The wait is a signal set by a spawned task rather than a `<Suspense>`: a view drawn inside a
/// suspense after its chunk came kept effects that outlived the screen and read its disposed
/// signals when the person moved on; here the screen is drawn like any other, and a task that
/// finishes after the person left sets a signal that is gone, which does nothing.
pub fn from_chunk<F>(screen: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Result<DrawScreen, NotLoaded>> + 'static,
{
    drawn_from_chunk(
        Arc::new(move || Box::pin(screen()) as ScreenLoad),
        Placeholder::Screen,
    )
}

/// A notice whose chunk may still be on its way: nothing holds its place meanwhile, and one that
/// does not come is said so in a line of its own, with a way to try again.
pub fn notice_from_chunk<F>(notice: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Result<DrawScreen, NotLoaded>> + 'static,
{
    drawn_from_chunk(
        Arc::new(move || Box::pin(notice()) as ScreenLoad),
        Placeholder::Notice,
    )
}

/// A chunk on its way. Boxed, so that one `drawn_from_chunk` serves every chunk rather than one
/// copy of it per screen in the main module.
type ScreenLoad = Pin<Box<dyn Future<Output = Result<DrawScreen, NotLoaded>>>>;

/// What a view waiting for its chunk stands in.
#[derive(Clone, Copy)]
enum Placeholder {
    /// The main region, whose height it holds.
    Screen,
    /// A notice above the screen.
    Notice,
}

fn drawn_from_chunk(
    load: Arc<dyn Fn() -> ScreenLoad + Send + Sync>,
    stands: Placeholder,
) -> AnyView {
    let loaded = RwSignal::new(None::<Result<DrawScreen, NotLoaded>>);
    let start = Callback::new(move |()| {
        let coming = load();
        leptos::task::spawn_local(async move {
            let outcome = coming.await;
            loaded.try_set(Some(outcome));
        })
    });
    start.run(());
    let try_again = move || {
        loaded.set(None);
        start.run(());
    };
    (move || match (loaded.get(), stands) {
        (None, Placeholder::Screen) => {
            view! { <div class="screen-coming" aria-busy="true"></div> }.into_any()
        }
        (None, Placeholder::Notice) => ().into_any(),
        (Some(Ok(draw)), _) => draw(),
        (Some(Err(NotLoaded)), Placeholder::Screen) => {
            view! { <NotLoadedNotice try_again /> }.into_any()
        }
        (Some(Err(NotLoaded)), Placeholder::Notice) => view! {
            <div class="notice warning" role="alert">
                <p>
                    "A notice about saving on this device could not be shown, because part of "
                    "the app could not be fetched. Check the connection, then try again."
                </p>
                <button type="button" on:click=move |_| try_again()>
                    "Try again"
                </button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

/// What shows in place of a screen whose chunk did not arrive.
#[component]
fn NotLoadedNotice(try_again: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    view! {
        <section class="notice danger" role="alert">
            <h1>"This screen did not load"</h1>
            <p>
                "Part of the app could not be fetched, perhaps because this device went offline "
                "before the app was fully kept on it. Your answers are safe on this device. "
                "Check the connection, then try again."
            </p>
            <button type="button" on:click=move |_| try_again()>
                "Try again"
            </button>
        </section>
    }
}
