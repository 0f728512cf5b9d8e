//! What the Compare and Portfolio screens share to gather results: a choice of this device's
//! assessments, and the list of what could not be added.

use leptos::prelude::*;

use crate::Store;

/// A checkbox for each assessment on this device; the ids chosen are in `chosen`.
#[component]
fn DeviceChoice(
    /// The ids of the assessments chosen.
    chosen: RwSignal<Vec<String>>,
    /// What the checkboxes' ids start with, unique on the page.
    id_prefix: &'static str,
    /// Whether each is named with its date too.
    with_date: bool,
) -> impl IntoView {
    let store = expect_context::<Store>();
    move || {
        store
            .with(|workspace| workspace.listed())
            .into_iter()
            .map(|listed| {
                let id = listed.id.clone();
                let input_id = format!("{id_prefix}{id}");
                let label_for = input_id.clone();
                let id_checked = id.clone();
                let name = if with_date {
                    listed.choice_label()
                } else {
                    listed.name.clone()
                };
                view! {
                    <label class="choice" for=label_for>
                        <input
                            type="checkbox"
                            id=input_id
                            prop:checked=move || chosen.with(|c| c.contains(&id_checked))
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                let id = id.clone();
                                chosen.update(|c| {
                                    c.retain(|x| *x != id);
                                    if on {
                                        c.push(id);
                                    }
                                });
                            }
                        />
                        <span>{name}</span>
                    </label>
                }
            })
            .collect_view()
    }
}

/// This device's assessments to choose from, and the button that adds those chosen; nothing
/// when the device holds none.
#[component]
pub fn ChooseFromDevice(
    /// The ids of the assessments chosen.
    chosen: RwSignal<Vec<String>>,
    /// What the checkboxes' ids start with, unique on the page.
    id_prefix: &'static str,
    /// Whether each is named with its date too.
    with_date: bool,
    /// Adds the chosen assessments.
    on_add: Callback<()>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <Show when=move || store.with(|w| !w.assessments().is_empty())>
            <fieldset class="help-areas">
                <legend>"Assessments on this device"</legend>
                <DeviceChoice chosen=chosen id_prefix=id_prefix with_date=with_date />
            </fieldset>
            <p>
                <button type="button" class="button" on:click=move |_| on_add.run(())>
                    "Add the chosen assessments"
                </button>
            </p>
        </Show>
    }
}

/// What could not be added, one line each, under `heading`; nothing when all was.
#[component]
pub fn NotAdded(
    /// The lines.
    problems: Signal<Vec<String>>,
    /// What the list says first.
    heading: &'static str,
) -> impl IntoView {
    view! {
        <div role="alert">
            {move || {
                let trouble = problems.get();
                (!trouble.is_empty()).then(|| view! {
                    <div class="notice danger">
                        <p><strong>{heading}</strong></p>
                        <ul>{trouble.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
        </div>
    }
}
