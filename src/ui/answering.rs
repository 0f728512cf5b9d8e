//! Answering one assessment: the list of sections, the questions of one section, and the live
//! score, progress and save status beside them.

use leptos::prelude::*;
use readiness_core::{
    phase_profile, section_scores, Assessment, Band, Bank, Section, SectionKind, WhereYouAre,
};

use super::coach_message::CoachMessage;
use super::question::QuestionView;
use super::save_status::SaveStatusLine;
use super::screen_link::PlaceLink;
use crate::{chunk, Address, Screen, Shell, Store};

/// The id of the last screen of an assessment, where the region says where it wants help.
pub const HELP_STEP: &str = "help";

/// What the page shows of one section's score; owned, so it can live in a memo.
#[derive(Clone, Debug, PartialEq, Eq)]
struct LiveScore {
    answered: u32,
    total: u32,
    dont_know: u32,
    readiness: Option<u8>,
    coverage: u8,
    band: Option<Band>,
    blocked_by: Vec<String>,
    /// Gates not confirmed yet, once the section has answers.
    to_confirm: Vec<String>,
}

/// Everything the page shows that is computed from the answers, computed once per change.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Live {
    sections: Vec<LiveScore>,
    where_you_are: String,
    leading_phase: Option<&'static str>,
}

fn live(bank: &'static Bank, assessment: &Assessment) -> Live {
    let scores = section_scores(bank, assessment);
    let sections: Vec<LiveScore> = scores
        .iter()
        .map(|score| LiveScore {
            answered: score.answered,
            total: score.total,
            dont_know: score.dont_know,
            readiness: score.readiness_pct(),
            coverage: score.coverage_pct(),
            band: score.band(),
            blocked_by: score
                .blocked_by
                .iter()
                .map(|q| q.gate_label().to_string())
                .collect(),
            to_confirm: score
                .gates_to_confirm()
                .iter()
                .map(|q| q.gate_label().to_string())
                .collect(),
        })
        .collect();
    Live {
        sections,
        where_you_are: WhereYouAre::for_assessment(&scores, assessment).sentence(),
        leading_phase: phase_profile(bank, assessment).leading.map(|p| p.name()),
    }
}

/// The position of a section id in the bank, or the help step after the last section.
fn position(bank: &Bank, section: &str) -> usize {
    bank.sections()
        .iter()
        .position(|s| s.id() == section)
        .unwrap_or(bank.sections().len())
}

/// The sections before and after the one at bank index `index`, among those in scope; the
/// help step follows the last section.
fn neighbours(
    in_scope: &[(usize, &'static Section)],
    index: usize,
) -> (Option<&'static str>, Option<&'static str>) {
    let at = in_scope.iter().position(|(i, _)| *i == index);
    match at {
        Some(at) => (
            at.checked_sub(1).map(|before| in_scope[before].1.id()),
            Some(in_scope.get(at + 1).map_or(HELP_STEP, |(_, s)| s.id())),
        ),
        // The help step: back to the last section in scope.
        None => (in_scope.last().map(|(_, s)| s.id()), None),
    }
}

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
    // A coach's link limits the sections to those in its scope; the bank's index of each is
    // kept, since the live scores are in bank order.
    let in_scope: Vec<(usize, &'static Section)> = bank
        .sections()
        .iter()
        .enumerate()
        .filter(|(_, section)| coach.as_ref().is_none_or(|c| c.in_scope(section.id())))
        .collect();
    let in_scope = StoredValue::new(in_scope);
    let first = in_scope
        .with_value(|list| list.first().map(|(_, s)| s.id()))
        .unwrap_or(bank.sections()[0].id());
    let current = Memo::new(move |_| {
        shell.address.with(|address| {
            address
                .section
                .clone()
                .filter(|s| {
                    s == HELP_STEP
                        || in_scope
                            .with_value(|list| list.iter().any(|(_, section)| section.id() == s))
                })
                .unwrap_or_else(|| first.to_string())
        })
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
        let limited = in_scope.with_value(|list| list.len()) < bank.sections().len();
        view! {
            <aside class="notice invitation" aria-label="From your coach">
                <CoachMessage session=session />
                {limited.then(|| view! {
                    <p class="details">"Your coach asked for the sections listed here; the others are left out."</p>
                })}
            </aside>
        }
    });
    view! {
        {coach_panel}
        <div class="answering">
            <nav class="section-list" aria-label="Sections">
                <p class="assessment-title">{move || title.get()}</p>
                <ol>
                    {in_scope
                        .get_value()
                        .into_iter()
                        .map(|(index, section)| {
                            let sid = section.id();
                            let status = move || {
                                live.get()
                                    .and_then(|live| live.sections.get(index).cloned())
                                    .map(|score| {
                                        let band = match section.kind() {
                                            SectionKind::Phases => String::new(),
                                            _ => score.band.map(|b| format!(", {}", b.label())).unwrap_or_default(),
                                        };
                                        let blocked = if !score.blocked_by.is_empty() {
                                            ", blocked"
                                        } else if !score.to_confirm.is_empty() {
                                            ", gate to confirm"
                                        } else {
                                            ""
                                        };
                                        format!("{} of {} answered{band}{blocked}", score.answered, score.total)
                                    })
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
                    let index = position(bank, &section_id);
                    let body = match bank.sections().get(index) {
                        Some(section) => view! { <SectionView assessment=aid.get_value() section=section /> }.into_any(),
                        None => chunk::later(chunk::help_request),
                    };
                    let (previous, next) = neighbours(&in_scope.get_value(), index);
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
                    let index = position(bank, &current.get());
                    live.get().map(|live| {
                        let section = bank.sections().get(index);
                        let score = live.sections.get(index).cloned();
                        let (answered, total) = in_scope.with_value(|list| {
                            list.iter()
                                .filter_map(|(at, _)| live.sections.get(*at))
                                .fold((0, 0), |(a, t), s| (a + s.answered, t + s.total))
                        });
                        view! {
                            <SectionScoreView section=section score=score leading_phase=live.leading_phase />
                            <h2>"Overall"</h2>
                            <p>
                                <progress max=total value=answered aria-label="Questions answered"></progress>
                                " " {answered} " of " {total} " questions answered"
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
    section: Option<&'static Section>,
    score: Option<LiveScore>,
    leading_phase: Option<&'static str>,
) -> impl IntoView {
    let (Some(section), Some(score)) = (section, score) else {
        return view! { <p>"Choose the areas where you want help, then see your report."</p> }
            .into_any();
    };
    let headline = match (section.kind(), score.readiness, score.band) {
        (SectionKind::Phases, _, _) => match leading_phase {
            Some(phase) => format!("Leading phase so far: {phase}"),
            None => "No phase stands out yet".to_string(),
        },
        (_, Some(pct), Some(band)) => format!("{pct}% · {}", band.label()),
        (_, _, Some(band)) => band.label().to_string(),
        _ => "No answers yet".to_string(),
    };
    view! {
        <h2>"This section"</h2>
        <div aria-live="polite" aria-atomic="true">
            <p class="score-headline">{headline}</p>
            <p class="details">
                {format!("{} of {} answered ({}% coverage)", score.answered, score.total, score.coverage)}
            </p>
            {(score.dont_know > 0).then(|| view! {
                <p class="details">{format!("{} answered Don't know: worth discussing with your coach.", score.dont_know)}</p>
            })}
            {(!score.blocked_by.is_empty()).then(|| view! {
                <p class="blocked"><strong>"Blocked: "</strong>{score.blocked_by.join("; ")}</p>
            })}
            {(!score.to_confirm.is_empty()).then(|| view! {
                <p class="to-confirm"><strong>"To confirm: "</strong>{score.to_confirm.join("; ")}</p>
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
