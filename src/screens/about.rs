//! Where the questions come from, and credit to the people who wrote the sources.

use leptos::prelude::*;
use readiness_core::Bank;

/// The About / Sources screen.
#[component]
pub fn About() -> impl IntoView {
    view! {
        <h1>"About this check and its sources"</h1>
        <p class="lead">
            "This readiness check turns published guidance on launching and running sector partnerships into questions a region can answer on its own. "
            "The questions are written in our own words and each one names the text it comes from."
        </p>
        <h2>"Sources"</h2>
        <ul class="credits">
            {Bank::builtin()
                .sources()
                .iter()
                .map(|source| {
                    let by = source.by();
                    view! {
                        <li>
                            <cite>{source.title()}</cite>
                            {(!by.is_empty()).then(|| view! { <span class="by">{by}</span> })}
                            <span>{source.used_for()}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <p>
            "The toolkit's content is free to use with attribution. All rights to the Next Generation Sector Partnership toolkit content are reserved by the Institute for Networked Communities. "
            "This check is an independent tool, not an official toolkit product, and its name and look are its own."
        </p>
        <h2>"Your data"</h2>
        <p>
            "The check runs entirely in your browser. Answers are kept in this browser's storage on this device and are never sent to a server. "
            "A share link carries your answers after the # sign, the part of an address that browsers do not send to any server."
        </p>
    }
}

crate::chunk::chunk!(
    /// Where the questions come from.
    about: fn about_chunk() -> crate::chunk::DrawScreen, prefetch_about =>
        || crate::widgets::later_style::with_later_style(|| view! { <About /> }.into_any())
);
