//! What the device holds and the page's part in it: reading everything at start-up and what
//! another tab wrote, setting unreadable entries aside, writing, trying again, shared-computer
//! mode, and the notices that say what happened.

use super::*;

pub(super) fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// The id of the assessment stored under `key`, if the key is one of an assessment.
pub fn assessment_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(ASSESSMENT_PREFIX)
}

/// Text that cannot be read, kept aside: the entry the page shows and the move, named by the
/// text's checksum so setting aside the same text twice keeps one copy (none in
/// shared-computer mode, which writes nothing: the entry keeps its own key).
pub fn kept_aside(
    key: String,
    raw: String,
    reason: String,
    shared_mode: bool,
) -> (SetAside, Option<Effect>) {
    if shared_mode {
        return (SetAside { key, reason, raw }, None);
    }
    let to = format!("{SET_ASIDE_PREFIX}{:08x}:{key}", crc32(raw.as_bytes()));
    let effect = Effect::MoveAside {
        from: key,
        to: to.clone(),
        text: format!("{reason}\n{raw}"),
    };
    (
        SetAside {
            key: to,
            reason,
            raw,
        },
        Some(effect),
    )
}

/// An entry set aside earlier: the reason on its first line, then the text as it was.
fn set_aside_entry(key: String, kept: String) -> SetAside {
    let (reason, raw) = kept
        .split_once('\n')
        .map(|(reason, raw)| (reason.to_string(), raw.to_string()))
        .unwrap_or_else(|| ("Saved data that could not be read.".to_string(), kept));
    SetAside { key, reason, raw }
}

impl Workspace {
    /// Every assessment here as one JSON file (a list of stored records), for the person to
    /// keep when the device does not.
    pub fn everything_as_json(&self) -> String {
        let records: Vec<String> = self.assessments.iter().map(encode_stored).collect();
        format!("[{}]", records.join(",\n"))
    }

    /// Start-up, or another tab cleared everything: what the device holds becomes the page's.
    pub(super) fn read_everything(&mut self, entries: Vec<(String, String)>) -> Vec<Effect> {
        let mut assessments = Vec::new();
        let mut set_aside = Vec::new();
        let mut effects = Vec::new();
        let mut told = Vec::new();
        for (key, text) in entries {
            if key.starts_with(SET_ASIDE_PREFIX) {
                set_aside.push(set_aside_entry(key, text));
                continue;
            }
            if assessment_id_of_key(&key).is_none() {
                continue;
            }
            match decode_stored(self.bank, &text) {
                Ok(decoded) => {
                    let name = decoded.stored.assessment.meta.display_name();
                    told.extend(
                        decoded
                            .skipped
                            .iter()
                            .map(|s| format!("In \"{name}\", the app left out {s}.")),
                    );
                    assessments.push(decoded.stored);
                }
                Err(error) => {
                    let (entry, effect) = self.move_aside(key, text, &error.to_string());
                    set_aside.push(entry);
                    effects.extend(effect);
                }
            }
        }
        newest_first(&mut assessments);
        self.assessments = assessments;
        self.set_aside = set_aside;
        self.tell(told);
        effects
    }

    /// Sets aside text that cannot be read: the entry the page shows, and the move (none in
    /// shared-computer mode, which writes nothing).
    pub(super) fn move_aside(
        &self,
        key: String,
        raw: String,
        error: &str,
    ) -> (SetAside, Option<Effect>) {
        let reason = format!("A saved assessment could not be read: {error}.");
        kept_aside(key, raw, reason, self.shared_mode)
    }

    /// What one key holds now: written over with the pending edits (to save), or shown with
    /// them on top (to follow another tab).
    pub(super) fn read_one(
        &mut self,
        key: String,
        purpose: ReadFor,
        text: Result<Option<String>, StorageError>,
    ) -> Vec<Effect> {
        let Some(id) = assessment_id_of_key(&key).map(str::to_string) else {
            return Vec::new();
        };
        let text = match text {
            Ok(text) => text,
            Err(error) => {
                if purpose == ReadFor::Save {
                    self.report(Err(error));
                }
                return Vec::new();
            }
        };
        let mut effects = Vec::new();
        let decoded = match text.map(|text| (decode_stored(self.bank, &text), text)) {
            Some((Ok(decoded), _)) => Some(decoded.stored),
            Some((Err(error), raw)) => {
                let (entry, effect) = self.move_aside(key.clone(), raw, &error.to_string());
                self.set_aside.push(entry);
                effects.extend(effect);
                None
            }
            None => None,
        };
        match (decoded, purpose) {
            (Some(mut stored), _) => {
                // What another tab saved, with this page's edits on top: neither loses anything.
                for (_, edit) in self.pending.iter().filter(|(pending, _)| *pending == id) {
                    stored.assessment.apply(edit);
                }
                if let Some(page) = self.assessment(&id) {
                    stored.updated_ms = stored.updated_ms.max(page.updated_ms);
                }
                if purpose == ReadFor::Save && self.assessment(&id).is_some() {
                    effects.extend(self.write_whole(&stored));
                }
                self.replace(stored);
            }
            // Nothing readable is stored (a first save, or set aside just now): the page's copy,
            // which holds every pending edit already, is the whole truth.
            (None, ReadFor::Save) => match self.assessment(&id).cloned() {
                Some(page) => effects.extend(self.write_whole(&page)),
                // Gone from the page too: another tab deleted it and this page followed. Its
                // edits have nowhere to go, and waiting for them would keep saving failed.
                None => self.forget_unsaved(&id),
            },
            // Another tab deleted it: so does this page, with the edits it had not saved.
            (None, ReadFor::Follow) => {
                if effects.is_empty() {
                    self.assessments.retain(|stored| stored.id != id);
                    self.forget_unsaved(&id);
                }
            }
        }
        effects
    }

    pub(super) fn retry(&mut self) -> Vec<Effect> {
        if self.shared_mode {
            self.status = SaveStatus::NotSaving;
            return Vec::new();
        }
        let mut ids: Vec<&str> = Vec::new();
        for id in self.pending.iter().map(|(id, _)| id).chain(&self.unwritten) {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        if ids.is_empty() {
            // Nothing pending: learn whether storage works again.
            return vec![Effect::Probe];
        }
        ids.into_iter()
            .map(|id| Effect::Read {
                key: assessment_key(id),
                purpose: ReadFor::Save,
            })
            .collect()
    }

    pub(super) fn set_shared_mode(&mut self, on: bool) -> Vec<Effect> {
        self.shared_mode = on;
        if on {
            self.pending.clear();
            self.unwritten.clear();
            self.status = SaveStatus::NotSaving;
            return vec![Effect::KeepGroup { text: None }];
        }
        // Off: what the page holds is saved from now on, beginning now.
        self.status = SaveStatus::Saved;
        let mut effects: Vec<Effect> = self
            .assessments
            .iter()
            .flat_map(|stored| self.write_whole(stored))
            .collect();
        effects.extend(self.keep_group());
        effects
    }

    /// The write of a whole assessment, or none in shared-computer mode.
    pub(super) fn write_whole(&self, stored: &StoredAssessment) -> Vec<Effect> {
        if self.shared_mode {
            return Vec::new();
        }
        vec![Effect::Write {
            key: assessment_key(&stored.id),
            text: encode_stored(stored),
        }]
    }

    /// Forgets what this page had not saved of an assessment it no longer holds.
    pub(super) fn forget_unsaved(&mut self, id: &str) {
        self.pending.retain(|(pending, _)| pending != id);
        self.unwritten.retain(|unwritten| unwritten != id);
    }

    pub(super) fn report(&mut self, result: Result<(), StorageError>) {
        self.status = match result {
            _ if self.shared_mode => SaveStatus::NotSaving,
            // One write that worked does not save what others could not.
            Ok(()) if self.has_pending() => return,
            Ok(()) => SaveStatus::Saved,
            Err(error) => SaveStatus::Failed(error),
        };
    }

    pub(super) fn tell(&mut self, lines: Vec<String>) {
        for line in lines {
            if !self.notices.contains(&line) {
                self.notices.push(line);
            }
        }
    }
}
