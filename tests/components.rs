//! Smoke tests of the app's components in headless Chromium (`wasm-bindgen-test`).
//!
//! Run by `scripts/test.sh`; on the native target this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use readiness_check::{App, Screen};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the whole app into a fresh element and returns that element.
fn mount_app() -> web_sys::HtmlElement {
    mount_app_at("")
}

/// Mounts the whole app with `address` (a query string and fragment) after the page's path.
fn mount_app_at(address: &str) -> web_sys::HtmlElement {
    // Every test starts where it says, whatever an earlier test navigated to.
    let path = window().location().pathname().unwrap_or_default() + address;
    window()
        .history()
        .and_then(|history| {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        })
        .expect("the test page's address can be reset");
    let host: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    document()
        .body()
        .expect("the test page has a body")
        .append_child(&host)
        .expect("the div can be attached");
    let handle = leptos::mount::mount_to(host.clone(), App);
    handle.forget();
    host
}

fn text_of(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn the_app_shows_the_product_name_and_the_navigation() {
    let host = mount_app();
    assert_eq!(
        text_of(&host, "main h1"),
        "Sector Partnership Readiness Check"
    );
    let links = host
        .query_selector_all("nav[aria-label='Main'] a")
        .expect("the navigation can be queried");
    assert_eq!(
        links.length(),
        6,
        "Assessment, Report, Coach, Compare, Portfolio and About / Sources"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_click_on_a_navigation_link_changes_screen_in_place() {
    let host = mount_app();
    let about: web_sys::HtmlElement = host
        .query_selector(&format!("nav a[href='{}']", Screen::About.href()))
        .ok()
        .flatten()
        .expect("the navigation links to About / Sources")
        .unchecked_into();
    about.click();
    // Let the reactive system run the change before reading the page.
    leptos::task::tick().await;
    assert_eq!(
        text_of(&host, "main h1"),
        "About this check and its sources"
    );
    assert!(text_of(&host, ".credits").contains("Partnership Building Pitfalls and Tips"));
    assert_eq!(about.get_attribute("aria-current").as_deref(), Some("page"));
    host.remove();
}

#[wasm_bindgen_test]
async fn a_coach_link_opens_an_invitation_with_the_coach_message() {
    let golden = include_str!("../crates/core/golden/coach-link-v1.txt").trim();
    let host = mount_app_at(&format!("#{golden}"));
    // The link opens once its format is in the workspace, a task after start; the invitation's
    // fields take their values a tick later.
    leptos::task::tick().await;
    leptos::task::tick().await;
    assert_eq!(text_of(&host, "main h1"), "Assessment");
    let invitation = text_of(&host, ".invitation");
    assert!(
        invitation.contains("From your coach, Dana Whitfield"),
        "{invitation}"
    );
    assert!(invitation.contains("In scope: Step 1"), "{invitation}");
    let region: web_sys::HtmlInputElement = host
        .query_selector("#invite-region")
        .ok()
        .flatten()
        .expect("the region field")
        .unchecked_into();
    assert_eq!(region.value(), "North Valley");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_tampered_coach_link_says_so_and_offers_the_ordinary_start() {
    let host = mount_app_at("#c=AQcC5CUh2xR60OUMudoXyMbX");
    leptos::task::tick().await;
    assert!(text_of(&host, "[role=alert]").contains("Your coach's link could not be opened"));
    assert!(host.query_selector("#new-region").ok().flatten().is_some());
    host.remove();
}

/// The storage effects, run on the browser's local storage through gloo, write an assessment
/// as exactly the stored text the core's format defines and read it back, so stored-v1 data
/// stays byte for byte what it was.
#[wasm_bindgen_test]
fn the_storage_effects_keep_the_stored_text_byte_for_byte() {
    use readiness_check::browser::storage;
    use readiness_core::{Effect, Event, ReadFor, KEY_PREFIX};

    let golden = include_str!("../crates/core/golden/stored-v1.json").trim_end();
    let key = "readiness-check:assessment:gloo-check".to_string();
    assert!(storage::probe());
    assert_eq!(
        storage::run(Effect::Write {
            key: key.clone(),
            text: golden.to_string(),
        }),
        Some(Event::Written {
            key: key.clone(),
            result: Ok(()),
        })
    );
    let raw = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|local| local.get_item(&key).ok().flatten());
    assert_eq!(raw.as_deref(), Some(golden));
    assert_eq!(
        storage::run(Effect::Read {
            key: key.clone(),
            purpose: ReadFor::Save,
        }),
        Some(Event::Read {
            key: key.clone(),
            purpose: ReadFor::Save,
            text: Ok(Some(golden.to_string())),
        })
    );
    match storage::run(Effect::ReadAll) {
        Some(Event::AllRead(Ok(entries))) => {
            assert!(entries.iter().all(|(k, _)| k.starts_with(KEY_PREFIX)));
            assert!(entries.contains(&(key.clone(), golden.to_string())));
        }
        other => panic!("every entry of ours is read: {other:?}"),
    }
    storage::run(Effect::Remove { key: key.clone() });
    assert_eq!(
        storage::run(Effect::Read {
            key: key.clone(),
            purpose: ReadFor::Follow,
        }),
        Some(Event::Read {
            key,
            purpose: ReadFor::Follow,
            text: Ok(None),
        })
    );
}

/// A write the browser refuses for quota says "full", and the store keeps the edit pending
/// and on the page until a later write sends it.
#[wasm_bindgen_test]
fn a_full_quota_keeps_the_edit_pending_and_the_next_write_sends_it() {
    use readiness_check::store::{stamp, Store};
    use readiness_core::{Answer, Bank, Edit, Event, Meta, SaveStatus, ScalePoint, StorageError};

    let store = Store::start(Bank::builtin());
    let at = stamp();
    let id = at.fresh_id.clone();
    store.dispatch(Event::Create {
        meta: Box::new(Meta {
            region: "Quota test".to_string(),
            ..Meta::default()
        }),
        coach: None,
        at,
    });
    let storage = window()
        .local_storage()
        .ok()
        .flatten()
        .expect("local storage");
    let prototype = js_sys::Reflect::get(&js_sys::global(), &"Storage".into())
        .and_then(|storage| js_sys::Reflect::get(&storage, &"prototype".into()))
        .expect("Storage.prototype");
    let real = js_sys::Reflect::get(&prototype, &"setItem".into()).expect("setItem");
    let refuse = js_sys::Function::new_no_args(
        "throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');",
    );
    js_sys::Reflect::set(&prototype, &"setItem".into(), &refuse).expect("stubbed");
    let done = Answer::Scale(ScalePoint::Done);
    store.edit(
        &id,
        Edit::SetAnswer {
            question: "s1.convener".to_string(),
            answer: done,
        },
    );
    let status = store.with_untracked(|w| w.status().clone());
    js_sys::Reflect::set(&prototype, &"setItem".into(), &real).expect("restored");
    assert_eq!(status, SaveStatus::Failed(StorageError::Full));
    assert!(store.with_untracked(|w| w.has_pending()));

    store.dispatch(Event::Retry);
    assert_eq!(
        store.with_untracked(|w| w.status().clone()),
        SaveStatus::Saved
    );
    let key = format!("readiness-check:assessment:{id}");
    let saved = storage.get_item(&key).ok().flatten().unwrap_or_default();
    assert!(saved.contains("s1.convener"), "{saved}");
    store.dispatch(Event::Delete(id));
    assert_eq!(storage.get_item(&key).ok().flatten(), None);
}
