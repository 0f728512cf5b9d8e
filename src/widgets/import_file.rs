//! Opening a JSON file (an export, or answers downloaded when saving failed) as a new
//! assessment on this device. Files are read in the browser; nothing is uploaded.

use leptos::prelude::*;
use readiness_core::{Event, Imported, MAX_IMPORT_BYTES};
use wasm_bindgen_futures::JsFuture;

use crate::chunk::NotLoaded;
use crate::store::stamp;
use crate::Store;
use crate::{Address, Screen, Shell};

/// Reads one readiness file in the browser: refused unread when over the size limit, then
/// checked by the core. The error is a sentence for the person, naming the file.
pub async fn read_file(file: &web_sys::File) -> Result<Imported, String> {
    // Refused before reading, so a huge file never fills the page's memory.
    if file.size() > MAX_IMPORT_BYTES as f64 {
        // In tenths of a megabyte, with whole numbers: formatting a float would bring the
        // standard library's float printer into the first module for this one sentence.
        let tenths = (file.size() as u64).div_ceil(100_000);
        return Err(format!(
            "\"{}\" is {}.{} MB; a readiness file is at most 1 MB. Is it the right file?",
            file.name(),
            tenths / 10,
            tenths % 10
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|value| value.as_string())
        .ok_or_else(|| format!("\"{}\" could not be read by the browser.", file.name()))?;
    let read = crate::chunk::read_file_text(text)
        .await
        .map_err(|NotLoaded| {
            format!(
                "\"{}\" could not be opened: the part of the app that reads files did not load. \
             Check the connection, then try again.",
                file.name()
            )
        })?;
    read.map_err(|error| format!("\"{}\" could not be opened: {error}", file.name()))
}

/// The files a drop carries, or a file picker holds.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|at| list.get(at)).collect())
        .unwrap_or_default()
}

/// A drop zone with a file picker: the files dropped or picked go to `on_files`.
#[component]
pub fn FileDrop(
    /// The file input's id, for its label.
    input_id: &'static str,
    /// The picker's button text.
    pick: &'static str,
    /// Whether several files may be picked at once.
    multiple: bool,
    /// What to do with the files.
    on_files: Callback<Vec<web_sys::File>>,
    /// What the zone is for, shown inside it.
    children: Children,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                on_files.run(files_of(ev.data_transfer().and_then(|data| data.files())));
            }
        >
            {children()}
            <label for=input_id class="button">{pick}</label>
            <input
                id=input_id
                class="visually-hidden"
                type="file"
                multiple=multiple
                accept=".json,application/json"
                on:change:target=move |ev| {
                    on_files.run(files_of(ev.target().files()));
                    ev.target().set_value("");
                }
            />
        </div>
    }
}

/// Reads one file and keeps it as a new assessment; returns what to tell the person.
async fn import(file: web_sys::File, store: Store, shell: Shell) -> Result<(), String> {
    let imported = read_file(&file).await?;
    let mut said: Vec<String> = imported.note.into_iter().collect();
    said.extend(imported.skipped.iter().map(|s| format!("Left out {s}.")));
    let at = stamp();
    let id = at.fresh_id.clone();
    store.dispatch(Event::KeepCopy {
        assessment: Box::new(imported.assessment),
        at,
    });
    store.dispatch(Event::AddNotices(said));
    shell.navigate(Address {
        screen: Screen::Report,
        assessment: Some(id),
        section: None,
    });
    Ok(())
}

/// A file picker and a drop zone for a JSON file to open as a new assessment.
#[component]
pub fn ImportFile() -> impl IntoView {
    let store = expect_context::<Store>();
    let shell = expect_context::<Shell>();
    let message = RwSignal::new(None::<String>);
    let on_files = Callback::new(move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match import(file, store, shell).await {
                Ok(()) => message.set(None),
                Err(problem) => message.set(Some(problem)),
            }
        });
    });
    view! {
        <section aria-labelledby="import-title" class="import-file">
            <h2 id="import-title">"Open a file"</h2>
            <FileDrop input_id="import-input" pick="Choose a file" multiple=false on_files=on_files>
                <p>
                    "Open a readiness file (JSON) exported from this check, here or on another device. It becomes a new assessment on this device; nothing you already have is changed. You can also drop the file here."
                </p>
            </FileDrop>
            {move || message.get().map(|problem| view! { <p class="notice danger" role="alert">{problem}</p> })}
        </section>
    }
}
