//! The first screen: what the check is for, what it asks, and where to start.

use leptos::prelude::*;

use crate::browser::storage;
use crate::widgets::screen_link::ScreenLink;
use crate::Screen;
use crate::PRODUCT_NAME;

/// What the check is for and a way in.
#[component]
pub fn Home() -> impl IntoView {
    let storage_note = if storage::probe() {
        view! {
            <p class="note">
                "Your answers are kept in this browser on this device. Nothing is sent anywhere unless you choose to share it."
            </p>
        }
        .into_any()
    } else {
        view! {
            <p class="note warning" role="status">
                "This browser is not letting the app save anything on this device (a private window does this). "
                "You can still answer and share your results, but they will be gone when you close the page."
            </p>
        }
        .into_any()
    };
    view! {
        <section class="hero" aria-labelledby="home-title">
            <h1 id="home-title">{PRODUCT_NAME}</h1>
            <p class="lead">
                "A self-assessment for regions building a sector partnership: employers of one industry working with education, workforce and economic development partners. "
                "Answer the guiding questions of each launch step and see where your partnership stands, what blocks the next step, and what to ask for when you request technical assistance. "
                "Your answers stay on this device unless you decide to share them."
            </p>
            <p>
                <ScreenLink screen=Screen::Assessment class="button primary">
                    "Start an assessment"
                </ScreenLink>
            </p>
            {storage_note}
        </section>
        <section aria-labelledby="what-title">
            <h2 id="what-title">"What the check covers"</h2>
            <ul class="cards">
                <li>
                    <h3>"Six launch steps"</h3>
                    <p>
                        "From building the regional support team to evolving and sustaining the partnership, with the guiding questions of each step."
                    </p>
                </li>
                <li>
                    <h3>"Partnership phase"</h3>
                    <p>
                        "Signs that your partnership is forming, norming, storming or performing. Several can be under way at once."
                    </p>
                </li>
                <li>
                    <h3>"Who is at the table"</h3>
                    <p>"Champions, companies, support team and convener, checked against what has worked elsewhere."</p>
                </li>
                <li>
                    <h3>"Pitfall watch"</h3>
                    <p>"Common early and mid-course pitfalls, each paired with a tip that answers it."</p>
                </li>
            </ul>
        </section>
        <section aria-labelledby="after-title">
            <h2 id="after-title">"What you get"</h2>
            <p>
                "A readiness report you can print, save as a PDF, share as a link or export as a file, ready to attach to a request for technical assistance. "
                "Coaches can "
                <ScreenLink screen=Screen::Coach>"send a link ahead of a session"</ScreenLink>
                ", and several people from one partnership can "
                <ScreenLink screen=Screen::Compare>"compare their answers"</ScreenLink>
                ", or compare this year's results with last year's."
            </p>
        </section>
    }
}
