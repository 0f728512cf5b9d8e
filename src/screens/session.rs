//! Session mode: the group view (or one report, as a group of one) on a projector, one launch
//! step at a time, over the whole screen. The slide's words come from the core's
//! `session_step`; the pictures are the group view's own heat map and distribution bars.

use leptos::html::Section;
use leptos::prelude::*;
use readiness_core::{
    group_view, presented_alone, session_step, step_index, Bank, Respondent, SessionStep,
    NOTHING_TO_PRESENT,
};
use wasm_bindgen::{JsCast, JsValue};

use crate::widgets::charts::{bar_key, distribution_bar, heat_map, shade_key, step_bar};
use crate::{Address, Screen, Shell, Store};

/// Asks the browser to show the whole page full screen. Call it from a click or a key press:
/// browsers grant full screen only in answer to one. A refusal (or a browser without the
/// Fullscreen API, such as Safari on an iPhone) changes nothing: session mode covers the
/// window anyway.
pub fn request_full_screen() {
    if let Some(root) = document().document_element() {
        call_quietly(&root, "requestFullscreen");
    }
}

/// Opens session mode on the group of the Compare screen, or on the report with this id, at
/// its first step, full screen if the browser allows. Call it from a click.
pub fn present(shell: Shell, report: Option<String>) {
    request_full_screen();
    shell.navigate(Address {
        screen: Screen::Present,
        assessment: report,
        section: None,
    });
}

/// Leaves the browser's full screen, if the page is in it.
fn leave_full_screen() {
    let document = document();
    if document.fullscreen_element().is_some() {
        call_quietly(&document, "exitFullscreen");
    }
}

/// Calls a method of the page that answers with a promise, and keeps its refusal quiet. Called
/// through web-sys the promise would be dropped, and a refusal would become an uncaught
/// error in the console.
fn call_quietly(target: &JsValue, method: &str) {
    let Ok(function) = js_sys::Reflect::get(target, &JsValue::from_str(method)) else {
        return;
    };
    let Ok(function) = function.dyn_into::<js_sys::Function>() else {
        return;
    };
    if let Ok(answer) = function.call0(target) {
        if let Ok(promise) = answer.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// The whole of session mode: the slide of the step in the address, with the ways to move
/// between steps and to leave.
#[component]
pub fn SessionMode() -> impl IntoView {
    let bank = Bank::builtin();
    let shell = expect_context::<Shell>();
    let store = expect_context::<Store>();
    let presented = Memo::new(move |_| shell.address.with(|address| address.assessment.clone()));
    let section = Memo::new(move |_| shell.address.with(|address| address.section.clone()));
    // One report is presented as a group of one; otherwise the group on the Compare screen,
    // as many as it shows.
    let respondents = Memo::new(move |_| match presented.get() {
        Some(id) => store.with_assessment(&id, |stored| {
            stored
                .map(|stored| vec![presented_alone(stored.assessment.clone())])
                .unwrap_or_default()
        }),
        None => store.with(|workspace| workspace.shown_respondents()),
    });
    let slide = Memo::new(move |_| {
        respondents.with(|people| {
            let view = group_view(bank, people);
            let at = section.with(|id| step_index(&view, id.as_deref()));
            session_step(&view, at)
        })
    });

    // Where Esc and Leave go: back to the report or the comparison that was presented.
    let leave = move || {
        leave_full_screen();
        let back = match presented.get_untracked() {
            Some(id) => Address {
                screen: Screen::Report,
                assessment: Some(id),
                section: None,
            },
            None => Address::of(Screen::Compare),
        };
        shell.navigate(back);
    };
    let show = move |section: Option<String>| {
        if let Some(section) = section {
            shell.show_in_place(Address {
                screen: Screen::Present,
                assessment: presented.get_untracked(),
                section: Some(section),
            });
        }
    };
    let previous = move || show(slide.with_untracked(|s| s.previous.clone()));
    let next = move || show(slide.with_untracked(|s| s.next.clone()));

    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() || event.default_prevented() {
            return;
        }
        match event.key().as_str() {
            "ArrowRight" | "PageDown" => {
                event.prevent_default();
                next();
            }
            "ArrowLeft" | "PageUp" => {
                event.prevent_default();
                previous();
            }
            "Escape" => {
                event.prevent_default();
                // The first Esc a browser lets through while full screen only leaves full
                // screen; the next one leaves session mode, so nobody is stranded in either.
                if document().fullscreen_element().is_some() {
                    leave_full_screen();
                } else {
                    leave();
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || {
        keys.remove();
        // Back, or any other way out, leaves full screen too.
        leave_full_screen();
    });

    // Focus moves into the slide, as it would to a new page's content.
    let frame = NodeRef::<Section>::new();
    Effect::new(move |_| {
        if let Some(frame) = frame.get() {
            request_animation_frame(move || {
                let _ = frame.focus();
            });
        }
    });

    let at_start = move || slide.with(|s| s.previous.is_none());
    let at_end = move || slide.with(|s| s.next.is_none());
    view! {
        <section class="present" node_ref=frame tabindex="-1" aria-labelledby="present-heading">
            <div class="present-slide">
                {move || {
                    respondents.with(|people| slide.with(|step| slide_view(bank, people, step)))
                }}
            </div>
            <nav class="present-nav" aria-label="Launch steps">
                <button
                    type="button"
                    class="button"
                    aria-disabled=move || at_start().to_string()
                    on:click=move |_| previous()
                >
                    "Previous step"
                </button>
                <button
                    type="button"
                    class="button primary"
                    aria-disabled=move || at_end().to_string()
                    on:click=move |_| next()
                >
                    "Next step"
                </button>
                <p class="present-keys">"Arrow keys move between steps; Esc leaves."</p>
                <button type="button" class="button" on:click=move |_| leave()>
                    "Leave"
                </button>
            </nav>
            // Says the new step's name when it changes, without reading the whole slide.
            <p class="visually-hidden" role="status">
                {move || slide.with(|s| s.heading.clone())}
            </p>
        </section>
    }
}

/// One step's slide: its heading and readiness, its row of the heat map (or its bar of
/// respondents by readiness, for a large group), the gates to talk
/// about and its most disputed questions with their bars.
fn slide_view(bank: &'static Bank, people: &[Respondent], step: &SessionStep) -> AnyView {
    if people.is_empty() {
        return view! {
            <h1 id="present-heading">{NOTHING_TO_PRESENT[0]}</h1>
            <p class="present-readiness">{NOTHING_TO_PRESENT[1]}</p>
        }
        .into_any();
    }
    let view = group_view(bank, people);
    let questions = step
        .questions
        .iter()
        .filter_map(|question| {
            let row = view.questions.get(question.row)?;
            Some(view! {
                <li class="present-question" class:disagree=question.disagreement>
                    <p class="present-question-text">{question.text.clone()}</p>
                    <div class="present-question-spread">
                        {distribution_bar(bank, row)}
                        <p>{question.spread_in_words.clone()}</p>
                    </div>
                </li>
            })
        })
        .collect_view();
    let gates = if step.gates.is_empty() {
        view! { <p>{step.no_gates.clone()}</p> }.into_any()
    } else {
        view! {
            <ul class="present-gates">
                {step
                    .gates
                    .iter()
                    .map(|gate| view! {
                        <li><strong>{gate.label.clone()}</strong> ": " {gate.counts.clone()}</li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    // A column per person while the room can read one; past that, the step's bar.
    let map = if view.summarises() {
        view.steps
            .get(step.index)
            .map(|row| {
                view! {
                    <div class="present-question-spread">
                        {step_bar(row, 900.0)}
                        <p>{row.marks_in_words()}</p>
                    </div>
                    {shade_key()}
                }
            })
            .into_any()
    } else {
        heat_map(
            &view,
            Some(step.index),
            "Readiness of this step, per respondent",
        )
        .into_any()
    };
    view! {
        <h1 id="present-heading">{step.heading.clone()}</h1>
        <p class="present-readiness">{step.readiness.clone()}</p>
        {map}
        <section class="present-block" aria-labelledby="present-gates-title">
            <h2 id="present-gates-title">"Gates to talk about"</h2>
            {gates}
        </section>
        <section class="present-block" aria-labelledby="present-questions-title">
            <div class="present-block-head">
                <h2 id="present-questions-title">{step.questions_title.clone()}</h2>
                {(!step.questions.is_empty()).then(bar_key)}
            </div>
            {step.no_questions.clone().map(|words| view! { <p>{words}</p> })}
            {(!step.questions.is_empty()).then(|| view! { <ol class="present-questions">{questions}</ol> })}
        </section>
    }
    .into_any()
}

crate::chunk::chunk!(
    /// Session mode.
    present: fn present_chunk() -> crate::chunk::DrawScreen, prefetch_present =>
        || crate::widgets::later_style::with_later_style(|| view! { <SessionMode /> }.into_any())
);
