//! The group's pictures, drawn as SVG by the app: the heat map of steps by respondents and a
//! question's distribution bar. Each says in words what its colours say (a figure in every
//! cell, "blocked" or "confirm?" under it, a count in every part of a bar), so it reads in
//! black and white and to a screen reader.

use leptos::prelude::*;
use readiness_core::{Bank, GroupView, QuestionRow, Share, ShareKind, StepRow};

/// Cuts a label to `max` characters, on a character boundary, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The shade of a readiness figure: five steps of 20 points, or none when there is no figure.
fn heat_class(readiness: Option<u8>) -> &'static str {
    match readiness {
        None => "heat heat-none",
        Some(0..=19) => "heat heat-0",
        Some(20..=39) => "heat heat-1",
        Some(40..=59) => "heat heat-2",
        Some(60..=79) => "heat heat-3",
        Some(_) => "heat heat-4",
    }
}

/// What one respondent's cell of a step says, in words.
fn cell_words(row: &StepRow<'_>, at: usize) -> (String, Option<&'static str>) {
    let figure = row
        .readiness
        .get(at)
        .copied()
        .flatten()
        .map_or_else(|| "–".to_string(), |pct| format!("{pct}%"));
    let mark = if row.blocked_for.contains(&at) {
        Some("blocked")
    } else if row.to_confirm_for.contains(&at) {
        Some("confirm?")
    } else {
        None
    };
    (figure, mark)
}

const LABEL_WIDTH: f64 = 250.0;
const HEAD_HEIGHT: f64 = 34.0;
const ROW_HEIGHT: f64 = 46.0;

/// The width of one respondent's column: room for "100%" and "confirm?" with a few
/// respondents, narrower (figures only) with many.
fn column_width(columns: usize) -> f64 {
    if columns <= 8 {
        104.0
    } else {
        56.0
    }
}

/// One row of the heat map: a step's heading, then one cell per respondent.
fn heat_row(row: &StepRow<'_>, y: f64, column: f64) -> impl IntoView {
    let wide = column >= 90.0;
    let heading = format!(
        "{} {}",
        row.section.step().unwrap_or_default(),
        row.section.title()
    );
    let cells = (0..row.readiness.len())
        .map(|at| {
            let x = LABEL_WIDTH + column * at as f64;
            let (figure, mark) = cell_words(row, at);
            let readiness = row.readiness.get(at).copied().flatten();
            let mark_text = match (mark, wide) {
                (Some(words), true) => words,
                (Some("blocked"), false) => "!",
                (Some(_), false) => "?",
                (None, _) => "",
            };
            view! {
                <g class=heat_class(readiness) class:marked=mark.is_some()>
                    <rect x=x + 2.0 y=y + 2.0 width=column - 4.0 height=ROW_HEIGHT - 4.0 rx="4"></rect>
                    <text x=x + column / 2.0 y=y + 21.0 text-anchor="middle" class="heat-figure">
                        {figure}
                    </text>
                    <text x=x + column / 2.0 y=y + 37.0 text-anchor="middle" class="heat-mark">
                        {mark_text}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <g class="heat-row">
            <text x="0" y=y + 28.0 class="heat-step">
                <title>{row.section.heading()}</title>
                {shorten(&heading, 32)}
            </text>
            {cells}
        </g>
    }
}

/// The steps by respondents: one row per launch step (or only `only`, for session mode), one
/// column per respondent, each cell shaded by readiness with its figure and any gate mark.
pub fn heat_map(view: &GroupView<'_>, only: Option<usize>, title: &str) -> impl IntoView {
    let columns = view.respondents.len();
    let column = column_width(columns);
    let rows: Vec<&StepRow> = match only {
        Some(at) => view.steps.get(at).into_iter().collect(),
        None => view.steps.iter().collect(),
    };
    let width = LABEL_WIDTH + column * columns as f64;
    let height = HEAD_HEIGHT + ROW_HEIGHT * rows.len() as f64;
    let heads = view
        .respondents
        .iter()
        .enumerate()
        .map(|(at, respondent)| {
            let x = LABEL_WIDTH + column * at as f64 + column / 2.0;
            let most = if column >= 90.0 { 14 } else { 6 };
            view! {
                <text x=x y="22" text-anchor="middle" class="heat-head">
                    <title>{respondent.label.to_string()}</title>
                    {shorten(respondent.label, most)}
                </text>
            }
        })
        .collect_view();
    let body = rows
        .iter()
        .enumerate()
        .map(|(index, row)| heat_row(row, HEAD_HEIGHT + ROW_HEIGHT * index as f64, column))
        .collect_view();
    let summary = rows
        .iter()
        .map(|row| {
            let cells: Vec<String> = view
                .respondents
                .iter()
                .enumerate()
                .map(|(at, respondent)| {
                    let (figure, mark) = cell_words(row, at);
                    let mark = mark.map(|m| format!(", {m}")).unwrap_or_default();
                    format!("{} {figure}{mark}", respondent.label)
                })
                .collect();
            format!("{}: {}.", row.section.heading(), cells.join("; "))
        })
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <figure class="heat-map">
            // Focusable, so a keyboard can scroll a map wider than the screen.
            <div class="chart-scroll" tabindex="0" role="group" aria-label=format!("{title} (scrolls sideways when wide)")>
                <svg
                    viewBox=format!("0 0 {width} {height}")
                    width=width
                    height=height
                    role="img"
                    aria-label=format!("{title}. {summary}")
                >
                    {heads}
                    {body}
                </svg>
            </div>
            <figcaption>
                "Each cell is one respondent's readiness for the step: the darker, the readier. "
                "\"blocked\" (!): a gate of the step is answered Not yet or Started. "
                "\"confirm?\" (?): the respondent began the step without confirming one of its gates. "
                "– : not enough answers to judge."
            </figcaption>
        </figure>
    }
}

const BAR_WIDTH: f64 = 200.0;
const BAR_HEIGHT: f64 = 22.0;

/// The shade of one part of a bar: the scale's points from light (weakest) to dark, and the
/// answers off the scale apart.
fn share_class(kind: ShareKind) -> String {
    match kind {
        ShareKind::Point { position, of } => {
            let steps = u32::from(of.max(2) - 1);
            format!("share share-{}", u32::from(position) * 4 / steps)
        }
        ShareKind::Count => "share share-count".to_string(),
        ShareKind::DontKnow => "share share-dont-know".to_string(),
        ShareKind::NotApplicable => "share share-not-applicable".to_string(),
        ShareKind::Unanswered => "share share-unanswered".to_string(),
    }
}

/// The shares of a distribution in words: "Started 1, Done 2, Don't know 1".
pub fn shares_in_words(shares: &[Share]) -> String {
    shares
        .iter()
        .filter(|share| share.count > 0)
        .map(|share| format!("{} {}", share.label, share.count))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many respondents answered each point of a question's scale, Don't know, Not applicable
/// or nothing, as one bar of parts in proportion; each part wide enough shows its count.
pub fn distribution_bar(bank: &Bank, row: &QuestionRow<'_>) -> impl IntoView {
    let shares = row.distribution(bank);
    let total: usize = shares.iter().map(|share| share.count).sum();
    let mut x = 0.0;
    let parts = shares
        .iter()
        .filter(|share| share.count > 0)
        .map(|share| {
            let width = BAR_WIDTH * share.count as f64 / total.max(1) as f64;
            let at = x;
            x += width;
            view! {
                <g class=share_class(share.kind)>
                    <rect x=at y="0" width=width height=BAR_HEIGHT>
                        <title>{format!("{}: {}", share.label, share.count)}</title>
                    </rect>
                    {(width >= 16.0).then(|| view! {
                        <text x=at + width / 2.0 y="15.5" text-anchor="middle">{share.count}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="distribution"
            viewBox=format!("0 0 {BAR_WIDTH} {BAR_HEIGHT}")
            width=BAR_WIDTH
            height=BAR_HEIGHT
            role="img"
            aria-label=format!("Answers: {}", shares_in_words(&shares))
        >
            {parts}
        </svg>
    }
}

/// The key to the distribution bars' shades: the scale's points from light to dark, and the
/// answers off the scale apart.
pub fn bar_key() -> impl IntoView {
    let items = [
        (ShareKind::Point { position: 0, of: 4 }, "first point of the scale (Not yet, Disagree, No)"),
        (ShareKind::Point { position: 3, of: 4 }, "last point (Done, Agree, Yes)"),
        (ShareKind::DontKnow, "Don't know"),
        (ShareKind::NotApplicable, "Not applicable"),
        (ShareKind::Unanswered, "No answer"),
    ]
    .into_iter()
    .map(|(kind, words)| {
        view! {
            <li>
                <svg class="key-swatch" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
                    <g class=share_class(kind)>
                        <rect x="1" y="1" width="12" height="12"></rect>
                    </g>
                </svg>
                " " {words}
            </li>
        }
    })
    .collect_view();
    view! { <ul class="bar-key">{items}</ul> }
}
