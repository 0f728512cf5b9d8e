//! Progress over time: two assessments or snapshots on this device, earlier and later,
//! compared step by step and question by question.

use leptos::prelude::*;
use readiness_core::{percent_text, progress, Bank, Progress, Question, QuestionMove};

use crate::widgets::table_scroll::TableScroll;
use crate::Store;

/// The choice of two results and what changed between them.
#[component]
pub fn ProgressOverTime() -> impl IntoView {
    let store = expect_context::<Store>();
    let earlier = RwSignal::new(String::new());
    let later = RwSignal::new(String::new());
    let options = move || {
        store
            .with(|workspace| workspace.listed())
            .into_iter()
            .map(|listed| {
                let label = listed.choice_label();
                view! { <option value=listed.id>{label}</option> }
            })
            .collect_view()
    };
    let select = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id on:change:target=move |ev| value.set(ev.target().value()) prop:value=move || value.get()>
                    <option value="">"Choose…"</option>
                    {options}
                </select>
            </div>
        }
    };
    let result = move || {
        let (before, after) = (earlier.get(), later.get());
        if before.is_empty() || after.is_empty() {
            return None;
        }
        let before = store.assessment(&before)?;
        let after = store.assessment(&after)?;
        let bank = Bank::builtin();
        let change = progress(bank, &before.assessment, &after.assessment);
        Some(progress_view(&change, bank))
    };
    view! {
        <section class="progress-over-time" aria-labelledby="progress-title">
            <h2 id="progress-title">"Progress over time"</h2>
            <Show
                when=move || store.with(|w| w.assessments().len() >= 2)
                fallback=|| view! {
                    <p>
                        "Compare two results of the same partnership: answer again months later, or save a snapshot of an assessment (on the assessment list or the report) before it changes. Two results on this device are needed."
                    </p>
                }
            >
                <p>"Choose an earlier and a later result of the same partnership."</p>
                <div class="progress-choice">
                    {select("progress-earlier", "Earlier result", earlier)}
                    {select("progress-later", "Later result", later)}
                </div>
            </Show>
            <div aria-live="polite">{result}</div>
        </section>
    }
}

fn question_list(title: &'static str, questions: &[&Question]) -> impl IntoView {
    (!questions.is_empty()).then(|| {
        let items = questions
            .iter()
            .map(|q| view! { <li>{q.gate_label().to_string()}</li> })
            .collect_view();
        view! {
            <h3>{title}</h3>
            <ul>{items}</ul>
        }
    })
}

fn move_list(title: &'static str, moves: &[QuestionMove<'_>], bank: &Bank) -> impl IntoView {
    (!moves.is_empty()).then(|| {
        let items = moves
            .iter()
            .map(|m| {
                view! { <li>{m.words(bank)}</li> }
            })
            .collect_view();
        view! {
            <h3>{title}</h3>
            <ul>{items}</ul>
        }
    })
}

/// What changed, in the order a partnership reads it: place, gates, steps, questions.
pub(crate) fn progress_view(change: &Progress<'_>, bank: &Bank) -> AnyView {
    if let Some(line) = change.unchanged_line() {
        return view! { <p class="notice">{line}</p> }.into_any();
    }
    let steps = change
        .steps
        .iter()
        .map(|step| {
            view! {
                <tr>
                    <th scope="row">{step.section.heading()}</th>
                    <td>{percent_text(step.before)}</td>
                    <td>{percent_text(step.after)}</td>
                    <td>{step.change_words()}</td>
                    <td>{step.gate_words()}</td>
                </tr>
            }
        })
        .collect_view();
    let [before, now] = change.where_lines();
    view! {
        <p class="where">{before}</p>
        <p class="where">{now}</p>
        <p>{change.phase_line()}</p>
        {question_list("Gates cleared", &change.gates_cleared)}
        {question_list("Gates newly blocking", &change.gates_blocked)}
        <TableScroll label="Change per launch step">
            <table class="report-table">
                <caption>"Readiness of each launch step, before and now"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Step"</th>
                        <th scope="col">"Before"</th>
                        <th scope="col">"Now"</th>
                        <th scope="col">"Change"</th>
                        <th scope="col">"Gate"</th>
                    </tr>
                </thead>
                <tbody>{steps}</tbody>
            </table>
        </TableScroll>
        {move_list("Moved up", &change.moved_up, bank)}
        {move_list("Moved down", &change.moved_down, bank)}
        {question_list("Answered for the first time", &change.newly_answered)}
        {question_list("No longer answered", &change.no_longer_answered)}
    }
    .into_any()
}
