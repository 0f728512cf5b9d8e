//! Copies text for the person to paste elsewhere.

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
