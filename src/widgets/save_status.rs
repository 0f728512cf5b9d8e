//! What the person must know about saving: the "saved on this device" line, and the place of
//! the notices about storage that failed, data set aside, and shared-computer mode
//! (`device_notices`, drawn from their own chunk when there is one to show).

use leptos::prelude::*;
use readiness_core::SaveStatus;

use crate::{chunk, Store};

/// The short line beside the questions that says whether the latest change is kept.
#[component]
pub fn SaveStatusLine() -> impl IntoView {
    let store = expect_context::<Store>();
    let status = Memo::new(move |_| store.with(|workspace| workspace.status().clone()));
    let text = move || match status.get() {
        SaveStatus::Saved => "Saved on this device".to_string(),
        SaveStatus::NotSaving => "Not saved: shared-computer mode".to_string(),
        SaveStatus::Failed(error) => format!("Not saved: {error}"),
    };
    let class = move || match status.get() {
        SaveStatus::Saved => "save-status saved",
        _ => "save-status not-saved",
    };
    view! {
        <p class=class role="status">
            {text}
        </p>
    }
}

/// Where the notices about this device go, above every screen: drawn from their chunk only
/// when one of them has something to say.
#[component]
pub fn DeviceNotices() -> impl IntoView {
    let store = expect_context::<Store>();
    let something_to_say =
        Memo::new(move |_| store.with(|workspace| workspace.has_device_notice()));
    view! {
        <div class="device-notices">
            {move || something_to_say.get().then(|| chunk::notice_from_chunk(super::device_notices::device_notices_chunk))}
        </div>
    }
}
