//! The group's pictures, drawn as SVG by the app: the heat map of steps by respondents and a
//! question's distribution bar. Each says in words what its colours say (a figure in every
//! cell, "blocked" or "confirm?" under it, a count in every part of a bar), so it reads in
//! black and white and to a screen reader.

use leptos::prelude::*;
use readiness_core::{
    readiness_shade, Bank, GroupView, QuestionRow, Share, ShareKind, StepRow, READINESS_SHADES,
};

/// Cuts a label to `max` characters, on a character boundary, with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The shade of a readiness figure: the core's five bands of 20 points, or none when there is
/// no figure.
fn heat_class(readiness: Option<u8>) -> String {
    readiness.map_or_else(
        || "heat heat-none".to_string(),
        |pct| format!("heat heat-{}", readiness_shade(pct)),
    )
}

/// A step's heading on at most two lines of about `max` characters, broken between words;
/// the second line is shortened when the heading is longer still.
fn two_lines(text: &str, max: usize) -> (String, Option<String>) {
    if text.chars().count() <= max {
        return (text.to_string(), None);
    }
    let mut first = String::new();
    let mut words = text.split(' ').peekable();
    while let Some(word) = words.peek() {
        let wanted = first.chars().count() + word.chars().count() + usize::from(!first.is_empty());
        if wanted > max && !first.is_empty() {
            break;
        }
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(word);
        words.next();
    }
    let rest: Vec<&str> = words.collect();
    let second = shorten(&rest.join(" "), max);
    (first, (!second.is_empty()).then_some(second))
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
/// The longest respondent label a column's head shows whole, upright or slanted.
const WIDE_HEAD_CHARS: usize = 14;
const SLANTED_HEAD_CHARS: usize = 24;
/// How far a slanted head reaches up and to the right: its characters at about 6.5 px each,
/// at 45 degrees.
const SLANTED_HEAD_REACH: f64 = SLANTED_HEAD_CHARS as f64 * 6.5 * std::f64::consts::FRAC_1_SQRT_2;

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
    let (first, second) = two_lines(&heading, 30);
    let top = if second.is_some() { y + 20.0 } else { y + 28.0 };
    view! {
        <g class="heat-row">
            <text x="0" y=top class="heat-step">
                <title>{row.section.heading()}</title>
                <tspan x="0">{first}</tspan>
                {second.map(|line| view! { <tspan x="0" dy="17">{line}</tspan> })}
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
    // Narrow columns slant their heads, so a label of a couple of words stays whole.
    let slanted = column < 90.0;
    let (head, reach) = if slanted {
        (SLANTED_HEAD_REACH + 12.0, SLANTED_HEAD_REACH)
    } else {
        (HEAD_HEIGHT, 0.0)
    };
    let width = LABEL_WIDTH + column * columns as f64 + reach;
    let height = head + ROW_HEIGHT * rows.len() as f64;
    let heads = view
        .respondents
        .iter()
        .enumerate()
        .map(|(at, respondent)| {
            let x = LABEL_WIDTH + column * at as f64 + column / 2.0;
            let y = head - 12.0;
            let (most, anchor, turn) = if slanted {
                (
                    SLANTED_HEAD_CHARS,
                    "start",
                    Some(format!("rotate(-45 {x} {y})")),
                )
            } else {
                (WIDE_HEAD_CHARS, "middle", None)
            };
            view! {
                <text x=x y=y text-anchor=anchor transform=turn class="heat-head">
                    <title>{respondent.label.to_string()}</title>
                    {shorten(respondent.label, most)}
                </text>
            }
        })
        .collect_view();
    let body = rows
        .iter()
        .enumerate()
        .map(|(index, row)| heat_row(row, head + ROW_HEIGHT * index as f64, column))
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
/// or nothing, as one bar of parts in proportion.
pub fn distribution_bar(bank: &Bank, row: &QuestionRow<'_>) -> impl IntoView {
    let shares = row.distribution(bank);
    let said = format!("Answers: {}", shares_in_words(&shares));
    share_bar(&shares, BAR_WIDTH, said)
}

/// One bar of parts in proportion to their counts; each part wide enough shows its count.
/// `said` is what the bar says to a screen reader.
fn share_bar(shares: &[Share], width: f64, said: String) -> impl IntoView {
    let total: usize = shares.iter().map(|share| share.count).sum();
    let mut x = 0.0;
    let parts = shares
        .iter()
        .filter(|share| share.count > 0)
        .map(|share| {
            let part = width * share.count as f64 / total.max(1) as f64;
            let at = x;
            x += part;
            view! {
                <g class=share_class(share.kind)>
                    <rect x=at y="0" width=part height=BAR_HEIGHT>
                        <title>{format!("{}: {}", share.label, share.count)}</title>
                    </rect>
                    {(part >= 16.0).then(|| view! {
                        <text x=at + part / 2.0 y="15.5" text-anchor="middle">{share.count}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="distribution"
            viewBox=format!("0 0 {width} {BAR_HEIGHT}")
            width=width
            height=BAR_HEIGHT
            role="img"
            aria-label=said
        >
            {parts}
        </svg>
    }
}

/// How many respondents place a launch step in each shade of readiness, as one bar of parts,
/// light (early) to dark (ready), then those without a figure; `width` in the bar's own units,
/// wider for a slide, where the bar spans the screen at the height of a line.
pub fn step_bar(row: &StepRow<'_>, width: f64) -> impl IntoView {
    let shares = row.shades();
    let said = format!("Respondents by readiness: {}", shares_in_words(&shares));
    share_bar(&shares, width, said)
}

/// The launch steps as the group sees them, for a group too large for a column per person:
/// each step on a line, as the questions are, its bar beside the mean, the range and how many
/// are blocked, in words.
pub fn step_shades(view: &GroupView<'_>) -> impl IntoView {
    let items = view
        .steps
        .iter()
        .map(|row| {
            view! {
                <li class="question-line">
                    <p><strong>{row.section.heading()}</strong></p>
                    {step_bar(row, BAR_WIDTH)}
                    <p class="spread">{row.in_words()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="question-lines">{items}</ol>
        {shade_key()}
    }
}

/// A key of shades: a swatch and its words for each kind of part.
fn swatch_key(items: Vec<(ShareKind, String)>) -> impl IntoView {
    let items = items
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

/// The key to the steps' bars: each shade of readiness, light (early) to dark (ready), and
/// the respondents without a figure.
pub fn shade_key() -> impl IntoView {
    let of = READINESS_SHADES.len() as u8;
    let mut items: Vec<(ShareKind, String)> = (0..of)
        .zip(READINESS_SHADES)
        .map(|(position, label)| {
            (
                ShareKind::Point { position, of },
                format!("readiness {label}"),
            )
        })
        .collect();
    items.push((
        ShareKind::Unanswered,
        "not enough answers to judge".to_string(),
    ));
    swatch_key(items)
}

/// The key to the distribution bars' shades: the scale's points from light to dark, and the
/// answers off the scale apart.
pub fn bar_key() -> impl IntoView {
    let items = [
        (
            ShareKind::Point { position: 0, of: 4 },
            "first point of the scale (Not yet, Disagree, No)",
        ),
        (
            ShareKind::Point { position: 3, of: 4 },
            "last point (Done, Agree, Yes)",
        ),
        (ShareKind::DontKnow, "Don't know"),
        (ShareKind::NotApplicable, "Not applicable"),
        (ShareKind::Unanswered, "No answer"),
    ];
    swatch_key(
        items
            .into_iter()
            .map(|(kind, words)| (kind, words.to_string()))
            .collect(),
    )
}
