//! The report screen: which report to show, and what the person can do with it.

use leptos::prelude::*;
use readiness_core::{
    answers_csv, encode_export, link_copied_message, report, report_draft, report_outputs, Bank,
    Event, ReportOutputs,
};

use super::report::report_view;
use super::session::present;
use crate::store::stamp;
use crate::widgets::qr_code::qr_figure;
use crate::widgets::screen_link::{PlaceLink, ScreenLink};
use crate::{browser::clipboard, browser::download, link_to_app, Address, Screen, Shell, Store};

/// The report of the open assessment, or a choice of assessment when none is open.
#[component]
pub fn ReportScreen() -> impl IntoView {
    let bank = Bank::builtin();
    let shell = expect_context::<Shell>();
    let store = expect_context::<Store>();
    let open_id = Memo::new(move |_| shell.address.with(|address| address.assessment.clone()));
    // Only a change to this assessment redraws the report: a snapshot or another assessment
    // being saved leaves it, and the actions' messages, as they are.
    let stored = Memo::new(move |_| open_id.get().and_then(|id| store.assessment(&id)));
    let shared = Memo::new(move |_| store.with(|workspace| workspace.shared_report().cloned()));
    move || match (stored.get(), shared.get()) {
        (Some(stored), _) => {
            // The report is built once per change, and its outputs with it.
            let report = report(bank, &stored.assessment);
            let outputs = report_outputs(bank, &report, env!("CARGO_PKG_VERSION"));
            view! {
                <ReportActions id=stored.id.clone() outputs=outputs />
                {report_view(&report)}
            }
            .into_any()
        }
        (None, Some(Ok(opened))) => view! {
            <SharedNotice />
            {report_view(&report(bank, &opened.assessment))}
        }
        .into_any(),
        (None, Some(Err(error))) => view! {
            <div class="notice danger" role="alert">
                <p>
                    <strong>"This share link could not be opened: "</strong>
                    {error.to_string()}
                </p>
                <p>"Nothing on this device was changed."</p>
            </div>
            <ChooseReport />
        }
        .into_any(),
        (None, None) => view! { <ChooseReport /> }.into_any(),
    }
}

/// Above a report opened from a share link: it is read-only and kept only in this page until
/// saved, and can be put side by side with the person's own.
#[component]
fn SharedNotice() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let store = expect_context::<Store>();
    let save_copy = move |_| {
        let at = stamp();
        let id = at.fresh_id.clone();
        store.dispatch(Event::KeepSharedReport(at));
        shell.navigate(Address {
            screen: Screen::Report,
            assessment: Some(id),
            section: None,
        });
    };
    let compare = move |_| {
        store.dispatch(Event::CompareSharedReport);
        shell.navigate(Address::of(Screen::Compare));
    };
    view! {
        <div class="notice shared-notice" role="status">
            <p>
                <strong>"You are viewing a shared report, read-only."</strong>
                " It is not saved on this device, and nothing you have here was changed."
            </p>
            <p class="actions">
                <button type="button" class="button primary" on:click=save_copy>
                    "Save a copy on this device"
                </button>
                <button type="button" class="button" on:click=compare>
                    "Compare with mine"
                </button>
                <button type="button" class="button" on:click=move |_| shell.navigate(Address::of(Screen::Portfolio))>
                    "Add to my portfolio"
                </button>
            </p>
        </div>
    }
}

/// A choice among the assessments on this device when no assessment is open.
#[component]
fn ChooseReport() -> impl IntoView {
    let store = expect_context::<Store>();
    let list = move || {
        store
            .with(|workspace| workspace.listed())
            .into_iter()
            .map(|listed| {
                let to = Address {
                    screen: Screen::Report,
                    assessment: Some(listed.id),
                    section: None,
                };
                view! {
                    <li>
                        <PlaceLink to=to>{listed.name}</PlaceLink>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h1>"Report"</h1>
        <Show
            when=move || store.with(|w| !w.assessments().is_empty())
            fallback=|| view! {
                <p class="lead">"There is no assessment on this device yet. Answer some questions and the report appears here."</p>
                <p>
                    <ScreenLink screen=Screen::Assessment class="button primary">"Start an assessment"</ScreenLink>
                </p>
            }
        >
            <p class="lead">"Choose the assessment to report on."</p>
            <ul class="report-choice">{list}</ul>
        </Show>
    }
}

/// Print, copy, download and share: what a person does with a finished report.
#[component]
fn ReportActions(
    /// The open assessment's id.
    id: String,
    /// What the report becomes outside the app, made with it.
    outputs: ReportOutputs,
) -> impl IntoView {
    let bank = Bank::builtin();
    let store = expect_context::<Store>();
    let shell = expect_context::<Shell>();
    let message = RwSignal::new(None::<String>);
    let aid = StoredValue::new(id);
    let outputs = StoredValue::new(outputs);
    let copy_summary = move |_| {
        clipboard::copy_and_tell(
            outputs.with_value(|o| o.summary.clone()),
            "Summary copied. Paste it into an email or a document.".to_string(),
            "The browser did not allow copying. Use “Download summary” instead.",
            message,
        );
    };
    let download_summary = move |_| {
        outputs.with_value(|o| {
            let file = format!("{}.md", o.file_stem);
            message.set(Some(download::offer_and_tell(
                &file,
                "text/markdown",
                &o.summary,
            )));
        });
    };
    let print = move |_| {
        let _ = window().print();
    };
    let share_url = move || outputs.with_value(|o| link_to_app(&o.share_fragment));
    let show_qr = RwSignal::new(false);
    let copy_link = move |_| {
        let url = share_url();
        let copied = link_copied_message(url.len());
        clipboard::copy_and_tell(
            url,
            copied,
            "The browser did not allow copying. Use the QR code or the JSON file instead.",
            message,
        );
    };
    let download_file = move |kind: &'static str| {
        let Some(stored) = aid.with_value(|id| store.with_untracked(|w| w.assessment(id).cloned()))
        else {
            return;
        };
        let stem = outputs.with_value(|o| o.file_stem.clone());
        let (file, mime, text) = if kind == "json" {
            let now = String::from(js_sys::Date::new_0().to_iso_string());
            (
                format!("{stem}.json"),
                "application/json",
                encode_export(bank, &stored.assessment, env!("CARGO_PKG_VERSION"), &now),
            )
        } else {
            (
                format!("{stem}.csv"),
                "text/csv",
                answers_csv(bank, &stored.assessment),
            )
        };
        message.set(Some(download::offer_and_tell(&file, mime, &text)));
    };
    // The summary and, when it fits a mail program, the share link, drafted to `to`.
    let draft = move |to: &str, subject: &str| {
        outputs.with_value(|o| report_draft(to, subject, &o.name, &o.summary, &share_url()))
    };
    let mail = move || draft("", "Readiness report");
    let coach = move || {
        aid.with_value(|id| {
            store.with_assessment(id, |stored| stored.and_then(|s| s.assessment.coach.clone()))
        })
    };
    let send_to_coach = move || {
        coach().map(|session| {
            let to = session.return_email.clone();
            let href = draft(&to, "Results for your session");
            let (heading, line) = (session.send_results_heading(), session.send_results_line());
            view! {
                <section class="notice invitation send-to-coach" aria-labelledby="send-coach-title">
                    <h2 id="send-coach-title">{heading}</h2>
                    <p>{line}</p>
                    <p class="actions">
                        <a class="button primary" href=href>"Send results to your coach"</a>
                        <button type="button" class="button" on:click=move |_| download_file("json")>
                            "Download the JSON file to attach"
                        </button>
                    </p>
                </section>
            }
        })
    };
    let qr = move || {
        show_qr.get().then(|| {
            qr_figure(
                &share_url(),
                "QR code of the share link",
                "Scan to open this report on another device.",
            )
        })
    };
    view! {
        {send_to_coach}
        // Four choices; the less used ways to share and to save sit in two disclosures, which
        // browsers make keyboard and screen-reader ready (a button that says it is expanded).
        <div class="report-actions" role="group" aria-label="Use this report">
            <button type="button" class="button primary" on:click=print>
                "Print or save as PDF"
            </button>
            <details class="action-menu">
                <summary class="button">"Share"</summary>
                <div class="action-menu-items">
                    <button type="button" class="button" on:click=copy_link>
                        "Copy share link"
                    </button>
                    <button type="button" class="button" aria-expanded=move || show_qr.get().to_string() on:click=move |_| show_qr.update(|on| *on = !*on)>
                        "QR code"
                    </button>
                    <a class="button" href=mail>"Email the summary"</a>
                    // Session mode shows this report to a room, one step at a time; it sits
                    // with the ways to share so the row keeps its four choices.
                    <button type="button" class="button" on:click=move |_| present(shell, Some(aid.get_value()))>
                        "Present on a projector"
                    </button>
                </div>
            </details>
            <details class="action-menu">
                <summary class="button">"Save as file"</summary>
                <div class="action-menu-items">
                    <button type="button" class="button" on:click=move |_| download_file("json")>
                        "Download JSON"
                    </button>
                    <button type="button" class="button" on:click=move |_| download_file("csv")>
                        "Download CSV"
                    </button>
                    <button type="button" class="button" on:click=download_summary>
                        "Download summary"
                    </button>
                    <button type="button" class="button" on:click=copy_summary>
                        "Copy summary"
                    </button>
                </div>
            </details>
            <button type="button" class="button" on:click=move |_| {
                let id = aid.get_value();
                let taken = store.with_untracked(|w| w.assessment(&id).is_some());
                store.dispatch(Event::Snapshot { id, at: stamp() });
                message.set(Some(if taken {
                    "Snapshot saved on this device. Compare it with later answers under Compare, Progress over time.".to_string()
                } else {
                    "The snapshot could not be taken.".to_string()
                }));
            }>
                "Save a snapshot"
            </button>
            <p class="action-message" role="status">{move || message.get()}</p>
        </div>
        {qr}
    }
}

crate::chunk::chunk!(
    /// The readiness report, with its exports, QR code and mail drafts.
    report: fn report_chunk() -> crate::chunk::DrawScreen, prefetch_report =>
        || crate::widgets::later_style::with_later_style(|| view! { <ReportScreen /> }.into_any())
);
