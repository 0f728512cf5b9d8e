//! The notices shown above every screen when something about saving needs the person's
//! attention: storage that failed, shared-computer mode, data set aside, and what was left out
//! of what was loaded. They come in a chunk of their own (`save_status::DeviceNotices` asks for
//! it only when there is something to say).

use leptos::prelude::*;
use readiness_core::{Event, SaveStatus};

use crate::{browser::download, Store};

/// Every assessment in the page, as one file a person can keep when storage fails.
fn offer_everything(store: Store) -> bool {
    let text = store.with_untracked(|workspace| workspace.everything_as_json());
    download::offer("readiness-check-answers.json", "application/json", &text)
}

/// Every notice there is to show now.
#[component]
pub fn DeviceNoticeList() -> impl IntoView {
    let store = expect_context::<Store>();
    let download_refused = RwSignal::new(false);
    let keep_answers = move |_| download_refused.set(!offer_everything(store));
    let status = Memo::new(move |_| store.with(|workspace| workspace.status().clone()));
    let shared_mode = Memo::new(move |_| store.with(|workspace| workspace.shared_mode()));
    let set_aside = Memo::new(move |_| store.with(|workspace| workspace.set_aside().to_vec()));
    let notices = Memo::new(move |_| store.with(|workspace| workspace.notices().to_vec()));

    let failed = move || match status.get() {
        SaveStatus::Failed(error) => Some(view! {
            <div class="notice danger" role="alert">
                <p>
                    <strong>"Not saved on this device: " {error.to_string()} "."</strong>
                    " What you enter stays on this page and is saved as soon as the device lets the app. "
                    "To be safe, download your answers before you close the page."
                </p>
                <p class="actions">
                    <button type="button" class="button" on:click=move |_| store.dispatch(Event::Retry)>
                        "Try saving again"
                    </button>
                    <button type="button" class="button" on:click=keep_answers>
                        "Download my answers"
                    </button>
                </p>
                <Show when=move || download_refused.get()>
                    <p>"The browser refused the download too. Copy your answers by hand before closing the page."</p>
                </Show>
            </div>
        }),
        _ => None,
    };

    let shared = move || {
        shared_mode.get().then(|| view! {
            <div class="notice" role="status">
                <p>
                    <strong>"Shared-computer mode: nothing you enter is saved on this device."</strong>
                    " Download or share your results before you close the page."
                </p>
                <p class="actions">
                    <button type="button" class="button" on:click=keep_answers>
                        "Download my answers"
                    </button>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| store.dispatch(Event::SetSharedMode(false))
                    >
                        "Save on this device from now on"
                    </button>
                </p>
            </div>
        })
    };

    let set_aside = move || {
        let entries = set_aside.get();
        (!entries.is_empty()).then(|| view! {
            <div class="notice warning" role="status">
                <p>
                    <strong>"Some data saved on this device could not be read."</strong>
                    " It has been kept aside, unchanged, so nothing is lost. You can download it to keep it or to send it to whoever supports you."
                </p>
                <ul>
                    {entries
                        .into_iter()
                        .enumerate()
                        .map(|(index, entry)| {
                            let key = entry.key.clone();
                            let raw = entry.raw.clone();
                            let file_name = format!("readiness-check-unreadable-{}.txt", index + 1);
                            view! {
                                <li>
                                    <span>{entry.reason}</span>
                                    " "
                                    <button
                                        type="button"
                                        class="link"
                                        on:click=move |_| {
                                            download::offer(&file_name, "text/plain", &raw);
                                        }
                                    >
                                        "Download the unreadable text"
                                    </button>
                                    " "
                                    <button
                                        type="button"
                                        class="link"
                                        on:click=move |_| store.dispatch(Event::DiscardSetAside(key.clone()))
                                    >
                                        "Remove it from this device"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        })
    };

    let notices = move || {
        let notices = notices.get();
        (!notices.is_empty()).then(|| view! {
            <div class="notice" role="status">
                <p>"About what was loaded (parts that do not fit this version of the check are left out):"</p>
                <ul>{notices.into_iter().map(|notice| view! { <li>{notice}</li> }).collect_view()}</ul>
                <p class="actions">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| store.dispatch(Event::DismissNotices)
                    >
                        "Dismiss"
                    </button>
                </p>
            </div>
        })
    };

    view! { {failed} {shared} {set_aside} {notices} }
}

crate::chunk::chunk!(
    /// The notices about saving on this device, shown only when one has something to say.
    device_notices: fn device_notices_chunk() -> crate::chunk::DrawScreen, prefetch_device_notices =>
        || view! { <DeviceNoticeList /> }.into_any()
);
