//! The report screen: which report to show, and what the person can do with it.

use leptos::prelude::*;
use readiness_core::{
    answers_csv, encode_export, encode_share_link, file_stem, mail_draft, report, Assessment, Bank,
    URL_WARN_LENGTH,
};

use super::qr_code::qr_figure;
use super::report::ReportView;
use super::screen_link::{PlaceLink, ScreenLink};
use crate::assessments::Assessments;
use crate::group::Group;
use crate::storage::display_name;
use crate::{clipboard, download, link_to_app, Address, Screen, SharedReport, Shell};

/// The report of the open assessment, or a choice of assessment when none is open.
#[component]
pub fn ReportScreen() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let assessments = expect_context::<Assessments>();
    let shared = expect_context::<SharedReport>();
    let open_id = Memo::new(move |_| shell.address.with(|address| address.assessment.clone()));
    // Only a change to this assessment redraws the report: a snapshot or another assessment
    // being saved leaves it, and the actions' messages, as they are.
    let stored = Memo::new(move |_| open_id.get().and_then(|id| assessments.get(&id)));
    move || match (stored.get(), shared.0.get()) {
        (Some(stored), _) => view! {
            <ReportActions id=stored.id.clone() />
            <ReportView assessment=stored.assessment />
        }
        .into_any(),
        (None, Some(Ok(opened))) => {
            view! { <SharedView assessment=opened.assessment /> }.into_any()
        }
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

/// A report opened from a share link: read-only, kept only in this page until saved.
#[component]
fn SharedView(assessment: Assessment) -> impl IntoView {
    let shell = expect_context::<Shell>();
    let assessments = expect_context::<Assessments>();
    let keep = StoredValue::new(assessment.clone());
    let save_copy = move |_| {
        let id = assessments.keep_copy(keep.get_value());
        shell.navigate(Address {
            screen: Screen::Report,
            assessment: Some(id),
            section: None,
        });
    };
    // Side by side with the person's own results: the only one on this device is added too;
    // with several, the Compare screen lets them pick.
    let group = expect_context::<Group>();
    let compare = move |_| {
        group.add(keep.get_value(), "share link".to_string(), Vec::new());
        let mine = assessments.all.with_untracked(|all| match all.as_slice() {
            [only] => Some(only.assessment.clone()),
            _ => None,
        });
        if let Some(mine) = mine {
            group.add(mine, "this device".to_string(), Vec::new());
        }
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
            </p>
        </div>
        <ReportView assessment=assessment />
    }
}

/// A choice among the assessments on this device when no assessment is open.
#[component]
fn ChooseReport() -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let list = move || {
        assessments
            .all
            .get()
            .into_iter()
            .map(|stored| {
                let to = Address {
                    screen: Screen::Report,
                    assessment: Some(stored.id.clone()),
                    section: None,
                };
                view! {
                    <li>
                        <PlaceLink to=to>{display_name(&stored)}</PlaceLink>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h1>"Report"</h1>
        <Show
            when=move || assessments.all.with(|all| !all.is_empty())
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
) -> impl IntoView {
    let bank = Bank::builtin();
    let assessments = expect_context::<Assessments>();
    let message = RwSignal::new(None::<String>);
    let aid = StoredValue::new(id);
    // The name and Markdown summary, made once per change and shared by copying, the
    // download, the mail draft and the draft to the coach.
    let summary = Memo::new(move |_| {
        aid.with_value(|id| {
            assessments.with(id, |stored| {
                stored.map(|stored| {
                    (
                        display_name(stored),
                        report(bank, &stored.assessment)
                            .to_markdown_with_app_version(env!("CARGO_PKG_VERSION")),
                    )
                })
            })
        })
    });
    let summary = move || summary.get();
    let copy_summary = move |_| {
        let Some((_, text)) = summary() else { return };
        clipboard::copy_and_tell(
            text,
            "Summary copied. Paste it into an email or a document.".to_string(),
            "The browser did not allow copying. Use “Download summary” instead.",
            message,
        );
    };
    let download_summary = move |_| {
        let Some((name, text)) = summary() else {
            return;
        };
        let file = format!("{}.md", file_stem(&name));
        message.set(Some(download::offer_and_tell(
            &file,
            "text/markdown",
            &text,
        )));
    };
    let print = move |_| {
        let _ = window().print();
    };
    let assessment = move || {
        aid.with_value(|id| assessments.get(id))
            .map(|s| s.assessment)
    };
    let share_url = move || assessment().map(|a| link_to_app(&encode_share_link(bank, &a)));
    let show_qr = RwSignal::new(false);
    let copy_link = move |_| {
        let Some(url) = share_url() else { return };
        let copied = if url.len() > URL_WARN_LENGTH {
            format!("Share link copied, but it is {} characters long: some email and chat programs cut links over {URL_WARN_LENGTH}. Send the JSON file instead if it arrives broken.", url.len())
        } else {
            "Share link copied. Whoever opens it sees this report; the answers travel in the link itself, never through a server.".to_string()
        };
        clipboard::copy_and_tell(
            url,
            copied,
            "The browser did not allow copying. Use the QR code or the JSON file instead.",
            message,
        );
    };
    let download_file = move |kind: &'static str| {
        let Some(a) = assessment() else { return };
        let Some((name, _)) = summary() else { return };
        let stem = file_stem(&name);
        let (file, mime, text) = if kind == "json" {
            let now = String::from(js_sys::Date::new_0().to_iso_string());
            (
                format!("{stem}.json"),
                "application/json",
                encode_export(bank, &a, env!("CARGO_PKG_VERSION"), &now),
            )
        } else {
            (format!("{stem}.csv"), "text/csv", answers_csv(bank, &a))
        };
        message.set(Some(download::offer_and_tell(&file, mime, &text)));
    };
    // The summary and, when it fits a mail program, the share link, drafted to `to`.
    let draft = move |to: &str, subject: &str| {
        let (Some((name, text)), Some(url)) = (summary(), share_url()) else {
            return String::new();
        };
        let link = if url.len() <= URL_WARN_LENGTH {
            format!("\n\nShare link (opens the whole report): {url}")
        } else {
            "\n\nThe share link is too long for email; the JSON file will follow.".to_string()
        };
        mail_draft(to, &format!("{subject}: {name}"), &format!("{text}{link}"))
    };
    let mail = move || draft("", "Readiness report");
    let coach = move || {
        aid.with_value(|id| {
            assessments.with(id, |stored| stored.and_then(|s| s.assessment.coach.clone()))
        })
    };
    let send_to_coach = move || {
        coach().map(|session| {
            let to = session.return_email.clone();
            let href = draft(&to, "Results for your session");
            let whom = session.coach_name.clone();
            view! {
                <section class="notice invitation send-to-coach" aria-labelledby="send-coach-title">
                    <h2 id="send-coach-title">{format!("Send your results to {whom}")}</h2>
                    <p>
                        {if to.is_empty() {
                            "Your email program opens a draft with your summary and the share link; add your coach's address. ".to_string()
                        } else {
                            format!("Your email program opens a draft to {to} with your summary and the share link. ")
                        }}
                        "You can also attach the JSON file, which holds everything."
                    </p>
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
            share_url().map(|url| {
                qr_figure(
                    &url,
                    "QR code of the share link",
                    "Scan to open this report on another device.",
                )
            })
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
                let taken = aid.with_value(|id| assessments.snapshot(id)).is_some();
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
