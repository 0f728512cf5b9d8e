//! The only place that touches the browser's storage: it runs the workspace's storage effects
//! and answers each with the event that says what happened.
//!
//! Which key holds what, and what to do with text that cannot be read, is decided by
//! `readiness_core::Workspace`; this file only reads, writes and removes. Each assessment lives
//! under its own key, so one damaged entry never takes the others with it.
//!
//! The work goes through gloo-storage's `LocalStorage` and `SessionStorage`, with two limits
//! of that crate worked around here:
//! - gloo throws (for a wasm app, a panic) when the browser offers no storage at all, as some
//!   private windows and a storage setting do, so every use stands behind `offered`, which
//!   asks the browser without throwing;
//! - gloo's `get` and `set` read and write values as JSON, while the workspace hands over and
//!   expects text exactly as stored (an assessment already in its stored format, text that may
//!   not be JSON and must be set aside as it was, a set-aside entry, the kept group). Text goes
//!   through the `web_sys::Storage` that gloo hands out with `raw()`, the probe's small test
//!   value too (through gloo's `set`, its JSON writer would be in the app's first download for
//!   that one value); gloo's own calls do the rest: counting and removing keys.

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use readiness_core::{Effect, Event, StorageError, KEPT_GROUP_KEY, KEY_PREFIX, PORTFOLIO_PREFIX};
use wasm_bindgen::JsValue;

const PROBE_KEY: &str = "readiness-check:probe";

/// Which of the browser's two stores.
#[derive(Clone, Copy)]
enum Store {
    Local,
    Session,
}

/// Whether the browser offers `store` at all, asked without throwing (reading
/// `window.localStorage` throws a security error when storage is turned off).
fn offered(store: Store) -> bool {
    web_sys::window().is_some_and(|window| {
        let storage = match store {
            Store::Local => window.local_storage(),
            Store::Session => window.session_storage(),
        };
        matches!(storage, Ok(Some(_)))
    })
}

/// Local storage, through gloo, once the browser has said it offers it.
fn local() -> Result<web_sys::Storage, StorageError> {
    if offered(Store::Local) {
        Ok(LocalStorage::raw())
    } else {
        Err(StorageError::Unavailable)
    }
}

/// Session storage, through gloo, once the browser has said it offers it.
fn session() -> Option<web_sys::Storage> {
    offered(Store::Session).then(SessionStorage::raw)
}

/// Turns what a refused write threw (a `DOMException`, or any error) into a message; a full
/// quota says "full".
fn refused(thrown: JsValue) -> StorageError {
    let part = |name: &str| {
        js_sys::Reflect::get(&thrown, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    match part("name").as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        _ => StorageError::Refused(part("message")),
    }
}

/// Writes text under a key exactly as it is.
fn write(key: &str, text: &str) -> Result<(), StorageError> {
    local()?.set_item(key, text).map_err(refused)
}

/// Every key of ours in local storage, in storage order.
fn our_keys(storage: &web_sys::Storage) -> Vec<String> {
    (0..LocalStorage::length())
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(KEY_PREFIX))
        .collect()
}

/// Every key of ours in local storage under `prefix` with its text, in storage order, except
/// those under `but` (the portfolio's, which start-up does not read).
fn read_all(prefix: &str, but: Option<&str>) -> Result<Vec<(String, String)>, StorageError> {
    let storage = local()?;
    Ok(our_keys(&storage)
        .into_iter()
        .filter(|key| key.starts_with(prefix) && but.is_none_or(|but| !key.starts_with(but)))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some((key, text))
        })
        .collect())
}

fn remove(key: &str) -> Result<(), StorageError> {
    local()?;
    LocalStorage::delete(key);
    Ok(())
}

/// Writes and removes a small test value to learn whether answers can be kept on this device.
pub fn probe() -> bool {
    // Natively (the pre-rendered first screen) there is no browser to ask.
    if cfg!(not(target_arch = "wasm32")) {
        return true;
    }
    if write(PROBE_KEY, "1").is_err() {
        return false;
    }
    LocalStorage::delete(PROBE_KEY);
    true
}

/// Removes everything this app stored on this device, and nothing else.
fn forget_all() -> Result<(), StorageError> {
    if session().is_some() {
        SessionStorage::delete(KEPT_GROUP_KEY);
    }
    // Only the keys: forgetting never needs the text.
    for key in our_keys(&local()?) {
        LocalStorage::delete(key);
    }
    Ok(())
}

/// Runs one effect of the workspace on the browser's storage, and says what happened. The one
/// effect that is not about storage, fetching the link formats, is the store's.
pub fn run(effect: Effect) -> Option<Event> {
    match effect {
        Effect::LoadLinkFormats => None,
        Effect::ReadAll => Some(Event::AllRead(read_all(KEY_PREFIX, Some(PORTFOLIO_PREFIX)))),
        Effect::ReadPortfolio => Some(Event::AllRead(read_all(PORTFOLIO_PREFIX, None))),
        Effect::Read { key, purpose } => {
            let text = local().and_then(|storage| {
                storage
                    .get_item(&key)
                    .map_err(|_| StorageError::Unavailable)
            });
            Some(Event::Read { key, purpose, text })
        }
        Effect::Write { key, text } => {
            let result = write(&key, &text);
            Some(Event::Written { key, result })
        }
        Effect::Remove { key } => {
            let result = remove(&key);
            Some(Event::Written { key, result })
        }
        Effect::MoveAside { from, to, text } => {
            // When the copy cannot be written (a full device) the text stays where it was.
            let moved = write(&to, &text).is_ok() && remove(&from).is_ok();
            Some(Event::MovedAside { from, to, moved })
        }
        Effect::ForgetAll => Some(Event::Written {
            key: KEY_PREFIX.to_string(),
            result: forget_all(),
        }),
        Effect::Probe => Some(Event::Probed(probe())),
        Effect::ReadKeptGroup => {
            Some(Event::KeptGroupRead(session().and_then(|storage| {
                storage.get_item(KEPT_GROUP_KEY).ok().flatten()
            })))
        }
        Effect::KeepGroup { text } => {
            // A refusal (storage full or off) only costs keeping the group across a reload.
            if let Some(storage) = session() {
                match text {
                    Some(text) => {
                        let _ = storage.set_item(KEPT_GROUP_KEY, &text);
                    }
                    None => SessionStorage::delete(KEPT_GROUP_KEY),
                }
            }
            None
        }
    }
}
