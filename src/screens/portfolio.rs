//! The Portfolio screen: many partnerships' results at a glance, for a TA provider or a state's
//! sector team. Its workspace (`PortfolioWorkspace`) starts with the screen and keeps the
//! portfolio on this device; everything it shows comes from the core's view of it.

use std::collections::VecDeque;

use leptos::prelude::*;
use readiness_core::portfolio::view::{
    portfolio_view, printed_on, CountLine, HelpAsked, PartnershipRow, PortfolioFilter,
    PortfolioSort, StepFilter,
};
use readiness_core::portfolio::{progress_heading, PortfolioResult};
use readiness_core::portfolio_file::{
    decode_portfolio_file, encode_portfolio_file, portfolio_csv, MAX_PORTFOLIO_BYTES,
    PORTFOLIO_FORMAT,
};
use readiness_core::{
    decode_export, encode_share_link, Bank, Event, Phase, PortfolioEvent, PortfolioWorkspace,
    SaveStatus,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::browser::{download, storage};
use crate::store::stamp;
use crate::widgets::choose_results::{ChooseFromDevice, NotAdded};
use crate::widgets::import_file::FileDrop;
use crate::widgets::table_scroll::TableScroll;
use crate::{link_to_app, Store};

/// The portfolio's workspace, as the screen's components share it.
#[derive(Clone, Copy)]
struct Desk(RwSignal<PortfolioWorkspace>);

impl Desk {
    /// Sends one event, then runs every effect that follows, as the app's store does.
    fn send(self, event: PortfolioEvent) {
        let mut queue = VecDeque::from([event]);
        while let Some(event) = queue.pop_front() {
            let effects = self.0.try_update(|desk| desk.update(event));
            for effect in effects.unwrap_or_default() {
                queue.extend(storage::run(effect).map(PortfolioEvent::Device));
            }
        }
    }
}

/// Moves keyboard and screen-reader focus, once the change just sent is drawn, to the first
/// element of `ids` on the page: where a keyboard user expects to be after an action whose
/// button the redraw takes away or gives another meaning (the rows are redrawn in place, so
/// a row's Remove button would become the next row's).
fn focus_soon(ids: Vec<String>) {
    request_animation_frame(move || {
        let found = ids
            .iter()
            .find_map(|id| document().get_element_by_id(id))
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = found {
            let _ = element.focus();
        }
    });
}

/// The id of a row's link to its report, by the row's key.
fn open_id(key: u32) -> String {
    format!("portfolio-open-{key}")
}

/// The id of a row's Remove button, by the row's key.
fn remove_id(key: u32) -> String {
    format!("portfolio-remove-{key}")
}

/// The Undo button after a removal, where focus goes once a row is removed.
const UNDO: &str = "portfolio-undo";

/// The heading of the partnerships' table, where focus goes when a row that comes back is
/// filtered out.
const ROWS_TITLE: &str = "portfolio-rows-title";

/// The keys of the portfolio's rows.
fn keys(desk: Desk) -> Vec<u32> {
    desk.0
        .with_untracked(|d| d.portfolio().partnerships().iter().map(|p| p.key).collect())
}

/// Ids no other tab gives, one per result that may start a row.
fn fresh_ids(count: usize) -> Vec<String> {
    let base = stamp().fresh_id;
    (0..count).map(|at| format!("{base}-{at}")).collect()
}

/// The whole screen.
#[component]
pub fn PortfolioScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let shared_mode = store.with_untracked(|workspace| workspace.shared_mode());
    let desk = Desk(RwSignal::new(PortfolioWorkspace::new(
        Bank::builtin(),
        shared_mode,
    )));
    provide_context(desk);
    desk.send(PortfolioEvent::Open);
    // Another tab added, changed or removed a partnership: follow it.
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        desk.send(PortfolioEvent::Device(Event::OtherTab(event.key())));
    });
    on_cleanup(move || listener.remove());
    // On paper, the date it was printed (read again as printing starts).
    let printed = RwSignal::new(printed_on(&stamp().today));
    let before_print = window_event_listener(leptos::ev::beforeprint, move |_| {
        printed.set(printed_on(&stamp().today));
    });
    on_cleanup(move || before_print.remove());
    let has_rows = move || desk.0.with(|d| !d.portfolio().partnerships().is_empty());
    view! {
        <div class="portfolio-screen">
        <h1>"Portfolio"</h1>
        <p class="portfolio-printed">{move || printed.get()}</p>
        <p class="lead">
            "Many partnerships' results at a glance: where each stands, what holds it, and what help it asks for, so you can plan which module to run for whom."
        </p>
        <p>
            "The portfolio is kept on this device only. Results are read in this browser; nothing is uploaded anywhere."
        </p>
        <SaveLine />
        <AddToPortfolio />
        // Undo stays within reach when the last partnership was removed.
        <Show when=has_rows fallback=|| view! { <p>"No partnerships yet: add the share links or files the regions sent you."</p> <Undo /> }>
            <Glance />
        </Show>
        </div>
    }
}

/// Whether the portfolio is kept, and what was set aside.
#[component]
fn SaveLine() -> impl IntoView {
    let desk = expect_context::<Desk>();
    move || {
        desk.0.with(|d| {
            let status = match d.status() {
                SaveStatus::Saved => None,
                SaveStatus::NotSaving => Some(
                    "Shared-computer mode: the portfolio is not kept on this device.".to_string(),
                ),
                SaveStatus::Failed(error) => Some(format!(
                    "The latest changes to the portfolio are not kept: {error}. They are still on this page; free some room, then choose Try again."
                )),
            };
            let failed = matches!(d.status(), SaveStatus::Failed(_));
            let aside: Vec<String> = d.set_aside().iter().map(|s| s.reason.clone()).collect();
            view! {
                {status.map(|line| view! {
                    <div class="notice" role="status">
                        <p>{line}</p>
                        {failed.then(|| view! {
                            <button type="button" class="button" on:click=move |_| desk.send(PortfolioEvent::Retry)>
                                "Try again"
                            </button>
                        })}
                    </div>
                })}
                {(!aside.is_empty()).then(|| view! {
                    <div class="notice" role="status">
                        <p>"Kept aside, not lost (it can be removed from the device notices):"</p>
                        <ul>{aside.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </div>
                })}
            }
        })
    }
}

/// Reads one file: a portfolio file, or an export or saved answers of one assessment.
async fn read_portfolio_file(file: web_sys::File, desk: Desk) -> Result<(), String> {
    let name = file.name();
    if file.size() > MAX_PORTFOLIO_BYTES as f64 {
        return Err(format!(
            "\"{name}\" is too large to be a readiness or portfolio file."
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|value| value.as_string())
        .ok_or_else(|| format!("\"{name}\" could not be read by the browser."))?;
    let bank = Bank::builtin();
    if text.contains(PORTFOLIO_FORMAT) {
        let read =
            decode_portfolio_file(bank, &text).map_err(|error| format!("\"{name}\": {error}"))?;
        let ids = fresh_ids(read.partnerships.len());
        desk.send(PortfolioEvent::TakeIn {
            read,
            fresh_ids: ids,
        });
        return Ok(());
    }
    let imported = decode_export(bank, &text)
        .map_err(|error| format!("\"{name}\" could not be added: {error}"))?;
    desk.send(PortfolioEvent::Add {
        results: vec![PortfolioResult {
            assessment: imported.assessment,
            origin: name,
            left_out: imported.skipped.iter().map(ToString::to_string).collect(),
            added_ms: js_sys::Date::now() as u64,
        }],
        problems: Vec::new(),
        fresh_ids: fresh_ids(1),
    });
    Ok(())
}

/// The notice of what the latest addition added and could not add, where focus goes after it.
const ADDED: &str = "portfolio-added";

/// Pasted share links, dropped or picked files, and assessments on this device.
#[component]
fn AddToPortfolio() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let store = expect_context::<Store>();
    let links = RwSignal::new(String::new());
    let file_problems = RwSignal::new(Vec::<String>::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let add_links = move |_| {
        let text = links.get_untracked();
        let lines = text.lines().count().max(1);
        file_problems.set(Vec::new());
        desk.send(PortfolioEvent::Paste {
            text,
            now_ms: js_sys::Date::now() as u64,
            fresh_ids: fresh_ids(lines * 2),
        });
        if desk.0.with_untracked(|d| d.addition().problems.is_empty()) {
            links.set(String::new());
        }
        focus_soon(vec![ADDED.to_string()]);
    };
    let add_files = move |files: Vec<web_sys::File>| {
        leptos::task::spawn_local(async move {
            let mut problems = Vec::new();
            for file in files {
                if let Err(problem) = read_portfolio_file(file, desk).await {
                    problems.push(problem);
                }
            }
            file_problems.set(problems);
            focus_soon(vec![ADDED.to_string()]);
        });
    };
    let add_chosen = move |()| {
        let ids = chosen.get_untracked();
        let results: Vec<PortfolioResult> = store.with_untracked(|workspace| {
            ids.iter()
                .filter_map(|id| workspace.assessment(id))
                .map(|stored| PortfolioResult {
                    assessment: stored.assessment.clone(),
                    origin: "this device".to_string(),
                    left_out: Vec::new(),
                    added_ms: js_sys::Date::now() as u64,
                })
                .collect()
        });
        let ids_for_rows = fresh_ids(results.len());
        file_problems.set(Vec::new());
        desk.send(PortfolioEvent::Add {
            results,
            problems: Vec::new(),
            fresh_ids: ids_for_rows,
        });
        chosen.set(Vec::new());
        focus_soon(vec![ADDED.to_string()]);
    };
    // A shared report opened from a link (its "Add to my portfolio" leads here): one button adds it.
    let shared = move || {
        store.with(|workspace| match workspace.shared_report() {
            Some(Ok(shared)) => Some(shared.clone()),
            _ => None,
        })
    };
    let add_shared = move |_| {
        if let Some(shared) = shared() {
            file_problems.set(Vec::new());
            desk.send(PortfolioEvent::Add {
                results: vec![PortfolioResult {
                    assessment: shared.assessment,
                    origin: "share link".to_string(),
                    left_out: shared.skipped.iter().map(ToString::to_string).collect(),
                    added_ms: js_sys::Date::now() as u64,
                }],
                problems: Vec::new(),
                fresh_ids: fresh_ids(1),
            });
            focus_soon(vec![ADDED.to_string()]);
        }
    };
    let shared_offer = move || {
        shared().map(|shared| {
            let meta = &shared.assessment.meta;
            let words = format!(
                "Add the shared report you opened ({}) to the portfolio",
                meta.display_name()
            );
            view! {
                <p>
                    <button type="button" class="button primary" on:click=add_shared>{words}</button>
                </p>
            }
        })
    };
    let said = move || desk.0.with(|d| d.addition().sentence());
    let problems = move || {
        let mut all = desk.0.with(|d| d.addition().problems.clone());
        all.extend(file_problems.get());
        all
    };
    view! {
        <section class="add-results portfolio-add" aria-labelledby="portfolio-add-title">
            <h2 id="portfolio-add-title">"Add results"</h2>
            {shared_offer}
            <div class="field">
                <label for="portfolio-links">"Share links, or a whole email that holds them"</label>
                <span class="hint" id="portfolio-links-hint">
                    "Every share link in the text is found; the rest of the text is ignored."
                </span>
                <textarea
                    id="portfolio-links"
                    rows="4"
                    aria-describedby="portfolio-links-hint"
                    bind:value=links
                ></textarea>
            </div>
            <p>
                <button type="button" class="button primary" on:click=add_links>
                    "Add to portfolio"
                </button>
            </p>
            <FileDrop input_id="portfolio-files" pick="Choose files" multiple=true on_files=Callback::new(add_files)>
                <p>"Readiness files (JSON) or a portfolio file: choose several, or drop them here."</p>
            </FileDrop>
            <ChooseFromDevice chosen=chosen id_prefix="portfolio-pick-" with_date=true on_add=Callback::new(add_chosen) />
            <div id=ADDED class="portfolio-added" tabindex="-1">
                <div role="status">{move || said().map(|line| view! { <p>{line}</p> })}</div>
                <NotAdded problems=Signal::derive(problems) heading="These could not be added; everything else was:" />
            </div>
        </section>
    }
}

/// The options of a select: (value, words).
fn options(items: Vec<(String, String)>) -> impl IntoView {
    items
        .into_iter()
        .map(|(value, words)| view! { <option value=value>{words}</option> })
        .collect_view()
}

/// Options drawn anew as the list changes, each saying whether it is the one `chosen` names:
/// the select's own value stays on the position it had, and a renamed row moves in the list.
fn options_choosing(items: Vec<(String, String)>, chosen: RwSignal<String>) -> impl IntoView {
    items
        .into_iter()
        .map(|(value, words)| {
            let this = value.clone();
            view! { <option value=value prop:selected=move || chosen.with(|c| *c == this)>{words}</option> }
        })
        .collect_view()
}

/// The counts, the filters, the heat map, the rows and who asks for what.
#[component]
fn Glance() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let bank = Bank::builtin();
    let step = RwSignal::new(String::new());
    let area = RwSignal::new(String::new());
    let phase = RwSignal::new(String::new());
    let blocked_only = RwSignal::new(false);
    let sort = RwSignal::new("step".to_string());
    let filter = move || PortfolioFilter {
        step: step.with(|s| match s.as_str() {
            "" => None,
            "past" => Some(StepFilter::PastEvery),
            n => n.parse().ok().map(StepFilter::At),
        }),
        help_area: area.with(|a| (!a.is_empty()).then(|| a.clone())),
        phase: phase.with(|p| Phase::ALL.into_iter().find(|ph| ph.name() == p)),
        blocked_only: blocked_only.get(),
    };
    let order = move || match sort.get().as_str() {
        "date" => PortfolioSort::Date,
        "region" => PortfolioSort::Region,
        "help" => PortfolioSort::HelpArea,
        _ => PortfolioSort::Step,
    };
    let steps: Vec<(String, String)> = bank
        .launch_steps()
        .map(|section| {
            (
                section.step().map(|s| s.to_string()).unwrap_or_default(),
                section.heading(),
            )
        })
        .collect();
    let mut step_options = vec![(String::new(), "Every step".to_string())];
    step_options.extend(steps);
    step_options.push(("past".to_string(), "Past every step".to_string()));
    let mut area_options = vec![(String::new(), "Any help, or none".to_string())];
    area_options.extend(
        bank.help_areas()
            .iter()
            .map(|a| (a.id().to_string(), a.label().to_string())),
    );
    let mut phase_options = vec![(String::new(), "Any phase".to_string())];
    phase_options.extend(
        Phase::ALL
            .into_iter()
            .map(|p| (p.name().to_string(), p.name().to_string())),
    );
    let said = RwSignal::new(String::new());
    // How many rows show, in a live region drawn once, so each change of it is announced.
    let showing = RwSignal::new(String::new());
    let download_csv = move |_| {
        let text = desk.0.with_untracked(|d| {
            portfolio_csv(&portfolio_view(bank, d.portfolio(), &filter(), order()))
        });
        said.set(download::offer_and_tell("portfolio.csv", "text/csv", &text));
    };
    let download_file = move |_| {
        let today = stamp().today;
        let text = desk
            .0
            .with_untracked(|d| encode_portfolio_file(bank, d.portfolio(), &today));
        said.set(download::offer_and_tell(
            "portfolio.json",
            "application/json",
            &text,
        ));
    };
    view! {
        <section class="portfolio-glance" aria-labelledby="portfolio-glance-title">
            <h2 id="portfolio-glance-title">"At a glance"</h2>
            {move || desk.0.with(|d| {
                let view = portfolio_view(bank, d.portfolio(), &PortfolioFilter::default(), PortfolioSort::Step);
                let asks: Vec<CountLine> = view.asks.iter().map(HelpAsked::count_line).collect();
                view! {
                    <ul class="portfolio-counts">{count_items(view.counts.lines())}</ul>
                    <ul class="portfolio-counts">{count_items(asks)}</ul>
                }
            })}
            <div class="portfolio-controls">
                <div class="field">
                    <label for="portfolio-step">"Step"</label>
                    <select id="portfolio-step" on:change:target=move |ev| step.set(ev.target().value()) prop:value=move || step.get()>
                        {options(step_options)}
                    </select>
                </div>
                <div class="field">
                    <label for="portfolio-area">"Help asked for"</label>
                    <select id="portfolio-area" on:change:target=move |ev| area.set(ev.target().value()) prop:value=move || area.get()>
                        {options(area_options)}
                    </select>
                </div>
                <div class="field">
                    <label for="portfolio-phase">"Leading phase"</label>
                    <select id="portfolio-phase" on:change:target=move |ev| phase.set(ev.target().value()) prop:value=move || phase.get()>
                        {options(phase_options)}
                    </select>
                </div>
                <label class="choice" for="portfolio-blocked">
                    <input type="checkbox" id="portfolio-blocked" prop:checked=move || blocked_only.get() on:change:target=move |ev| blocked_only.set(ev.target().checked()) />
                    <span>"Blocked only"</span>
                </label>
                <div class="field">
                    <label for="portfolio-sort">"Sort by"</label>
                    <select id="portfolio-sort" on:change:target=move |ev| sort.set(ev.target().value()) prop:value=move || sort.get()>
                        {options(vec![
                            ("step".into(), "Step".into()),
                            ("date".into(), "Latest result".into()),
                            ("region".into(), "Region".into()),
                            ("help".into(), "Help asked for".into()),
                        ])}
                    </select>
                </div>
            </div>
            <p role="status" id="portfolio-showing">{move || showing.get()}</p>
            {move || desk.0.with(|d| {
                let view = portfolio_view(bank, d.portfolio(), &filter(), order());
                let heads = view.steps.iter().map(|s| view! { <th scope="col">{s.short_heading()}</th> }).collect_view();
                showing.set(view.showing());
                let rows: Vec<_> = view.rows.iter().map(|row| partnership_row(bank, row, desk, d)).collect();
                let cells: Vec<_> = view.rows.iter().map(heat_row).collect();
                let asks = view.asks.iter().map(|asked| {
                    let names = asked.by.iter().map(|(_, name)| name.clone()).collect::<Vec<_>>().join(", ");
                    view! { <li><strong>{asked.area.label().to_string()}</strong>" ("{asked.by.len()}"): "{names}</li> }
                }).collect_view();
                view! {
                    <h3>"Readiness by launch step"</h3>
                    <TableScroll label="Readiness by launch step">
                        <table class="portfolio-heat">
                            <thead><tr><th scope="col">"Partnership"</th>{heads}</tr></thead>
                            <tbody>{cells}</tbody>
                        </table>
                    </TableScroll>
                    <h3 id=ROWS_TITLE tabindex="-1">"Partnerships"</h3>
                    <TableScroll label="Partnerships">
                        <table class="portfolio-rows">
                            <thead>
                                <tr>
                                    <th scope="col">"Partnership"</th>
                                    <th scope="col">"Where it stands"</th>
                                    <th scope="col">"Leading phase"</th>
                                    <th scope="col">"Also in the way"</th>
                                    <th scope="col">"Help asked for"</th>
                                    <th scope="col">"Latest result"</th>
                                    <th scope="col" class="row-actions">"Report"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </TableScroll>
                    <h3>"Who asks for what"</h3>
                    <ul class="portfolio-asks">{asks}</ul>
                }
            })}
            <Undo />
            <ManagePartnership />
            <p class="actions">
                <button type="button" class="button" on:click=download_csv>"Download CSV"</button>
                " "
                <button type="button" class="button" on:click=download_file>"Download the portfolio file"</button>
            </p>
            <p role="status">{move || said.get()}</p>
        </section>
    }
}

/// The glance's counts as list items, each figure in bold before its words.
fn count_items(lines: Vec<CountLine>) -> impl IntoView {
    lines
        .into_iter()
        .map(|line| view! { <li><strong>{line.figure}</strong>" "{line.words}</li> })
        .collect_view()
}

/// A partnership's row of the heat map: its readiness in each launch step, in words too.
fn heat_row(row: &PartnershipRow<'_>) -> impl IntoView {
    let cells = row
        .cells
        .iter()
        .map(|cell| {
            let class = match cell.readiness {
                Some(pct) => format!("heat-cell heat-{}", readiness_core::readiness_shade(pct)),
                None => "heat-cell heat-none".to_string(),
            };
            view! { <td class=class>{cell.in_words()}</td> }
        })
        .collect_view();
    view! { <tr><th scope="row">{row.label.clone()}</th>{cells}</tr> }
}

/// A partnership's row of the table: where it stands, what holds it, its phase, findings, the
/// help it asks for, its latest result, and its report.
fn partnership_row(
    bank: &'static Bank,
    row: &PartnershipRow<'_>,
    desk: Desk,
    d: &PortfolioWorkspace,
) -> impl IntoView {
    let key = row.key;
    let label = row.label.clone();
    let link = d
        .portfolio()
        .partnership(key)
        .and_then(|p| p.current())
        .map(|current| link_to_app(&encode_share_link(bank, &current.assessment)));
    let held = row.held_words();
    let history = row.history_words();
    view! {
        <tr>
            <th scope="row">{row.label.clone()}</th>
            <td>{row.stands.clone()}{held.map(|h| view! { " "<span class="hint held">{h}</span> })}</td>
            <td>{row.phase_words()}</td>
            <td>{row.findings_words()}</td>
            <td>{row.help_words()}</td>
            <td>{row.latest_words().to_string()}" "<span class="hint bank-line">{row.bank_words(bank)}</span>{history.map(|h| view! { " "<span class="hint bank-line">{h}</span> })}</td>
            <td class="row-actions">
                {link.map(|href| view! { <a id=open_id(key) href=href>{format!("Open the report of {label}")}</a> })}
                " "
                <button type="button" class="button danger" id=remove_id(key) on:click=move |_| {
                    desk.send(PortfolioEvent::Remove(key));
                    focus_soon(vec![UNDO.to_string()]);
                }>
                    {format!("Remove {label}")}
                </button>
            </td>
        </tr>
    }
}

/// The choice of partnership to correct, where focus comes back after a rename, merge or split.
const CHOICE: &str = "portfolio-manage-choice";

/// One partnership chosen to rename, merge into another, split a wrong match off, or read its
/// progress between its two latest results.
#[component]
fn ManagePartnership() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let bank = Bank::builtin();
    let chosen = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let into = RwSignal::new(String::new());
    let rows = move || {
        desk.0.with(|d| {
            d.portfolio()
                .choices()
                .into_iter()
                .map(|(key, label)| (key.to_string(), label))
                .collect::<Vec<_>>()
        })
    };
    let key = move || chosen.with(|c| c.parse::<u32>().ok());
    let rename = move |_| {
        if let Some(key) = key() {
            desk.send(PortfolioEvent::Rename {
                key,
                name: name.get_untracked(),
            });
            focus_soon(vec![CHOICE.to_string()]);
        }
    };
    let merge = move |_| {
        if let (Some(from), Ok(into)) = (key(), into.get_untracked().parse::<u32>()) {
            desk.send(PortfolioEvent::Merge { into, from });
            chosen.set(into.to_string());
            focus_soon(vec![CHOICE.to_string()]);
        }
    };
    let details = move || {
        let key = key()?;
        desk.0.with(|d| {
            let row = d.portfolio().partnership(key)?;
            let others: Vec<(String, String)> = d
                .portfolio()
                .choices()
                .into_iter()
                .filter(|(other, _)| *other != key)
                .map(|(other, label)| (other.to_string(), label))
                .collect();
            let history = row
                .results
                .iter()
                .enumerate()
                .map(|(index, result)| {
                    let line = result.history_line();
                    let split_words = result.split_words();
                    let split = (row.results.len() > 1).then(|| view! {
                        " "
                        <button type="button" class="button" on:click=move |_| {
                            let fresh_id = fresh_ids(1).remove(0);
                            desk.send(PortfolioEvent::Split { key, index, fresh_id });
                            focus_soon(vec![CHOICE.to_string()]);
                        }>{split_words}</button>
                    });
                    view! { <li>{line}{split}</li> }
                })
                .collect_view();
            let progress = match row.results.as_slice() {
                [.., before, after] => {
                    let change = readiness_core::progress(bank, &before.assessment, &after.assessment);
                    Some(view! {
                        <h4>{progress_heading(before, after)}</h4>
                        {super::progress::progress_view(&change, bank)}
                    })
                }
                _ => None,
            };
            Some(view! {
                <div class="field">
                    <label for="portfolio-rename">"Name"</label>
                    <span class="hint" id="portfolio-rename-hint">"Leave empty to name it by its region and sector."</span>
                    <input id="portfolio-rename" type="text" maxlength="200" aria-describedby="portfolio-rename-hint" bind:value=name />
                </div>
                <p><button type="button" class="button" on:click=rename>"Rename"</button></p>
                {(!others.is_empty()).then(|| view! {
                    <div class="field">
                        <label for="portfolio-merge">"The same partnership as"</label>
                        <select id="portfolio-merge" on:change:target=move |ev| into.set(ev.target().value()) prop:value=move || into.get()>
                            <option value="">"Choose…"</option>
                            {options(others)}
                        </select>
                    </div>
                    <p><button type="button" class="button" on:click=merge>"Merge them"</button></p>
                })}
                <h4>"Results, oldest first"</h4>
                <ul>{history}</ul>
                {progress}
            })
        })
    };
    view! {
        <section class="portfolio-manage" aria-labelledby="portfolio-manage-title">
            <h3 id="portfolio-manage-title">"Correct or follow a partnership"</h3>
            <div class="field">
                <label for=CHOICE>"Partnership"</label>
                <select
                    id=CHOICE
                    on:change:target=move |ev| {
                        let value = ev.target().value();
                        let label = value.parse::<u32>().ok().and_then(|key| {
                            desk.0.with_untracked(|d| d.portfolio().partnership(key).and_then(|p| p.name.clone()))
                        });
                        name.set(label.unwrap_or_default());
                        into.set(String::new());
                        chosen.set(value);
                    }
                    prop:value=move || chosen.get()
                >
                    <option value="">"Choose…"</option>
                    {move || options_choosing(rows(), chosen)}
                </select>
            </div>
            {details}
        </section>
    }
}

/// The partnership removed last, with a way to bring it back.
#[component]
fn Undo() -> impl IntoView {
    let desk = expect_context::<Desk>();
    // The row comes back under a new key: focus goes to its first control, or, when the
    // filter hides it, to the rows' heading.
    let undo = move |_| {
        let before = keys(desk);
        desk.send(PortfolioEvent::UndoRemove);
        let back = keys(desk).into_iter().find(|key| !before.contains(key));
        let mut ids: Vec<String> = back
            .map(|key| vec![open_id(key), remove_id(key)])
            .unwrap_or_default();
        ids.push(ROWS_TITLE.to_string());
        focus_soon(ids);
    };
    let notice = move || {
        desk.0.with(|d| {
            d.removed().map(|row| {
                let label = row.label();
                view! {
                    <div class="notice">
                        <p id="portfolio-removed">{format!("Removed \"{label}\" from the portfolio.")}</p>
                        <button type="button" class="button" id=UNDO aria-describedby="portfolio-removed" on:click=undo>
                            "Undo"
                        </button>
                    </div>
                }
            })
        })
    };
    view! { <div role="status">{notice}</div> }
}

crate::chunk::chunk!(
    /// The Portfolio screen.
    portfolio: fn portfolio_chunk() -> crate::chunk::DrawScreen, prefetch_portfolio =>
        || crate::widgets::later_style::with_later_style(|| view! { <PortfolioScreen /> }.into_any())
);
