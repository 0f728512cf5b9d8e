//! The coach screen: a short form about a session that gives a link to send ahead of it.

use leptos::prelude::*;
use readiness_core::{encode_coach_link, Bank, CoachForm, MAX_COACH_MESSAGE_CHARS};

use crate::widgets::meta_field::MetaField;
use crate::widgets::qr_code::qr_figure;
use crate::widgets::screen_link::ScreenLink;
use crate::{browser::clipboard, link_to_app, Screen};

/// The form, the link it makes, and what to do with the link.
#[component]
pub fn CoachScreen() -> impl IntoView {
    let bank = Bank::builtin();
    let coach_name = RwSignal::new(String::new());
    let session_name = RwSignal::new(String::new());
    let session_date = RwSignal::new(String::new());
    let date_unreadable = RwSignal::new(false);
    let region = RwSignal::new(String::new());
    let sector = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let return_email = RwSignal::new(String::new());
    let scope = RwSignal::new(CoachForm::new(bank).scope);
    let tried = RwSignal::new(false);
    let made = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let show_qr = RwSignal::new(false);

    let form = move || CoachForm {
        coach_name: coach_name.get(),
        session_name: session_name.get(),
        session_date: session_date.get(),
        date_unreadable: date_unreadable.get(),
        region: region.get(),
        sector: sector.get(),
        message: message.get(),
        return_email: return_email.get(),
        scope: scope.get(),
    };
    let session = move || form().session(bank);
    let problem = move || form().problem(bank);
    // The link follows the form once made, so a correction never leaves a stale link on show.
    let link = move || {
        (made.get() && problem().is_none()).then(|| link_to_app(&encode_coach_link(&session())))
    };
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        made.set(problem().is_none());
        said.set(None);
    };
    let copy = move |_| {
        let Some(url) = link() else { return };
        clipboard::copy_and_tell(
            url,
            "Link copied. Paste it into your email or invitation.".to_string(),
            "The browser did not allow copying. Select the link above and copy it by hand.",
            said,
        );
    };
    let scope_choice = move |id: &'static str, heading: String| {
        let input_id = format!("scope-{id}");
        let label_for = input_id.clone();
        view! {
            <label class="choice" for=label_for>
                <input
                    type="checkbox"
                    id=input_id
                    prop:checked=move || scope.with(|chosen| chosen.contains(id))
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        scope.update(|chosen| {
                            if on {
                                chosen.insert(id.to_string());
                            } else {
                                chosen.remove(id);
                            }
                        });
                    }
                />
                <span>{heading}</span>
            </label>
        }
    };

    view! {
        <h1>"Coach link"</h1>
        <p class="lead">
            "Send a region a link before your session. Whoever opens it starts a new assessment with your session's details filled in and your message at the top, limited to the parts you choose."
        </p>
        <p>
            "The link holds only what you write here, never anyone's answers, and nothing is sent to a server. When the results come back, open them side by side on the "
            <ScreenLink screen=Screen::Compare>"Compare"</ScreenLink>
            " screen."
        </p>
        <form class="coach-form" on:submit=make novalidate>
            <MetaField
                id="coach-name"
                label="Your name"
                hint="Shown to the region as who the link is from."
                value=coach_name
                required="Enter your name, so the region knows who the link is from."
                tried=tried
                autocomplete="name"
            />
            <MetaField
                id="coach-session"
                label="Session name (optional)"
                hint="e.g. Module 3: preparing to launch."
                value=session_name
                tried=tried
            />
            <MetaField
                id="coach-date"
                label="Session date (optional)"
                hint="When you meet."
                value=session_date
                tried=tried
                kind="date"
                unreadable=date_unreadable
            />
            <MetaField
                id="coach-region"
                label="Region (optional)"
                hint="Filled in for the region; they can change it."
                value=region
                tried=tried
            />
            <MetaField
                id="coach-sector"
                label="Industry sector (optional)"
                hint="Filled in for the region; they can change it."
                value=sector
                tried=tried
            />
            <fieldset class="help-areas">
                <legend>"Parts of the assessment in scope"</legend>
                {bank
                    .sections()
                    .iter()
                    .map(|section| scope_choice(section.id(), section.heading()))
                    .collect_view()}
            </fieldset>
            <div class="field">
                <label for="coach-message">"Message to the region (optional)"</label>
                <span class="hint" id="coach-message-hint">
                    {format!("Shown at the top of their assessment. Up to {MAX_COACH_MESSAGE_CHARS} characters.")}
                </span>
                <textarea
                    id="coach-message"
                    rows="4"
                    maxlength=MAX_COACH_MESSAGE_CHARS.to_string()
                    aria-describedby="coach-message-hint"
                    bind:value=message
                ></textarea>
            </div>
            <MetaField
                id="coach-email"
                label="Your email for results (optional)"
                hint="The region's app drafts an email to this address with their results."
                value=return_email
                tried=tried
                kind="email"
                autocomplete="email"
            />
            <p class="field-error" role="alert">
                {move || tried.get().then(problem).flatten()}
            </p>
            <button type="submit" class="button primary">"Make the link"</button>
        </form>
        {move || {
            link()
                .map(|url| {
                    let length = url.len();
                    let href = url.clone();
                    let qr_url = url.clone();
                    view! {
                        <section class="coach-link" aria-labelledby="coach-link-title">
                            <h2 id="coach-link-title">"Your link"</h2>
                            <div class="field">
                                <label for="coach-link">"Link to send"</label>
                                // The box grows with the link: an invisible copy of the text in the
                                // same grid cell sets its height, so no line is ever cut off.
                                <div class="link-box">
                                    <textarea id="coach-link" rows="1" readonly prop:value=url.clone()></textarea>
                                    <span class="link-box-mirror" aria-hidden="true">{url}</span>
                                </div>
                                <span class="hint">{format!("{length} characters")}</span>
                            </div>
                            <p class="actions">
                                <button type="button" class="button primary" on:click=copy>
                                    "Copy link"
                                </button>
                                <button
                                    type="button"
                                    class="button"
                                    aria-expanded=move || show_qr.get().to_string()
                                    on:click=move |_| show_qr.update(|on| *on = !*on)
                                >
                                    "QR code"
                                </button>
                                <a class="button" href=href target="_blank" rel="noopener">
                                    "Try the link (new tab)"
                                </a>
                            </p>
                            <p class="action-message" role="status">{move || said.get()}</p>
                            {move || {
                                show_qr
                                    .get()
                                    .then(|| qr_figure(&qr_url, "QR code of the coach link", "Scan to open the assessment on a phone or tablet."))
                            }}
                        </section>
                    }
                })
        }}
    }
}

crate::chunk::chunk!(
    /// Building a coach link.
    coach: fn coach_chunk() -> crate::chunk::DrawScreen, prefetch_coach =>
        || crate::widgets::later_style::with_later_style(|| view! { <CoachScreen /> }.into_any())
);
