//! The assessments on this device: new, copied, kept from a link, edited, deleted and brought
//! back.

use super::*;

/// Orders assessments as the list shows them: the most recently changed first.
pub(super) fn newest_first(assessments: &mut [StoredAssessment]) {
    assessments.sort_by_key(|stored| std::cmp::Reverse(stored.updated_ms));
}

impl Workspace {
    pub(super) fn replace(&mut self, stored: StoredAssessment) {
        match self.assessments.iter_mut().find(|s| s.id == stored.id) {
            Some(slot) => *slot = stored,
            None => self.assessments.insert(0, stored),
        }
    }

    /// Keeps a new assessment on this device, never over an existing one.
    pub(super) fn keep(&mut self, mut assessment: Assessment, at: &Stamp) -> Vec<Effect> {
        // A copy's longer name, or a shared link's over-long text, within a record's limits.
        assessment.clip_to_limits();
        let stored = StoredAssessment {
            id: at.fresh_id.clone(),
            created_ms: at.now_ms,
            updated_ms: at.now_ms,
            assessment,
        };
        let effects = self.write_whole(&stored);
        self.assessments.insert(0, stored);
        effects
    }

    pub(super) fn copy_named(
        &mut self,
        id: &str,
        at: &Stamp,
        name: impl FnOnce(&str) -> String,
    ) -> Vec<Effect> {
        let Some(mut copy) = self.assessment(id).map(|s| s.assessment.clone()) else {
            return Vec::new();
        };
        copy.meta.name = name(&copy.meta.display_name());
        self.keep(copy, at)
    }

    pub(super) fn edit(&mut self, id: String, edit: Edit, now_ms: u64) -> Vec<Effect> {
        let Some(stored) = self.assessments.iter_mut().find(|s| s.id == id) else {
            return Vec::new();
        };
        stored.assessment.apply(&edit);
        stored.updated_ms = now_ms;
        if self.shared_mode {
            self.status = SaveStatus::NotSaving;
            return Vec::new();
        }
        self.pending.push((id.clone(), edit));
        vec![Effect::Read {
            key: assessment_key(&id),
            purpose: ReadFor::Save,
        }]
    }

    pub(super) fn delete(&mut self, id: &str) -> Vec<Effect> {
        let Some(at) = self.assessments.iter().position(|s| s.id == id) else {
            return Vec::new();
        };
        let stored = self.assessments.remove(at);
        self.forget_unsaved(id);
        self.deleted = Some(stored);
        if self.shared_mode {
            return Vec::new();
        }
        vec![Effect::Remove {
            key: assessment_key(id),
        }]
    }
}
