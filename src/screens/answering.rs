//! Answering one assessment: the list of sections, the questions of one section, and the live
//! score, progress and save status beside them, laid out from the core's answering model.

use leptos::prelude::*;
use readiness_core::screens::answering::{live, SectionLive, Steps, HELP_STEP, HELP_STEP_SCORE};
use readiness_core::{Bank, Section};

use crate::widgets::coach_message::CoachMessage;
use crate::widgets::question::QuestionView;
use crate::widgets::save_status::SaveStatusLine;
use crate::widgets::screen_link::PlaceLink;
use crate::{chunk, Address, Screen, Shell, Store};

/// Answering the open assessment, one section per screen.
#[component]
pub fn Answering(
    /// The open assessment's id.
    id: String,
) -> impl IntoView {
    let bank = Bank::builtin();
    let shell = expect_context::<Shell>();
    let store = expect_context::<Store>();
    let aid = StoredValue::new(id.clone());
    // The coach's session never changes after the assessment starts, so it is read once.
    let coach = store.with_untracked(|workspace| {
        workspace
            .assessment(&id)
            .and_then(|stored| stored.assessment.coach.clone())
    });
    let steps = StoredValue::new(Steps::new(bank, coach.as_ref()));
    let current = Memo::new(move |_| {
        shell
            .address
            .with(|address| steps.with_value(|steps| steps.current(address.section.as_deref())))
    });
    let live = Memo::new(move |_| {
        aid.with_value(|aid| {
            store.with_assessment(aid, |stored| {
                stored.map(|stored| live(bank, &stored.assessment))
            })
        })
    });
    let title = Memo::new(move |_| {
        aid.with_value(|aid| {
            store.with_assessment(aid, |s| {
                s.map(|s| s.assessment.meta.display_name())
                    .unwrap_or_default()
            })
        })
    });
    let place = move |section: &str| Address {
        screen: Screen::Assessment,
        assessment: Some(aid.get_value()),
        section: Some(section.to_string()),
    };

    let coach_panel = coach.map(|session| {
        let note = steps.with_value(Steps::scope_note);
        view! {
            <aside class="notice invitation" aria-label="From your coach">
                <CoachMessage session=session />
                {note.map(|note| view! { <p class="details">{note}</p> })}
            </aside>
        }
    });
    view! {
        {coach_panel}
        <div class="answering">
            <nav class="section-list" aria-label="Sections">
                <p class="assessment-title">{move || title.get()}</p>
                <ol>
                    {steps
                        .with_value(|steps| steps.sections().to_vec())
                        .into_iter()
                        .map(|(index, section)| {
                            let sid = section.id();
                            let status = move || {
                                live.with(|live| live.as_ref().and_then(|live| live.section(index)).map(SectionLive::status))
                            };
                            view! {
                                <li>
                                    <PlaceLink
                                        to=Signal::derive(move || place(sid))
                                        current=Signal::derive(move || (current.get() == sid).then_some("step"))
                                    >
                                        <span class="section-name">{section.heading()}</span>
                                        <span class="section-status">{status}</span>
                                    </PlaceLink>
                                </li>
                            }
                        })
                        .collect_view()}
                    <li>
                        <PlaceLink
                            to=Signal::derive(move || place(HELP_STEP))
                            current=Signal::derive(move || (current.get() == HELP_STEP).then_some("step"))
                        >
                            <span class="section-name">"Where you want help"</span>
                        </PlaceLink>
                    </li>
                </ol>
            </nav>
            <div class="section-body">
                {move || {
                    let section_id = current.get();
                    let section = bank.sections().iter().find(|s| s.id() == section_id);
                    let body = match section {
                        Some(section) => view! { <SectionView assessment=aid.get_value() section=section /> }.into_any(),
                        None => chunk::from_chunk(super::help_request::help_request_chunk),
                    };
                    let (previous, next) = steps.with_value(|steps| steps.neighbours(&section_id));
                    view! {
                        {body}
                        <nav class="step-nav" aria-label="Previous and next section">
                            {previous.map(|p| view! {
                                <PlaceLink to=Signal::derive(move || place(p)) class="button">
                                    "Previous section"
                                </PlaceLink>
                            })}
                            {next.map(|n| view! {
                                <PlaceLink to=Signal::derive(move || place(n)) class="button primary">
                                    "Next section"
                                </PlaceLink>
                            })}
                        </nav>
                    }
                }}
            </div>
            <aside class="score-panel" aria-label="Progress and score">
                {move || {
                    let section_id = current.get();
                    let index = bank.sections().iter().position(|s| s.id() == section_id);
                    live.get().map(|live| {
                        let score = index.and_then(|index| live.section(index)).cloned();
                        let (answered, total, words) = steps.with_value(|steps| live.overall(steps));
                        view! {
                            <SectionScoreView score=score leading_phase=live.leading_phase />
                            <h2>"Overall"</h2>
                            <p>
                                <progress max=total value=answered aria-label="Questions answered"></progress>
                                " " {words}
                            </p>
                            <h2>"Where you are"</h2>
                            <p class="where">{live.where_you_are}</p>
                        }
                    })
                }}
                <SaveStatusLine />
            </aside>
        </div>
    }
}

/// The live score of the section on show.
#[component]
fn SectionScoreView(
    score: Option<SectionLive>,
    leading_phase: Option<&'static str>,
) -> impl IntoView {
    let Some(score) = score else {
        return view! { <p>{HELP_STEP_SCORE}</p> }.into_any();
    };
    view! {
        <h2>"This section"</h2>
        <div aria-live="polite" aria-atomic="true">
            <p class="score-headline">{score.headline(leading_phase)}</p>
            <p class="details">{score.coverage_line()}</p>
            {score.dont_know_line().map(|line| view! { <p class="details">{line}</p> })}
            {score.blocked().map(|gates| view! {
                <p class="blocked"><strong>"Blocked: "</strong>{gates}</p>
            })}
            {score.to_confirm().map(|gates| view! {
                <p class="to-confirm"><strong>"To confirm: "</strong>{gates}</p>
            })}
        </div>
    }
    .into_any()
}

/// The heading, introduction and questions of one section.
#[component]
fn SectionView(assessment: String, section: &'static Section) -> impl IntoView {
    view! {
        <h1>{section.heading()}</h1>
        <p class="lead">{section.intro()}</p>
        <div class="questions">
            {section
                .questions()
                .iter()
                .enumerate()
                .map(|(index, question)| {
                    view! { <QuestionView assessment=assessment.clone() question=question number=index + 1 /> }
                })
                .collect_view()}
        </div>
    }
}
