//! The last screen of an assessment: where the region wants technical assistance.

use leptos::prelude::*;
use readiness_core::{Bank, Edit, MAX_TA_TEXT_CHARS};

use crate::widgets::screen_link::PlaceLink;
use crate::{Address, Screen, Shell, Store};

/// The help areas to tick and a free text, saved like every answer, for the assessment the
/// address names (this step comes in a chunk of its own, drawn without arguments).
#[component]
pub fn HelpRequest() -> impl IntoView {
    let bank = Bank::builtin();
    let store = expect_context::<Store>();
    let shell = expect_context::<Shell>();
    let assessment = shell
        .address
        .with_untracked(|address| address.assessment.clone())
        .unwrap_or_default();
    let aid = StoredValue::new(assessment);
    let edit = move |edit: Edit| aid.with_value(|aid| store.edit(aid, edit));
    let wanted = move |area: &str| {
        aid.with_value(|aid| {
            store.with_assessment(aid, |s| {
                s.is_some_and(|s| s.assessment.ta_request.areas.contains(area))
            })
        })
    };
    let text = move || {
        aid.with_value(|aid| {
            store.with_assessment(aid, |s| {
                s.map(|s| s.assessment.ta_request.text.clone())
                    .unwrap_or_default()
            })
        })
    };
    let from_coach = move || {
        aid.with_value(|aid| {
            store.with_assessment(aid, |s| s.is_some_and(|s| s.assessment.coach.is_some()))
        })
    };
    let report = Signal::derive(move || Address {
        screen: Screen::Report,
        assessment: Some(aid.get_value()),
        section: None,
    });
    view! {
        <h1>"Where you want help"</h1>
        <p class="lead">
            "Pick the areas where technical assistance would help most. They go into your report, ready to attach to a request."
        </p>
        <fieldset class="help-areas">
            <legend>"Areas where we want help"</legend>
            {bank
                .help_areas()
                .iter()
                .map(|area| {
                    let area_id = area.id();
                    let input_id = format!("help-{area_id}");
                    let label_for = input_id.clone();
                    view! {
                        <label class="choice" for=label_for>
                            <input
                                type="checkbox"
                                id=input_id
                                prop:checked=move || wanted(area_id)
                                on:change:target=move |ev| {
                                    edit(Edit::SetHelpArea {
                                        area: area_id.to_string(),
                                        wanted: ev.target().checked(),
                                    })
                                }
                            />
                            <span>{area.label()}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <div class="field">
            <label for="ta-text">"Anything else the technical assistance provider should know"</label>
            <textarea
                id="ta-text"
                rows="4"
                maxlength=MAX_TA_TEXT_CHARS.to_string()
                prop:value=text
                on:input:target=move |ev| edit(Edit::SetTaText(ev.target().value()))
            ></textarea>
        </div>
        <p>
            <PlaceLink to=report class="button primary">
                {move || if from_coach() { "See the report and send it to your coach" } else { "See the report" }}
            </PlaceLink>
        </p>
    }
}

crate::chunk::chunk!(
    /// The last step of an assessment: where the region wants help.
    help_request: fn help_request_chunk() -> crate::chunk::DrawScreen, prefetch_help_request =>
        || crate::widgets::later_style::with_later_style(|| view! { <HelpRequest /> }.into_any())
);
