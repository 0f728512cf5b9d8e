//! The report screen: which report to show, and what the person can do with it.

use leptos::prelude::*;
use readiness_core::{report, Bank};

use super::report::ReportView;
use super::screen_link::{PlaceLink, ScreenLink};
use crate::assessments::Assessments;
use crate::storage::display_name;
use crate::{clipboard, download, Address, Screen, Shell};

/// The report of the open assessment, or a choice of assessment when none is open.
#[component]
pub fn ReportScreen() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let assessments = expect_context::<Assessments>();
    let open_id = Memo::new(move |_| shell.address.with(|address| address.assessment.clone()));
    move || {
        let stored = open_id.get().and_then(|id| assessments.get(&id));
        match stored {
            Some(stored) => view! {
                <ReportActions id=stored.id.clone() />
                <ReportView assessment=stored.assessment />
            }
            .into_any(),
            None => view! { <ChooseReport /> }.into_any(),
        }
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

/// A file name made of the assessment's name, safe on every system.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem: String = stem.chars().take(40).collect();
    if stem.is_empty() {
        "readiness-report".to_string()
    } else {
        format!("readiness-report-{stem}")
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
    let summary = move || {
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
    };
    let copy_summary = move |_| {
        let Some((_, text)) = summary() else { return };
        leptos::task::spawn_local(async move {
            let said = if clipboard::copy(&text).await {
                "Summary copied. Paste it into an email or a document."
            } else {
                "The browser did not allow copying. Use “Download summary” instead."
            };
            message.set(Some(said.to_string()));
        });
    };
    let download_summary = move |_| {
        let Some((name, text)) = summary() else {
            return;
        };
        let ok = download::offer(&format!("{}.md", file_stem(&name)), "text/markdown", &text);
        message.set(Some(
            if ok {
                "Summary downloaded."
            } else {
                "The browser refused the download."
            }
            .to_string(),
        ));
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="report-actions" role="group" aria-label="Use this report">
            <button type="button" class="button primary" on:click=print>
                "Print or save as PDF"
            </button>
            <button type="button" class="button" on:click=copy_summary>
                "Copy summary"
            </button>
            <button type="button" class="button" on:click=download_summary>
                "Download summary"
            </button>
            <p class="action-message" role="status">{move || message.get()}</p>
        </div>
    }
}
