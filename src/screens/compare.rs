//! The Compare screen: several respondents side by side with their disagreements first, and
//! one partnership's progress between two of its assessments.

use std::sync::Arc;

use leptos::prelude::*;
use readiness_core::{
    file_stem, group_csv, group_json, group_view, percent_text, Bank, Event, GroupView,
    IncomingResult, Member, Respondent, Unmatched, MAX_RESPONDENT_LABEL_CHARS,
};

use super::progress::ProgressOverTime;
use super::session::present;
use crate::widgets::charts::{bar_key, distribution_bar, heat_map, step_shades};
use crate::widgets::choose_results::{ChooseFromDevice, NotAdded};
use crate::widgets::import_file::{read_file, FileDrop};
use crate::widgets::table_scroll::TableScroll;
use crate::{browser::download, Shell, Store};

/// The whole screen.
#[component]
pub fn CompareScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let has_members = move || store.with(|workspace| !workspace.members().is_empty());
    view! {
        <h1>"Compare"</h1>
        <p class="lead">
            "Put several people's results side by side to see where they agree and where they see things differently. Disagreements come first: they are the most useful things to talk about in a session."
        </p>
        <p>
            "Results are read in this browser and kept only while the app is open; nothing is uploaded anywhere."
        </p>
        <AddResults />
        <Show when=has_members>
            <Members />
            <GroupResults />
        </Show>
        <ProgressOverTime />
    }
}

/// Pasted share links, dropped or picked files, and assessments on this device.
#[component]
fn AddResults() -> impl IntoView {
    let store = expect_context::<Store>();
    let links = RwSignal::new(String::new());
    let said = RwSignal::new(Vec::<String>::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let chosen = RwSignal::new(Vec::<String>::new());

    // What the workspace says the last addition did, shown until the next one.
    let tell = move || {
        let news = store.with_untracked(|workspace| workspace.group_addition().clone());
        said.set(news.added_sentence().into_iter().collect());
        problems.set(news.problems);
    };
    let add_links = move |_| {
        store.dispatch(Event::AddLinksToGroup(links.get_untracked()));
        tell();
        if problems.with_untracked(Vec::is_empty) {
            links.set(String::new());
        }
    };
    let add_files = move |files: Vec<web_sys::File>| {
        leptos::task::spawn_local(async move {
            let mut arrivals = Vec::new();
            let mut problems = Vec::new();
            for file in files {
                match read_file(&file).await {
                    Ok(imported) => arrivals.push(IncomingResult {
                        assessment: imported.assessment,
                        origin: file.name(),
                        skipped: imported.skipped,
                    }),
                    Err(problem) => problems.push(problem),
                }
            }
            store.dispatch(Event::AddToGroup { arrivals, problems });
            tell();
        });
    };
    let add_chosen = move |()| {
        store.dispatch(Event::AddStoredToGroup(chosen.get_untracked()));
        chosen.set(Vec::new());
        tell();
    };
    // Open while the group is empty; once results are in, the group view comes first and the
    // form folds away until the person opens it again.
    let open = RwSignal::new(store.with_untracked(|workspace| workspace.members().is_empty()));
    Effect::new(move |_| {
        if !said.with(Vec::is_empty) {
            open.set(false);
        }
    });
    view! {
        <section class="add-results" aria-labelledby="add-title">
            <h2 id="add-title">"Add results"</h2>
            <details
                class="add-form"
                prop:open=move || open.get()
                on:toggle=move |ev| {
                    open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
                }
            >
            <summary>"Share links, files, or assessments on this device"</summary>
            <div class="field">
                <label for="compare-links">"Share links, one a line"</label>
                <span class="hint" id="compare-links-hint">
                    "Paste the links respondents sent you; several at once is fine."
                </span>
                <textarea
                    id="compare-links"
                    rows="4"
                    aria-describedby="compare-links-hint"
                    bind:value=links
                ></textarea>
            </div>
            <p>
                <button type="button" class="button primary" on:click=add_links>
                    "Add links"
                </button>
            </p>
            <FileDrop input_id="compare-files" pick="Choose files" multiple=true on_files=Callback::new(add_files)>
                <p>"Readiness files (JSON) from respondents: choose several, or drop them here."</p>
            </FileDrop>
            <ChooseFromDevice chosen=chosen id_prefix="pick-" with_date=false on_add=Callback::new(add_chosen) />
            </details>
            <div role="status">
                {move || said.get().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            </div>
            <NotAdded problems=Signal::from(problems) heading="Some results could not be added; nothing else changed:" />
        </section>
    }
}

/// The respondents added: label, where their results came from, hide and remove.
#[component]
fn Members() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <section class="members" aria-labelledby="members-title">
            <h2 id="members-title">"Respondents"</h2>
            // A large group's list scrolls in its own box, so the comparison stays near.
            <div class="member-scroll" tabindex="0" role="region" aria-label="Respondents, scrollable">
                <ul class="member-list">
                    <For
                        each=move || store.with(|workspace| workspace.members().to_vec())
                        key=|member| (member.key, member.hidden)
                        children=move |member| view! { <MemberRow member=member /> }
                    />
                </ul>
            </div>
        </section>
    }
}

/// One respondent with its editable label.
#[component]
fn MemberRow(
    /// The respondent and its key.
    member: Member,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let key = member.key;
    let input_id = format!("label-{key}");
    let hidden = member.hidden;
    let label = member.respondent.label.clone();
    view! {
            <li class="member" class:hidden-member=hidden>
                <div class="field">
                    <label for=input_id.clone()>
                        "Label"
                        <span class="visually-hidden">{format!(" of respondent {key}")}</span>
                    </label>
                    <input
                        id=input_id
                        type="text"
                        maxlength=MAX_RESPONDENT_LABEL_CHARS.to_string()
                        value=label.clone()
                        on:change:target=move |ev| {
                            store.dispatch(Event::Rename { key, label: ev.target().value() })
                        }
                    />
                </div>
                <p class="details">
    {member.details_line()}
                </p>
                <p class="actions">
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| store.dispatch(Event::SetHidden { key, hidden: !hidden })
                    >
                        {member.hide_or_show_words()}
                    </button>
                    <button type="button" class="button danger" on:click=move |_| store.dispatch(Event::RemoveMember(key))>
                        {member.remove_words()}
                    </button>
                </p>
            </li>
        }
}

/// The group view of the visible respondents, with print and downloads.
#[component]
fn GroupResults() -> impl IntoView {
    let bank = Bank::builtin();
    let store = expect_context::<Store>();
    let shell = expect_context::<Shell>();
    let only_disagreements = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let visible = Memo::new(move |_| store.with(|workspace| workspace.shown_respondents()));
    let download_as = move |kind: &'static str| {
        let text = visible.with(|respondents| {
            let view = group_view(bank, respondents);
            if kind == "csv" {
                group_csv(&view)
            } else {
                group_json(&view)
            }
        });
        let file = format!("{}.{kind}", file_stem("group"));
        let mime = if kind == "csv" {
            "text/csv"
        } else {
            "application/json"
        };
        message.set(Some(download::offer_and_tell(&file, mime, &text)));
    };
    // Read when the shown respondents change (the tables are drawn again then): what was
    // left out changes only with who is shown.
    let skipped = move || {
        store.with_untracked(|workspace| {
            workspace
                .shown_members()
                .flat_map(Member::left_out_lines)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="group-results" aria-labelledby="group-title">
            <h2 id="group-title">"Side by side"</h2>
            <div class="report-actions" role="group" aria-label="Use this comparison">
                <button type="button" class="button primary" on:click=move |_| { let _ = window().print(); }>
                    "Print or save as PDF"
                </button>
                <button type="button" class="button" on:click=move |_| download_as("csv")>
                    "Download CSV"
                </button>
                <button type="button" class="button" on:click=move |_| download_as("json")>
                    "Download JSON"
                </button>
                <Show when=move || visible.with(|respondents| !respondents.is_empty())>
                    <button type="button" class="button" on:click=move |_| present(shell, None)>
                        "Present"
                        <span class="visually-hidden">" on a projector, one step at a time"</span>
                    </button>
                </Show>
                <p class="action-message" role="status">{move || message.get()}</p>
            </div>
            {move || {
                visible.with(|respondents| {
                    if respondents.is_empty() {
                        return view! { <p>"Every respondent is hidden. Show one to see the comparison."</p> }.into_any();
                    }
                    let view = group_view(bank, respondents);
                    group_tables(&view, visible, only_disagreements, skipped()).into_any()
                })
            }}
        </section>
    }
}

/// A respondent's answer in words, or a dash when unanswered.
fn answer_cell(bank: &Bank, answer: Option<readiness_core::Answer>) -> String {
    answer.map_or_else(|| "–".to_string(), |a| bank.answer_label(&a))
}

/// One question of the group view on one line: its text, its distribution bar and its spread
/// in words, with who answered what on demand. The list of who said what is drawn only once
/// its details are opened: drawn for every question, it was one element per respondent per
/// question (22,400 with 200 respondents), most of the group view's cost.
fn question_line(
    view: &GroupView<'_>,
    row: &readiness_core::QuestionRow<'_>,
    labels: Arc<[String]>,
    only_disagreements: RwSignal<bool>,
) -> impl IntoView {
    let bank = view.bank;
    let flagged = row.disagreement;
    let label = row.question.label().to_string();
    let answers = row.answers.clone();
    let open = RwSignal::new(false);
    // The group view reads the built-in bank; the list, drawn later, names it for itself.
    let words = Bank::builtin();
    let who = move || {
        open.get().then(|| {
            let items = labels
                .iter()
                .zip(&answers)
                .map(|(respondent, answer)| {
                    view! {
                        <li>
                            <span class="who">{respondent.clone()} ": "</span>
                            {answer_cell(words, *answer)}
                        </li>
                    }
                })
                .collect_view();
            view! { <ul aria-label=format!("Who said what about {label}")>{items}</ul> }
        })
    };
    view! {
        <li class="question-line" class:disagree=flagged class:quiet=move || only_disagreements.get() && !flagged>
            <details
                class="who-answered"
                on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
            >
                <summary>
                    {flagged.then(|| view! { <strong class="flag">"Disagree"</strong> " " })}
                    <span class="question-section">{row.section.short_heading()}</span>
                    " "
                    {row.question.text().to_string()}
                    <span class="visually-hidden">" (who said what)"</span>
                </summary>
                {who}
            </details>
            {distribution_bar(bank, row)}
            <p class="spread">{row.spread_in_words(bank)}</p>
        </li>
    }
}

const HEAT_MAP_TITLE: &str = "Readiness of each launch step, per respondent";

/// The launch steps across the group: the heat map of steps by respondents, or for a group
/// large enough to summarise, each step's bar of respondents by readiness, with the heat map
/// drawn only once its disclosure is opened.
fn launch_steps(view: &GroupView<'_>, visible: Memo<Vec<Respondent>>) -> AnyView {
    if !view.summarises() {
        return heat_map(view, None, HEAT_MAP_TITLE).into_any();
    }
    // Drawn later, from the group as it is then, read against the bank the screen uses.
    let bank = Bank::builtin();
    let open = RwSignal::new(false);
    let map = move || {
        open.get().then(|| {
            visible.with(|respondents| {
                heat_map(&group_view(bank, respondents), None, HEAT_MAP_TITLE).into_any()
            })
        })
    };
    view! {
        <div class="bar-legend">
            <p>"Each bar counts the respondents who place the step in each shade of readiness, from light (early) to dark (ready)."</p>
        </div>
        {step_shades(view)}
        <details
            class="chart-table heat-later"
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
        >
            <summary>"Each respondent's readiness, step by step (heat map)"</summary>
            {map}
        </details>
    }
    .into_any()
}

/// The gates someone blocks or has not confirmed, step by step, with how many of each: what
/// a session should settle first.
fn gates_to_talk_about(view: &GroupView<'_>) -> impl IntoView {
    let items: Vec<_> = view
        .steps
        .iter()
        .flat_map(|step| step.gates.iter().map(move |gate| (step, gate)))
        .filter(|(_, gate)| gate.to_talk_about())
        .map(|(step, gate)| {
            view! {
                <li>
                    <span class="question-section">{step.section.short_heading()}</span>
                    " " {gate.question.gate_label().to_string()} ": "
                    {gate.counts_in_words(view.respondents.len())}
                </li>
            }
        })
        .collect();
    (!items.is_empty()).then(|| {
        view! {
            <h3>"Gates to talk about"</h3>
            <ul class="gate-tallies">{items}</ul>
        }
    })
}

/// The tables of one group view.
fn group_tables(
    view: &GroupView<'_>,
    visible: Memo<Vec<Respondent>>,
    only_disagreements: RwSignal<bool>,
    skipped: Vec<String>,
) -> impl IntoView {
    let bank = view.bank;
    let compact = view.tallies_in_one_column();
    let labels = view.column_heads();
    let head = |first: &'static str, last: &[&'static str]| {
        view! {
            <tr>
                <th scope="col">{first}</th>
                {labels.iter().map(|l| view! { <th scope="col">{l.clone()}</th> }).collect_view()}
                {last.iter().map(|l| view! { <th scope="col">{*l}</th> }).collect_view()}
            </tr>
        }
    };

    let who = view
        .respondents
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">
                        {r.label.to_string()}
                        {bank.answered_with(r.bank_version).map(|line| {
                            view! { <span class="question-section">{line}</span> }
                        })}
                    </th>
                    <td>{r.where_you_are.sentence()}</td>
                    <td>{r.phase_words()}</td>
                </tr>
            }
        })
        .collect_view();

    let steps = view
        .steps
        .iter()
        .map(|row| {
            let cells = if compact {
                let (scored, blocked) = row.tally_in_words();
                view! {
                    <td>
                        {scored}
                        {blocked.map(|blocked| view! { <strong class="blocked">{blocked}</strong> })}
                    </td>
                }
                .into_any()
            } else {
                row.readiness
                    .iter()
                    .enumerate()
                    .map(|(at, value)| {
                        let blocked = row.blocked_for.contains(&at);
                        view! {
                            <td>
                                {percent_text(*value)}
                                {blocked.then(|| view! { <strong class="blocked">" blocked"</strong> })}
                            </td>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            view! {
                <tr>
                    <th scope="row">{row.section.heading()}</th>
                    {cells}
                    <td>{percent_text(row.mean)}</td>
                    <td>{row.range_in_words()}</td>
                </tr>
            }
        })
        .collect_view();

    // The respondents' labels, once for every question's "who said what".
    let labels: Arc<[String]> = view
        .respondents
        .iter()
        .map(|r| r.label.to_string())
        .collect();
    let questions = view
        .questions
        .iter()
        .map(|row| question_line(view, row, labels.clone(), only_disagreements))
        .collect_view();

    let mut unmatched: Vec<String> = view.unmatched.iter().map(Unmatched::line).collect();
    unmatched.extend(skipped);
    let step_head = head("Step", &["Mean", "Range"]);

    view! {
        <h3>"Where each respondent places the partnership"</h3>
        <div class="group-who-scroll">
        <TableScroll label="Respondents">
            <table class="report-table group-table group-who">
                <caption>"Where you are and leading phase, per respondent"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Respondent"</th>
                        <th scope="col">"Where you are"</th>
                        <th scope="col">"Leading phase"</th>
                    </tr>
                </thead>
                <tbody>{who}</tbody>
            </table>
        </TableScroll>
        </div>
        <h3>"Launch steps"</h3>
        {launch_steps(view, visible)}
        {gates_to_talk_about(view)}
        <details class="chart-table">
            <summary>"The launch steps as a table, with the mean and range"</summary>
            <TableScroll label="Launch steps">
                <table class="report-table group-table">
                    <caption>"Readiness of each launch step, per respondent, with the mean and range"</caption>
                    <thead>{step_head}</thead>
                    <tbody>{steps}</tbody>
                </table>
            </TableScroll>
        </details>
        <h3>"Questions, biggest disagreements first"</h3>
        <p class="disagreement-count">
            {view.disagreement_line()}
        </p>
        <p>
            <label class="checkbox">
                <input
                    type="checkbox"
                    prop:checked=move || only_disagreements.get()
                    on:change:target=move |ev| only_disagreements.set(ev.target().checked())
                />
                " Show only the questions where people disagree"
            </label>
        </p>
        <div class="bar-legend">
            <p>"Each bar counts the respondents who gave each answer: the scale's points from light to dark, then the answers off the scale."</p>
            {bar_key()}
        </div>
        <ol class="question-lines">{questions}</ol>
        {(!unmatched.is_empty()).then(|| view! {
            <h3>"Not matched"</h3>
            <p>"These answers use questions this version's bank does not have, so they are left out of the comparison:"</p>
            <ul>{unmatched.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
        })}
    }
}

crate::chunk::chunk!(
    /// The group view and progress over time.
    compare: fn compare_chunk() -> crate::chunk::DrawScreen, prefetch_compare =>
        || crate::widgets::later_style::with_later_style(|| view! { <CompareScreen /> }.into_any())
);
