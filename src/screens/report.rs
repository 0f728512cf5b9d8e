//! The readiness report, drawn from the core's `Report` value: on screen and in print.

use leptos::prelude::*;
use readiness_core::{
    Band, Bank, Phase, Report, ReportItem, ReportPart, SectionScore, PRIVACY_LINE,
};

use crate::widgets::charts::shorten;
use crate::widgets::table_scroll::TableScroll;

/// The whole report of one assessment. Everything in it is computed from the answers now;
/// nothing stored or imported is trusted as a score.
pub fn report_view(report: &Report) -> AnyView {
    let bank = Bank::builtin();
    view! {
        <article class="report" aria-labelledby="report-title">
            // The first page answers "where do we stand, and what next?" at a glance, on screen
            // and in print; everything else follows.
            <div class="first-page">
                <header class="report-lead">
                    <h1 id="report-title" tabindex="-1">{report.title()}</h1>
                    {assessed(report)}
                    <p class="where-you-are">{report.lead()}</p>
                    {report.also_in_the_way().map(|line| view! { <p class="also-in-the-way">{line}</p> })}
                    {report.bank_line().map(|line| view! { <p class="bank-line">{line}</p> })}
                </header>
                <div class="first-charts">
                    {step_chart(report)}
                    {phase_chart(report)}
                </div>
                {next_steps(report)}
                {ta_request(report)}
            </div>
            {gates(report)}
            {steps_in_figures(report)}
            {phase_profile_view(report)}
            {table_checks(report)}
            {pitfalls(report)}
            {gaps(report)}
            {strengths(report)}
            {dont_knows(report)}
            {notes(report)}
            {kept_answers(report)}
            {report_footer(bank)}
        </article>
    }
    .into_any()
}

/// A gap or a finding as the lists show it: its tag, step, words and answer, then what to do.
fn item_view(item: ReportItem) -> impl IntoView {
    let finding = item.answer.is_none();
    view! {
        <li class:blocking=item.blocking class:finding=finding>
            <p>
                {item.tag.map(|tag| view! { <strong class="gate-badge">{tag}</strong> " " })}
                {item.step.map(|step| view! { <span class="gap-step">{step} ": "</span> })}
                {item.what}
                {item.answer.map(|answer| view! { " " <span class="gap-answer">"(" {answer} ")"</span> })}
            </p>
            <p class="advice">
                <strong>{item.next.lead}</strong>
                " "
                {item.next.text}
            </p>
        </li>
    }
}

/// The three most important things to do, in order, right under where you are.
fn next_steps(report: &Report<'_>) -> impl IntoView {
    let items = report
        .next_step_items()
        .into_iter()
        .map(item_view)
        .collect_view();
    view! {
        <section class="next-steps" aria-labelledby="next-steps-title">
            <h2 id="next-steps-title">{ReportPart::NextSteps.heading()}</h2>
            {match report.no_next_steps() {
                Some(line) => view! { <p>{line}</p> }.into_any(),
                None => view! { <ol class="report-list">{items}</ol> }.into_any(),
            }}
        </section>
    }
}

/// The gates that block a step and the gates to confirm, apart from each other and from the
/// scores.
fn gates(report: &Report<'_>) -> impl IntoView {
    let lists = report.gate_lists();
    (!lists.is_empty()).then(|| {
        let lists = lists
            .into_iter()
            .map(|list| {
                view! {
                    <h3>{list.heading}</h3>
                    <ul class="report-list">
                        {list.gates.into_iter().map(|gate| view! { <li>{gate}</li> }).collect_view()}
                    </ul>
                }
            })
            .collect_view();
        view! {
            <section class="gates" aria-labelledby="gates-title">
                <h2 id="gates-title">{ReportPart::Gates.heading()}</h2>
                {lists}
            </section>
        }
    })
}

/// Who and what was assessed, in one block under the title.
fn assessed(report: &Report<'_>) -> impl IntoView {
    view! {
        <section class="assessed-block" aria-labelledby="assessed-title">
            <h2 id="assessed-title" class="visually-hidden">"Who and what was assessed"</h2>
            <dl class="assessed">
                {report
                    .assessed()
                    .into_iter()
                    .map(|(term, value)| {
                        view! {
                            <div>
                                <dt>{term}</dt>
                                <dd>{value}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

/// The CSS class and the short words of a band, so the chart reads in black and white.
fn band_class(band: Option<Band>) -> &'static str {
    match band {
        Some(Band::Strong) => "band-strong",
        Some(Band::Developing) => "band-developing",
        Some(Band::Early) => "band-early",
        Some(Band::NotEnoughAnswers) | None => "band-none",
    }
}

/// The per-step chart, drawn as SVG; the same figures are in "Launch steps in figures".
fn step_chart(report: &Report<'_>) -> impl IntoView {
    const ROW: f64 = 34.0;
    const LEFT: f64 = 200.0;
    const WIDTH: f64 = 240.0;
    let steps: Vec<&SectionScore> = report.launch_steps().collect();
    let height = ROW * steps.len() as f64 + 30.0;
    let bars = steps
        .iter()
        .enumerate()
        .map(|(index, score)| {
            let y = 10.0 + ROW * index as f64;
            let pct = if score.has_enough_answers() {
                score.readiness_pct().unwrap_or(0)
            } else {
                0
            };
            let bar = WIDTH * f64::from(pct) / 100.0;
            let coverage = WIDTH * f64::from(score.coverage_pct()) / 100.0;
            let label = format!(
                "{} {}",
                score.section.step().unwrap_or(0),
                score.section.title()
            );
            let words = score.chart_words();
            view! {
                <g class=format!("bar {}", band_class(score.band()))>
                    <text x="0" y=y + 14.0 class="bar-label">{shorten(&label, 28)}</text>
                    <rect x=LEFT y=y width=WIDTH height="18" class="bar-track"></rect>
                    <rect x=LEFT y=y width=bar height="18" class="bar-fill"></rect>
                    <rect x=LEFT y=y + 21.0 width=coverage height="3" class="bar-coverage"></rect>
                    <text x=LEFT + WIDTH + 8.0 y=y + 14.0 class="bar-words">{words}</text>
                </g>
            }
        })
        .collect_view();
    let ticks = [0.0, 50.0, 75.0, 100.0]
        .into_iter()
        .map(|tick| {
            let x = LEFT + WIDTH * tick / 100.0;
            view! {
                <line x1=x x2=x y1="6" y2=height - 18.0 class="tick"></line>
                <text x=x y=height - 4.0 class="tick-label" text-anchor="middle">{format!("{tick}%")}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="step-chart" aria-labelledby="steps-title">
            <h2 id="steps-title">{ReportPart::StepChart.heading()}</h2>
            <svg
                viewBox=format!("0 0 640 {height}")
                role="img"
                aria-labelledby="chart-title chart-desc"
                preserveAspectRatio="xMinYMin meet"
            >
                <title id="chart-title">"Readiness of each launch step"</title>
                <desc id="chart-desc">
                    "Bars show readiness from 0 to 100 percent with the band in words; the thin line under each bar shows how many questions were answered. The same figures are in the table \"Launch steps in figures\"."
                </desc>
                {ticks}
                {bars}
            </svg>
            <figcaption>
                "Strong from 75%, Developing from 50%, Early below 50%. A gate answered Not yet or Started blocks its step; one not confirmed holds it too: either way the step is not Strong."
            </figcaption>
        </figure>
    }
}

/// The launch steps in figures: readiness, band, how much was answered and the gates, for
/// screen readers and anyone who prefers numbers to bars.
fn steps_in_figures(report: &Report<'_>) -> impl IntoView {
    let rows = report
        .launch_steps()
        .map(|score| {
            let figures = score.figures();
            view! {
                <tr>
                    <th scope="row">{score.section.heading()}</th>
                    <td>{figures.readiness}</td>
                    <td>{figures.band}</td>
                    <td>{figures.answered}</td>
                    <td>{figures.gates}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="report-section steps-in-figures" aria-labelledby="figures-title">
            <h2 id="figures-title">{ReportPart::StepFigures.heading()}</h2>
            <TableScroll label=ReportPart::StepFigures.heading()>
            <table class="report-table">
                <caption>{ReportPart::StepFigures.heading()}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Step"</th>
                        <th scope="col">"Readiness"</th>
                        <th scope="col">"Band"</th>
                        <th scope="col">"Answered"</th>
                        <th scope="col">"Gates"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </TableScroll>
        </section>
    }
}

/// The phase profile as a chart: one bar per phase, the leading one marked in words.
fn phase_chart(report: &Report<'_>) -> impl IntoView {
    const ROW: f64 = 28.0;
    const LEFT: f64 = 200.0;
    const WIDTH: f64 = 240.0;
    let profile = &report.phases;
    let height = ROW * profile.phases.len() as f64 + 30.0;
    let bars = profile
        .phases
        .iter()
        .enumerate()
        .map(|(index, score)| {
            let y = 8.0 + ROW * index as f64;
            let leading = profile.leading == Some(score.phase);
            let pct = score.pct();
            let bar = WIDTH * f64::from(pct.unwrap_or(0)) / 100.0;
            let words = match pct {
                Some(pct) if leading => format!("{pct}% · LEADING"),
                Some(pct) => format!("{pct}%"),
                None => score.agreement_text(),
            };
            view! {
                <g class="bar" class:leading=leading>
                    <text x="0" y=y + 14.0 class="bar-label">{Phase::name(score.phase)}</text>
                    <rect x=LEFT y=y width=WIDTH height="18" class="bar-track"></rect>
                    <rect x=LEFT y=y width=bar height="18" class="bar-fill"></rect>
                    <text x=LEFT + WIDTH + 8.0 y=y + 14.0 class="bar-words">{words}</text>
                </g>
            }
        })
        .collect_view();
    let ticks = [0.0, 50.0, 100.0]
        .into_iter()
        .map(|tick| {
            let x = LEFT + WIDTH * tick / 100.0;
            view! {
                <line x1=x x2=x y1="4" y2=height - 18.0 class="tick"></line>
                <text x=x y=height - 4.0 class="tick-label" text-anchor="middle">{format!("{tick}%")}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="step-chart phase-chart" aria-labelledby="phase-chart-title">
            <h2 id="phase-chart-title">{ReportPart::PhaseChart.heading()}</h2>
            <svg
                viewBox=format!("0 0 640 {height}")
                role="img"
                aria-labelledby="phase-svg-title phase-svg-desc"
                preserveAspectRatio="xMinYMin meet"
            >
                <title id="phase-svg-title">"How much each phase's statements ring true"</title>
                <desc id="phase-svg-desc">{profile.sentence()}</desc>
                {ticks}
                {bars}
            </svg>
            <figcaption>{profile.sentence()}</figcaption>
        </figure>
    }
}

/// The phase profile: how much each phase's statements ring true.
fn phase_profile_view(report: &Report<'_>) -> impl IntoView {
    let profile = &report.phases;
    let lead = profile.sentence();
    let advice = report
        .phase_advice
        .iter()
        .map(|q| view! { <li>{q.advice().to_string()}</li> })
        .collect_view();
    let rows = profile
        .phases
        .iter()
        .map(|score| {
            let leading = profile.leading == Some(score.phase);
            view! {
                <tr class:leading=leading>
                    <th scope="row">{Phase::name(score.phase)} " (" {score.phase.nickname()} ")"</th>
                    <td>{score.agreement_text()}</td>
                    <td>{score.answered}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="report-section phase-details" aria-labelledby="phase-title">
            <h2 id="phase-title">{ReportPart::PhaseFigures.heading()}</h2>
            <p>{lead}</p>
            {(!report.phase_advice.is_empty()).then(|| view! {
                <h3>"For this phase"</h3>
                <ul class="report-list">{advice}</ul>
            })}
            <TableScroll label=ReportPart::PhaseFigures.heading()>
            <table class="report-table">
                <caption>"Agreement with each phase's statements"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Phase"</th>
                        <th scope="col">"Agreement"</th>
                        <th scope="col">"Statements answered"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </TableScroll>
        </section>
    }
}

/// Who is at the table: each check with what is expected, what was found, and why it matters.
fn table_checks(report: &Report<'_>) -> impl IntoView {
    let bank = Bank::builtin();
    let rows = report
        .table
        .iter()
        .map(|check| {
            let actual = check
                .actual
                .map_or("Not answered".to_string(), |a| bank.answer_label(&a));
            let concern = check.verdict.is_concern();
            view! {
                <tr class:concern=concern>
                    <th scope="row">{check.question.label().to_string()}</th>
                    <td>{check.expected.clone()}</td>
                    <td>{actual}</td>
                    <td>
                        {concern.then_some("⚠ ")}
                        {check.verdict.label()}
                    </td>
                    <td>{check.why.to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let advice = report.table_advice();
    let has_advice = !advice.is_empty();
    let advice = advice
        .into_iter()
        .map(|item| {
            view! {
                <li>
                    <strong>{item.tag} {item.check} ": "</strong>
                    {item.advice}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="report-section table-checks" aria-labelledby="table-title">
            <h2 id="table-title">{ReportPart::Table.heading()}</h2>
            <p>{report.table_line()}</p>
            {has_advice.then(|| view! { <ul class="report-list">{advice}</ul> })}
            <TableScroll label=ReportPart::Table.heading()>
                <table class="report-table">
                    <caption>"Checks against what has worked elsewhere"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Check"</th>
                            <th scope="col">"Expected"</th>
                            <th scope="col">"Your answer"</th>
                            <th scope="col">"Verdict"</th>
                            <th scope="col">"Why it matters"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
        </section>
    }
}

/// Pitfalls that are happening, each with the tip that answers it.
fn pitfalls(report: &Report<'_>) -> impl IntoView {
    let bank = Bank::builtin();
    let items = report
        .pitfalls
        .iter()
        .map(|flag| {
            view! {
                <li>
                    <p>
                        <strong>{bank.scales().pitfall(flag.level).to_string()} ": "</strong>
                        {flag.question.text().to_string()}
                    </p>
                    <p class="advice">
                        <strong>"Tip: "</strong>
                        {flag.tip.to_string()}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="report-section run-on" aria-labelledby="pitfalls-title">
            <h2 id="pitfalls-title">{ReportPart::Pitfalls.heading()}</h2>
            {match report.nothing_in(ReportPart::Pitfalls) {
                Some(line) => view! { <p>{line}</p> }.into_any(),
                None => view! { <ul class="report-list">{items}</ul> }.into_any(),
            }}
        </section>
    }
}

/// Every gap, grouped by step from the step you are at: blocked gates, gates to confirm, then
/// the weakest answers, each with its next step.
fn gaps(report: &Report<'_>) -> impl IntoView {
    let groups = report
        .gap_groups()
        .into_iter()
        .map(|group| {
            view! {
                <h3>{group.heading}</h3>
                <ol class="report-list gap-list">{group.items.into_iter().map(item_view).collect_view()}</ol>
            }
        })
        .collect_view();
    view! {
        <section class="report-section" aria-labelledby="gaps-title">
            <h2 id="gaps-title">{ReportPart::Gaps.heading()}</h2>
            {match report.nothing_in(ReportPart::Gaps) {
                Some(line) => view! { <p>{line}</p> }.into_any(),
                None => groups.into_any(),
            }}
        </section>
    }
}

/// What the partnership already does well.
fn strengths(report: &Report<'_>) -> impl IntoView {
    let items = report
        .strengths
        .iter()
        .map(|strength| {
            view! {
                <li>
                    <span class="gap-step">
                        {strength.section.short_heading()}
                        ": "
                    </span>
                    {strength.question.text().to_string()}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="report-section print-inline" aria-labelledby="strengths-title">
            <h2 id="strengths-title">{ReportPart::Strengths.heading()}</h2>
            {match report.nothing_in(ReportPart::Strengths) {
                Some(line) => view! { <p>{line}</p> }.into_any(),
                None => view! { <ul class="report-list">{items}</ul> }.into_any(),
            }}
        </section>
    }
}

/// Questions answered Don't know, to discuss with a coach.
fn dont_knows(report: &Report<'_>) -> impl IntoView {
    let items = report
        .dont_knows
        .iter()
        .map(|question| view! { <li>{question.text().to_string()}</li> })
        .collect_view();
    view! {
        <section class="report-section print-inline" aria-labelledby="dont-know-title">
            <h2 id="dont-know-title">{ReportPart::DontKnows.heading()}</h2>
            {match (report.nothing_in(ReportPart::DontKnows), report.dont_know_count()) {
                (Some(line), _) => view! { <p>{line}</p> }.into_any(),
                (None, count) => view! {
                    <p>{count} "."</p>
                    <ul class="report-list">{items}</ul>
                }
                .into_any(),
            }}
        </section>
    }
}

/// The notes written beside answers.
fn notes(report: &Report<'_>) -> impl IntoView {
    let items = report
        .notes
        .iter()
        .map(|note| {
            view! {
                <li>
                    <p class="note-question">{note.question.text().to_string()}</p>
                    <p class="note-text">{note.text.to_string()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="report-section print-columns" aria-labelledby="notes-title">
            <h2 id="notes-title">{ReportPart::Notes.heading()}</h2>
            {match report.nothing_in(ReportPart::Notes) {
                Some(line) => view! { <p>{line}</p> }.into_any(),
                None => view! { <ul class="report-list">{items}</ul> }.into_any(),
            }}
        </section>
    }
}

/// Answers given to questions this bank no longer asks: kept, and listed with why.
fn kept_answers(report: &Report<'_>) -> impl IntoView {
    let bank = Bank::builtin();
    (!report.kept.is_empty()).then(|| {
        let items = report
            .kept
            .iter()
            .map(|kept| {
                let answer = kept.answer_text(bank);
                view! {
                    <li>
                        <p>{kept.question.text().to_string()} " (" {answer} ")"</p>
                        {kept.note.map(|note| view! { <p class="note-text">{note.to_string()}</p> })}
                        <p class="advice">{kept.question.note().to_string()}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="report-section print-columns run-on kept-answers" aria-labelledby="kept-title">
                <h2 id="kept-title">{ReportPart::Kept.heading()}</h2>
                <ul class="report-list">{items}</ul>
            </section>
        }
    })
}

/// Where the region wants technical assistance.
fn ta_request(report: &Report<'_>) -> impl IntoView {
    let ta = &report.ta_request;
    view! {
        <section class="report-section" aria-labelledby="ta-title">
            <h2 id="ta-title">{ReportPart::HelpAreas.heading()}</h2>
            {match report.nothing_in(ReportPart::HelpAreas) {
                Some(line) => view! { <p>{line}</p> }.into_any(),
                None => view! {
                    <ul class="report-list">
                        {ta.areas.iter().map(|area| view! { <li>{area.label().to_string()}</li> }).collect_view()}
                    </ul>
                    {(!ta.text.trim().is_empty()).then(|| view! { <p class="note-text">{ta.text.to_string()}</p> })}
                }
                .into_any()
            }}
        </section>
    }
}

/// Credits, versions and the privacy promise, in every report.
fn report_footer(bank: &'static Bank) -> impl IntoView {
    view! {
        <footer class="report-footer">
            <p>
                "Sources: "
                {bank.sources().iter().map(|s| s.credit()).collect::<Vec<_>>().join("; ")}
                "."
            </p>
            <p>
                "Sector Partnership Readiness Check " {env!("CARGO_PKG_VERSION")}
                ", question bank " {bank.version()} "."
            </p>
            <p>{PRIVACY_LINE}</p>
        </footer>
    }
}
