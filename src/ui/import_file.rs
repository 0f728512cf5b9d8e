//! Opening a JSON file (an export, or answers downloaded when saving failed) as a new
//! assessment on this device. Files are read in the browser; nothing is uploaded.

use leptos::prelude::*;
use readiness_core::{decode_export, Bank, Imported, MAX_IMPORT_BYTES};
use wasm_bindgen_futures::JsFuture;

use crate::assessments::Assessments;
use crate::{Address, Screen, Shell};

/// Reads one readiness file in the browser: refused unread when over the size limit, then
/// checked by the core. The error is a sentence for the person, naming the file.
pub async fn read_file(file: &web_sys::File) -> Result<Imported, String> {
    // Refused before reading, so a huge file never fills the page's memory.
    if file.size() > MAX_IMPORT_BYTES as f64 {
        return Err(format!(
            "\"{}\" is {:.1} MB; a readiness file is at most 1 MB. Is it the right file?",
            file.name(),
            file.size() / 1_000_000.0
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|value| value.as_string())
        .ok_or_else(|| format!("\"{}\" could not be read by the browser.", file.name()))?;
    decode_export(Bank::builtin(), &text)
        .map_err(|error| format!("\"{}\" could not be opened: {error}", file.name()))
}

/// The files a drop carries, or a file picker holds.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|at| list.get(at)).collect())
        .unwrap_or_default()
}

/// Reads one file and keeps it as a new assessment; returns what to tell the person.
async fn import(
    file: web_sys::File,
    assessments: Assessments,
    shell: Shell,
) -> Result<Vec<String>, String> {
    let imported = read_file(&file).await?;
    let mut said: Vec<String> = imported.note.into_iter().collect();
    said.extend(imported.skipped.iter().map(|s| format!("Left out {s}.")));
    let id = assessments.keep_copy(imported.assessment);
    shell.navigate(Address {
        screen: Screen::Report,
        assessment: Some(id),
        section: None,
    });
    Ok(said)
}

/// A file picker and a drop zone for JSON files.
#[component]
pub fn ImportFile() -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let shell = expect_context::<Shell>();
    let message = RwSignal::new(None::<Result<Vec<String>, String>>);
    let dragging = RwSignal::new(false);
    let start = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        leptos::task::spawn_local(async move {
            let result = import(file, assessments, shell).await;
            assessments.notices.update(|notices| {
                if let Ok(said) = &result {
                    notices.extend(said.iter().cloned());
                }
            });
            message.set(Some(result.map(|_| Vec::new())));
        });
    };
    let on_pick = move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlInputElement>| {
        start(ev.target().files().and_then(|files| files.get(0)));
        ev.target().set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        start(
            ev.data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0)),
        );
    };
    view! {
        <section aria-labelledby="import-title" class="import-file">
            <h2 id="import-title">"Open a file"</h2>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p>
                    "Open a readiness file (JSON) exported from this check, here or on another device. It becomes a new assessment on this device; nothing you already have is changed. You can also drop the file here."
                </p>
                <label for="import-input" class="button">"Choose a file"</label>
                <input
                    id="import-input"
                    class="visually-hidden"
                    type="file"
                    accept=".json,application/json"
                    on:change:target=on_pick
                />
            </div>
            {move || match message.get() {
                Some(Err(problem)) => Some(view! { <p class="notice danger" role="alert">{problem}</p> }.into_any()),
                _ => None,
            }}
        </section>
    }
}
