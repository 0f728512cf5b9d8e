//! The assessments on this device, the one that is open, and whether changes are saved.
//!
//! Every change is an `Edit` value. It is applied at once to what the page shows, then written
//! on top of what storage holds *now* (another tab may have saved meanwhile), so two tabs on
//! one assessment never lose each other's answers. An edit that could not be written stays
//! pending and is written with the next one; the page keeps it meanwhile.

use leptos::prelude::*;
use readiness_core::{Assessment, Bank, CoachSession, Edit, Meta, StoredAssessment};

use crate::storage::{self, Read, SetAside, StorageError};

/// Whether the latest change is kept on this device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Every change is in local storage.
    Saved,
    /// Shared-computer mode: nothing is written, by choice.
    NotSaving,
    /// The latest changes could not be written; they are still on the page.
    Failed(StorageError),
}

/// An assessment that was deleted and can still be brought back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    /// The assessment as it was.
    pub stored: StoredAssessment,
}

/// The shared state of the assessments, provided by `App` and read by the screens.
#[derive(Clone, Copy)]
pub struct Assessments {
    /// Every assessment on this device (or, in shared-computer mode, in this page), most
    /// recently changed first.
    pub all: RwSignal<Vec<StoredAssessment>>,
    /// Whether changes are being kept.
    pub status: RwSignal<SaveStatus>,
    /// Shared-computer mode: nothing is written to this device.
    pub shared_mode: RwSignal<bool>,
    /// Stored entries that could not be read, kept for the person to download.
    pub set_aside: RwSignal<Vec<SetAside>>,
    /// Things the person should know about what was loaded (parts left out, and why).
    pub notices: RwSignal<Vec<String>>,
    /// The assessment most recently deleted, until it is restored or another is deleted.
    pub deleted: RwSignal<Option<Deleted>>,
    /// Edits made in this page that are not yet in storage, by assessment id.
    pending: StoredValue<Vec<(String, Edit)>>,
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Today's date as `YYYY-MM-DD`, in the person's own time zone.
fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// A new id that no other assessment on this device has.
fn new_id() -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("a{:x}{:x}", now_ms(), random)
}

impl Assessments {
    /// Reads what this device holds. Problems never stop the app: unreadable entries are set
    /// aside, and an unavailable storage is reported in the status.
    pub fn load(bank: &'static Bank) -> Self {
        let (all, set_aside, notices, status) = match storage::load_all(bank) {
            Ok(found) => (
                found.assessments,
                found.set_aside,
                found.skipped,
                SaveStatus::Saved,
            ),
            Err(error) => (
                Vec::new(),
                Vec::new(),
                Vec::new(),
                SaveStatus::Failed(error),
            ),
        };
        Assessments {
            all: RwSignal::new(all),
            status: RwSignal::new(status),
            shared_mode: RwSignal::new(false),
            set_aside: RwSignal::new(set_aside),
            notices: RwSignal::new(notices),
            deleted: RwSignal::new(None),
            pending: StoredValue::new(Vec::new()),
        }
    }

    /// The assessment with this id, if it is on this device.
    pub fn get(self, id: &str) -> Option<StoredAssessment> {
        self.all
            .with(|all| all.iter().find(|stored| stored.id == id).cloned())
    }

    /// Reads something of one assessment without copying it.
    pub fn with<T>(self, id: &str, read: impl FnOnce(Option<&StoredAssessment>) -> T) -> T {
        self.all
            .with(|all| read(all.iter().find(|stored| stored.id == id)))
    }

    /// Starts a new assessment with who and what is assessed, and returns its id.
    pub fn create(self, bank: &Bank, meta: Meta) -> String {
        self.keep_copy(dated(bank, meta))
    }

    /// Starts a new assessment from a coach's link, keeping the coach's session with it, and
    /// returns its id.
    pub fn create_for_coach(self, bank: &Bank, meta: Meta, session: CoachSession) -> String {
        let mut assessment = dated(bank, meta);
        assessment.coach = Some(session);
        self.keep_copy(assessment)
    }

    /// Keeps an assessment from elsewhere (a share link, a file) as a new one on this device,
    /// never over an existing one, and returns its id.
    pub fn keep_copy(self, assessment: Assessment) -> String {
        let now = now_ms();
        let stored = StoredAssessment {
            id: new_id(),
            created_ms: now,
            updated_ms: now,
            assessment,
        };
        let id = stored.id.clone();
        self.all.update(|all| all.insert(0, stored.clone()));
        self.write_whole(&stored);
        id
    }

    /// Copies an assessment under a new name, and returns the copy's id.
    pub fn duplicate(self, id: &str) -> Option<String> {
        self.copy_named(id, |name| format!("Copy of {name}"))
    }

    /// Keeps the assessment as it is now, as a snapshot named with today's date, so that it
    /// can be compared with later answers; returns the snapshot's id.
    pub fn snapshot(self, id: &str) -> Option<String> {
        let day = today();
        self.copy_named(id, |name| format!("{name} · snapshot {day}"))
    }

    fn copy_named(self, id: &str, name: impl FnOnce(&str) -> String) -> Option<String> {
        let mut copy = self.get(id)?;
        copy.id = new_id();
        copy.assessment.meta.name = name(&storage::display_name(&copy));
        copy.created_ms = now_ms();
        copy.updated_ms = copy.created_ms;
        let copy_id = copy.id.clone();
        self.all.update(|all| all.insert(0, copy.clone()));
        self.write_whole(&copy);
        Some(copy_id)
    }

    /// Deletes an assessment, keeping it in the page so that it can be brought back.
    pub fn delete(self, id: &str) {
        let Some(stored) = self.get(id) else {
            return;
        };
        self.all.update(|all| all.retain(|s| s.id != id));
        self.pending
            .update_value(|pending| pending.retain(|(pid, _)| pid != id));
        if !self.shared_mode.get_untracked() {
            self.report(storage::remove(id));
        }
        self.deleted.set(Some(Deleted { stored }));
    }

    /// Brings back the assessment deleted last.
    pub fn undo_delete(self) {
        let Some(Deleted { stored }) = self.deleted.get_untracked() else {
            return;
        };
        self.deleted.set(None);
        self.all.update(|all| {
            all.push(stored.clone());
            storage::newest_first(all);
        });
        self.write_whole(&stored);
    }

    /// Applies one change to an assessment, on the page at once and then on the device.
    pub fn edit(self, bank: &Bank, id: &str, edit: Edit) {
        let now = now_ms();
        self.all.update(|all| {
            if let Some(stored) = all.iter_mut().find(|s| s.id == id) {
                stored.assessment.apply(&edit);
                stored.updated_ms = now;
            }
        });
        self.pending
            .update_value(|pending| pending.push((id.to_string(), edit)));
        self.flush(bank, id);
    }

    /// Writes the pending edits of one assessment on top of what storage holds now.
    pub fn flush(self, bank: &Bank, id: &str) {
        if self.shared_mode.get_untracked() {
            self.pending.update_value(Vec::clear);
            self.status.set(SaveStatus::NotSaving);
            return;
        }
        let result = match storage::load(bank, id) {
            Ok(Read::Found(mut stored, _)) => {
                self.replay_pending(id, &mut stored.assessment);
                stored.updated_ms = now_ms();
                storage::save(&stored).map(|()| Some(*stored))
            }
            // Nothing readable is stored (first save, or set aside just now): the page's copy,
            // which already holds every pending edit, is the whole truth.
            Ok(read @ (Read::Missing | Read::SetAside(_))) => {
                if let Read::SetAside(entry) = read {
                    self.set_aside.update(|entries| entries.push(entry));
                }
                match self.get(id) {
                    Some(stored) => storage::save(&stored).map(|()| Some(stored)),
                    None => Ok(None),
                }
            }
            Err(error) => Err(error),
        };
        if let Ok(Some(stored)) = &result {
            self.pending
                .update_value(|pending| pending.retain(|(pid, _)| pid != id));
            self.replace(stored.clone());
        }
        self.report(result.map(|_| ()));
    }

    /// Writes every pending edit, for "try again" after a failure.
    pub fn retry(self, bank: &Bank) {
        let mut ids: Vec<String> = self
            .pending
            .with_value(|pending| pending.iter().map(|(id, _)| id.clone()).collect());
        ids.dedup();
        if ids.is_empty() {
            // Nothing pending: check that storage works again.
            self.report(match storage::probe() {
                storage::Availability::Available => Ok(()),
                storage::Availability::Unavailable => Err(StorageError::Unavailable),
            });
        }
        for id in ids {
            self.flush(bank, &id);
        }
    }

    /// Follows a change another tab made to one assessment (or, with no id, to everything).
    pub fn follow_other_tab(self, bank: &'static Bank, id: Option<&str>) {
        let Some(id) = id else {
            if let Ok(found) = storage::load_all(bank) {
                self.all.set(found.assessments);
                self.set_aside.set(found.set_aside);
            }
            return;
        };
        match storage::load(bank, id) {
            Ok(Read::Found(mut stored, _)) => {
                self.replay_pending(id, &mut stored.assessment);
                self.replace(*stored);
            }
            Ok(Read::Missing) => self.all.update(|all| all.retain(|s| s.id != id)),
            Ok(Read::SetAside(entry)) => self.set_aside.update(|entries| entries.push(entry)),
            Err(_) => {}
        }
    }

    /// Turns shared-computer mode on or off. Turning it on writes nothing from then on;
    /// turning it off saves what the page holds.
    pub fn set_shared_mode(self, on: bool) {
        self.shared_mode.set(on);
        if on {
            self.status.set(SaveStatus::NotSaving);
        } else {
            for stored in self.all.get_untracked() {
                self.write_whole(&stored);
            }
        }
    }

    /// Removes everything this app stored on this device, and empties the page.
    pub fn forget_everything(self) {
        self.report(storage::forget_everything());
        self.all.set(Vec::new());
        self.set_aside.set(Vec::new());
        self.notices.set(Vec::new());
        self.deleted.set(None);
        self.pending.update_value(Vec::clear);
    }

    /// Removes one set-aside entry once the person no longer needs it.
    pub fn discard_set_aside(self, key: &str) {
        self.report(storage::remove_set_aside(key));
        self.set_aside
            .update(|entries| entries.retain(|e| e.key != key));
    }

    fn replay_pending(self, id: &str, assessment: &mut Assessment) {
        self.pending.with_value(|pending| {
            for (_, edit) in pending.iter().filter(|(pid, _)| pid == id) {
                assessment.apply(edit);
            }
        });
    }

    fn replace(self, stored: StoredAssessment) {
        self.all
            .update(|all| match all.iter_mut().find(|s| s.id == stored.id) {
                Some(slot) => *slot = stored,
                None => all.insert(0, stored),
            });
    }

    fn write_whole(self, stored: &StoredAssessment) {
        if self.shared_mode.get_untracked() {
            self.status.set(SaveStatus::NotSaving);
            return;
        }
        self.report(storage::save(stored));
    }

    fn report(self, result: Result<(), StorageError>) {
        let status = match result {
            Ok(()) if self.shared_mode.get_untracked() => SaveStatus::NotSaving,
            Ok(()) => SaveStatus::Saved,
            Err(error) => SaveStatus::Failed(error),
        };
        if self.status.get_untracked() != status {
            self.status.set(status);
        }
    }
}

/// A new assessment against this bank with today's date.
fn dated(bank: &Bank, meta: Meta) -> Assessment {
    let mut assessment = Assessment::new(bank);
    assessment.meta = Meta {
        date: today(),
        bank_version: bank.version().to_string(),
        ..meta
    };
    assessment
}
