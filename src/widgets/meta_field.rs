//! One labelled field of a form about who and what is assessed (or a coach's session), with
//! its error when it is required and empty, or, for a date, when the browser cannot read it.

use leptos::prelude::*;
use readiness_core::MAX_META_CHARS;

/// What a date field says when the browser holds a date it cannot read.
const UNREADABLE_DATE: &str =
    "This is not a whole date: enter the day, month and year again, or clear the field.";

/// One labelled text field of a form, with its message when it is required and missing, or,
/// for a date, when the browser cannot read what was typed.
#[component]
pub fn MetaField(
    /// The field's id.
    id: &'static str,
    /// The visible label.
    label: &'static str,
    /// A hint under the label.
    hint: &'static str,
    /// The field's value.
    value: RwSignal<String>,
    /// The message shown when the field is required and empty, if it is required.
    #[prop(optional)]
    required: Option<&'static str>,
    /// Whether the form has been submitted once, so missing fields are flagged.
    tried: RwSignal<bool>,
    /// The input's type, `text` unless given (`email`, `date`).
    #[prop(optional)]
    kind: Option<&'static str>,
    /// The browser's autocomplete hint, `off` unless given.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// For a date: set while the browser holds a date it cannot read (typed only in part, or
    /// not a real day). The browser then reports an empty value, so without this the date
    /// would be dropped in silence.
    #[prop(optional)]
    unreadable: Option<RwSignal<bool>>,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let check_readable = move || {
        if let (Some(unreadable), Some(input)) = (unreadable, input.get_untracked()) {
            unreadable.set(input.validity().bad_input());
        }
    };
    let missing =
        move || required.is_some() && tried.get() && value.with(|text| text.trim().is_empty());
    let cannot_read = move || tried.get() && unreadable.is_some_and(|flag| flag.get());
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = format!("{hint_id} {error_id}");
    view! {
        <div class="field">
            <label for=id>{label} {required.map(|_| " (required)")}</label>
            <span class="hint" id=hint_id>{hint}</span>
            <input
                id=id
                node_ref=input
                type=kind.unwrap_or("text")
                maxlength=MAX_META_CHARS.to_string()
                autocomplete=autocomplete.unwrap_or("off")
                aria-describedby=described
                aria-invalid=move || (missing() || cannot_read()).then_some("true")
                bind:value=value
                on:input=move |_| check_readable()
                on:change=move |_| check_readable()
                on:keyup=move |_| check_readable()
                on:blur=move |_| check_readable()
            />
            <span class="field-error" id=error_id>
                {move || {
                    if cannot_read() {
                        Some(UNREADABLE_DATE)
                    } else {
                        missing().then_some(required).flatten()
                    }
                }}
            </span>
        </div>
    }
}
