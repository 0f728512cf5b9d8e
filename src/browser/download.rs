//! Hands text to the person as a file download, entirely inside the browser.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file called `file_name`. Returns false when the browser refused, so the
/// caller can say so.
pub fn offer(file_name: &str, mime: &str, text: &str) -> bool {
    try_offer(file_name, mime, text).is_ok()
}

/// Offers `text` as a file and returns the sentence that tells the person how it went.
pub fn offer_and_tell(file_name: &str, mime: &str, text: &str) -> String {
    if offer(file_name, mime, text) {
        format!("{file_name} downloaded.")
    } else {
        "The browser refused the download.".to_string()
    }
}

fn try_offer(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Give the browser time to start the download before letting go of the address.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
