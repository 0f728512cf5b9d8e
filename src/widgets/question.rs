//! One question: its answer choices as a real radio group (or a number field for counts), its
//! help line, the advice when the answer is weak, and a note.

use leptos::prelude::*;
use readiness_core::{
    advice_in, parse_count, Answer, Bank, Edit, Question, QuestionKind, MAX_NOTE_CHARS,
};

use crate::Store;

/// One question of the open assessment.
#[component]
pub fn QuestionView(
    /// The open assessment's id.
    assessment: String,
    /// The question.
    question: &'static Question,
    /// Its number within the section, from 1.
    number: usize,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let bank = Bank::builtin();
    let qid = question.id();
    let dom_id = qid.replace('.', "-");
    let aid = StoredValue::new(assessment);
    let answer = Memo::new(move |_| {
        aid.with_value(|aid| {
            store.with_assessment(aid, |s| s.and_then(|s| s.assessment.answer(qid)))
        })
    });
    let note = Memo::new(move |_| {
        aid.with_value(|aid| {
            store.with_assessment(aid, |s| {
                s.and_then(|s| s.assessment.note(qid).map(str::to_string))
                    .unwrap_or_default()
            })
        })
    });
    let edit = move |edit: Edit| aid.with_value(|aid| store.edit(aid, edit));

    let legend_id = format!("{dom_id}-legend");
    let help_id = format!("{dom_id}-help");
    let described_by = help_id.clone();
    let source = bank
        .sources()
        .iter()
        .find(|doc| doc.seed() == question.source().seed())
        .map(|doc| format!("Source: {}, {}", doc.title(), question.source().part()));
    // The advice for this answer, read against the whole assessment: a core team is weighed
    // against the CEOs at the table, as the report does.
    let advice = Memo::new(move |_| {
        aid.with_value(|aid| {
            store.with_assessment(aid, |s| {
                s.and_then(|s| advice_in(bank, &s.assessment, question))
            })
        })
    });
    let advice = move || {
        advice.get().map(|advice| {
            let lead = match question.kind() {
                QuestionKind::Pitfall(_) => "Tip: ",
                _ => "Next step: ",
            };
            view! {
                <p class="advice">
                    <strong>{lead}</strong>
                    {advice}
                </p>
            }
        })
    };

    view! {
        <fieldset class="question" id=format!("q-{dom_id}") aria-describedby=described_by>
            <legend id=legend_id>
                <span class="number">{number} ". "</span>
                {question.text()}
                {question.is_gate().then(|| view! { <span class="gate-badge">"Gate"</span> })}
            </legend>
            <div class="question-help" id=help_id>
                {question.help().map(|help| view! { <p>{help}</p> })}
                {question.gate_line().map(|line| view! { <p class="gate-line">{line}</p> })}
                {match question.kind() {
                    QuestionKind::Count(range) => range.range_text().map(|text| view! {
                        <p>"What has worked elsewhere: " {text}</p>
                    }),
                    _ => None,
                }}
                {question.why().map(|why| view! { <p>"Why: " {why}</p> })}
            </div>
            {match question.kind() {
                QuestionKind::Count(_) => view! {
                    <CountField question=question answer=answer on_edit=Callback::new(edit) />
                }
                .into_any(),
                _ => ().into_any(),
            }}
            <div class="choices">
                {bank
                    .choices(question)
                    .into_iter()
                    .enumerate()
                    .map(|(index, choice)| {
                        let input_id = format!("{dom_id}-{index}");
                        let label_for = input_id.clone();
                        let unsure = choice.answer.is_unscored();
                        view! {
                            <label class="choice" class:unsure=unsure for=label_for>
                                <input
                                    type="radio"
                                    id=input_id
                                    name=format!("answer-{dom_id}")
                                    prop:checked=move || answer.get() == Some(choice.answer)
                                    on:change=move |_| {
                                        edit(Edit::SetAnswer {
                                            question: qid.to_string(),
                                            answer: choice.answer,
                                        })
                                    }
                                />
                                <span>{choice.label}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="question-actions">
                <button
                    type="button"
                    class="link"
                    disabled=move || answer.get().is_none()
                    on:click=move |_| edit(Edit::ClearAnswer { question: qid.to_string() })
                >
                    "Clear answer"
                </button>
                <span class="source">{source}</span>
            </p>
            {advice}
            <details class="note" open=move || !note.get().is_empty()>
                <summary>
                    {move || if note.get().is_empty() { "Add a note" } else { "Note" }}
                </summary>
                <label for=format!("{dom_id}-note") class="visually-hidden">
                    "Note on question " {number}
                </label>
                <textarea
                    id=format!("{dom_id}-note")
                    rows="2"
                    maxlength=MAX_NOTE_CHARS.to_string()
                    placeholder="Evidence, who, when"
                    prop:value=move || note.get()
                    on:input:target=move |ev| {
                        edit(Edit::SetNote {
                            question: qid.to_string(),
                            note: ev.target().value(),
                        })
                    }
                ></textarea>
            </details>
        </fieldset>
    }
}

/// The number field of a count question, which refuses anything but a whole number of 0 or
/// more with a message beside it, and keeps the last good answer meanwhile.
#[component]
fn CountField(
    question: &'static Question,
    answer: Memo<Option<Answer>>,
    on_edit: Callback<Edit>,
) -> impl IntoView {
    let qid = question.id();
    let dom_id = qid.replace('.', "-");
    let shown = |answer: Option<Answer>| match answer {
        Some(Answer::Count(count)) => count.to_string(),
        _ => String::new(),
    };
    let text = RwSignal::new(shown(answer.get_untracked()));
    let error = RwSignal::new(None::<String>);
    // Follow answers that change elsewhere (another tab, Don't know chosen here) unless the
    // field already says the same number.
    Effect::new(move |_| {
        let current = answer.get();
        let typed = text.get_untracked();
        let same = match current {
            Some(Answer::Count(count)) => parse_count(&typed) == Ok(count),
            _ => typed.trim().is_empty(),
        };
        if !same {
            text.set(shown(current));
            error.set(None);
        }
    });
    let on_input = move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlInputElement>| {
        let typed = ev.target().value();
        text.set(typed.clone());
        if typed.trim().is_empty() {
            error.set(None);
            if matches!(answer.get_untracked(), Some(Answer::Count(_))) {
                on_edit.run(Edit::ClearAnswer {
                    question: qid.to_string(),
                });
            }
            return;
        }
        match parse_count(&typed) {
            Ok(count) => {
                error.set(None);
                on_edit.run(Edit::SetAnswer {
                    question: qid.to_string(),
                    answer: Answer::Count(count),
                });
            }
            Err(problem) => error.set(Some(problem.to_string())),
        }
    };
    let input_id = format!("{dom_id}-count");
    let error_id = format!("{dom_id}-count-error");
    view! {
        <div class="field count-field">
            <label for=input_id.clone()>{question.label().to_string()} ": number"</label>
            <input
                id=input_id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                size="8"
                aria-describedby=error_id.clone()
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || text.get()
                on:input:target=on_input
            />
            <span class="field-error" id=error_id aria-live="polite">
                {move || error.get()}
            </span>
        </div>
    }
}
