//! Where the questions come from, and credit to the people who wrote the sources.

use leptos::prelude::*;

/// One source text the questions are drawn from.
struct Credit {
    title: &'static str,
    /// The author or collection, where the text names one.
    by: &'static str,
    used_for: &'static str,
}

/// The five source texts, credited by name as their terms of use ask.
const CREDITS: [Credit; 5] = [
    Credit {
        title: "How To Launch A Sector Partnership, TA Module 3",
        by: "CWDC",
        used_for: "The six launch steps, their guiding questions, the scope questions and the roles around the table.",
    },
    Credit {
        title: "Roles of Public and Private Partners Over the Life Cycle of an Industry Partnership",
        by: "Next Generation Sector Partnership toolkit, Institute for Networked Communities",
        used_for: "Who is at the table at each stage, with the numbers used in the table checks.",
    },
    Credit {
        title: "Partnership Building Pitfalls and Tips",
        by: "",
        used_for: "The partnership phases and the pitfalls, each paired with a tip.",
    },
    Credit {
        title: "Step Four: Begin Meeting as Partners and Learn More",
        by: "",
        used_for: "What the first partnership meetings should produce, and three pitfalls of that stage.",
    },
    Credit {
        title: "Getting Started: Early Pitfalls",
        by: "",
        used_for: "Common objections with their answers, and what is often missing at the start.",
    },
];

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
            {CREDITS
                .iter()
                .map(|credit| {
                    view! {
                        <li>
                            <cite>{credit.title}</cite>
                            {(!credit.by.is_empty())
                                .then(|| view! { <span class="by">{credit.by}</span> })}
                            <span>{credit.used_for}</span>
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
