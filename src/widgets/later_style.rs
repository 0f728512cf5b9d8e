//! The stylesheet of the screens that load later (`style/later-screens.css`): the start list,
//! the last step, the report, the coach's form, the Compare screen, session mode and About. It
//! comes with their chunks rather than with the first screen, so the first load carries only
//! the styles of what it draws. The page keeps its `<link>` in a
//! `<template id="later-style">`, inert (nothing in a template is fetched) and where the release
//! build names and pins it by its content; the first of these screens to open moves the link
//! into the page's head and draws only once the browser is done with it, so nothing is drawn
//! without its styles. The service worker keeps the file with the rest of the build, so after
//! the first visit it comes from the device.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlTemplateElement;

/// The page's template that holds the stylesheet's link.
const KEPT_IN: &str = "later-style";
/// The stylesheet's link, once in the page's head.
const ADDED_AS: &str = "later-stylesheet";
/// Set on the stylesheet's link once the browser is done with it, loaded or not.
const SETTLED: &str = "data-settled";

/// Draws `screen` once the later screens' stylesheet is in the page. Without one to wait for (a page
/// that keeps none, as in the component tests), or when it cannot be fetched (offline before
/// it was kept), the screen is drawn at once: plain, but whole.
pub fn with_later_style(screen: fn() -> AnyView) -> AnyView {
    let ready = RwSignal::new(false);
    // The screen may be gone by the time the stylesheet comes: then there is nothing to set.
    if stylesheet_settled(move || {
        let _ = ready.try_set(true);
    }) {
        ready.set(true);
    }
    (move || ready.get().then(screen)).into_any()
}

/// Adds the stylesheet to the page if it is not there yet; true when there is nothing to wait
/// for, otherwise `settled` runs once the browser has loaded it or given up.
fn stylesheet_settled(settled: impl FnOnce() + 'static) -> bool {
    let document = document();
    let link = match document.get_element_by_id(ADDED_AS) {
        Some(link) => link,
        None => {
            let kept = document
                .get_element_by_id(KEPT_IN)
                .and_then(|template| template.dyn_into::<HtmlTemplateElement>().ok())
                .and_then(|template| template.content().first_element_child());
            let (Some(link), Some(head)) = (kept, document.head()) else {
                return true;
            };
            link.set_id(ADDED_AS);
            if head.append_child(&link).is_err() {
                return true;
            }
            link
        }
    };
    if link.has_attribute(SETTLED) {
        return true;
    }
    let done = link.clone();
    let on_settled = Closure::<dyn FnMut()>::new({
        let mut settled = Some(settled);
        move || {
            let _ = done.set_attribute(SETTLED, "");
            if let Some(settled) = settled.take() {
                settled();
            }
        }
    })
    .into_js_value();
    for event in ["load", "error"] {
        let _ = link.add_event_listener_with_callback(event, on_settled.unchecked_ref());
    }
    false
}
