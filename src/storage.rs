//! The only place that touches the browser's local storage.
//!
//! Each assessment lives under its own key, in the versioned stored shape of
//! `readiness_core::format`, so one damaged entry never takes the others with it, and two tabs
//! working on different assessments never write the same key. Text that cannot be read is
//! never thrown away: it is moved aside under a key of its own, for the person to download.
//!
//! The work goes through gloo-storage's `LocalStorage` and `SessionStorage`, with two limits
//! of that crate worked around here:
//! - gloo throws (for a wasm app, a panic) when the browser offers no storage at all, as some
//!   private windows and a storage setting do, so every use stands behind `offered`, which
//!   asks the browser without throwing;
//! - gloo reads and writes values as JSON, which is right for an assessment (its record
//!   serializes to exactly the stored text) but not for text that must stay byte for byte as
//!   it is: text being read (it may not be JSON, and must then be set aside as it was), a
//!   set-aside entry, and the Compare screen's kept group (text in its own format). Those go
//!   through the `web_sys::Storage` that gloo hands out with `raw()`.

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use readiness_core::{decode_stored, stored_record, Bank, Skipped, StoredAssessment};

/// The start of every key this app writes; "forget everything" removes exactly these.
const PREFIX: &str = "readiness-check:";
/// The start of the key of each stored assessment; the assessment's id follows.
const ASSESSMENT_PREFIX: &str = "readiness-check:assessment:";
/// The start of the key of each entry set aside because it could not be read.
const SET_ASIDE_PREFIX: &str = "readiness-check:set-aside:";
const PROBE_KEY: &str = "readiness-check:probe";

/// Why something could not be saved or read, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The browser offers no local storage, or refuses it.
    #[error("this browser is not letting the app save on this device (a private window or a browser setting does this)")]
    Unavailable,
    /// The storage quota is used up.
    #[error("this device's storage for the app is full")]
    Full,
    /// The browser refused for another reason.
    #[error("the browser refused to save ({0})")]
    Refused(String),
}

/// Whether this browser lets the app keep answers on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// Local storage accepted a test write.
    Available,
    /// Local storage is missing or refuses writes (a private window, a full disk, a policy).
    Unavailable,
}

/// Stored text that could not be read, kept aside so nothing is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The key it is kept under now.
    pub key: String,
    /// What was wrong with it.
    pub reason: String,
    /// The text exactly as it was stored.
    pub raw: String,
}

/// What was found on the device at start.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// The assessments that could be read, most recently changed first.
    pub assessments: Vec<StoredAssessment>,
    /// Entries that could not be read, set aside now or earlier.
    pub set_aside: Vec<SetAside>,
    /// Parts of readable assessments that did not fit the question bank and were left out.
    pub skipped: Vec<String>,
}

/// An assessment read from its key, or why it was set aside.
pub enum Read {
    /// Read, with any parts that did not fit the bank.
    Found(Box<StoredAssessment>, Vec<Skipped>),
    /// Nothing is stored under that id.
    Missing,
    /// The text could not be read and was moved aside.
    SetAside(SetAside),
}

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

/// Turns what a refused write threw into a message; a full quota says "full".
fn write_error(error: GlooError) -> StorageError {
    match error {
        GlooError::JsError(error)
            if error.name == "QuotaExceededError" || error.name == "NS_ERROR_DOM_QUOTA_REACHED" =>
        {
            StorageError::Full
        }
        GlooError::JsError(error) => StorageError::Refused(error.message),
        other => StorageError::Refused(other.to_string()),
    }
}

/// Writes and removes a small test value to learn whether answers can be kept on this device.
pub fn probe() -> Availability {
    if local().is_err() || LocalStorage::set(PROBE_KEY, 1).is_err() {
        return Availability::Unavailable;
    }
    LocalStorage::delete(PROBE_KEY);
    Availability::Available
}

fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// The id of the assessment stored under `key`, if the key is one of ours.
pub fn assessment_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(ASSESSMENT_PREFIX)
}

/// Whether `key` is one this app writes.
pub fn is_ours(key: &str) -> bool {
    key.starts_with(PREFIX)
}

/// Every key this app has written, in storage order.
fn our_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = LocalStorage::length();
    (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| is_ours(key))
        .collect()
}

/// Reads everything the app stored on this device, setting aside what cannot be read.
pub fn load_all(bank: &Bank) -> Result<Found, StorageError> {
    let storage = local()?;
    let mut found = Found::default();
    for key in our_keys(&storage) {
        let Ok(Some(raw)) = storage.get_item(&key) else {
            continue;
        };
        if key.starts_with(SET_ASIDE_PREFIX) {
            found.set_aside.push(set_aside_entry(key, raw));
            continue;
        }
        let Some(id) = assessment_id_of_key(&key) else {
            continue;
        };
        match read_text(&storage, id, raw, bank) {
            Read::Found(stored, skipped) => {
                found.skipped.extend(skipped.iter().map(|s| {
                    let name = display_name(&stored);
                    format!("In \"{name}\", the app left out {s}.")
                }));
                found.assessments.push(*stored);
            }
            Read::SetAside(entry) => found.set_aside.push(entry),
            Read::Missing => {}
        }
    }
    newest_first(&mut found.assessments);
    Ok(found)
}

/// Orders assessments as the list shows them: the most recently changed first.
pub fn newest_first(assessments: &mut [StoredAssessment]) {
    readiness_core::sort_stable_by_key(assessments, |stored| std::cmp::Reverse(stored.updated_ms));
}

/// Reads one assessment, setting it aside if it cannot be read.
pub fn load(bank: &Bank, id: &str) -> Result<Read, StorageError> {
    let storage = local()?;
    match storage.get_item(&assessment_key(id)) {
        Ok(Some(raw)) => Ok(read_text(&storage, id, raw, bank)),
        Ok(None) => Ok(Read::Missing),
        Err(_) => Err(StorageError::Unavailable),
    }
}

fn read_text(storage: &web_sys::Storage, id: &str, raw: String, bank: &Bank) -> Read {
    match decode_stored(bank, &raw) {
        Ok(decoded) => Read::Found(Box::new(decoded.stored), decoded.skipped),
        Err(error) => {
            let reason = format!("A saved assessment could not be read: {error}.");
            Read::SetAside(set_aside(storage, &assessment_key(id), raw, &reason))
        }
    }
}

/// Moves unreadable text under a set-aside key, recording why in the key's first line.
/// When the move itself fails (a full device), the text stays where it was, still untouched.
fn set_aside(storage: &web_sys::Storage, key: &str, raw: String, reason: &str) -> SetAside {
    let aside_key = format!("{SET_ASIDE_PREFIX}{}:{key}", js_sys::Date::now() as u64);
    let kept = format!("{reason}\n{raw}");
    if storage.set_item(&aside_key, &kept).is_ok() {
        LocalStorage::delete(key);
        SetAside {
            key: aside_key,
            reason: reason.to_string(),
            raw,
        }
    } else {
        SetAside {
            key: key.to_string(),
            reason: format!("{reason} It is left where it was, because the device is full."),
            raw,
        }
    }
}

fn set_aside_entry(key: String, kept: String) -> SetAside {
    let (reason, raw) = kept
        .split_once('\n')
        .map(|(reason, raw)| (reason.to_string(), raw.to_string()))
        .unwrap_or_else(|| ("Saved data that could not be read.".to_string(), kept));
    SetAside { key, reason, raw }
}

/// The name an assessment goes by in messages and lists.
pub fn display_name(stored: &StoredAssessment) -> String {
    let meta = &stored.assessment.meta;
    [&meta.name, &meta.region, &meta.sector]
        .into_iter()
        .find(|text| !text.trim().is_empty())
        .map(|text| text.trim().to_string())
        .unwrap_or_else(|| "Untitled assessment".to_string())
}

/// Saves one assessment under its own key. gloo serializes its record, which gives exactly the
/// stored text of `readiness_core::encode_stored`.
pub fn save(stored: &StoredAssessment) -> Result<(), StorageError> {
    local()?;
    LocalStorage::set(assessment_key(&stored.id), stored_record(stored)).map_err(write_error)
}

/// Removes one assessment.
pub fn remove(id: &str) -> Result<(), StorageError> {
    local()?;
    LocalStorage::delete(assessment_key(id));
    Ok(())
}

/// Removes an entry that was set aside, once the person has dealt with it.
pub fn remove_set_aside(key: &str) -> Result<(), StorageError> {
    if !is_ours(key) {
        return Ok(());
    }
    local()?;
    LocalStorage::delete(key);
    Ok(())
}

/// The key of the Compare screen's group in this tab's session storage.
const KEPT_GROUP_KEY: &str = "readiness-check:group";

/// Session storage, through gloo, once the browser has said it offers it.
fn session() -> Option<web_sys::Storage> {
    offered(Store::Session).then(SessionStorage::raw)
}

/// The Compare screen's group as this tab kept it, if it did.
pub fn kept_group() -> Option<String> {
    session()?.get_item(KEPT_GROUP_KEY).ok().flatten()
}

/// Keeps the Compare screen's group for this tab only. A refusal (storage full or off) only
/// costs keeping the group across a reload, so it is not reported.
pub fn keep_group(text: &str) {
    if let Some(storage) = session() {
        let _ = storage.set_item(KEPT_GROUP_KEY, text);
    }
}

/// Forgets the Compare screen's group kept for this tab.
pub fn forget_kept_group() {
    if session().is_some() {
        SessionStorage::delete(KEPT_GROUP_KEY);
    }
}

/// Removes everything this app stored on this device, and nothing else.
pub fn forget_everything() -> Result<(), StorageError> {
    forget_kept_group();
    let storage = local()?;
    for key in our_keys(&storage) {
        LocalStorage::delete(key);
    }
    Ok(())
}
