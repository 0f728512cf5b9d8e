//! A coach's session and message, as the region sees it.

use leptos::prelude::*;
use readiness_core::CoachSession;

/// The coach's session and message, shown before anything else on the page.
#[component]
pub fn CoachMessage(session: CoachSession) -> impl IntoView {
    let when = session.when_line();
    let coach = session.coach_name.clone();
    let has_message = !session.message.is_empty();
    view! {
        <p>
            <strong>{format!("From your coach, {coach}")}</strong>
            {(!when.is_empty()).then(|| format!(" · for {when}"))}
        </p>
        {has_message.then(|| view! { <p class="coach-message">{session.message.clone()}</p> })}
    }
}
