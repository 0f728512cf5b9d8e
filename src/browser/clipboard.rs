//! Copies text for the person to paste elsewhere.

use leptos::prelude::{RwSignal, Set};
use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard; returns whether the browser accepted it. Browsers refuse
/// outside secure pages or without a click, and the caller then shows the text to copy by hand.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// Copies `text`, then puts into `say` the sentence for how it went: `copied` when the browser
/// took it, `refused` (which says what to do instead) when it did not.
pub fn copy_and_tell(
    text: String,
    copied: String,
    refused: &'static str,
    say: RwSignal<Option<String>>,
) {
    leptos::task::spawn_local(async move {
        let said = if copy(&text).await {
            copied
        } else {
            refused.to_string()
        };
        say.set(Some(said));
    });
}
