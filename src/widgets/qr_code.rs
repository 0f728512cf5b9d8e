//! A QR code of a link, drawn as SVG by the core, for meeting rooms and phones.

use leptos::prelude::*;
use readiness_core::qr_drawing;

/// The QR code of `url` with a caption, or why none could be drawn (a link too long for one).
pub fn qr_figure(url: &str, label: &'static str, caption: &'static str) -> AnyView {
    match qr_drawing(url) {
        Ok(drawing) => view! {
            <figure class="qr">
                <svg
                    viewBox=format!("0 0 {0} {0}", drawing.size)
                    role="img"
                    aria-label=label
                    shape-rendering="crispEdges"
                >
                    <rect width=drawing.size height=drawing.size fill="#fff"></rect>
                    <path fill="#000" d=drawing.path></path>
                </svg>
                <figcaption>{caption}</figcaption>
            </figure>
        }
        .into_any(),
        Err(error) => view! { <p role="status">{error.to_string()}</p> }.into_any(),
    }
}
